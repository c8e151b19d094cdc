// The stores of an app without IndexedDB (disabled, private mode, a failed upgrade, data from a newer
// version): the same ports, kept in this tab's memory, so everything works until the tab closes. Values
// are copied in and out (structuredClone), as IndexedDB does, so a caller's later mutation changes nothing.
import type { BenchmarkRun } from '../core/benchmark';
import type { RunRecord } from '../core/run-record';
import type { StoredBenchmark, StoredBenchmarkConfig, StoredModelFile } from '../storage/benchmark-types';
import type {
  StoredBaseline,
  StoredBlessedEvent,
  StoredBlessedSet,
  StoredRegressionCheck,
} from '../storage/parameter-types';
import { sortChecks } from '../storage/regression-checks-repo';
import { newestFirst } from '../storage/tuner-repo';
import type { TuningRecord } from '../core/tuner/record';
import type { BaselineStore, BenchmarkStore, ParameterStore, RunStore, TunerStore } from '../state/ports';
import { baselineOfStored, storedBaselineOf } from './baseline-store';

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
    // Runs in memory were all written by this page: none is damaged.
    read: async () => ({ runs: copy([...runs].sort((a, b) => b.createdAt - a.createdAt).slice(0, 500)), damaged: [] }),
    deleteDamaged: async () => {},
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
    // Records in memory were all written by this page: none is damaged.
    readBenchmarks: async () => ({
      benchmarks: copy([...benchmarks.values()].sort((a, b) => b.createdAt - a.createdAt)),
      damaged: [],
    }),
    readRuns: async (id) => ({ runs: copy(runs.get(id) ?? []), damaged: [] }),
    deleteDamaged: async () => {},
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

/** Blessed sets and their history in memory, with the rules of the IndexedDB store (one active set per template). */
export function memoryParameterStore(): ParameterStore {
  const sets = new Map<string, StoredBlessedSet>();
  const events: StoredBlessedEvent[] = [];
  let nextEvent = 1;
  const record = (event: StoredBlessedEvent) => {
    const { id: _id, ...rest } = copy(event);
    events.push({ ...rest, id: nextEvent++ });
  };
  const ofTemplate = (template: string) => [...sets.values()].filter((s) => s.template === template);
  return {
    putBlessed: async (set, event) => {
      if (event.template !== set.template || event.setId !== set.id)
        throw new Error(`the event is about ${event.template}/${event.setId}, not the set ${set.template}/${set.id}`);
      if (set.active)
        for (const other of ofTemplate(set.template))
          if (other.id !== set.id && other.active) sets.set(other.id, { ...other, active: false });
      sets.set(set.id, copy(set));
      record(event);
    },
    listBlessed: async (template) =>
      copy(
        [...sets.values()]
          .filter((s) => template === undefined || s.template === template)
          .sort((a, b) => a.promotedAt.localeCompare(b.promotedAt) || a.id.localeCompare(b.id)),
      ),
    history: async (template) => copy(events.filter((e) => e.template === template)),
    setActive: async (template, id, event) => {
      const all = ofTemplate(template);
      if (!all.some((s) => s.id === id)) throw new Error(`no blessed set ${id} for the template ${template}`);
      if (event) record({ ...event, template, setId: id });
      for (const s of all) if (s.active !== (s.id === id)) sets.set(s.id, { ...s, active: s.id === id });
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
        .filter((b) => template === undefined || b.template === template)
        .sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id))
        .map((s) => baselineOfStored(copy(s))),
    delete: async (id) => void baselines.delete(id),
    addCheck: async (check) => void checks.set(check.id, copy(check)),
    listChecks: async (template) =>
      sortChecks(copy([...checks.values()].filter((c) => template === undefined || c.template === template))),
    getThreshold: async (template) => thresholds.get(template),
    listThresholds: async () => Object.fromEntries(thresholds),
    setThreshold: async (template, pct) => void thresholds.set(template, pct),
  };
}

/** Tuning runs in memory, by id, newest first like the IndexedDB store. */
export function memoryTunerStore(): TunerStore {
  const records = new Map<string, TuningRecord>();
  const sorted = () => copy([...records.values()].sort(newestFirst));
  return {
    put: async (record) => void records.set(record.id, copy(record)),
    get: async (id) => copy(records.get(id)),
    list: async () => sorted(),
    delete: async (id) => void records.delete(id),
    // Records in memory were all written by this page: none is damaged.
    read: async () => ({ records: sorted(), damaged: [] }),
    deleteDamaged: async () => {},
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
