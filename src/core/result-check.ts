// Judges whether a solver answer can be trusted: a result that may be wrong is flagged, never
// shown as a plain success.
import type { RunStatus } from './model-status';
import { FAILED, STOPPED_EARLY } from './model-status';

/** Relative tolerance for comparing with a known objective (instances.json says 1e-6). */
export const OBJECTIVE_REL_TOL = 1e-6;

/** One finding about a result. */
export interface ResultFlag {
  code:
    | 'objective-matches'
    | 'objective-within-gap'
    | 'objective-mismatch'
    | 'objective-outside-bounds'
    | 'objective-not-finite'
    | 'status-mismatch'
    | 'empty-model'
    | 'stopped-early'
    | 'solver-failed'
    | 'input-warning'
    | 'input-misread';
  severity: 'ok' | 'info' | 'warning' | 'error';
  message: string;
}

/** The verdicts a result can get, best first. */
export const VERDICTS = ['verified', 'ok', 'suspect', 'wrong', 'failed'] as const;

/** The overall verdict on a result. */
export type Verdict = (typeof VERDICTS)[number];

/** What the check needs to know about one run. */
export interface ResultFacts {
  status: RunStatus;
  objective: number | null;
  objectiveNotFinite: boolean;
  rows: number;
  cols: number;
  knownObjective?: number | null;
  expectedStatus?: string | null;
  warnings?: readonly string[];
  /** Lines HiGHS read without an error but ignored (a column named OBJSENSE, …): the answer is suspect. */
  misread?: readonly string[];
  /** The model has integer columns: its answer is judged against the bound interval HiGHS reports. */
  isMip?: boolean;
  /** The MIP dual bound HiGHS reports (null when unknown). */
  mipDualBound?: number | null;
  /** HiGHS's run itself returned an error (status -1): the answer cannot be used, whatever the model status. */
  runError?: string | null;
}

/** Relative difference, safe around zero (scaled by max(1, |known|)). */
export function relativeDifference(value: number, known: number): number {
  return Math.abs(value - known) / Math.max(1, Math.abs(known));
}

/** Does a value match a known objective within the relative tolerance? */
export function objectiveMatches(value: number, known: number, tol = OBJECTIVE_REL_TOL): boolean {
  return Number.isFinite(value) && relativeDifference(value, known) <= tol;
}

/** Checks one result against what is known: NaN, empty models, known objective and status. */
export function checkResult(f: ResultFacts): { verdict: Verdict; flags: ResultFlag[] } {
  const flags: ResultFlag[] = [];
  for (const w of f.warnings ?? []) flags.push({ code: 'input-warning', severity: 'info', message: w });
  if (f.runError) {
    flags.push({ code: 'solver-failed', severity: 'error', message: f.runError });
    return { verdict: 'failed', flags };
  }
  if (FAILED.has(f.status)) {
    flags.push({ code: 'solver-failed', severity: 'error', message: `the solver failed: ${f.status}` });
    return { verdict: 'failed', flags };
  }
  let wrong = false;
  let suspect = false;
  let verified = false;
  for (const m of f.misread ?? []) {
    flags.push({ code: 'input-misread', severity: 'warning', message: m });
    suspect = true;
  }
  if (f.objectiveNotFinite && (f.status === 'optimal' || STOPPED_EARLY.has(f.status))) {
    flags.push({
      code: 'objective-not-finite',
      severity: 'error',
      message: `status is ${f.status} but the objective is not a finite number: the model likely holds NaN or infinite data`,
    });
    wrong = true;
  }
  if (f.status === 'empty' || (f.rows === 0 && f.cols === 0)) {
    flags.push({
      code: 'empty-model',
      severity: 'warning',
      message: 'the solver read an empty model (0 rows, 0 columns)',
    });
    suspect = true;
  }
  if (f.expectedStatus && f.expectedStatus !== f.status && !STOPPED_EARLY.has(f.status)) {
    flags.push({
      code: 'status-mismatch',
      severity: 'error',
      message: `expected status ${f.expectedStatus}, got ${f.status}`,
    });
    wrong = true;
  }
  if (STOPPED_EARLY.has(f.status)) {
    flags.push({
      code: 'stopped-early',
      severity: 'info',
      message: `stopped early (${f.status}): the objective is the best found, not proven optimal`,
    });
  }
  const known = f.knownObjective;
  const bracket = f.isMip ? mipBracket(f.objective, f.mipDualBound ?? null) : null;
  if (known != null && f.objective !== null && f.status === 'optimal') {
    const diff = relativeDifference(f.objective, known);
    if (objectiveMatches(f.objective, known)) {
      flags.push({
        code: 'objective-matches',
        severity: 'ok',
        message: `matches the known objective ${known} (relative difference ${diff.toExponential(1)})`,
      });
      verified = true;
    } else if (bracket && inBracket(known, bracket)) {
      flags.push({
        code: 'objective-within-gap',
        severity: 'ok',
        message: `the known objective ${known} lies between the objective ${f.objective} and the dual bound ${f.mipDualBound} (relative difference ${diff.toExponential(2)}, within the MIP gap HiGHS reports)`,
      });
      verified = true;
    } else {
      flags.push({
        code: 'objective-mismatch',
        severity: 'error',
        message: bracket
          ? `objective ${f.objective} differs from the known ${known} (relative difference ${diff.toExponential(2)}) and the known value lies outside [${bracket[0]}, ${bracket[1]}], the interval between the objective and the dual bound`
          : `objective ${f.objective} differs from the known ${known} (relative difference ${diff.toExponential(2)} > ${OBJECTIVE_REL_TOL})`,
      });
      wrong = true;
    }
  } else if (
    known != null &&
    f.objective !== null &&
    bracket &&
    STOPPED_EARLY.has(f.status) &&
    !inBracket(known, bracket)
  ) {
    // A MIP stopped early has an incumbent and a bound; the optimum must lie between them.
    flags.push({
      code: 'objective-outside-bounds',
      severity: 'error',
      message: `the known objective ${known} lies outside [${bracket[0]}, ${bracket[1]}], the interval between the incumbent and the dual bound: one of them is wrong`,
    });
    wrong = true;
  }
  const verdict: Verdict = wrong ? 'wrong' : suspect ? 'suspect' : verified ? 'verified' : 'ok';
  return { verdict, flags };
}

/** The interval [low, high] between a MIP's objective and dual bound, or null when either is unknown. */
export function mipBracket(objective: number | null, dualBound: number | null): [number, number] | null {
  if (objective === null || dualBound === null || !Number.isFinite(objective) || !Number.isFinite(dualBound))
    return null;
  return objective <= dualBound ? [objective, dualBound] : [dualBound, objective];
}

/** Does a known optimum lie in the bracket, allowing the objective tolerance at both ends? */
export function inBracket(known: number, [low, high]: [number, number], tol = OBJECTIVE_REL_TOL): boolean {
  const slack = tol * Math.max(1, Math.abs(known));
  return known >= low - slack && known <= high + slack;
}
