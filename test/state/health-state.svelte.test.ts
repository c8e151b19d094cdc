// @vitest-environment svelte-runes
// The health state with the REAL solver (an in-process pool), fake-indexeddb stores and the library from
// disk: the built-in checks run (a real afiro solve, a real storage round trip), the run is stored, a
// scheduled run defers the solver checks while a benchmark runs, a failing critical check raises a health
// alert, and the metrics of a window are summarised and exported (Prometheus, JSON, the health report).
import { afterAll, describe, expect, it } from 'vitest';
import { HealthState, type HealthDeps } from '../../src/state/health-state.svelte';
import { AlertsState } from '../../src/state/alerts-state.svelte';
import { MetricsRecorder } from '../../src/state/metrics-recorder';
import { memoryAlertStore, memorySettingsStore } from '../../src/app/monitoring-stores';
import { BUILTIN_CHECKS } from '../../src/core/health';
import type { HealthCheck } from '../../src/core/health/types';
import type { BenchmarkModel, BenchmarkRun } from '../../src/core/benchmark';
import { NO_COUNTERS } from '../../src/core/run-record';
import { storedServices } from './harness';

const services = storedServices('health-state');
afterAll(() => services.solver.dispose());

let ids = 0;
function health(over: Partial<HealthDeps> = {}): HealthState {
  return new HealthState({
    services,
    recorder: null,
    alerts: null,
    benchmarkRunning: () => false,
    appVersion: '9.9.9-test',
    newId: () => `run-${++ids}`,
    ...over,
  });
}

function alertsState(): AlertsState {
  return new AlertsState({ store: memoryAlertStore(), settings: memorySettingsStore(), appVersion: '9.9.9-test' });
}

const byId = (results: { id: string; status: string; message: string }[]) =>
  Object.fromEntries(results.map((r) => [r.id, r]));

describe('health checks with the real solver', () => {
  it("runChecks('manual') runs the 10 built-in checks; solver, sanity solve and storage pass; the run is stored", async () => {
    const state = health();
    const run = await state.runChecks('manual');
    expect(run.trigger).toBe('manual');
    expect(run.results.map((r) => r.id)).toEqual(BUILTIN_CHECKS.map((c) => c.id));
    expect(run.results).toHaveLength(10);
    const r = byId(run.results);
    for (const id of ['solver-loads', 'sanity-solve', 'storage-readwrite'])
      expect({ id, status: r[id].status }).toEqual({ id, status: 'pass' });
    expect(run.overall).not.toBe('unknown');
    expect(state.overall).toBe(run.overall);
    expect(state.lastRun).toEqual(run);
    expect(state.running).toBe(false);
    expect((await services.health!.listRuns(10)).map((x) => x.id)).toContain(run.id);
    expect(state.history[0].id).toBe(run.id);
  });

  it('a scheduled run while a benchmark runs defers the sanity solve and submits no job', async () => {
    await services.solver.describeOptions();
    const state = health({ benchmarkRunning: () => true });
    const before = services.solver.snapshot().completed;
    const run = await state.runChecks('scheduled');
    expect(services.solver.snapshot().completed).toBe(before);
    const sanity = byId(run.results)['sanity-solve'];
    expect(sanity.status).toBe('unknown');
    expect(sanity.message).toMatch(/deferred/);
    expect(byId(run.results)['storage-readwrite'].status).toBe('pass');
    expect(run.trigger).toBe('scheduled');
  });

  it('a manual run while a benchmark runs is not deferred (the user asked)', async () => {
    const state = health({ benchmarkRunning: () => true });
    const before = services.solver.snapshot().completed;
    const run = await state.runChecks('manual');
    expect(byId(run.results)['sanity-solve'].status).toBe('pass');
    expect(services.solver.snapshot().completed).toBe(before + 1);
  });

  it('a failing critical check makes overall critical and raises a health alert', async () => {
    const failing: HealthCheck = {
      id: 'custom-fail',
      name: 'Custom failure',
      severity: 'critical',
      usesSolver: false,
      run: async () => ({ status: 'fail', message: 'it broke', details: { why: 'test' } }),
    };
    const passing: HealthCheck = {
      ...failing,
      id: 'custom-pass',
      run: async () => ({ status: 'pass', message: 'ok' }),
    };
    const alerts = alertsState();
    const state = health({ checks: [passing, failing], alerts });
    const run = await state.runChecks('manual');
    expect(run.overall).toBe('critical');
    expect(state.overall).toBe('critical');
    await alerts.saved;
    expect(alerts.alerts).toHaveLength(1);
    expect(alerts.alerts[0]).toMatchObject({
      key: 'health:custom-fail',
      source: 'health',
      severity: 'critical',
      state: 'active',
      message: 'it broke',
    });
    expect(alerts.worst).toBe('critical');
  });

  it('a check that throws counts as failed; only warnings give overall warning', async () => {
    const throws: HealthCheck = {
      id: 'custom-throw',
      name: 'Throws',
      severity: 'warning',
      usesSolver: false,
      run: async () => {
        throw new Error('probe exploded');
      },
    };
    const state = health({ checks: [throws] });
    const run = await state.runChecks('manual');
    expect(run.results[0]).toMatchObject({ status: 'fail', message: 'probe exploded' });
    expect(run.overall).toBe('warning');
  });
});

