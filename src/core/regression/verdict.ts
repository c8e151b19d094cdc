// Checks a later benchmark (or an imported report's benchmark) of a template against the template's
// baseline, per model and per template, on three signals: work counters (exact for a fixed seed, the same
// options and the same solver version), wall time (core/decision's one rule, decideTime, over the runs of the
// common seeds; shifted geometric means beside it) and correctness (objective, status, feasibility). The
// counters decide only when the candidate ran the baseline's options on the baseline's solver version;
// otherwise time decides and the counters are evidence. A verdict never contradicts the time ratio beside it.
// The rules that turn the signals into a verdict are listed at decideModel and checkAgainstBaseline, and in
// the README.
import { COUNTER_NAMES, SOLVED_STATUSES, type BenchmarkData, type BenchmarkRun, type CounterName } from '../benchmark';
import { optionSetKey } from '../compare/matching';
import { decideTime, type TimeDecision, type TimedRun } from '../decision';
import { STOPPED_EARLY, type RunStatus } from '../model-status';
import type { OptionValues } from '../options-schema';
import { inBracket, mipBracket, OBJECTIVE_REL_TOL, relativeDifference } from '../result-check';
import { bootstrapSpeedup, DEFAULT_BOOTSTRAP, pairedTerms, type PairedModelTerms } from '../stats/bootstrap';
import { median } from '../stats/descriptive';
import { chargedTimeMs, isSolvedRun } from '../stats/problems';
import { DEFAULT_COUNTER_SHIFTS, DEFAULT_SHIFT_MS, shiftedGeometricMean } from '../stats/sgm';
import { comparableForCounters } from '../stats/variability';
import { assertThresholdPct, type Baseline } from './baseline';

/** The verdicts of a check, most serious first. */
export const REGRESSION_VERDICTS = ['wrong', 'regressed', 'inconclusive', 'improved', 'unchanged'] as const;

/** The verdict on a model or a template. */
export type RegressionVerdict = (typeof REGRESSION_VERDICTS)[number];

/** The label of an `unchanged` verdict whose time difference decideTime calls noise (same options and solver, identical work). */
export const NOISE_LABEL = 'likely machine noise';

/** The parameters of a check; every one has a default. */
export interface CheckParameters {
  /** Regression threshold, percent; defaults to the baseline's (the template's). Also the decision rule's practical threshold. */
  thresholdPct: number;
  /** Significance level of the decision rule's intervals (0.05: 95 %). */
  alpha: number;
  /** Shift of the time SGM, ms. */
  shiftMs: number;
  /** Shifts that keep tiny counters (0 → 3 iterations) from counting as huge relative changes. */
  counterShifts: Record<CounterName, number>;
  /** The template-wide bootstrap interval of the SGM ratio. */
  bootstrap: { seed: number; resamples: number };
  /** Relative tolerance of an objective change. */
  objectiveTolerance: number;
  /** Largest bound or row violation of a feasible solution. */
  feasibilityTolerance: number;
}

/** The defaults of a check (thresholdPct comes from the baseline). */
export const DEFAULT_CHECK_PARAMETERS: Omit<CheckParameters, 'thresholdPct'> = {
  alpha: 0.05,
  shiftMs: DEFAULT_SHIFT_MS,
  counterShifts: { ...DEFAULT_COUNTER_SHIFTS },
  bootstrap: { ...DEFAULT_BOOTSTRAP },
  objectiveTolerance: OBJECTIVE_REL_TOL,
  feasibilityTolerance: 1e-6,
};

/** The benchmark checked against a baseline: its data, the option set chosen, and the solver version it ran on. */
export interface CandidateInput {
  data: BenchmarkData;
  optionSetId: string;
  solverVersion: string;
}

/** One work counter of one seed that differs between baseline and candidate (medians over repetitions). */
export interface CounterChange {
  seed: number;
  counter: CounterName;
  baseline: number;
  candidate: number;
  /** (candidate − baseline) ÷ baseline, exactly; null when the baseline is 0 (and the candidate is not). */
  relativeChange: number | null;
  /** (candidate + shift) ÷ (baseline + shift) − 1 with the counter's shift: what the threshold is applied to. */
  shiftedChange: number;
}

/** The wall-time evidence of one model: candidate ÷ baseline, by core/decision's rule. */
export interface TimeEvidence {
  /** Shifted geometric means of the problems' times (median over repetitions, unsolved charged the limit), ms. */
  baselineSgmMs: number;
  candidateSgmMs: number;
  /** The decision's ratio (Hodges–Lehmann, or the ratio of medians without an interval; above 1: slower); null without times. */
  ratio: number | null;
  /** The decision's 95 % interval of the ratio; null when the runs are too few for one (or it is noise). */
  ci95: [number, number] | null;
  /** The decision's two-sided p (Mann–Whitney or signed-rank); null without an interval. */
  p: number | null;
  /** Runs (all repetitions of the common seeds) on each side. */
  samples: { baseline: number; candidate: number };
  /** What decideTime concluded about these runs: its call, label and why. */
  decision: TimeDecision;
}

