// When a difference between a candidate and the pinned reference is real, figure by figure.
// - Time: core/decision's one rule (decideTime): identical work with the same options and solver is noise;
//   one run against one run, or too few runs for a 95 % interval, is undetermined; otherwise the
//   Hodges–Lehmann ratio's interval against the practical threshold decides.
// - Work counters: real when the medians differ and both sides ran the same random_seed values (they are
//   deterministic for a fixed seed and the same solver); undetermined across different seeds.
// - Objective: real when |difference| > OBJECTIVE_REL_TOL · max(1, |reference|); MIP gap: when the
//   absolute difference > GAP_ABS_TOL; memory: when the ratio is outside ±MEMORY_BAND.
import { decideTime, type DecisionContext, type DecisionSettings, type TimedRun } from '../decision';
import { median } from '../stats/descriptive';
import type { Delta } from './types';

/** Objective changes are real above this times max(1, |reference objective|). */
export const OBJECTIVE_REL_TOL = 1e-6;
/** MIP gap changes (absolute, as fractions) are real above this. */
export const GAP_ABS_TOL = 1e-9;
/** Memory ratios are real outside [1 − band, 1 + band]. */
export const MEMORY_BAND = 0.05;

const pct = (x: number): string => `${Math.round(x * 1000) / 10}%`;
const fmt = (x: number): string => String(Number(x.toPrecision(4)));

/** The time delta by the one rule (core/decision): its ratio, label and evidence, and the decision itself. */
export function timeDelta(
  ref: readonly TimedRun[],
  cand: readonly TimedRun[],
  context: DecisionContext,
  settings: Partial<DecisionSettings> = {},
): Delta {
  const decision = decideTime(ref, cand, context, settings);
  return { name: 'time', kind: 'ratio', value: decision.ratio, real: decision.real, why: decision.why, decision };
}

/**
 * A work counter: the ratio of medians (the difference when the reference median is 0); real when the
 * medians differ at all, since work counters are deterministic for a fixed seed and the same solver —
 * undetermined (null) when the sides ran other seeds.
 */
export function counterDelta(name: string, ref: readonly number[], cand: readonly number[], sameSeeds = true): Delta {
  const mr = median(ref);
  const mc = median(cand);
  if (mr === null || mc === null) return { name, kind: 'ratio', value: null, real: false, why: 'no count on one side' };
  const changed = mc !== mr;
  const real = changed && !sameSeeds ? null : changed;
  const why = !sameSeeds
    ? `${changed ? 'changed' : 'unchanged'}, but the two sides ran other random_seed values, and counters differ by seed`
    : changed
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
