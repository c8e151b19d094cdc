// One benchmark run from what the pool returned: the solve's facts judged against what is known of
// the model, and the returned solution's feasibility as core computed it. A solution that breaks a
// bound or a row makes the run wrong, so a faster option set that is wrong is never counted faster.
import type { BenchmarkRun } from './benchmark';
import type { PlannedJob } from './benchmark-plan';
import { judgeSolve, type RunError, type SolveFacts, NO_COUNTERS } from './run-record';
import type { SolutionCheck } from './solution-check';

/** Largest bound or row violation (absolute) a solution may have and still count as feasible. */
export const FEASIBILITY_TOL = 1e-6;

/** A solve's facts with the solution check the worker made on request. */
export type CheckedSolve = SolveFacts & { solutionCheck: SolutionCheck | null };

/** The run of a planned job that returned a result (HiGHS's own errors included: verdict failed). */
export function benchmarkRunOf(
  job: PlannedJob,
  model: { knownObjective: number | null; expectedStatus?: string | null },
  r: CheckedSolve,
): BenchmarkRun {
  const check = judgeSolve({ knownObjective: model.knownObjective, expectedStatus: model.expectedStatus ?? null }, r);
  const s = r.solutionCheck;
  const infeasible = s !== null && (s.maxBoundViolation > FEASIBILITY_TOL || s.maxRowViolation > FEASIBILITY_TOL);
  const verdict = check.verdict === 'failed' ? 'failed' : infeasible ? 'wrong' : check.verdict;
  return {
    ...job,
    status: r.status,
    objective: r.objective,
    mipDualBound: r.mipDualBound,
    timeMs: r.times.solveMs,
    counters: { ...r.counters },
    maxBoundViolation: s ? s.maxBoundViolation : null,
    maxRowViolation: s ? s.maxRowViolation : null,
    verdict,
    error: r.runError ? { name: 'SolverError', message: r.runError } : null,
  };
}

/** The run of a planned job that failed without a result (timeout, crash, abort, bad model): recorded, never solved. */
export function failedBenchmarkRun(job: PlannedJob, error: RunError, elapsedMs: number): BenchmarkRun {
  return {
    ...job,
    status: null,
    objective: null,
    mipDualBound: null,
    timeMs: Math.max(0, elapsedMs),
    counters: { ...NO_COUNTERS },
    maxBoundViolation: null,
    maxRowViolation: null,
    verdict: 'failed',
    error: { name: error.name, message: error.message },
  };
}
