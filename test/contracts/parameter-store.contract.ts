// The parameter store's contract: every implementation (IndexedDB, memory, files) keeps blessed sets and their
// history by core's rules (src/core/stores/parameter-store.ts): an event is about its set, one active set per
// template, a rollback names a stored set of its template, sets oldest promotion first, events numbered in order,
// a write that cannot be stored changes nothing, copies in and out.
import { describe, expect, it } from 'vitest';
import type { ParameterStore, StoredBlessedEvent } from '../../src/core/stores';
import { blessedSet as blessed, iso, promotedEvent as promoted } from '../helpers/stored-records';
import type { MakeSubject } from './subject';

/** Declares the parameter store's cases for one implementation. */
export function parameterStoreContract(name: string, make: MakeSubject<ParameterStore>): void {
  describe(`ParameterStore: ${name}`, () => {
    it('stores a set with its promotion event; Infinity survives; copies in and out', async () => {
      const { store } = await make();
      const a = blessed('a');
      await store.putBlessed(a, promoted(a));
      a.options.presolve = 'off';
      const [got] = await store.listBlessed('knapsack');
      expect(got).toEqual(blessed('a'));
      expect(got.options.time_limit).toBe(Infinity);
      got.name = 'changed by the reader';
      expect((await store.listBlessed())[0].name).toBe('set a');
      expect(await store.history('knapsack')).toEqual([{ ...promoted(blessed('a')), id: 1 }]);
    });

    it('an active set deactivates its template’s others, not other templates’; lists oldest promotion first', async () => {
      const { store } = await make();
      const sets = [
        blessed('b', 'knapsack', { promotedAt: iso(3) }),
        blessed('x', 'facility', { promotedAt: iso(2) }),
        blessed('a', 'knapsack', { promotedAt: iso(1) }),
      ];
      for (const s of sets) await store.putBlessed(s, promoted(s));
      expect((await store.listBlessed('knapsack')).map((s) => [s.id, s.active])).toEqual([
        ['a', true],
        ['b', false],
      ]);
      expect((await store.listBlessed()).map((s) => s.id)).toEqual(['a', 'x', 'b']);
      expect((await store.listBlessed('facility')).map((s) => s.active)).toEqual([true]);
      expect((await store.history('knapsack')).map((e) => [e.setId, e.id])).toEqual([
        ['b', 1],
        ['a', 3],
      ]);
      expect(await store.listBlessed('none')).toEqual([]);
    });

    it('revoking keeps the set, inactive, with the reason in the history', async () => {
      const { store } = await make();
      await store.putBlessed(blessed('a'), promoted(blessed('a')));
      const revoked: StoredBlessedEvent = {
        template: 'knapsack',
        kind: 'revoked',
        at: iso(30),
        by: 'bob',
        setId: 'a',
        reason: 'slower on 1.16',
      };
      await store.putBlessed(blessed('a', 'knapsack', { active: false }), revoked);
      expect((await store.listBlessed('knapsack')).map((s) => [s.id, s.active])).toEqual([['a', false]]);
      expect(await store.history('knapsack')).toEqual([
        { ...promoted(blessed('a')), id: 1 },
        { ...revoked, id: 2 },
      ]);
    });

    it('refuses an event about another set, and stores nothing', async () => {
      const { store } = await make();
      await expect(store.putBlessed(blessed('a'), promoted(blessed('b')))).rejects.toThrow(/not the set knapsack\/a/);
      expect(await store.listBlessed()).toEqual([]);
      expect(await store.history('knapsack')).toEqual([]);
    });

    it('a set or an event that cannot be stored writes neither, and the active set stays active', async () => {
      const { store } = await make();
      await store.putBlessed(blessed('a'), promoted(blessed('a')));
      const badSet = blessed('b', 'knapsack', { options: { presolve: (() => 'x') as unknown as string } });
      await expect(store.putBlessed(badSet, promoted(badSet))).rejects.toThrow();
      const badEvent = { ...promoted(blessed('c')), reason: Symbol('x') } as unknown as StoredBlessedEvent;
      await expect(store.putBlessed(blessed('c'), badEvent)).rejects.toThrow();
      expect((await store.listBlessed()).map((s) => [s.id, s.active])).toEqual([['a', true]]);
      expect(await store.history('knapsack')).toHaveLength(1);
    });

    it('setActive rolls back: switches the active set, records its event about that set; an unknown id changes nothing', async () => {
      const { store } = await make();
      const a = blessed('a', 'knapsack', { promotedAt: iso(1) });
      const b = blessed('b', 'knapsack', { promotedAt: iso(2) });
      await store.putBlessed(a, promoted(a));
      await store.putBlessed(b, promoted(b));
      const rollback: StoredBlessedEvent = { template: 'other', kind: 'rolled-back', at: iso(5), by: 'bo', setId: 'z' };
      await store.setActive('knapsack', 'a', rollback);
      expect((await store.listBlessed('knapsack')).map((s) => [s.id, s.active])).toEqual([
        ['a', true],
        ['b', false],
      ]);
      expect((await store.history('knapsack')).at(-1)).toEqual({
        ...rollback,
        template: 'knapsack',
        setId: 'a',
        id: 3,
      });
      await expect(store.setActive('knapsack', 'nope')).rejects.toThrow(/no blessed set nope/);
      expect((await store.listBlessed('knapsack')).map((s) => s.active)).toEqual([true, false]);
      expect(await store.history('knapsack')).toHaveLength(3);
    });

    it('setActive with a set of another template rejects and changes nothing', async () => {
      const { store } = await make();
      await store.putBlessed(blessed('a'), promoted(blessed('a')));
      await store.putBlessed(blessed('x', 'facility'), promoted(blessed('x', 'facility')));
      await expect(store.setActive('knapsack', 'x')).rejects.toThrow(/no blessed set x for the template knapsack/);
      expect((await store.listBlessed()).map((s) => [s.id, s.active])).toEqual([
        ['a', true],
        ['x', true],
      ]);
      expect(await store.history('knapsack')).toHaveLength(1);
    });

    it('setActive without an event switches the set and records nothing', async () => {
      const { store } = await make();
      const a = blessed('a', 'knapsack', { promotedAt: iso(1) });
      const b = blessed('b', 'knapsack', { promotedAt: iso(2) });
      await store.putBlessed(a, promoted(a));
      await store.putBlessed(b, promoted(b));
      await store.setActive('knapsack', 'a');
      expect((await store.listBlessed('knapsack')).map((s) => s.active)).toEqual([true, false]);
      expect(await store.history('knapsack')).toHaveLength(2);
    });
  });
}
