// The monitoring, alert and settings stores of the app: over the workbench database
// (src/storage/monitoring-repo.ts, alerts-repo.ts), and in memory for a page without IndexedDB.
import type { Alert, AlertRule } from '../core/alerts/types';
import type { HealthRun } from '../core/health/types';
import type { MetricPoint, SolvePoint, SystemPoint, TimeWindow } from '../core/metrics/types';
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
import type { AlertStore, HealthStore, MetricsStore, SettingsStore } from '../state/ports';

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
const inWindow = (t: number, w: TimeWindow) => t >= w.from && t < w.to;
const byKey = (a: MetricPoint, b: MetricPoint) => a.t - b.t || a.seq - b.seq;

/** Metric points in memory (a page without IndexedDB). */
export function memoryMetricsStore(): MetricsStore {
  let points: MetricPoint[] = [];
  return {
    add: async (ps) => {
      points.push(...copy([...ps]));
      points.sort(byKey);
    },
    listSolves: async (w) => copy(points.filter((p): p is SolvePoint => p.kind === 'solve' && inWindow(p.t, w))),
    listSystem: async (w) => copy(points.filter((p): p is SystemPoint => p.kind === 'system' && inWindow(p.t, w))),
    recentSolves: async (n) =>
      copy(
        points
          .filter((p): p is SolvePoint => p.kind === 'solve')
          .reverse()
          .slice(0, n),
      ),
    prune: async (cutoff) => {
      const before = points.length;
      points = points.filter((p) => p.t >= cutoff);
      return before - points.length;
    },
    count: async () => points.length,
  };
}

/** Health runs in memory. */
export function memoryHealthStore(): HealthStore {
  let runs: HealthRun[] = [];
  return {
    addRun: async (run, keep) => {
      runs = [...runs.filter((r) => r.id !== run.id), copy(run)].sort((a, b) => a.at - b.at).slice(-keep);
    },
    listRuns: async (limit) => copy([...runs].reverse().slice(0, limit)),
  };
}

/** Alert rules and alerts in memory. */
export function memoryAlertStore(): AlertStore {
  const rules = new Map<string, AlertRule>();
  const alerts = new Map<string, Alert>();
  return {
    listRules: async () =>
      copy([...rules.values()].sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id))),
    putRule: async (rule) => void rules.set(rule.id, copy(rule)),
    deleteRule: async (id) => void rules.delete(id),
    listAlerts: async () => copy([...alerts.values()].sort((a, b) => a.raisedAt - b.raisedAt)),
    putAlerts: async (as) => {
      for (const a of as) alerts.set(a.id, copy(a));
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