/** A correctness finding for one seed of one model. */
export interface CorrectnessIssue {
  seed: number;
  kind: 'objective-changed' | 'status-changed' | 'infeasible-solution' | 'wrong-answer';
  side: 'baseline' | 'candidate' | 'both';
  message: string;
}

/** The verdict on one model present on both sides. */
export interface ModelVerdict {
  modelId: string;
  modelName: string;
  verdict: RegressionVerdict;
  /** NOISE_LABEL or null. */
  label: string | null;
  /** Human-readable evidence, most important first. */
  reasons: string[];
  seeds: { common: number[]; baselineOnly: number[]; candidateOnly: number[] };
  /** Every counter that differs on a common seed; countersCompared says how many (seed, counter) pairs were compared. */
  counterChanges: CounterChange[];
  countersCompared: number;
  /** The counters decide: the baseline's options, the baseline's solver version, and some counter compared. */
  countersComparable: boolean;
  time: TimeEvidence | null;
  correctness: CorrectnessIssue[];
  /** Seeds solved in the baseline but not in the candidate, and the reverse. */
  becameUnsolved: number[];
  becameSolved: number[];
}

/** A model of one side that the other side lacks. */
export interface MissingModel {
  modelId: string;
  modelName: string;
  /** The side that lacks it. */
  missingFrom: 'baseline' | 'candidate';
}

/** An option set as a check names it: its name and the canonical text of its options (random_seed aside). */
export interface CheckedOptionSet {
  name: string;
  key: string;
}

/** The result of checking a candidate benchmark against a baseline. */
export interface RegressionCheck {
  baselineId: string;
  template: string;
  candidateBenchmarkId: string;
  candidateBenchmarkName: string;
  candidateOptionSetId: string;
  /** The baseline's option set and the candidate's chosen one. */
  optionSets: { baseline: CheckedOptionSet; candidate: CheckedOptionSet };
  /** The candidate ran the baseline's options (random_seed aside). */
  sameOptions: boolean;
  solverVersions: { baseline: string; candidate: string };
  sameSolverVersion: boolean;
  thresholdPct: number;
  verdict: RegressionVerdict;
  label: string | null;
  reasons: string[];
  /**
   * Template-wide wall time: ratio of SGMs over every common problem with its bootstrap interval over models
   * (what the verdict must not contradict, and the history draws), and decideTime over all the common runs.
   */
  time: { ratio: number; ci95: [number, number]; models: number; decision: TimeDecision } | null;
  models: ModelVerdict[];
  missing: MissingModel[];
}

/** The check's parameters: defaults, the baseline's threshold, then what was given; throws RangeError on a bad value. */
export function resolveCheckParameters(baseline: Baseline, given: Partial<CheckParameters> = {}): CheckParameters {
  const p: CheckParameters = {
    ...DEFAULT_CHECK_PARAMETERS,
    thresholdPct: baseline.thresholdPct,
    ...given,
    counterShifts: { ...DEFAULT_CHECK_PARAMETERS.counterShifts, ...given.counterShifts },
    bootstrap: { ...DEFAULT_CHECK_PARAMETERS.bootstrap, ...given.bootstrap },
  };
  assertThresholdPct(p.thresholdPct);
  if (!(p.alpha > 0 && p.alpha < 1)) throw new RangeError(`alpha must lie in (0, 1), got ${p.alpha}`);
  const nonNegative: [string, number][] = [
    ['shiftMs', p.shiftMs],
    ['objectiveTolerance', p.objectiveTolerance],
    ['feasibilityTolerance', p.feasibilityTolerance],
    ...COUNTER_NAMES.map((n): [string, number] => [`counterShifts.${n}`, p.counterShifts[n]]),
  ];
  for (const [name, v] of nonNegative) {
    if (!Number.isFinite(v) || v < 0) throw new RangeError(`${name} must be a finite number ≥ 0, got ${v}`);
  }
  if (!Number.isInteger(p.bootstrap.seed))
    throw new RangeError(`bootstrap.seed must be an integer, got ${p.bootstrap.seed}`);
  if (!Number.isInteger(p.bootstrap.resamples) || p.bootstrap.resamples < 1)
    throw new RangeError(`bootstrap.resamples must be a whole number ≥ 1, got ${p.bootstrap.resamples}`);
  return p;
}

