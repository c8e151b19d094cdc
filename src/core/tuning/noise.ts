// The noise-band rule: when a difference between a candidate and the pinned reference is real.
// - Times of single runs: real only outside DEFAULT_TIME_BAND (a ratio outside [1/1.2, 1.2]).
// - Times of repeated runs (≥ MIN_SAMPLES on both sides): real only when the two-sided Mann–Whitney
//   p < SIGNIFICANCE *and* the ratio of medians lies outside the reference's own spread
//   (min/median .. max/median of the reference runs).
// - Work counters: real when the medians differ at all (fixed seed, same solver: they are deterministic).
// - Objective: real when |difference| > OBJECTIVE_REL_TOL · max(1, |reference|); MIP gap: when the
//   absolute difference > GAP_ABS_TOL; memory: when the ratio is outside ±MEMORY_BAND.
import { mannWhitneyU } from '../regression/mann-whitney';
import { median } from '../stats/descriptive';
import type { Delta } from './types';

/** Single runs: a time ratio is real only outside [1/(1 + band), 1 + band]. */
export const DEFAULT_TIME_BAND = 0.2;
/** Samples needed on both sides before the rank test and the reference's spread decide. */
export const MIN_SAMPLES = 3;
/** The p-value under which the rank test calls two time samples different. */
export const SIGNIFICANCE = 0.05;
/** Objective changes are real above this times max(1, |reference objective|). */
export const OBJECTIVE_REL_TOL = 1e-6;
/** MIP gap changes (absolute, as fractions) are real above this. */
export const GAP_ABS_TOL = 1e-9;
/** Memory ratios are real outside [1 − band, 1 + band]. */
export const MEMORY_BAND = 0.05;

const pct = (x: number): string => `${Math.round(x * 1000) / 10}%`;
const fmt = (x: number): string => String(Number(x.toPrecision(4)));

/** The time ratio median(cand) ÷ median(ref) and whether it is outside the noise (see the rule above). */
export function timeDelta(ref: readonly number[], cand: readonly number[]): Delta {
  const mr = median(ref);
  const mc = median(cand);
  if (mr === null || mc === null)
    return { name: 'time', kind: 'ratio', value: null, real: false, why: 'no time on one side' };
  if (!(mr > 0)) return { name: 'time', kind: 'ratio', value: null, real: false, why: 'the reference time is 0' };
  const ratio = mc / mr;
  if (ref.length >= MIN_SAMPLES && cand.length >= MIN_SAMPLES) {
    const lo = Math.min(...ref) / mr;
    const hi = Math.max(...ref) / mr;
    const p = mannWhitneyU(cand, ref)?.p ?? 1;
    const outside = ratio < lo || ratio > hi;
    const real = p < SIGNIFICANCE && outside;
    const band = `the reference's spread ${fmt(lo)}–${fmt(hi)}`;
    const why = real
      ? `Mann–Whitney p = ${fmt(p)} < ${SIGNIFICANCE} and outside ${band}`
      : p >= SIGNIFICANCE
        ? `Mann–Whitney p = ${fmt(p)} ≥ ${SIGNIFICANCE}: within the noise of repeated runs`
        : `inside ${band}: within the noise of repeated runs`;
    return { name: 'time', kind: 'ratio', value: ratio, real, why };
  }
  const lo = 1 / (1 + DEFAULT_TIME_BAND);
  const hi = 1 + DEFAULT_TIME_BAND;
  const real = ratio < lo || ratio > hi;
  const why = `${real ? 'outside' : 'inside'} the single-run noise band ±${pct(DEFAULT_TIME_BAND)} (${fmt(lo)}–${fmt(hi)})`;
  return { name: 'time', kind: 'ratio', value: ratio, real, why };
}

/**
 * A work counter: the ratio of medians (the difference when the reference median is 0); real when the
 * medians differ at all, since work counters are deterministic for a fixed seed and the same solver.
 */
export function counterDelta(name: string, ref: readonly number[], cand: readonly number[]): Delta {
  const mr = median(ref);
  const mc = median(cand);
  if (mr === null || mc === null) return { name, kind: 'ratio', value: null, real: false, why: 'no count on one side' };
  const real = mc !== mr;
  const why = real
    ? 'changed: work counters are deterministic for a fixed seed and the same solver'
    : 'unchanged: work counters are deterministic for a fixed seed and the same solver';
  if (mr === 0) return { name, kind: 'difference', value: mc - mr, real, why };
  return { name, kind: 'ratio', value: mc / mr, real, why };
}

/** The objective: the difference of medians; real when larger than OBJECTIVE_REL_TOL · max(1, |reference|). */
export function objectiveDelta(ref: readonly number[], cand: readonly number[]): Delta {
  const mr = median(ref);
  const mc = median(cand);
  if (mr === null || mc === null)
    return { name: 'objective', kind: 'difference', value: null, real: false, why: 'no objective on one side' };
  const diff = mc - mr;
  const tol = OBJECTIVE_REL_TOL * Math.max(1, Math.abs(mr));
  const real = Math.abs(diff) > tol;
  return {
    name: 'objective',
    kind: 'difference',
    value: diff,
    real,
    why: real ? `changed by more than ${fmt(tol)} (1e-6 relative)` : `within ${fmt(tol)} (1e-6 relative)`,
  };
}

/** The MIP gap: the difference of medians (fractions); real when larger than GAP_ABS_TOL. */
export function gapDelta(ref: readonly number[], cand: readonly number[]): Delta {
  const mr = median(ref);
  const mc = median(cand);
  if (mr === null || mc === null)
    return { name: 'mipGap', kind: 'difference', value: null, real: false, why: 'no gap on one side' };
  const diff = mc - mr;
  const real = Math.abs(diff) > GAP_ABS_TOL;
  return {
    name: 'mipGap',
    kind: 'difference',
    value: diff,
    real,
    why: real ? `changed by more than ${GAP_ABS_TOL}` : `within ${GAP_ABS_TOL}`,
  };
}

/** WASM memory: the ratio of medians; real outside ±MEMORY_BAND. */
export function memoryDelta(ref: readonly number[], cand: readonly number[]): Delta {
  const mr = median(ref);
  const mc = median(cand);
  if (mr === null || mc === null)
    return { name: 'memory', kind: 'ratio', value: null, real: false, why: 'no memory figure on one side' };
  if (!(mr > 0)) return { name: 'memory', kind: 'ratio', value: null, real: false, why: 'the reference memory is 0' };
  const ratio = mc / mr;
  const real = ratio < 1 - MEMORY_BAND || ratio > 1 + MEMORY_BAND;
  return {
    name: 'memory',
    kind: 'ratio',
    value: ratio,
    real,
    why: `${real ? 'outside' : 'inside'} ±${pct(MEMORY_BAND)}`,
  };
}
