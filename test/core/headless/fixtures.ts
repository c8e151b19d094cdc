// Reports for the command line's tests: one benchmark of two models (template 't', option sets 's' and
// 'other'), three seeds × eight repetitions, times scaled by a factor, on a solver version.
import type { BenchmarkRun } from '../../../src/core/benchmark';
import type { Report } from '../../../src/core/report';
import { summarize } from '../../../src/core/stats';
import { bench, model, reps } from '../regression/fixtures';

/** The two models' ids (SHA-256 in hex, as reports require). */
export const M1 = 'a'.repeat(64);
export const M2 = 'b'.repeat(64);

/** A report of one benchmark (template 't', set 's') from runs, on a solver version. */
export function reportOf(runs: BenchmarkRun[], version = '1.15.1', models = [model(M1), model(M2)]): Report {
  const data = bench(runs, models);
  return {
    schema: 'highs-workbench/report',
    version: 1,
    createdAt: '2026-12-01T00:00:00.000Z',
    app: { name: 'HiGHS Workbench', version: '0.1.0' },
    solver: { name: 'HiGHS', version },
    environment: {
      userAgent: 'Node.js v20 (linux x64)',
      hardwareConcurrency: 2,
      crossOriginIsolated: false,
      runtime: 'node',
    },
    benchmarks: [{ ...data, summary: summarize({ ...data }) }],
  };
}

/** Eight repetitions around 100 ms. */
const times = [98, 100, 102, 99, 101, 97, 100, 103];
/** Runs of both models, seeds 1–3, eight repetitions each, times × factor. */
export const runsOf = (factor: number, over: Partial<BenchmarkRun> = {}) =>
  [M1, M2].flatMap((m) =>
    [1, 2, 3].flatMap((seed) =>
      reps(
        m,
        seed,
        times.map((t) => t * factor),
        over,
      ),
    ),
  );