/** The canonical text of options with random_seed left out (benchmarks set it per run): equal exactly when the options are. */
export function checkedOptionsKey(options: OptionValues): string {
  return optionSetKey(Object.fromEntries(Object.entries(options).filter(([name]) => name !== 'random_seed')));
}

/** A verdict that would contradict the time ratio beside it: regressed beside a ratio below 1, improved beside one above 1. */
export function contradictsRatio(verdict: RegressionVerdict, ratio: number | null): boolean {
  if (ratio === null || !Number.isFinite(ratio)) return false;
  return (verdict === 'regressed' && ratio < 1) || (verdict === 'improved' && ratio > 1);
}

const pct = (x: number) => `${x >= 0 ? '+' : '−'}${Math.abs(x * 100).toFixed(1)} %`;
const num = (x: number) => String(Number(x.toPrecision(6)));
const ratioText = (r: number) => `×${r.toFixed(2)}`;

/** Runs grouped by model id → seed (repetitions in run order). */
function groupRuns(runs: readonly BenchmarkRun[], keep: (r: BenchmarkRun) => boolean) {
  const out = new Map<string, Map<number, BenchmarkRun[]>>();
  for (const r of runs) {
    if (!keep(r)) continue;
    let bySeed = out.get(r.modelId);
    if (!bySeed) out.set(r.modelId, (bySeed = new Map()));
    let list = bySeed.get(r.seed);
    if (!list) bySeed.set(r.seed, (list = []));
    list.push(r);
  }
  return out;
}

/** Median of each counter over the repetitions (null when no repetition has a finite value). */
function counterMedians(runs: readonly BenchmarkRun[]): Record<CounterName, number | null> {
  const out = {} as Record<CounterName, number | null>;
  for (const name of COUNTER_NAMES) {
    const values = runs.map((r) => r.counters?.[name]).filter((v): v is number => Number.isFinite(v));
    out[name] = median(values);
  }
  return out;
}

/** Solved when more than half the repetitions are (the stats' rule for a problem). */
const solvedProblem = (runs: readonly BenchmarkRun[]) => runs.filter(isSolvedRun).length * 2 > runs.length;

/** The lowest-repetition run matching a test, or undefined. */
function firstRun(runs: readonly BenchmarkRun[], test: (r: BenchmarkRun) => boolean): BenchmarkRun | undefined {
  let best: BenchmarkRun | undefined;
  for (const r of runs) if (test(r) && (best === undefined || r.repetition < best.repetition)) best = r;
  return best;
}

/** What a run asserts about the optimum: a point (optimal), an interval (a MIP's objective and dual bound), or nothing. */
function objectiveClaim(run: BenchmarkRun, isMip: boolean): [number, number] | null {
  if (run.error !== null || run.verdict === 'failed' || run.objective === null || !Number.isFinite(run.objective))
    return null;
  if (run.status === 'optimal')
    return (isMip ? mipBracket(run.objective, run.mipDualBound) : null) ?? [run.objective, run.objective];
  if (isMip && run.status !== null && STOPPED_EARLY.has(run.status)) return mipBracket(run.objective, run.mipDualBound);
  return null;
}

/** Two proved statuses that can both be right: "unbounded or infeasible" against either of the two. */
function compatibleStatuses(x: RunStatus, y: RunStatus): boolean {
  const vague = (s: RunStatus) => s === 'unbounded-or-infeasible';
  const specific = (s: RunStatus) => s === 'infeasible' || s === 'unbounded';
  return (vague(x) && specific(y)) || (vague(y) && specific(x));
}

