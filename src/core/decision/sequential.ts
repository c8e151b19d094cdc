// Decide: A/B until decided. The candidate and the reference run in interleaved pairs (A B, B A, …), and after
// every pair the rule looks again — so it needs an interval that stays valid however often it is looked at.
// A fixed-n interval recomputed after each pair would call a difference on A/A data far more often than 5 %.
//
// The interval is an always-valid confidence sequence for the median μ of the paired log ratios
// d = ln(t_cand) − ln(t_ref), built from signs (so one outlier counts as one sign, no more):
// for a hypothesised median m, the signs 1{d_i > m} are independent fair coins when m = μ, and the mixture
//   M_n(s) = 2^n · B(a + s, a + n − s) / B(a, a),   s = #{i ≤ n : d_i > m},
// (a Beta(a, a) mixture of likelihood ratios) is a nonnegative martingale with mean 1. By Ville's inequality
// P(∃ n : M_n ≥ 1/α) ≤ α, so the set of m with M_n(s(m)) < 1/α — an interval between two order statistics —
// covers μ at every n at once with probability ≥ 1 − α. Intersected over n it stays valid and only narrows.
// Decide stops when the interval lies above ln(1+δ) (slower), below −ln(1+δ) (faster) or inside both
// (equivalent), or when the budget is spent (undecided). On A/A data μ = 0, so faster or slower — which need
// an interval excluding 0 — are called in at most α of all decisions, however long it runs.

// a = 2: the interval is bounded from 9 pairs on (a = 1: 8, a = 8: 14); past ~30 pairs a barely matters.
/** The Beta mixture's parameter. */
export const MIXTURE_A = 2;

/** Settings of a Decide run. */
export interface SequentialSettings {
  /** The equivalence band ±δ, percent. */
  deltaPct: number;
  alpha: number;
  /** Budget: total solves (both sides) and seconds. */
  maxRuns: number;
  maxSeconds: number;
}

/** Decide's defaults. */
export const DEFAULT_SEQUENTIAL: SequentialSettings = { deltaPct: 5, alpha: 0.05, maxRuns: 200, maxSeconds: 120 };

/** How a Decide run ended. */
export type SequentialVerdict = 'faster' | 'slower' | 'equivalent' | 'undecided';

/** The state after some pairs. */
export interface SequentialState {
  pairs: number;
  /** exp(median of d): candidate ÷ reference; null before the first pair. */
  ratio: number | null;
  /** The confidence sequence as ratios; null while it is still unbounded. */
  interval: [number, number] | null;
  /** Set once the rule stops (undecided only when the budget is spent). */
  verdict: SequentialVerdict | null;
}

/** Throws RangeError on a bad setting. */
export function sequentialSettings(given: Partial<SequentialSettings> = {}): SequentialSettings {
  const s = { ...DEFAULT_SEQUENTIAL, ...given };
  if (!(Number.isFinite(s.deltaPct) && s.deltaPct > 0 && s.deltaPct < 100))
    throw new RangeError(`δ must be a percentage above 0 and below 100, got ${s.deltaPct}`);
  if (!(s.alpha > 0 && s.alpha < 1)) throw new RangeError(`alpha must lie in (0, 1), got ${s.alpha}`);
  if (!(Number.isInteger(s.maxRuns) && s.maxRuns >= 2))
    throw new RangeError(`the run budget must be a whole number ≥ 2, got ${s.maxRuns}`);
  if (!(s.maxSeconds > 0)) throw new RangeError(`the time budget must be above 0 s, got ${s.maxSeconds}`);
  return s;
}

// Lanczos (g = 7, 9 terms), |error| < 1e-13 for x > 0.5: ample for a threshold on a log-likelihood ratio.
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];
/** ln Γ(x) for x > 0. */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  const z = x - 1;
  let sum = LANCZOS[0];
  for (let i = 1; i < 9; i++) sum += LANCZOS[i] / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

const logBeta = (x: number, y: number) => logGamma(x) + logGamma(y) - logGamma(x + y);

/** ln M_n(s): the mixture martingale of n signs with s above the hypothesised median. */
export function logMixture(n: number, s: number, a = MIXTURE_A): number {
  return n * Math.LN2 + logBeta(a + s, a + n - s) - logBeta(a, a);
}

