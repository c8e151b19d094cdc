// One-option sweeps: the values to try for an option (its choices, or a range of numbers) and the
// best point of a finished sweep: the lowest median time among the values whose runs all solved and all
// reached the best objective of the sweep. A faster value whose seed ended at a worse objective (a looser
// mip_rel_gap, a heuristic setting) is not the best: it is listed as refused, with the seed and objective.
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

// Objectives closer than this, relative to max(1, |best|), are the same answer (the result check's 1e-6).
/** Relative tolerance under which two objectives of a sweep count as the same. */
export const SWEEP_OBJECTIVE_TOLERANCE = 1e-6;

/** The direction of the objective. */
export type ObjectiveSense = 'minimize' | 'maximize';

/**
 * The objective sense the runs show: a MIP dual bound below its objective is a minimisation, above it a
 * maximisation; null when no run has both apart (an LP, or every gap closed exactly).
 */
export function objectiveSenseOf(points: readonly SweepPoint[]): ObjectiveSense | null {
  for (const p of points) {
    for (let i = 0; i < p.objectives.length; i++) {
      const o = p.objectives[i];
      const d = p.dualBounds?.[i] ?? null;
      if (o === null || d === null || !Number.isFinite(o) || !Number.isFinite(d) || o === d) continue;
      return d < o ? 'minimize' : 'maximize';
    }
  }
  return null;
}

/** A value faster than or beside the best that is not called best, and why. */
export interface RefusedSweepPoint {
  index: number;
  /** The seed (or run number, from 1, without seeds) whose objective was worse or missing; null: the sweep's objectives cannot be ranked. */
  seed: number | null;
  objective: number | null;
  reason: string;
}

/** The best point of a sweep and the values refused for their objective. */
export interface SweepBest {
  /** Lowest median time among the values whose runs all solved and reached the best objective; null when none. */
  index: number | null;
  /** Fully solved values left out because a run ended at a worse objective (or none), in sweep order. */
  refused: RefusedSweepPoint[];
  /** The best objective over every run when the runs disagree and the sense is known; else null. */
  bestObjective: number | null;
}

const fmtObjective = (x: number) => String(Number(x.toPrecision(8)));

/**
 * The best point of a sweep: among the values whose runs all solved, the lowest median time (ties → the
 * first) whose every run reached the sweep's best objective (within SWEEP_OBJECTIVE_TOLERANCE). When the
 * runs' objectives disagree and the sense cannot be told (objectiveSenseOf), nothing is called best.
 */
export function sweepBest(points: readonly SweepPoint[]): SweepBest {
  const solved = points
    .map((p, index) => ({ p, index, t: p.timesMs.length > 0 ? (median(p.timesMs) as number) : Infinity }))
    .filter((x) => x.p.timesMs.length > 0 && x.p.solved >= x.p.timesMs.length);
  const all = points.flatMap((p) => p.objectives.filter((o): o is number => o !== null && Number.isFinite(o)));
  const lo = Math.min(...all);
  const hi = Math.max(...all);
  const same = (a: number, b: number) => Math.abs(a - b) <= SWEEP_OBJECTIVE_TOLERANCE * Math.max(1, Math.abs(b));
  const fastest = (xs: typeof solved) =>
    xs.reduce<(typeof solved)[number] | null>((b, x) => (b === null || x.t < b.t ? x : b), null);
  if (all.length === 0) return { index: fastest(solved)?.index ?? null, refused: [], bestObjective: null };

  const seedOf = (p: SweepPoint, i: number) => p.seeds?.[i] ?? i + 1;
  const seedWord = (p: SweepPoint) => (p.seeds ? 'seed' : 'run');
  const agree = same(lo, hi);
  const sense = agree ? null : objectiveSenseOf(points);
  if (!agree && sense === null) {
    return {
      index: null,
      refused: solved.map(({ index }) => ({
        index,
        seed: null,
        objective: null,
        reason: `the runs' objectives differ (${fmtObjective(lo)} to ${fmtObjective(hi)}) and the objective sense is unknown, so no value can be called best`,
      })),
      bestObjective: null,
    };
  }
  const best = sense === 'maximize' ? hi : lo;
  const worse = (o: number) => !agree && !same(o, best) && (sense === 'minimize' ? o > best : o < best);
  const refused: RefusedSweepPoint[] = [];
  const clean: typeof solved = [];
  for (const x of solved) {
    const i = x.p.objectives.findIndex((o) => o === null || !Number.isFinite(o) || worse(o));
    if (i < 0) {
      clean.push(x);
      continue;
    }
    const o = x.p.objectives[i];
    const seed = seedOf(x.p, i);
    refused.push({
      index: x.index,
      seed,
      objective: o,
      reason:
        o === null
          ? `${seedWord(x.p)} ${seed} ended without an objective`
          : `${seedWord(x.p)} ${seed} ended at objective ${fmtObjective(o)}, worse than the best ${fmtObjective(best)} (${sense === 'minimize' ? 'minimising' : 'maximising'})`,
    });
  }
  return { index: fastest(clean)?.index ?? null, refused, bestObjective: agree ? null : best };
}

/** The index of the best point (sweepBest): lowest median time among fully solved values that reached the best objective; null when none. */
export function bestSweepPoint(points: readonly SweepPoint[]): number | null {
  return sweepBest(points).index;
}