// Correctness of one common seed: objectives (relative tolerance; for a MIP, a change is no change when the
// intervals [objective, dual bound] of the two sides overlap — the optimum can lie in both), proved statuses
// that contradict each other, any repetition with an infeasible solution, any repetition with the verdict
// 'wrong'; on either side, since a wrong baseline vouches for nothing.
/** The correctness issues of one seed of one model. */
function correctnessOf(
  seed: number,
  base: readonly BenchmarkRun[],
  cand: readonly BenchmarkRun[],
  isMip: boolean,
  p: CheckParameters,
): { issues: CorrectnessIssue[]; notes: string[] } {
  const issues: CorrectnessIssue[] = [];
  const notes: string[] = [];
  const claimRun = (runs: readonly BenchmarkRun[]) => firstRun(runs, (r) => objectiveClaim(r, isMip) !== null);
  const rb = claimRun(base);
  const rc = claimRun(cand);
  if (rb && rc) {
    const cb = objectiveClaim(rb, isMip)!;
    const cc = objectiveClaim(rc, isMip)!;
    const rd = relativeDifference(rc.objective!, rb.objective!);
    const overlap = inBracket(cb[0], cc, p.objectiveTolerance) || inBracket(cc[0], cb, p.objectiveTolerance);
    if (rd > p.objectiveTolerance && !(isMip && overlap)) {
      const gaps = isMip
        ? `; the intervals [${cb[0]}, ${cb[1]}] and [${cc[0]}, ${cc[1]}] between objective and dual bound do not overlap`
        : '';
      issues.push({
        seed,
        kind: 'objective-changed',
        side: 'candidate',
        message: `seed ${seed}: the objective changed from ${rb.objective} to ${rc.objective} (relative difference ${rd.toExponential(2)} > ${p.objectiveTolerance})${gaps}`,
      });
    } else if (rd > p.objectiveTolerance) {
      notes.push(
        `seed ${seed}: the objective moved from ${rb.objective} to ${rc.objective}, within the MIP gap of both sides (not a change)`,
      );
    }
  }
  const statusRun = (runs: readonly BenchmarkRun[]) => firstRun(runs, (r) => r.status !== null && r.error === null);
  const sb = statusRun(base)?.status ?? null;
  const sc = statusRun(cand)?.status ?? null;
  if (sb !== null && sc !== null && sb !== sc && SOLVED_STATUSES.includes(sb) && SOLVED_STATUSES.includes(sc)) {
    if (compatibleStatuses(sb, sc)) notes.push(`seed ${seed}: the status changed from ${sb} to ${sc} (compatible)`);
    else
      issues.push({
        seed,
        kind: 'status-changed',
        side: 'candidate',
        message: `seed ${seed}: the status changed from ${sb} to ${sc}, which contradict each other`,
      });
  }
  const sides: ['baseline' | 'candidate', readonly BenchmarkRun[]][] = [
    ['baseline', base],
    ['candidate', cand],
  ];
  for (const [side, runs] of sides) {
    const bad = firstRun(
      runs,
      (r) => (r.maxBoundViolation ?? 0) > p.feasibilityTolerance || (r.maxRowViolation ?? 0) > p.feasibilityTolerance,
    );
    if (bad) {
      issues.push({
        seed,
        kind: 'infeasible-solution',
        side,
        message: `seed ${seed}: the ${side}'s solution (repetition ${bad.repetition}) is infeasible (bound violation ${bad.maxBoundViolation ?? 'none'}, row violation ${bad.maxRowViolation ?? 'none'} > ${p.feasibilityTolerance})`,
      });
    }
    const wrong = runs.filter((r) => r.verdict === 'wrong');
    if (wrong.length > 0) {
      issues.push({
        seed,
        kind: 'wrong-answer',
        side,
        message: `seed ${seed}: ${wrong.length} of ${runs.length} ${side} repetitions have the verdict 'wrong'`,
      });
    }
  }
  return { issues, notes };
}

// What the decision rule sees of a run: its charged time (the one every SGM here uses), its model and seed to
// pair it by, and its work counters when they speak for the work (a run that ended on its own with an answer;
// one stopped by the time limit or an error stopped at a wall-clock-dependent point).
/** One benchmark run as core/decision's rule sees it, for every check of benchmark runs (regressions, validation). */
export function benchmarkTimedRun(run: BenchmarkRun, timeLimitMs: number): TimedRun {
  return {
    timeMs: chargedTimeMs(run, timeLimitMs),
    model: run.modelId,
    seed: run.seed,
    counters: comparableForCounters(run) ? { ...run.counters } : null,
  };
}

/** What is known about the two sides of a check beyond their runs. */
interface CheckContext {
  sameOptions: boolean;
  sameVersion: boolean;
  versions: { baseline: string; candidate: string };
  optionSets: { baseline: CheckedOptionSet; candidate: CheckedOptionSet };
}

/** The wall-time evidence of one model over its common seeds: SGMs, and decideTime over the runs. */
function timeEvidence(
  seeds: readonly number[],
  base: Map<number, BenchmarkRun[]>,
  cand: Map<number, BenchmarkRun[]>,
  limits: { baseline: number; candidate: number },
  ctx: CheckContext,
  p: CheckParameters,
): TimeEvidence {
  const baseRuns = seeds.flatMap((s) => base.get(s)!);
  const candRuns = seeds.flatMap((s) => cand.get(s)!);
  const problemMedian = (runs: readonly BenchmarkRun[], limit: number) =>
    median(runs.map((r) => chargedTimeMs(r, limit)))!;
  const baseSgm = shiftedGeometricMean(
    seeds.map((s) => problemMedian(base.get(s)!, limits.baseline)),
    p.shiftMs,
  )!;
  const candSgm = shiftedGeometricMean(
    seeds.map((s) => problemMedian(cand.get(s)!, limits.candidate)),
    p.shiftMs,
  )!;
  const decision = decideTime(
    baseRuns.map((r) => benchmarkTimedRun(r, limits.baseline)),
    candRuns.map((r) => benchmarkTimedRun(r, limits.candidate)),
    { sameOptions: ctx.sameOptions, sameSolver: ctx.sameVersion },
    { thresholdPct: p.thresholdPct, alpha: p.alpha },
  );
  return {
    baselineSgmMs: baseSgm,
    candidateSgmMs: candSgm,
    ratio: decision.ratio,
    ci95: decision.ci95,
    p: decision.p,
    samples: { baseline: baseRuns.length, candidate: candRuns.length },
    decision,
  };
}

