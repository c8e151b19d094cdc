import { describe, expect, it } from 'vitest';
import type { CheckStatus, HealthCheck, HealthContext } from '../../../src/core/health/types';
import {
  BUILTIN_CHECKS,
  RECENT_SOLVES,
  STALL_MS,
  WASM_CEILING_BYTES,
  blessedValidCheck,
  crossOriginIsolationCheck,
  noRegressionCheck,
  recentErrorRateCheck,
  sanitySolveCheck,
  solverLoadsCheck,
  storageHeadroomCheck,
  storageReadWriteCheck,
  wasmMemoryHeadroomCheck,
  workersProgressCheck,
} from '../../../src/core/health';
import { NOW, fakeCtx, solve, worker } from './fixtures';

interface Case {
  name: string;
  check: HealthCheck;
  ctx: HealthContext;
  status: CheckStatus;
  message: RegExp;
  details?: Record<string, unknown>;
}

const AFIRO = -464.7531428571;
const GiB = 2 ** 30;
const sanity = (status: string, objective: number | null) => async () => ({ status, objective, knownObjective: AFIRO });
const solves = (errors: number, total: number) => async (n: number) =>
  Array.from({ length: total }, (_, i) => solve(NOW - i, { outcome: i < errors ? 'error' : 'ok' })).slice(0, n);
const blessed = (template: string, solverVersion: string, options: Record<string, unknown> = { presolve: 'on' }) => ({
  template,
  name: `${template}-set`,
  options,
  solverVersion,
});

