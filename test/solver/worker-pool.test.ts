// The pool against real threads (worker_threads running the real solver API, with injected
// faults) and, for timing behaviour, against in-process workers with fake timers.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PoolConfig } from '../../src/solver/worker-pool';
import { fixture } from './harness';
import { objectiveMatches } from '../../src/core/result-check';
import { checkSolution } from '../../src/core/solution-check';
import { linearModelOf } from './model-data';
import { AFIRO, afiro, enc, localPool, nodePool, syntaxError, tiny, until, type NodeFault } from './pools';

afterEach(() => vi.useRealTimers());

describe('fault injection, worker_threads', () => {
  it.each<
    [
      string,
      NodeFault,
      { name: string; message: RegExp },
      Partial<PoolConfig>,
      (k: number) => { name: string; bytes: Uint8Array },
    ]
  >([
    [
      'a worker that throws',
      'throw-on-solve',
      { name: 'WorkerCrashed', message: /injected fault: worker threw/ },
      {},
      () => afiro(),
    ],
    ['a worker that exits mid-call', 'exit-on-solve', { name: 'WorkerCrashed', message: /exited/ }, {}, () => afiro()],
    [
      'a worker that crashes',
      'crash-on-solve',
      { name: 'WorkerCrashed', message: /injected crash/ },
      {},
      () => afiro(),
    ],
    // It never sends progress, so the read allowance (shortened here) stops it.
    [
      'a worker that never answers',
      'hang-on-solve',
      { name: 'Timeout', message: /no answer within .*read allowance/ },
      { graceMs: 300, readBaseMs: 300 },
      () => afiro(),
    ],
    [
      'an LP syntax error (a WASM abort)',
      'none',
      { name: 'SolverAborted', message: /could not parse LP/ },
      {},
      syntaxError,
    ],
  ])(
    '%s: the job rejects with the right name, the worker is replaced, the next job succeeds',
    async (_label, fault, expected, config, model) => {
      const { pool, made } = nodePool([fault], { maxRetries: 0, ...config });
      const options: Record<string, number> = expected.name === 'Timeout' ? { time_limit: 0.2 } : {};
      await expect(pool.submit(model(1), options).result).rejects.toMatchObject({
        name: expected.name,
        message: expect.stringMatching(expected.message),
      });
      const next = await pool.submit(afiro(), {}).result;
      expect(objectiveMatches(next.objective!, AFIRO)).toBe(true);
      expect(made.length).toBe(2);
      await until(() => made[0].exited, 'the faulty worker to be gone');
      const s = pool.snapshot();
      expect(s.restarts).toBe(1);
      expect(s.slots[0].restarts).toBe(1);
      expect(s.slots[0].failures).toBe(1);
      pool.dispose();
    },
  );

  it('retries an infrastructure failure with backoff and succeeds on a fresh worker', async () => {
    const { pool, made } = nodePool(['exit-on-solve'], { maxRetries: 2 });
    const r = await pool.submit(afiro(), {}).result;
    expect(r.attempts).toBe(2);
    expect(objectiveMatches(r.objective!, AFIRO)).toBe(true);
    expect(made.length).toBe(2);
    expect(pool.snapshot().retried).toBe(1);
    pool.dispose();
  });

  it('never retries a model error', async () => {
    const { pool, made } = nodePool([], { maxRetries: 2 });
    await expect(pool.submit(syntaxError(1), {}).result).rejects.toMatchObject({ name: 'SolverAborted' });
    await expect(pool.submit({ name: 'garbage.lp', bytes: fixture('garbage.lp') }, {}).result).rejects.toMatchObject({
      name: 'InvalidModel',
    });
    expect(pool.snapshot().retried).toBe(0);
    expect(made.length).toBe(2); // one replacement for the abort, none for the invalid model
    pool.dispose();
  });

  it('1,000 tiny jobs over 2 workers: none lost, none duplicated, each result matches its input', async () => {
    // Wear recycling (500 jobs a worker by default) would bring in a third worker; it is tested on its own.
    const { pool } = nodePool([], { maxWorkers: 2, minWorkers: 2, maxJobsPerWorker: 10_000 });
    await until(
      () => pool.snapshot().slots.filter((s) => s.state === 'idle').length === 2,
      'two idle workers',
      1_000_000,
    );
    const jobs = Array.from({ length: 1000 }, (_, k) => ({ k, job: pool.submit(tiny(k), {}, { priority: 'batch' }) }));
    const results = await Promise.all(jobs.map(({ job }) => job.result));
    expect(new Set(results.map((r) => r.jobId)).size).toBe(1000);
    results.forEach((r, k) => {
      expect(r.jobId).toBe(jobs[k].job.id);
      expect(r.objective).toBe(k);
    });
    const s = pool.snapshot();
    expect(s.completed).toBe(1000);
    expect(s.failed).toBe(0);
    expect(new Set(results.map((r) => r.workerId)).size).toBe(2);
    pool.dispose();
  });

  it('a graceful cancel after the first improving solution keeps the incumbent, feasible (worker thread, shared flag)', async () => {
    const { pool } = nodePool([]);
    const bytes = fixture('market-split-4x30.lp');
    let incumbentWhenCancelled: number | null = null;
    const job = pool.submit(
      { name: 'market-split-4x30.lp', bytes },
      { random_seed: 1 },
      {
        includeSolution: true,
        onProgress: (u) => {
          const found = u.points.find((p) => p.primal !== null);
          if (found && incumbentWhenCancelled === null) {
            incumbentWhenCancelled = found.primal;
            expect(job.cancel()).toBe('graceful');
          }
        },
      },
    );
    const r = await job.result;
    expect(incumbentWhenCancelled).not.toBeNull();
    expect(r.status).toBe('interrupted');
    expect(r.cancelMode).toBe('graceful');
    expect(r.interruptedByUser).toBe(true);
    const best = r.points.filter((p) => p.primal !== null).pop()!.primal!;
    expect(r.objective).toBe(best);
    expect(r.objective!).toBeLessThanOrEqual(incumbentWhenCancelled!); // minimization
    const check = checkSolution(linearModelOf('lp', bytes), r.solution!.values);
    expect(check.feasible).toBe(true);
    expect(check.objective).toBeCloseTo(r.objective!, 6);
    expect(pool.snapshot().restarts).toBe(0); // graceful: the worker was kept
    pool.dispose();
  });

  it('recycles a worker past the memory budget and after maxJobsPerWorker, and keeps working', async () => {
    const { pool, made } = nodePool([], { memoryBudgetBytes: 1 });
    for (let k = 0; k < 3; k++) expect((await pool.submit(tiny(k), {}).result).objective).toBe(k);
    await until(() => made.length === 4, 'the third recycle to start a worker');
    expect(pool.snapshot().restarts).toBe(3);
    pool.dispose();
    const b = nodePool([], { maxJobsPerWorker: 2 });
    for (let k = 0; k < 5; k++) expect((await b.pool.submit(tiny(k), {}).result).objective).toBe(k);
    expect(b.made.length).toBe(3); // recycled after jobs 2 and 4
    expect(b.pool.snapshot().slots[0].jobsDone).toBe(5);
    b.pool.dispose();
  });
});

