// The plan split into shards (`--shard I/N`): which jobs each shard runs, table-driven, and for many plans
// and counts the rules a split must keep: every job in exactly one shard, a problem's option sets together,
// shards balanced to within one problem, the same split every time.
import { describe, expect, it } from 'vitest';
import {
  planBenchmark,
  shardIssue,
  shardJobs,
  shardsOf,
  type PlanOptionSet,
  type PlannedJob,
} from '../../src/core/benchmark-plan';

const short = (j: PlannedJob) => `${j.modelId}${j.optionSetId}${j.seed}${j.repetition}`;

describe('shardsOf', () => {
  it.each([
    [
      'one shard takes everything',
      planBenchmark({ seeds: [1, 2], repetitions: 1 }, ['m'], ['A', 'B']),
      1,
      [1, 1, 1, 1],
    ],
    [
      'two shards: a problem (model, seed) whole, in turn',
      planBenchmark({ seeds: [1, 2], repetitions: 1 }, ['m', 'n'], ['A', 'B']),
      2,
      [1, 1, 2, 2, 1, 1, 2, 2],
    ],
    [
      'three shards over four problems: the fourth goes to the first',
      planBenchmark({ seeds: [1, 2], repetitions: 1 }, ['m', 'n'], ['A']),
      3,
      [1, 2, 3, 1],
    ],
    [
      'more shards than problems: the last ones are empty',
      planBenchmark({ seeds: [1], repetitions: 1 }, ['m'], ['A', 'B']),
      3,
      [1, 1],
    ],
    [
      'repetitions are problems of their own',
      planBenchmark({ seeds: [1], repetitions: 2 }, ['m'], ['A', 'B']),
      2,
      [1, 1, 2, 2],
    ],
    [
      'a problem with fewer sets (a scoped set) weighs less: the next goes to the lighter shard',
      planBenchmark(
        { seeds: [1], repetitions: 1 },
        [
          { id: 'm', template: 'T' },
          { id: 'n', template: 'U' },
          { id: 'o', template: 'U' },
          { id: 'p', template: 'T' },
        ],
        [{ id: 'A' }, { id: 'B', templates: ['T'] }],
      ),
      2,
      // m (2 jobs) → 1 [2, 0]; n (1) → 2 [2, 1]; o (1) → 2, the lighter [2, 2]; p (2) → 1, a tie to the lowest.
      [1, 1, 2, 2, 1, 1],
    ],
    ['an empty plan', [], 4, []],
  ])('%s', (_label, plan, count, expected) => {
    expect(shardsOf(plan, count)).toEqual(expected);
  });

  it.each([
    [{ index: 1, count: 1 }, null],
    [{ index: 4, count: 4 }, null],
    [{ index: 0, count: 4 }, 'shard: a whole number from 1 to 4, got 0'],
    [{ index: 5, count: 4 }, 'shard: a whole number from 1 to 4, got 5'],
    [{ index: 1.5, count: 4 }, 'shard: a whole number from 1 to 4, got 1.5'],
    [{ index: 1, count: 0 }, 'shard count: a whole number ≥ 1, got 0'],
    [{ index: 1, count: NaN }, 'shard count: a whole number ≥ 1, got NaN'],
  ])('shard %o: %s', (shard, issue) => {
    expect(shardIssue(shard)).toBe(issue);
    if (issue) expect(() => shardJobs([], shard)).toThrow(RangeError);
  });

  const sets: PlanOptionSet[][] = [['A'], ['A', 'B'], ['A', 'B', 'C'], [{ id: 'A' }, { id: 'B', templates: ['T'] }]];
  const models = ['m', 'n', 'o', 'p', 'q'].map((id, i) => ({ id, template: i % 2 ? 'T' : 'U' }));
  const cases = sets.flatMap((s) =>
    [1, 2, 3, 5].flatMap((seeds) =>
      [1, 3].map((repetitions) => ({
        plan: planBenchmark({ seeds: Array.from({ length: seeds }, (_, i) => i + 1), repetitions }, models, s),
        perProblem: s.length,
      })),
    ),
  );

  it.each([1, 2, 3, 4, 7, 16])(
    '%i shards: every job in exactly one, problems whole, balanced, the same every time',
    (count) => {
      for (const { plan, perProblem } of cases) {
        const shards = Array.from({ length: count }, (_, i) => shardJobs(plan, { index: i + 1, count }));
        // Exactly once: the shards' indices are the plan's, each once.
        expect(shards.flat().sort((a, b) => a - b)).toEqual(plan.map((_, i) => i));
        for (const s of shards) expect(s).toEqual([...s].sort((a, b) => a - b)); // plan order
        // Balanced: job counts differ by at most one problem's jobs.
        const sizes = shards.map((s) => s.length);
        expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(perProblem);
        // A problem's option sets in one shard.
        const of = shardsOf(plan, count);
        const problem = new Map<string, number>();
        plan.forEach((j, i) => {
          const key = JSON.stringify([j.repetition, j.modelId, j.seed]);
          expect(problem.get(key) ?? of[i]).toBe(of[i]);
          problem.set(key, of[i]);
        });
        // Deterministic: the same plan, made again, splits the same.
        expect(
          shardsOf(
            plan.map((j) => ({ ...j })),
            count,
          ),
        ).toEqual(of);
      }
    },
  );

  it('shard I of N lists its jobs in plan order', () => {
    const plan = planBenchmark({ seeds: [1, 2, 3], repetitions: 1 }, ['m'], ['A', 'B']);
    expect(shardJobs(plan, { index: 2, count: 2 }).map((i) => short(plan[i]))).toEqual(['mB20', 'mA20']);
    expect(shardJobs(plan, { index: 1, count: 2 }).map((i) => short(plan[i]))).toEqual([
      'mA10',
      'mB10',
      'mA30',
      'mB30',
    ]);
  });
});