describe('windows', () => {
  it.each([
    ['15m', 15 * 60_000],
    ['1h', 3_600_000],
    ['6h', 6 * 3_600_000],
    ['24h', 86_400_000],
    ['7d', 7 * 86_400_000],
  ] as const)('the %s window spans %d ms ending now', (id, ms) => {
    const state = health({ now: () => 1_000_000_000 });
    state.windowId = id;
    expect(state.window).toEqual({ from: 1_000_000_001 - ms, to: 1_000_000_001 });
  });
});

describe('metrics of a window', () => {
  const model = (template: string, name: string): BenchmarkModel => ({
    id: `${template}-${name}`,
    name,
    template,
    size: null,
    rows: 2,
    cols: 3,
    nnz: 4,
    integers: 0,
    knownObjective: null,
  });
  const run = (timeMs: number, failed = false): BenchmarkRun => ({
    modelId: 'x',
    optionSetId: 'defaults',
    seed: 1,
    repetition: 0,
    status: failed ? null : 'optimal',
    objective: failed ? null : 1,
    mipDualBound: null,
    timeMs,
    counters: { ...NO_COUNTERS },
    maxBoundViolation: 0,
    maxRowViolation: 0,
    verdict: failed ? 'failed' : 'ok',
    error: failed ? { name: 'Timeout', message: 'late' } : null,
  });

  it('refreshMetrics summarises recorded solves per template; the exports are well-formed and secret-free', async () => {
    const recorder = new MetricsRecorder({
      store: services.metrics!,
      snapshot: () => services.solver.snapshot(),
      settings: services.settings,
    });
    for (const t of [10, 20, 30]) recorder.benchmarkRun(run(t), model('knapsack', `k${t}`), 1000);
    recorder.benchmarkRun(run(5), model('setcover', 's1'), 1000);
    recorder.benchmarkRun(run(7, true), model('setcover', 's2'), 0);
    await recorder.sample();

    const alerts = alertsState();
    const secret = 'http://127.0.0.1:9/hook/health-secret-token';
    expect(await alerts.setWebhook(secret)).toBeNull();
    const state = health({ recorder, alerts });
    await state.runChecks('manual');
    await state.refreshMetrics(); // flushes the recorder first
    expect(state.error).toBeNull();
    expect(state.templates).toEqual(['knapsack', 'setcover']);
    const s = Object.fromEntries(state.summaries.map((x) => [x.template, x]));
    expect(s.knapsack).toMatchObject({ count: 3, ok: 3, errors: 0, successRate: 1, errorRate: 0, maxMs: 30 });
    expect(s.setcover).toMatchObject({ count: 2, ok: 1, errors: 1, errorRate: 0.5, maxMs: 7 });
    expect(Object.keys(state.buckets).sort()).toEqual(['knapsack', 'setcover']);
    // Each template's buckets span its own solves (one session of 3 solves: 2 buckets), not the window's 24 hours.
    expect(state.buckets.knapsack).toHaveLength(1);
    expect(state.buckets.knapsack[0]).toHaveLength(2);
    expect(state.buckets.knapsack[0].reduce((n, b) => n + b.count, 0)).toBe(3);
    expect(state.system.samples.length).toBeGreaterThanOrEqual(1);
    expect(state.system.pieces).toHaveLength(state.system.samples.length);
    expect(state.system.restarts).toHaveLength(state.system.samples.length);
    expect(state.pointCount).toBeGreaterThanOrEqual(6);

    const prom = await state.prometheusText();
    expect(prom).toContain('# TYPE highs_workbench_solves_total counter');
    expect(prom).toContain('template="setcover"');

    const json = JSON.parse(await state.metricsJson());
    expect(json).toMatchObject({ schema: 'highs-workbench/metrics', version: 1, filter: { template: null } });
    expect(json.solves).toHaveLength(5);

    const report = state.healthReportJson();
    const parsed = JSON.parse(report);
    expect(parsed).toMatchObject({ schema: 'highs-workbench/health', version: 1, app: { version: '9.9.9-test' } });
    expect(parsed.results).toHaveLength(10);
    for (const text of [report, prom, JSON.stringify(json)]) {
      expect(text).not.toContain('health-secret-token');
      expect(text).not.toContain('127.0.0.1:9');
    }

    // Filtered by one template, the summaries and the exports keep only it.
    state.template = 'setcover';
    await state.refreshMetrics();
    expect(state.summaries.map((x) => x.template)).toEqual(['setcover']);
    const filtered = JSON.parse(await state.metricsJson());
    expect(filtered.filter.template).toBe('setcover');
    expect(filtered.solves.map((p: { model: string }) => p.model).sort()).toEqual(['s1', 's2']);
    expect(await state.prometheusText()).not.toContain('template="knapsack"');
  });
});
