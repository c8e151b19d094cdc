// The tuner's charts as data: the anytime curve held to the runs spent, and the gain against options changed
// with the held-out interval and the training speedup beside it.
import { describe, expect, it } from 'vitest';
import { anytimeChart, gainChart } from '../../../src/core/charts';
import type { AnytimePoint, ResultRow } from '../../../src/core/tuner';

const pt = (runs: number, speedup: number | null, label = 'defaults'): AnytimePoint => ({
  runs,
  timeMs: runs * 10,
  best: label,
  label,
  speedup,
  blocks: 5,
});

describe('anytimeChart', () => {
  it.each([
    ['nothing yet', [], 100, [], 0],
    ['a point without pairs is left out', [pt(10, null)], 100, [], 1],
    [
      'the last best holds to the runs spent',
      [pt(40, 1)],
      64,
      [
        { x: 40, y: 1 },
        { x: 64, y: 1 },
      ],
      1,
    ],
    ['no extension when nothing ran since', [pt(40, 1.2, 'a')], 40, [{ x: 40, y: 1.2 }], 1],
    [
      'steps as the best changes',
      [pt(40, 1), pt(80, 1.3, 'presolve=off')],
      120,
      [
        { x: 40, y: 1 },
        { x: 80, y: 1.3 },
        { x: 120, y: 1.3 },
      ],
      2,
    ],
  ] as const)('%s', (_name, points, end, expected, rows) => {
    const c = anytimeChart([...points], end);
    expect(c.points).toEqual(expected);
    expect(c.labels).toHaveLength(expected.length);
    expect(c.table.rows).toHaveLength(rows);
  });
});

const fig = (speedup: number | null, ci: [number, number] | null) => ({
  speedup,
  ci95: ci,
  call: 'faster' as const,
  real: true,
  label: 'faster (real)',
  why: '',
  pairs: 12,
});
const row = (k: number, speedup: number | null, ci: [number, number] | null, training: number | null): ResultRow => ({
  k,
  set: `c${k}`,
  changes: {},
  label: `set ${k}`,
  heldOut: fig(speedup, ci),
  training: training === null ? null : { speedup: training, ci95: null, blocks: 10, cappedBlocks: 0 },
  answer: null,
});

describe('gainChart', () => {
  it('draws each count with its interval, training beside it, and leaves out what is unknown', () => {
    const c = gainChart([row(1, 1.4, [1.2, 1.6], 1.5), row(2, null, null, 1.7), row(3, 1.1, null, null)]);
    expect(c.heldOut).toEqual([
      { x: 1, y: 1.4, low: 1.2, high: 1.6 },
      { x: 3, y: 1.1, low: null, high: null },
    ]);
    expect(c.training).toEqual([
      { x: 1, y: 1.5 },
      { x: 2, y: 1.7 },
    ]);
    expect(c.labels).toEqual(['1: set 1', '2: set 2', '3: set 3']);
    expect(c.table.rows[0]).toEqual([1, 'set 1', 1.4, 1.2, 1.6, 'faster', 1.5]);
    expect(c.table.rows[1]).toEqual([2, 'set 2', null, null, null, 'faster', 1.7]);
  });
});
