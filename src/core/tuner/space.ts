// The tuner's search space, built from the loaded runtime's option descriptors: a curated default list of
// options that change how fast HiGHS gets to an answer but not the answer (presolve, simplex strategies,
// MIP heuristics and cut-pool ages, …), each with a few candidate values; the options that change answers
// or stop early (tolerances, gaps, limits) are left out unless the user opts in, and random_seed never
// enters (the race varies it across blocks). The user can restrict the space to some names or extend it
// with names and values; an unknown name is an error that names the closest known option. A generator
// template can add its symmetry-breaking switch as a dimension (a generator switch, not a HiGHS option).
import { editDistance } from '../parameters/validate';
import {
  formatOptionValue,
  HIDDEN_OPTIONS,
  parseOptionInput,
  sameOptionValue,
  type OptionDescriptor,
  type OptionValue,
  type OptionValues,
} from '../options-schema';
import type { Changes } from './types';

/** The dimension of a generator template's symmetry-breaking switch (not a HiGHS option). */
export const SYMMETRY_DIMENSION = 'symmetryBreaking';

/** The curated default space, in order; `*` matches within a name (kept only where the descriptors have them). */
export const DEFAULT_TUNED_OPTIONS: readonly string[] = [
  'presolve',
  'simplex_strategy',
  'simplex_scale_strategy',
  'simplex_*_edge_weight_strategy',
  'simplex_crash_strategy',
  'simplex_price_strategy',
  'run_crossover',
  'mip_heuristic_effort',
  'mip_detect_symmetry',
  'mip_allow_restart',
  'mip_pscost_minreliable',
  'mip_lp_age_limit',
  'mip_pool_age_limit',
  'mip_pool_soft_limit',
  'mip_heuristic_run_*',
];

// Values chosen by hand where the generic rule would pick meaningless codes: HiGHS's crash strategies are
// off / LTSSF / Bixby (0/1/2) although the option's range is 0..9.
const CURATED_VALUES: Readonly<Record<string, readonly OptionValue[]>> = {
  simplex_crash_strategy: [1, 2],
};

/** Integer options with at most this many values in range get every value as a candidate. */
export const ENUMERATE_MAX_VALUES = 6;
/** Multiples of the default tried for numeric options with a wide range. */
export const NUMERIC_FACTORS: readonly number[] = [0.25, 0.5, 2, 4];

/** One dimension of the space: an option (or the generator switch) with its candidate values besides the default. */
export interface Dimension {
  name: string;
  kind: 'option' | 'generator';
  default: OptionValue;
  /** Candidate values, none equal to the default, all finite (the race's state is JSON). */
  values: OptionValue[];
}

/** The search space: the dimensions a candidate may change. */
export interface SearchSpace {
  dimensions: Dimension[];
}

/** An extra dimension asked for by the user. */
export interface SpaceExtension {
  name: string;
  /** Its candidate values; derived from the descriptor when left out (choices, the other boolean, multiples). */
  values?: readonly OptionValue[];
  /** Accept an option the tuner leaves out by default (a tolerance, a gap, a limit). */
  optIn?: boolean;
}

/** What the user asks of the space. */
export interface SpaceRequest {
  /** Keep only these names (after extension). */
  only?: readonly string[];
  /** Add these names, or replace the values of a default one. */
  extend?: readonly SpaceExtension[];
  /** Add the generator's symmetry-breaking switch (generator templates only). */
  symmetryBreaking?: boolean;
  /** The template is a built-in generator (it has a symmetry-breaking switch). */
  generator?: boolean;
}

/** The space, or every error found. */
export type SpaceResult = { ok: true; space: SearchSpace } | { ok: false; errors: string[] };

/** Why an option is left out of the default space (it changes answers or stops early), or null. */
export function exclusionReason(name: string): string | null {
  if (name === 'random_seed') return 'the race varies random_seed across blocks; it is never a tuned option';
  if (name === 'threads' || name === 'parallel') return 'threads are not tuned (the WASM build is single-threaded)';
  if (name.endsWith('_tolerance')) return 'a tolerance changes what counts as an answer';
  if (name.endsWith('_gap')) return 'a gap changes when a MIP answer counts as optimal';
  if (DEFAULT_TUNED_OPTIONS.some((p) => matches(p, name))) return null;
  if (
    name === 'time_limit' ||
    name.endsWith('_limit') ||
    /^mip_max_(nodes|leaves|stall_nodes|improving_sols)$/.test(name) ||
    name === 'objective_bound' ||
    name === 'objective_target'
  )
    return 'a limit stops the solver before it has an answer';
  return null;
}

