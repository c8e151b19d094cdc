// The static check of a candidate option set for a template: every option against HiGHS's own option
// descriptions (unknown names with a suggestion, hidden options, types, ranges, choices), then a table of
// warnings for values that are legal but change what a benchmark or a comparison means.
import {
  HIDDEN_OPTIONS,
  formatOptionValue,
  parseOptionInput,
  sameOptionValue,
  validateOptionValues,
  type OptionDescriptor,
  type OptionValue,
  type OptionValues,
} from '../options-schema';

/** One finding about one option: the option's name and a message that names it. */
export interface OptionIssue {
  option: string;
  message: string;
}

/** The static check of a candidate option set. */
export interface CandidateCheck {
  /** No errors (warnings do not make a set invalid). */
  valid: boolean;
  errors: OptionIssue[];
  warnings: OptionIssue[];
  /** The options that passed, typed (text read as HiGHS reads it); the failed ones are left out. */
  options: OptionValues;
}

/** The largest edit distance at which a known option name is suggested for an unknown one. */
export const SUGGESTION_DISTANCE = 2;

/** Levenshtein distance of two names, cut off above `max` (returns max + 1 then): small and exact. */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      rowMin = Math.min(rowMin, cur[j]);
    }
    if (rowMin > max) return max + 1;
    prev = cur;
  }
  return prev[b.length];
}

/** The known option name closest to an unknown one (within SUGGESTION_DISTANCE, case ignored), or null. */
export function suggestOptionName(descriptors: readonly OptionDescriptor[], name: string): string | null {
  let best: string | null = null;
  let bestDistance = SUGGESTION_DISTANCE + 1;
  const lower = name.toLowerCase();
  for (const d of descriptors) {
    const dist = editDistance(lower, d.name.toLowerCase(), SUGGESTION_DISTANCE);
    if (dist < bestDistance) {
      best = d.name;
      bestDistance = dist;
    }
  }
  return best;
}

/** The outcome of reading one option: its typed value, or why not (the message names the option). */
export type OptionRead =
  | { ok: true; value: OptionValue }
  | { ok: false; kind: 'unknown' | 'unsupported' | 'type' | 'value'; message: string; suggestion?: string };

/**
 * Reads one option as a form, a JSON import or an options file gives it: typed values are checked as
 * they are; text is read as HiGHS reads it (numbers, inf, true/false/on/off/t/f). Shared by
 * validateCandidate and the options-file parser so both say the same thing.
 */
export function readOption(
  descriptors: readonly OptionDescriptor[],
  byName: ReadonlyMap<string, OptionDescriptor>,
  name: string,
  value: unknown,
): OptionRead {
  const d = byName.get(name);
  if (!d) {
    if (HIDDEN_OPTIONS.has(name))
      return { ok: false, kind: 'unsupported', message: `${name}: not supported in the browser build` };
    const suggestion = suggestOptionName(descriptors, name);
    return suggestion
      ? {
          ok: false,
          kind: 'unknown',
          message: `${name}: no such HiGHS option (did you mean '${suggestion}'?)`,
          suggestion,
        }
      : { ok: false, kind: 'unknown', message: `${name}: no such HiGHS option` };
  }
  if (typeof value === 'string') {
    // Native HiGHS also reads t and f as booleans.
    const text = d.type === 'boolean' && /^\s*[tf]\s*$/i.test(value) ? (/t/i.test(value) ? 'true' : 'false') : value;
    const r = parseOptionInput(d, text);
    if (!r.ok) return { ok: false, kind: refusalKind(r.error), message: r.error };
    return r;
  }
  if (typeof value !== 'boolean' && typeof value !== 'number') {
    const got = value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
    return { ok: false, kind: 'type', message: `${name}: expected ${d.type}, got ${got}` };
  }
  const [error] = validateOptionValues([d], { [name]: value });
  if (error === undefined) return { ok: true, value };
  return { ok: false, kind: /: expected \w+, got \w+$/.test(error) ? 'type' : refusalKind(error), message: error };
}

/** Whether parseOptionInput refused a value as out of range or not a choice, rather than as the wrong kind of text. */
function refusalKind(message: string): 'type' | 'value' {
  return /below the minimum|above the maximum|too large|overflows|is not one of/.test(message) ? 'value' : 'type';
}

/** A legal value that changes what a run or a comparison means: the rule behind one warning. */
export interface WarningRule {
  /** The options the rule looks at. */
  options: readonly string[];
  /** The warning for this value, or null when the rule does not apply. */
  check(option: string, value: OptionValue, d: OptionDescriptor): string | null;
}

const show = formatOptionValue;
const below = (value: OptionValue, d: OptionDescriptor) =>
  typeof value === 'number' && typeof d.default === 'number' && value < d.default;
const above = (value: OptionValue, d: OptionDescriptor) =>
  typeof value === 'number' && typeof d.default === 'number' && value > d.default;

const LIMITS = [
  'simplex_iteration_limit',
  'ipm_iteration_limit',
  'pdlp_iteration_limit',
  'qp_iteration_limit',
  'mip_max_nodes',
  'mip_max_leaves',
  'mip_max_stall_nodes',
  'mip_max_improving_sols',
] as const;

