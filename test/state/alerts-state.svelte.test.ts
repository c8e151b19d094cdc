// @vitest-environment svelte-runes
// The alerts state over fake-indexeddb with the REAL webhook sender (fetch) posting to a node:http server on
// 127.0.0.1: rules checked on save, rule evaluation, cooldowns (50 identical failures → one POST), retries with
// backoff, the webhook URL kept secret, resolving with a note, and alerts from regression checks.
import 'fake-indexeddb/auto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AlertsState, CHANNELS_KEY, type AlertsDeps, type RuleInput } from '../../src/state/alerts-state.svelte';
import { fetchWebhook } from '../../src/app/alert-channels';
import { alertStoreOf, metricsStoreOf, settingsStoreOf } from '../../src/app/monitoring-stores';
import { openWorkbenchDb } from '../../src/storage/db';
import { healthSignal, MAX_DELIVERIES, type AlertSignal } from '../../src/core/alerts';
import { decideTime } from '../../src/core/decision';
import type { HealthCheckResult } from '../../src/core/health/types';
import type { ModelVerdict, RegressionCheck, RegressionVerdict } from '../../src/core/regression';
import type { CheckRecord } from '../../src/state/regressions-state.svelte';
import type { AlertStore, MetricsStore, SettingsStore } from '../../src/state/ports';
import { solve } from '../core/metrics/fixtures';

// ---- the local webhook server -------------------------------------------------------------------

interface Received {
  path: string;
  body: string;
}
const received: Received[] = [];
let server: Server;
let origin = '';