/** Does a name match a curated pattern (`*` within a name)? */
function matches(pattern: string, name: string): boolean {
  if (!pattern.includes('*')) return pattern === name;
  const [head, tail] = pattern.split('*');
  return name.length > head.length + tail.length && name.startsWith(head) && name.endsWith(tail);
}

/** The known name closest to an unknown one (edit distance, case ignored), for the error message. */
export function closestName(names: readonly string[], name: string): string | null {
  let best: string | null = null;
  let bestDistance = Infinity;
  const lower = name.toLowerCase();
  for (const n of names) {
    const d = editDistance(lower, n.toLowerCase(), bestDistance);
    if (d < bestDistance) {
      best = n;
      bestDistance = d;
    }
  }
  return best;
}

const round6 = (x: number) => Number(x.toPrecision(6));

/** Candidate values derived from a descriptor: other choices, the other boolean, or values around the default in bounds. */
export function deriveValues(d: OptionDescriptor): OptionValue[] {
  const curated = CURATED_VALUES[d.name];
  const keep = (vs: readonly OptionValue[]) => {
    const out: OptionValue[] = [];
    for (const v of vs) {
      if (sameOptionValue(v, d.default) || out.some((o) => sameOptionValue(o, v))) continue;
      if (typeof v === 'number' && !Number.isFinite(v)) continue;
      if (
        typeof v === 'number' &&
        ((d.minimum !== undefined && v < d.minimum) || (d.maximum !== undefined && v > d.maximum))
      )
        continue;
      out.push(v);
    }
    return out;
  };
  if (curated) return keep(curated);
  if (d.type === 'boolean') return [!d.default];
  if (d.type === 'string') return keep(d.choices ?? []);
  const def = d.default as number;
  if (!Number.isFinite(def)) return [];
  const lo = d.minimum ?? -Infinity;
  const hi = d.maximum ?? Infinity;
  if (d.type === 'integer' && Number.isFinite(lo) && Number.isFinite(hi) && hi - lo + 1 <= ENUMERATE_MAX_VALUES)
    return keep(Array.from({ length: hi - lo + 1 }, (_, i) => lo + i));
  const raw =
    def === 0
      ? d.type === 'integer'
        ? [1, 2, 4]
        : [0.01, 0.1, 1]
      : NUMERIC_FACTORS.map((f) => (d.type === 'integer' ? Math.round(def * f) : round6(def * f)));
  return keep(raw.map((v) => Math.min(hi, Math.max(lo, v))));
}

/** Checks the user's values for a dimension: types, bounds and choices as HiGHS reads them; finite numbers only. */
function readValues(d: OptionDescriptor, values: readonly OptionValue[], errors: string[]): OptionValue[] {
  const out: OptionValue[] = [];
  for (const v of values) {
    const typeOk =
      (d.type === 'boolean' && typeof v === 'boolean') ||
      (d.type === 'string' && typeof v === 'string') ||
      ((d.type === 'integer' || d.type === 'double') && typeof v === 'number');
    if (!typeOk) {
      errors.push(`${d.name}: expected ${d.type} values, got ${typeof v} ${String(v)}`);
      continue;
    }
    if (typeof v === 'number' && !Number.isFinite(v)) {
      errors.push(`${d.name}: ${formatOptionValue(v)} cannot be a candidate value (finite values only)`);
      continue;
    }
    const r = parseOptionInput(d, typeof v === 'boolean' ? v : formatOptionValue(v));
    if (!r.ok) errors.push(r.error);
    else if (!sameOptionValue(r.value, d.default) && !out.some((o) => sameOptionValue(o, r.value))) out.push(r.value);
  }
  return out;
}

