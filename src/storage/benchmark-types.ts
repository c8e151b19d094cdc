// What the benchmark stores hold now lives in core (src/core/stores/benchmark-records.ts), beside the store
// interfaces that use it; re-exported here so the storage layer's and the state's imports keep working.
export type {
  BenchmarkState,
  StoredBenchmark,
  StoredBenchmarkConfig,
  StoredModelFile,
  _StoredBenchmarkChecks,
} from '../core/stores/benchmark-records';
