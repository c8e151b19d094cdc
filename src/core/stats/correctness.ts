// Do the answers agree? Per model, every answer (one per option set, seed and distinct result) is compared
// with every other and with the model's known objective; each disagreement is listed with who said what.
// A listed disagreement does not change solved counts: the run's verdict decides those.
import type { BenchmarkModel, BenchmarkRun } from '../benchmark';
import { STOPPED_EARLY, type RunStatus } from '../model-status';
import { OBJECTIVE_REL_TOL, inBracket, mipBracket, relativeDifference } from '../result-check';

/** At most this many disagreements are listed (the rest are counted in `omitted`), so a summary stays small. */
export const MAX_LISTED_DISAGREEMENTS = 1000;

/** What one option set said about one problem (runs with the same result merged over repetitions). */
export interface Answer {
  optionSetId: string;
  seed: number;
  /** The repetitions that gave exactly this result, ascending. */
  repetitions: number[];
  status: RunStatus;
  objective: number | null;
  mipDualBound: number | null;
}

/** What kind of contradiction: two objectives, two statuses (e.g. optimal vs infeasible), or an answer vs the known optimum. */
export type DisagreementKind = 'objective' | 'status' | 'known-objective';

/** One contradiction between two answers, or between an answer and the model's known objective. */
export interface Disagreement {
  modelId: string;
  modelName: string;
  kind: DisagreementKind;
  a: Answer;
  /** The other answer; null for a 'known-objective' disagreement. */
  b: Answer | null;
  knownObjective: number | null;
  /** Relative difference of the two objectives (a's vs b's or the known one), when both exist. */
  relativeDifference: number | null;
  message: string;
}

/** The correctness part of a summary. */
export interface CorrectnessSummary {
  /** The relative tolerance used (OBJECTIVE_REL_TOL). */
  tolerance: number;
  /** True when no disagreement was found. */
  consistent: boolean;
  /** Answers compared (after merging identical repetitions). */
  answers: number;
  /** Disagreements, by model (in the listed order), then option set and seed; at most MAX_LISTED_DISAGREEMENTS. */
  disagreements: Disagreement[];
  /** Disagreements found beyond the listed ones. */
  omitted: number;
}

type AnswerKind = 'value' | 'bracket' | 'infeasible' | 'unbounded' | 'unbounded-or-infeasible';

/**
 * What a run asserts, or null when it asserts nothing. 'optimal' with a finite objective: a value. A MIP
 * stopped early (time limit etc.) with a finite incumbent and dual bound: the optimum lies in between. The
 * statuses infeasible, unbounded, unbounded-or-infeasible: that status. Runs with an error or verdict
 * 'failed', LPs stopped early and anything else assert nothing.
 */
function answerKind(run: BenchmarkRun, isMip: boolean): AnswerKind | null {
  if (run.error !== null || run.verdict === 'failed' || run.status === null) return null;
  const finite = (x: number | null): x is number => x !== null && Number.isFinite(x);
  if (run.status === 'optimal') return finite(run.objective) ? 'value' : null;
  if (run.status === 'infeasible' || run.status === 'unbounded' || run.status === 'unbounded-or-infeasible')
    return run.status;
  if (isMip && STOPPED_EARLY.has(run.status) && finite(run.objective) && finite(run.mipDualBound)) return 'bracket';
  return null;
}

/** The interval an answer with an objective claims for the optimum: its MIP bracket, or the objective itself. */
function interval(a: Answer, isMip: boolean): [number, number] {
  const o = a.objective!;
  return (isMip ? mipBracket(o, a.mipDualBound) : null) ?? [o, o];
}

/**
 * Could both answers be right? Objectives within the relative tolerance, or for a MIP overlapping intervals
 * (the optimum lies in both, within the tolerance); statuses must be compatible.
 */
function agree(a: Answer, ka: AnswerKind, b: Answer, kb: AnswerKind, isMip: boolean, tol: number): boolean {
  const hasObjective = (k: AnswerKind) => k === 'value' || k === 'bracket';
  if (hasObjective(ka) && hasObjective(kb)) {
    if (relativeDifference(a.objective!, b.objective!) <= tol) return true;
    if (!isMip) return false;
    const ia = interval(a, isMip);
    const ib = interval(b, isMip);
    return inBracket(ia[0], ib, tol) || inBracket(ib[0], ia, tol);
  }
  // A finite objective (with, for a bracket, a finite dual bound) contradicts every infeasible/unbounded status.
  if (hasObjective(ka) || hasObjective(kb)) return false;
  if (ka === 'unbounded-or-infeasible' || kb === 'unbounded-or-infeasible') return true;
  return ka === kb;
}

