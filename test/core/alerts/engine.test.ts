import { describe, expect, it } from 'vitest';
import {
  DEFAULT_COOLDOWN_MS,
  alertStats,
  applySignal,
  configuredChannels,
  healthSignal,
  MAX_DELIVERIES,
  recordDelivery,
  ratioWords,
  regressionSignal,
  resolveAlert,
  type Alert,
  type AlertSignal,
} from '../../../src/core/alerts';
import type { HealthCheckResult } from '../../../src/core/health/types';

const T0 = 1_700_000_000_000;
const COOLDOWN = 10 * 60_000;

function signal(over: Partial<AlertSignal> = {}): AlertSignal {
  return {
    key: 'rule:r1',
    source: 'rule',
    severity: 'warning',
    template: 'knapsack',
    title: 'Slow knapsack',
    message: 'p95 is 600 ms',
    details: { value: 600 },
    channels: ['app', 'notification', 'webhook'],
    cooldownMs: COOLDOWN,
    ...over,
  };
}

function ids(): () => string {
  let n = 0;
  return () => `a${++n}`;
}

describe('applySignal and cooldowns', () => {
  it('50 identical signals within one cooldown: one alert, 50 occurrences, exactly one delivery', () => {
    const newId = ids();
    let alerts: Alert[] = [];
    const sends: number[] = [];
    for (let i = 0; i < 50; i++) {
      const r = applySignal(alerts, signal(), T0 + i * 1000, newId);
      alerts = r.alerts;
      if (r.send.length > 0) sends.push(i);
      expect(r.suppressed).toBe(i > 0);
      expect(r.isNew).toBe(i === 0);
    }
    expect(sends).toEqual([0]);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({
      id: 'a1',
      occurrences: 50,
      lastSentAt: T0,
      raisedAt: T0,
      lastSeenAt: T0 + 49_000,
    });
  });

  it('sends again once the cooldown has passed since the last delivery', () => {
    const newId = ids();
    let r = applySignal([], signal(), T0, newId);
    r = applySignal(r.alerts, signal(), T0 + COOLDOWN - 1, newId);
    expect(r.send).toEqual([]);
    expect(r.suppressed).toBe(true);
    r = applySignal(r.alerts, signal(), T0 + COOLDOWN, newId);
    expect(r.send).toEqual(['notification', 'webhook']);
    expect(r.suppressed).toBe(false);
    expect(r.alert).toMatchObject({ id: 'a1', occurrences: 3, lastSentAt: T0 + COOLDOWN });
    // The cooldown restarts at the new delivery.
    r = applySignal(r.alerts, signal(), T0 + COOLDOWN + 1, newId);
    expect(r.send).toEqual([]);
  });

  it.each<[string, AlertSignal['channels'], string[]]>([
    ['app only', ['app'], []],
    ['app and webhook', ['app', 'webhook'], ['webhook']],
    ['notification only', ['notification'], ['notification']],
    ['duplicates collapse', ['webhook', 'webhook', 'app'], ['webhook']],
  ])('send lists only notification and webhook channels (%s)', (_name, channels, send) => {
    const r = applySignal([], signal({ channels }), T0, ids());
    expect(r.send).toEqual(send);
    expect(r.alert.deliveries.map((d) => [d.channel, d.state, d.attempts])).toEqual(send.map((c) => [c, 'pending', 0]));
  });

  it('a cooldown of 0 sends every time', () => {
    const newId = ids();
    let r = applySignal([], signal({ cooldownMs: 0 }), T0, newId);
    r = applySignal(r.alerts, signal({ cooldownMs: 0 }), T0, newId);
    expect(r.send).toEqual(['notification', 'webhook']);
    expect(r.alert.occurrences).toBe(2);
  });

  it('refreshes message, details and template, and keeps the worse severity', () => {
    const newId = ids();
    let r = applySignal([], signal({ severity: 'critical' }), T0, newId);
    r = applySignal(
      r.alerts,
      signal({ severity: 'info', message: 'p95 is 700 ms', details: { value: 700 } }),
      T0 + 5,
      newId,
    );
    expect(r.alert).toMatchObject({
      severity: 'critical',
      message: 'p95 is 700 ms',
      details: { value: 700 },
      lastSeenAt: T0 + 5,
    });
    r = applySignal([], signal({ severity: 'info' }), T0, newId);
    r = applySignal(r.alerts, signal({ severity: 'warning' }), T0 + 5, newId);
    expect(r.alert.severity).toBe('warning');
  });

  it('keeps alerts of other keys apart and leaves the input list untouched', () => {
    const newId = ids();
    const a = applySignal([], signal(), T0, newId);
    const b = applySignal(a.alerts, signal({ key: 'rule:r2' }), T0 + 1, newId);
    expect(b.isNew).toBe(true);
    expect(b.send).toEqual(['notification', 'webhook']);
    expect(b.alerts.map((x) => x.id)).toEqual(['a1', 'a2']);
    const c = applySignal(b.alerts, signal(), T0 + 2, newId);
    expect(c.alert.id).toBe('a1');
    expect(b.alerts[0].occurrences).toBe(1);
    expect(c.alerts[0].occurrences).toBe(2);
  });

  it('a resolved alert seen again opens a new alert, delivered at once', () => {
    const newId = ids();
    let r = applySignal([], signal(), T0, newId);
    const resolved = resolveAlert(r.alerts, 'a1', 'fixed the option set', T0 + 1000);
    r = applySignal(resolved.alerts, signal(), T0 + 2000, newId);
    expect(r.isNew).toBe(true);
    expect(r.send).toEqual(['notification', 'webhook']);
    expect(r.alerts.map((a) => [a.id, a.state, a.occurrences])).toEqual([
      ['a1', 'resolved', 1],
      ['a2', 'active', 1],
    ]);
  });
});