/**
 * A feasible covering LP, min c·x s.t. A x >= b, 0 <= x <= 10, with `perRow` random positive
 * terms a row: 60,000 rows × 40,000 columns is 8.7 MiB of text, which a cold runtime validates
 * and reads in ~1 s on the development machine, while its solve (presolve off) stops at a
 * 0.05 s time limit within ~0.06 s.
 */
function coveringLp(rows: number, cols: number, perRow: number): { name: string; bytes: Uint8Array } {
  let seed = 1;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const coef = () => (1 + rnd() * 9).toFixed(3);
  const lines = [
    'Minimize',
    ` obj: ${Array.from({ length: cols }, (_, j) => `${coef()} x${j}`).join(' + ')}`,
    'Subject To',
  ];
  for (let i = 0; i < rows; i++) {
    const terms = Array.from({ length: perRow }, () => `${coef()} x${Math.floor(rnd() * cols)}`);
    lines.push(` r${i}: ${terms.join(' + ')} >= ${(1 + rnd() * 99).toFixed(2)}`);
  }
  lines.push('Bounds', ...Array.from({ length: cols }, (_, j) => ` x${j} <= 10`), 'End', '');
  return { name: `covering-${rows}x${cols}.lp`, bytes: enc(lines.join('\n')) };
}

