// The monitoring, alert and settings stores of the app: over the workbench database
// (src/storage/monitoring-repo.ts, alerts-repo.ts), and in memory for a page without IndexedDB, both with core's
// rules (src/core/stores: key order and windows of metric points, which health runs are kept, the orders).
import type { Alert, AlertRule } from '../core/alerts/types';
import type { HealthRun } from '../core/health/types';
import type { MetricPoint } from '../core/metrics/types';
import {
  alertsOldestFirst,
  healthRunsDropped,
  healthRunsNewest,
  mergePoints,
  newestSolves,
  pointsIn,
  prunedBy,
  rulesOldestFirst,
  type AlertStore,
  type HealthStore,
  type MetricsStore,
  type SettingsStore,
} from '../core/stores';
import type { Db } from '../storage/db';
import {
  addHealthRun,
  addMetricPoints,
  countMetricPoints,
  listHealthRuns,
  listSolvePoints,
  listSystemPoints,
  pruneMetricPoints,
  recentSolvePoints,
} from '../storage/monitoring-repo';
import {
  deleteAlertRule,
  getAppSetting,
  listAlertRules,
  listAlerts,
  putAlertRule,
  putAlerts,
  putAppSetting,
} from '../storage/alerts-repo';

/** Metric points in the workbench database. */
export function metricsStoreOf(db: Promise<Db>): MetricsStore {
  return {
    add: async (points) => addMetricPoints(await db, points),
    listSolves: async (w) => listSolvePoints(await db, w),
    listSystem: async (w) => listSystemPoints(await db, w),
    recentSolves: async (n) => recentSolvePoints(await db, n),
    prune: async (cutoff, batch, pause) => pruneMetricPoints(await db, cutoff, { batch, pause }),
    count: async () => countMetricPoints(await db),
  };
}

/** Health runs in the workbench database. */
export function healthStoreOf(db: Promise<Db>): HealthStore {
  return {
    addRun: async (run, keep) => addHealthRun(await db, run, keep),
    listRuns: async (limit) => listHealthRuns(await db, limit),
  };
}

/** Alert rules and alerts in the workbench database. */
export function alertStoreOf(db: Promise<Db>): AlertStore {
  return {
    listRules: async () => listAlertRules(await db),
    putRule: async (rule) => putAlertRule(await db, rule),
    deleteRule: async (id) => deleteAlertRule(await db, id),
    listAlerts: async () => listAlerts(await db),
    putAlerts: async (alerts) => putAlerts(await db, alerts),
  };
}

/** App-wide settings in the workbench database. */
export function settingsStoreOf(db: Promise<Db>): SettingsStore {
  return {
    get: async (key) => getAppSetting(await db, key),
    put: async (key, value) => putAppSetting(await db, key, value),
  };
}

const copy = <T>(v: T): T => structuredClone(v);

/** Metric points in memory (a page without IndexedDB), in key order, replaced by key. */
export function memoryMetricsStore(): MetricsStore {
  let points: MetricPoint[] = [];
  return {
    add: async (ps) => {
      points = mergePoints(points, copy([...ps]));
    },
    listSolves: async (w) => copy(pointsIn(points, 'solve', w)),
    listSystem: async (w) => copy(pointsIn(points, 'system', w)),
    recentSolves: async (n) => copy(newestSolves(points, n)),
    prune: async (cutoff) => {
      const before = points.length;
      points = points.filter((p) => !prunedBy(p, cutoff));
      return before - points.length;
    },
    count: async () => points.length,
  };
}

/** Health runs in memory, the newest `keep` kept. */
export function memoryHealthStore(): HealthStore {
  let runs: HealthRun[] = [];
  return {
    addRun: async (run, keep) => {
      const all = [...runs.filter((r) => r.id !== run.id), copy(run)];
      const dropped = new Set(healthRunsDropped(all, keep));
      runs = all.filter((r) => !dropped.has(r.id));
    },
    listRuns: async (limit) => copy(healthRunsNewest(runs, limit)),
  };
}

/** Alert rules and alerts in memory. */
export function memoryAlertStore(): AlertStore {
  const rules = new Map<string, AlertRule>();
  const alerts = new Map<string, Alert>();
  return {
    listRules: async () => copy([...rules.values()].sort(rulesOldestFirst)),
    putRule: async (rule) => void rules.set(rule.id, copy(rule)),
    deleteRule: async (id) => void rules.delete(id),
    listAlerts: async () => copy([...alerts.values()].sort(alertsOldestFirst)),
    putAlerts: async (as) => {
      const copied = copy([...as]); // all copied before any is stored: all or nothing
      for (const a of copied) alerts.set(a.id, a);
    },
  };
}

/** Settings in memory. */
export function memorySettingsStore(): SettingsStore {
  const values = new Map<string, unknown>();
  return {
    get: async (key) => copy(values.get(key)),
    put: async (key, value) => void values.set(key, copy(value)),
  };
}
