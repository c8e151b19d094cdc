// A synthetic benchmark of any size for the summary tests: MIPs and LPs of two templates, two option
// sets, several seeds and repetitions, with timeouts, a wrong run and an error among the runs.
import type { BenchmarkData, BenchmarkModel, BenchmarkRun, OptionSet } from '../../src/core/benchmark';
import type { SummaryInput } from '../../src/core/stats';
import type { CompareInput } from '../../src/core/compare';
import { NO_COUNTERS } from '../../src/core/run-record';

/** A small deterministic pseudo-random generator (mulberry32), so the data is the same every run. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A benchmark of about `runs` runs (models × 2 option sets × 4 seeds × 2 repetitions), seeded by `seed`. */
export function syntheticBenchmark(id: string, runs: number, seed = 1): BenchmarkData {
  const random = rng(seed);
  const seeds = [1, 2, 3, 4];
  const repetitions = 2;
  const perModel = 2 * seeds.length * repetitions;
  const modelCount = Math.max(1, Math.round(runs / perModel));
  const models: BenchmarkModel[] = Array.from({ length: modelCount }, (_, i) => ({
    id: `sha-${i.toString(16).padStart(8, '0')}`,
    name: `model ${i}`,
    template: i % 3 === 0 ? 'library' : i % 3 === 1 ? 'knapsack' : 'transport',
    size: i % 3 === 0 ? null : 10 + 5 * (i % 7),
    rows: 10 + i,
    cols: 20 + i,
    nnz: 40 + i,
    integers: i % 2 === 0 ? 20 + i : 0,
    knownObjective: i % 5 === 0 ? 100 + i : null,
  }));
  const optionSets: OptionSet[] = [
    { id: 'defaults', name: 'HiGHS defaults', options: {} },
    { id: 'presolve-off', name: 'presolve off', options: { presolve: 'off' } },
  ];
  const out: BenchmarkRun[] = [];
  let k = 0;
  for (const m of models) {
    for (const seedValue of seeds) {
      for (let repetition = 0; repetition < repetitions; repetition++) {
        for (const set of optionSets) {
          k++;
          const base = (m.cols * (set.id === 'defaults' ? 1 : 1.3) * (1 + random() * 0.2)) / 4;
          const timedOut = k % 97 === 0;
          const failed = k % 211 === 0;
          const wrong = k % 307 === 0;
          out.push({
            modelId: m.id,
            optionSetId: set.id,
            seed: seedValue,
            repetition,
            status: failed ? null : timedOut ? 'time-limit' : 'optimal',
            objective: failed || timedOut ? null : (m.knownObjective ?? 50 + m.cols) + (wrong ? 7 : 0),
            mipDualBound: m.integers > 0 && !failed && !timedOut ? (m.knownObjective ?? 50 + m.cols) : null,
            timeMs: timedOut ? 1000 : base,
            counters: {
              ...NO_COUNTERS,
              simplexIterations: m.cols * 3 + (set.id === 'defaults' ? 0 : 5),
              mipNodes: m.integers > 0 ? m.cols + seedValue : 0,
              mipLpIterations: m.integers > 0 ? m.cols * 7 + seedValue : 0,
            },
            maxBoundViolation: failed ? null : 0,
            maxRowViolation: failed ? null : wrong ? 0.5 : 0,
            verdict: failed ? 'failed' : wrong ? 'wrong' : 'ok',
            error: failed ? { name: 'Timeout', message: 'the watchdog ended the run' } : null,
          });
        }
      }
    }
  }
  return {
    id,
    name: `synthetic ${id}`,
    config: { timeLimitMs: 1000, seeds, repetitions, warmup: true },
    referenceOptionSetId: 'defaults',
    models,
    optionSets,
    runs: out,
  };
}

/** The summary input of a synthetic benchmark (200 bootstrap resamples unless told). */
export function summaryInputOf(b: BenchmarkData, resamples = 200): SummaryInput {
  const { config, models, optionSets, referenceOptionSetId, runs } = b;
  return { config, models, optionSets, referenceOptionSetId, runs, parameters: { bootstrap: { seed: 7, resamples } } };
}

/** Two synthetic benchmarks to compare: B is A with other times and one objective changed. */
export function compareInputOf(runs: number): CompareInput {
  const a = syntheticBenchmark('a', runs, 1);
  const b = syntheticBenchmark('b', runs, 2);
  const i = b.runs.findIndex((r) => r.objective !== null);
  b.runs[i] = { ...b.runs[i], objective: b.runs[i].objective! + 1 };
  return { a, b, parameters: { bootstrap: { seed: 7, resamples: 200 } }, solverVersions: { a: '1.15.1', b: null } };
}
