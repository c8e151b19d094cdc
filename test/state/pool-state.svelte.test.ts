// @vitest-environment svelte-runes
// The pool state against a real in-process pool: live snapshots reach effects, resizing is clamped,
// applied and remembered.
import { afterEach, describe, expect, it } from 'vitest';
import { flushSync } from 'svelte';
import { PoolState, clampPoolSize } from '../../src/state/pool-state.svelte';
import type { PoolSize } from '../../src/state/ports';
import type { WorkerPool } from '../../src/solver/worker-pool';
import { localPool } from './harness';

const pools: WorkerPool[] = [];
afterEach(() => {
  for (const p of pools.splice(0)) p.dispose();
});

describe('clampPoolSize', () => {
  it.each([
    [1, 2, { min: 1, max: 2 }],
    [3, 2, { min: 2, max: 2 }],
    [-1, 0, { min: 0, max: 1 }],
    [0, 99, { min: 0, max: 32 }],
    [1.6, 2.4, { min: 2, max: 2 }],
    [Number.NaN, Number.NaN, { min: 0, max: 1 }],
  ])('min %s, max %s → %o', (min, max, expected) => expect(clampPoolSize(min, max)).toEqual(expected));
});

describe('PoolState', () => {
  it('follows the pool: an effect sees the snapshot change when the pool grows', async () => {
    const pool = localPool([], { maxWorkers: 2 });
    pools.push(pool);
    const saved: PoolSize[] = [];
    const ps = new PoolState(pool, { save: (s) => saved.push(s) });
    const seen: number[] = [];
    const stop = $effect.root(() => {
      $effect(() => {
        seen.push(ps.snapshot.maxWorkers);
      });
    });
    flushSync();
    expect(seen).toEqual([2]);
    expect(ps.resize(2, 3)).toEqual({ min: 2, max: 3 });
    await until(() => ps.snapshot.slots.length === 2);
    flushSync();
    expect(seen.at(-1)).toBe(3);
    expect(pool.snapshot()).toMatchObject({ minWorkers: 2, maxWorkers: 3 });
    expect(saved).toEqual([{ min: 2, max: 3 }]);
    stop();
    ps.dispose();
  });

  it('stops following the pool when disposed', async () => {
    const pool = localPool();
    pools.push(pool);
    const ps = new PoolState(pool, { save: () => {} });
    ps.dispose();
    const before = ps.snapshot;
    let other = 0;
    pool.subscribe((s) => (other = s.maxWorkers));
    pool.resize(0, 4);
    await until(() => other === 4); // a subscriber still following the pool has seen the change
    expect(ps.snapshot).toBe(before);
  });
});

/** Polls `cond` on the event loop (the pool's snapshots are coalesced and arrive later). */
async function until(cond: () => boolean, tries = 200): Promise<void> {
  for (let i = 0; i < tries; i++) {
    if (cond()) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('condition not met');
}
