import { describe, expect, it } from 'vitest';
import {
  ablationChart,
  boundPointsMs,
  distributionChart,
  formatDelta,
  gapCurvesChart,
  groupLabel,
  memoryShare,
  sweepChart,
} from '../../../src/core/charts';
import type { MipPoint } from '../../../src/core/run-record';
import type { AblationRow, Distribution, SweepPoint } from '../../../src/core/tuning/types';

const dist = (values: number[]): Distribution => {
  const s = [...values].sort((a, b) => a - b);
  // Hand-computed for the tables below (type-7 quartiles).
  return { n: s.length, values: s, min: s[0], q1: 2, median: 3, q3: 4, max: s[s.length - 1], mean: 3, cv: 0.5 };
};

describe('distributionChart', () => {
  it('draws every run as a point inside the strip, the box Q1–Q3 closed, the median and min–max whiskers', () => {
    const c = distributionChart(dist([5, 1, 3, 2, 4]));
    expect(c.points.map((p) => p.y)).toEqual([1, 2, 3, 4, 5]);
    expect(c.points.every((p) => Math.abs(p.x) <= 0.3)).toBe(true);
    expect(new Set(c.points.map((p) => p.x)).size).toBe(5);
    expect(c.box[0]).toEqual(c.box[4]);
    expect(c.box.map((p) => p.y)).toEqual([2, 2, 4, 4, 2]);
    expect(c.median.map((p) => p.y)).toEqual([3, 3]);
    expect(c.whiskers.map((w) => w.map((p) => p.y))).toEqual([
      [1, 2],
      [4, 5],
    ]);
    expect(c.hidden).toBe(0);
    expect(c.table.rows.slice(0, 5)).toEqual([
      ['min', 1],
      ['Q1', 2],
      ['median', 3],
      ['Q3', 4],
      ['max', 5],
    ]);
    expect(c.table.rows).toHaveLength(10);
  });

  it('is deterministic', () => {
    expect(distributionChart(dist([1, 2, 3, 4, 5]))).toEqual(distributionChart(dist([1, 2, 3, 4, 5])));
  });

  it.each([
    [10, 4, 4, 6],
    [3, 4, 3, 0],
  ])('caps %i values at %i points (%i drawn, %i hidden), min and max kept', (n, cap, drawn, hidden) => {
    const values = Array.from({ length: n }, (_, i) => i + 1);
    const c = distributionChart(dist(values), cap);
    expect(c.points).toHaveLength(drawn);
    expect(c.hidden).toBe(hidden);
    expect(c.points[0].y).toBe(1);
    expect(c.points[c.points.length - 1].y).toBe(n);
    expect(c.table.rows).toHaveLength(5 + drawn);
  });
});

const sp = (value: SweepPoint['value'], timesMs: number[], work: number[], solved = timesMs.length): SweepPoint => ({
  value,
  timesMs,
  work,
  objectives: timesMs.map(() => 7),
  solved,
});

describe('sweepChart', () => {
  it('one x per value with the median time and work, each run a point, the best marked', () => {
    const c = sweepChart([sp('off', [10, 30, 20], [5, 5, 5]), sp('on', [4, 6], [2, 4])], 1);
    expect(c.labels).toEqual(['off', 'on']);
    expect(c.medianMs).toEqual([20, 5]);
    expect(c.medianWork).toEqual([5, 3]);
    expect(c.runs).toEqual([
      { x: 0, y: 10 },
      { x: 0, y: 30 },
      { x: 0, y: 20 },
      { x: 1, y: 4 },
      { x: 1, y: 6 },
    ]);
    expect(c.best).toEqual({ x: 1, y: 5 });
    expect(c.table.rows).toHaveLength(5 + 2);
    expect(c.table.rows[6]).toEqual(['on', 'median (best)', 5, 3, null]);
  });

  it.each([
    ['no best', null],
    ['a best without runs', 0],
  ])('%s marks nothing', (_name, best) => {
    const c = sweepChart([sp(false, [], [])], best);
    expect(c.best).toBeNull();
    expect(c.medianMs).toEqual([null]);
    expect(c.labels).toEqual(['false']);
  });

  it('caps the runs drawn per value', () => {
    const times = Array.from({ length: 50 }, (_, i) => i);
    const c = sweepChart([sp(1, times, times)], 0, 5);
    expect(c.runs).toHaveLength(5);
    expect(c.runs.map((r) => r.y)).toEqual([0, 12, 25, 37, 49]);
  });
});

