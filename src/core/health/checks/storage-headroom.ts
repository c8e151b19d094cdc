// Check: storage has room left (a full quota makes every write of history and metrics fail).
import type { HealthCheck, CheckOutcome } from '../types';
import { mib, percent, reasonOf, unavailable } from './shared';

/** Usage ÷ quota below which storage passes, and below which it is only a warning (at or above: fail). */
export const STORAGE_WARN_RATIO = 0.8;
export const STORAGE_FAIL_RATIO = 0.95;

/** Storage headroom: usage against the browser's quota. */
export const storageHeadroomCheck: HealthCheck = {
  id: 'storage-headroom',
  name: 'Storage headroom',
  severity: 'warning',
  usesSolver: false,
  async run(ctx): Promise<CheckOutcome> {
    if (!ctx.storageEstimate) return unavailable('the storage estimate');
    let est: { usage: number; quota: number } | null;
    try {
      est = await ctx.storageEstimate();
    } catch (e) {
      return { status: 'unknown', message: `the storage estimate failed: ${reasonOf(e)}` };
    }
    if (est === null || !(est.quota > 0))
      return { status: 'unknown', message: 'the browser does not report storage usage' };
    const ratio = est.usage / est.quota;
    const details = { usageBytes: est.usage, quotaBytes: est.quota, usedPct: Math.round(ratio * 1000) / 10 };
    const message = `${percent(ratio)} of the storage quota used (${mib(est.usage)} of ${mib(est.quota)})`;
    const status = ratio < STORAGE_WARN_RATIO ? 'pass' : ratio < STORAGE_FAIL_RATIO ? 'warning' : 'fail';
    return { status, message, details };
  },
};
