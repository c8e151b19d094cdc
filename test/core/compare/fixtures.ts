// Builders of the two sides of a comparison: only what a test is about is spelled out.
import type { BenchmarkModel, BenchmarkRun, OptionSet } from '../../../src/core/benchmark';
import type { ComparedBenchmark } from '../../../src/core/compare';
import { model, run } from '../stats/fixtures';

export { allFinite, model, run, timeout } from '../stats/fixtures';

/** A benchmark side: time limit 15 ms, its models, option sets and runs. */
export function bench(
  id: string,
  over: { models?: BenchmarkModel[]; optionSets?: OptionSet[]; runs?: BenchmarkRun[]; timeLimitMs?: number } = {},
): ComparedBenchmark {
  const optionSets = over.optionSets ?? [{ id: 's', name: 'defaults', options: {} }];
  return {
    id,
    name: `benchmark ${id}`,
    config: { timeLimitMs: over.timeLimitMs ?? 15, seeds: [1], repetitions: 1, warmup: true },
    referenceOptionSetId: optionSets[0].id,
    models: over.models ?? [model('m')],
    optionSets,
    runs: over.runs ?? [run()],
  };
}
