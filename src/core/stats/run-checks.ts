// The run-level part of a benchmark's correctness, for display: the runs that are not plain successes
// (wrong, failed, suspect, not solved, or a returned solution beyond the feasibility tolerance), each with
// what a reader needs to judge it, and the largest bound and row violation core measured over every returned
// solution beside the largest infeasibility HiGHS itself reported. Every figure comes from the raw runs, so
// an imported report is checked exactly as a local benchmark.
import type { BenchmarkData, BenchmarkRun } from '../benchmark';
import { FEASIBILITY_TOL } from '../benchmark-run';
import type { RunStatus } from '../model-status';
import type { Verdict } from '../result-check';
import type { RunError } from '../run-record';
import { isSolvedRun } from './problems';

/** At most this many runs are listed (the rest are counted in `omitted`), so a 10,000-run table stays small. */
export const MAX_LISTED_RUN_CHECKS = 200;

/**
 * Why a run is listed, most serious first: marked wrong; a returned solution beyond the feasibility
 * tolerance that is not marked wrong (an imported file, say); failed (an error or verdict failed); suspect;
 * not solved (a time limit or another status that proves nothing).
 */
export const RUN_CHECK_REASONS = ['wrong', 'infeasible-solution', 'failed', 'suspect', 'unsolved'] as const;

/** Why a run is listed (see RUN_CHECK_REASONS). */
export type RunCheckReason = (typeof RUN_CHECK_REASONS)[number];

/** One listed run, with its model and option set by name (names are model data: show them as text). */
export interface RunCheck {
  reason: RunCheckReason;
  modelId: string;
  modelName: string;
  optionSetId: string;
  optionSetName: string;
  seed: number;
  repetition: number;
  status: RunStatus | null;
  verdict: Verdict;
  error: RunError | null;
  objective: number | null;
  knownObjective: number | null;
  maxBoundViolation: number | null;
  maxRowViolation: number | null;
  /** HiGHS's own largest primal infeasibility; null when not recorded (no solution, or an older run). */
  highsMaxPrimalInfeasibility: number | null;
}

/** Where a largest value was found. */
export interface RunRef {
  modelId: string;
  modelName: string;
  optionSetId: string;
  optionSetName: string;
  seed: number;
  repetition: number;
}

/** A largest value over runs and the run it came from; null when no run had the value. */
export interface RunMax {
  value: number;
  at: RunRef;
}

/** The run checks of a benchmark: the listed runs and the largest violations. */
export interface RunChecks {
  /** Runs considered (those of a listed model and option set). */
  runs: number;
  /** Runs that are not plain successes (listed or omitted). */
  flagged: number;
  /** Flagged runs per reason. */
  byReason: Record<RunCheckReason, number>;
  /** The flagged runs, most serious reason first, then in run order; at most the cap given. */
  listed: RunCheck[];
  /** Flagged runs beyond the listed ones. */
  omitted: number;
  /** The tolerance a violation is judged against (FEASIBILITY_TOL). */
  feasibilityTolerance: number;
  /** Runs of a model with a known objective that returned an objective or status, and of those the ones marked verified and wrong. */
  knownObjective: { runs: number; verified: number; wrong: number };
  /** Runs whose returned solution core checked (maxBoundViolation and maxRowViolation not null). */
  solutions: number;
  /** Largest bound violation over the checked solutions, and where. */
  maxBoundViolation: RunMax | null;
  /** Largest row violation over the checked solutions, and where. */
  maxRowViolation: RunMax | null;
  /** Runs that carry HiGHS's own reported infeasibility. */
  highsReported: number;
  /** Largest infeasibility HiGHS reported, and where. */
  maxHighsPrimalInfeasibility: RunMax | null;
}

const finite = (x: number | null | undefined): x is number => typeof x === 'number' && Number.isFinite(x);

/** The most serious reason a run is not a plain success, or null when it is one. */
export function runCheckReason(run: BenchmarkRun): RunCheckReason | null {
  if (run.verdict === 'wrong') return 'wrong';
  const beyond = (x: number | null) => finite(x) && x > FEASIBILITY_TOL;
  if (beyond(run.maxBoundViolation) || beyond(run.maxRowViolation)) return 'infeasible-solution';
  if (run.verdict === 'failed' || run.error !== null) return 'failed';
  if (run.verdict === 'suspect') return 'suspect';
  return isSolvedRun(run) ? null : 'unsolved';
}

