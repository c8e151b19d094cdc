import { describe, expect, it } from 'vitest';
import {
  WARNING_RULES,
  editDistance,
  optionWarning,
  suggestOptionName,
  validateCandidate,
} from '../../../src/core/parameters';
import { descriptor, descriptors } from './descriptors';

describe('validateCandidate: errors, each naming its option', () => {
  it.each([
    // unknown names, with the closest known name within edit distance 2
    [{ presolv: 'off' }, 'presolv', "presolv: no such HiGHS option (did you mean 'presolve'?)"],
    [{ mip_rel_gapp: 0.1 }, 'mip_rel_gapp', "mip_rel_gapp: no such HiGHS option (did you mean 'mip_rel_gap'?)"],
    [{ Presolve: 'on' }, 'Presolve', "Presolve: no such HiGHS option (did you mean 'presolve'?)"],
    [{ radnom_seed: 3 }, 'radnom_seed', "radnom_seed: no such HiGHS option (did you mean 'random_seed'?)"],
    [{ totally_unknown: 1 }, 'totally_unknown', 'totally_unknown: no such HiGHS option'],
    // options the WASM build cannot use, or that the app owns
    [{ threads: 4 }, 'threads', 'threads: not supported in the browser build'],
    [{ parallel: 'on' }, 'parallel', 'parallel: not supported in the browser build'],
    [{ output_flag: true }, 'output_flag', 'output_flag: not supported in the browser build'],
    [{ hipo_system: 'augmented' }, 'hipo_system', 'hipo_system: not supported in the browser build'],
    // wrong type
    [{ time_limit: true }, 'time_limit', 'time_limit: expected double, got boolean'],
    [{ presolve: 1 }, 'presolve', 'presolve: expected string, got number'],
    [{ mip_detect_symmetry: 0 }, 'mip_detect_symmetry', 'mip_detect_symmetry: expected boolean, got number'],
    [{ time_limit: null }, 'time_limit', 'time_limit: expected double, got null'],
    [{ time_limit: [1] }, 'time_limit', 'time_limit: expected double, got array'],
    [{ time_limit: 'soon' }, 'time_limit', "time_limit: expected a number, got 'soon'"],
    [{ random_seed: 1.5 }, 'random_seed', "random_seed: expected a whole number, got '1.5'"],
    [{ mip_detect_symmetry: 'yes please' }, 'mip_detect_symmetry', /mip_detect_symmetry: expected true or false/],
    // out of range or not one of the choices
    [{ random_seed: -1 }, 'random_seed', 'random_seed: -1 is below the minimum 0'],
    [{ simplex_strategy: 9 }, 'simplex_strategy', 'simplex_strategy: 9 is above the maximum 4'],
    [{ mip_heuristic_effort: '2' }, 'mip_heuristic_effort', 'mip_heuristic_effort: 2 is above the maximum 1'],
    [{ mip_rel_gap: -0.1 }, 'mip_rel_gap', 'mip_rel_gap: -0.1 is below the minimum 0'],
    [{ primal_feasibility_tolerance: 1e-12 }, 'primal_feasibility_tolerance', /below the minimum 1e-10/],
    [{ presolve: 'maybe' }, 'presolve', "presolve: 'maybe' is not one of choose, off, on"],
    [{ solver: 'hipo' }, 'solver', /solver: 'hipo' is not one of choose, simplex/],
  ] as const)('%j → %s: %s', (options, option, message) => {
    const r = validateCandidate(descriptors, options as Record<string, unknown>);
    expect(r.valid).toBe(false);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0].option).toBe(option);
    expect(r.errors[0].message).toMatch(typeof message === 'string' ? new RegExp(`^${escape(message)}$`) : message);
    expect(r.errors[0].message.startsWith(`${option}:`)).toBe(true);
    expect(r.options).toEqual({});
  });

  it('keeps the options that passed, typed, beside the errors of the others', () => {
    const r = validateCandidate(descriptors, { presolve: 'off', presolv: 'on', time_limit: '30', random_seed: -2 });
    expect(r.valid).toBe(false);
    expect(r.errors.map((e) => e.option)).toEqual(['presolv', 'random_seed']);
    expect(r.options).toEqual({ presolve: 'off', time_limit: 30 });
  });

  it('refuses something that is not an object of options', () => {
    const r = validateCandidate(descriptors, null as unknown as Record<string, unknown>);
    expect(r.valid).toBe(false);
    expect(r.errors[0].message).toMatch(/object of option names/);
  });
});

describe('validateCandidate: accepted values, read as HiGHS reads them', () => {
  it.each([
    [{ time_limit: '10' }, { time_limit: 10 }],
    [{ time_limit: 'inf' }, { time_limit: Infinity }],
    [{ objective_bound: '-inf' }, { objective_bound: -Infinity }],
    [{ objective_bound: -Infinity }, { objective_bound: -Infinity }],
    [{ mip_detect_symmetry: 'f' }, { mip_detect_symmetry: false }],
    [{ mip_detect_symmetry: 'T' }, { mip_detect_symmetry: true }],
    [{ mip_detect_symmetry: 'off' }, { mip_detect_symmetry: false }],
    [{ random_seed: '42' }, { random_seed: 42 }],
    [
      { mip_rel_gap: 0.01, presolve: 'on' },
      { mip_rel_gap: 0.01, presolve: 'on' },
    ],
    [{}, {}],
  ] as const)('%j → %j', (options, parsed) => {
    const r = validateCandidate(descriptors, options);
    expect(r.errors).toEqual([]);
    expect(r.valid).toBe(true);
    expect(r.options).toEqual(parsed);
  });
});

