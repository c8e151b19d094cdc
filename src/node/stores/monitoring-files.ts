// The health checks' history, alert rules, alerts and app-wide settings on disk: `health-runs/<id>.json`,
// `alert-rules/<id>.json`, `alerts/<id>.json`, `settings/<key>.json`, each replaced whole and flushed before the
// write resolves (a batch of alerts: every file flushed, then all renamed). Core's rules (src/core/stores): which health runs
// are kept and their order, the orders of rules and alerts. Records core's schemas refuse are left out.
import { join } from 'node:path';
import type { Alert, AlertRule } from '../../core/alerts/types';
import type { HealthRun } from '../../core/health/types';
import {
  alertsOldestFirst,
  healthRunsDropped,
  healthRunsNewest,
  rulesOldestFirst,
  type AlertStore,
  type HealthStore,
  type SettingsStore,
} from '../../core/stores';
import { readableRecords, recordDir } from './record-dir';
import { isObject } from './record-json';
import { serialized } from './files';

/** The health checks' history in `dir`. */
export function fileHealthStore(dir: string): HealthStore {
  const runs = recordDir(dir);
  return {
    addRun: async (run, keep) =>
      serialized(`${dir}#keep`, async () => {
        await runs.put(run.id, run);
        const stored = await readableRecords<HealthRun>(runs, 'healthRuns');
        if (stored.length > keep) await runs.remove(...healthRunsDropped(stored, keep).map(runs.nameOf));
      }),
    listRuns: async (limit) => healthRunsNewest(await readableRecords<HealthRun>(runs, 'healthRuns'), limit),
  };
}

/** Alert rules and alerts under `root`. */
export function fileAlertStore(root: string): AlertStore {
  const rules = recordDir(join(root, 'alert-rules'));
  const alerts = recordDir(join(root, 'alerts'));
  return {
    listRules: async () => (await readableRecords<AlertRule>(rules, 'alertRules')).sort(rulesOldestFirst),
    putRule: async (rule) => rules.put(rule.id, rule),
    deleteRule: async (id) => rules.remove(rules.nameOf(id)),
    listAlerts: async () => (await readableRecords<Alert>(alerts, 'alerts')).sort(alertsOldestFirst),
    putAlerts: async (list) => {
      if (list.length > 0) await alerts.putAll(list.map((a) => [a.id, a] as const));
    },
  };
}

/** App-wide settings in `dir` (a value is any plain data: no schema beyond its key). */
export function fileSettingsStore(dir: string): SettingsStore {
  const values = recordDir(dir);
  return {
    async get(key) {
      const decoded = await values.get(key);
      return decoded?.ok && isObject(decoded.value) && decoded.value.key === key ? decoded.value.value : undefined;
    },
    put: async (key, value) => values.put(key, { key, value }),
  };
}
