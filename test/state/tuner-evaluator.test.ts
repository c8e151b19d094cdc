// The racing tuner end to end on real HiGHS: core/tuner's race over generated knapsack instances, every job
// solved through an in-process pool by the pool evaluator (options, random_seed, time limit, solution checked),
// then the held-out plan and its result. What a #/tune view and a command line will drive.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../src/core/templates';
import {
  Race,
  buildSpace,
  heldOutPlan,
  makeBlocks,
  runRace,
  splitInstances,
  tunerResult,
  type TunerJob,
} from '../../src/core/tuner';
import { jobOptions, poolEvaluator } from '../../src/state/tuner-evaluator';
import type { WorkerPool } from '../../src/solver/worker-pool';
import { localPool } from './harness';

let solver: WorkerPool;
beforeAll(() => {
  solver = localPool([], { minWorkers: 2, maxWorkers: 2 });
});
afterAll(() => solver.dispose());

/** Instance ids `knapsack-<size>-<seed>`, built by the generator on demand. */
const INSTANCES = [20, 25, 30].flatMap((size) => [1, 2, 3].map((s) => `knapsack-${size}-${s}`));
const instance = async (id: string, symmetryBreaking: boolean) => {
  const [, size, seed] = id.split('-').map(Number);
  const m = generate('knapsack', { size, instanceSeed: seed, symmetryBreaking });
  return { name: m.name, bytes: new TextEncoder().encode(m.lp) };
};

describe('the tuner over the pool', () => {
  it('jobOptions sets the job time limit in seconds beside its changes and seed', () => {
    const job = { options: { presolve: 'off', random_seed: 3 }, timeLimitMs: 250 } as unknown as TunerJob;
    expect(jobOptions(job)).toEqual({ presolve: 'off', random_seed: 3, time_limit: 0.25 });
    expect(jobOptions({ ...job, timeLimitMs: null })).toEqual({ presolve: 'off', random_seed: 3 });
  });

  it('judges each answer as every solve is judged: one off the known objective is no answer (an error)', async () => {
    const g = generate('knapsack', { size: 20, instanceSeed: 1, symmetryBreaking: false });
    expect(g.knownObjective).not.toBeNull();
    const job: TunerJob = {
      id: 'c1@0',
      candidate: 'c1',
      block: 0,
      instance: 'knapsack-20-1',
      seed: 0,
      options: { random_seed: 0 },
      symmetryBreaking: false,
      timeLimitMs: 10_000,
      capped: false,
    };
    const judged = (knownObjective: number) =>
      poolEvaluator({
        solver,
        instance,
        batchId: 'judge',
        known: () => ({ name: g.name, origin: 'generated', knownObjective, expectedStatus: null }),
      })(job);
    const right = await judged(g.knownObjective!);
    expect(right.status).toBe('optimal');
    expect(right.error).toBeNull();
    const wrong = await judged(g.knownObjective! + 100);
    expect(wrong.status).toBe('optimal');
    expect(wrong.error).toMatch(/^wrong answer: /);
    expect(wrong.error!.length).toBeLessThanOrEqual(500);
  });

  it('races a small space on real solves, then judges the best sets on held-out instances', async () => {
    const descriptors = await solver.describeOptions();
    const built = buildSpace(descriptors, { only: ['presolve', 'mip_detect_symmetry', 'simplex_strategy'] });
    if (!built.ok) throw new Error(built.errors.join('; '));
    const split = splitInstances(INSTANCES, 7);
    expect(split.tuning.length).toBe(6);
    expect(split.heldOut.length).toBe(3);
    const race = Race.start({
      space: built.space,
      blocks: makeBlocks(split.tuning, [1, 2], 7),
      seed: 7,
      timeLimitMs: 10_000,
      budget: { runs: 120, timeMs: null },
    });
    const evaluate = poolEvaluator({ solver, instance, batchId: 'tuner-test' });
    const seen: number[] = [];
    const progress = await runRace(race, evaluate, { concurrency: 2, onProgress: (p) => seen.push(p.runs) });
    expect(progress.runs).toBeGreaterThan(0);
    expect(seen.length).toBe(progress.runs);
    // The budget is checked when a stage ends: it may be passed by at most one stage of the candidates.
    expect(progress.runs).toBeLessThanOrEqual(120 + progress.candidates.length * 5);
    expect(progress.fullEvaluationRuns).toBeGreaterThanOrEqual(progress.runs);
    // Every recorded answer agreed with the baseline's: knapsack optima do not depend on these options.
    expect(progress.candidates.filter((c) => c.status === 'quarantined')).toEqual([]);

    const plan = heldOutPlan(race.toJSON(), makeBlocks(split.heldOut, [1, 2, 3, 4], 7));
    const results = await Promise.all(plan.jobs.map((j) => evaluate(j)));
    expect(results.every((r) => r.error === null && r.status === 'optimal')).toBe(true);
    expect(results.every((r) => r.feasible === true)).toBe(true);
    const result = tunerResult(race.toJSON(), plan, results);
    expect(result.heldOutBlocks).toBe(12);
    expect(['change', 'no-change']).toContain(result.recommendation.kind);
    // The baseline row and at least the best one-option set, each with training and held-out figures side by side.
    expect(result.rows.length).toBeGreaterThanOrEqual(1);
    const json = JSON.stringify(race.toJSON());
    expect(Race.resume(JSON.parse(json)).progress().runs).toBe(progress.runs);
  });
});
