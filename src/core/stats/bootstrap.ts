// The speedup of an option set against the reference (ratio of shifted geometric means) with a 95 %
// percentile bootstrap interval that resamples models, each with all its seeds, paired across the two sets.
import type { Speedup } from '../benchmark';
import { mulberry32 } from '../warmup-model';
import { quantileSorted } from './descriptive';

// 1000 resamples give stable 2.5 %/97.5 % percentiles (25 resamples beyond each end); a fixed seed makes a summary reproducible.
/** Default bootstrap seed and resample count. */
export const DEFAULT_BOOTSTRAP = { seed: 1, resamples: 1000 } as const;

/** One model's share of a paired comparison: the log-sum terms of its problems that both sets ran. */
export interface PairedModelTerms {
  /** Σ ln(t + shift) over the model's common problems, reference set. */
  refLogSum: number;
  /** Σ ln(t + shift) over the model's common problems, compared set. */
  setLogSum: number;
  /** How many common problems (seeds) the model has. */
  count: number;
}

/** Sums one model's paired times into its bootstrap terms, so a resample costs O(models), not O(problems). */
export function pairedTerms(refTimes: readonly number[], setTimes: readonly number[], shift: number): PairedModelTerms {
  let refLogSum = 0;
  let setLogSum = 0;
  for (let i = 0; i < refTimes.length; i++) {
    refLogSum += Math.log(refTimes[i] + shift);
    setLogSum += Math.log(setTimes[i] + shift);
  }
  return { refLogSum, setLogSum, count: refTimes.length };
}

/** Reference SGM ÷ set SGM from the summed terms; 1 when both are 0, null when only the set's is 0. */
function ratioOf(refLogSum: number, setLogSum: number, count: number, shift: number): number | null {
  const ref = Math.max(0, Math.exp(refLogSum / count) - shift);
  const set = Math.max(0, Math.exp(setLogSum / count) - shift);
  if (set === 0) return ref === 0 ? 1 : null;
  const r = ref / set;
  return Number.isFinite(r) ? r : null;
}

// The speedup ref SGM ÷ set SGM over all common problems, and its 95 % percentile bootstrap interval: each
// resample draws as many models as there are, with replacement (index ⌊u·M⌋ for u from mulberry32(seed),
// a fresh generator per call), takes every seed of each drawn model for both sets alike (paired), and
// recomputes the ratio; the interval is the type-7 2.5 % and 97.5 % quantiles of the resampled ratios.
// Null when there is no common problem or the ratio is undefined (the set's SGM is 0 and the reference's is
// not). Resamples whose ratio is undefined are left out; if all are, the interval is [ratio, ratio].
/** The speedup reference SGM ÷ set SGM with its 95 % paired percentile bootstrap interval over models. */
export function bootstrapSpeedup(
  models: readonly PairedModelTerms[],
  shift: number,
  options: { seed: number; resamples: number } = DEFAULT_BOOTSTRAP,
): Speedup | null {
  const used = models.filter((m) => m.count > 0);
  const m = used.length;
  if (m === 0) return null;
  let refTotal = 0;
  let setTotal = 0;
  let countTotal = 0;
  for (const t of used) {
    refTotal += t.refLogSum;
    setTotal += t.setLogSum;
    countTotal += t.count;
  }
  const ratio = ratioOf(refTotal, setTotal, countTotal, shift);
  if (ratio === null) return null;

  const refLog = Float64Array.from(used, (t) => t.refLogSum);
  const setLog = Float64Array.from(used, (t) => t.setLogSum);
  const counts = Float64Array.from(used, (t) => t.count);
  const rnd = mulberry32(options.seed);
  const ratios: number[] = [];
  for (let r = 0; r < options.resamples; r++) {
    let refSum = 0;
    let setSum = 0;
    let n = 0;
    for (let k = 0; k < m; k++) {
      const i = Math.floor(rnd() * m);
      refSum += refLog[i];
      setSum += setLog[i];
      n += counts[i];
    }
    const x = ratioOf(refSum, setSum, n, shift);
    if (x !== null) ratios.push(x);
  }
  if (ratios.length === 0) return { ratio, ci95: [ratio, ratio] };
  ratios.sort((a, b) => a - b);
  return { ratio, ci95: [quantileSorted(ratios, 0.025)!, quantileSorted(ratios, 0.975)!] };
}
