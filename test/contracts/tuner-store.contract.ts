// The tuner store's contract: every implementation (IndexedDB, memory, files) keeps tuning runs by core's rules
// (src/core/stores/tuner-store.ts): whole records by id, replaced as they go, newest first, copies in and out, and
// damaged records (readTuningRecord refuses them) listed apart with core's label, never returned whole.
import { describe, expect, it } from 'vitest';
import type { TunerStore } from '../../src/core/stores';
import type { TuningRecord } from '../../src/core/tuner';
import { tuningRecord } from '../storage/tuning-record';
import { damageOf, describeWhen, onlyWhen, type MakeSubject, type WriteRaw } from './subject';

const at = (minute: number) => new Date(Date.UTC(2026, 10, 2, 10, minute)).toISOString();
const run = (id: string, minute: number, patch: Partial<TuningRecord> = {}) =>
  tuningRecord({ id, name: `run ${id}`, createdAt: at(minute), ...patch });

/** Declares the tuner store's cases for one implementation (`holdsDamaged`: it can hold records the app cannot read). */
export function tunerStoreContract(name: string, make: MakeSubject<TunerStore, WriteRaw>, holdsDamaged = false): void {
  describe(`TunerStore: ${name}`, () => {
    it('stores a run and gives it back whole; an unknown id is undefined', async () => {
      const { store } = await make();
      const r = run('a', 1);
      await store.put(r);
      expect(await store.get('a')).toEqual(r);
      expect(await store.get('nope')).toBeUndefined();
    });

    it('copies in and out: a later change by the caller or by a reader changes nothing stored', async () => {
      const { store } = await make();
      const r = run('a', 1);
      await store.put(r);
      r.name = 'changed by the writer';
      r.race.candidates[0].status = 'retired';
      const got = (await store.get('a'))!;
      expect(got).toEqual(run('a', 1));
      got.name = 'changed by the reader';
      expect((await store.list())[0].name).toBe('run a');
    });

    it('lists newest first by createdAt (as a time), whatever order they were put in; same time: the larger id first', async () => {
      const { store } = await make();
      await store.put(run('mid', 30));
      await store.put(run('old', 5));
      await store.put(run('new', 59));
      await store.put(run('new-too', 59));
      await store.put(tuningRecord({ id: 'next-day', createdAt: '2026-11-03T00:00:00.000Z' }));
      const order = ['next-day', 'new-too', 'new', 'mid', 'old'];
      expect((await store.list()).map((r) => r.id)).toEqual(order);
      expect(await store.list()).toEqual(await Promise.all(order.map((id) => store.get(id))));
    });

    it('replaces a run by id (its state written as it goes), keeping one record', async () => {
      const { store } = await make();
      await store.put(run('a', 1));
      await store.put(run('b', 2));
      const finished = run('a', 1, { state: 'finished', phase: 'done', updatedAt: at(50), elapsedMs: 99_000 });
      await store.put(finished);
      expect(await store.get('a')).toEqual(finished);
      expect((await store.list()).map((r) => [r.id, r.state])).toEqual([
        ['b', 'running'],
        ['a', 'finished'],
      ]);
    });

    it('deletes one run by id; deleting an unknown id is no failure', async () => {
      const { store } = await make();
      await store.put(run('a', 1));
      await store.put(run('b', 2));
      await store.delete('a');
      await store.delete('nope');
      expect(await store.get('a')).toBeUndefined();
      expect((await store.list()).map((r) => r.id)).toEqual(['b']);
    });

    it('read() gives the readable runs newest first, and no damaged one when none is stored', async () => {
      const { store } = await make();
      expect(await store.read!()).toEqual({ records: [], damaged: [] });
      await store.put(run('a', 1));
      await store.put(run('b', 2));
      expect(await store.read!()).toEqual({ records: [run('b', 2), run('a', 1)], damaged: [] });
    });

    it("deleteDamaged refuses another store's damaged record", async () => {
      const { store } = await make();
      await expect(
        store.deleteDamaged!({ store: 'benchmarks', key: 'bad', label: 'x', problems: ['p'] }),
      ).rejects.toThrow(/a damaged record of benchmarks is not deleted here/);
    });

    describeWhen(holdsDamaged).each([
      ['another format', { ...run('fmt', 3), format: 'evil/format' }, 'fmt', /^format: /],
      ['a newer version', { ...run('v2', 4), version: 2 }, 'v2', /^version: /],
      ['only an id and a name', { id: 'bare', name: 'crafted' }, 'bare', /./],
    ])('a damaged tuning run (%s)', (_case, value, id, problem) => {
      it('is listed apart with its key, not listed, not got; deleteDamaged removes it', async () => {
        const subject = await make();
        const { store } = subject;
        const damage = damageOf(subject);
        await store.put(run('good', 1));
        const key = await damage(value);
        const { records, damaged } = await store.read!();
        expect(records.map((r) => r.id)).toEqual(['good']);
        expect(damaged).toHaveLength(1);
        expect(damaged[0]).toMatchObject({ store: 'tunerRuns', key });
        expect(
          damaged[0].problems.some((p) => problem.test(p)),
          damaged[0].problems.join('; '),
        ).toBe(true);
        expect((await store.list()).map((r) => r.id)).toEqual(['good']);
        expect(await store.get(id)).toBeUndefined();
        await store.deleteDamaged!(damaged[0]);
        expect(await store.read!()).toEqual({ records: [run('good', 1)], damaged: [] });
      });
    });

    onlyWhen(holdsDamaged)('labels a damaged run with its name and its createdAt when that is a time', async () => {
      const subject = await make();
      const damage = damageOf(subject);
      const x = await damage({ ...run('x', 7), format: 'evil' });
      const y = await damage({ id: 'y', createdAt: 'not a time' });
      const { damaged } = await subject.store.read!();
      expect(damaged.map((d) => [d.key, d.label])).toEqual([
        [x, `run x, ${at(7)}`],
        [y, 'key "y"'],
      ]);
    });
  });
}
