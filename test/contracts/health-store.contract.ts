// The health store's contract: every implementation (IndexedDB, memory, files) keeps the checks' history by core's
// rules (src/core/stores/health-store.ts): a run replaces the one with its id, the newest `keep` stay (by `at`, then
// id), listed newest first up to a limit, as copies.
import { describe, expect, it } from 'vitest';
import type { HealthRun } from '../../src/core/health/types';
import type { HealthStore } from '../../src/core/stores';
import type { MakeSubject } from './subject';

const healthRun = (id: string, at: number, over: Partial<HealthRun> = {}): HealthRun => ({
  id,
  at,
  trigger: 'scheduled',
  overall: 'healthy',
  results: [],
  ...over,
});

/** Declares the health store's cases for one implementation. */
export function healthStoreContract(name: string, make: MakeSubject<HealthStore>): void {
  describe(`HealthStore: ${name}`, () => {
    it('keeps the newest `keep` runs, lists them newest first up to the limit', async () => {
      const { store } = await make();
      await store.addRun(healthRun('b', 20), 3);
      await store.addRun(healthRun('a', 10), 3);
      await store.addRun(healthRun('d', 40), 3);
      await store.addRun(healthRun('c', 30), 3);
      expect((await store.listRuns(10)).map((r) => r.id)).toEqual(['d', 'c', 'b']);
      expect((await store.listRuns(1)).map((r) => r.id)).toEqual(['d']);
      expect(await store.listRuns(0)).toEqual([]);
    });

    it('a run with a stored id replaces it (and counts once)', async () => {
      const { store } = await make();
      await store.addRun(healthRun('a', 10), 2);
      await store.addRun(healthRun('b', 20), 2);
      await store.addRun(healthRun('b', 20, { overall: 'critical' }), 2);
      expect((await store.listRuns(10)).map((r) => [r.id, r.overall])).toEqual([
        ['b', 'critical'],
        ['a', 'healthy'],
      ]);
    });

    it('runs at the same time: ordered by id, the smaller dropped first', async () => {
      const { store } = await make();
      await store.addRun(healthRun('y', 10), 2);
      await store.addRun(healthRun('x', 10), 2);
      await store.addRun(healthRun('z', 10), 2);
      expect((await store.listRuns(10)).map((r) => r.id)).toEqual(['z', 'y']);
    });

    it('stores copies and gives copies', async () => {
      const { store } = await make();
      const r = healthRun('a', 1, {
        results: [
          {
            id: 'sanity-solve',
            name: 'Sanity solve',
            severity: 'critical',
            status: 'pass',
            message: 'ok',
            details: { ms: 3 },
            at: 1,
            durationMs: 3,
          },
        ],
      });
      await store.addRun(r, 5);
      r.results[0].status = 'fail';
      const [got] = await store.listRuns(5);
      expect(got.results[0].status).toBe('pass');
      got.overall = 'critical';
      expect((await store.listRuns(5))[0].overall).toBe('healthy');
    });
  });
}