describe('the watchdog deadline starts with the solve, worker_threads', () => {
  it('a big model with a short time limit ends at its time limit, though reading took longer than time limit + grace', async () => {
    const { pool } = nodePool([], { graceMs: 300, maxRetries: 0 });
    const phases: string[] = [];
    const r = await pool.submit(
      coveringLp(60_000, 40_000, 8),
      { time_limit: 0.05, presolve: 'off' },
      { onProgress: (u) => phases.push(u.phase) },
    ).result;
    expect(r.status).toBe('time-limit');
    expect(phases[0]).toBe('solving');
    expect(r.inputBytes).toBeGreaterThan(8 * 2 ** 20);
    expect(pool.snapshot().restarts).toBe(0);
    pool.dispose();
  });

  it('from the first solving update the deadline is time limit + grace (here: the default deadline), not the read allowance', async () => {
    // market-split-4x30 runs for far longer than 0.3 s; the read allowance (default, 10 s) would let it run on.
    const { pool, made } = nodePool([], { defaultDeadlineMs: 300, graceMs: 0, maxRetries: 0 });
    const job = pool.submit({ name: 'market-split-4x30.lp', bytes: fixture('market-split-4x30.lp') }, {});
    await expect(job.result).rejects.toMatchObject({
      name: 'Timeout',
      message: expect.stringMatching(/no answer within 0\.3 s \(time limit \+ grace/),
    });
    await until(() => made[0].exited, 'the timed-out worker to be gone', 1_000_000);
    expect(pool.snapshot().restarts).toBe(1);
    pool.dispose();
  });
});

describe('scheduling, scaling and the circuit breaker (fake timers)', () => {
  it('runs interactive jobs before batch jobs', async () => {
    const { pool } = localPool([]);
    await pool.ready();
    const order: string[] = [];
    const batch = Array.from({ length: 3 }, (_, k) => pool.submit(tiny(k), {}, { priority: 'batch' }));
    const inter = pool.submit(tiny(99), {}, { priority: 'interactive' });
    await Promise.all([...batch, inter].map((j) => j.result.then((r) => order.push(r.jobId))));
    // The first batch job was already running; the interactive one jumps the rest of the queue.
    expect(order.indexOf(inter.id)).toBeLessThanOrEqual(1);
    pool.dispose();
  });

  it('runs batch jobs with a cost longest first (LPT), jobs without one in order', async () => {
    const { pool } = localPool([]);
    await pool.ready();
    const order: number[] = [];
    const first = pool.submit(tiny(0), {}, { priority: 'batch' }); // occupies the worker
    const rest = [3, 9, 1, 5].map((c) => pool.submit(tiny(c), {}, { priority: 'batch', cost: c }));
    await Promise.all([first, ...rest].map((j) => j.result.then((r) => order.push(r.objective!))));
    expect(order).toEqual([0, 9, 5, 3, 1]);
    pool.dispose();
  });

  it('scales up with the queue, down after the idle cooldown, without flapping', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { pool } = localPool(['hang-on-solve', 'hang-on-solve', 'hang-on-solve'], {
      minWorkers: 1,
      maxWorkers: 3,
      idleCooldownMs: 30_000,
      gracefulCancel: false,
    });
    await pool.ready();
    expect(pool.snapshot().slots).toHaveLength(1);
    const hangs = [1, 2, 3].map((k) => pool.submit(tiny(k), {}, { priority: 'batch' }));
    await until(() => pool.snapshot().slots.length === 3, 'scale up to 3');
    await until(() => pool.snapshot().running === 3, 'three running');
    // Ceiling: a fourth job waits in the queue, no fourth worker.
    const fourth = pool.submit(tiny(4), {}, { priority: 'batch' });
    await vi.advanceTimersByTimeAsync(10);
    expect(pool.snapshot().slots).toHaveLength(3);
    expect(pool.snapshot().queueDepth).toBe(1);
    for (const j of [...hangs, fourth]) j.cancel();
    await Promise.allSettled([...hangs, fourth].map((j) => j.result));
    await until(() => pool.snapshot().slots.every((s) => s.state === 'idle'), 'replacements idle');
    // Before the cooldown nothing stops; a job in between keeps its worker (no flapping).
    await vi.advanceTimersByTimeAsync(20_000);
    expect(pool.snapshot().slots).toHaveLength(3);
    expect((await pool.submit(tiny(5), {}).result).objective).toBe(5);
    expect(pool.snapshot().slots).toHaveLength(3);
    await vi.advanceTimersByTimeAsync(30_001);
    expect(pool.snapshot().slots).toHaveLength(1);
    pool.dispose();
  });

  it('opens the circuit after repeated crashes of one model, fails fast, half-opens after the cooldown', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const { pool, made } = localPool(['crash-on-solve', 'crash-on-solve', 'crash-on-solve'], {
      maxRetries: 0,
      breakerThreshold: 3,
      breakerCooldownMs: 60_000,
    });
    const model = { name: 'crasher.mps', bytes: fixture('afiro.mps') };
    for (let i = 0; i < 3; i++) {
      await expect(pool.submit(model, {}, { fingerprint: 'sha-crasher' }).result).rejects.toMatchObject({
        name: 'WorkerCrashed',
      });
    }
    const workersBefore = made.length;
    await expect(pool.submit(model, {}, { fingerprint: 'sha-crasher' }).result).rejects.toMatchObject({
      name: 'CircuitOpen',
      message: expect.stringMatching(/crasher\.mps: this model crashed its solver worker 3 times/),
    });
    expect(made.length).toBe(workersBefore);
    expect(pool.snapshot().openCircuits.map((c) => c.fingerprint)).toEqual(['sha-crasher']);
    // Other models still run.
    expect(objectiveMatches((await pool.submit(afiro(), {}).result).objective!, AFIRO)).toBe(true);
    // After the cooldown one trial goes through; it succeeds (the worker is healthy now) and the circuit closes.
    await vi.advanceTimersByTimeAsync(60_001);
    const trial = pool.submit(model, {}, { fingerprint: 'sha-crasher' });
    await expect(pool.submit(model, {}, { fingerprint: 'sha-crasher' }).result).rejects.toMatchObject({
      name: 'CircuitOpen',
    });
    expect(objectiveMatches((await trial.result).objective!, AFIRO)).toBe(true);
    expect(pool.snapshot().openCircuits).toEqual([]);
    expect(
      objectiveMatches((await pool.submit(model, {}, { fingerprint: 'sha-crasher' }).result).objective!, AFIRO),
    ).toBe(true);
    pool.dispose();
  });

  it('cancels a whole batch: queued and running jobs reject with Cancelled, finished results are kept', async () => {
    const { pool } = localPool(['none'], { maxWorkers: 1, gracefulCancel: false });
    await pool.ready();
    const done = await pool.submit(tiny(1), {}, { batchId: 'b1' }).result;
    const running = pool.submit({ name: 'long.lp', bytes: fixture('market-split-4x30.lp') }, {}, { batchId: 'b1' });
    const queued = [2, 3].map((k) => pool.submit(tiny(k), {}, { batchId: 'b1' }));
    const other = pool.submit(tiny(7), {}, { batchId: 'b2' });
    await until(() => pool.snapshot().running === 1, 'the long job to run');
    expect(pool.cancelBatch('b1')).toBe(3);
    for (const j of [running, ...queued]) await expect(j.result).rejects.toMatchObject({ name: 'Cancelled' });
    expect((await other.result).objective).toBe(7);
    expect(done.objective).toBe(1);
    pool.dispose();
  });
});
