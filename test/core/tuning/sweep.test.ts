import { describe, expect, it } from 'vitest';
import type { OptionDescriptor } from '../../../src/core/options-schema';
import { bestSweepPoint, objectiveSenseOf, sweepBest, sweepValues } from '../../../src/core/tuning/sweep';
import type { SweepPoint } from '../../../src/core/tuning/types';

const desc = (
  d: Partial<OptionDescriptor> & Pick<OptionDescriptor, 'name' | 'type' | 'default'>,
): OptionDescriptor => ({
  group: 'General',
  ...d,
});

// Descriptors as highs 1.15.3 describes them.
const D = {
  ranging: desc({ name: 'mip_allow_restart', type: 'boolean', default: true }),
  presolve: desc({ name: 'presolve', type: 'string', default: 'choose', choices: ['choose', 'off', 'on'] }),
  freeString: desc({ name: 'model_name', type: 'string', default: '' }),
  simplexStrategy: desc({ name: 'simplex_strategy', type: 'integer', default: 1, minimum: 0, maximum: 4 }),
  maxNodes: desc({ name: 'mip_max_nodes', type: 'integer', default: 2147483647, minimum: 0, maximum: 2147483647 }),
  seed: desc({ name: 'random_seed', type: 'integer', default: 0, minimum: 0, maximum: 2147483647 }),
  heuristicEffort: desc({ name: 'mip_heuristic_effort', type: 'double', default: 0.05, minimum: 0, maximum: 1 }),
  primalTol: desc({
    name: 'primal_feasibility_tolerance',
    type: 'double',
    default: 1e-7,
    minimum: 1e-10,
    maximum: Infinity,
  }),
  relGap: desc({ name: 'mip_rel_gap', type: 'double', default: 1e-4, minimum: 0, maximum: Infinity }),
  timeLimit: desc({ name: 'time_limit', type: 'double', default: Infinity, minimum: 0, maximum: Infinity }),
};

