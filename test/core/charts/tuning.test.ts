import { describe, expect, it } from 'vitest';
import {
  ablationBarKind,
  ablationChart,
  boundPointsMs,
  diagonalSegments,
  distributionChart,
  formatDelta,
  gapCurvesChart,
  liveMipSteps,
  memoryShare,
  stepLine,
  sweepChart,
  type XY,
} from '../../../src/core/charts';
import type { TimeDecision } from '../../../src/core/decision';
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

const row = (
  group: string,
  timeRatio: number | null,
  objectiveChange: number | null = 0,
  over: Partial<AblationRow> = {},
): AblationRow => ({
  group,
  label: group === '' ? '(names starting with a digit)' : group,
  rows: 3,
  nnz: 9,
  timeRatio,
  objectiveChange,
  status: 'optimal',
  outcome: 'optimal',
  ...over,
});

const decision = (real: boolean | null, label: string): TimeDecision => ({
  call: real === null ? 'too-few' : real ? 'slower' : 'noise',
  real,
  ratio: 1,
  ci95: null,
  p: null,
  n: { ref: 1, cand: 1, pairs: 1 },
  method: 'none',
  moreRuns: null,
  thresholdPct: 5,
  label,
  why: label,
});

describe('ablationChart', () => {
  it('sorts groups by time ratio (the costliest first), leaves out the ones without a ratio', () => {
    const c = ablationChart([row('b', 1.5), row('a', 0.25), row('x', null), row('', 0.8, -2)]);
    expect(c.labels).toEqual(['a', '(names starting with a digit)', 'b']);
    expect(c.ratios).toEqual([0.25, 0.8, 1.5]);
    expect(c.hidden).toBe(1);
    expect(c.table.rows[1]).toEqual([
      '(names starting with a digit)',
      3,
      9,
      0.8,
      'undetermined: one solve against one',
      -2,
      'optimal',
    ]);
  });

  it('caps the bars', () => {
    const c = ablationChart(
      Array.from({ length: 10 }, (_, i) => row(`g${i}`, 10 - i)),
      3,
    );
    expect(c.labels).toEqual(['g9', 'g8', 'g7']);
    expect(c.hidden).toBe(7);
  });

  it('marks a group whose removal leaves the model unbounded or infeasible, whatever its finite ratio', () => {
    const c = ablationChart([
      row('cap', 0.4, null, { status: 'unbounded', outcome: 'unbounded' }),
      row('link', 0.9, 0, { decision: decision(null, 'undetermined: 3 more runs a side') }),
      row('dem', 1.2, null, { status: 'infeasible', outcome: 'infeasible' }),
    ]);
    expect(c.bars.map((b) => [b.group, b.kind])).toEqual([
      ['cap', 'broken'],
      ['link', 'undetermined'],
      ['dem', 'broken'],
    ]);
    expect(c.broken).toBe(2);
    expect(c.labels).toEqual(['⚠ cap (unbounded)', 'link', '⚠ dem (infeasible)']);
    // The one rule's label travels beside each ratio, into the table too.
    expect(c.bars[1].call).toBe('undetermined: 3 more runs a side');
    expect(c.table.rows[1][4]).toBe('undetermined: 3 more runs a side');
  });

  it.each([
    [{ outcome: 'unbounded-or-infeasible' as const }, 'broken'],
    [{ outcome: 'optimal' as const, decision: decision(true, 'slower (real)') }, 'real'],
    [{ outcome: 'optimal' as const, decision: decision(false, 'noise') }, 'noise'],
    [{ outcome: 'optimal' as const, decision: null }, 'undetermined'],
    [{ outcome: 'other' as const }, 'undetermined'],
  ])('%j is drawn as %s', (over, kind) => {
    expect(ablationBarKind(row('g', 1, 0, over))).toBe(kind);
  });
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
    // As steps: each value holds until the next report (a corner at each jump).
    expect(c.curves[0].primal).toEqual([
      { x: 500, y: 10 },
      { x: 1000, y: 10 },
      { x: 1000, y: 6 },
    ]);
    expect(c.curves[0].dual.map((p) => p.x)).toEqual([0, 500, 500, 1000, 1000]);
    expect(c.curves[0].gapPct).toEqual([
      { x: 500, y: 50 },
      { x: 1000, y: 50 },
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

/** Every segment of a drawn line is flat or vertical: no diagonal. */
const stepped = (line: XY[]) => line.every((p, i) => i === 0 || p.x === line[i - 1].x || p.y === line[i - 1].y);
/** The value a drawn step line shows at x (the last point at or before x). */
const at = (line: XY[], x: number) => line.filter((p) => p.x <= x).at(-1)?.y ?? null;

describe('MIP bounds and gap as steps (issue 18: the live chart drew the gap as a diagonal)', () => {
  // Bounds reported at 1 s and 3 s only: between them both are flat, so the gap must be flat too.
  const points = [mp(1, 120, 100, 1 / 6), mp(3, 110, 105, 5 / 110), mp(4, 106, 105, 1 / 106)];

  it.each([
    ['the live chart (s)', liveMipSteps(points), 1],
    ['the profile chart (ms)', gapCurvesChart([{ label: 'a', points }]).curves[0], 1000],
  ])('%s: every series is stepped, and the gap stays put while the bounds do', (_name, s, unit) => {
    for (const line of [s.primal, s.dual, s.gapPct]) {
      expect(stepped(line)).toBe(true);
      expect(diagonalSegments(line)).toBe(0);
    }
    // The reports alone, joined straight, had a diagonal gap: what the live chart drew.
    expect(diagonalSegments(points.map((p) => ({ x: p.t, y: p.gap! })))).toBe(2);
    expect(at(s.gapPct, 2 * unit)).toBeCloseTo(100 / 6, 12);
    expect(at(s.primal, 2 * unit)).toBe(120);
    expect(at(s.dual, 2 * unit)).toBe(100);
    expect(at(s.gapPct, 3 * unit)).toBeCloseTo(500 / 110, 12);
  });

  it.each([
    {
      what: 'a change gets a corner',
      line: [
        { x: 0, y: 5 },
        { x: 2, y: 3 },
      ],
      out: [
        { x: 0, y: 5 },
        { x: 2, y: 5 },
        { x: 2, y: 3 },
      ],
    },
    {
      what: 'no change, no corner',
      line: [
        { x: 0, y: 5 },
        { x: 2, y: 5 },
      ],
      out: [
        { x: 0, y: 5 },
        { x: 2, y: 5 },
      ],
    },
    {
      what: 'two reports at one time: no corner',
      line: [
        { x: 1, y: 5 },
        { x: 1, y: 3 },
      ],
      out: [
        { x: 1, y: 5 },
        { x: 1, y: 3 },
      ],
    },
    { what: 'empty', line: [], out: [] },
  ])('stepLine: $what', ({ line, out }) => {
    expect(stepLine(line)).toEqual(out);
  });
});

describe('sweepChart: a value refused for a worse objective (issue 18)', () => {
  it('is not the best, is marked at its median, and its table row says why', () => {
    const refused = [{ index: 0, seed: 2, objective: 9, reason: 'seed 2 ended at objective 9, worse than the best 7' }];
    const c = sweepChart([sp('loose', [1, 3], [1, 1]), sp('tight', [4, 6], [2, 2])], 1, undefined, refused);
    expect(c.best).toEqual({ x: 1, y: 5 });
    expect(c.worseObjective).toEqual([{ x: 0, y: 2 }]);
    expect(c.table.rows.at(-2)).toEqual(['loose', 'median (worse objective: not best)', 2, 1, null]);
  });
});
