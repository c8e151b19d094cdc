// The one rule for "is this time difference real?" (DESIGN.md, "Telling a real difference from noise").
// Every label that says a difference is real — tuning deltas, Solve ×N against a pinned run, report
// comparison, regression verdicts, parameter validation, Decide and the tuner — calls decideTime and shows
// what it returns. In order:
// 1. Same options, same solver version and identical work counters (every run of every (model, seed) on both
//    sides did the same work): the time difference is machine noise (`noise`, real = false).
// 2. Pairs: runs are paired by (model, seed); a pair's side is the median of its repetitions' log times. With
//    at least MIN_PAIRS pairs the ratio is exp(Hodges–Lehmann estimate of the paired log ratios) with the
//    Wilcoxon signed-rank 95 % interval and p (`paired`). MIN_PAIRS = 12 is the smallest n whose interval
//    [W_(k), W_(M−k+1)] has k > n: one outlying pair moves n Walsh averages, so it cannot move an end.
// 3. Otherwise, when every run is of one model: the Hodges–Lehmann shift of the log times with its
//    Mann–Whitney interval and p (`unpaired`) — if the sample sizes admit a 95 % interval at all (4 against 4
//    is the smallest balanced case). Runs of several models are never pooled unpaired.
// 4. Too few runs for either (one run against one run, 3 against 3, …): `too-few`, real = null, with how many
//    more runs it needs.
// 5. With an interval, against the practical threshold δ (default 5 %) as the band [1/(1+δ), 1+δ]: wholly
//    above → `slower`, wholly below → `faster` (real = true); wholly inside → `equivalent` (real = false);
//    otherwise `unclear` (real = null) with an estimate of the runs needed to settle it. No min–max band:
//    one outlier moves a rank interval by one order statistic, never flips it.
import { median } from '../stats/descriptive';
import { hasUnpairedInterval, pairedShift, unpairedShift, type RankEstimate } from './ranks';

/** The default practical threshold, percent: smaller differences are not worth acting on. */
export const DEFAULT_PRACTICAL_PCT = 5;
/** The default significance level (95 % intervals). */
export const DEFAULT_ALPHA = 0.05;
/** Pairs needed for the paired interval to withstand one outlying pair (k = 14 > 12 at n = 12; see rule 2). */
export const MIN_PAIRS = 12;

/** One timed run as the rule sees it. */
export interface TimedRun {
  /** Wall time (a timed-out run charged its limit), ms. */
  timeMs: number;
  /** What pairs it with a run of the other side: the model (its id) and the HiGHS random_seed. */
  model: string;
  seed: number | null;
  /** Work counters; null when unknown (a failed run). */
  counters: Readonly<Record<string, number>> | null;
}

/** What is known about the two sides beyond their runs. */
export interface DecisionContext {
  /** The two sides ran the same options (random_seed aside). */
  sameOptions: boolean;
  /** The two sides ran the same solver version. */
  sameSolver: boolean;
}

/** The rule's settings. */
export interface DecisionSettings {
  /** Practical threshold δ, percent (> 0). */
  thresholdPct: number;
  alpha: number;
}

/** What the rule concluded about the time difference. */
export type TimeCall = 'slower' | 'faster' | 'equivalent' | 'noise' | 'unclear' | 'too-few';

/** The rule's answer: the label, the number it is about, and the evidence shown beside it. */
export interface TimeDecision {
  call: TimeCall;
  /** true: a real difference (slower, faster); false: none worth acting on (noise, equivalent); null: undetermined. */
  real: boolean | null;
  /** Candidate ÷ reference: the Hodges–Lehmann ratio, or the ratio of medians without an interval; null without times. */
  ratio: number | null;
  ci95: [number, number] | null;
  /** Two-sided p of the test behind the interval (signed-rank or Mann–Whitney); null without one. */
  p: number | null;
  n: { ref: number; cand: number; pairs: number };
  method: 'paired' | 'unpaired' | 'counters' | 'none';
  /** Runs per side still needed for a decision (an estimate for `unclear`); null when decided or unknowable. */
  moreRuns: number | null;
  thresholdPct: number;
  /** The label in a few words, e.g. "slower (real)", "undetermined: 3 more runs a side". */
  label: string;
  /** Why, with the interval, n and p. */
  why: string;
}

