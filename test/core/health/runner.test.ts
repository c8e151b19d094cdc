import { describe, expect, it, vi } from 'vitest';
import type {
  CheckStatus,
  CheckSeverity,
  HealthCheck,
  HealthCheckResult,
  OverallStatus,
} from '../../../src/core/health/types';
import { DEFAULT_CHECK_TIMEOUT_MS, compareRuns, overallStatus, runChecks } from '../../../src/core/health/runner';
import { NOW, fakeCtx } from './fixtures';

/** A check whose run is the given function. */
function check(id: string, run: HealthCheck['run'], over: Partial<HealthCheck> = {}): HealthCheck {
  return { id, name: `Check ${id}`, severity: 'warning', usesSolver: false, run, ...over };
}

/** A clock that returns the given readings in turn. */
function sequenceClock(readings: number[]): () => number {
  let i = 0;
  return () => readings[i++];
}

describe('runChecks', () => {
  it('runs checks one after another, in order, with name, severity, at and duration', async () => {
    const log: string[] = [];
    const slow = (id: string, ms: number) =>
      check(id, async () => {
        log.push(`start ${id}`);
        await new Promise((r) => setTimeout(r, ms));
        log.push(`end ${id}`);
        return { status: 'pass', message: `${id} ok`, details: { ms } };
      });
    const results = await runChecks([slow('a', 20), slow('b', 1)], fakeCtx(), {
      clock: sequenceClock([1000, 1007, 1007, 1012]),
    });
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b']);
    expect(results).toEqual([
      {
        id: 'a',
        name: 'Check a',
        severity: 'warning',
        status: 'pass',
        message: 'a ok',
        details: { ms: 20 },
        at: NOW,
        durationMs: 7,
      },
      {
        id: 'b',
        name: 'Check b',
        severity: 'warning',
        status: 'pass',
        message: 'b ok',
        details: { ms: 1 },
        at: NOW,
        durationMs: 5,
      },
    ]);
  });

  it.each([
    ['a rejection', () => Promise.reject(new Error('probe broke')), 'probe broke'],
    [
      'a synchronous throw',
      () => {
        throw new Error('sync boom');
      },
      'sync boom',
    ],
    ['a thrown string', () => Promise.reject('plain text'), 'plain text'],
  ])('turns %s into a fail with its message and goes on', async (_, run, message) => {
    const results = await runChecks(
      [check('bad', run as HealthCheck['run']), check('good', async () => ({ status: 'pass', message: 'ok' }))],
      fakeCtx(),
    );
    expect(results.map((r) => [r.id, r.status, r.message])).toEqual([
      ['bad', 'fail', message],
      ['good', 'pass', 'ok'],
    ]);
    expect(results[0].details).toEqual({});
  });

  it('fails a check that does not finish within the timeout and goes on', async () => {
    const never = check('hang', () => new Promise(() => {}));
    const started = Date.now();
    const results = await runChecks(
      [never, check('next', async () => ({ status: 'pass', message: 'ok' }))],
      fakeCtx(),
      {
        timeoutMs: 30,
      },
    );
    expect(results[0]).toMatchObject({ id: 'hang', status: 'fail', message: 'did not finish within 30 ms' });
    expect(results[0].durationMs).toBeGreaterThanOrEqual(25);
    expect(results[1].status).toBe('pass');
    expect(Date.now() - started).toBeLessThan(2000);
    expect(DEFAULT_CHECK_TIMEOUT_MS).toBe(30_000);
  });

  it('fails by default after 30 s, saying it in seconds', async () => {
    vi.useFakeTimers();
    try {
      const pending = runChecks([check('hang', () => new Promise(() => {}))], fakeCtx());
      let done = false;
      void pending.then(() => (done = true));
      await vi.advanceTimersByTimeAsync(29_999);
      expect(done).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      const results = await pending;
      expect(results[0]).toMatchObject({ status: 'fail', message: 'did not finish within 30 s' });
    } finally {
      vi.useRealTimers();
    }
  });

  it('skips with the reason as an unknown result, without running the check', async () => {
    let ran = 0;
    const solver = check('solve', async () => (ran++, { status: 'pass', message: 'ran' }), { usesSolver: true });
    const other = check('other', async () => (ran++, { status: 'pass', message: 'ran' }));
    const results = await runChecks([solver, other], fakeCtx(), {
      skip: (c) => (c.usesSolver ? 'deferred: a benchmark is running' : null),
    });
    expect(ran).toBe(1);
    expect(results.map((r) => [r.id, r.status, r.message, r.durationMs])).toEqual([
      ['solve', 'unknown', 'deferred: a benchmark is running', 0],
      ['other', 'pass', 'ran', 0],
    ]);
  });

  it('never rejects, even when the clock or the skip rule throws', async () => {
    const ok = check('ok', async () => ({ status: 'pass', message: 'ok' }));
    const brokenNow = {
      now: () => {
        throw new Error('no clock');
      },
    };
    expect((await runChecks([ok], brokenNow))[0]).toMatchObject({ status: 'fail', message: 'no clock' });
    const results = await runChecks([ok], fakeCtx(), {
      skip: () => {
        throw new Error('bad rule');
      },
    });
    expect(results[0]).toMatchObject({ status: 'fail', message: 'bad rule' });
  });

  it('returns nothing for no checks', async () => {
    expect(await runChecks([], fakeCtx())).toEqual([]);
  });
});

/** A result with the given severity and status. */
function result(severity: CheckSeverity, status: CheckStatus, id = `${severity}-${status}`): HealthCheckResult {
  return { id, name: id, severity, status, message: '', details: {}, at: NOW, durationMs: 1 };
}

describe('overallStatus', () => {
  it.each<[string, HealthCheckResult[], OverallStatus]>([
    ['no results', [], 'unknown'],
    ['only unknown', [result('critical', 'unknown'), result('warning', 'unknown')], 'unknown'],
    ['all pass', [result('critical', 'pass'), result('warning', 'pass')], 'healthy'],
    ['pass with unknown (not degraded)', [result('critical', 'pass'), result('warning', 'unknown')], 'healthy'],
    ['a critical check fails', [result('critical', 'fail'), result('warning', 'pass')], 'critical'],
    ['critical fail beats warnings', [result('warning', 'fail'), result('critical', 'fail')], 'critical'],
    ['a warning check fails', [result('critical', 'pass'), result('warning', 'fail')], 'warning'],
    ['an info check fails', [result('critical', 'pass'), result('info', 'fail')], 'warning'],
    ['a critical check warns', [result('critical', 'warning'), result('warning', 'pass')], 'warning'],
    ['a warning check warns', [result('warning', 'warning')], 'warning'],
  ])('%s → %s', (_, results, expected) => expect(overallStatus(results)).toBe(expected));
});

describe('compareRuns', () => {
  it('lists the checks whose status changed, and new checks from null', () => {
    const prev = [result('critical', 'pass', 'a'), result('warning', 'pass', 'b'), result('warning', 'fail', 'c')];
    const next = [
      result('critical', 'fail', 'a'),
      result('warning', 'pass', 'b'),
      result('warning', 'pass', 'c'),
      result('info', 'warning', 'd'),
    ];
    expect(compareRuns(prev, next)).toEqual([
      { id: 'a', name: 'a', severity: 'critical', from: 'pass', to: 'fail' },
      { id: 'c', name: 'c', severity: 'warning', from: 'fail', to: 'pass' },
      { id: 'd', name: 'd', severity: 'info', from: null, to: 'warning' },
    ]);
    expect(compareRuns(next, next)).toEqual([]);
  });
});
