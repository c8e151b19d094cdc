// The soak run (SOAK=1 npx vitest run; not part of npm test): thousands of jobs through a pool of
// real worker threads, half of them aborting the WASM runtime.
import { describe, expect, it } from 'vitest';
import { objectiveMatches } from '../../src/core/result-check';
import { AFIRO, afiro, nodePool, syntaxError, tiny } from '../solver/pools';

describe('pool soak, worker_threads', () => {
  it('2,500 jobs, every other one an LP syntax error: all settle, every good one is right, the pool stays healthy', async () => {
    const { pool, made } = nodePool([], { maxWorkers: 2, minWorkers: 2 });
    const jobs = Array.from({ length: 2500 }, (_, k) =>
      k % 2 ? pool.submit(syntaxError(k), {}, { priority: 'batch' }) : pool.submit(tiny(k), {}, { priority: 'batch' }),
    );
    const settled = await Promise.allSettled(jobs.map((j) => j.result));
    let good = 0;
    settled.forEach((s, k) => {
      if (k % 2) {
        expect(s.status).toBe('rejected');
        expect((s as PromiseRejectedResult).reason.name).toBe('SolverAborted');
      } else {
        expect(s.status).toBe('fulfilled');
        expect((s as PromiseFulfilledResult<{ objective: number }>).value.objective).toBe(k);
        good++;
      }
    });
    expect(good).toBe(1250);
    expect(made.length).toBe(2 + 1250); // every abort retired its worker
    const next = await pool.submit(afiro(), {}).result;
    expect(objectiveMatches(next.objective!, AFIRO)).toBe(true);
    const s = pool.snapshot();
    expect(s.state === 'ready' || s.state === 'recovering').toBe(true);
    expect(s.openCircuits).toEqual([]);
    pool.dispose();
  }, 600_000);
});
