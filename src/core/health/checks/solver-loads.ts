// Check: the solver runtime loads (a worker gets ready) and reports its version.
import type { HealthCheck, CheckOutcome } from '../types';
import { reasonOf, unavailable } from './shared';

/** The solver loads: without it nothing else works, so it is critical. */
export const solverLoadsCheck: HealthCheck = {
  id: 'solver-loads',
  name: 'Solver loads',
  severity: 'critical',
  usesSolver: false,
  async run(ctx): Promise<CheckOutcome> {
    if (!ctx.loadSolver) return unavailable('the solver probe');
    try {
      const { version } = await ctx.loadSolver();
      return { status: 'pass', message: `HiGHS ${version} loaded`, details: { version } };
    } catch (e) {
      return { status: 'fail', message: `the solver did not load: ${reasonOf(e)}`, details: { error: reasonOf(e) } };
    }
  },
};
