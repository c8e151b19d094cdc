// Solver options as the UI and runs see them: HiGHS's own descriptors, filtered to what the
// single-threaded WASM build supports, with choices for string options and typed validation.

/** One option value; doubles may be ±Infinity. */
export type OptionValue = boolean | number | string;
/** A set of option values by HiGHS option name. */
export type OptionValues = Record<string, OptionValue>;

/** What HiGHS says about an option (from model.options.describe), plus what the app adds. */
export interface OptionDescriptor {
  name: string;
  type: 'boolean' | 'integer' | 'double' | 'string';
  default: OptionValue;
  minimum?: number;
  maximum?: number;
  /** Allowed values of a string option, where HiGHS has a fixed list. */
  choices?: readonly string[];
  group: string;
  help?: string;
}

/** Options not offered: unsupported by the WASM build (threads, files) or owned by the app (logging). */
export const HIDDEN_OPTIONS: ReadonlySet<string> = new Set([
  'threads',
  'parallel',
  'simplex_min_concurrency',
  'simplex_max_concurrency',
  'mip_min_cliquetable_entries_for_parallelism',
  'output_flag',
  'log_to_console',
  'timeless_log',
  'log_file',
  'solution_file',
  'write_solution_to_file',
  'write_solution_style',
  'glpsol_cost_row_location',
  'write_model_file',
  'write_model_to_file',
  'write_presolved_model_file',
  'write_presolved_model_to_file',
  'write_iis_model_file',
  'write_basis_file',
  'read_solution_file',
  'read_basis_file',
  'mip_improving_solution_save',
  'mip_improving_solution_report_sparse',
  'mip_improving_solution_file',
  // HiPO needs METIS/BLAS and is not in this build ("hipo" is refused as a solver).
  'hipo_system',
  'hipo_ordering',
  'hipo_block_size',
]);

/** Allowed values of string options, checked against highs 1.15.3 (others are refused by setOptionValue). */
export const STRING_CHOICES: Readonly<Record<string, readonly string[]>> = {
  presolve: ['choose', 'off', 'on'],
  solver: ['choose', 'simplex', 'ipm', 'ipx', 'pdlp', 'qpasm', 'hipdlp'],
  run_crossover: ['on', 'off', 'choose'],
  ranging: ['off', 'on'],
  mip_lp_solver: ['choose', 'simplex', 'ipm', 'ipx'],
  mip_ipm_solver: ['choose', 'ipm', 'ipx'],
  icrash_strategy: ['ICA', 'QP', 'ADMM', 'update_penalty', 'update_admm'],
};

const HELP: Readonly<Record<string, string>> = {
  presolve: 'Run presolve before solving',
  solver: 'LP/QP algorithm; simplex/ipm/pdlp on a MIP or QP solve its relaxation',
  run_crossover: 'Run crossover after the interior-point method',
  time_limit: 'Time limit in seconds',
  random_seed: 'Seed of the solver’s random choices (fix it for reproducible work counters)',
  mip_rel_gap: 'Stop a MIP when the relative gap is below this',
  mip_abs_gap: 'Stop a MIP when the absolute gap is below this',
  mip_max_nodes: 'Maximum branch-and-bound nodes',
  mip_heuristic_effort: 'Share of MIP effort spent in primal heuristics',
  simplex_strategy: '0 choose, 1 dual, 2 dual tasks, 3 dual multi, 4 primal',
  simplex_scale_strategy: '0 off, 1 choose, 2 equilibration, 3 forced equilibration, 4 max value',
  simplex_iteration_limit: 'Maximum simplex iterations',
  primal_feasibility_tolerance: 'Primal feasibility tolerance',
  dual_feasibility_tolerance: 'Dual feasibility tolerance',
  objective_bound: 'Stop when the objective bound passes this',
  mip_feasibility_tolerance: 'Feasibility tolerance for integer variables',
};

/** Group of an option for the form, by its HiGHS prefix. */
export function optionGroup(name: string): string {
  if (name.startsWith('mip_')) return 'MIP';
  if (name.startsWith('simplex_')) return 'Simplex';
  if (name.startsWith('ipm_') || name === 'run_crossover') return 'Interior point';
  if (name.startsWith('pdlp_')) return 'PDLP';
  if (name.startsWith('qp_')) return 'QP';
  if (name.startsWith('icrash')) return 'iCrash';
  if (name.startsWith('iis_')) return 'IIS';
  if (name.endsWith('_tolerance') || name.endsWith('_value') || name.startsWith('infinite_')) return 'Tolerances';
  return 'General';
}

