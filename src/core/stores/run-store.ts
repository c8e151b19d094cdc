// The history of interactive runs: the interface every implementation (IndexedDB, memory, files) fits, and its
// rules, written once: the store gives each run its id, the history lists the newest RUN_HISTORY_LIMIT runs
// newest first (ties: the later id first, as IndexedDB's createdAt index read backwards gives them), and at
// most MAX_DAMAGED_LISTED damaged runs are listed per read.
import type { DamagedRecord } from '../backup';
import type { RunRecord } from '../run-record';

/** The stored runs, newest first, so the history needs no storage of its own. */
export interface RunStore {
  /** Stores one run; returns it with its id (the store's, whatever id the run had). */
  add(run: RunRecord): Promise<RunRecord>;
  /** The newest runs first, at most RUN_HISTORY_LIMIT (only runs the app can read). */
  list(): Promise<RunRecord[]>;
  /** Deletes every run. */
  clear(): Promise<void>;
  /** The newest readable runs first, and the damaged ones (absent: a store that cannot hold damaged records). */
  read?(): Promise<RunListing>;
  /** Deletes one damaged run by its key. */
  deleteDamaged?(record: DamagedRecord): Promise<void>;
}

/** The newest runs the app can read, and the damaged ones met on the way. */
export interface RunListing {
  runs: RunRecord[];
  damaged: DamagedRecord[];
}

/** How many runs the history lists: the newest 500 (older ones stay stored, and in a backup). */
export const RUN_HISTORY_LIMIT = 500;

/** At most this many damaged runs are listed per read (each can be deleted; the next read lists more). */
export const MAX_DAMAGED_LISTED = 100;

/** The history's order: newest createdAt first, then the later id first. */
export function runsNewestFirst(a: RunRecord, b: RunRecord): number {
  return b.createdAt - a.createdAt || (b.id ?? 0) - (a.id ?? 0);
}

/** The history of some runs: the newest `limit` of them, newest first (a new array; the runs are not copied). */
export function runHistory(runs: Iterable<RunRecord>, limit = RUN_HISTORY_LIMIT): RunRecord[] {
  return [...runs].sort(runsNewestFirst).slice(0, Math.max(0, limit));
}

/**
 * The newest `limit` runs seen so far, for a store that reads its runs one by one (files): memory stays at
 * `limit` runs however many are stored. `add` keeps a run when it is among the newest; `runs()` lists them.
 */
export function newestRunsKeeper(limit = RUN_HISTORY_LIMIT): { add(run: RunRecord): void; runs(): RunRecord[] } {
  const kept: RunRecord[] = []; // newest first
  return {
    add(run) {
      if (limit <= 0) return;
      if (kept.length === limit && runsNewestFirst(run, kept[kept.length - 1]) >= 0) return;
      let lo = 0;
      let hi = kept.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (runsNewestFirst(kept[mid], run) <= 0) lo = mid + 1;
        else hi = mid;
      }
      kept.splice(lo, 0, run);
      if (kept.length > limit) kept.pop();
    },
    runs: () => [...kept],
  };
}

/** A run without the id a caller gave it: the store assigns its own. */
export function withoutRunId(run: RunRecord): RunRecord {
  const { id: _ignored, ...rest } = run;
  return rest as RunRecord;
}
