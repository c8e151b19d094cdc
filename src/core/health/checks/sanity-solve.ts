// Check: a solve of the sanity model returns its known optimum (the runtime does not only load but computes right).
import type { HealthCheck, CheckOutcome } from '../types';
import { reasonOf, unavailable } from './shared';

/** Relative tolerance of the sanity objective: |objective − known| ≤ SANITY_REL_TOL · max(1, |known|). */
export const SANITY_REL_TOL = 1e-6;

/** The sanity solve: optimal with the known objective, else the runtime gives wrong answers (critical). */
export const sanitySolveCheck: HealthCheck = {
  id: 'sanity-solve',
  name: 'Sanity solve returns the known optimum',
  severity: 'critical',
  usesSolver: true,
  async run(ctx): Promise<CheckOutcome> {
    if (!ctx.sanitySolve) return unavailable('the sanity-solve probe');
    let r: Awaited<ReturnType<NonNullable<typeof ctx.sanitySolve>>>;
    try {
      r = await ctx.sanitySolve();
    } catch (e) {
      return { status: 'fail', message: `the sanity solve failed: ${reasonOf(e)}`, details: { error: reasonOf(e) } };
    }
    const tolerance = SANITY_REL_TOL * Math.max(1, Math.abs(r.knownObjective));
    const objective = r.objective !== null && Number.isFinite(r.objective) ? r.objective : null;
    const details = { status: r.status, objective, knownObjective: r.knownObjective, tolerance };
    if (r.status !== 'optimal') {
      return { status: 'fail', message: `the sanity solve ended '${r.status}' instead of optimal`, details };
    }
    if (objective === null) {
      return {
        status: 'fail',
        message: `the sanity solve gave no finite objective (known ${r.knownObjective})`,
        details,
      };
    }
    const diff = Math.abs(objective - r.knownObjective);
    if (diff > tolerance) {
      return {
        status: 'fail',
        message: `objective ${objective} differs from the known optimum ${r.knownObjective} by ${diff.toExponential(2)}`,
        details: { ...details, difference: diff },
      };
    }
    return { status: 'pass', message: `optimal with objective ${objective} (known ${r.knownObjective})`, details };
  },
};
