// The benchmark stores: a benchmark and its runs (written in batches, one short transaction each),
// an imported report's benchmarks (all or nothing), the user's model files and saved configurations.
import type { BenchmarkRun } from '../core/benchmark';
import type { StoredBenchmark, StoredBenchmarkConfig, StoredModelFile } from './benchmark-types';
import type { Db } from './db';
import { guardQuota } from './quota';

/** Creates or updates a benchmark's description and state (not its runs). */
export async function putBenchmark(db: Db, b: StoredBenchmark): Promise<void> {
  await guardQuota(`the benchmark "${b.name}"`, () => db.put('benchmarks', b));
}

/** One benchmark, or undefined. */
export function getBenchmark(db: Db, id: string): Promise<StoredBenchmark | undefined> {
  return db.get('benchmarks', id);
}

/** Every stored benchmark, newest first. */
export async function listBenchmarks(db: Db): Promise<StoredBenchmark[]> {
  return (await db.getAllFromIndex('benchmarks', 'by-createdAt')).reverse();
}

/**
 * Stores finished runs of a benchmark in one transaction: all of them or, on any failure, none.
 * Durability is explicitly 'relaxed': a batch is re-run after a crash (the benchmark resumes what is
 * missing), so it need not wait for a disk flush. The requests are queued synchronously and the only
 * await is the final tx.done, so the transaction stays short and never waits on other work. A full
 * quota rejects with StorageFull.
 */
export async function addBenchmarkRuns(db: Db, benchmarkId: string, runs: readonly BenchmarkRun[]): Promise<void> {
  const tx = db.transaction('benchmarkRuns', 'readwrite', { durability: 'relaxed' });
  try {
    for (const r of runs) tx.store.add({ ...r, benchmarkId }).catch(() => {}); // failures surface in tx.done
  } catch (e) {
    tx.abort(); // a record that cannot be cloned throws here without aborting by itself
    await tx.done.catch(() => {});
    throw e;
  }
  await guardQuota(`${runs.length} benchmark run${runs.length === 1 ? '' : 's'}`, () => tx.done, tx);
}

/** A benchmark's runs in the order they were stored, without the storage fields. */
export async function listBenchmarkRuns(db: Db, benchmarkId: string): Promise<BenchmarkRun[]> {
  const stored = await db.getAllFromIndex('benchmarkRuns', 'by-benchmark', benchmarkId);
  return stored.map(({ benchmarkId: _b, id: _id, ...run }) => run);
}

/** Stores whole benchmarks with their runs (an imported report) in one transaction: all, or nothing changed. */
export async function putBenchmarksWithRuns(
  db: Db,
  items: readonly { benchmark: StoredBenchmark; runs: readonly BenchmarkRun[] }[],
): Promise<void> {
  const tx = db.transaction(['benchmarks', 'benchmarkRuns'], 'readwrite');
  const benchmarks = tx.objectStore('benchmarks');
  const runs = tx.objectStore('benchmarkRuns');
  try {
    for (const { benchmark, runs: list } of items) {
      benchmarks.add(benchmark).catch(() => {}); // add, not put: an id that exists fails the whole import
      for (const r of list) runs.add({ ...r, benchmarkId: benchmark.id }).catch(() => {});
    }
  } catch (e) {
    tx.abort();
    await tx.done.catch(() => {});
    throw e;
  }
  await guardQuota('the imported benchmarks', () => tx.done, tx);
}

/** Deletes a benchmark and its runs in one transaction. */
export async function deleteBenchmark(db: Db, id: string): Promise<void> {
  const tx = db.transaction(['benchmarks', 'benchmarkRuns'], 'readwrite');
  await tx.objectStore('benchmarks').delete(id);
  const index = tx.objectStore('benchmarkRuns').index('by-benchmark');
  for (let c = await index.openKeyCursor(id); c; c = await c.continue())
    await tx.objectStore('benchmarkRuns').delete(c.primaryKey);
  await tx.done;
}

/** Keeps a model file by the SHA-256 of its bytes (the same bytes twice are stored once). */
export async function putModelFile(db: Db, file: StoredModelFile): Promise<void> {
  await guardQuota(`the model file "${file.name}"`, () => db.put('modelFiles', file));
}

/** A stored model file by SHA-256, or undefined. */
export function getModelFile(db: Db, id: string): Promise<StoredModelFile | undefined> {
  return db.get('modelFiles', id);
}

/** Saves (or replaces) a named benchmark configuration. */
export async function saveBenchmarkConfig(db: Db, config: StoredBenchmarkConfig): Promise<void> {
  await db.put('benchmarkConfigs', config);
}

/** The saved benchmark configurations, by name. */
export function listBenchmarkConfigs(db: Db): Promise<StoredBenchmarkConfig[]> {
  return db.getAll('benchmarkConfigs');
}

/** Deletes a saved benchmark configuration by name. */
export async function deleteBenchmarkConfig(db: Db, name: string): Promise<void> {
  await db.delete('benchmarkConfigs', name);
}