/** The smallest s whose mixture stays below 1/α (the acceptance region is s ∈ [sLo, n − sLo]); 0: unbounded. */
export function acceptanceLow(n: number, alpha: number, a = MIXTURE_A): number {
  const bound = Math.log(1 / alpha);
  let s = 0;
  while (s <= n / 2 && logMixture(n, s, a) >= bound) s++;
  return s;
}

/** The confidence sequence, pair by pair: push each log ratio, read the interval (log scale) at any time. */
export class ConfidenceSequence {
  private readonly sorted: number[] = [];
  private lo = -Infinity;
  private hi = Infinity;

  constructor(private readonly alpha: number) {}

  /** Adds the next pair's log ratio. */
  push(x: number): void {
    const sorted = this.sorted;
    let i = sorted.length;
    while (i > 0 && sorted[i - 1] > x) i--;
    sorted.splice(i, 0, x);
    const n = sorted.length;
    const k = acceptanceLow(n, this.alpha);
    if (k === 0) return;
    // S(m) = #{d_i > m} lies in [k, n − k] exactly when m ∈ [d_(k), d_(n−k+1)).
    this.lo = Math.max(this.lo, sorted[k - 1]);
    this.hi = Math.min(this.hi, sorted[n - k]);
  }

  /** Pairs pushed so far. */
  get pairs(): number {
    return this.sorted.length;
  }

  /** The median of the pushed values; null before the first. */
  get median(): number | null {
    const s = this.sorted;
    const m = s.length;
    if (m === 0) return null;
    return m % 2 ? s[(m - 1) / 2] : (s[m / 2 - 1] + s[m / 2]) / 2;
  }

  // An empty intersection can happen only by chance (probability ≤ α over the whole run): its ends are then
  // returned in order, a narrow interval around where the two bounds crossed.
  /** The interval intersected over every prefix so far (log scale); null while it is unbounded. */
  get interval(): [number, number] | null {
    if (!Number.isFinite(this.lo) || !Number.isFinite(this.hi)) return null;
    return this.lo <= this.hi ? [this.lo, this.hi] : [this.hi, this.lo];
  }
}

/** The confidence sequence (log scale) after all of d; null while unbounded. */
export function confidenceSequence(d: readonly number[], alpha: number): [number, number] | null {
  const cs = new ConfidenceSequence(alpha);
  for (const x of d) cs.push(x);
  return cs.interval;
}

/** The rule's verdict from the interval (log scale) against the band ±ln(1 + δ); null: go on. */
export function verdictOf(interval: [number, number] | null, deltaPct: number): SequentialVerdict | null {
  if (interval === null) return null;
  const e = Math.log(1 + deltaPct / 100);
  if (interval[0] > e) return 'slower';
  if (interval[1] < -e) return 'faster';
  if (interval[0] >= -e && interval[1] <= e) return 'equivalent';
  return null;
}

/** The state of a confidence sequence under the settings; a spent budget turns "go on" into undecided. */
export function stateOf(
  cs: ConfidenceSequence,
  settings: SequentialSettings,
  spent: { runs: number; seconds: number } = { runs: 0, seconds: 0 },
): SequentialState {
  const log = cs.interval;
  let verdict = verdictOf(log, settings.deltaPct);
  if (verdict === null && (spent.runs + 2 > settings.maxRuns || spent.seconds >= settings.maxSeconds))
    verdict = 'undecided';
  const med = cs.median;
  return {
    pairs: cs.pairs,
    ratio: med === null ? null : Math.exp(med),
    interval: log ? [Math.exp(log[0]), Math.exp(log[1])] : null,
    verdict,
  };
}

/** The state after the pairs' log ratios d (cand ÷ ref), all at once. */
export function sequentialState(
  d: readonly number[],
  settings: SequentialSettings,
  spent: { runs: number; seconds: number } = { runs: 0, seconds: 0 },
): SequentialState {
  const cs = new ConfidenceSequence(settings.alpha);
  for (const x of d) cs.push(x);
  return stateOf(cs, settings, spent);
}

/** Which side runs first in pair i: A B, B A, A B, … (so a warm-up or order effect cancels in the median). */
export function pairOrder(i: number): ['ref', 'cand'] | ['cand', 'ref'] {
  return i % 2 === 0 ? ['ref', 'cand'] : ['cand', 'ref'];
}
