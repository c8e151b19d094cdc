// The health checks' history: the interface every implementation (IndexedDB, memory, files) fits, and its rules,
// written once: a run replaces the one with its id, only the newest `keep` runs stay (by `at`, then id), and the
// history lists them newest first.
import type { HealthRun } from '../health/types';

/** The health checks' history. */
export interface HealthStore {
  /** Stores a run (replacing one with its id), keeping the newest `keep`. */
  addRun(run: HealthRun, keep: number): Promise<void>;
  /** The newest runs first, at most `limit`. */
  listRuns(limit: number): Promise<HealthRun[]>;
}

/** The history's stored order: oldest first (by `at`, then id). */
export function healthRunsOldestFirst(a: Pick<HealthRun, 'id' | 'at'>, b: Pick<HealthRun, 'id' | 'at'>): number {
  return a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** The ids of the runs a store drops to keep the newest `keep` (`runs`: every stored run, the new one included). */
export function healthRunsDropped(runs: readonly Pick<HealthRun, 'id' | 'at'>[], keep: number): string[] {
  const oldestFirst = [...runs].sort(healthRunsOldestFirst);
  return oldestFirst.slice(0, Math.max(0, oldestFirst.length - Math.max(0, keep))).map((r) => r.id);
}

/** The newest `limit` runs, newest first (a new array). */
export function healthRunsNewest(runs: readonly HealthRun[], limit: number): HealthRun[] {
  return [...runs].sort(healthRunsOldestFirst).reverse().slice(0, Math.max(0, limit));
}
