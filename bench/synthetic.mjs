// Synthetic data the benches share: the two option sets they compare and a synthetic benchmark.
import { rng } from './browser.mjs';

/** HiGHS defaults against presolve off: the option sets of the benches' benchmarks. */
export const SETS = [
  { id: 'defaults', name: 'HiGHS defaults', options: {} },
  { id: 'no-presolve', name: 'presolve off', options: { presolve: 'off' } },
];

/**
 * A synthetic benchmark of `runs` runs (as test/solver/summary-data.ts builds, with SHA-256-shaped ids),
 * its id `id`; with `faults`, some runs failed (every 211th) or wrong (every 307th), as a summary must handle.
 */
export function syntheticBenchmark(runs, { id = 'synthetic', faults = true } = {}) {
  const random = rng(1);
  const seeds = [1, 2, 3, 4];
  const repetitions = 2;
  const modelCount = Math.round(runs / (SETS.length * seeds.length * repetitions));
  const models = Array.from({ length: modelCount }, (_, i) => ({
    id: i.toString(16).padStart(64, '0'),
    name: `model ${i}`,
    template: i % 3 === 0 ? 'library' : i % 3 === 1 ? 'knapsack' : 'transportation',
    size: i % 3 === 0 ? null : 10 + 5 * (i % 7),
    rows: 10 + i,
    cols: 20 + i,
    nnz: 40 + i,
    integers: i % 2 === 0 ? 20 + i : 0,
    knownObjective: i % 5 === 0 ? 100 + i : null,
  }));
  const out = [];
  let k = 0;
  for (const m of models)
    for (const seed of seeds)
      for (let repetition = 0; repetition < repetitions; repetition++)
        for (const set of SETS) {
          k++;
          const timedOut = k % 97 === 0;
          const failed = faults && k % 211 === 0;
          const wrong = faults && k % 307 === 0;
          const objective = m.knownObjective ?? 50 + m.cols;
          out.push({
            modelId: m.id,
            optionSetId: set.id,
            seed,
            repetition,
            status: failed ? null : timedOut ? 'time-limit' : 'optimal',
            objective: failed || timedOut ? null : objective + (wrong ? 7 : 0),
            mipDualBound: m.integers > 0 && !failed && !timedOut ? objective : null,
            timeMs: timedOut ? 1000 : (m.cols * (set.id === 'defaults' ? 1 : 1.3) * (1 + random() * 0.2)) / 4,
            counters: {
              simplexIterations: m.cols * 3,
              ipmIterations: 0,
              crossoverIterations: 0,
              qpIterations: 0,
              pdlpIterations: 0,
              mipNodes: m.integers > 0 ? m.cols + seed : 0,
              mipLpIterations: m.integers > 0 ? m.cols * 7 + seed : 0,
            },
            maxBoundViolation: failed ? null : 0,
            maxRowViolation: failed ? null : wrong ? 0.5 : 0,
            verdict: failed ? 'failed' : wrong ? 'wrong' : 'ok',
            error: failed ? { name: 'Timeout', message: 'the watchdog ended the run' } : null,
          });
        }
  return {
    id,
    name: `synthetic ${out.length} runs`,
    config: { timeLimitMs: 1000, seeds, repetitions, warmup: true },
    referenceOptionSetId: 'defaults',
    models,
    optionSets: SETS,
    runs: out,
  };
}
