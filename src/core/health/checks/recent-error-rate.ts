// Check: the error rate of the last N solves (a runtime that starts failing shows here first).
import type { HealthCheck, CheckOutcome } from '../types';
import type { SolvePoint } from '../../metrics/types';
import { percent, reasonOf, unavailable } from './shared';

/** How many of the newest solves the error rate is taken over. */
export const RECENT_SOLVES = 50;
/** Error rates up to which the check passes, and up to which it is only a warning (above: fail). */
export const ERROR_RATE_PASS = 0.05;
export const ERROR_RATE_WARN = 0.2;

/** Recent error rate: solves whose outcome is 'error' among the last RECENT_SOLVES. */
export const recentErrorRateCheck: HealthCheck = {
  id: 'recent-error-rate',
  name: `Error rate of the last ${RECENT_SOLVES} solves`,
  severity: 'warning',
  usesSolver: false,
  async run(ctx): Promise<CheckOutcome> {
    if (!ctx.recentSolves) return unavailable('the solve metrics');
    let solves: SolvePoint[];
    try {
      solves = (await ctx.recentSolves(RECENT_SOLVES)).slice(0, RECENT_SOLVES);
    } catch (e) {
      return { status: 'unknown', message: `the solve metrics could not be read: ${reasonOf(e)}` };
    }
    if (solves.length === 0) return { status: 'unknown', message: 'no solves yet' };
    const errors = solves.filter((s) => s.outcome === 'error').length;
    const rate = errors / solves.length;
    const status = rate <= ERROR_RATE_PASS ? 'pass' : rate <= ERROR_RATE_WARN ? 'warning' : 'fail';
    return {
      status,
      message: `${errors} of the last ${solves.length} solves failed (${percent(rate)})`,
      details: { solves: solves.length, errors, errorRatePct: Math.round(rate * 1000) / 10 },
    };
  },
};