describe('sweepValues', () => {
  it.each([
    { what: 'a boolean', d: D.ranging, spec: undefined, values: [false, true] },
    { what: "a string option's choices", d: D.presolve, spec: undefined, values: ['choose', 'off', 'on'] },
    { what: 'a small integer range, whole', d: D.simplexStrategy, spec: undefined, values: [0, 1, 2, 3, 4] },
    // 0..2³¹ is cut: the default is far away, so 0 .. 0 + 100 in 5 steps of 25.
    { what: 'a huge integer range is cut', d: D.maxNodes, spec: undefined, values: [0, 25, 50, 75, 100] },
    { what: 'random_seed likewise', d: D.seed, spec: undefined, values: [0, 25, 50, 75, 100] },
    { what: 'a double in [0, 1], linear', d: D.heuristicEffort, spec: undefined, values: [0, 0.25, 0.5, 0.75, 1] },
    // log around the default 1e-7: max(1e-10, 1e-9) .. 1e-5, one decade a step.
    { what: 'a tolerance, log', d: D.primalTol, spec: undefined, values: [1e-9, 1e-8, 1e-7, 1e-6, 1e-5] },
    { what: 'a gap, log', d: D.relGap, spec: undefined, values: [1e-6, 1e-5, 1e-4, 1e-3, 1e-2] },
    { what: 'time_limit (default ∞): 0..100', d: D.timeLimit, spec: undefined, values: [0, 25, 50, 75, 100] },
    { what: 'three steps', d: D.heuristicEffort, spec: { from: 0, to: 1, steps: 3 }, values: [0, 0.5, 1] },
    // 0.1, 0.2 without binary noise (0.30000000000000004 would not be tidy).
    { what: 'tidy decimals', d: D.heuristicEffort, spec: { from: 0, to: 0.3, steps: 4 }, values: [0, 0.1, 0.2, 0.3] },
    {
      what: 'a log spec',
      d: D.timeLimit,
      spec: { from: 1, to: 1000, steps: 4, scale: 'log' as const },
      values: [1, 10, 100, 1000],
    },
    {
      // 0, 0.18, 0.36, 0.55, 0.73, 0.91, 1.09, 1.27, 1.45, 1.64, 1.82, 2 rounded: 0 0 0 1 1 1 1 1 1 2 2 2.
      what: 'integers rounded and de-duplicated',
      d: D.simplexStrategy,
      spec: { from: 0, to: 2, steps: 12 },
      values: [0, 1, 2],
    },
    {
      what: 'a user range on a log default is linear',
      d: D.relGap,
      spec: { from: 0, to: 0.02, steps: 3 },
      values: [0, 0.01, 0.02],
    },
  ])('$what', ({ d, spec, values }) => {
    expect(sweepValues(d, spec)).toEqual(values);
  });

  it.each([
    { d: D.freeString, spec: {}, msg: /model_name: a string option without choices cannot be swept/ },
    { d: D.heuristicEffort, spec: { steps: 1 }, msg: /steps must be a whole number from 2 to 12, got 1/ },
    { d: D.heuristicEffort, spec: { steps: 13 }, msg: /from 2 to 12, got 13/ },
    { d: D.heuristicEffort, spec: { steps: 2.5 }, msg: /got 2.5/ },
    { d: D.heuristicEffort, spec: { from: 0.5, to: 0.5 }, msg: /'from' \(0.5\) must be below 'to' \(0.5\)/ },
    { d: D.heuristicEffort, spec: { from: 0.9, to: 0.1 }, msg: /must be below/ },
    { d: D.heuristicEffort, spec: { from: -1, to: 0.5 }, msg: /below the option's minimum 0/ },
    { d: D.heuristicEffort, spec: { from: 0, to: 2 }, msg: /above the option's maximum 1/ },
    { d: D.timeLimit, spec: { from: 0, to: 10, scale: 'log' as const }, msg: /log scale needs 'from' above 0/ },
    { d: D.timeLimit, spec: { from: NaN, to: 10 }, msg: /must be finite numbers/ },
    { d: D.timeLimit, spec: { from: 0, to: Infinity }, msg: /must be finite numbers/ },
  ])('throws RangeError: $msg', ({ d, spec, msg }) => {
    expect(() => sweepValues(d, spec)).toThrow(RangeError);
    expect(() => sweepValues(d, spec)).toThrow(msg);
  });
});

const point = (value: string | number | boolean, timesMs: number[], solved = timesMs.length): SweepPoint => ({
  value,
  timesMs,
  objectives: timesMs.map(() => 1),
  work: timesMs.map(() => 10),
  solved,
});

describe('bestSweepPoint', () => {
  it.each([
    {
      // medians 20, 15, 1 — but the third has an unsolved run, so 15 wins.
      what: 'lowest median among fully solved points',
      points: [point('a', [10, 20, 30]), point('b', [5, 50, 15]), point('c', [1, 1, 1], 2)],
      best: 1,
    },
    { what: 'ties go to the first', points: [point(1, [10, 30]), point(2, [20]), point(3, [5, 35])], best: 0 },
    { what: 'none solved', points: [point(false, [1], 0), point(true, [2], 0)], best: null },
    { what: 'a point without runs does not count', points: [point('x', []), point('y', [9])], best: 1 },
    { what: 'no points', points: [], best: null },
  ])('$what', ({ points, best }) => {
    expect(bestSweepPoint(points)).toBe(best);
  });
});

// A MIP sweep (minimising: each run's dual bound lies below its objective) over seeds 1, 2.
const mip = (
  value: string,
  timesMs: number[],
  objectives: (number | null)[],
  duals: number[] = [0, 0],
): SweepPoint => ({
  value,
  timesMs,
  objectives,
  seeds: [1, 2],
  dualBounds: duals,
  work: timesMs.map(() => 10),
  solved: timesMs.length,
});

describe('sweepBest: the best value never has a seed that ended at a worse objective (issue 18)', () => {
  it.each([
    {
      what: 'objectives agree: the fastest fully solved value',
      points: [mip('0.1', [5, 5], [7, 7]), mip('1e-4', [9, 9], [7, 7])],
      best: 0,
      refused: [],
    },
    {
      what: 'the fastest value’s seed 2 ended worse (minimising): refused, the next one is best',
      points: [mip('0.1', [5, 5], [7, 9]), mip('1e-4', [9, 9], [7, 7])],
      best: 1,
      refused: [{ index: 0, seed: 2, objective: 9 }],
    },
    {
      what: 'maximising (dual bound above): the lower objective is the worse one',
      points: [mip('0.1', [5, 5], [7, 9], [10, 10]), mip('1e-4', [9, 9], [9, 9], [10, 10])],
      best: 1,
      refused: [{ index: 0, seed: 1, objective: 7 }],
    },
    {
      what: 'within the tolerance: the same answer',
      points: [mip('0.1', [5, 5], [7, 7 + 5e-7]), mip('1e-4', [9, 9], [7, 7])],
      best: 0,
      refused: [],
    },
    {
      what: 'every value has a worse seed: nothing is best',
      points: [mip('a', [5, 5], [7, 9]), mip('b', [9, 9], [8, 7])],
      best: null,
      refused: [
        { index: 0, seed: 2, objective: 9 },
        { index: 1, seed: 1, objective: 8 },
      ],
    },
    {
      what: 'a solved run without an objective beside objectives: refused',
      points: [mip('a', [5, 5], [null, 7]), mip('b', [9, 9], [7, 7])],
      best: 1,
      refused: [{ index: 0, seed: 1, objective: null }],
    },
    {
      what: 'objectives differ and no run tells the sense (an LP): nothing is best',
      points: [mip('a', [5, 5], [7, 9], [7, 9]), mip('b', [9, 9], [7, 7], [7, 7])],
      best: null,
      refused: [
        { index: 0, seed: null, objective: null },
        { index: 1, seed: null, objective: null },
      ],
    },
  ])('$what', ({ points, best, refused }) => {
    const r = sweepBest(points);
    expect(r.index).toBe(best);
    expect(bestSweepPoint(points)).toBe(best);
    expect(r.refused.map(({ index, seed, objective }) => ({ index, seed, objective }))).toEqual(refused);
    for (const x of r.refused) expect(x.reason.length).toBeGreaterThan(0);
  });

  it('says which seed, what it reached and what the best was', () => {
    const r = sweepBest([mip('0.1', [5, 5], [7, 9]), mip('1e-4', [9, 9], [7, 7])]);
    expect(r.refused[0].reason).toBe('seed 2 ended at objective 9, worse than the best 7 (minimising)');
    expect(r.bestObjective).toBe(7);
  });
});

describe('objectiveSenseOf', () => {
  it.each([
    { duals: [0, 0], objectives: [7, 7], sense: 'minimize' },
    { duals: [10, 10], objectives: [7, 7], sense: 'maximize' },
    { duals: [7, 7], objectives: [7, 7], sense: null },
    { duals: [null, 3], objectives: [7, 7], sense: 'minimize' },
    { duals: [null, null], objectives: [7, 7], sense: null },
  ] as { duals: (number | null)[]; objectives: number[]; sense: string | null }[])(
    'duals $duals, objectives $objectives → $sense',
    ({ duals, objectives, sense }) => {
      const p: SweepPoint = { value: 'x', timesMs: [1, 1], objectives, dualBounds: duals, work: [1, 1], solved: 2 };
      expect(objectiveSenseOf([p])).toBe(sense);
    },
  );
});
