// The stores of an app without IndexedDB (disabled, private mode, a failed upgrade, data from a newer
// version): the same ports, kept in this tab's memory, so everything works until the tab closes. Values
// are copied in and out (structuredClone), as IndexedDB does, so a caller's later mutation changes nothing. The
// rules (orders, the history's limit, one active blessed set per template, imports) are core's (src/core/stores).
import type { BenchmarkRun } from '../core/benchmark';
import type { RunRecord } from '../core/run-record';
import {
  activationEvent,
  activationWrites,
  baselineOfStored,
  baselinesOldestFirst,
  benchmarksNewestFirst,
  blessedOldestFirst,
  blessedWrites,
  checkBlessedEvent,
  checkOwnDamaged,
  configsByName,
  importProblem,
  ofTemplate,
  runHistory,
  sortChecks,
  storedBaselineOf,
  tuningRunsNewestFirst,
  withoutEventId,
  withoutRunId,
  type BaselineStore,
  type BenchmarkStore,
  type ParameterStore,
  type RunStore,
  type StoredBaseline,
  type StoredBenchmark,
  type StoredBenchmarkConfig,
  type StoredBlessedEvent,
  type StoredBlessedSet,
  type StoredModelFile,
  type StoredRegressionCheck,
  type TunerStore,
} from '../core/stores';
import type { TuningRecord } from '../core/tuner/record';

const copy = <T>(v: T): T => structuredClone(v);

/** Runs in memory: the history is core's (the newest RUN_HISTORY_LIMIT, newest first), as in IndexedDB. */
export function memoryRunStore(): RunStore {
  const runs: RunRecord[] = [];
  let next = 1;
  return {
    add: async (run) => {
      const stored = { ...copy(withoutRunId(run)), id: next++ };
      runs.push(stored);
      return copy(stored);
    },
    list: async () => copy(runHistory(runs)),
    clear: async () => {
      runs.length = 0;
    },
    // Runs in memory were all written by this page: none is damaged.
    read: async () => ({ runs: copy(runHistory(runs)), damaged: [] }),
    deleteDamaged: async (record) => checkOwnDamaged(record, 'runs'), // none is damaged here
  };
}

/** Benchmarks, their runs, model files and saved configurations in memory, with core's rules. */
export function memoryBenchmarkStore(): BenchmarkStore {
  const benchmarks = new Map<string, StoredBenchmark>();
  const runs = new Map<string, BenchmarkRun[]>();
  const files = new Map<string, StoredModelFile>();
  const configs = new Map<string, StoredBenchmarkConfig>();
  const listed = () => copy([...benchmarks.values()].sort(benchmarksNewestFirst));
  return {
    putBenchmark: async (b) => void benchmarks.set(b.id, copy(b)),
    getBenchmark: async (id) => copy(benchmarks.get(id)),
    listBenchmarks: async () => listed(),
    // Records in memory were all written by this page: none is damaged.
    readBenchmarks: async () => ({ benchmarks: listed(), damaged: [] }),
    readRuns: async (id) => ({ runs: copy(runs.get(id) ?? []), damaged: [] }),
    deleteDamaged: async (record) => checkOwnDamaged(record, 'benchmarks', 'benchmarkRuns'), // none is damaged here
    addRuns: async (id, batch) => {
      const copied = copy(batch); // all copied before any is stored: all or nothing
      runs.set(id, [...(runs.get(id) ?? []), ...copied]);
    },
    listRuns: async (id) => copy(runs.get(id) ?? []),
    getModelFile: async (id) => copy(files.get(id)),
    putModelFile: async (file) => void files.set(file.id, copy(file)),
    deleteBenchmark: async (id) => {
      benchmarks.delete(id);
      runs.delete(id);
    },
    importBenchmarks: async (items) => {
      const refused = importProblem(items, (id) => benchmarks.has(id));
      if (refused) throw refused;
      const copied = copy(items); // all copied before any is stored: all or nothing
      for (const { benchmark, runs: r } of copied) {
        benchmarks.set(benchmark.id, benchmark);
        runs.set(benchmark.id, [...r]);
      }
    },
    saveConfig: async (config) => void configs.set(config.name, copy(config)),
    listConfigs: async () => copy([...configs.values()].sort(configsByName)),
    deleteConfig: async (name) => void configs.delete(name),
  };
}

/** Blessed sets and their history in memory, with core's rules (one active set per template). */
export function memoryParameterStore(): ParameterStore {
  const sets = new Map<string, StoredBlessedSet>();
  const events: StoredBlessedEvent[] = [];
  let nextEvent = 1;
  const record = (event: StoredBlessedEvent) => events.push({ ...withoutEventId(event), id: nextEvent++ });
  return {
    putBlessed: async (set, event) => {
      checkBlessedEvent(set, event);
      const writes = copy(blessedWrites(set, [...sets.values()]));
      const stored = copy(event);
      for (const s of writes) sets.set(s.id, s);
      record(stored);
    },
    listBlessed: async (template) => copy([...sets.values()].filter(ofTemplate(template)).sort(blessedOldestFirst)),
    history: async (template) => copy(events.filter(ofTemplate(template))),
    setActive: async (template, id, event) => {
      const writes = activationWrites(template, id, [...sets.values()]);
      if (event) record(copy(activationEvent(template, id, event)));
      for (const s of writes) sets.set(s.id, s);
    },
  };
}

/** Baselines, the checks' history and thresholds in memory, kept as the stored records (so a bad createdAt is refused as by the IndexedDB store). */
export function memoryBaselineStore(): BaselineStore {
  const baselines = new Map<string, StoredBaseline>();
  const checks = new Map<string, StoredRegressionCheck>();
  const thresholds = new Map<string, number>();
  return {
    put: async (b) => void baselines.set(b.id, copy(storedBaselineOf(b))),
    get: async (id) => {
      const s = baselines.get(id);
      return s ? baselineOfStored(copy(s)) : undefined;
    },
    list: async (template) =>
      [...baselines.values()]
        .filter(ofTemplate(template))
        .sort(baselinesOldestFirst)
        .map((s) => baselineOfStored(copy(s))),
    delete: async (id) => void baselines.delete(id),
    addCheck: async (check) => void checks.set(check.id, copy(check)),
    listChecks: async (template) => sortChecks(copy([...checks.values()].filter(ofTemplate(template)))),
    getThreshold: async (template) => thresholds.get(template),
    listThresholds: async () => Object.fromEntries(thresholds),
    setThreshold: async (template, pct) => void thresholds.set(template, pct),
  };
}

/** Tuning runs in memory, by id, newest first (core's order) as in IndexedDB. */
export function memoryTunerStore(): TunerStore {
  const records = new Map<string, TuningRecord>();
  const sorted = () => copy([...records.values()].sort(tuningRunsNewestFirst));
  return {
    put: async (record) => void records.set(record.id, copy(record)),
    get: async (id) => copy(records.get(id)),
    list: async () => sorted(),
    delete: async (id) => void records.delete(id),
    // Records in memory were all written by this page: none is damaged.
    read: async () => ({ records: sorted(), damaged: [] }),
    deleteDamaged: async (record) => checkOwnDamaged(record, 'tunerRuns'), // none is damaged here
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
