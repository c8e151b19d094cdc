// Alert rules and raised alerts: the interface every implementation (IndexedDB, memory, files) fits, and its
// rules, written once: both are replaced by id; rules list oldest first (createdAt, then id), alerts in the order
// they were raised (raisedAt, then id).
import type { Alert, AlertRule } from '../alerts/types';

/** Alert rules and raised alerts (the history). */
export interface AlertStore {
  /** Every rule, oldest first. */
  listRules(): Promise<AlertRule[]>;
  /** Stores (or replaces, by id) a rule, durably. */
  putRule(rule: AlertRule): Promise<void>;
  /** Deletes a rule by id (its alerts stay in the history). */
  deleteRule(id: string): Promise<void>;
  /** Every alert, oldest first. */
  listAlerts(): Promise<Alert[]>;
  /** Stores (or replaces, by id) alerts as one write, durably. */
  putAlerts(alerts: readonly Alert[]): Promise<void>;
}

/** The rules' order: oldest first (createdAt, then id). */
export function rulesOldestFirst(a: AlertRule, b: AlertRule): number {
  return a.createdAt - b.createdAt || a.id.localeCompare(b.id);
}

/** The alerts' order: as they were raised (raisedAt, then id as IndexedDB orders keys). */
export function alertsOldestFirst(a: Alert, b: Alert): number {
  return a.raisedAt - b.raisedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
