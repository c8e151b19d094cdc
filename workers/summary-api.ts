// The object the summary worker exposes with Comlink: core's summary and comparison, unchanged. The
// client's remote type (src/solver/summary-client.ts) is derived from it, and tests call it directly.
import { summarize, type BenchmarkSummary, type SummaryInput } from '../src/core/stats';
import { compareBenchmarks, type BenchmarkComparison, type CompareInput } from '../src/core/compare';

/** Builds the summary worker's API: plain structured-clone data in and out (errors cross as {name, message}). */
export function createSummaryApi() {
  return {
    /** The benchmark summary of core/stats (bootstrap included). */
    summarize(input: SummaryInput): BenchmarkSummary {
      return summarize(input);
    },
    /** The comparison of two benchmarks of core/compare. */
    compare(input: CompareInput): BenchmarkComparison {
      return compareBenchmarks(input);
    },
  };
}

/** The summary worker's API as the client sees it through Comlink.Remote. */
export type SummaryWorkerApi = ReturnType<typeof createSummaryApi>;