const TOLERANCES = [
  'primal_feasibility_tolerance',
  'dual_feasibility_tolerance',
  'primal_residual_tolerance',
  'dual_residual_tolerance',
  'optimality_tolerance',
  'kkt_tolerance',
  'mip_feasibility_tolerance',
  'ipm_optimality_tolerance',
  'pdlp_optimality_tolerance',
] as const;

/** Solvers that drop integrality (and the quadratic term) of a MIP (QP): HiGHS's own documentation. */
const RELAXING_SOLVERS: ReadonlySet<string> = new Set(['simplex', 'ipm', 'ipx', 'pdlp', 'hipdlp']);

/** The warnings, one rule per concern; the first rule that applies to an option gives its warning. */
export const WARNING_RULES: readonly WarningRule[] = [
  {
    options: ['mip_rel_gap', 'mip_abs_gap'],
    check: (o, v, d) =>
      above(v, d)
        ? `changes ${o} to ${show(v)} (default ${show(d.default)}), so MIP objectives may differ from the reference within the gap`
        : below(v, d)
          ? `tightens ${o} to ${show(v)} (default ${show(d.default)}), so MIP solves may take longer to prove optimality`
          : null,
  },
  {
    options: ['time_limit'],
    check: (o, v) =>
      typeof v === 'number' && Number.isFinite(v)
        ? `sets ${o} = ${show(v)} s, so unsolved runs are likely; benchmarks replace it with their own time limit per run`
        : null,
  },
  {
    options: LIMITS,
    check: (o, v, d) => (below(v, d) ? `limits ${o} to ${show(v)}, so unsolved runs are likely` : null),
  },
  {
    options: ['objective_bound', 'objective_target'],
    check: (o, v) => `sets ${o} = ${show(v)}, so solves may stop before optimality and objectives may differ`,
  },
  {
    options: ['presolve'],
    check: (o, v) => (v === 'off' ? `turns ${o} off: often much slower on models where presolve matters` : null),
  },
  {
    options: ['solver'],
    check: (o, v) => {
      if (typeof v !== 'string') return null;
      const relaxes = RELAXING_SOLVERS.has(v)
        ? `; on a MIP (QP) HiGHS then ignores integrality (the quadratic term), so objectives will differ`
        : '';
      const accuracy =
        v === 'pdlp' || v === 'hipdlp' ? '; PDLP is a first-order method with less accurate solutions' : '';
      return `sets ${o} = ${v} instead of letting HiGHS choose${relaxes}${accuracy}`;
    },
  },
  {
    options: ['run_crossover'],
    check: (o, v) => (v === 'off' ? `turns ${o} off: interior-point solutions are not basic and less accurate` : null),
  },
  {
    options: ['random_seed'],
    check: (o, v) =>
      `sets ${o} = ${show(v)}: benchmarks set random_seed per run, so this value is overridden there (single solves use it)`,
  },
  {
    options: TOLERANCES,
    check: (o, v, d) =>
      above(v, d)
        ? `loosens ${o} to ${show(v)} (default ${show(d.default)}), so solutions may be less accurate than the reference's`
        : null,
  },
  {
    options: ['highs_debug_level', 'highs_analysis_level'],
    check: (o, v, d) => (above(v, d) ? `sets ${o} = ${show(v)}: debugging work makes every solve slower` : null),
  },
  {
    options: ['ranging'],
    check: (o, v) => (v === 'on' ? `turns ${o} on: every solve also computes ranging, which takes time` : null),
  },
];

const RULES_BY_OPTION: ReadonlyMap<string, readonly WarningRule[]> = (() => {
  const m = new Map<string, WarningRule[]>();
  for (const rule of WARNING_RULES) for (const o of rule.options) m.set(o, [...(m.get(o) ?? []), rule]);
  return m;
})();

/** The warning for one valid option value, or null: a default value has no effect, else the first rule that applies. */
export function optionWarning(option: string, value: OptionValue, d: OptionDescriptor): string | null {
  if (sameOptionValue(value, d.default))
    return `sets ${option} to its default value (${show(value)}), so it has no effect`;
  for (const rule of RULES_BY_OPTION.get(option) ?? []) {
    const message = rule.check(option, value, d);
    if (message !== null) return message;
  }
  return null;
}

/**
 * Checks a candidate option set against HiGHS's option descriptions: errors for unknown names (with the
 * closest known name), options the browser build cannot use, wrong types and values out of range or
 * not among the choices; warnings from WARNING_RULES for the options that passed.
 */
export function validateCandidate(
  descriptors: readonly OptionDescriptor[],
  options: Record<string, unknown>,
): CandidateCheck {
  const errors: OptionIssue[] = [];
  const warnings: OptionIssue[] = [];
  const parsed: OptionValues = {};
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    return {
      valid: false,
      errors: [{ option: '', message: 'an option set is an object of option names and values' }],
      warnings,
      options: parsed,
    };
  }
  const byName = new Map(descriptors.map((d) => [d.name, d]));
  for (const [name, value] of Object.entries(options)) {
    const r = readOption(descriptors, byName, name, value);
    if (!r.ok) {
      errors.push({ option: name, message: r.message });
      continue;
    }
    parsed[name] = r.value;
    const warning = optionWarning(name, r.value, byName.get(name)!);
    if (warning !== null) warnings.push({ option: name, message: warning });
  }
  return { valid: errors.length === 0, errors, warnings, options: parsed };
}
