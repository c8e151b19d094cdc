// One benchmark run from what the pool returned: the solve's facts judged against what is known of
// the model, and the returned solution's feasibility as core computed it. A solution that breaks a
// bound or a row makes the run wrong, so a faster option set that is wrong is never counted faster.
import { GAP_TRACE_MAX_POINTS, type BenchmarkRun, type GapTracePoint } from './benchmark';
import type { PlannedJob } from './benchmark-plan';
import { judgeSolve, type MipPoint, type RunError, type SolveFacts, NO_COUNTERS } from './run-record';
import type { SolutionCheck } from './solution-check';

/** Largest bound or row violation (absolute) a solution may have and still count as feasible. */
export const FEASIBILITY_TOL = 1e-6;

/**
 * A solve's facts with the solution check the worker made on request, HiGHS's own largest primal infeasibility
 * of the same solution, and the MIP's bounds over time when known.
 */
export type CheckedSolve = SolveFacts & {
  solutionCheck: SolutionCheck | null;
  highsMaxPrimalInfeasibility?: number | null;
  points?: readonly MipPoint[];
};

// −0 becomes 0: JSON writes −0 as 0, so a report's round trip would change it.
const finiteOrNull = (x: number | null): number | null => (x !== null && Number.isFinite(x) ? x + 0 : null);

// The gap as the thinning compares it: unknown counts as 100 %, and gaps above 100 % as 100 %, so that the
// first finite gap after none and the drop to a small gap both score high, and huge early gaps do not dominate.
const gapScore = (gap: number | null): number => (gap === null ? 1 : Math.min(1, Math.max(0, gap)));

// Deterministic: the first and the last point are kept, then the interior points whose gap differs most
// from the point before (ties: the earlier point), in time order. Times become ms rounded to 1 µs; a
// non-finite bound or gap becomes null, −0 becomes 0, a negative or non-finite time 0.
/** A MIP's bounds over time thinned to at most `max` points, as a run keeps them (see BenchmarkRun.gapTrace). */
export function thinGapTrace(points: readonly MipPoint[], max: number = GAP_TRACE_MAX_POINTS): GapTracePoint[] {
  const all = points.map((p): GapTracePoint => {
    const tMs = Number.isFinite(p.t) && p.t > 0 ? Math.round(p.t * 1e6) / 1e3 : 0;
    return [tMs, finiteOrNull(p.gap), finiteOrNull(p.primal), finiteOrNull(p.dual)];
  });
  const n = all.length;
  if (n <= max) return all;
  if (max < 2) return all.slice(0, Math.max(0, max));
  const interior: { i: number; score: number }[] = [];
  for (let i = 1; i < n - 1; i++) interior.push({ i, score: Math.abs(gapScore(all[i][1]) - gapScore(all[i - 1][1])) });
  interior.sort((a, b) => b.score - a.score || a.i - b.i);
  const kept = interior
    .slice(0, max - 2)
    .map((x) => x.i)
    .sort((a, b) => a - b);
  return [all[0], ...kept.map((i) => all[i]), all[n - 1]];
}

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
    highsMaxPrimalInfeasibility: finiteOrNull(r.highsMaxPrimalInfeasibility ?? null),
    ...(r.size.integers > 0 && r.points ? { gapTrace: thinGapTrace(r.points) } : {}),
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
    highsMaxPrimalInfeasibility: null,
  };
}
