// Records written past validation (an older version's bug, a hand edit) read back through the IndexedDB
// repositories, the cases only IndexedDB has: runs the by-createdAt index leaves out, an id beyond the key
// generator's range, the listing's limit, a benchmark's numeric key. (Damaged records every implementation can
// hold are test/contracts/'s: run-store, benchmark-store and tuner-store contracts.)
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { deleteDamaged, readBenchmarks } from '../../src/storage/benchmarks-repo';
import { openWorkbenchDb, type Db } from '../../src/storage/db';
import { deleteRun, listRuns, readRuns } from '../../src/storage/runs-repo';
import { runRecord, storedBenchmark } from '../core/backup/fixtures';

let n = 0;
const fresh = () => openWorkbenchDb(`damaged-${process.pid}-${++n}`);

/** Writes records straight into a store, past every check (as a hand edit would). */
async function raw(db: Db, store: 'runs' | 'benchmarks' | 'benchmarkRuns', ...records: object[]): Promise<void> {
  const tx = db.transaction(store, 'readwrite');
  for (const r of records) void tx.store.put(r as never);
  await tx.done;
}

describe('damaged runs', () => {
  const cases: [string, object, RegExp][] = [
    [
      'no createdAt (outside the by-createdAt index)',
      { ...runRecord(), id: 7, createdAt: undefined },
      /^createdAt: expected a finite number, got undefined$/,
    ],
    ['an id of 1e300', { ...runRecord(), id: 1e300 }, /^id: expected a whole number from 1 to/],
  ];
  it.each(cases)(
    '%s: listed apart with its key; the others as before; delete removes it',
    async (_name, bad, problem) => {
      const db = await fresh();
      await raw(db, 'runs', { ...runRecord(), id: 1, createdAt: 10 }, bad, { ...runRecord(), id: 2, createdAt: 30 });
      const { runs, damaged } = await readRuns(db);
      expect(runs.map((r) => r.id)).toEqual([2, 1]);
      expect(damaged).toHaveLength(1);
      const [d] = damaged;
      expect(d.store).toBe('runs');
      expect(d.key).toBe((bad as { id: number }).id);
      expect(d.problems[0]).toMatch(problem);
      expect(d.label).toMatch(/^(afiro\.mps|a{64})(, 1970-|$)/);
      expect((await listRuns(db)).map((r) => r.id)).toEqual([2, 1]);
      await deleteRun(db, d.key);
      expect(await readRuns(db)).toEqual({ runs, damaged: [] });
    },
  );

  it('the limit counts readable runs; every damaged run met on the way is listed', async () => {
    const db = await fresh();
    await raw(db, 'runs', ...[1, 2, 3].map((i) => ({ ...runRecord(), id: i, createdAt: i })), {
      id: 9,
      createdAt: 5,
      modelId: 'x',
    });
    const { runs, damaged } = await readRuns(db, 2);
    expect(runs.map((r) => r.id)).toEqual([3, 2]);
    expect(damaged.map((d) => d.key)).toEqual([9]);
  });
});

describe('damaged benchmarks', () => {
  it('a benchmark with a numeric key (a hand edit) is listed and deleted by that key', async () => {
    const db = await fresh();
    await raw(db, 'benchmarks', { ...storedBenchmark(), id: 42 });
    const { damaged } = await readBenchmarks(db);
    expect(damaged.map((d) => [d.key, d.problems[0]])).toEqual([[42, 'id: expected a string, got 42']]);
    await deleteDamaged(db, damaged[0]);
    expect(await db.count('benchmarks')).toBe(0);
  });
});