/** The time evidence as one line of text: the ratio, the SGMs, and the rule's label and why (interval, n, p). */
function timeText(e: TimeEvidence): string {
  const ratio = e.ratio === null ? 'n/a' : ratioText(e.ratio);
  return `wall time ${ratio} (${num(e.baselineSgmMs)} → ${num(e.candidateSgmMs)} ms SGM), ${e.decision.label}: ${e.decision.why}`;
}

/** Why the counters do not decide, in words; null when they do. */
function countersSilent(ctx: CheckContext, countersCompared: number): string | null {
  if (!ctx.sameOptions)
    return `the candidate's options ("${ctx.optionSets.candidate.name}") are not the baseline's ("${ctx.optionSets.baseline.name}")`;
  if (!ctx.sameVersion) return `the solver version changed (${ctx.versions.baseline} → ${ctx.versions.candidate})`;
  return countersCompared === 0 ? 'no work counter to compare' : null;
}

// The rules, in order (the first that applies decides); t is the template's threshold:
// 1. wrong — any correctness issue on a common seed: an objective changed beyond the tolerance (for a MIP,
//    unless the two [objective, dual bound] intervals overlap), proved statuses that contradict each other, an
//    infeasible solution (bound or row violation > 1e-6) or a repetition with the verdict 'wrong', on either side.
// 2. The counters decide only with the baseline's options (random_seed aside) and solver version (and some
//    counter compared). Then: regressed when a work counter (median over repetitions of a common seed) rose by
//    at least t (shifted change, see CounterChange), improved when one fell by at least t and none rose.
//    Otherwise time decides, by decideTime over the runs of the common seeds with t as its practical
//    threshold: regressed when it says `slower`, improved when `faster`; the counters are evidence only.
// 3. Either way, a seed solved in the baseline and not in the candidate regresses, the reverse improves.
// 4. Never against the time ratio: a regression beside a ratio below 1, or an improvement beside one above 1,
//    is inconclusive, in words ("more work, less time: …").
// 5. inconclusive — no seed in common; or, when time decides, decideTime says `unclear` or `too-few` (with how
//    many more runs it needs).
// 6. unchanged — otherwise; labelled NOISE_LABEL when decideTime calls the time difference noise (the same
//    options, the same solver and identical work counters). When the counters decide and none moved by t while
//    decideTime calls the time slower or faster, the verdict stays unchanged and says so, without the label.
/** The verdict on one model from its evidence (see the rules above). */
function decideModel(
  v: Omit<ModelVerdict, 'verdict' | 'label' | 'reasons'>,
  notes: string[],
  ctx: CheckContext,
  p: CheckParameters,
): Pick<ModelVerdict, 'verdict' | 'label' | 'reasons'> {
  const t = p.thresholdPct / 100;
  const time = v.time;
  const d = time?.decision ?? null;
  const ratio = time?.ratio ?? null;
  const decide = v.countersComparable;
  const silent = countersSilent(ctx, v.countersCompared);
  const setting = `with the baseline's options and solver version (${ctx.versions.baseline})`;
  const describeCounter = (c: CounterChange) =>
    `${c.counter} ${c.shiftedChange > 0 ? 'rose' : 'fell'} from ${c.baseline} to ${c.candidate} on seed ${c.seed} (${c.relativeChange === null ? 'from 0' : pct(c.relativeChange)})`;
  const rises = v.counterChanges.filter((c) => c.shiftedChange >= t);
  const falls = v.counterChanges.filter((c) => c.shiftedChange <= -t);
  const work = rises.length > 0 && falls.length === 0 ? 'more' : falls.length > 0 && rises.length === 0 ? 'less' : null;
  // The largest move of the counters in the direction they took, as "rose 30.0 % (simplexIterations on seed 1)".
  const workText = () => {
    const moved = work === 'more' ? rises : falls;
    const top = moved.reduce((a, b) => (Math.abs(b.shiftedChange) > Math.abs(a.shiftedChange) ? b : a));
    const size = top.relativeChange === null ? 'from 0' : `${Math.abs(top.relativeChange * 100).toFixed(1)} %`;
    return `the counters ${work === 'more' ? 'rose' : 'fell'} ${size} (${top.counter} on seed ${top.seed}${moved.length > 1 ? `, the largest of ${moved.length} changes` : ''})`;
  };
  // Counters and time pointing opposite ways.
  const opposite = (work === 'more' && ratio !== null && ratio < 1) || (work === 'less' && ratio !== null && ratio > 1);
  const oppositeWords = work === 'more' ? 'more work, less time' : 'less work, more time';

  if (v.correctness.length > 0) {
    const reasons = v.correctness.map((c) => c.message);
    if (time) reasons.push(timeText(time));
    return { verdict: 'wrong', label: null, reasons: [...reasons, ...notes] };
  }

  const regressions: string[] = [];
  const improvements: string[] = [];
  if (decide) {
    for (const c of rises)
      regressions.push(`${describeCounter(c)}: at or above the ${p.thresholdPct} % threshold ${setting}`);
    if (rises.length === 0)
      for (const c of falls)
        improvements.push(`${describeCounter(c)}: at or beyond the ${p.thresholdPct} % threshold ${setting}`);
  }
  for (const s of v.becameUnsolved) regressions.push(`seed ${s}: solved in the baseline, not solved in the candidate`);
  for (const s of v.becameSolved) improvements.push(`seed ${s}: not solved in the baseline, solved in the candidate`);
  const timeDecides = !decide && time !== null;
  if (timeDecides && d?.call === 'slower')
    regressions.push(`${timeText(time)} — time decides, since ${silent ?? 'the counters cannot'}`);
  if (timeDecides && d?.call === 'faster')
    improvements.push(`${timeText(time)} — time decides, since ${silent ?? 'the counters cannot'}`);
  const timeInReasons = timeDecides && (d?.call === 'slower' || d?.call === 'faster');

  const evidence = (): string[] => {
    const out: string[] = [];
    if (!decide && work !== null)
      out.push(
        `${opposite ? `${oppositeWords}: ` : ''}${workText()} but stand for time only with the baseline's options and solver version, and ${silent ?? 'they cannot here'}`,
      );
    for (const c of v.counterChanges) {
      if (decide && (rises.includes(c) || falls.includes(c))) continue;
      out.push(`${describeCounter(c)}${decide ? ', below the threshold' : ', evidence only'}`);
    }
    if (decide && v.counterChanges.length === 0)
      out.push(`work counters identical on ${v.countersCompared} (seed, counter) pairs`);
    if (time && !timeInReasons) out.push(timeText(time));
    return [...out, ...notes];
  };

  if (regressions.length > 0) {
    if (contradictsRatio('regressed', ratio)) {
      const words = rises.length > 0 && decide ? 'more work, less time' : 'fewer solved, yet less time';
      return {
        verdict: 'inconclusive',
        label: null,
        reasons: [`${words}: ${regressions.join('; ')}; but ${timeText(time!)}`, ...evidence()],
      };
    }
    return { verdict: 'regressed', label: null, reasons: [...regressions, ...evidence()] };
  }
  if (improvements.length > 0) {
    if (contradictsRatio('improved', ratio)) {
      const words = falls.length > 0 && decide ? 'less work, more time' : 'more solved, yet more time';
      return {
        verdict: 'inconclusive',
        label: null,
        reasons: [`${words}: ${improvements.join('; ')}; but ${timeText(time!)}`, ...evidence()],
      };
    }
    return { verdict: 'improved', label: null, reasons: [...improvements, ...evidence()] };
  }

  if (v.seeds.common.length === 0 || !time || !d)
    return {
      verdict: 'inconclusive',
      label: null,
      reasons: ['no seed in common between baseline and candidate', ...evidence()],
    };
  if (d.call === 'noise')
    return { verdict: 'unchanged', label: NOISE_LABEL, reasons: [`${NOISE_LABEL}: ${d.why}`, ...evidence()] };
  if (decide) {
    if (d.real === true)
      return {
        verdict: 'unchanged',
        label: null,
        reasons: [
          `the work counters decide ${setting}, and none moved by the ${p.thresholdPct} % threshold; wall time ${ratioText(ratio!)} is ${d.label} by the decision rule, work the counters do not count (or the machine)`,
          ...evidence(),
        ],
      };
    return { verdict: 'unchanged', label: null, reasons: evidence() };
  }
  if (d.call === 'unclear' || d.call === 'too-few')
    return {
      verdict: 'inconclusive',
      label: null,
      reasons: [
        `${opposite ? `${oppositeWords}: ` : ''}wall time ${ratio === null ? 'n/a' : ratioText(ratio)} ${d.label}, and the counters cannot decide: ${silent ?? 'no work counter to compare'}`,
        ...evidence(),
      ],
    };
  return { verdict: 'unchanged', label: null, reasons: evidence() };
}