const CASES: Case[] = [
  // solver-loads
  {
    name: 'solver-loads: loads → pass with the version',
    check: solverLoadsCheck,
    ctx: fakeCtx({ loadSolver: async () => ({ version: '1.15.1' }) }),
    status: 'pass',
    message: /HiGHS 1\.15\.1 loaded/,
    details: { version: '1.15.1' },
  },
  {
    name: 'solver-loads: rejects → fail with the reason',
    check: solverLoadsCheck,
    ctx: fakeCtx({ loadSolver: () => Promise.reject(new Error('wasm fetch 404')) }),
    status: 'fail',
    message: /did not load: wasm fetch 404/,
  },
  {
    name: 'solver-loads: no probe → unknown',
    check: solverLoadsCheck,
    ctx: fakeCtx(),
    status: 'unknown',
    message: /not available/,
  },
  // sanity-solve
  {
    name: 'sanity-solve: optimal with the known objective → pass',
    check: sanitySolveCheck,
    ctx: fakeCtx({ sanitySolve: sanity('optimal', AFIRO + 1e-7) }),
    status: 'pass',
    message: /optimal with objective/,
  },
  {
    name: 'sanity-solve: objective off by more than 1e-6 relative → fail with both numbers',
    check: sanitySolveCheck,
    ctx: fakeCtx({ sanitySolve: sanity('optimal', AFIRO + 1e-3) }),
    status: 'fail',
    message: /-464\.7521428571 differs from the known optimum -464\.7531428571/,
    details: { objective: AFIRO + 1e-3, knownObjective: AFIRO, status: 'optimal' },
  },
  {
    name: 'sanity-solve: not optimal → fail naming the status',
    check: sanitySolveCheck,
    ctx: fakeCtx({ sanitySolve: sanity('infeasible', null) }),
    status: 'fail',
    message: /ended 'infeasible' instead of optimal/,
    details: { objective: null, knownObjective: AFIRO },
  },
  {
    name: 'sanity-solve: optimal with a NaN objective → fail',
    check: sanitySolveCheck,
    ctx: fakeCtx({ sanitySolve: sanity('optimal', NaN) }),
    status: 'fail',
    message: /no finite objective/,
  },
  {
    name: 'sanity-solve: rejects → fail',
    check: sanitySolveCheck,
    ctx: fakeCtx({ sanitySolve: () => Promise.reject(new Error('worker crashed')) }),
    status: 'fail',
    message: /sanity solve failed: worker crashed/,
  },
  {
    name: 'sanity-solve: no probe → unknown',
    check: sanitySolveCheck,
    ctx: fakeCtx(),
    status: 'unknown',
    message: /not available/,
  },
  // workers-progress
  {
    name: 'workers-progress: busy workers with recent progress → pass',
    check: workersProgressCheck,
    ctx: fakeCtx({
      workers: () => [
        worker({ slot: 0, state: 'busy', jobId: 'a', lastProgressAt: NOW - 1000, jobStartedAt: NOW - 90_000 }),
        worker({ slot: 1, state: 'busy', jobId: 'b', lastProgressAt: null, jobStartedAt: NOW - STALL_MS }),
        worker({ slot: 2 }),
      ],
    }),
    status: 'pass',
    message: /2 busy workers all progressing/,
    details: { busy: 2, stalled: 0 },
  },
  {
    name: 'workers-progress: no progress for 75 s → fail naming the slot and how long',
    check: workersProgressCheck,
    ctx: fakeCtx({
      workers: () => [
        worker({ slot: 0, state: 'busy', jobId: 'a', lastProgressAt: NOW - 1000 }),
        worker({ slot: 3, state: 'busy', jobId: 'j7', lastProgressAt: NOW - 75_000, jobStartedAt: NOW - 200_000 }),
      ],
    }),
    status: 'fail',
    message: /no progress from slot 3 \(job j7\) for 75 s/,
    details: { stalled: 1 },
  },
  {
    name: 'workers-progress: no progress callback and started 61 s ago → fail',
    check: workersProgressCheck,
    ctx: fakeCtx({ workers: () => [worker({ slot: 1, state: 'busy', jobStartedAt: NOW - 61_000 })] }),
    status: 'fail',
    message: /slot 1 for 61 s/,
  },
  {
    name: 'workers-progress: a recovering worker → warning',
    check: workersProgressCheck,
    ctx: fakeCtx({ workers: () => [worker({ slot: 0 }), worker({ slot: 2, state: 'recovering' })] }),
    status: 'warning',
    message: /recovering after a crash: slot 2/,
  },
  {
    name: 'workers-progress: no workers → unknown',
    check: workersProgressCheck,
    ctx: fakeCtx({ workers: () => [] }),
    status: 'unknown',
    message: /no workers/,
  },
  // storage-readwrite
  {
    name: 'storage-readwrite: the probe reads back → pass',
    check: storageReadWriteCheck,
    ctx: fakeCtx({ storageRoundTrip: async (p) => p }),
    status: 'pass',
    message: /written, read back and deleted/,
    details: { probe: `health-probe-${NOW}` },
  },
  {
    name: 'storage-readwrite: nothing read back → fail',
    check: storageReadWriteCheck,
    ctx: fakeCtx({ storageRoundTrip: async () => undefined }),
    status: 'fail',
    message: /not read back/,
  },
  {
    name: 'storage-readwrite: something else read back → fail',
    check: storageReadWriteCheck,
    ctx: fakeCtx({ storageRoundTrip: async () => 'stale' }),
    status: 'fail',
    message: /changed/,
    details: { read: 'stale' },
  },
  {
    name: 'storage-readwrite: the transaction rejects → fail',
    check: storageReadWriteCheck,
    ctx: fakeCtx({ storageRoundTrip: () => Promise.reject(new Error('QuotaExceededError')) }),
    status: 'fail',
    message: /round trip failed: QuotaExceededError/,
  },
  {
    name: 'storage-readwrite: no IndexedDB → unknown',
    check: storageReadWriteCheck,
    ctx: fakeCtx(),
    status: 'unknown',
    message: /IndexedDB is not available/,
  },
  // storage-headroom
  {
    name: 'storage-headroom: 50 % used → pass',
    check: storageHeadroomCheck,
    ctx: fakeCtx({ storageEstimate: async () => ({ usage: 50 * 2 ** 20, quota: 100 * 2 ** 20 }) }),
    status: 'pass',
    message: /50\.0 % of the storage quota used \(50\.0 MiB of 100\.0 MiB\)/,
    details: { usedPct: 50 },
  },
  {
    name: 'storage-headroom: 80 % used → warning',
    check: storageHeadroomCheck,
    ctx: fakeCtx({ storageEstimate: async () => ({ usage: 80, quota: 100 }) }),
    status: 'warning',
    message: /80\.0 %/,
  },
  {
    name: 'storage-headroom: 95 % used → fail',
    check: storageHeadroomCheck,
    ctx: fakeCtx({ storageEstimate: async () => ({ usage: 95, quota: 100 }) }),
    status: 'fail',
    message: /95\.0 %/,
  },
  {
    name: 'storage-headroom: no estimate → unknown',
    check: storageHeadroomCheck,
    ctx: fakeCtx({ storageEstimate: async () => null }),
    status: 'unknown',
    message: /does not report/,
  },
  // cross-origin-isolation
  {
    name: 'cross-origin-isolation: isolated → pass',
    check: crossOriginIsolationCheck,
    ctx: fakeCtx({ crossOriginIsolated: true }),
    status: 'pass',
    message: /cancel is graceful/,
  },
  {
    name: 'cross-origin-isolation: not isolated → warning naming both headers',
    check: crossOriginIsolationCheck,
    ctx: fakeCtx({ crossOriginIsolated: false }),
    status: 'warning',
    message:
      /terminates its worker.*Cross-Origin-Opener-Policy: same-origin and Cross-Origin-Embedder-Policy: require-corp/,
  },
  {
    name: 'cross-origin-isolation: not isolated, the page knows why → warning giving that reason',
    check: crossOriginIsolationCheck,
    ctx: fakeCtx({ crossOriginIsolated: false, isolationReason: 'not isolated yet: reload once' }),
    status: 'warning',
    message: /terminates its worker.*reload once$/,
  },
  {
    name: 'cross-origin-isolation: not known → unknown',
    check: crossOriginIsolationCheck,
    ctx: fakeCtx(),
    status: 'unknown',
    message: /not known/,
  },
  // wasm-memory-headroom
  {
    name: 'wasm-memory-headroom: largest heap 512 MiB (25 %) → pass',
    check: wasmMemoryHeadroomCheck,
    ctx: fakeCtx({
      workers: () => [
        worker({ slot: 0, wasmMemoryBytes: 64 * 2 ** 20 }),
        worker({ slot: 1, wasmMemoryBytes: GiB / 2 }),
      ],
    }),
    status: 'pass',
    message: /512\.0 MiB \(slot 1\) is 25\.0 % of the 2 GiB ceiling/,
    details: { slot: 1, ceilingBytes: WASM_CEILING_BYTES, usedPct: 25 },
  },
  {
    name: 'wasm-memory-headroom: 1 GiB (50 %) → warning',
    check: wasmMemoryHeadroomCheck,
    ctx: fakeCtx({ workers: () => [worker({ wasmMemoryBytes: GiB })] }),
    status: 'warning',
    message: /50\.0 %/,
  },
  {
    name: 'wasm-memory-headroom: 1.8 GiB (90 %) → fail',
    check: wasmMemoryHeadroomCheck,
    ctx: fakeCtx({ workers: () => [worker({ slot: 2, wasmMemoryBytes: 0.9 * WASM_CEILING_BYTES })] }),
    status: 'fail',
    message: /\(slot 2\) is 90\.0 %/,
  },
  {
    name: 'wasm-memory-headroom: no workers → unknown',
    check: wasmMemoryHeadroomCheck,
    ctx: fakeCtx({ workers: () => [] }),
    status: 'unknown',
    message: /no workers/,
  },
  // no-regression
  {
    name: 'no-regression: every template unchanged or improved → pass with the count',
    check: noRegressionCheck,
    ctx: fakeCtx({
      latestVerdicts: async () => [
        { template: 'knapsack', verdict: 'unchanged', checkedAt: '2024-01-01T00:00:00Z' },
        { template: 'transport', verdict: 'improved', checkedAt: '2024-01-01T00:00:00Z' },
        { template: 'sched', verdict: 'unchanged', checkedAt: '2024-01-01T00:00:00Z' },
      ],
    }),
    status: 'pass',
    message: /^no template regressed \(3 templates checked\)$/,
  },
  {
    name: 'no-regression: regressed and wrong templates → fail listing them',
    check: noRegressionCheck,
    ctx: fakeCtx({
      latestVerdicts: async () => [
        { template: 'knapsack', verdict: 'regressed', checkedAt: '2024-01-02T00:00:00Z' },
        { template: 'transport', verdict: 'wrong', checkedAt: '2024-01-02T00:00:00Z' },
        { template: 'sched', verdict: 'unchanged', checkedAt: '2024-01-02T00:00:00Z' },
      ],
    }),
    status: 'fail',
    message: /regressed: knapsack \(regressed\), transport \(wrong\)/,
    details: { templatesChecked: 3, regressed: 2 },
  },
  {
    name: 'no-regression: only the newest verdict of a template counts',
    check: noRegressionCheck,
    ctx: fakeCtx({
      latestVerdicts: async () => [
        { template: 'knapsack', verdict: 'regressed', checkedAt: '2024-01-01T00:00:00Z' },
        { template: 'knapsack', verdict: 'unchanged', checkedAt: '2024-01-03T00:00:00Z' },
      ],
    }),
    status: 'pass',
    message: /\(1 template checked\)/,
  },
  {
    name: 'no-regression: no history → unknown',
    check: noRegressionCheck,
    ctx: fakeCtx(),
    status: 'unknown',
    message: /not available/,
  },
  // recent-error-rate
  {
    name: 'recent-error-rate: 2 of 50 (4 %) → pass',
    check: recentErrorRateCheck,
    ctx: fakeCtx({ recentSolves: solves(2, 80) }),
    status: 'pass',
    message: /^2 of the last 50 solves failed \(4\.0 %\)$/,
    details: { solves: RECENT_SOLVES, errors: 2 },
  },
  {
    name: 'recent-error-rate: 10 of 50 (20 %) → warning',
    check: recentErrorRateCheck,
    ctx: fakeCtx({ recentSolves: solves(10, 50) }),
    status: 'warning',
    message: /10 of the last 50 solves failed \(20\.0 %\)/,
  },
  {
    name: 'recent-error-rate: 3 of 10 (30 %) → fail',
    check: recentErrorRateCheck,
    ctx: fakeCtx({ recentSolves: solves(3, 10) }),
    status: 'fail',
    message: /3 of the last 10 solves failed \(30\.0 %\)/,
  },
  {
    name: 'recent-error-rate: no solves → unknown',
    check: recentErrorRateCheck,
    ctx: fakeCtx({ recentSolves: async () => [] }),
    status: 'unknown',
    message: /^no solves yet$/,
  },
  // blessed-valid
  {
    name: 'blessed-valid: valid sets on the running version → pass',
    check: blessedValidCheck,
    ctx: fakeCtx({
      blessedSets: async () => [blessed('knapsack', '1.15.1'), blessed('sched', '1.15.1')],
      validateOptions: async () => [],
      solverVersion: () => '1.15.1',
    }),
    status: 'pass',
    message: /2 blessed sets valid on HiGHS 1\.15\.1/,
  },
  {
    name: 'blessed-valid: none → pass',
    check: blessedValidCheck,
    ctx: fakeCtx({ blessedSets: async () => [], validateOptions: async () => [], solverVersion: () => '1.15.1' }),
    status: 'pass',
    message: /no blessed sets/,
  },
  {
    name: 'blessed-valid: a set with an unknown option → fail listing the template and problems',
    check: blessedValidCheck,
    ctx: fakeCtx({
      blessedSets: async () => [
        blessed('knapsack', '1.15.1', { presolve: 'on', mip_foo: 1 }),
        blessed('sched', '1.15.1'),
      ],
      validateOptions: async (o) => ('mip_foo' in o ? ["unknown option 'mip_foo'"] : []),
      solverVersion: () => '1.15.1',
    }),
    status: 'fail',
    message: /invalid options: knapsack 'knapsack-set': unknown option 'mip_foo'$/,
    details: { sets: 2, invalid: 1 },
  },
  {
    name: 'blessed-valid: blessed on another solver version → warning',
    check: blessedValidCheck,
    ctx: fakeCtx({
      blessedSets: async () => [blessed('knapsack', '1.14.0'), blessed('sched', '1.15.1')],
      validateOptions: async () => [],
      solverVersion: () => '1.15.1',
    }),
    status: 'warning',
    message: /another solver version than 1\.15\.1: knapsack \(1\.14\.0\)/,
    details: { otherVersion: 1, invalid: 0 },
  },
  {
    name: 'blessed-valid: no probes → unknown',
    check: blessedValidCheck,
    ctx: fakeCtx(),
    status: 'unknown',
    message: /not available/,
  },
];

