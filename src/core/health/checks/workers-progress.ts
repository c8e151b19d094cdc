// Check: every busy worker is making progress (a stalled solve holds a slot forever and starves the queue).
import type { CheckDetails, HealthCheck, CheckOutcome } from '../types';
import { unavailable } from './shared';

/** How long a busy worker may go without a progress callback (or, before the first one, since its job started), ms. */
export const STALL_MS = 60_000;

/** Workers progress: a stalled one fails (critical); one recovering from a crash is a warning. */
export const workersProgressCheck: HealthCheck = {
  id: 'workers-progress',
  name: 'Every worker is making progress',
  severity: 'critical',
  usesSolver: false,
  async run(ctx): Promise<CheckOutcome> {
    if (!ctx.workers) return unavailable('the worker pool probe');
    const workers = ctx.workers();
    if (workers.length === 0) return { status: 'unknown', message: 'no workers are running' };
    const now = ctx.now();
    const busy = workers.filter((w) => w.state === 'busy');
    const recovering = workers.filter((w) => w.state === 'recovering');
    const stalled = busy
      .map((w) => ({ w, last: w.lastProgressAt ?? w.jobStartedAt }))
      .filter((s): s is { w: (typeof busy)[number]; last: number } => s.last !== null && now - s.last > STALL_MS)
      .map(({ w, last }) => ({ w, silentMs: now - last }));
    const details: CheckDetails = {
      workers: workers.length,
      busy: busy.length,
      recovering: recovering.length,
      stalled: stalled.length,
      stallMs: STALL_MS,
    };
    if (stalled.length > 0) {
      const list = stalled
        .map(
          ({ w, silentMs }) =>
            `slot ${w.slot}${w.jobId ? ` (job ${w.jobId})` : ''} for ${Math.round(silentMs / 1000)} s`,
        )
        .join(', ');
      return { status: 'fail', message: `no progress from ${list}`, details };
    }
    if (recovering.length > 0) {
      const slots = recovering.map((w) => w.slot).join(', ');
      return { status: 'warning', message: `recovering after a crash: slot ${slots}`, details };
    }
    return {
      status: 'pass',
      message:
        busy.length === 0 ? `${workers.length} workers, none busy` : `${busy.length} busy workers all progressing`,
      details,
    };
  },
};