// The template's verdict: wrong if any model is wrong; else regressed if any model regressed; else improved if
// any improved; else inconclusive if any is inconclusive or no model is on both sides; else unchanged (with
// the noise label when any model carries it). checkAgainstBaseline then applies rule 4 of decideModel to the
// template: a regressed or improved template whose time ratio says the opposite is inconclusive.
/** The verdict of a template from its models' verdicts. */
export function templateVerdict(verdicts: readonly RegressionVerdict[]): RegressionVerdict {
  if (verdicts.includes('wrong')) return 'wrong';
  if (verdicts.includes('regressed')) return 'regressed';
  if (verdicts.includes('improved')) return 'improved';
  if (verdicts.length === 0 || verdicts.includes('inconclusive')) return 'inconclusive';
  return 'unchanged';
}

/** Checks a candidate benchmark of the baseline's template against the baseline, per model and per template. */
export function checkAgainstBaseline(
  baseline: Baseline,
  candidate: CandidateInput,
  params: Partial<CheckParameters> = {},
): RegressionCheck {
  const p = resolveCheckParameters(baseline, params);
  const { data } = candidate;
  const set = data.optionSets.find((s) => s.id === candidate.optionSetId);
  if (!set) throw new Error(`benchmark "${data.name}" has no option set "${candidate.optionSetId}"`);
  const versions = { baseline: baseline.solver.version, candidate: candidate.solverVersion };
  const sameVersion = versions.baseline === versions.candidate;
  const optionSets = {
    baseline: { name: baseline.optionSet.name, key: checkedOptionsKey(baseline.optionSet.options) },
    candidate: { name: set.name, key: checkedOptionsKey(set.options) },
  };
  const sameOptions = optionSets.baseline.key === optionSets.candidate.key;
  const ctx: CheckContext = { sameOptions, sameVersion, versions, optionSets };

  const baseIds = new Set(baseline.models.map((m) => m.id));
  const baseRuns = groupRuns(baseline.runs, (r) => baseIds.has(r.modelId));
  const candModels = data.models.filter((m) => baseIds.has(m.id) || m.template === baseline.template);
  const candIds = new Set(candModels.map((m) => m.id));
  const candRuns = groupRuns(data.runs, (r) => r.optionSetId === candidate.optionSetId && candIds.has(r.modelId));
  const limits = { baseline: baseline.config.timeLimitMs, candidate: data.config.timeLimitMs };

  const missing: MissingModel[] = [];
  const models: ModelVerdict[] = [];
  const templateTerms: PairedModelTerms[] = [];
  const templateRuns: { baseline: TimedRun[]; candidate: TimedRun[] } = { baseline: [], candidate: [] };
  for (const m of baseline.models) {
    const base = baseRuns.get(m.id);
    const cand = candRuns.get(m.id);
    if (!base) continue;
    if (!cand) {
      missing.push({ modelId: m.id, modelName: m.name, missingFrom: 'candidate' });
      continue;
    }
    const isMip = m.integers > 0;
    const common = [...base.keys()].filter((s) => cand.has(s)).sort((a, b) => a - b);
    const seeds = {
      common,
      baselineOnly: [...base.keys()].filter((s) => !cand.has(s)).sort((a, b) => a - b),
      candidateOnly: [...cand.keys()].filter((s) => !base.has(s)).sort((a, b) => a - b),
    };
    const correctness: CorrectnessIssue[] = [];
    const notes: string[] = [];
    const counterChanges: CounterChange[] = [];
    const becameUnsolved: number[] = [];
    const becameSolved: number[] = [];
    let countersCompared = 0;
    for (const seed of common) {
      const b = base.get(seed)!;
      const c = cand.get(seed)!;
      const found = correctnessOf(seed, b, c, isMip, p);
      correctness.push(...found.issues);
      notes.push(...found.notes);
      const bs = solvedProblem(b);
      const cs = solvedProblem(c);
      if (bs && !cs) becameUnsolved.push(seed);
      if (!bs && cs) becameSolved.push(seed);
      const mb = counterMedians(b);
      const mc = counterMedians(c);
      for (const name of COUNTER_NAMES) {
        const vb = mb[name];
        const vc = mc[name];
        if (vb === null || vc === null) continue;
        countersCompared++;
        if (vb === vc) continue;
        const shift = p.counterShifts[name];
        counterChanges.push({
          seed,
          counter: name,
          baseline: vb,
          candidate: vc,
          relativeChange: vb === 0 ? null : (vc - vb) / vb,
          // Only with a shift of 0 and a baseline of 0 is there nothing to divide by: counted as +100 %.
          shiftedChange: vb + shift === 0 ? 1 : (vc + shift) / (vb + shift) - 1,
        });
      }
      templateRuns.baseline.push(...b.map((r) => benchmarkTimedRun(r, limits.baseline)));
      templateRuns.candidate.push(...c.map((r) => benchmarkTimedRun(r, limits.candidate)));
    }
    if (seeds.baselineOnly.length > 0)
      notes.push(`seeds only in the baseline (not compared): ${seeds.baselineOnly.join(', ')}`);
    if (seeds.candidateOnly.length > 0)
      notes.push(`seeds only in the candidate (not compared): ${seeds.candidateOnly.join(', ')}`);
    const time = common.length > 0 ? timeEvidence(common, base, cand, limits, ctx, p) : null;
    if (common.length > 0) {
      templateTerms.push(
        pairedTerms(
          common.map((s) => median(cand.get(s)!.map((r) => chargedTimeMs(r, limits.candidate)))!),
          common.map((s) => median(base.get(s)!.map((r) => chargedTimeMs(r, limits.baseline)))!),
          p.shiftMs,
        ),
      );
    }
    const evidence = {
      modelId: m.id,
      modelName: m.name,
      seeds,
      counterChanges,
      countersCompared,
      countersComparable: sameOptions && sameVersion && countersCompared > 0,
      time,
      correctness,
      becameUnsolved,
      becameSolved,
    };
    models.push({ ...evidence, ...decideModel(evidence, notes, ctx, p) });
  }
  for (const m of candModels) {
    if (!baseIds.has(m.id) && candRuns.has(m.id))
      missing.push({ modelId: m.id, modelName: m.name, missingFrom: 'baseline' });
  }

  // bootstrapSpeedup computes ref ÷ set: the candidate is passed as "ref", so the ratio is candidate ÷ baseline.
  const speed = bootstrapSpeedup(templateTerms, p.shiftMs, p.bootstrap);
  const time = speed
    ? {
        ratio: speed.ratio,
        ci95: speed.ci95,
        models: templateTerms.length,
        decision: decideTime(
          templateRuns.baseline,
          templateRuns.candidate,
          { sameOptions, sameSolver: sameVersion },
          { thresholdPct: p.thresholdPct, alpha: p.alpha },
        ),
      }
    : null;
  const fromModels = templateVerdict(models.map((m) => m.verdict));
  const verdict = contradictsRatio(fromModels, time?.ratio ?? null) ? 'inconclusive' : fromModels;
  const label = verdict === 'unchanged' && models.some((m) => m.label === NOISE_LABEL) ? NOISE_LABEL : null;

  const reasons: string[] = [];
  const count = (v: RegressionVerdict) => models.filter((m) => m.verdict === v).length;
  if (verdict !== fromModels && time) {
    const n = count(fromModels);
    reasons.push(
      `${fromModels === 'regressed' ? 'more work or fewer solved, less time' : 'less work or more solved, more time'}: ${n} model${n === 1 ? '' : 's'} ${fromModels}, but the template's wall time is ${ratioText(time.ratio)} (${fromModels === 'regressed' ? 'faster' : 'slower'} overall), so the check is inconclusive`,
    );
  }
  if (models.length === 0) reasons.push('no model of the baseline has runs in the candidate');
  const tally = REGRESSION_VERDICTS.filter((v) => count(v) > 0).map((v) => `${count(v)} ${v}`);
  if (tally.length > 0) reasons.push(`${models.length} models compared: ${tally.join(', ')}`);
  for (const m of models) {
    if (m.verdict !== 'unchanged' || m.label) reasons.push(`${m.modelName}: ${m.verdict} — ${m.reasons[0] ?? ''}`);
  }
  if (time)
    reasons.push(
      `template wall time ${ratioText(time.ratio)} (95 % CI ${time.ci95[0].toFixed(2)}–${time.ci95[1].toFixed(2)}, bootstrap over ${time.models} models); over all common runs ${time.decision.label}: ${time.decision.why}`,
    );
  for (const x of missing)
    reasons.push(
      x.missingFrom === 'candidate'
        ? `${x.modelName}: in the baseline, missing from the candidate`
        : `${x.modelName}: in the candidate, not in the baseline (not compared)`,
    );
  if (!sameOptions)
    reasons.push(
      `options differ: "${optionSets.candidate.name}" against the baseline's "${optionSets.baseline.name}", so the work counters are evidence and wall time decides`,
    );
  if (!sameVersion) reasons.push(`solver version changed: ${versions.baseline} → ${versions.candidate}`);

  return {
    baselineId: baseline.id,
    template: baseline.template,
    candidateBenchmarkId: data.id,
    candidateBenchmarkName: data.name,
    candidateOptionSetId: candidate.optionSetId,
    optionSets,
    sameOptions,
    solverVersions: versions,
    sameSolverVersion: sameVersion,
    thresholdPct: p.thresholdPct,
    verdict,
    label,
    reasons,
    time,
    models,
    missing,
  };
}
