// The benchmark store of the app over the workbench database (IndexedDB through src/storage).
import {
  addBenchmarkRuns,
  deleteBenchmark,
  deleteDamaged,
  deleteBenchmarkConfig,
  getBenchmark,
  getModelFile,
  listBenchmarkRuns,
  listBenchmarkConfigs,
  listBenchmarks,
  putBenchmark,
  putBenchmarksWithRuns,
  putModelFile,
  readBenchmarkRuns,
  readBenchmarks,
  saveBenchmarkConfig,
} from '../storage/benchmarks-repo';
import type { Db } from '../storage/db';
import type { BenchmarkStore } from '../core/stores';

/** A BenchmarkStore over a database that may still be opening; a failed open rejects every call. */
export function benchmarkStoreOf(db: Promise<Db>): BenchmarkStore {
  db.catch(() => {}); // reported by each call, not as an unhandled rejection
  return {
    putBenchmark: async (b) => putBenchmark(await db, b),
    getBenchmark: async (id) => getBenchmark(await db, id),
    listBenchmarks: async () => listBenchmarks(await db),
    readBenchmarks: async () => readBenchmarks(await db),
    readRuns: async (id) => readBenchmarkRuns(await db, id),
    deleteDamaged: async (record) => deleteDamaged(await db, record),
    addRuns: async (id, runs) => addBenchmarkRuns(await db, id, runs),
    listRuns: async (id) => listBenchmarkRuns(await db, id),
    getModelFile: async (id) => getModelFile(await db, id),
    putModelFile: async (file) => putModelFile(await db, file),
    deleteBenchmark: async (id) => deleteBenchmark(await db, id),
    importBenchmarks: async (items) => putBenchmarksWithRuns(await db, items),
    saveConfig: async (config) => saveBenchmarkConfig(await db, config),
    listConfigs: async () => listBenchmarkConfigs(await db),
    deleteConfig: async (name) => deleteBenchmarkConfig(await db, name),
  };
}
