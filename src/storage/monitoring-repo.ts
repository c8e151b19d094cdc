// Metric points and health-check runs. Points are keyed by [t, seq], so "older than the cutoff" is one
// key range: pruning deletes it in small transactions (a batch of keys each) and yields between them,
// which keeps every main-thread task short however many points have piled up. The rules (the key order, windows
// [from, to), what a prune deletes, which health runs are kept) are core's (src/core/stores/metrics-store.ts,
// health-store.ts): here the key and the indexes give the same order, which the contract tests check.
import type { HealthRun } from '../core/health/types';
import type { MetricPoint, SolvePoint, SystemPoint, TimeWindow } from '../core/metrics/types';
import { healthRunsDropped } from '../core/stores';
import type { Db } from './db';
import { queueWrites } from './tx';

/** Stores a batch of points in one transaction (relaxed durability: losing the last second of samples in a crash is fine). */
export async function addMetricPoints(db: Db, points: readonly MetricPoint[]): Promise<void> {
  if (points.length === 0) return;
  const tx = db.transaction('metrics', 'readwrite', { durability: 'relaxed' });
  await queueWrites(tx, () => {
    for (const p of points) void tx.store.put(p).catch(() => {}); // failures surface in tx.done
  });
}

/** The key range of one kind's points in [from, to). */
function kindRange(kind: MetricPoint['kind'], w: TimeWindow): IDBKeyRange {
  return IDBKeyRange.bound([kind, w.from], [kind, w.to], false, true);
}

/** The solve points in a window, oldest first. */
export async function listSolvePoints(db: Db, w: TimeWindow): Promise<SolvePoint[]> {
  if (!(w.from < w.to)) return []; // an empty window (IDBKeyRange.bound throws on it)
  return (await db.getAllFromIndex('metrics', 'by-kind-t', kindRange('solve', w))) as SolvePoint[];
}

/** The system samples in a window, oldest first. */
export async function listSystemPoints(db: Db, w: TimeWindow): Promise<SystemPoint[]> {
  if (!(w.from < w.to)) return []; // an empty window (IDBKeyRange.bound throws on it)
  return (await db.getAllFromIndex('metrics', 'by-kind-t', kindRange('system', w))) as SystemPoint[];
}

/** The newest n solve points, newest first. */
export async function recentSolvePoints(db: Db, n: number): Promise<SolvePoint[]> {
  const out: SolvePoint[] = [];
  if (n <= 0) return out;
  const range = IDBKeyRange.bound(['solve', -Infinity], ['solve', Infinity]);
  let cursor = await db.transaction('metrics').store.index('by-kind-t').openCursor(range, 'prev');
  while (cursor && out.length < n) {
    out.push(cursor.value as SolvePoint);
    cursor = await cursor.continue();
  }
  return out;
}

/** How many points are stored. */
export function countMetricPoints(db: Db): Promise<number> {
  return db.count('metrics');
}

/** What a prune may be told: its batch size and how to yield between batches. */
export interface PruneOptions {
  /** Keys deleted per transaction. */
  batch: number;
  /** Awaited between batches (the app yields to the event loop); resolve false to stop early. */
  pause?: () => Promise<boolean | void>;
}

/** Deletes every point older than the cutoff, a batch of keys per transaction; returns how many were deleted. */
export async function pruneMetricPoints(db: Db, cutoff: number, opts: PruneOptions): Promise<number> {
  const older = IDBKeyRange.upperBound([cutoff], true); // [t, seq] < [cutoff] exactly when t < cutoff
  let deleted = 0;
  for (;;) {
    const tx = db.transaction('metrics', 'readwrite', { durability: 'relaxed' });
    const keys = await tx.store.getAllKeys(older, opts.batch);
    if (keys.length > 0) void tx.store.delete(IDBKeyRange.bound(keys[0], keys[keys.length - 1])).catch(() => {});
    await tx.done;
    deleted += keys.length;
    if (keys.length < opts.batch) return deleted;
    if ((await opts.pause?.()) === false) return deleted;
  }
}

/** Stores one run of the health checks and keeps only the newest `keep` (core's healthRunsDropped says which go). */
export async function addHealthRun(db: Db, run: HealthRun, keep: number): Promise<void> {
  const tx = db.transaction('healthRuns', 'readwrite');
  await queueWrites(tx, () => void tx.store.put(run).catch(() => {}));
  if ((await db.count('healthRuns')) <= keep) return;
  const del = db.transaction('healthRuns', 'readwrite');
  const dropped = healthRunsDropped(await del.store.getAll(), keep);
  await queueWrites(del, () => {
    for (const id of dropped) void del.store.delete(id).catch(() => {});
  });
}

/** The newest `limit` health runs, newest first. */
export async function listHealthRuns(db: Db, limit: number): Promise<HealthRun[]> {
  const out: HealthRun[] = [];
  let cursor = await db.transaction('healthRuns').store.index('by-at').openCursor(null, 'prev');
  while (cursor && out.length < limit) {
    out.push(cursor.value);
    cursor = await cursor.continue();
  }
  return out;
}
