// withMemoryFallback as the bootstrap wires it: over a database that opened, every call goes to the database and
// the memory store stays empty. (What every store does, in memory, in IndexedDB and behind a failed open, is
// test/contracts/'s: one contract per store run against each implementation.)
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { baselineStoreOf } from '../../src/app/baseline-store';
import { memoryBaselineStore, memoryParameterStore, withMemoryFallback } from '../../src/app/memory-stores';
import { parameterStoreOf } from '../../src/app/parameter-store';
import { openWorkbenchDb } from '../../src/storage/db';
import { coreBaseline as baseline, blessedSet as blessed, promotedEvent as promoted } from '../helpers/stored-records';

let n = 0;
const freshDb = () => openWorkbenchDb(`memory-stores-${process.pid}-${++n}`);
describe('withMemoryFallback for parameters and baselines', () => {
  it('writes to the database when it opened, leaving the memory store empty', async () => {
    const db = freshDb();
    const memParams = memoryParameterStore();
    const memBaselines = memoryBaselineStore();
    const params = withMemoryFallback(db, parameterStoreOf(db), memParams);
    const baselines = withMemoryFallback(db, baselineStoreOf(db), memBaselines);
    await params.putBlessed(blessed('a'), promoted(blessed('a')));
    await baselines.put(baseline('b1'));
    expect(await (await db).count('blessedSets')).toBe(1);
    expect(await (await db).count('baselines')).toBe(1);
    expect(await memParams.listBlessed()).toEqual([]);
    expect(await memBaselines.list()).toEqual([]);
  });
});