/** The search space for the loaded runtime's descriptors and the user's request (see the top of this file). */
export function buildSpace(descriptors: readonly OptionDescriptor[], request: SpaceRequest = {}): SpaceResult {
  const errors: string[] = [];
  const byName = new Map(descriptors.map((d) => [d.name, d]));
  const known = [...descriptors.map((d) => d.name), ...(request.generator ? [SYMMETRY_DIMENSION] : [])];
  const unknown = (name: string): string => {
    if (HIDDEN_OPTIONS.has(name)) return `${name}: not supported in the browser build`;
    if (name === SYMMETRY_DIMENSION) return `${name}: only generator templates have a symmetry-breaking switch`;
    const near = closestName(known, name);
    return `${name}: no such HiGHS option${near ? ` (the closest is '${near}')` : ''}`;
  };

  const dims = new Map<string, Dimension>();
  for (const pattern of DEFAULT_TUNED_OPTIONS)
    for (const d of descriptors) {
      if (!matches(pattern, d.name) || dims.has(d.name)) continue;
      const values = deriveValues(d);
      if (values.length > 0) dims.set(d.name, { name: d.name, kind: 'option', default: d.default, values });
    }

  for (const ext of request.extend ?? []) {
    if (ext.name === SYMMETRY_DIMENSION) {
      if (!request.generator) errors.push(unknown(ext.name));
      else
        dims.set(SYMMETRY_DIMENSION, { name: SYMMETRY_DIMENSION, kind: 'generator', default: false, values: [true] });
      continue;
    }
    const d = byName.get(ext.name);
    if (!d) {
      errors.push(unknown(ext.name));
      continue;
    }
    const reason = exclusionReason(ext.name);
    if (reason && (ext.name === 'random_seed' || !ext.optIn)) {
      errors.push(
        ext.name === 'random_seed'
          ? `random_seed: ${reason}`
          : `${ext.name}: left out of the tuner because ${reason}; opt in to tune it anyway`,
      );
      continue;
    }
    const before = errors.length;
    const values = ext.values ? readValues(d, ext.values, errors) : deriveValues(d);
    if (errors.length > before) continue;
    if (values.length === 0) {
      errors.push(
        `${ext.name}: no candidate values${ext.values ? ' besides the default' : ''}; give its values (the default is ${formatOptionValue(d.default)})`,
      );
      continue;
    }
    dims.set(d.name, { name: d.name, kind: 'option', default: d.default, values });
  }

  if (request.symmetryBreaking) {
    if (!request.generator) errors.push(unknown(SYMMETRY_DIMENSION));
    else if (!dims.has(SYMMETRY_DIMENSION))
      dims.set(SYMMETRY_DIMENSION, { name: SYMMETRY_DIMENSION, kind: 'generator', default: false, values: [true] });
  }

  let dimensions = [...dims.values()];
  if (request.only) {
    const wanted = new Set<string>();
    for (const name of request.only) {
      if (dims.has(name)) wanted.add(name);
      else if (byName.has(name) || (name === SYMMETRY_DIMENSION && request.generator))
        errors.push(
          `${name}: not in the tuner's space; add it with extend${exclusionReason(name) ? ` (and opt in: ${exclusionReason(name)})` : ''}`,
        );
      else errors.push(unknown(name));
    }
    dimensions = dimensions.filter((d) => wanted.has(d.name));
  }
  if (errors.length > 0) return { ok: false, errors };
  if (dimensions.length === 0) return { ok: false, errors: ['the space is empty: no option to tune'] };
  return { ok: true, space: { dimensions } };
}

/** Canonical text of a set of changes (sorted names, JSON values): candidates with the same changes share it. */
export function changesKey(changes: Changes): string {
  return Object.keys(changes)
    .sort()
    .map((n) => `${n}=${JSON.stringify(changes[n])}`)
    .join(';');
}

/** The changes in words, e.g. "presolve=off, mip_heuristic_effort=0.2"; "defaults" for none. */
export function changesLabel(changes: Changes): string {
  const names = Object.keys(changes).sort();
  return names.length === 0 ? 'defaults' : names.map((n) => `${n}=${formatOptionValue(changes[n])}`).join(', ');
}

/** What a job sets for a set of changes: the HiGHS options, and the generator switch apart. */
export function jobSettings(changes: Changes): { options: OptionValues; symmetryBreaking: boolean } {
  const options: OptionValues = {};
  let symmetryBreaking = false;
  for (const [n, v] of Object.entries(changes)) {
    if (n === SYMMETRY_DIMENSION) symmetryBreaking = v === true;
    else options[n] = v;
  }
  return { options, symmetryBreaking };
}

/** Every candidate that changes one dimension to one of its values: the race's first candidates. */
export function oneChangeCandidates(space: SearchSpace): Changes[] {
  return space.dimensions.flatMap((d) => d.values.map((v) => ({ [d.name]: v })));
}