/** Is an answer consistent with the model's known optimum (which implies feasible and bounded)? */
function agreesWithKnown(a: Answer, k: AnswerKind, known: number, isMip: boolean, tol: number): boolean {
  if (k === 'value' && relativeDifference(a.objective!, known) <= tol) return true;
  if (k === 'value' || k === 'bracket') {
    const bracket = isMip ? mipBracket(a.objective, a.mipDualBound) : null;
    return bracket !== null && inBracket(known, bracket, tol);
  }
  return false;
}

const fmt = (x: number | null) => (x === null ? 'none' : String(x));
const who = (a: Answer) => `${a.optionSetId} seed ${a.seed}`;
const said = (a: Answer) => (a.objective !== null ? `objective ${fmt(a.objective)}` : a.status);

// Checks every model's answers against each other (every pair, across option sets, seeds and differing
// repetitions) and against its knownObjective, with OBJECTIVE_REL_TOL; for MIPs two answers also agree when
// the intervals between objective and dual bound overlap, and a known optimum when it lies in the interval.
/** Lists every disagreement between answers of a model, and with its known objective. */
export function checkCorrectness(
  models: readonly BenchmarkModel[],
  optionSetIds: readonly string[],
  runs: readonly BenchmarkRun[],
  tol = OBJECTIVE_REL_TOL,
): CorrectnessSummary {
  const modelById = new Map(models.map((m) => [m.id, m]));
  const setOrder = new Map(optionSetIds.map((id, i) => [id, i]));
  // model id → answer key → answer
  const byModel = new Map<string, Map<string, { answer: Answer; kind: AnswerKind }>>();
  for (const run of runs) {
    const model = modelById.get(run.modelId);
    if (!model || !setOrder.has(run.optionSetId)) continue;
    const kind = answerKind(run, model.integers > 0);
    if (kind === null) continue;
    const bound = kind === 'bracket' || (kind === 'value' && model.integers > 0) ? run.mipDualBound : null;
    const objective = kind === 'value' || kind === 'bracket' ? run.objective : null;
    const key = JSON.stringify([run.optionSetId, run.seed, run.status, objective, bound]);
    let answers = byModel.get(run.modelId);
    if (!answers) byModel.set(run.modelId, (answers = new Map()));
    const found = answers.get(key);
    if (found) found.answer.repetitions.push(run.repetition);
    else {
      const answer: Answer = {
        optionSetId: run.optionSetId,
        seed: run.seed,
        repetitions: [run.repetition],
        status: run.status!,
        objective,
        mipDualBound: bound,
      };
      answers.set(key, { answer, kind });
    }
  }

  const disagreements: Disagreement[] = [];
  let found = 0;
  let answerCount = 0;
  const add = (d: Disagreement) => {
    found++;
    if (disagreements.length < MAX_LISTED_DISAGREEMENTS) disagreements.push(d);
  };
  const visited = new Set<string>();
  for (const model of models) {
    const answers = byModel.get(model.id);
    if (!answers || visited.has(model.id)) continue;
    visited.add(model.id);
    const isMip = model.integers > 0;
    const list = [...answers.values()];
    for (const { answer } of list) answer.repetitions.sort((x, y) => x - y);
    list.sort(
      (x, y) =>
        setOrder.get(x.answer.optionSetId)! - setOrder.get(y.answer.optionSetId)! ||
        x.answer.seed - y.answer.seed ||
        x.answer.repetitions[0] - y.answer.repetitions[0],
    );
    answerCount += list.length;
    const base = { modelId: model.id, modelName: model.name, knownObjective: model.knownObjective };
    const known = model.knownObjective;
    if (known !== null) {
      for (const { answer: a, kind } of list) {
        if (agreesWithKnown(a, kind, known, isMip, tol)) continue;
        const rd = a.objective !== null ? relativeDifference(a.objective, known) : null;
        add({
          ...base,
          kind: 'known-objective',
          a,
          b: null,
          relativeDifference: rd,
          message: `${who(a)}: ${said(a)} contradicts the known objective ${known}${rd !== null ? ` (relative difference ${rd.toExponential(2)})` : ''}`,
        });
      }
    }
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const { answer: a, kind: ka } = list[i];
        const { answer: b, kind: kb } = list[j];
        if (agree(a, ka, b, kb, isMip, tol)) continue;
        const both = a.objective !== null && b.objective !== null;
        const rd = both ? relativeDifference(a.objective!, b.objective!) : null;
        add({
          ...base,
          kind: both ? 'objective' : 'status',
          a,
          b,
          relativeDifference: rd,
          message: `${who(a)}: ${said(a)}; ${who(b)}: ${said(b)}${rd !== null ? ` (relative difference ${rd.toExponential(2)})` : ''}`,
        });
      }
    }
  }
  return {
    tolerance: tol,
    consistent: found === 0,
    answers: answerCount,
    disagreements,
    omitted: found - disagreements.length,
  };
}
