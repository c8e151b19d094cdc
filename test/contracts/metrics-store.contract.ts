// The metrics store's contract: every implementation (IndexedDB, memory, files) keeps metric points by core's rules
// (src/core/stores/metrics-store.ts): keyed by [t, seq] (the same key again replaces), a window [from, to) of one
// kind oldest first, the newest solves newest first, a prune deleting exactly the points below its cutoff, copies.
import { describe, expect, it } from 'vitest';
import type { MetricPoint } from '../../src/core/metrics/types';
import type { MetricsStore } from '../../src/core/stores';
import { sample, solve } from '../core/metrics/fixtures';
import type { MakeSubject } from './subject';

const DAY = 86_400_000;

/** Points at t = 1..20: solves at odd t (two more at t = 5), samples at even t. */
const POINTS: MetricPoint[] = [
  ...Array.from({ length: 20 }, (_, i) =>
    i % 2 === 0 ? solve({ t: i + 1, seq: 0.5, model: `m${i + 1}` }) : sample({ t: i + 1, seq: 0.5, queueDepth: i }),
  ),
  solve({ t: 5, seq: 0.1, model: 'early' }),
  solve({ t: 5, seq: 0.9, model: 'late' }),
];
const ts = (ps: MetricPoint[]) => ps.map((p) => [p.t, p.seq]);

/** Declares the metrics store's cases for one implementation. */
export function metricsStoreContract(name: string, make: MakeSubject<MetricsStore>): void {
  describe(`MetricsStore: ${name}`, () => {
    it('stores batches; counts them; a window [from, to) of one kind comes oldest first by [t, seq]', async () => {
      const { store } = await make();
      await store.add(POINTS.slice(10));
      await store.add(POINTS.slice(0, 10));
      await store.add([]);
      expect(await store.count()).toBe(POINTS.length);
      expect(ts(await store.listSolves({ from: 0, to: 100 }))).toEqual([
        [1, 0.5],
        [3, 0.5],
        [5, 0.1],
        [5, 0.5],
        [5, 0.9],
        [7, 0.5],
        [9, 0.5],
        [11, 0.5],
        [13, 0.5],
        [15, 0.5],
        [17, 0.5],
        [19, 0.5],
      ]);
      expect(ts(await store.listSolves({ from: 5, to: 9 }))).toEqual([
        [5, 0.1],
        [5, 0.5],
        [5, 0.9],
        [7, 0.5],
      ]);
      expect((await store.listSystem({ from: 4, to: 10 })).map((p) => [p.t, p.queueDepth])).toEqual([
        [4, 3],
        [6, 5],
        [8, 7],
      ]);
      expect(await store.listSystem({ from: 100, to: 200 })).toEqual([]);
      expect(await store.listSolves({ from: 9, to: 9 })).toEqual([]);
      expect(await store.listSolves({ from: 9, to: 3 })).toEqual([]);
      expect(await store.listSolves({ from: 0, to: 2 })).toEqual([POINTS[0]]);
    });

    it('a point with the key of a stored one replaces it', async () => {
      const { store } = await make();
      await store.add([solve({ t: 1, seq: 0.5, model: 'first' })]);
      await store.add([solve({ t: 1, seq: 0.5, model: 'second' })]);
      expect(await store.count()).toBe(1);
      expect((await store.listSolves({ from: 0, to: 10 })).map((p) => p.model)).toEqual(['second']);
    });

    it('the newest solves come newest first', async () => {
      const { store } = await make();
      await store.add(POINTS);
      expect(await store.recentSolves(0)).toEqual([]);
      expect(ts(await store.recentSolves(3))).toEqual([
        [19, 0.5],
        [17, 0.5],
        [15, 0.5],
      ]);
      expect(await store.recentSolves(100)).toHaveLength(12);
    });

    it('points days apart: windows, the newest solves and counts across days', async () => {
      const { store } = await make();
      const far = [solve({ t: 1, seq: 0.5 }), solve({ t: DAY + 1, seq: 0.5 }), sample({ t: 3 * DAY, seq: 0.5 })];
      await store.add(far);
      expect(ts(await store.listSolves({ from: 0, to: 2 * DAY }))).toEqual([
        [1, 0.5],
        [DAY + 1, 0.5],
      ]);
      expect(ts(await store.listSolves({ from: 2, to: 10 * DAY }))).toEqual([[DAY + 1, 0.5]]);
      expect(ts(await store.recentSolves(5))).toEqual([
        [DAY + 1, 0.5],
        [1, 0.5],
      ]);
      expect(ts(await store.listSystem({ from: 0, to: 10 * DAY }))).toEqual([[3 * DAY, 0.5]]);
      expect(await store.prune(DAY + 1, 10)).toBe(1);
      expect(await store.count()).toBe(2);
    });

    it('a prune deletes exactly the points below its cutoff, and says how many', async () => {
      const { store } = await make();
      await store.add(POINTS);
      expect(await store.prune(5, 3)).toBe(4); // t = 1..4; the three points at t = 5 stay
      expect(await store.count()).toBe(POINTS.length - 4);
      expect((await store.listSolves({ from: 0, to: 100 }))[0].t).toBe(5);
      expect(await store.prune(5, 3)).toBe(0);
      expect(await store.prune(1000, 4)).toBe(POINTS.length - 4);
      expect(await store.count()).toBe(0);
    });

    it('stores copies and gives copies', async () => {
      const { store } = await make();
      const p = solve({ t: 1, seq: 0.5, model: 'orig' });
      await store.add([p]);
      p.model = 'changed';
      const [read] = await store.listSolves({ from: 0, to: 10 });
      read.model = 'changed again';
      expect((await store.listSolves({ from: 0, to: 10 }))[0].model).toBe('orig');
    });
  });
}