describe('built-in health checks', () => {
  it.each(CASES)('$name', async ({ check, ctx, status, message, details }) => {
    const outcome = await check.run(ctx);
    expect(outcome.status).toBe(status);
    expect(outcome.message).toMatch(message);
    if (details) expect(outcome.details).toMatchObject(details);
  });

  it('has a pass and a fail case for every built-in check', () => {
    for (const check of BUILTIN_CHECKS) {
      const statuses = CASES.filter((c) => c.check === check).map((c) => c.status);
      expect(statuses, check.id).toContain('pass');
      // cross-origin isolation's worst outcome is a warning (not isolated is a degraded mode, not a fault)
      expect(statuses, check.id).toContain(check.id === 'cross-origin-isolation' ? 'warning' : 'fail');
    }
  });

  it('recent-error-rate asks for the last RECENT_SOLVES solves', async () => {
    const asked: number[] = [];
    await recentErrorRateCheck.run(fakeCtx({ recentSolves: async (n) => (asked.push(n), []) }));
    expect(asked).toEqual([50]);
    expect(RECENT_SOLVES).toBe(50);
  });

  it('the storage probe gets a probe that carries ctx.now()', async () => {
    const probes: string[] = [];
    await storageReadWriteCheck.run(fakeCtx({ storageRoundTrip: async (p) => (probes.push(p), p) }));
    expect(probes).toEqual([`health-probe-${NOW}`]);
  });
});

describe('registry', () => {
  it('lists the built-in checks in order, with unique ids', () => {
    const ids = BUILTIN_CHECKS.map((c) => c.id);
    expect(ids).toEqual([
      'solver-loads',
      'sanity-solve',
      'workers-progress',
      'storage-readwrite',
      'storage-headroom',
      'cross-origin-isolation',
      'wasm-memory-headroom',
      'no-regression',
      'recent-error-rate',
      'blessed-valid',
    ]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('gives each check its severity and marks only the sanity solve as solver work', () => {
    const critical = BUILTIN_CHECKS.filter((c) => c.severity === 'critical').map((c) => c.id);
    expect(critical).toEqual(['solver-loads', 'sanity-solve', 'workers-progress', 'storage-readwrite']);
    expect(BUILTIN_CHECKS.filter((c) => c.usesSolver).map((c) => c.id)).toEqual(['sanity-solve']);
    expect(WASM_CEILING_BYTES).toBe(2 ** 31);
  });
});
