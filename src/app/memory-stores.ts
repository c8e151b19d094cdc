// The stores of an app without IndexedDB (disabled, private mode, a failed upgrade, data from a newer
// version): the same ports, kept in this tab's memory, so everything works until the tab closes. Values
// are copied in and out (structuredClone), as IndexedDB does, so a caller's later mutation changes nothing.
import type { BenchmarkRun } from '../core/benchmark';
import type { RunRecord } from '../core/run-record';
import type { StoredBenchmark, StoredBenchmarkConfig, StoredModelFile } from '../storage/benchmark-types';
import type { BenchmarkStore, RunStore } from '../state/ports';

const copy = <T>(v: T): T => structuredClone(v);

/** Runs in memory, newest first like the IndexedDB store. */
export function memoryRunStore(): RunStore {
  const runs: RunRecord[] = [];
  let next = 1;
  return {
    add: async (run) => {
      const stored = { ...copy(run), id: next++ };
      runs.push(stored);
      return copy(stored);
    },
    list: async () => copy([...runs].sort((a, b) => b.createdAt - a.createdAt).slice(0, 500)),
    clear: async () => {
      runs.length = 0;
    },
  };
}

/** Benchmarks, their runs, model files and saved configurations in memory. */
export function memoryBenchmarkStore(): BenchmarkStore {
  const benchmarks = new Map<string, StoredBenchmark>();
  const runs = new Map<string, BenchmarkRun[]>();
  const files = new Map<string, StoredModelFile>();
  const configs = new Map<string, StoredBenchmarkConfig>();
  return {
    putBenchmark: async (b) => void benchmarks.set(b.id, copy(b)),
    getBenchmark: async (id) => copy(benchmarks.get(id)),
    listBenchmarks: async () => copy([...benchmarks.values()].sort((a, b) => b.createdAt - a.createdAt)),
    addRuns: async (id, batch) => void runs.set(id, [...(runs.get(id) ?? []), ...copy(batch)]),
    listRuns: async (id) => copy(runs.get(id) ?? []),
    getModelFile: async (id) => copy(files.get(id)),
    putModelFile: async (file) => void files.set(file.id, copy(file)),
    deleteBenchmark: async (id) => {
      benchmarks.delete(id);
      runs.delete(id);
    },
    importBenchmarks: async (items) => {
      const copied = copy(items); // all copied before any is stored: all or nothing
      for (const { benchmark, runs: r } of copied) {
        benchmarks.set(benchmark.id, benchmark);
        runs.set(benchmark.id, [...r]);
      }
    },
    saveConfig: async (config) => void configs.set(config.name, copy(config)),
    listConfigs: async () => copy([...configs.values()]),
    deleteConfig: async (name) => void configs.delete(name),
  };
}

/**
 * A store that uses `real` once the database opened and `memory` when the open failed: each call
 * waits for the open, then goes to one of them (every method of `real` is forwarded this way).
 */
export function withMemoryFallback<T extends object>(db: Promise<unknown>, real: T, memory: T): T {
  const usable = db.then(
    () => true,
    () => false,
  );
  const out = {} as Record<string, unknown>;
  for (const key of Object.keys(real)) {
    out[key] = async (...args: unknown[]) => {
      const target = ((await usable) ? real : memory) as Record<string, (...a: unknown[]) => unknown>;
      return target[key](...args);
    };
  }
  return out as T;
}
