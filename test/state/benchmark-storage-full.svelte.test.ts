// @vitest-environment svelte-runes
// Storage full during a benchmark: the real runner, the real HiGHS through an in-process pool, the real
// repository over fake-indexeddb, whose transactions are aborted with a QuotaExceededError the way Chromium
// aborts them (the transaction's error is the QuotaExceededError, its requests fail with AbortError). The
// runner's message must say exactly what the store then holds.
import 'fake-indexeddb/auto';
import { unwrap } from 'idb';
import { afterEach, describe, expect, it } from 'vitest';
import { benchmarkStoreOf } from '../../src/app/benchmark-store';
import type { BenchmarkDefinition } from '../../src/core/benchmark';
import { BenchmarkRunner } from '../../src/state/benchmark-runner.svelte';
import type { WorkerPool } from '../../src/solver/worker-pool';
import { openWorkbenchDb, type Db } from '../../src/storage/db';
import { diskLibrary, localPool } from './harness';

const pools: WorkerPool[] = [];
afterEach(() => {
  for (const p of pools.splice(0)) p.dispose();
});

/** Knapsack at sizes 6 and 9, two option sets, seeds 1–3, one worker, no warm-up: 12 runs. */
const definition: BenchmarkDefinition = {
  name: 'full disk',
  templates: [
    {
      kind: 'generator',
      id: 'knap',
      name: 'Knapsack',
      generator: 'knapsack',
      sizes: [6, 9],
      instanceSeeds: [1],
      symmetryBreaking: false,
    },
  ],
  optionSets: [
    { id: 'defaults', name: 'HiGHS defaults', options: {} },
    { id: 'no-presolve', name: 'presolve off', options: { presolve: 'off' } },
  ],
  referenceOptionSetId: 'defaults',
  config: { timeLimitMs: 10_000, seeds: [1, 2, 3], repetitions: 1, warmup: false },
  workers: 1,
};
const TOTAL = 12;

/** Which write transactions the disk refuses: by store, the n-th write of it (1-based), and how many of each happened before. */
type Refuse = (store: string, nth: number, seen: Record<string, number>) => boolean;

let dbs = 0;

/**
 * A database whose readwrite transactions on `benchmarks` / `benchmarkRuns` are aborted with a
 * QuotaExceededError when `refuse` says so (after their requests are queued, before they commit), and a
 * switch to make room again.
 */
async function fullDisk(refuse: Refuse) {
  const db: Db = await openWorkbenchDb(`storage-full-${process.pid}-${++dbs}`);
  const raw = unwrap(db) as IDBDatabase & { transaction: IDBDatabase['transaction'] };
  const seen: Record<string, number> = {};
  let room = false;
  const original = IDBDatabase.prototype.transaction;
  raw.transaction = function (this: IDBDatabase, ...args: Parameters<IDBDatabase['transaction']>) {
    const tx = original.apply(this, args);
    const names = typeof args[0] === 'string' ? [args[0]] : [...args[0]];
    const store = names.find((n) => n === 'benchmarks' || n === 'benchmarkRuns');
    if (args[1] === 'readwrite' && store && names.length === 1) {
      seen[store] = (seen[store] ?? 0) + 1;
      if (!room && refuse(store, seen[store], seen))
        queueMicrotask(() => (tx as unknown as { _abort(name: string): void })._abort('QuotaExceededError'));
    }
    return tx;
  } as IDBDatabase['transaction'];
  return { db, makeRoom: () => (room = true) };
}

const cases: [string, Refuse, { state: string; lost: boolean }][] = [
  // The 3rd batch of runs meets a full disk, which stays full (marking the benchmark interrupted fails too).
  [
    'the 3rd batch, the disk staying full',
    (s, n, seen) => (s === 'benchmarkRuns' && n >= 3) || (s === 'benchmarks' && (seen.benchmarkRuns ?? 0) >= 3),
    { state: 'running', lost: true },
  ],
  // Only the 3rd batch is refused: the benchmark is then marked interrupted.
  ['only the 3rd batch', (s, n) => s === 'benchmarkRuns' && n === 3, { state: 'interrupted', lost: true }],
  // Every run is stored; the write that marks it finished is refused.
  [
    'the final state, after every run',
    (s, _n, seen) => s === 'benchmarks' && (seen.benchmarkRuns ?? 0) >= TOTAL / 2,
    { state: 'running', lost: false },
  ],
];

describe('storage full during a benchmark', () => {
  it.each(cases)('%s: the message says what is stored', async (_name, refuse, expected) => {
    const { db, makeRoom } = await fullDisk(refuse);
    const store = benchmarkStoreOf(Promise.resolve(db));
    const pool = localPool();
    pools.push(pool);
    const deps = { solver: pool, store, library: diskLibrary, batchSize: 2, flushMs: 600_000 };
    const runner = new BenchmarkRunner(deps);
    const id = await runner.start(definition);
    expect(runner.state).toBe('failed');
    expect(runner.error?.name).toBe('StorageFull');

    // What the store really holds.
    const stored = await store.listRuns(id!);
    const b = await store.getBenchmark(id!);
    expect(b?.state).toBe(expected.state);
    const message = runner.error!.message;
    expect(message).toMatch(/^The browser's storage for this site is full: /);
    expect(message).not.toMatch(/nothing already stored was changed/);
    if (!expected.lost) {
      expect(stored).toHaveLength(TOTAL);
      expect(message).toContain(
        `the benchmark "full disk" and all ${TOTAL} of its runs were stored, but not that it finished`,
      );
      expect(message).not.toMatch(/could not be stored/);
    } else {
      expect(stored.length).toBe(4); // two batches of 2 went in before the full disk
      expect(message).toContain(`the benchmark "full disk" and ${stored.length} of its ${TOTAL} runs were stored`);
      const lost = Number(/; (\d+) runs? that finished could not be stored/.exec(message)?.[1]);
      const notRun = Number(/; (\d+) runs? did not run/.exec(message)?.[1] ?? 0);
      expect(lost).toBe(runner.done - stored.length);
      expect(lost).toBeGreaterThanOrEqual(2); // at least the refused batch
      expect(stored.length + lost + notRun).toBe(TOTAL);
    }

    // Room again: resuming runs exactly what is missing, and the benchmark finishes with every run.
    makeRoom();
    await new BenchmarkRunner(deps).loadInterrupted();
    const resumer = new BenchmarkRunner(deps);
    await resumer.resume(id!);
    expect(resumer.state).toBe('finished');
    expect(await store.listRuns(id!)).toHaveLength(TOTAL);
  });
});