/** Builds the app's descriptors from HiGHS's raw ones, dropping hidden options. */
export function buildDescriptors(
  raw: readonly { name: string; type: string; default: unknown; minimum?: number; maximum?: number }[],
): OptionDescriptor[] {
  const out: OptionDescriptor[] = [];
  for (const r of raw) {
    if (HIDDEN_OPTIONS.has(r.name)) continue;
    if (r.type !== 'boolean' && r.type !== 'integer' && r.type !== 'double' && r.type !== 'string') continue;
    const d: OptionDescriptor = {
      name: r.name,
      type: r.type,
      // HiGHS reports +inf defaults (time_limit) as Infinity; keep it as a number.
      default: (r.default ?? (r.type === 'double' ? Infinity : '')) as OptionValue,
      group: optionGroup(r.name),
    };
    if (typeof r.minimum === 'number') d.minimum = r.minimum;
    if (typeof r.maximum === 'number') d.maximum = r.maximum;
    if (STRING_CHOICES[r.name]) d.choices = STRING_CHOICES[r.name];
    if (HELP[r.name]) d.help = HELP[r.name];
    out.push(d);
  }
  return out;
}

/** Result of reading a form field. */
export type ParsedOption = { ok: true; value: OptionValue } | { ok: false; error: string };

const INT_RE = /^[+-]?\d+$/;
const NUM_RE = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const INF_RE = /^([+-]?)(inf|infinity)$/i;

/** Reads a typed value from what the user entered, checking type, bounds and choices. */
export function parseOptionInput(d: OptionDescriptor, input: string | boolean): ParsedOption {
  if (d.type === 'boolean') {
    if (typeof input === 'boolean') return { ok: true, value: input };
    const s = input.trim().toLowerCase();
    if (s === 'true' || s === 'on' || s === '1') return { ok: true, value: true };
    if (s === 'false' || s === 'off' || s === '0') return { ok: true, value: false };
    return { ok: false, error: `${d.name}: expected true or false, got '${input}'` };
  }
  const s = String(input).trim();
  if (d.type === 'string') {
    if (d.choices && !d.choices.includes(s))
      return { ok: false, error: `${d.name}: '${s}' is not one of ${d.choices.join(', ')}` };
    return { ok: true, value: s };
  }
  let v: number;
  const inf = INF_RE.exec(s);
  if (inf && d.type === 'double') v = inf[1] === '-' ? -Infinity : Infinity;
  else if (d.type === 'integer') {
    if (!INT_RE.test(s)) return { ok: false, error: `${d.name}: expected a whole number, got '${s}'` };
    v = Number(s);
    if (!Number.isSafeInteger(v)) return { ok: false, error: `${d.name}: ${s} is too large` };
  } else {
    if (!NUM_RE.test(s)) return { ok: false, error: `${d.name}: expected a number, got '${s}'` };
    v = Number(s);
    if (!Number.isFinite(v)) return { ok: false, error: `${d.name}: ${s} overflows; write inf for infinity` };
  }
  if (d.minimum !== undefined && v < d.minimum)
    return { ok: false, error: `${d.name}: ${s} is below the minimum ${formatOptionValue(d.minimum)}` };
  if (d.maximum !== undefined && v > d.maximum)
    return { ok: false, error: `${d.name}: ${s} is above the maximum ${formatOptionValue(d.maximum)}` };
  return { ok: true, value: v };
}

/** Renders an option value for a form field or a table (inf for Infinity). */
export function formatOptionValue(v: OptionValue): string {
  if (typeof v === 'number') {
    if (v === Infinity) return 'inf';
    if (v === -Infinity) return '-inf';
  }
  return String(v);
}

/** Are two option values the same (NaN-safe, and 0 equals -0)? */
export function sameOptionValue(a: OptionValue, b: OptionValue): boolean {
  return a === b || Object.is(a, b);
}

/** The values that differ from the defaults: what a run records as its option set. */
export function changedOptions(descs: readonly OptionDescriptor[], values: OptionValues): OptionValues {
  const out: OptionValues = {};
  for (const d of descs) {
    if (d.name in values && !sameOptionValue(values[d.name], d.default)) out[d.name] = values[d.name];
  }
  return out;
}

/** Checks a whole option set (e.g. from storage or a report): unknown names, hidden options, types, bounds. */
export function validateOptionValues(descs: readonly OptionDescriptor[], values: OptionValues): string[] {
  const byName = new Map(descs.map((d) => [d.name, d]));
  const errors: string[] = [];
  for (const [name, value] of Object.entries(values)) {
    const d = byName.get(name);
    if (!d) {
      errors.push(
        HIDDEN_OPTIONS.has(name) ? `${name}: not supported in the browser build` : `${name}: no such HiGHS option`,
      );
      continue;
    }
    const typeOk =
      (d.type === 'boolean' && typeof value === 'boolean') ||
      (d.type === 'string' && typeof value === 'string') ||
      ((d.type === 'integer' || d.type === 'double') && typeof value === 'number');
    if (!typeOk) {
      errors.push(`${name}: expected ${d.type}, got ${typeof value}`);
      continue;
    }
    const r = parseOptionInput(d, typeof value === 'boolean' ? value : formatOptionValue(value));
    if (!r.ok) errors.push(r.error);
  }
  return errors;
}
