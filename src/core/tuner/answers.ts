// Did a candidate change the answer? Every run is checked against the baseline's run on the same block: the
// solver must not fail, the status must be the same (when neither stopped early), the evaluator's
// feasibility verdict must not turn false, and the objectives must agree — for MIPs within the gap, i.e. the
// intervals between objective and dual bound (mipBracket) must meet, which is exactly "one's objective lies
// in the other's bracket" (inBracket); without a bracket, within the relative objective tolerance. A
// candidate that fails any of these is quarantined at once by the race, with this evidence.
import { FAILED, STOPPED_EARLY, type RunStatus } from '../model-status';
import { formatOptionValue } from '../options-schema';
import { inBracket, mipBracket, OBJECTIVE_REL_TOL, relativeDifference } from '../result-check';
import type { TunerRun } from './types';

/** The facts of a run the answer check looks at. */
export type AnswerFacts = Pick<TunerRun, 'status' | 'objective' | 'dualBound' | 'feasible' | 'error'>;

/** Why a candidate's answer differs from the baseline's. */
export type AnswerIssue = 'failed' | 'status' | 'objective' | 'infeasible';

/** The check's outcome: null when the answers agree (or cannot be compared), else what differs and how. */
export interface AnswerDifference {
  issue: AnswerIssue;
  message: string;
}

const failed = (f: AnswerFacts) => !!f.error || FAILED.has(f.status);
const finite = (x: number | null): x is number => x !== null && Number.isFinite(x);
const num = (x: number | null) => (x === null ? 'none' : formatOptionValue(Number(x.toPrecision(10))));
const solved = (s: RunStatus) => s === 'optimal' || STOPPED_EARLY.has(s);

/** A run in a few words: status, objective and bound. */
export function describeAnswer(f: AnswerFacts): string {
  if (f.error) return `failed (${f.error})`;
  const bound = f.dualBound !== null ? `, bound ${num(f.dualBound)}` : '';
  const feas = f.feasible === false ? ', solution infeasible' : '';
  return `${f.status}, objective ${num(f.objective)}${bound}${feas}`;
}

/** Compares a candidate's answer with the baseline's on the same block (see the top of this file). */
export function compareAnswers(base: AnswerFacts, cand: AnswerFacts, tol = OBJECTIVE_REL_TOL): AnswerDifference | null {
  if (failed(base)) return null;
  const both = `baseline ${describeAnswer(base)}; candidate ${describeAnswer(cand)}`;
  if (failed(cand)) return { issue: 'failed', message: `the solver failed with these options: ${both}` };
  if (cand.feasible === false && base.feasible !== false)
    return { issue: 'infeasible', message: `the candidate's solution is infeasible: ${both}` };
  const early = STOPPED_EARLY.has(base.status) || STOPPED_EARLY.has(cand.status);
  if (!early && base.status !== cand.status) return { issue: 'status', message: `the status changed: ${both}` };
  if (!solved(base.status) || !solved(cand.status) || !finite(base.objective) || !finite(cand.objective)) return null;
  const bBase = mipBracket(base.objective, base.dualBound);
  const bCand = mipBracket(cand.objective, cand.dualBound);
  if (bBase || bCand) {
    const meet =
      (bBase !== null && inBracket(cand.objective, bBase, tol)) ||
      (bCand !== null && inBracket(base.objective, bCand, tol));
    // A run stopped early without a bracket proves nothing about the optimum; only brackets can disagree.
    if (meet || (early && (!bBase || !bCand))) return null;
    if (!bBase || !bCand) {
      if (
        base.status === 'optimal' &&
        cand.status === 'optimal' &&
        relativeDifference(cand.objective, base.objective) <= tol
      )
        return null;
    }
    return {
      issue: 'objective',
      message: `the objective lies outside the gap: ${both} (the intervals between objective and bound do not meet)`,
    };
  }
  if (early) return null;
  const diff = relativeDifference(cand.objective, base.objective);
  return diff <= tol
    ? null
    : {
        issue: 'objective',
        message: `the objective changed: ${both} (relative difference ${diff.toExponential(2)} > ${tol})`,
      };
}