describe('resolveAlert', () => {
  const base = applySignal([], signal(), T0, ids()).alerts;

  it('resolves with the trimmed note and time', () => {
    const r = resolveAlert(base, 'a1', '  known: slow machine  ', T0 + 60_000);
    expect(r.alert).toMatchObject({ state: 'resolved', resolvedAt: T0 + 60_000, resolveNote: 'known: slow machine' });
    expect(r.alerts[0]).toBe(r.alert);
    expect(base[0].state).toBe('active');
  });

  it.each<[string, string, string, RegExp]>([
    ['empty note', 'a1', '', /resolve note of 1 to 500 characters/],
    ['blank note', 'a1', '   ', /resolve note/],
    ['overlong note', 'a1', 'x'.repeat(501), /resolve note/],
    ['unknown alert', 'zz', 'note', /no alert zz/],
  ])('refuses %s', (_name, id, note, message) => {
    expect(() => resolveAlert(base, id, note, T0)).toThrow(message);
  });

  it('refuses to resolve twice', () => {
    const once = resolveAlert(base, 'a1', 'done', T0);
    expect(() => resolveAlert(once.alerts, 'a1', 'again', T0 + 1)).toThrow(/already resolved/);
  });

  it('accepts a 500-character note', () => {
    expect(resolveAlert(base, 'a1', 'x'.repeat(500), T0).alert.resolveNote).toHaveLength(500);
  });
});

