// How long metric points are kept: the default, the choices the settings offer, the cutoff a prune deletes
// below, the check of a user's choice, and how much one prune transaction deletes.

/** The retention a fresh install keeps metric points for, days. */
export const DEFAULT_RETENTION_DAYS = 7;

/** The retention choices the settings offer, days. */
export const RETENTION_CHOICES_DAYS: readonly number[] = [1, 7, 30, 90];

/** The shortest retention a user may set, days. */
export const MIN_RETENTION_DAYS = 1;

/** The longest retention a user may set, days (a year of samples is already a big store). */
export const MAX_RETENTION_DAYS = 365;

/** How many points one prune transaction deletes, so pruning 100,000 points never blocks the page for long. */
export const PRUNE_BATCH = 2000;

const DAY_MS = 86_400_000;

/** The epoch ms below which points are older than the retention (points at the cutoff or later are kept). */
export function retentionCutoff(now: number, days: number): number {
  return now - days * DAY_MS;
}

/** Why a retention is not acceptable (a whole number of days, 1..365), or null when it is. */
export function validateRetentionDays(x: unknown): string | null {
  if (typeof x !== 'number' || !Number.isFinite(x)) return 'The retention must be a number of days.';
  if (!Number.isInteger(x)) return `The retention must be a whole number of days (got ${x}).`;
  if (x < MIN_RETENTION_DAYS || x > MAX_RETENTION_DAYS)
    return `The retention must be between ${MIN_RETENTION_DAYS} and ${MAX_RETENTION_DAYS} days (got ${x}).`;
  return null;
}
