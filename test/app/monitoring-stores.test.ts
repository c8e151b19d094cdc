// The memory stores (a page without IndexedDB) behave like the IndexedDB ones: the same table of operations
// runs against memory*Store() and *StoreOf(openWorkbenchDb(fresh)), and every result is compared.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openWorkbenchDb } from '../../src/storage/db';
import {
  alertStoreOf,
  healthStoreOf,
  memoryAlertStore,
  memoryHealthStore,
  memoryMetricsStore,
  memorySettingsStore,
  metricsStoreOf,
  settingsStoreOf,
} from '../../src/app/monitoring-stores';
import type { AlertStore, HealthStore, MetricsStore, SettingsStore } from '../../src/state/ports';
import type { Alert, AlertRule } from '../../src/core/alerts/types';
import type { HealthRun } from '../../src/core/health/types';
import { sample, solve } from '../core/metrics/fixtures';

interface Stores {
  metrics: MetricsStore;
  health: HealthStore;
  alerts: AlertStore;
  settings: SettingsStore;
}

let n = 0;
/** Both flavours of the stores, fresh. */
function both(): { memory: Stores; idb: Stores } {
  const db = openWorkbenchDb(`monitoring-stores-${process.pid}-${++n}`);
  return {
    memory: {
      metrics: memoryMetricsStore(),
      health: memoryHealthStore(),
      alerts: memoryAlertStore(),
      settings: memorySettingsStore(),
    },
    idb: {
      metrics: metricsStoreOf(db),
      health: healthStoreOf(db),
      alerts: alertStoreOf(db),
      settings: settingsStoreOf(db),
    },
  };
}

const rule = (id: string, createdAt: number, over: Partial<AlertRule> = {}): AlertRule => ({
  id,
  name: `rule ${id}`,
  condition: 'solve_count > 0 over 1h',
  severity: 'info',
  channels: ['app'],
  cooldownMs: 0,
  enabled: true,
  createdAt,
  ...over,
});

const alert = (id: string, raisedAt: number, over: Partial<Alert> = {}): Alert => ({
  id,
  key: `health:${id}`,
  source: 'health',
  severity: 'critical',
  template: null,
  title: id,
  message: 'failed',
  details: { check: id },
  state: 'active',
  raisedAt,
  lastSeenAt: raisedAt,
  occurrences: 1,
  lastSentAt: null,
  deliveries: [],
  resolvedAt: null,
  resolveNote: null,
  ...over,
});

const healthRun = (id: string, at: number): HealthRun => ({
  id,
  at,
  trigger: 'scheduled',
  overall: 'healthy',
  results: [],
});

/** Points at t = 1..20: solves at odd t (two at t = 5), samples at even t. */
const POINTS = [
  ...Array.from({ length: 20 }, (_, i) =>
    i % 2 === 0 ? solve({ t: i + 1, seq: 0.5, model: `m${i + 1}` }) : sample({ t: i + 1, seq: 0.5, queueDepth: i }),
  ),
  solve({ t: 5, seq: 0.1, model: 'early' }),
  solve({ t: 5, seq: 0.9, model: 'late' }),
];

type Op = (s: Stores) => Promise<unknown>;

