// A small, complete report for the report tests: two models, two option sets (one with time_limit
// Infinity), a failed run, a MIP run with its gap trace, runs with and without HiGHS's reported infeasibility
// (a file from before the field has none), and a summary with fields beyond the ones version 1 checks.
import type { BenchmarkRun } from '../../../src/core/benchmark';
import type { Report } from '../../../src/core/report';

export const MODEL_A = 'a'.repeat(64);
export const MODEL_B = '0123456789abcdef'.repeat(4);

const counters = (simplexIterations = 0, mipNodes = 0) => ({
  simplexIterations,
  ipmIterations: 0,
  crossoverIterations: 0,
  qpIterations: 0,
  pdlpIterations: 0,
  mipNodes,
  mipLpIterations: mipNodes * 3,
});

export function run(overrides: Partial<BenchmarkRun> = {}): BenchmarkRun {
  return {
    modelId: MODEL_A,
    optionSetId: 'defaults',
    seed: 0,
    repetition: 0,
    status: 'optimal',
    objective: -464.7531428571,
    mipDualBound: null,
    timeMs: 12.5,
    counters: counters(42),
    maxBoundViolation: 0,
    maxRowViolation: 1.2e-12,
    verdict: 'verified',
    error: null,
    ...overrides,
  };
}

/** A fresh sample report (tests may mutate it). */
export function sampleReport(): Report {
  return {
    schema: 'highs-workbench/report',
    version: 1,
    createdAt: '2026-11-03T10:15:00.000Z',
    app: { name: 'HiGHS Workbench', version: '0.1.0' },
    solver: { name: 'highs', version: '1.15.1' },
    environment: {
      userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Chrome/140',
      hardwareConcurrency: 8,
      crossOriginIsolated: true,
    },
    benchmarks: [
      {
        id: 'bench-1',
        name: 'afiro vs knapsack — presolve',
        config: { timeLimitMs: 60_000, seeds: [0, 1], repetitions: 2, warmup: true },
        referenceOptionSetId: 'defaults',
        models: [
          {
            id: MODEL_A,
            name: 'afiro.mps',
            template: 'netlib',
            size: null,
            rows: 27,
            cols: 32,
            nnz: 83,
            integers: 0,
            knownObjective: -464.7531428571,
          },
          {
            id: MODEL_B,
            name: 'knapsack-50 seed 3',
            template: 'knapsack',
            size: 50,
            rows: 1,
            cols: 50,
            nnz: 50,
            integers: 50,
            knownObjective: null,
          },
        ],
        optionSets: [
          { id: 'defaults', name: 'Defaults', options: {} },
          {
            id: 'no-presolve',
            name: 'Presolve off, no time limit',
            options: {
              presolve: 'off',
              time_limit: Infinity,
              objective_bound: -Infinity,
              mip_rel_gap: 1e-4,
              log_dev_level: 0,
              mip_detect_symmetry: false,
            },
          },
        ],
        runs: [
          run(),
          run({
            optionSetId: 'no-presolve',
            seed: 1,
            repetition: 1,
            timeMs: 0,
            counters: counters(57),
            highsMaxPrimalInfeasibility: 3.5e-13,
          }),
          run({
            modelId: MODEL_B,
            status: 'time-limit',
            objective: 1234,
            mipDualBound: 1240.5,
            timeMs: 60_000,
            counters: counters(900, 314),
            verdict: 'ok',
            gapTrace: [
              [0.5, null, null, 1300],
              [12.25, 0.054, 1234, 1172.3],
              [60_000, 0.0052, 1234, 1240.5],
            ],
          }),
          run({
            modelId: MODEL_B,
            optionSetId: 'no-presolve',
            status: null,
            objective: null,
            timeMs: 3.25,
            counters: counters(),
            maxBoundViolation: null,
            maxRowViolation: null,
            verdict: 'failed',
            error: { name: 'WorkerCrashed', message: 'RuntimeError: Aborted()' },
            highsMaxPrimalInfeasibility: null,
          }),
        ],
        summary: {
          shiftMs: 10,
          optionSets: [
            { optionSetId: 'defaults', sgmTimeMs: 52.1, solved: 1, problems: 2, speedup: null, scaling: [] },
            {
              optionSetId: 'no-presolve',
              sgmTimeMs: null,
              solved: 1,
              problems: 2,
              speedup: { ratio: 1.25, ci95: [0.9, 1.6] },
              scaling: [{ template: 'knapsack', exponent: 1.8, r2: 0.97, sizes: [50, 100, 200] }],
            },
          ],
          // Fields a later summarize() adds: carried as they are.
          counterShifts: { simplexIterations: 10, ipmIterations: 10, mipNodes: 10, mipLpIterations: 10 },
          bootstrap: { seed: 1, resamples: 1000 },
        } as Report['benchmarks'][number]['summary'],
      },
    ],
  };
}