describe('recordDelivery', () => {
  it("updates the channel's pending entry, appends after a finished one, keeps the others", () => {
    const alert = applySignal([], signal(), T0, ids()).alert;
    const sent = recordDelivery(alert, { channel: 'webhook', at: T0 + 3000, state: 'sent', attempts: 2, detail: null });
    expect(sent.deliveries).toEqual([
      { channel: 'notification', at: T0, state: 'pending', attempts: 0, detail: null },
      { channel: 'webhook', at: T0 + 3000, state: 'sent', attempts: 2, detail: null },
    ]);
    const denied = recordDelivery(sent, {
      channel: 'notification',
      at: T0 + 1,
      state: 'failed',
      attempts: 1,
      detail: 'permission denied',
    });
    expect(denied.deliveries.map((d) => d.state)).toEqual(['failed', 'sent']);
    const held = recordDelivery(denied, {
      channel: 'webhook',
      at: T0 + 5000,
      state: 'suppressed',
      attempts: 0,
      detail: 'cooldown',
    });
    expect(held.deliveries.map((d) => `${d.channel}:${d.state}`)).toEqual([
      'notification:failed',
      'webhook:sent',
      'webhook:suppressed',
    ]);
    expect(alert.deliveries.map((d) => d.state)).toEqual(['pending', 'pending']);
  });

  it('keeps at most MAX_DELIVERIES entries, the newest', () => {
    let alert = applySignal([], signal({ channels: ['app', 'webhook'] }), T0, ids()).alert;
    for (let i = 1; i <= 30; i++)
      alert = recordDelivery(alert, {
        channel: 'webhook',
        at: T0 + i,
        state: i % 2 === 0 ? 'sent' : 'failed',
        attempts: 1,
        detail: null,
      });
    expect(alert.deliveries).toHaveLength(MAX_DELIVERIES);
    expect(alert.deliveries.at(-1)!.at).toBe(T0 + 30);
    expect(alert.deliveries[0].at).toBe(T0 + 11);
  });
});

describe('alertStats', () => {
  it('counts by severity, source and template', () => {
    const newId = ids();
    let alerts: Alert[] = [];
    const add = (s: Partial<AlertSignal>) => (alerts = applySignal(alerts, signal(s), T0, newId).alerts);
    add({ key: 'a', severity: 'critical', template: 'tsp' });
    add({ key: 'b', severity: 'warning', template: 'knapsack', source: 'regression' });
    add({ key: 'c', severity: 'warning', template: 'knapsack' });
    add({ key: 'd', severity: 'info', template: null, source: 'health' });
    add({ key: 'e', severity: 'info', template: 'assignment' });
    alerts = resolveAlert(alerts, 'a1', 'ok', T0).alerts;
    expect(alertStats(alerts)).toEqual({
      total: 5,
      active: 4,
      bySeverity: { critical: 1, warning: 2, info: 2 },
      byTemplate: [
        { template: 'knapsack', count: 2 },
        { template: 'assignment', count: 1 },
        { template: 'tsp', count: 1 },
      ],
      bySource: { rule: 3, regression: 1, health: 1 },
    });
  });

  it('is all zeros for no alerts', () => {
    expect(alertStats([])).toEqual({
      total: 0,
      active: 0,
      bySeverity: { critical: 0, warning: 0, info: 0 },
      byTemplate: [],
      bySource: { rule: 0, regression: 0, health: 0 },
    });
  });
});

