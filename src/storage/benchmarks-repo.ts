// The benchmark stores: a benchmark and its runs (written in batches, one short transaction each),
// an imported report's benchmarks (all or nothing), the user's model files and saved configurations.
// Every benchmark and benchmark run read is checked with the schema the app reads it with: a damaged one
// (an older version's bug, a hand edit) is listed apart with its key, so a view shows it and can delete it.
// The listing's order and the saved configurations' are core's (src/core/stores/benchmark-store.ts); an import
// never replaces a stored benchmark: IndexedDB's add refuses an id that exists (ConstraintError).
import { damagedRecord, recordProblems, type DamagedRecord, type RecordKey } from '../core/backup';
import type { BenchmarkRun } from '../core/benchmark';
import {
  benchmarksNewestFirst,
  checkOwnDamaged,
  configsByName,
  type BenchmarkImport,
  type BenchmarkListing,
  type BenchmarkRunListing,
  type StoredBenchmark,
  type StoredBenchmarkConfig,
  type StoredModelFile,
} from '../core/stores';
import type { Db } from './db';
import { StorageFull } from './errors';
import { guardQuota, isQuotaError } from './quota';
import { forEachInChunks, queueInChunks, queueWrites } from './tx';

/**
 * One record written in its own transaction: a quota failure is recognised whether the browser fails the
 * request or aborts the transaction at commit (its `error`), and rejects as StorageFull naming `what`.
 */
async function putOne<S extends 'benchmarks' | 'modelFiles'>(
  db: Db,
  store: S,
  value: StoredBenchmark | StoredModelFile,
  what: string,
): Promise<void> {
  const tx = db.transaction(store, 'readwrite');
  await guardQuota(
    what,
    () =>
      queueWrites(tx, () => {
        tx.store.put(value as never).catch(() => {}); // a failure surfaces in tx.done
      }),
    tx,
  );
}

/** Creates or updates a benchmark's description and state (not its runs). */
export async function putBenchmark(db: Db, b: StoredBenchmark): Promise<void> {
  await putOne(db, 'benchmarks', b, `the benchmark "${b.name}"`);
}

/** One benchmark, or undefined (also when it is damaged: readBenchmarks lists it as such). */
export async function getBenchmark(db: Db, id: string): Promise<StoredBenchmark | undefined> {
  const b = await db.get('benchmarks', id);
  return b !== undefined && recordProblems('benchmarks', b).length === 0 ? b : undefined;
}

/** Every stored benchmark: the readable ones newest first (as by their createdAt index), the damaged ones by key. */
export async function readBenchmarks(db: Db): Promise<BenchmarkListing> {
  // By key, not through the createdAt index: a damaged record may have no createdAt the index takes.
  const tx = db.transaction('benchmarks');
  const [values, keys] = await Promise.all([tx.store.getAll(), tx.store.getAllKeys()]);
  await tx.done;
  const benchmarks: StoredBenchmark[] = [];
  const damaged: DamagedRecord[] = [];
  values.forEach((b, i) => {
    const problems = recordProblems('benchmarks', b);
    if (problems.length === 0) benchmarks.push(b);
    else damaged.push(damagedRecord('benchmarks', keys[i], b, problems));
  });
  benchmarks.sort(benchmarksNewestFirst);
  return { benchmarks, damaged };
}

/** Every readable stored benchmark, newest first (damaged ones left out: see readBenchmarks). */
export async function listBenchmarks(db: Db): Promise<StoredBenchmark[]> {
  return (await readBenchmarks(db)).benchmarks;
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

/** A benchmark's runs in the order they were stored, without the storage fields, and the damaged ones apart. */
export async function readBenchmarkRuns(db: Db, benchmarkId: string): Promise<BenchmarkRunListing> {
  const stored = await db.getAllFromIndex('benchmarkRuns', 'by-benchmark', benchmarkId);
  const runs: BenchmarkRun[] = [];
  const damaged: DamagedRecord[] = [];
  // Checked a chunk per task: 10,000 runs at once would hold the page's thread for ~100 ms.
  await forEachInChunks(stored, (r) => {
    const problems = recordProblems('benchmarkRuns', r);
    if (problems.length > 0) damaged.push(damagedRecord('benchmarkRuns', r.id as number, r, problems));
    else {
      const { benchmarkId: _b, id: _id, ...run } = r;
      runs.push(run);
    }
  });
  return { runs, damaged };
}

/** A benchmark's readable runs in the order they were stored (damaged ones left out: see readBenchmarkRuns). */
export async function listBenchmarkRuns(db: Db, benchmarkId: string): Promise<BenchmarkRun[]> {
  return (await readBenchmarkRuns(db, benchmarkId)).runs;
}

/** Deletes one damaged record by its key: a benchmark with its runs, or one benchmark run (another store's is refused). */
export async function deleteDamaged(db: Db, record: Pick<DamagedRecord, 'store' | 'key'>): Promise<void> {
  checkOwnDamaged(record, 'benchmarks', 'benchmarkRuns');
  if (record.store === 'benchmarks') await deleteBenchmark(db, record.key);
  else await db.delete('benchmarkRuns', record.key as number);
}

/**
 * Stores whole benchmarks with their runs (an imported report) in one transaction: all, or nothing changed.
 * The runs are queued in chunks (tx.ts), so a 10,000-run report never holds the page's thread for long.
 */
export async function putBenchmarksWithRuns(db: Db, items: readonly BenchmarkImport[]): Promise<void> {
  const tx = db.transaction(['benchmarks', 'benchmarkRuns'], 'readwrite');
  tx.done.catch(() => {}); // observed below
  const benchmarks = tx.objectStore('benchmarks');
  const runs = tx.objectStore('benchmarkRuns');
  try {
    for (const { benchmark, runs: list } of items) {
      benchmarks.add(benchmark).catch(() => {}); // add, not put: an id that exists fails the whole import
      await queueInChunks(list, (r) => runs.add({ ...r, benchmarkId: benchmark.id }));
    }
  } catch (e) {
    try {
      tx.abort(); // a record that cannot be cloned throws without aborting by itself
    } catch {
      // already aborted by the failed request
    }
    await tx.done.catch(() => {});
    const why = tx.error ?? e; // the failure that aborted it, not the AbortError of a later request
    throw isQuotaError(why) ? new StorageFull('the imported benchmarks', why) : why;
  }
  await guardQuota('the imported benchmarks', () => tx.done, tx);
}

/** Deletes a benchmark and its runs in one transaction (any key: a damaged record's may not be text). */
export async function deleteBenchmark(db: Db, id: string | RecordKey): Promise<void> {
  const tx = db.transaction(['benchmarks', 'benchmarkRuns'], 'readwrite');
  await tx.objectStore('benchmarks').delete(id as string);
  const index = tx.objectStore('benchmarkRuns').index('by-benchmark');
  for (let c = await index.openKeyCursor(id as string); c; c = await c.continue())
    await tx.objectStore('benchmarkRuns').delete(c.primaryKey);
  await tx.done;
}

/** Keeps a model file by the SHA-256 of its bytes (the same bytes twice are stored once). */
export async function putModelFile(db: Db, file: StoredModelFile): Promise<void> {
  await putOne(db, 'modelFiles', file, `the model file "${file.name}"`);
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
export async function listBenchmarkConfigs(db: Db): Promise<StoredBenchmarkConfig[]> {
  return (await db.getAll('benchmarkConfigs')).sort(configsByName); // as the keys order them
}

/** Deletes a saved benchmark configuration by name. */
export async function deleteBenchmarkConfig(db: Db, name: string): Promise<void> {
  await db.delete('benchmarkConfigs', name);
}
