// Checks a later benchmark (or an imported report's benchmark) of a template against the template's
// baseline, per model and per template, on three signals: work counters (exact for a fixed seed and solver
// version), wall time (shifted geometric means, a bootstrap interval and a rank test) and correctness
// (objective, status, feasibility). The rules that turn them into a verdict are listed at decideModel and
// templateVerdict, and in the README.
import { COUNTER_NAMES, SOLVED_STATUSES, type BenchmarkData, type BenchmarkRun, type CounterName } from '../benchmark';
import { STOPPED_EARLY, type RunStatus } from '../model-status';
import { inBracket, mipBracket, OBJECTIVE_REL_TOL, relativeDifference } from '../result-check';
import { bootstrapSpeedup, DEFAULT_BOOTSTRAP, pairedTerms, type PairedModelTerms } from '../stats/bootstrap';
import { median } from '../stats/descriptive';
import { chargedTimeMs, isSolvedRun } from '../stats/problems';
import { DEFAULT_COUNTER_SHIFTS, DEFAULT_SHIFT_MS, sgmFromLogSum, shiftedGeometricMean } from '../stats/sgm';
import { mulberry32 } from '../warmup-model';
import { assertThresholdPct, type Baseline } from './baseline';
import { mannWhitneyU, type MannWhitneyResult } from './mann-whitney';

/** The verdicts of a check, most serious first. */
export const REGRESSION_VERDICTS = ['wrong', 'regressed', 'inconclusive', 'improved', 'unchanged'] as const;

/** The verdict on a model or a template. */
export type RegressionVerdict = (typeof REGRESSION_VERDICTS)[number];

/** The label of an `unchanged` verdict whose wall time moved while the work counters (same solver) did not. */
export const NOISE_LABEL = 'likely machine noise';

/** The parameters of a check; every one has a default. */
export interface CheckParameters {
  /** Regression threshold, percent; defaults to the baseline's (the template's). */
  thresholdPct: number;
  /** Significance level of the Mann–Whitney test. */
  alpha: number;
  /** Samples (runs) each side needs for the time signal to count. */
  minSamples: number;
  /** Shift of the time SGM, ms. */
  shiftMs: number;
  /** Shifts that keep tiny counters (0 → 3 iterations) from counting as huge relative changes. */
  counterShifts: Record<CounterName, number>;
  bootstrap: { seed: number; resamples: number };
  /** Relative tolerance of an objective change. */
  objectiveTolerance: number;
  /** Largest bound or row violation of a feasible solution. */
  feasibilityTolerance: number;
}