// Runs of a model or option set the benchmark does not list are left out, as summarize() leaves them out.
// A largest value keeps the first run that reached it (in run order). Linear in the runs: cheap enough for
// 10,000 runs on the page.
/** Lists the runs that are not plain successes and finds the largest violations over all returned solutions. */
export function checkRuns(data: BenchmarkData, max: number = MAX_LISTED_RUN_CHECKS): RunChecks {
  const models = new Map(data.models.map((m) => [m.id, m]));
  const sets = new Map(data.optionSets.map((s) => [s.id, s]));
  const byReason = Object.fromEntries(RUN_CHECK_REASONS.map((r) => [r, 0])) as Record<RunCheckReason, number>;
  const buckets = Object.fromEntries(RUN_CHECK_REASONS.map((r) => [r, [] as BenchmarkRun[]])) as Record<
    RunCheckReason,
    BenchmarkRun[]
  >;
  const cap = Math.max(0, Math.floor(max));
  let considered = 0;
  let solutions = 0;
  let highsReported = 0;
  const known = { runs: 0, verified: 0, wrong: 0 };
  let maxBound: { value: number; run: BenchmarkRun } | null = null;
  let maxRow: { value: number; run: BenchmarkRun } | null = null;
  let maxHighs: { value: number; run: BenchmarkRun } | null = null;
  const bigger = (cur: { value: number } | null, x: number) => cur === null || x > cur.value;

  for (const run of data.runs) {
    if (!models.has(run.modelId) || !sets.has(run.optionSetId)) continue;
    considered++;
    if (models.get(run.modelId)!.knownObjective !== null && run.status !== null && run.verdict !== 'failed') {
      known.runs++;
      if (run.verdict === 'verified') known.verified++;
      else if (run.verdict === 'wrong') known.wrong++;
    }
    const b = run.maxBoundViolation;
    const r = run.maxRowViolation;
    if (finite(b) && finite(r)) {
      solutions++;
      if (bigger(maxBound, b)) maxBound = { value: b, run };
      if (bigger(maxRow, r)) maxRow = { value: r, run };
    }
    const h = run.highsMaxPrimalInfeasibility;
    if (finite(h)) {
      highsReported++;
      if (bigger(maxHighs, h)) maxHighs = { value: h, run };
    }
    const reason = runCheckReason(run);
    if (reason === null) continue;
    byReason[reason]++;
    // Each bucket needs at most `cap` runs: the listed ones come from the first buckets.
    if (buckets[reason].length < cap) buckets[reason].push(run);
  }

  const refOf = (run: BenchmarkRun): RunRef => ({
    modelId: run.modelId,
    modelName: models.get(run.modelId)!.name,
    optionSetId: run.optionSetId,
    optionSetName: sets.get(run.optionSetId)!.name,
    seed: run.seed,
    repetition: run.repetition,
  });
  const maxOf = (m: { value: number; run: BenchmarkRun } | null): RunMax | null =>
    m === null ? null : { value: m.value, at: refOf(m.run) };

  const listed: RunCheck[] = [];
  for (const reason of RUN_CHECK_REASONS) {
    for (const run of buckets[reason]) {
      if (listed.length >= cap) break;
      listed.push({
        reason,
        ...refOf(run),
        status: run.status,
        verdict: run.verdict,
        error: run.error,
        objective: run.objective,
        knownObjective: models.get(run.modelId)!.knownObjective,
        maxBoundViolation: run.maxBoundViolation,
        maxRowViolation: run.maxRowViolation,
        highsMaxPrimalInfeasibility: finite(run.highsMaxPrimalInfeasibility) ? run.highsMaxPrimalInfeasibility : null,
      });
    }
  }
  const flagged = RUN_CHECK_REASONS.reduce((n, r) => n + byReason[r], 0);
  return {
    runs: considered,
    flagged,
    byReason,
    listed,
    omitted: flagged - listed.length,
    feasibilityTolerance: FEASIBILITY_TOL,
    knownObjective: known,
    solutions,
    maxBoundViolation: maxOf(maxBound),
    maxRowViolation: maxOf(maxRow),
    highsReported,
    maxHighsPrimalInfeasibility: maxOf(maxHighs),
  };
}
