// The alerts repository over fake-indexeddb: rules (oldest first, replaced by id, deleted), alerts in the
// order they were raised, app-wide settings.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { openWorkbenchDb, type Db } from '../../src/storage/db';
import {
  deleteAlertRule,
  getAppSetting,
  listAlertRules,
  listAlerts,
  putAlertRule,
  putAlerts,
  putAppSetting,
} from '../../src/storage/alerts-repo';
import type { Alert, AlertRule } from '../../src/core/alerts/types';

let n = 0;
let db: Db;
beforeEach(async () => {
  db = await openWorkbenchDb(`alerts-repo-${process.pid}-${++n}`);
});

/** A rule created at `createdAt`. */
const rule = (id: string, createdAt: number, over: Partial<AlertRule> = {}): AlertRule => ({
  id,
  name: `rule ${id}`,
  condition: 'p95(solve_time_ms) > 500 over 1h',
  severity: 'warning',
  channels: ['app'],
  cooldownMs: 60_000,
  enabled: true,
  createdAt,
  ...over,
});

/** An active alert raised at `raisedAt`. */
const alert = (id: string, raisedAt: number, over: Partial<Alert> = {}): Alert => ({
  id,
  key: `rule:${id}`,
  source: 'rule',
  severity: 'warning',
  template: 'knapsack',
  title: `alert ${id}`,
  message: 'slow',
  details: { value: 600, threshold: 500, window: '1h', ok: false, none: null },
  state: 'active',
  raisedAt,
  lastSeenAt: raisedAt,
  occurrences: 1,
  lastSentAt: raisedAt,
  deliveries: [{ channel: 'webhook', at: raisedAt, state: 'sent', attempts: 1, detail: 'HTTP 200 OK' }],
  resolvedAt: null,
  resolveNote: null,
  ...over,
});

describe('alert rules', () => {
  it('lists rules oldest first, ties by id', async () => {
    for (const r of [rule('c', 30), rule('a', 10), rule('z', 20), rule('b', 20)]) await putAlertRule(db, r);
    expect((await listAlertRules(db)).map((r) => r.id)).toEqual(['a', 'b', 'z', 'c']);
  });

  it('round-trips a rule unchanged', async () => {
    const r = rule('r1', 5, { channels: ['app', 'webhook', 'notification'], enabled: false, severity: 'critical' });
    await putAlertRule(db, r);
    expect(await listAlertRules(db)).toEqual([r]);
  });

  it('put replaces a rule by id', async () => {
    await putAlertRule(db, rule('r1', 5));
    await putAlertRule(db, rule('r1', 5, { name: 'renamed', enabled: false }));
    const rules = await listAlertRules(db);
    expect(rules).toHaveLength(1);
    expect(rules[0]).toMatchObject({ id: 'r1', name: 'renamed', enabled: false });
  });

  it('delete removes only that rule (and a missing id is no error)', async () => {
    await putAlertRule(db, rule('r1', 1));
    await putAlertRule(db, rule('r2', 2));
    await deleteAlertRule(db, 'r1');
    await deleteAlertRule(db, 'nope');
    expect((await listAlertRules(db)).map((r) => r.id)).toEqual(['r2']);
  });
});

describe('alerts', () => {
  it('round-trip in the order they were raised, whatever order they were put', async () => {
    const a = [alert('x', 300), alert('y', 100), alert('w', 200)];
    await putAlerts(db, a);
    expect(await listAlerts(db)).toEqual([a[1], a[2], a[0]]);
  });

  it('put replaces an alert by id (a resolve)', async () => {
    await putAlerts(db, [alert('x', 1), alert('y', 2)]);
    const resolved = alert('x', 1, { state: 'resolved', resolvedAt: 9, resolveNote: 'fixed', occurrences: 4 });
    await putAlerts(db, [resolved]);
    const all = await listAlerts(db);
    expect(all).toHaveLength(2);
    expect(all[0]).toEqual(resolved);
  });

  it('an empty batch stores nothing', async () => {
    await putAlerts(db, []);
    expect(await listAlerts(db)).toEqual([]);
  });
});

describe('app settings', () => {
  it.each([
    ['a number', 'metrics.retentionDays', 30],
    ['an object', 'alerts.channels', { webhookUrl: 'https://hooks.example/x', notificationsEnabled: true }],
    ['null', 'k', null],
    ['text', 'health.probe', 'probe-1'],
  ])('get returns what put stored: %s', async (_name, key, value) => {
    await putAppSetting(db, key, value);
    expect(await getAppSetting(db, key)).toEqual(value);
  });

  it('a missing key is undefined, and put replaces', async () => {
    expect(await getAppSetting(db, 'missing')).toBeUndefined();
    await putAppSetting(db, 'k', 1);
    await putAppSetting(db, 'k', 2);
    expect(await getAppSetting(db, 'k')).toBe(2);
  });
});