// α = 0.05 and 4 samples: with 4 against 4 the smallest exact two-sided p is 2/70 ≈ 0.029 < 0.05, so the
// rank test can call a difference at all; with 3 against 3 it could not (2/20 = 0.1).
/** The defaults of a check (thresholdPct comes from the baseline). */
export const DEFAULT_CHECK_PARAMETERS: Omit<CheckParameters, 'thresholdPct'> = {
  alpha: 0.05,
  minSamples: 4,
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

/** Where a time ratio lies against the threshold band [1 − t, 1 + t]. */
export type TimeCall = 'slower' | 'faster' | 'within' | 'straddles';

/** The wall-time evidence: candidate ÷ baseline. */
export interface TimeEvidence {
  /** Shifted geometric means of the problems' times (median over repetitions, unsolved charged the limit), ms. */
  baselineSgmMs: number;
  candidateSgmMs: number;
  /** Candidate SGM ÷ baseline SGM (above 1: slower); null when the baseline's SGM is 0 and the candidate's not. */
  ratio: number | null;
  /** 95 % bootstrap interval of the ratio; null without a ratio or with too few samples (fewer than minSamples runs a side). */
  ci95: [number, number] | null;
  /** The interval (the point ratio when samples are too few) against the threshold band. */
  call: TimeCall | null;
  /** Runs (all repetitions of the common seeds) on each side. */
  samples: { baseline: number; candidate: number };
  /** The rank test across repetitions and seeds; null when a side has fewer than minSamples runs. */
  mannWhitney: MannWhitneyResult | null;
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
  /** Counters set verdicts only with the same solver version (and some counter compared). */
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

/** The result of checking a candidate benchmark against a baseline. */
export interface RegressionCheck {
  baselineId: string;
  template: string;
  candidateBenchmarkId: string;
  candidateBenchmarkName: string;
  candidateOptionSetId: string;
  solverVersions: { baseline: string; candidate: string };
  sameSolverVersion: boolean;
  thresholdPct: number;
  verdict: RegressionVerdict;
  label: string | null;
  reasons: string[];
  /** Template-wide wall time: ratio of SGMs over every common problem, bootstrap interval over models. */
  time: { ratio: number; ci95: [number, number]; models: number } | null;
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
  if (!Number.isInteger(p.minSamples) || p.minSamples < 1)
    throw new RangeError(`minSamples must be a whole number ≥ 1, got ${p.minSamples}`);
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

// The interval of the candidate ÷ baseline SGM ratio of one model: each resample redraws, for every common seed
// and on each side independently, that seed's repetitions with replacement (the seeds are kept, the noise
// between repetitions is what is resampled), takes their median, and recomputes the ratio of SGMs.
/** The seeded 95 % bootstrap interval of one model's time ratio, resampling repetitions within each seed. */
function modelTimeCi(
  base: readonly number[][],
  cand: readonly number[][],
  shift: number,
  options: { seed: number; resamples: number },
): [number, number] | null {
  const rnd = mulberry32(options.seed);
  const redrawMedian = (xs: readonly number[], buf: number[]) => {
    buf.length = 0;
    for (let i = 0; i < xs.length; i++) buf.push(xs[Math.floor(rnd() * xs.length)]);
    return median(buf)!;
  };
  const buf: number[] = [];
  const ratios: number[] = [];
  for (let r = 0; r < options.resamples; r++) {
    let baseLog = 0;
    let candLog = 0;
    for (let i = 0; i < base.length; i++) {
      baseLog += Math.log(redrawMedian(base[i], buf) + shift);
      candLog += Math.log(redrawMedian(cand[i], buf) + shift);
    }
    const x = safeRatio(sgmFromLogSum(candLog, base.length, shift)!, sgmFromLogSum(baseLog, base.length, shift)!);
    if (x !== null) ratios.push(x);
  }
  if (ratios.length === 0) return null;
  ratios.sort((a, b) => a - b);
  const q = (p: number) => {
    const h = (ratios.length - 1) * p;
    const lo = Math.floor(h);
    return ratios[lo] + (h - lo) * (ratios[Math.min(ratios.length - 1, lo + 1)] - ratios[lo]);
  };
  return [q(0.025), q(0.975)];
}

/** candidate ÷ baseline: 1 when both are 0, null when only the baseline is 0 or the ratio is not finite. */
function safeRatio(candidate: number, baseline: number): number | null {
  if (baseline === 0) return candidate === 0 ? 1 : null;
  const r = candidate / baseline;
  return Number.isFinite(r) ? r : null;
}

/** Where an interval lies against the threshold band [1 − t, 1 + t]. */
export function timeCall([lo, hi]: readonly [number, number], t: number): TimeCall {
  if (lo > 1 + t) return 'slower';
  if (hi < 1 - t) return 'faster';
  if (lo >= 1 - t && hi <= 1 + t) return 'within';
  return 'straddles';
}

/** The wall-time evidence of one model over its common seeds. */
function timeEvidence(
  seeds: readonly number[],
  base: Map<number, BenchmarkRun[]>,
  cand: Map<number, BenchmarkRun[]>,
  limits: { baseline: number; candidate: number },
  p: CheckParameters,
): TimeEvidence {
  const t = p.thresholdPct / 100;
  const basePer = seeds.map((s) => base.get(s)!.map((r) => chargedTimeMs(r, limits.baseline)));
  const candPer = seeds.map((s) => cand.get(s)!.map((r) => chargedTimeMs(r, limits.candidate)));
  const baseSgm = shiftedGeometricMean(
    basePer.map((xs) => median(xs)!),
    p.shiftMs,
  )!;
  const candSgm = shiftedGeometricMean(
    candPer.map((xs) => median(xs)!),
    p.shiftMs,
  )!;
  const ratio = safeRatio(candSgm, baseSgm);
  const baseAll = basePer.flat();
  const candAll = candPer.flat();
  const enough = baseAll.length >= p.minSamples && candAll.length >= p.minSamples;
  const ci95 = ratio === null ? null : enough ? modelTimeCi(basePer, candPer, p.shiftMs, p.bootstrap) : null;
  const interval: [number, number] | null = ci95 ?? (ratio === null ? null : [ratio, ratio]);
  return {
    baselineSgmMs: baseSgm,
    candidateSgmMs: candSgm,
    ratio,
    ci95,
    call: interval ? timeCall(interval, t) : null,
    samples: { baseline: baseAll.length, candidate: candAll.length },
    mannWhitney: enough ? mannWhitneyU(candAll, baseAll) : null,
  };
}

/** The time evidence as one line of text. */
function timeText(e: TimeEvidence): string {
  if (e.ratio === null) return `wall time: the baseline's SGM is 0 ms and the candidate's ${num(e.candidateSgmMs)} ms`;
  const ci = e.ci95 ? ` (95 % CI ${e.ci95[0].toFixed(2)}–${e.ci95[1].toFixed(2)})` : '';
  const mw = e.mannWhitney
    ? `, Mann–Whitney p = ${e.mannWhitney.p.toPrecision(2)} (${e.mannWhitney.method}, ${e.samples.candidate} vs ${e.samples.baseline} runs)`
    : `, too few samples for a rank test (${e.samples.candidate} vs ${e.samples.baseline} runs)`;
  return `wall time ${ratioText(e.ratio)} (${num(e.baselineSgmMs)} → ${num(e.candidateSgmMs)} ms SGM)${ci}${mw}`;
}

// The rules, in order (the first that applies decides):
// 1. wrong — any correctness issue on a common seed: an objective changed beyond the tolerance (for a MIP,
//    unless the two [objective, dual bound] intervals overlap), proved statuses that contradict each other, an
//    infeasible solution (bound or row violation > 1e-6) or a repetition with the verdict 'wrong', on either side.
// 2. regressed — with the same solver version, a work counter (median over repetitions of a common seed)
//    rose by at least the threshold (shifted change, see CounterChange); or a seed solved in the baseline is
//    not solved in the candidate; or, with different solver versions, the time interval lies wholly above
//    1 + threshold and the Mann–Whitney p < α (both sides need minSamples runs).
// 3. improved — the mirror image, when nothing regressed: a counter fell by at least the threshold (same
//    version), a seed became solved, or (different versions) the interval lies wholly below 1 − threshold with p < α.
// 4. With the same solver version the counters speak for the work done: a wall-time change they do not show
//    is `unchanged` with the label NOISE_LABEL, never regressed or improved by time alone.
// 5. inconclusive — counters not comparable (different solver versions, or no seed in common) and the time
//    cannot call it: too few samples, an interval straddling the band's edge, or p ≥ α.
// 6. unchanged — otherwise.
/** The verdict on one model from its evidence (see the rules above). */
function decideModel(
  v: Omit<ModelVerdict, 'verdict' | 'label' | 'reasons'>,
  notes: string[],
  sameVersion: boolean,
  versions: { baseline: string; candidate: string },
  p: CheckParameters,
): Pick<ModelVerdict, 'verdict' | 'label' | 'reasons'> {
  const t = p.thresholdPct / 100;
  const reasons: string[] = [];
  const time = v.time;
  const significant = !!time?.mannWhitney && time.mannWhitney.p < p.alpha;
  const ratioBeyond = time?.ratio != null && (time.ratio >= 1 + t || time.ratio <= 1 - t);
  const describeCounter = (c: CounterChange) =>
    `${c.counter} ${c.shiftedChange > 0 ? 'rose' : 'fell'} from ${c.baseline} to ${c.candidate} on seed ${c.seed} (${c.relativeChange === null ? 'from 0' : pct(c.relativeChange)})`;
  const counterUp = v.countersComparable ? v.counterChanges.filter((c) => c.shiftedChange >= t) : [];
  const counterDown = v.countersComparable ? v.counterChanges.filter((c) => c.shiftedChange <= -t) : [];
  const versionText = sameVersion
    ? `the same solver version (${versions.baseline})`
    : `solver ${versions.baseline} → ${versions.candidate}`;

  if (v.correctness.length > 0) {
    reasons.push(...v.correctness.map((c) => c.message));
    if (time) reasons.push(timeText(time));
    return { verdict: 'wrong', label: null, reasons: [...reasons, ...notes] };
  }

  const regressions: string[] = [];
  for (const c of counterUp)
    regressions.push(`${describeCounter(c)}: at or above the ${p.thresholdPct} % threshold with ${versionText}`);
  for (const s of v.becameUnsolved) regressions.push(`seed ${s}: solved in the baseline, not solved in the candidate`);
  const timeSlower = !sameVersion && time?.call === 'slower' && significant;
  if (timeSlower)
    regressions.push(
      `${timeText(time)}: slower beyond the ${p.thresholdPct} % threshold with ${versionText}, and significant`,
    );

  const improvements: string[] = [];
  for (const c of counterDown)
    improvements.push(`${describeCounter(c)}: at or beyond the ${p.thresholdPct} % threshold with ${versionText}`);
  for (const s of v.becameSolved) improvements.push(`seed ${s}: not solved in the baseline, solved in the candidate`);
  const timeFaster = !sameVersion && time?.call === 'faster' && significant;
  if (timeFaster)
    improvements.push(
      `${timeText(time)}: faster beyond the ${p.thresholdPct} % threshold with ${versionText}, and significant`,
    );

  const smallCounters = v.counterChanges
    .filter((c) => !counterUp.includes(c) && !counterDown.includes(c))
    .map(
      (c) =>
        `${describeCounter(c)}${v.countersComparable ? ', below the threshold' : `, not comparable across ${versionText}`}`,
    );
  const evidence = (): string[] => {
    const out = [...smallCounters];
    if (v.countersComparable && v.counterChanges.length === 0)
      out.push(`work counters identical on ${v.countersCompared} (seed, counter) pairs`);
    if (time && !timeSlower && !timeFaster) out.push(timeText(time));
    return [...out, ...notes];
  };

  if (regressions.length > 0) return { verdict: 'regressed', label: null, reasons: [...regressions, ...evidence()] };
  if (improvements.length > 0) return { verdict: 'improved', label: null, reasons: [...improvements, ...evidence()] };

  if (v.seeds.common.length === 0)
    return {
      verdict: 'inconclusive',
      label: null,
      reasons: ['no seed in common between baseline and candidate', ...evidence()],
    };
  if (v.countersComparable) {
    if (ratioBeyond) {
      return {
        verdict: 'unchanged',
        label: NOISE_LABEL,
        reasons: [
          `${NOISE_LABEL}: wall time ${ratioText(time!.ratio!)} but the work counters, with ${versionText}, do not show it`,
          ...evidence(),
        ],
      };
    }
    return { verdict: 'unchanged', label: null, reasons: evidence() };
  }
  const why = !time?.mannWhitney
    ? `too few samples to judge wall time (each side needs ${p.minSamples} runs)`
    : time.call === 'straddles'
      ? `the wall-time interval straddles the edge of the ${p.thresholdPct} % band`
      : time.call === 'within'
        ? null
        : sameVersion
          ? `wall time moved beyond the ${p.thresholdPct} % band, but on the same solver version time alone never sets a verdict`
          : `the wall-time change is not significant (p ≥ ${p.alpha})`;
  if (why === null) return { verdict: 'unchanged', label: null, reasons: evidence() };
  const countersWhy = sameVersion ? 'no work counter to compare' : `counters are not comparable across ${versionText}`;
  return { verdict: 'inconclusive', label: null, reasons: [`${why}, and ${countersWhy}`, ...evidence()] };
}

// The template's verdict: wrong if any model is wrong; else regressed if any model regressed; else improved if
// any improved; else inconclusive if any is inconclusive or no model is on both sides; else unchanged (with
// the noise label when any model carries it).
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
  if (!data.optionSets.some((s) => s.id === candidate.optionSetId))
    throw new Error(`benchmark "${data.name}" has no option set "${candidate.optionSetId}"`);
  const versions = { baseline: baseline.solver.version, candidate: candidate.solverVersion };
  const sameVersion = versions.baseline === versions.candidate;

  const baseIds = new Set(baseline.models.map((m) => m.id));
  const baseRuns = groupRuns(baseline.runs, (r) => baseIds.has(r.modelId));
  const candModels = data.models.filter((m) => baseIds.has(m.id) || m.template === baseline.template);
  const candIds = new Set(candModels.map((m) => m.id));
  const candRuns = groupRuns(data.runs, (r) => r.optionSetId === candidate.optionSetId && candIds.has(r.modelId));
  const limits = { baseline: baseline.config.timeLimitMs, candidate: data.config.timeLimitMs };

  const missing: MissingModel[] = [];
  const models: ModelVerdict[] = [];
  const templateTerms: PairedModelTerms[] = [];
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
    }
    if (seeds.baselineOnly.length > 0)
      notes.push(`seeds only in the baseline (not compared): ${seeds.baselineOnly.join(', ')}`);
    if (seeds.candidateOnly.length > 0)
      notes.push(`seeds only in the candidate (not compared): ${seeds.candidateOnly.join(', ')}`);
    const time = common.length > 0 ? timeEvidence(common, base, cand, limits, p) : null;
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
      countersComparable: sameVersion && countersCompared > 0,
      time,
      correctness,
      becameUnsolved,
      becameSolved,
    };
    models.push({ ...evidence, ...decideModel(evidence, notes, sameVersion, versions, p) });
  }
  for (const m of candModels) {
    if (!baseIds.has(m.id) && candRuns.has(m.id))
      missing.push({ modelId: m.id, modelName: m.name, missingFrom: 'baseline' });
  }

  // bootstrapSpeedup computes ref ÷ set: the candidate is passed as "ref", so the ratio is candidate ÷ baseline.
  const speed = bootstrapSpeedup(templateTerms, p.shiftMs, p.bootstrap);
  const time = speed ? { ratio: speed.ratio, ci95: speed.ci95, models: templateTerms.length } : null;
  const verdict = templateVerdict(models.map((m) => m.verdict));
  const label = verdict === 'unchanged' && models.some((m) => m.label === NOISE_LABEL) ? NOISE_LABEL : null;

  const reasons: string[] = [];
  const count = (v: RegressionVerdict) => models.filter((m) => m.verdict === v).length;
  if (models.length === 0) reasons.push('no model of the baseline has runs in the candidate');
  const tally = REGRESSION_VERDICTS.filter((v) => count(v) > 0).map((v) => `${count(v)} ${v}`);
  if (tally.length > 0) reasons.push(`${models.length} models compared: ${tally.join(', ')}`);
  for (const m of models) {
    if (m.verdict !== 'unchanged' || m.label) reasons.push(`${m.modelName}: ${m.verdict} — ${m.reasons[0] ?? ''}`);
  }
  if (time)
    reasons.push(
      `template wall time ${ratioText(time.ratio)} (95 % CI ${time.ci95[0].toFixed(2)}–${time.ci95[1].toFixed(2)}, bootstrap over ${time.models} models)`,
    );
  for (const x of missing)
    reasons.push(
      x.missingFrom === 'candidate'
        ? `${x.modelName}: in the baseline, missing from the candidate`
        : `${x.modelName}: in the candidate, not in the baseline (not compared)`,
    );
  if (!sameVersion) reasons.push(`solver version changed: ${versions.baseline} → ${versions.candidate}`);

  return {
    baselineId: baseline.id,
    template: baseline.template,
    candidateBenchmarkId: data.id,
    candidateBenchmarkName: data.name,
    candidateOptionSetId: candidate.optionSetId,
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