/** The status the server answers for a path: /status/<code>/... → code, else 200. */
function statusFor(path: string): number {
  const m = /^\/status\/(\d{3})\//.exec(path);
  return m ? Number(m[1]) : 200;
}

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (body += c));
    req.on('end', () => {
      received.push({ path: req.url ?? '', body });
      res.writeHead(statusFor(req.url ?? ''), { 'content-type': 'text/plain' });
      res.end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

/** The requests that reached one path. */
const at = (path: string) => received.filter((r) => r.path === path);

// ---- the world ----------------------------------------------------------------------------------

const T0 = Date.parse('2026-11-01T00:00:00Z');
const HOUR = 3_600_000;
let dbs = 0;
let ids = 0;

interface World {
  state: AlertsState;
  store: AlertStore;
  settings: SettingsStore;
  metrics: MetricsStore;
  clock: { now: number };
  sleeps: number[];
}

function world(over: Partial<AlertsDeps> = {}): World {
  const db = openWorkbenchDb(`alerts-state-${process.pid}-${++dbs}`);
  const store = alertStoreOf(db);
  const settings = settingsStoreOf(db);
  const metrics = metricsStoreOf(db);
  const clock = { now: T0 };
  const sleeps: number[] = [];
  const state = new AlertsState({
    store,
    settings,
    metrics,
    webhook: fetchWebhook(),
    appVersion: '9.9.9-test',
    now: () => clock.now,
    newId: () => `alert-${++ids}`,
    sleep: async (ms) => void sleeps.push(ms),
    ...over,
  });
  return { state, store, settings, metrics, clock, sleeps };
}

/** A failed critical health check. */
const failing = (id = 'sanity-solve'): HealthCheckResult => ({
  id,
  name: 'Sanity solve',
  severity: 'critical',
  status: 'fail',
  message: 'afiro gave -1, expected -464.75',
  details: { objective: -1 },
  at: T0,
  durationMs: 12,
});

/** The alert signal of a failed check `id` (healthSignal returns null only for a result that did not fail). */
function signalOf(id: string, options: Parameters<typeof healthSignal>[1]): AlertSignal {
  const signal = healthSignal(failing(id), options);
  if (!signal) throw new Error('a failed check must raise a signal');
  return signal;
}

const ruleInput = (over: Partial<RuleInput> = {}): RuleInput => ({
  name: 'any solves',
  condition: 'solve_count > 0 over 1h',
  severity: 'info',
  channels: ['app'],
  cooldownMs: 60_000,
  enabled: true,
  ...over,
});

/** Settles every write and delivery the state started. */
async function settle(w: World): Promise<void> {
  await w.state.deliveries;
  await w.state.saved;
}

// ---- rules --------------------------------------------------------------------------------------

describe('rules', () => {
  it.each([
    ['trailing text', 'solve_time_ms > 5 over 1h and more', 26],
    ['an unknown metric', 'bogus_metric > 1', 0],
    ['aggregation on a count', 'count(solve_count) > 1', 0],
  ])(
    'saveRule refuses a bad condition (%s) with the parser position and stores nothing',
    async (_n, condition, pos) => {
      const w = world();
      const problems = await w.state.saveRule(ruleInput({ condition }));
      expect(problems).toEqual([expect.objectContaining({ field: 'condition', position: pos })]);
      expect(problems[0].message.length).toBeGreaterThan(0);
      expect(w.state.rules).toEqual([]);
      expect(await w.store.listRules()).toEqual([]);
    },
  );

  it('a webhook rule without a webhook URL is refused; with one it is stored', async () => {
    const w = world();
    const refused = await w.state.saveRule(ruleInput({ channels: ['app', 'webhook'] }));
    expect(refused).toEqual([expect.objectContaining({ field: 'channels' })]);
    expect(await w.store.listRules()).toEqual([]);
    expect(await w.state.setWebhook(`${origin}/hook/rule`)).toBeNull();
    expect(await w.state.saveRule(ruleInput({ channels: ['app', 'webhook'] }))).toEqual([]);
    expect((await w.store.listRules()).map((r) => r.channels)).toEqual([['app', 'webhook']]);
  });

  it('evaluate() with `solve_count > 0 over 1h` after recorded solves raises ONE alert', async () => {
    const w = world();
    expect(await w.state.saveRule(ruleInput())).toEqual([]);
    await w.state.evaluate();
    expect(w.state.alerts).toEqual([]); // no solves yet

    await w.metrics.add([solve({ t: T0 - 60_000, seq: 0.1 }), solve({ t: T0 - 30_000, seq: 0.2 })]);
    await w.state.evaluate();
    w.clock.now += 1000;
    await w.state.evaluate();
    await settle(w);
    expect(w.state.alerts).toHaveLength(1);
    const [a] = w.state.alerts;
    expect(a).toMatchObject({ source: 'rule', key: `rule:${w.state.rules[0].id}`, state: 'active', occurrences: 2 });
    expect(a.details).toMatchObject({ value: 2, threshold: 0 });
    expect(w.state.active).toHaveLength(1);
    expect(w.state.stats.bySource.rule).toBe(1);
    expect(await w.store.listAlerts()).toEqual([expect.objectContaining({ id: a.id, occurrences: 2 })]);
  });

  it('metric-triggered evaluations use the window kept in memory: new points join it, the store is read once', async () => {
    const reads = { n: 0 };
    const w = world();
    const counted: MetricsStore = {
      ...w.metrics,
      listSolves: (win) => (reads.n++, w.metrics.listSolves(win)),
    };
    const state = new AlertsState({
      store: w.store,
      settings: w.settings,
      metrics: counted,
      appVersion: 't',
      now: () => w.clock.now,
      newId: () => `c-${++ids}`,
    });
    expect(await state.saveRule(ruleInput({ channels: ['app'] }))).toEqual([]);
    await state.evaluate({ cached: true }); // the first read of the window
    expect(reads.n).toBe(1);
    expect(state.alerts).toEqual([]);
    // A solve that only arrives as a written batch (never read back from the store) makes the rule fire.
    w.clock.now += 5_000;
    state.onMetrics([solve({ t: w.clock.now - 1, seq: 0.5 })]);
    await state.evaluate({ cached: true });
    expect(reads.n).toBe(1);
    expect(state.alerts).toHaveLength(1);
    // A plain evaluate() reads the store again (the button, health runs): the batch was never stored, so no solve.
    w.clock.now += 5_000;
    await state.evaluate();
    expect(reads.n).toBe(2);
    expect(state.alerts[0].occurrences).toBe(1);
  });

  it('solves outside the window raise nothing', async () => {
    const w = world();
    await w.state.saveRule(ruleInput());
    await w.metrics.add([solve({ t: T0 - 2 * HOUR, seq: 0.1 })]);
    await w.state.evaluate();
    expect(w.state.alerts).toEqual([]);
    expect(w.state.evaluatedAt).toBe(T0);
  });
});

// ---- webhook deliveries -------------------------------------------------------------------------

describe('webhook with the real fetch against a local server', () => {
  it('50 identical failures within one cooldown → exactly 1 POST; after the cooldown one more', async () => {
    const w = world();
    const path = '/hook/cooldown-secret-token';
    expect(await w.state.setWebhook(origin + path)).toBeNull();
    const signal = () => signalOf('sanity-solve', { channels: ['app', 'webhook'], cooldownMs: HOUR });

    await w.state.raise(signal());
    await settle(w);
    expect(at(path)).toHaveLength(1);
    for (let i = 1; i < 50; i++) {
      w.clock.now += 1000;
      await w.state.raise(signal());
    }
    await settle(w);
    expect(at(path)).toHaveLength(1);
    const [a] = w.state.alerts;
    expect(w.state.alerts).toHaveLength(1);
    expect(a.occurrences).toBe(50);
    expect(a.lastSentAt).toBe(T0);
    // One sent delivery, then the 49 the cooldown held back folded into one suppressed entry.
    expect(a.deliveries).toEqual([
      { channel: 'webhook', at: T0, state: 'sent', attempts: 1, detail: 'HTTP 200 OK' },
      {
        channel: 'webhook',
        at: T0 + 49_000,
        state: 'suppressed',
        attempts: 49,
        detail: 'held back by the cooldown: last sent 49 s ago',
      },
    ]);
    expect(a.deliveries.length).toBeLessThanOrEqual(MAX_DELIVERIES);
    expect((await w.store.listAlerts())[0]).toMatchObject({ occurrences: 50, deliveries: a.deliveries });

    // The POST body is the alert, and never the URL.
    const body = JSON.parse(at(path)[0].body);
    expect(body).toMatchObject({ schema: 'highs-workbench/alert', app: { version: '9.9.9-test' } });
    expect(body.alert).toMatchObject({ key: 'health:sanity-solve', severity: 'critical', occurrences: 1 });

    // After the cooldown, one more POST, recorded as sent.
    w.clock.now = T0 + HOUR;
    await w.state.raise(signal());
    await settle(w);
    expect(at(path)).toHaveLength(2);
    const after = w.state.alerts[0];
    expect(after.occurrences).toBe(51);
    expect(after.lastSentAt).toBe(T0 + HOUR);
    expect(after.deliveries.map((d) => [d.state, d.attempts])).toEqual([
      ['sent', 1],
      ['suppressed', 49],
      ['sent', 1],
    ]);
    expect(after.deliveries.at(-1)).toMatchObject({
      channel: 'webhook',
      state: 'sent',
      attempts: 1,
      detail: 'HTTP 200 OK',
    });
    expect(JSON.parse(at(path)[1].body).alert.occurrences).toBe(51);
  });

  it('50 failures raised at once (not awaited one by one) still send exactly 1 POST', async () => {
    const w = world();
    const path = '/hook/burst';
    await w.state.setWebhook(origin + path);
    const signal = () => signalOf('burst', { channels: ['app', 'webhook'], cooldownMs: HOUR });
    await Promise.all(Array.from({ length: 50 }, () => w.state.raise(signal())));
    await settle(w);
    expect(at(path)).toHaveLength(1);
    expect(w.state.alerts).toHaveLength(1);
    expect(w.state.alerts[0].occurrences).toBe(50);
    // The in-flight delivery's entry ends as the one 'sent' entry; the 49 held back fold into one suppressed entry
    // after it (a suppressed signal must not overwrite the pending entry of the delivery still in flight).
    expect(w.state.alerts[0].deliveries.map((d) => [d.state, d.attempts])).toEqual([
      ['sent', 1],
      ['suppressed', 49],
    ]);
    expect(w.state.delivering).toBe(0);
  });

  it('a rule `error_rate > 0.1 over 1h` evaluated 50 times over failing solves → 1 POST', async () => {
    const w = world();
    const path = '/hook/error-rate';
    await w.state.setWebhook(origin + path);
    const problems = await w.state.saveRule(
      ruleInput({
        name: 'errors',
        condition: 'error_rate > 0.1 over 1h',
        channels: ['app', 'webhook'],
        cooldownMs: HOUR,
      }),
    );
    expect(problems).toEqual([]);
    for (let i = 0; i < 50; i++) {
      await w.metrics.add([solve({ t: w.clock.now - 1, seq: Math.random(), outcome: 'error', status: 'error' })]);
      await w.state.evaluate();
      w.clock.now += 10_000;
    }
    await settle(w);
    expect(at(path)).toHaveLength(1);
    expect(w.state.alerts).toHaveLength(1);
    expect(w.state.alerts[0]).toMatchObject({ source: 'rule', occurrences: 50 });
  });

  it('a 500 is retried with backoff [1000, 2000, 4000] and then shows failed after 4 attempts', async () => {
    const w = world();
    const path = '/status/500/retry';
    await w.state.setWebhook(origin + path);
    await w.state.raise(signalOf('retry', { channels: ['app', 'webhook'] }));
    await settle(w);
    expect(at(path)).toHaveLength(4);
    expect(w.sleeps).toEqual([1000, 2000, 4000]);
    const d = w.state.alerts[0].deliveries.filter((x) => x.channel === 'webhook');
    expect(d).toHaveLength(1);
    expect(d[0]).toMatchObject({ state: 'failed', attempts: 4 });
    expect(d[0].detail).toMatch(/^HTTP 500/);
    expect((await w.store.listAlerts())[0].deliveries).toEqual(w.state.alerts[0].deliveries);
  });

  it('a 400 is not retried', async () => {
    const w = world();
    const path = '/status/400/no-retry';
    await w.state.setWebhook(origin + path);
    await w.state.raise(signalOf('no-retry', { channels: ['app', 'webhook'] }));
    await settle(w);
    expect(at(path)).toHaveLength(1);
    expect(w.sleeps).toEqual([]);
    expect(w.state.alerts[0].deliveries).toEqual([expect.objectContaining({ state: 'failed', attempts: 1 })]);
  });

  it('a network error (nothing listening) is retried and then failed with status detail', async () => {
    const w = world({ webhookAttempts: 2 });
    await w.state.setWebhook('http://127.0.0.1:1/hook/closed');
    await w.state.raise(signalOf('closed', { channels: ['app', 'webhook'] }));
    await settle(w);
    expect(w.sleeps).toEqual([1000]);
    expect(w.state.alerts[0].deliveries).toEqual([expect.objectContaining({ state: 'failed', attempts: 2 })]);
  });

  it('the webhook URL never appears in a stored alert, a POST body or the rune state', async () => {
    const w = world();
    const path = '/hook/very-secret-token-123?key=hunter2';
    await w.state.setWebhook(origin + path);
    await w.state.saveRule(ruleInput({ channels: ['app', 'webhook'], cooldownMs: 0 }));
    await w.metrics.add([solve({ t: T0 - 1, seq: 0.3 })]);
    await w.state.evaluate();
    await w.state.raise(signalOf('secret', { channels: ['app', 'webhook'] }));
    await settle(w);
    expect(at(path)).toHaveLength(2);
    const texts = [
      ...at(path).map((r) => r.body),
      JSON.stringify(await w.store.listAlerts()),
      JSON.stringify(await w.store.listRules()),
      JSON.stringify(w.state.alerts),
      String(w.state.webhookShown),
    ];
    for (const t of texts) {
      expect(t).not.toContain('very-secret-token');
      expect(t).not.toContain('hunter2');
    }
    expect(w.state.webhookShown).toBe(`${origin}/…`);
    // The settings store keeps it (that is where the secret lives).
    expect(await w.settings.get(CHANNELS_KEY)).toMatchObject({ webhookUrl: origin + path });
  });

  it.each([
    ['http://example.com/hook', false],
    ['ftp://localhost/x', false],
    ['https://user:pw@hooks.example/x', false],
    ['not a url', false],
    ['http://localhost:1/x', true],
    ['https://hooks.example/x', true],
  ])('setWebhook(%s) accepted: %s', async (url, ok) => {
    const w = world();
    const problem = await w.state.setWebhook(url);
    if (ok) {
      expect(problem).toBeNull();
      expect(w.state.webhookSet).toBe(true);
      expect(await w.settings.get(CHANNELS_KEY)).toMatchObject({ webhookUrl: url });
    } else {
      expect(problem).toMatch(/\S/);
      expect(w.state.webhookSet).toBe(false);
      expect(await w.settings.get(CHANNELS_KEY)).toBeUndefined();
    }
  });

  it('a new state reads the webhook back from the settings (shown redacted)', async () => {
    const w = world();
    await w.state.setWebhook('http://localhost:1/x/secret');
    const again = new AlertsState({ store: w.store, settings: w.settings, appVersion: 'x' });
    await again.load();
    expect(again.webhookSet).toBe(true);
    expect(again.webhookShown).toBe('http://localhost:1/…');
  });
});

// ---- resolve ------------------------------------------------------------------------------------

describe('channels never set up', () => {
  /** A notifier whose permission the test sets; it counts what it showed. */
  const notifier = (permission: 'granted' | 'denied') => {
    const shown: string[] = [];
    return {
      shown,
      permission: () => permission,
      request: async () => permission,
      show: (title: string) => void shown.push(title),
    };
  };

  it('a failed check with no webhook URL and notifications off lists no delivery at all (no failed ones)', async () => {
    const n = notifier('granted');
    const w = world({ notifier: n });
    await w.state.onHealth([failing('sanity-solve')]);
    await settle(w);
    expect(w.state.alerts).toHaveLength(1);
    expect(w.state.alerts[0].deliveries).toEqual([]);
    expect((await w.store.listAlerts())[0].deliveries).toEqual([]);
    expect(n.shown).toEqual([]);
  });

  it('a repeat within the cooldown records no suppressed delivery for a channel never set up', async () => {
    const w = world({ notifier: notifier('granted') });
    await w.state.raise(signalOf('sanity-solve', { cooldownMs: HOUR }));
    w.clock.now += 1000;
    await w.state.raise(signalOf('sanity-solve', { cooldownMs: HOUR }));
    await settle(w);
    expect(w.state.alerts[0].occurrences).toBe(2);
    expect(w.state.alerts[0].deliveries).toEqual([]);
  });

  it('set-up channels are attempted: enabled notifications are sent, a saved webhook posts', async () => {
    const n = notifier('granted');
    const w = world({ notifier: n });
    await w.state.enableNotifications();
    expect(await w.state.setWebhook(`${origin}/hook/configured`)).toBeNull();
    await w.state.raise(signalOf('sanity-solve', {}));
    await settle(w);
    expect(w.state.alerts[0].deliveries.map((d) => [d.channel, d.state])).toEqual([
      ['notification', 'sent'],
      ['webhook', 'sent'],
    ]);
    expect(n.shown).toHaveLength(1);
    expect(at('/hook/configured')).toHaveLength(1);
  });

  it('notifications enabled and then blocked by the browser: the attempt shows failed', async () => {
    const w = world({ notifier: notifier('granted') });
    await w.state.enableNotifications();
    const blocked = world({ notifier: notifier('denied'), settings: w.settings, store: w.store });
    await blocked.state.raise(signalOf('sanity-solve', {}));
    await settle(blocked);
    expect(blocked.state.alerts[0].deliveries.map((d) => [d.channel, d.state])).toEqual([['notification', 'failed']]);
  });
});

describe('rule warnings', () => {
  it('warns about a rule that can never fire and about an unknown template, and still saves it', async () => {
    const w = world({ templates: async () => ['transportation', 'knapsack', 'run'] });
    expect(w.state.warningsOf('solve_count{template="knapsak"} > 0')).toEqual([]); // templates not read yet
    await w.state.refreshTemplates();
    expect(w.state.knownTemplates).toEqual(['knapsack', 'run', 'transportation']);
    const warned = w.state.warningsOf('error_rate{template="knapsak"} > 5');
    expect(warned.map((x) => x.kind)).toEqual(['never', 'unknown-template']);
    expect(w.state.warningsOf('error_rate{template="knapsack"} > 5%')).toEqual([]);
    expect(w.state.warningsOf('check(no-such-check) == fail').map((x) => x.kind)).toEqual(['unknown-check']);
    expect(await w.state.saveRule(ruleInput({ condition: 'error_rate{template="knapsak"} > 5' }))).toEqual([]);
    expect(await w.store.listRules()).toHaveLength(1);
  });

  it('templates that cannot be read are not checked', async () => {
    const w = world({
      templates: async () => {
        throw new Error('no database');
      },
    });
    await w.state.refreshTemplates();
    expect(w.state.knownTemplates).toBeNull();
    expect(w.state.warningsOf('solve_count{template="x"} > 0')).toEqual([]);
  });
});

describe('resolve', () => {
  it('an empty note sets error and changes nothing; a note resolves and persists', async () => {
    const w = world();
    const a = await w.state.raise(signalOf('resolve', { channels: ['app'] }));
    await settle(w);
    const before = await w.store.listAlerts();

    await w.state.resolve(a.id, '   ');
    expect(w.state.error).not.toBeNull();
    expect(w.state.alerts[0].state).toBe('active');
    await settle(w);
    expect(await w.store.listAlerts()).toEqual(before);

    w.clock.now = T0 + 5000;
    await w.state.resolve(a.id, 'restarted the worker');
    expect(w.state.error).toBeNull();
    expect(w.state.active).toEqual([]);
    await settle(w);
    expect(await w.store.listAlerts()).toEqual([
      expect.objectContaining({
        id: a.id,
        state: 'resolved',
        resolveNote: 'restarted the worker',
        resolvedAt: T0 + 5000,
      }),
    ]);

    // The same problem again opens a new alert (the resolved one stays in the history).
    await w.state.raise(signalOf('resolve', { channels: ['app'] }));
    expect(w.state.alerts.map((x) => x.state)).toEqual(['resolved', 'active']);
  });
});

// ---- regression checks --------------------------------------------------------------------------

/** A model verdict with its time evidence. */
function modelVerdict(verdict: RegressionVerdict, baselineSgmMs: number, candidateSgmMs: number): ModelVerdict {
  return {
    modelId: 'm1',
    modelName: 'knapsack-20',
    verdict,
    label: null,
    reasons: [],
    seeds: { common: [1], baselineOnly: [], candidateOnly: [] },
    counterChanges: [],
    countersCompared: 0,
    countersComparable: true,
    time: {
      baselineSgmMs,
      candidateSgmMs,
      ratio: candidateSgmMs / baselineSgmMs,
      ci95: null,
      p: null,
      samples: { baseline: 5, candidate: 5 },
      decision: decideTime([], [], { sameOptions: true, sameSolver: true }),
    },
    correctness: [],
    becameUnsolved: [],
    becameSolved: [],
  };
}

/** A check record of template knapsack with one model's times. */
function checkRecord(verdict: RegressionVerdict, baselineMs: number, currentMs: number): CheckRecord {
  const result: RegressionCheck = {
    baselineId: 'bl-1',
    template: 'knapsack',
    candidateBenchmarkId: 'bench-2',
    candidateBenchmarkName: 'rerun',
    candidateOptionSetId: 'defaults',
    optionSets: { baseline: { name: 'defaults', key: '{}' }, candidate: { name: 'defaults', key: '{}' } },
    sameOptions: true,
    solverVersions: { baseline: '1.15.1', candidate: '1.15.1' },
    sameSolverVersion: true,
    thresholdPct: 20,
    verdict,
    label: null,
    reasons: [],
    time: {
      ratio: currentMs / baselineMs,
      ci95: [1, 2],
      models: 1,
      decision: decideTime([], [], { sameOptions: true, sameSolver: true }),
    },
    models: [modelVerdict(verdict, baselineMs, currentMs)],
    missing: [],
  };
  return {
    id: 'check-1',
    at: '2026-10-31T00:00:00.000Z',
    checkedAt: T0,
    template: 'knapsack',
    baselineId: 'bl-1',
    candidateId: 'bench-2',
    candidateName: 'rerun',
    result,
  };
}

describe('regression checks', () => {
  it("a 'regressed' check raises a performance alert with current and baseline times and the threshold", async () => {
    const w = world();
    await w.state.onRegressionCheck(checkRecord('regressed', 100, 150));
    await settle(w);
    expect(w.state.alerts).toHaveLength(1);
    const [a] = w.state.alerts;
    expect(a).toMatchObject({ source: 'regression', severity: 'warning', template: 'knapsack' });
    expect(a.details).toMatchObject({ thresholdPct: 20, verdict: 'regressed' });
    expect(a.details.currentMs).toBeCloseTo(150, 9);
    expect(a.details.baselineMs).toBeCloseTo(100, 9);
    expect(a.details.ratio).toBeCloseTo(1.5, 12);
    expect(w.state.worst).toBe('warning');
    expect((await w.store.listAlerts())[0].details).toEqual(a.details);
  });

  it.each(['unchanged', 'improved', 'inconclusive'] as const)("an '%s' check raises none", async (verdict) => {
    const w = world();
    await w.state.onRegressionCheck(checkRecord(verdict, 100, 101));
    await settle(w);
    expect(w.state.alerts).toEqual([]);
    expect(await w.store.listAlerts()).toEqual([]);
  });

  it("a 'wrong' check raises a critical alert", async () => {
    const w = world();
    await w.state.onRegressionCheck(checkRecord('wrong', 100, 100));
    expect(w.state.alerts[0]).toMatchObject({ severity: 'critical', source: 'regression' });
    expect(w.state.worst).toBe('critical');
  });
});