/** The settings with defaults; throws RangeError on a bad value. */
export function decisionSettings(given: Partial<DecisionSettings> = {}): DecisionSettings {
  const s = { thresholdPct: DEFAULT_PRACTICAL_PCT, alpha: DEFAULT_ALPHA, ...given };
  if (!(Number.isFinite(s.thresholdPct) && s.thresholdPct > 0 && s.thresholdPct < 100))
    throw new RangeError(`the practical threshold must be a percentage above 0 and below 100, got ${s.thresholdPct}`);
  if (!(s.alpha > 0 && s.alpha < 1)) throw new RangeError(`alpha must lie in (0, 1), got ${s.alpha}`);
  return s;
}

const keyOf = (r: TimedRun) => `${r.model}\u0000${r.seed ?? ''}`;

function groupByKey(runs: readonly TimedRun[]): Map<string, TimedRun[]> {
  const out = new Map<string, TimedRun[]>();
  for (const r of runs) {
    const k = keyOf(r);
    const list = out.get(k);
    if (list) list.push(r);
    else out.set(k, [r]);
  }
  return out;
}

function sameCounters(a: Readonly<Record<string, number>>, b: Readonly<Record<string, number>>): boolean {
  const names = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const n of names) if ((a[n] ?? 0) !== (b[n] ?? 0)) return false;
  return true;
}

// Identical means: both sides ran the same (model, seed) keys, every run has counters, and every run of a key,
// on either side, has the same counters as the key's first reference run.
/** Whether every run of both sides did the same work, key by key: 'identical', 'different' or 'unknown' (counters missing). */
export function counterIdentity(
  ref: readonly TimedRun[],
  cand: readonly TimedRun[],
): 'identical' | 'different' | 'unknown' {
  if (ref.length === 0 || cand.length === 0) return 'unknown';
  if ([...ref, ...cand].some((r) => r.counters === null)) return 'unknown';
  const a = groupByKey(ref);
  const b = groupByKey(cand);
  if (a.size !== b.size || [...a.keys()].some((k) => !b.has(k))) return 'different';
  for (const [k, runs] of a) {
    const first = runs[0].counters!;
    for (const r of [...runs, ...b.get(k)!]) if (!sameCounters(first, r.counters!)) return 'different';
  }
  return 'identical';
}

const fmt = (x: number) => String(Number(x.toPrecision(3)));
const ratioText = (r: number) => `×${fmt(r)}`;
const pText = (p: number) => (p < 0.001 ? 'p < 0.001' : `p = ${fmt(p)}`);
const ciText = (ci: [number, number]) => `95 % CI ${fmt(ci[0])}–${fmt(ci[1])}`;

function positiveTimes(runs: readonly TimedRun[]): TimedRun[] {
  return runs.filter((r) => Number.isFinite(r.timeMs) && r.timeMs > 0);
}

function medianRatio(ref: readonly TimedRun[], cand: readonly TimedRun[]): number | null {
  const a = median(ref.map((r) => r.timeMs));
  const b = median(cand.map((r) => r.timeMs));
  return a === null || b === null || !(a > 0) ? null : b / a;
}

/** The smallest e ≥ 1 such that e more runs on each side give an unpaired 95 % interval. */
function moreForUnpaired(n1: number, n2: number, alpha: number): number {
  for (let e = 1; e < 64; e++) if (hasUnpairedInterval(n1 + e, n2 + e, alpha)) return e;
  return 64;
}

// Runs needed to settle an unclear interval: the interval's half-width h (log scale) shrinks as 1/√n, and must
// fall below the estimate's distance d from the nearest band edge; n·(h/d)² in all, capped at 10,000.
function moreForUnclear(n: number, est: number, ci: [number, number], edge: number): number | null {
  const h = (Math.log(ci[1]) - Math.log(ci[0])) / 2;
  const d = Math.abs(Math.abs(est) - edge);
  if (!(d > 1e-9)) return null;
  const needed = n * (h / d) ** 2;
  return needed > 10_000 ? null : Math.max(1, Math.ceil(needed - n));
}

