// The baseline store's contract: every implementation (IndexedDB, memory, files) keeps baselines, the checks'
// history and thresholds by core's rules (src/core/stores/baseline-store.ts): a baseline whole as core's Baseline
// (a createdAt that is not a date refused), earlier ones kept, oldest first per template, replaced by id; checks in
// the order made; one threshold per template; copies in and out.
import { describe, expect, it } from 'vitest';
import type { Baseline } from '../../src/core/regression';
import type { BaselineStore } from '../../src/core/stores';
import { checkSummary } from '../helpers/regression-check';
import { baselineRun as run, coreBaseline as baseline } from '../helpers/stored-records';
import type { MakeSubject } from './subject';

/** Declares the baseline store's cases for one implementation. */
export function baselineStoreContract(name: string, make: MakeSubject<BaselineStore>): void {
  describe(`BaselineStore: ${name}`, () => {
    it('stores a baseline whole and returns copies; an unknown id is undefined', async () => {
      const { store } = await make();
      const b = baseline('b1');
      await store.put(b);
      b.runs[0].objective = 99;
      const got = await store.get('b1');
      expect(got).toEqual(baseline('b1'));
      expect(got!.optionSet.options.time_limit).toBe(Infinity);
      got!.runs.length = 0;
      expect((await store.get('b1'))!.runs).toHaveLength(2);
      expect(await store.get('nope')).toBeUndefined();
    });

    it('keeps earlier baselines, lists oldest first per template (same ms: by id), replaces by id and deletes', async () => {
      const { store } = await make();
      await store.put(baseline('late', 'knapsack', 30));
      await store.put(baseline('other', 'facility', 20));
      await store.put(baseline('early', 'knapsack', 10));
      await store.put(baseline('also-early', 'knapsack', 10));
      expect((await store.list('knapsack')).map((b) => b.id)).toEqual(['also-early', 'early', 'late']);
      expect((await store.list()).map((b) => b.id)).toEqual(['also-early', 'early', 'other', 'late']);
      expect(await store.list('none')).toEqual([]);
      await store.put({ ...baseline('late', 'knapsack', 30), thresholdPct: 35 });
      expect((await store.get('late'))!.thresholdPct).toBe(35);
      expect(await store.list()).toHaveLength(4);
      await store.delete('early');
      await store.delete('unknown');
      expect((await store.list('knapsack')).map((b) => b.id)).toEqual(['also-early', 'late']);
    });

    it('refuses a baseline whose createdAt is not a date, and stores nothing', async () => {
      const { store } = await make();
      await expect(store.put({ ...baseline('bad'), createdAt: 'yesterday' })).rejects.toThrow(RangeError);
      expect(await store.list()).toEqual([]);
    });

    it('a baseline that cannot be stored leaves the stored one as it was', async () => {
      const { store } = await make();
      await store.put(baseline('a'));
      const bad = { ...baseline('a'), runs: [{ ...run(1), timeMs: Symbol('x') }] } as unknown as Baseline;
      await expect(store.put(bad)).rejects.toThrow();
      expect(await store.get('a')).toEqual(baseline('a'));
    });

    it('keeps check summaries per template in the order they were made, replaced by id, as copies', async () => {
      const { store } = await make();
      const late = checkSummary('late', 'knapsack', 5);
      await store.addCheck(late);
      await store.addCheck(checkSummary('other', 'facility', 3));
      await store.addCheck(checkSummary('early', 'knapsack', 1));
      late.counts.wrong = 9;
      const got = await store.listChecks('knapsack');
      expect(got.map((c) => c.id)).toEqual(['early', 'late']);
      expect(got[1]).toEqual(checkSummary('late', 'knapsack', 5));
      got[0].verdict = 'wrong';
      expect((await store.listChecks('knapsack'))[0].verdict).toBe('unchanged');
      expect((await store.listChecks()).map((c) => c.id)).toEqual(['early', 'other', 'late']);
      expect(await store.listChecks('none')).toEqual([]);
      await store.addCheck({ ...checkSummary('early', 'knapsack', 1), verdict: 'regressed' });
      expect((await store.listChecks('knapsack')).map((c) => [c.id, c.verdict])).toEqual([
        ['early', 'regressed'],
        ['late', 'unchanged'],
      ]);
    });

    it('keeps one threshold per template, the latest', async () => {
      const { store } = await make();
      expect(await store.getThreshold('knapsack')).toBeUndefined();
      expect(await store.listThresholds()).toEqual({});
      await store.setThreshold('knapsack', 30);
      await store.setThreshold('facility', 10);
      await store.setThreshold('knapsack', 35);
      expect(await store.getThreshold('knapsack')).toBe(35);
      expect(await store.listThresholds()).toEqual({ knapsack: 35, facility: 10 });
    });
  });
}