describe('validateCandidate: warnings table', () => {
  it.each([
    [
      'mip_rel_gap',
      0.05,
      /^changes mip_rel_gap to 0\.05 \(default 0\.0001\), so MIP objectives may differ .* within the gap$/,
    ],
    ['mip_abs_gap', 1, /^changes mip_abs_gap to 1 .*objectives may differ from the reference within the gap$/],
    ['mip_rel_gap', 0, /^tightens mip_rel_gap to 0 .*may take longer/],
    ['time_limit', 30, /^sets time_limit = 30 s, so unsolved runs are likely; benchmarks replace it/],
    ['mip_max_nodes', 1000, /^limits mip_max_nodes to 1000, so unsolved runs are likely$/],
    ['simplex_iteration_limit', 50, /^limits simplex_iteration_limit to 50, so unsolved runs are likely$/],
    ['objective_bound', 100, /^sets objective_bound = 100, so solves may stop before optimality/],
    ['presolve', 'off', /^turns presolve off: often much slower/],
    [
      'solver',
      'simplex',
      /^sets solver = simplex instead of letting HiGHS choose; on a MIP \(QP\) HiGHS then ignores integrality/,
    ],
    ['solver', 'pdlp', /ignores integrality.*PDLP is a first-order method/],
    ['solver', 'qpasm', /^sets solver = qpasm instead of letting HiGHS choose$/],
    ['run_crossover', 'off', /^turns run_crossover off: interior-point solutions are not basic/],
    ['random_seed', 7, /^sets random_seed = 7: benchmarks set random_seed per run, so this value is overridden there/],
    ['primal_feasibility_tolerance', 1e-5, /^loosens primal_feasibility_tolerance to 0\.00001 \(default 1e-7\)/],
    ['mip_feasibility_tolerance', 1e-4, /^loosens mip_feasibility_tolerance/],
    ['highs_debug_level', 2, /^sets highs_debug_level = 2: debugging work makes every solve slower$/],
    ['ranging', 'on', /^turns ranging on/],
    ['presolve', 'choose', /^sets presolve to its default value \(choose\), so it has no effect$/],
    ['time_limit', Infinity, /^sets time_limit to its default value \(inf\), so it has no effect$/],
  ] as const)('%s = %s → %s', (option, value, message) => {
    const r = validateCandidate(descriptors, { [option]: value });
    expect(r.valid).toBe(true);
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0].option).toBe(option);
    expect(r.warnings[0].message).toMatch(message);
    expect(r.warnings[0].message).toContain(option);
  });

  it.each([
    ['presolve', 'on'],
    ['mip_detect_symmetry', false],
    ['primal_feasibility_tolerance', 1e-9],
    ['simplex_strategy', 4],
    ['mip_heuristic_effort', 0.2],
  ] as const)('%s = %s gives no warning', (option, value) => {
    const r = validateCandidate(descriptors, { [option]: value });
    expect(r).toMatchObject({ valid: true, warnings: [] });
  });

  it('gives warnings only for options that passed, one per option', () => {
    const r = validateCandidate(descriptors, { mip_rel_gap: 0.1, time_limit: 5, threads: 2 });
    expect(r.warnings.map((w) => w.option)).toEqual(['mip_rel_gap', 'time_limit']);
    expect(r.errors.map((e) => e.option)).toEqual(['threads']);
  });

  it('names only options this HiGHS has in its rules', () => {
    const names = new Set(descriptors.map((d) => d.name));
    expect(WARNING_RULES.flatMap((r) => r.options).filter((o) => !names.has(o))).toEqual([]);
  });

  it('optionWarning is null for a value no rule cares about', () => {
    expect(optionWarning('simplex_update_limit', 1000, descriptor('simplex_update_limit'))).toBeNull();
  });
});

describe('suggestions', () => {
  it.each([
    ['kitten', 'sitting', 3],
    ['presolve', 'presolve', 0],
    ['presolv', 'presolve', 1],
    ['', 'abc', 3],
    ['mip_rel_gap', 'mip_abs_gap', 3],
  ] as const)('editDistance(%s, %s) = %d', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
    expect(editDistance(b, a)).toBe(d);
  });
  it('cuts off above the maximum', () => {
    expect(editDistance('abcdef', 'uvwxyz', 2)).toBe(3);
  });
  it.each([
    ['time_limt', 'time_limit'],
    ['solvr', 'solver'],
    ['mip_max_node', 'mip_max_nodes'],
    ['xyzzy_plugh', null],
  ] as const)('%s → %s', (name, suggestion) => {
    expect(suggestOptionName(descriptors, name)).toBe(suggestion);
  });
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
