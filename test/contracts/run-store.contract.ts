// The run store's contract: every implementation (IndexedDB, memory, files) gives the history core's rules
// (src/core/stores/run-store.ts): ids assigned by the store, the newest RUN_HISTORY_LIMIT runs newest first, copies
// in and out, a record that cannot be stored refused whole, damaged runs listed apart and deleted by their key.
import { describe, expect, it } from 'vitest';
import type { RunRecord } from '../../src/core/run-record';
import { RUN_HISTORY_LIMIT, type RunStore } from '../../src/core/stores';
import { runRecord, SHA } from '../core/backup/fixtures';
import { damageOf, describeWhen, type MakeSubject, type WriteRaw } from './subject';

/** A run made at `createdAt` (its id is the store's). */
const run = (createdAt: number, over: Partial<RunRecord> = {}): RunRecord => {
  const { id: _id, ...r } = runRecord({ createdAt, modelName: `m${createdAt}.mps`, ...over });
  return r;
};

/** Declares the run store's cases for one implementation (`holdsDamaged`: it can hold records the app cannot read). */
export function runStoreContract(name: string, make: MakeSubject<RunStore, WriteRaw>, holdsDamaged = false): void {
  describe(`RunStore: ${name}`, () => {
    it('assigns ids (whatever id a run had) and lists the runs newest first, whole', async () => {
      const { store } = await make();
      const a = await store.add(run(10));
      const b = await store.add({ ...run(30), id: a.id });
      const c = await store.add(run(20));
      expect(new Set([a.id, b.id, c.id]).size).toBe(3);
      expect(a).toEqual({ ...run(10), id: a.id });
      expect(await store.list()).toEqual([
        { ...run(30), id: b.id },
        { ...run(20), id: c.id },
        { ...run(10), id: a.id },
      ]);
    });

    it('runs made in the same ms: the later one first', async () => {
      const { store } = await make();
      const first = await store.add(run(5));
      const second = await store.add(run(5, { modelName: 'second' }));
      expect((await store.list()).map((r) => r.id)).toEqual([second.id, first.id]);
    });

    it(`lists the newest ${RUN_HISTORY_LIMIT} runs only (the older ones stay stored)`, async () => {
      const { store } = await make();
      for (let t = 1; t <= RUN_HISTORY_LIMIT + 3; t++) await store.add(run(t));
      const listed = await store.list();
      expect(listed).toHaveLength(RUN_HISTORY_LIMIT);
      expect(listed[0].createdAt).toBe(RUN_HISTORY_LIMIT + 3);
      expect(listed.at(-1)!.createdAt).toBe(4);
    });

    it('keeps Infinity, NaN and null through storage', async () => {
      const { store } = await make();
      await store.add(run(1, { options: { time_limit: Infinity }, objective: null, mipGap: NaN }));
      const [r] = await store.list();
      expect(r.options.time_limit).toBe(Infinity);
      expect(r.objective).toBeNull();
      expect(r.mipGap).toBeNaN();
    });

    it('copies in and out: a later change by the caller or by a reader changes nothing stored', async () => {
      const { store } = await make();
      const r = run(1);
      await store.add(r);
      r.options.presolve = 'on';
      r.counters.simplexIterations = 999;
      const [got] = await store.list();
      expect(got).toEqual({ ...run(1), id: got.id });
      got.modelName = 'changed by the reader';
      expect((await store.list())[0].modelName).toBe('m1.mps');
    });

    it('refuses a run that cannot be stored, and stores nothing', async () => {
      const { store } = await make();
      await store.add(run(1));
      const bad = run(2, { options: { presolve: (() => 'x') as unknown as string } });
      await expect(store.add(bad)).rejects.toThrow();
      expect((await store.list()).map((r) => r.createdAt)).toEqual([1]);
    });

    it('clears every run; adding goes on after', async () => {
      const { store } = await make();
      await store.add(run(1));
      await store.add(run(2));
      await store.clear();
      expect(await store.list()).toEqual([]);
      await store.add(run(3));
      expect((await store.list()).map((r) => r.createdAt)).toEqual([3]);
    });

    it('read() gives the same runs, and no damaged one when none is stored', async () => {
      const { store } = await make();
      await store.add(run(1));
      await store.add(run(2));
      expect(await store.read!()).toEqual({ runs: await store.list(), damaged: [] });
    });

    it("deleteDamaged refuses another store's damaged record", async () => {
      const { store } = await make();
      await expect(
        store.deleteDamaged!({ store: 'benchmarkRuns', key: 1, label: 'x', problems: ['p'] }),
      ).rejects.toThrow(/a damaged record of benchmarkRuns is not deleted here/);
    });

    describeWhen(holdsDamaged).each([
      ['only {createdAt, modelId}', { id: 7, createdAt: 20, modelId: SHA }, /missing modelName, /],
      ['times not an object', { ...run(20), id: 7, times: 5 }, /^times: expected an object/],
      ['createdAt as text', { ...run(20), id: 7, createdAt: 'yesterday' }, /^createdAt: expected a finite number/],
    ])('a damaged run (%s)', (_case, bad, problem) => {
      it('is listed apart with its key; the others as before; deleteDamaged removes it', async () => {
        const subject = await make();
        const { store } = subject;
        const damage = damageOf(subject);
        const good = await store.add(run(10));
        const key = await damage(bad);
        const { runs, damaged } = await store.read!();
        expect(runs.map((r) => r.id)).toEqual([good.id]);
        expect(damaged).toHaveLength(1);
        expect(damaged[0]).toMatchObject({ store: 'runs', key });
        expect(damaged[0].problems[0]).toMatch(problem);
        expect((await store.list()).map((r) => r.id)).toEqual([good.id]);
        await store.deleteDamaged!(damaged[0]);
        expect(await store.read!()).toEqual({ runs, damaged: [] });
      });
    });
  });
}
