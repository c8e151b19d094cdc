// One-option sweeps: the values to try for an option (its choices, or a range of numbers) and the
// best point of a finished sweep (lowest median time among the values whose runs all solved).
import type { OptionDescriptor } from '../options-schema';
import { median } from '../stats/descriptive';
import type { SweepPoint } from './types';

/** What the user chose for a numeric sweep; every field has a default from the descriptor. */
export interface SweepSpec {
  from?: number;
  to?: number;
  steps?: number;
  scale?: 'linear' | 'log';
}

/** Values per sweep by default, and the allowed range of the count. */
export const DEFAULT_SWEEP_STEPS = 5;
/** The fewest values a numeric sweep may have. */
export const MIN_SWEEP_STEPS = 2;
/** The most values a numeric sweep may have (each is solved over every chosen seed). */
export const MAX_SWEEP_STEPS = 12;
/** A default linear range is at most this wide (random_seed, mip_max_nodes and time_limit reach 2³¹ or ∞). */
export const MAX_DEFAULT_SPAN = 1000;
/** A default log range spans the option's default ÷ and × this (tolerances: 1e-7 → 1e-9 .. 1e-5). */
export const LOG_DEFAULT_FACTOR = 100;

/** Rounds away binary noise (0.30000000000000004) to 12 significant digits. */
const tidy = (x: number): number => (x === 0 ? 0 : Number(x.toPrecision(12)));

// Default range of a numeric option. A positive default far below 1 on an option bounded at 0 or above
// with a huge (or no) upper bound, like every *_tolerance, is swept on a log scale around the default;
// otherwise the range is the descriptor's [minimum, maximum], cut to MAX_DEFAULT_SPAN when wider.
function defaultRange(d: OptionDescriptor): { from: number; to: number; scale: 'linear' | 'log' } {
  const min = d.minimum ?? -Infinity;
  const max = d.maximum ?? Infinity;
  const def = typeof d.default === 'number' ? d.default : NaN;
  const wide = !Number.isFinite(max) || (min > 0 && max / min >= 1e4);
  if (d.type === 'double' && Number.isFinite(def) && def > 0 && def < 1e-2 && min >= 0 && wide) {
    return {
      from: tidy(Math.max(min > 0 ? min : 0, def / LOG_DEFAULT_FACTOR)),
      to: tidy(Math.min(max, def * LOG_DEFAULT_FACTOR)),
      scale: 'log',
    };
  }
  const from = Number.isFinite(min) ? min : Number.isFinite(def) ? def - MAX_DEFAULT_SPAN / 10 : 0;
  let to: number;
  if (Number.isFinite(max) && max - from <= MAX_DEFAULT_SPAN) to = max;
  else if (Number.isFinite(def) && def > from && def - from <= MAX_DEFAULT_SPAN / 2) to = from + 2 * (def - from);
  else to = from + MAX_DEFAULT_SPAN / 10;
  return { from, to, scale: 'linear' };
}

/**
 * The values of a one-option sweep: [false, true] for a boolean, the choices of a string option, or
 * `steps` values from..to (linear or log) for a number, integers rounded and de-duplicated. Throws a
 * RangeError naming the problem for a bad spec (steps outside 2..12, from ≥ to, outside the option's
 * bounds, a log scale through 0, a string option without choices).
 */
export function sweepValues(d: OptionDescriptor, spec: SweepSpec = {}): (string | number | boolean)[] {
  if (d.type === 'boolean') return [false, true];
  if (d.type === 'string') {
    if (!d.choices || d.choices.length === 0)
      throw new RangeError(`${d.name}: a string option without choices cannot be swept`);
    return [...d.choices];
  }
  const steps = spec.steps ?? DEFAULT_SWEEP_STEPS;
  if (!Number.isInteger(steps) || steps < MIN_SWEEP_STEPS || steps > MAX_SWEEP_STEPS)
    throw new RangeError(
      `${d.name}: steps must be a whole number from ${MIN_SWEEP_STEPS} to ${MAX_SWEEP_STEPS}, got ${steps}`,
    );
  const def = defaultRange(d);
  const from = spec.from ?? def.from;
  const to = spec.to ?? def.to;
  const scale = spec.scale ?? (spec.from === undefined && spec.to === undefined ? def.scale : 'linear');
  if (!Number.isFinite(from) || !Number.isFinite(to))
    throw new RangeError(`${d.name}: the range must be finite numbers, got ${from} to ${to}`);
  if (!(from < to)) throw new RangeError(`${d.name}: 'from' (${from}) must be below 'to' (${to})`);
  if (d.minimum !== undefined && from < d.minimum)
    throw new RangeError(`${d.name}: 'from' (${from}) is below the option's minimum ${d.minimum}`);
  if (d.maximum !== undefined && to > d.maximum)
    throw new RangeError(`${d.name}: 'to' (${to}) is above the option's maximum ${d.maximum}`);
  if (scale === 'log' && !(from > 0)) throw new RangeError(`${d.name}: a log scale needs 'from' above 0, got ${from}`);
  const out: number[] = [];
  for (let i = 0; i < steps; i++) {
    const f = i / (steps - 1);
    let v =
      i === 0
        ? from
        : i === steps - 1
          ? to
          : scale === 'log'
            ? Math.exp(Math.log(from) + f * (Math.log(to) - Math.log(from)))
            : from + f * (to - from);
    v = d.type === 'integer' ? Math.round(v) : tidy(v);
    if (!out.includes(v)) out.push(v);
  }
  return out;
}

/** The index of the point with the lowest median time among those whose runs all solved; ties → the first; null when none. */
export function bestSweepPoint(points: readonly SweepPoint[]): number | null {
  let best: number | null = null;
  let bestTime = Infinity;
  points.forEach((p, i) => {
    if (p.timesMs.length === 0 || p.solved < p.timesMs.length) return;
    const t = median(p.timesMs) as number;
    if (t < bestTime) {
      bestTime = t;
      best = i;
    }
  });
  return best;
}
