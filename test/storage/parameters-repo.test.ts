// The parameters repository over IndexedDB, what only it does: getBlessedSet and activeBlessed, and strict
// durability on every write. (What every parameter store does, IndexedDB, memory and files alike, the rule of one
// active set per template included, is test/contracts/parameter-store.contract.ts.)
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openWorkbenchDb, type Db } from '../../src/storage/db';
import {
  activeBlessed,
  getBlessedSet,
  history,
  listBlessed,
  putBlessedSet,
  setActive,
} from '../../src/storage/parameters-repo';
import type { StoredBlessedEvent } from '../../src/storage/parameter-types';
import { blessedSet as set, iso, promotedEvent as promoted } from '../helpers/stored-records';

describe('blessed sets', () => {
  let db: Db;
  beforeEach(async () => {
    db = await openWorkbenchDb(`params-${Math.random()}`);
  });
  afterEach(() => {
    vi.restoreAllMocks();
    db.close();
  });

  it('stores a set with its promotion event; Infinity and nested values survive', async () => {
    await putBlessedSet(db, set('a'), promoted(set('a')));
    expect(await getBlessedSet(db, 'a')).toEqual(set('a'));
    expect((await getBlessedSet(db, 'a'))!.options.time_limit).toBe(Infinity);
    expect(await history(db, 'knapsack')).toEqual([{ ...promoted(set('a')), id: 1 }]);
  });

  it('promoting an active set deactivates the template’s others, not other templates’', async () => {
    await putBlessedSet(db, set('a', 'knapsack', { promotedAt: iso(1) }), promoted(set('a'), 1));
    await putBlessedSet(db, set('x', 'facility', { promotedAt: iso(2) }), promoted(set('x', 'facility'), 2));
    await putBlessedSet(db, set('b', 'knapsack', { promotedAt: iso(3) }), promoted(set('b'), 3));
    expect((await listBlessed(db, 'knapsack')).map((s) => [s.id, s.active])).toEqual([
      ['a', false],
      ['b', true],
    ]);
    expect((await activeBlessed(db, 'knapsack'))!.id).toBe('b');
    expect((await activeBlessed(db, 'facility'))!.id).toBe('x');
    expect((await listBlessed(db)).map((s) => s.id)).toEqual(['a', 'x', 'b']);
    expect((await history(db, 'knapsack')).map((e) => [e.setId, e.at])).toEqual([
      ['a', iso(1)],
      ['b', iso(3)],
    ]);
  });

  it('revoking keeps the set, inactive, and records the reason', async () => {
    await putBlessedSet(db, set('a'), promoted(set('a')));
    const revoked: StoredBlessedEvent = {
      template: 'knapsack',
      kind: 'revoked',
      at: iso(30),
      by: 'bob',
      setId: 'a',
      reason: 'slower on 1.16',
    };
    await putBlessedSet(db, set('a', 'knapsack', { active: false }), revoked);
    expect(await activeBlessed(db, 'knapsack')).toBeUndefined();
    expect((await history(db, 'knapsack')).map((e) => e.kind)).toEqual(['promoted', 'revoked']);
    expect((await history(db, 'knapsack'))[1].reason).toBe('slower on 1.16');
  });

  it('every write is a strict-durability transaction', async () => {
    const spy = vi.spyOn(IDBDatabase.prototype, 'transaction'); // fake-indexeddb/auto's class
    await putBlessedSet(db, set('a'), promoted(set('a')));
    await setActive(db, 'knapsack', 'a');
    const writes = spy.mock.calls.filter(([, mode]) => mode === 'readwrite');
    expect(writes).toHaveLength(2);
    for (const [, , options] of writes) expect(options).toEqual({ durability: 'strict' });
  });
});