describe('regressionSignal', () => {
  const input = {
    template: 'knapsack',
    optionSetId: 'default',
    label: null,
    currentMs: 612,
    baselineMs: 500,
    ratio: 1.224,
    thresholdPct: 10,
    baselineId: 'b1',
    candidateName: 'nightly',
  };

  it.each<[string, 'warning' | 'critical' | null]>([
    ['regressed', 'warning'],
    ['wrong', 'critical'],
    ['improved', null],
    ['unchanged', null],
    ['inconclusive', null],
  ])('%s → %s', (verdict, severity) => {
    const s = regressionSignal({ ...input, verdict });
    if (severity === null) {
      expect(s).toBeNull();
      return;
    }
    expect(s).toMatchObject({
      key: 'regression:knapsack:default',
      source: 'regression',
      severity,
      template: 'knapsack',
      channels: ['app', 'notification', 'webhook'],
      cooldownMs: DEFAULT_COOLDOWN_MS,
    });
    expect(s?.details).toMatchObject({ currentMs: 612, baselineMs: 500, thresholdPct: 10, ratio: 1.224, verdict });
  });

  it('says how much slower, the times and the threshold', () => {
    const s = regressionSignal({ ...input, verdict: 'regressed' });
    expect(s?.message).toBe(
      'knapsack (option set default) regressed in "nightly": 22.4% slower than the baseline, 612 ms against 500 ms (threshold 10%)',
    );
  });

  it.each<[number, string]>([
    [1.224, '22.4% slower than the baseline'],
    [0.794, '20.6% faster than the baseline'],
    [1, 'as fast as the baseline'],
    [2, '100% slower than the baseline'],
    [0.5, '50% faster than the baseline'],
  ])('ratio ×%s in words: %s', (ratio, words) => {
    expect(ratioWords(ratio)).toBe(words);
  });

  it('never says "regressed" or "slower" beside a ratio below 1', () => {
    const s = regressionSignal({ ...input, verdict: 'regressed', currentMs: 397, ratio: 0.794 })!;
    expect(s.message).toBe(
      'knapsack (option set default) was flagged in "nightly", though its time was 20.6% faster than the baseline: 397 ms against 500 ms (threshold 10%); see the check\'s evidence',
    );
    expect(s.message).not.toMatch(/regressed|slower|-\d/);
    expect(s.title).toBe('knapsack: regression verdict');
    expect(s.severity).toBe('warning');
  });

  it('calls a slower regressed check a performance regression', () => {
    expect(regressionSignal({ ...input, verdict: 'regressed' })?.title).toBe('knapsack: performance regression');
  });

  it('takes channels and cooldown when given, and null times', () => {
    const s = regressionSignal({
      ...input,
      verdict: 'regressed',
      currentMs: null,
      ratio: null,
      channels: ['app'],
      cooldownMs: 5,
    });
    expect(s).toMatchObject({ channels: ['app'], cooldownMs: 5, details: { currentMs: null, ratio: null } });
  });

  it('a regression repeated within the default cooldown is delivered once', () => {
    const newId = ids();
    const s = regressionSignal({ ...input, verdict: 'regressed' }) as AlertSignal;
    const first = applySignal([], s, T0, newId);
    const second = applySignal(first.alerts, s, T0 + DEFAULT_COOLDOWN_MS - 1, newId);
    expect([first.send.length > 0, second.send.length > 0]).toEqual([true, false]);
  });
});

describe('healthSignal', () => {
  function result(status: HealthCheckResult['status'], severity: HealthCheckResult['severity']): HealthCheckResult {
    return {
      id: 'sanity-solve',
      name: 'Sanity solve',
      severity,
      status,
      message: 'objective 1 ≠ −464.75',
      details: { objective: 1 },
      at: T0,
      durationMs: 42,
    };
  }

  it.each<[HealthCheckResult['status'], HealthCheckResult['severity'], string | null]>([
    ['fail', 'critical', 'critical'],
    ['fail', 'warning', 'warning'],
    ['fail', 'info', 'info'],
    ['warning', 'critical', null],
    ['pass', 'critical', null],
    ['unknown', 'critical', null],
  ])('%s of a %s check → %s', (status, severity, expected) => {
    const s = healthSignal(result(status, severity));
    if (expected === null) {
      expect(s).toBeNull();
      return;
    }
    expect(s).toMatchObject({
      key: 'health:sanity-solve',
      source: 'health',
      severity: expected,
      template: null,
      title: 'Health check failed: Sanity solve',
      message: 'objective 1 ≠ −464.75',
      details: { objective: 1, check: 'sanity-solve', status: 'fail', durationMs: 42 },
      cooldownMs: DEFAULT_COOLDOWN_MS,
    });
  });
});

describe('configuredChannels', () => {
  it.each([
    { name: 'nothing set up: the app only', webhook: false, notification: false, want: ['app'] },
    { name: 'a webhook URL saved', webhook: true, notification: false, want: ['app', 'webhook'] },
    { name: 'notifications enabled', webhook: false, notification: true, want: ['app', 'notification'] },
    { name: 'both', webhook: true, notification: true, want: ['app', 'notification', 'webhook'] },
  ])('$name', ({ webhook, notification, want }) => {
    expect(configuredChannels(['app', 'notification', 'webhook'], { webhook, notification })).toEqual(want);
  });

  it('keeps only what the signal asked for, in its order', () => {
    expect(configuredChannels(['webhook'], { webhook: true, notification: true })).toEqual(['webhook']);
    expect(configuredChannels([], { webhook: true, notification: true })).toEqual([]);
  });
});