/** The one rule: is the candidate's time different from the reference's? See the rules at the top of this file. */
export function decideTime(
  refRuns: readonly TimedRun[],
  candRuns: readonly TimedRun[],
  context: DecisionContext,
  given: Partial<DecisionSettings> = {},
): TimeDecision {
  const s = decisionSettings(given);
  const ref = positiveTimes(refRuns);
  const cand = positiveTimes(candRuns);
  const a = groupByKey(ref);
  const b = groupByKey(cand);
  const keys = [...a.keys()].filter((k) => b.has(k));
  const n = { ref: ref.length, cand: cand.length, pairs: keys.length };
  const base = { n, thresholdPct: s.thresholdPct, p: null, ci95: null, moreRuns: null };
  const point = medianRatio(ref, cand);
  const oneModel = new Set([...ref, ...cand].map((r) => r.model)).size === 1;
  const nText = `${n.cand} against ${n.ref} runs`;

  if (ref.length === 0 || cand.length === 0)
    return {
      ...base,
      call: 'too-few',
      real: null,
      ratio: null,
      method: 'none',
      moreRuns: 1,
      label: 'undetermined: no time on one side',
      why: 'no timed run on one side',
    };

  if (context.sameOptions && context.sameSolver && counterIdentity(refRuns, candRuns) === 'identical')
    return {
      ...base,
      call: 'noise',
      real: false,
      ratio: point,
      method: 'counters',
      label: 'noise: identical work',
      why: `same options, same solver and identical work counters (${nText}): the time difference${point === null ? '' : ` (${ratioText(point)})`} is machine noise`,
    };

  let est: RankEstimate | null = null;
  let method: TimeDecision['method'] = 'none';
  if (keys.length >= MIN_PAIRS) {
    const logMedian = (runs: readonly TimedRun[]) => median(runs.map((r) => Math.log(r.timeMs)))!;
    est = pairedShift(
      keys.map((k) => logMedian(b.get(k)!) - logMedian(a.get(k)!)),
      s.alpha,
    );
    method = 'paired';
  } else if (oneModel) {
    const u = unpairedShift(
      ref.map((r) => Math.log(r.timeMs)),
      cand.map((r) => Math.log(r.timeMs)),
      s.alpha,
    );
    if (u?.ci) {
      est = u;
      method = 'unpaired';
    }
  }

  if (!est?.ci) {
    const more = oneModel ? moreForUnpaired(n.ref, n.cand, s.alpha) : MIN_PAIRS - keys.length;
    const what =
      n.ref === 1 && n.cand === 1
        ? 'one run against one run decides nothing about time'
        : oneModel
          ? `${nText} are too few for a 95 % interval`
          : `${keys.length} (model, seed) pairs are too few for a 95 % interval (runs of different models are only compared in pairs)`;
    return {
      ...base,
      call: 'too-few',
      real: null,
      ratio: point,
      method: 'none',
      moreRuns: more,
      label: oneModel
        ? `undetermined: ${more} more run${more === 1 ? '' : 's'} a side`
        : `undetermined: ${more} more pairs`,
      why: `${what}: it needs ${more} more ${oneModel ? `run${more === 1 ? '' : 's'} on each side` : '(model, seed) pairs'}, or Decide`,
    };
  }

  const ratio = Math.exp(est.estimate);
  const ci: [number, number] = [Math.exp(est.ci[0]), Math.exp(est.ci[1])];
  const hi = 1 + s.thresholdPct / 100;
  const lo = 1 / hi;
  const evidence = `${ratioText(ratio)}, ${ciText(ci)}, ${pText(est.p)}, ${method === 'paired' ? `${n.pairs} pairs` : nText}`;
  const decided = { ...base, ratio, ci95: ci, p: est.p, method };
  if (ci[0] > hi)
    return {
      ...decided,
      call: 'slower',
      real: true,
      label: 'slower (real)',
      why: `${evidence}: the interval lies above +${s.thresholdPct} %`,
    };
  if (ci[1] < lo)
    return {
      ...decided,
      call: 'faster',
      real: true,
      label: 'faster (real)',
      why: `${evidence}: the interval lies below −${fmt((1 - lo) * 100)} %`,
    };
  if (ci[0] >= lo && ci[1] <= hi)
    return {
      ...decided,
      call: 'equivalent',
      real: false,
      label: `within ±${s.thresholdPct} %`,
      why: `${evidence}: the interval lies within ±${s.thresholdPct} %, no difference worth acting on`,
    };
  const more = moreForUnclear(method === 'paired' ? n.pairs : Math.min(n.ref, n.cand), est.estimate, ci, Math.log(hi));
  const side = ci[0] > 1 || ci[1] < 1 ? 'excludes 1 but reaches' : 'includes 1 and reaches';
  return {
    ...decided,
    call: 'unclear',
    real: null,
    moreRuns: more,
    label:
      more === null
        ? 'undetermined: Decide'
        : `undetermined: ~${more} more ${method === 'paired' ? 'pairs' : 'runs a side'}`,
    why: `${evidence}: the interval ${side} across the ±${s.thresholdPct} % threshold; ${more === null ? 'Decide can settle it' : `about ${more} more ${method === 'paired' ? 'pairs' : 'runs on each side'} would settle it, or Decide`}`,
  };
}

/** The data-real attribute of a label: 'true', 'false' or 'unknown'. */
export function realAttribute(real: boolean | null): 'true' | 'false' | 'unknown' {
  return real === null ? 'unknown' : real ? 'true' : 'false';
}
