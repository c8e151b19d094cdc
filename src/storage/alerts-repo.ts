// Alert rules, raised alerts (active and resolved: the history) and app-wide settings. Rules and
// settings are written with strict durability (the user typed them); alerts in small batches. The orders are
// core's (src/core/stores/alert-store.ts): rules sorted by it, alerts by their raisedAt index (ties by key, alike).
import type { Alert, AlertRule } from '../core/alerts/types';
import { rulesOldestFirst } from '../core/stores';
import type { Db } from './db';
import { queueWrites } from './tx';

/** Every rule, oldest first. */
export async function listAlertRules(db: Db): Promise<AlertRule[]> {
  return (await db.getAll('alertRules')).sort(rulesOldestFirst);
}

/** Stores (or replaces, by id) a rule. */
export async function putAlertRule(db: Db, rule: AlertRule): Promise<void> {
  const tx = db.transaction('alertRules', 'readwrite', { durability: 'strict' });
  await queueWrites(tx, () => void tx.store.put(rule).catch(() => {}));
}

/** Deletes a rule by id (its alerts stay in the history). */
export async function deleteAlertRule(db: Db, id: string): Promise<void> {
  await db.delete('alertRules', id);
}

/** Every alert, oldest first. */
export function listAlerts(db: Db): Promise<Alert[]> {
  return db.getAllFromIndex('alerts', 'by-raisedAt');
}

/** Stores (or replaces, by id) alerts in one transaction. */
export async function putAlerts(db: Db, alerts: readonly Alert[]): Promise<void> {
  if (alerts.length === 0) return;
  const tx = db.transaction('alerts', 'readwrite', { durability: 'strict' });
  await queueWrites(tx, () => {
    for (const a of alerts) void tx.store.put(a).catch(() => {});
  });
}

/** One app-wide setting's value, or undefined. */
export async function getAppSetting(db: Db, key: string): Promise<unknown> {
  return (await db.get('appSettings', key))?.value;
}

/** Stores one app-wide setting. */
export async function putAppSetting(db: Db, key: string, value: unknown): Promise<void> {
  const tx = db.transaction('appSettings', 'readwrite', { durability: 'strict' });
  await queueWrites(tx, () => void tx.store.put({ key, value }).catch(() => {}));
}