const row = (group: string, timeRatio: number | null, objectiveChange: number | null = 0): AblationRow => ({
  group,
  rows: 3,
  nnz: 9,
  timeRatio,
  objectiveChange,
  status: 'optimal',
});

describe('ablationChart', () => {
  it('sorts groups by time ratio (the costliest first), leaves out the ones without a ratio', () => {
    const c = ablationChart([row('b', 1.5), row('a', 0.25), row('x', null), row('', 0.8, -2)]);
    expect(c.labels).toEqual(['a', '(all rows)', 'b']);
    expect(c.ratios).toEqual([0.25, 0.8, 1.5]);
    expect(c.hidden).toBe(1);
    expect(c.table.rows[1]).toEqual(['(all rows)', 3, 9, 0.8, -2, 'optimal']);
  });

  it('caps the bars', () => {
    const c = ablationChart(
      Array.from({ length: 10 }, (_, i) => row(`g${i}`, 10 - i)),
      3,
    );
    expect(c.labels).toEqual(['g9', 'g8', 'g7']);
    expect(c.hidden).toBe(7);
  });

  it.each([
    ['', '(all rows)'],
    ['cap', 'cap'],
  ])('group %j is shown as %j', (prefix, label) => expect(groupLabel(prefix)).toBe(label));
});

const mp = (t: number, primal: number | null, dual: number | null, gap: number | null): MipPoint => ({
  t,
  primal,
  dual,
  gap,
  nodes: 0,
});

describe('gapCurvesChart', () => {
  it('draws each run in ms with the known bounds, gaps in % capped at 100', () => {
    const c = gapCurvesChart([
      { label: 'this solve', points: [mp(0, null, 1, null), mp(0.5, 10, 5, 0.5), mp(1, 6, 6, 0)] },
      { label: 'reference', points: [mp(0.25, 4, 1, 3)] },
    ]);
    expect(c.curves[0].primal).toEqual([
      { x: 500, y: 10 },
      { x: 1000, y: 6 },
    ]);
    expect(c.curves[0].dual.map((p) => p.x)).toEqual([0, 500, 1000]);
    expect(c.curves[0].gapPct).toEqual([
      { x: 500, y: 50 },
      { x: 1000, y: 0 },
    ]);
    expect(c.curves[1].gapPct).toEqual([{ x: 250, y: 100 }]);
    expect(c.table.rows).toHaveLength(4);
    expect(c.table.rows[3]).toEqual(['reference', 250, 4, 1, 100]);
  });

  it('thins a long curve, first and last kept', () => {
    const pts = Array.from({ length: 1000 }, (_, i) => mp(i / 1000, 1, 0, 1));
    const c = gapCurvesChart([{ label: 'a', points: pts }], 10);
    expect(c.curves[0].primal).toHaveLength(10);
    expect(c.curves[0].primal[9].x).toBe(999);
  });

  it('boundPointsMs maps seconds to ms for the primal–dual integral', () => {
    expect(boundPointsMs([mp(1.5, 3, null, null)])).toEqual([{ tMs: 1500, primal: 3, dual: null }]);
  });
});

describe('memoryShare', () => {
  it.each([
    // model 48 of 256 after the solve; the solve added 128
    [{ beforeReadBytes: 80, afterReadBytes: 128, afterSolveBytes: 256 }, 48, 128, 48 / 256],
    [{ beforeReadBytes: 64, afterReadBytes: 64, afterSolveBytes: 64 }, 0, 0, 0],
    [{ beforeReadBytes: 0, afterReadBytes: 0, afterSolveBytes: 0 }, 0, 0, 0],
  ])('%j → model %i, solve %i, share %f', (m, model, solve, share) => {
    expect(memoryShare(m)).toEqual({ modelBytes: model, solveBytes: solve, modelShare: share });
  });
});

describe('formatDelta', () => {
  it.each([
    ['ratio', 1.23456, '×1.235'],
    ['ratio', 0.5, '×0.5'],
    ['difference', 2, '+2'],
    ['difference', -0.25, '−0.25'],
    ['difference', 0, '0'],
    ['ratio', null, '–'],
  ] as const)('%s %s → %s', (kind, value, text) => expect(formatDelta({ kind, value })).toBe(text));
});
