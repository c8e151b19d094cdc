// Performance baselines, the regression checks' history and the per-template thresholds: the interface every
// implementation (IndexedDB, memory, files) fits, and its rules, written once: a baseline is stored as its
// record (epoch createdAt, flat option set; a createdAt that is not a date is refused) and read back as core's
// Baseline; baselines list oldest first (then by id), checks in the order they were made (checkedAt, then id).
import type { Baseline } from '../regression';
import type { StoredBaseline, StoredRegressionCheck } from './parameter-records';

/** The stored performance baselines (core's Baseline), kept durably; earlier ones are kept. */
export interface BaselineStore {
  /** Stores (or replaces, by id) a baseline; a createdAt that is not a date rejects with a RangeError. */
  put(baseline: Baseline): Promise<void>;
  /** One baseline by id, or undefined. */
  get(id: string): Promise<Baseline | undefined>;
  /** Baselines of one template (or all), oldest first. */
  list(template?: string): Promise<Baseline[]>;
  /** Deletes a baseline by id. */
  delete(id: string): Promise<void>;
  /** Keeps the summary of one regression check (a template's history), durably. */
  addCheck(check: StoredRegressionCheck): Promise<void>;
  /** The checks of one template (or all), in the order they were made. */
  listChecks(template?: string): Promise<StoredRegressionCheck[]>;
  /** The threshold the user set for a template, percent, or undefined. */
  getThreshold(template: string): Promise<number | undefined>;
  /** Every threshold the user set, by template. */
  listThresholds(): Promise<Record<string, number>>;
  /** Keeps the threshold the user set for a template, durably. */
  setThreshold(template: string, pct: number): Promise<void>;
}

/** The stored record of a baseline; throws a RangeError for a createdAt that is not a date. */
export function storedBaselineOf(b: Baseline): StoredBaseline {
  const createdAt = Date.parse(b.createdAt);
  if (!Number.isFinite(createdAt)) throw new RangeError(`baseline ${b.id}: createdAt "${b.createdAt}" is not a date`);
  return {
    id: b.id,
    template: b.template,
    optionSetName: b.optionSet.name,
    options: { ...b.optionSet.options },
    createdAt,
    benchmarkId: b.benchmarkId,
    benchmarkName: b.benchmarkName,
    solver: { ...b.solver },
    environment: { ...b.environment },
    config: b.config,
    models: b.models,
    runs: b.runs,
    thresholdPct: b.thresholdPct,
  };
}

/** Core's baseline of a stored record. */
export function baselineOfStored(s: StoredBaseline): Baseline {
  return {
    id: s.id,
    template: s.template,
    optionSet: { name: s.optionSetName, options: s.options },
    createdAt: new Date(s.createdAt).toISOString(),
    benchmarkId: s.benchmarkId,
    benchmarkName: s.benchmarkName,
    solver: s.solver,
    environment: s.environment,
    config: s.config,
    models: s.models,
    runs: s.runs,
    thresholdPct: s.thresholdPct,
  };
}

/** The listing's order of stored baselines: oldest first, then by id. */
export function baselinesOldestFirst(a: StoredBaseline, b: StoredBaseline): number {
  return a.createdAt - b.createdAt || a.id.localeCompare(b.id);
}

/** The history's order of checks: in the order they were made (checkedAt, ISO 8601 as text), then by id. */
export function checksInOrder(a: StoredRegressionCheck, b: StoredRegressionCheck): number {
  return a.checkedAt.localeCompare(b.checkedAt) || a.id.localeCompare(b.id);
}

/** Checks sorted in the order they were made, in place (returns the array). */
export function sortChecks(checks: StoredRegressionCheck[]): StoredRegressionCheck[] {
  return checks.sort(checksInOrder);
}