/** Each case: operations whose results (every one) must be the same on both flavours. */
const CASES: [string, Op[]][] = [
  [
    'metric windows and counts',
    [
      (s) => s.metrics.add(POINTS.slice(0, 10)),
      (s) => s.metrics.add(POINTS.slice(10)),
      (s) => s.metrics.count(),
      (s) => s.metrics.listSolves({ from: 0, to: 100 }),
      (s) => s.metrics.listSolves({ from: 5, to: 9 }),
      (s) => s.metrics.listSystem({ from: 4, to: 10 }),
      (s) => s.metrics.listSystem({ from: 100, to: 200 }),
    ],
  ],
  [
    'recent solves',
    [
      (s) => s.metrics.add(POINTS),
      (s) => s.metrics.recentSolves(0),
      (s) => s.metrics.recentSolves(3),
      (s) => s.metrics.recentSolves(100),
    ],
  ],
  [
    'retention prune',
    [
      (s) => s.metrics.add(POINTS),
      (s) => s.metrics.prune(5, 3),
      (s) => s.metrics.count(),
      (s) => s.metrics.listSolves({ from: 0, to: 100 }),
      (s) => s.metrics.prune(5, 3),
      (s) => s.metrics.prune(1000, 4),
      (s) => s.metrics.count(),
    ],
  ],
  [
    'stored points are copies',
    [
      async (s) => {
        const p = solve({ t: 1, seq: 0.5, model: 'orig' });
        await s.metrics.add([p]);
        p.model = 'changed';
        const [read] = await s.metrics.listSolves({ from: 0, to: 10 });
        read.model = 'changed again';
        return s.metrics.listSolves({ from: 0, to: 10 });
      },
    ],
  ],
  [
    'health runs: keep and order',
    [
      (s) => s.health.addRun(healthRun('b', 20), 3),
      (s) => s.health.addRun(healthRun('a', 10), 3),
      (s) => s.health.addRun(healthRun('d', 40), 3),
      (s) => s.health.addRun(healthRun('c', 30), 3),
      (s) => s.health.listRuns(10),
      (s) => s.health.listRuns(1),
      (s) => s.health.addRun({ ...healthRun('d', 40), overall: 'critical' }, 3),
      (s) => s.health.listRuns(10),
    ],
  ],
  [
    'rules: order, replace, delete',
    [
      (s) => s.alerts.putRule(rule('r3', 30)),
      (s) => s.alerts.putRule(rule('r1', 10)),
      (s) => s.alerts.putRule(rule('r2', 20)),
      (s) => s.alerts.listRules(),
      (s) => s.alerts.putRule(rule('r1', 10, { enabled: false, name: 'off' })),
      (s) => s.alerts.deleteRule('r3'),
      (s) => s.alerts.deleteRule('missing'),
      (s) => s.alerts.listRules(),
    ],
  ],
  [
    'rules created in the same ms: ordered by id',
    [
      (s) => s.alerts.putRule(rule('zeta', 10)),
      (s) => s.alerts.putRule(rule('alpha', 10)),
      (s) => s.alerts.listRules(),
    ],
  ],
  [
    'alerts: order of raisedAt, replace',
    [
      (s) => s.alerts.putAlerts([alert('x', 30), alert('y', 10)]),
      (s) => s.alerts.putAlerts([alert('z', 20)]),
      (s) => s.alerts.listAlerts(),
      (s) => s.alerts.putAlerts([alert('y', 10, { state: 'resolved', resolvedAt: 50, resolveNote: 'done' })]),
      (s) => s.alerts.putAlerts([]),
      (s) => s.alerts.listAlerts(),
    ],
  ],
  [
    'settings',
    [
      (s) => s.settings.get('missing'),
      (s) => s.settings.put('metrics.retentionDays', 30),
      (s) => s.settings.put('alerts.channels', { webhookUrl: null, notificationsEnabled: false }),
      (s) => s.settings.get('metrics.retentionDays'),
      (s) => s.settings.get('alerts.channels'),
      (s) => s.settings.put('metrics.retentionDays', 7),
      (s) => s.settings.get('metrics.retentionDays'),
    ],
  ],
];

describe('memory stores behave like the IndexedDB stores', () => {
  it.each(CASES)('%s', async (_name, ops) => {
    const { memory, idb } = both();
    const fromMemory: unknown[] = [];
    const fromIdb: unknown[] = [];
    for (const op of ops) {
      fromMemory.push(await op(memory));
      fromIdb.push(await op(idb));
    }
    expect(fromMemory).toEqual(fromIdb);
    // The comparison means something: at least one result of every case carries data.
    expect(fromIdb.some((r) => r !== undefined && !(Array.isArray(r) && r.length === 0))).toBe(true);
  });

  it('the prune table deletes what the retention says on both (spot check of the expected values)', async () => {
    for (const s of Object.values(both())) {
      await s.metrics.add(POINTS);
      expect(await s.metrics.prune(5, 3)).toBe(4); // t = 1..4; the three points at t = 5 stay
      expect(await s.metrics.count()).toBe(POINTS.length - 4);
    }
  });
});
