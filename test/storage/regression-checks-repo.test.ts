// The regression checks' repository over IndexedDB, what only it does: the template settings' records, strict
// durability, a check that cannot be stored. (The history's order and the thresholds as every baseline store keeps
// them, IndexedDB, memory and files alike, are test/contracts/baseline-store.contract.ts.)
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openWorkbenchDb, type Db } from '../../src/storage/db';
import type { StoredRegressionCheck } from '../../src/storage/parameter-types';
import { checkSummary } from '../helpers/regression-check';
import {
  addRegressionCheck,
  getTemplateSettings,
  listRegressionChecks,
  listTemplateSettings,
  putTemplateSettings,
} from '../../src/storage/regression-checks-repo';

describe('regression checks and template settings', () => {
  let db: Db;
  beforeEach(async () => {
    db = await openWorkbenchDb(`regression-checks-${Math.random()}`);
  });
  afterEach(() => {
    db.close();
    vi.restoreAllMocks();
  });

  it('keeps one threshold per template, replaced by the latest', async () => {
    expect(await getTemplateSettings(db, 'knapsack')).toBeUndefined();
    await putTemplateSettings(db, { template: 'knapsack', thresholdPct: 30 });
    await putTemplateSettings(db, { template: 'knapsack', thresholdPct: 25 });
    await putTemplateSettings(db, { template: 'facility', thresholdPct: 10 });
    expect(await getTemplateSettings(db, 'knapsack')).toEqual({ template: 'knapsack', thresholdPct: 25 });
    expect(await listTemplateSettings(db)).toHaveLength(2);
  });

  it('writes both with strict durability', async () => {
    const spy = vi.spyOn(IDBDatabase.prototype, 'transaction');
    await addRegressionCheck(db, checkSummary('a'));
    await putTemplateSettings(db, { template: 'knapsack', thresholdPct: 30 });
    expect(spy.mock.calls.filter(([, mode]) => mode === 'readwrite')).toEqual([
      ['regressionChecks', 'readwrite', { durability: 'strict' }],
      ['templateSettings', 'readwrite', { durability: 'strict' }],
    ]);
  });

  it('a check that cannot be stored leaves the earlier ones intact', async () => {
    await addRegressionCheck(db, checkSummary('a'));
    const bad = { ...checkSummary('b'), label: Symbol('x') } as unknown as StoredRegressionCheck;
    await expect(addRegressionCheck(db, bad)).rejects.toThrow();
    expect((await listRegressionChecks(db)).map((c) => c.id)).toEqual(['a']);
  });
});
