// Runs health checks one after another (a check that submits a solve must never compete with another
// check's solve), timing each, turning a throw or a timeout into a failed result so a run never rejects,
// and folding the results into the app's overall status.
import type { CheckStatus, HealthCheck, HealthCheckResult, HealthContext, OverallStatus } from './types';

/** How long one check may take before it counts as failed, ms: a hung probe must not hang the whole run. */
export const DEFAULT_CHECK_TIMEOUT_MS = 30_000;

/** How a run is shaped: which checks to skip (and why), the per-check timeout and the duration clock. */
export interface RunChecksOptions {
  /** A reason to skip the check (its result is 'unknown' with that message), or null to run it. */
  skip?: (check: HealthCheck) => string | null;
  timeoutMs?: number;
  /** The clock durations are measured with, ms (default Date.now); `at` comes from ctx.now(). */
  clock?: () => number;
}

/** The message of whatever a check threw, so a failed result always says something readable. */
function errorMessage(e: unknown): string {
  if (e instanceof Error) return e.message || e.name;
  if (typeof e === 'string') return e;
  try {
    return String(e);
  } catch {
    return 'unknown error';
  }
}

/** Formats a timeout for the "did not finish within …" message. */
function formatTimeout(ms: number): string {
  return ms >= 1000 && ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}

/** One check, never rejecting: its outcome, or fail on a throw / timeout, or unknown when skipped. */
async function runOne(
  check: HealthCheck,
  ctx: HealthContext,
  opts: Required<RunChecksOptions>,
): Promise<HealthCheckResult> {
  const base = { id: check.id, name: check.name, severity: check.severity };
  let at: number;
  let reason: string | null;
  try {
    at = ctx.now();
    reason = opts.skip(check);
  } catch (e) {
    return { ...base, status: 'fail', message: errorMessage(e), details: {}, at: Date.now(), durationMs: 0 };
  }
  if (reason !== null) {
    return { ...base, status: 'unknown', message: reason, details: {}, at, durationMs: 0 };
  }
  const start = opts.clock();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`did not finish within ${formatTimeout(opts.timeoutMs)}`)),
      opts.timeoutMs,
    );
  });
  let status: CheckStatus;
  let message: string;
  let details: HealthCheckResult['details'] = {};
  try {
    // Promise.resolve().then: a check that throws synchronously is caught like one that rejects.
    const outcome = await Promise.race([Promise.resolve().then(() => check.run(ctx)), timeout]);
    status = outcome.status;
    message = outcome.message;
    details = { ...(outcome.details ?? {}) };
  } catch (e) {
    status = 'fail';
    message = errorMessage(e);
  } finally {
    clearTimeout(timer);
  }
  const durationMs = Math.max(0, opts.clock() - start);
  return { ...base, status, message, details, at, durationMs };
}

/** Runs the checks sequentially and returns one result per check, in order; never rejects. */
export async function runChecks(
  checks: readonly HealthCheck[],
  ctx: HealthContext,
  opts: RunChecksOptions = {},
): Promise<HealthCheckResult[]> {
  const full: Required<RunChecksOptions> = {
    skip: opts.skip ?? (() => null),
    timeoutMs: opts.timeoutMs ?? DEFAULT_CHECK_TIMEOUT_MS,
    clock: opts.clock ?? (() => Date.now()),
  };
  const results: HealthCheckResult[] = [];
  for (const check of checks) results.push(await runOne(check, ctx, full));
  return results;
}

/**
 * The overall status `health-status` shows: no results or only unknown ones → 'unknown'; a failed
 * critical check → 'critical'; any other failure or any warning → 'warning'; else 'healthy'. Unknown
 * results next to passing ones do not degrade 'healthy' (a probe the browser lacks is not a fault).
 */
export function overallStatus(results: readonly HealthCheckResult[]): OverallStatus {
  if (results.every((r) => r.status === 'unknown')) return 'unknown';
  if (results.some((r) => r.status === 'fail' && r.severity === 'critical')) return 'critical';
  if (results.some((r) => r.status === 'fail' || r.status === 'warning')) return 'warning';
  return 'healthy';
}

/** One check whose status moved between two runs (what alerts and the history highlight). */
export interface StatusChange {
  id: string;
  name: string;
  severity: HealthCheckResult['severity'];
  /** null when the check was not in the previous run. */
  from: CheckStatus | null;
  to: CheckStatus;
}

/** The checks of `next` whose status differs from `prev` (a check new in `next` counts as changed from null). */
export function compareRuns(prev: readonly HealthCheckResult[], next: readonly HealthCheckResult[]): StatusChange[] {
  const before = new Map(prev.map((r) => [r.id, r.status]));
  return next
    .filter((r) => before.get(r.id) !== r.status)
    .map((r) => ({ id: r.id, name: r.name, severity: r.severity, from: before.get(r.id) ?? null, to: r.status }));
}
