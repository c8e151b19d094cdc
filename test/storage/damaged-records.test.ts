// Records written past validation (an older version's bug, a hand edit) read back through the repositories:
// the readable ones are listed as before, the damaged ones apart with their key, and deleting them works.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import {
  deleteDamaged,
  getBenchmark,
  listBenchmarkRuns,
  listBenchmarks,
  readBenchmarkRuns,
  readBenchmarks,
} from '../../src/storage/benchmarks-repo';
import { openWorkbenchDb, type Db } from '../../src/storage/db';
import { deleteRun, listRuns, readRuns } from '../../src/storage/runs-repo';
import { benchmarkRun, runRecord, SHA, storedBenchmark } from '../core/backup/fixtures';

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
    ['only {createdAt, modelId}', { id: 7, createdAt: 20, modelId: SHA }, /^\(top level\): missing modelName, /],
    [
      'no createdAt (outside the by-createdAt index)',
      { ...runRecord(), id: 7, createdAt: undefined },
      /^createdAt: expected a finite number, got undefined$/,
    ],
    [
      'createdAt as text (first in the index)',
      { ...runRecord(), id: 7, createdAt: 'yesterday' },
      /^createdAt: expected a finite number/,
    ],
    ['times not an object', { ...runRecord(), id: 7, times: 5 }, /^times: expected an object/],
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

describe('damaged benchmarks and benchmark runs', () => {
  it('a benchmark with only {id, name, createdAt, state}: listed apart; getBenchmark says there is none; delete removes it with its runs', async () => {
    const db = await fresh();
    await raw(db, 'benchmarks', storedBenchmark({ id: 'ok', createdAt: 1 }), {
      id: 'bad',
      name: 'broken',
      createdAt: 2,
      state: 'finished',
    });
    await raw(
      db,
      'benchmarkRuns',
      { ...benchmarkRun(), benchmarkId: 'bad', id: 1 },
      { ...benchmarkRun(), benchmarkId: 'ok', id: 2 },
    );
    const { benchmarks, damaged } = await readBenchmarks(db);
    expect(benchmarks.map((b) => b.id)).toEqual(['ok']);
    expect(damaged).toEqual([
      {
        store: 'benchmarks',
        key: 'bad',
        label: 'broken, 1970-01-01T00:00:00.002Z',
        problems: ['(top level): missing config, referenceOptionSetId, models, optionSets and 2 more fields'],
      },
    ]);
    expect((await listBenchmarks(db)).map((b) => b.id)).toEqual(['ok']);
    expect(await getBenchmark(db, 'bad')).toBeUndefined();
    await deleteDamaged(db, damaged[0]);
    expect(await db.count('benchmarks')).toBe(1);
    expect(await db.getAllKeys('benchmarkRuns')).toEqual([2]);
  });

  it('a benchmark with a numeric key (a hand edit) is listed and deleted by that key', async () => {
    const db = await fresh();
    await raw(db, 'benchmarks', { ...storedBenchmark(), id: 42 });
    const { damaged } = await readBenchmarks(db);
    expect(damaged.map((d) => [d.key, d.problems[0]])).toEqual([[42, 'id: expected a string, got 42']]);
    await deleteDamaged(db, damaged[0]);
    expect(await db.count('benchmarks')).toBe(0);
  });

  it('a damaged run of a readable benchmark: listed apart, the others read as before, delete removes only it', async () => {
    const db = await fresh();
    await raw(db, 'benchmarks', storedBenchmark());
    await raw(
      db,
      'benchmarkRuns',
      { ...benchmarkRun({ seed: 1 }), benchmarkId: 'b1', id: 1 },
      { ...benchmarkRun({ seed: 2 }), benchmarkId: 'b1', id: 2, counters: null },
      { ...benchmarkRun({ seed: 3 }), benchmarkId: 'b1', id: 3 },
    );
    const { runs, damaged } = await readBenchmarkRuns(db, 'b1');
    expect(runs.map((r) => r.seed)).toEqual([1, 3]);
    expect(damaged.map((d) => [d.store, d.key, d.problems[0]])).toEqual([
      ['benchmarkRuns', 2, 'counters: expected an object, got null'],
    ]);
    expect(await listBenchmarkRuns(db, 'b1')).toEqual(runs);
    await deleteDamaged(db, damaged[0]);
    expect(await db.getAllKeys('benchmarkRuns')).toEqual([1, 3]);
  });
});
