import { describe, expect, it } from 'vitest';
import {
  buildSpace,
  changesKey,
  changesLabel,
  closestName,
  deriveValues,
  exclusionReason,
  jobSettings,
  oneChangeCandidates,
  SYMMETRY_DIMENSION,
  type SearchSpace,
} from '../../../src/core/tuner';
import { DESCRIPTORS } from './fixtures';

const space = (r: ReturnType<typeof buildSpace>): SearchSpace => {
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.space;
};
const errors = (r: ReturnType<typeof buildSpace>): string[] => (r.ok ? [] : r.errors);
const desc = (name: string) => DESCRIPTORS.find((d) => d.name === name)!;

describe('the default space (highs 1.15.3 descriptors)', () => {
  const s = space(buildSpace(DESCRIPTORS));
  const values = Object.fromEntries(s.dimensions.map((d) => [d.name, d.values]));

  it('holds the curated options the runtime has, in the curated order', () => {
    expect(s.dimensions.map((d) => d.name)).toEqual([
      'presolve',
      'simplex_strategy',
      'simplex_scale_strategy',
      'simplex_dual_edge_weight_strategy',
      'simplex_primal_edge_weight_strategy',
      'simplex_crash_strategy',
      // simplex_price_strategy: not described by highs 1.15.3, so left out
      'run_crossover',
      'mip_heuristic_effort',
      'mip_detect_symmetry',
      'mip_allow_restart',
      'mip_pscost_minreliable',
      'mip_lp_age_limit',
      'mip_pool_age_limit',
      'mip_pool_soft_limit',
      'mip_heuristic_run_feasibility_jump',
      'mip_heuristic_run_rins',
      'mip_heuristic_run_rens',
      'mip_heuristic_run_root_reduced_cost',
      'mip_heuristic_run_zi_round',
      'mip_heuristic_run_shifting',
    ]);
    expect(s.dimensions.every((d) => d.kind === 'option')).toBe(true);
  });

  it.each([
    ['presolve', ['off', 'on']],
    ['run_crossover', ['off', 'choose']],
    ['simplex_strategy', [0, 2, 3, 4]],
    ['simplex_scale_strategy', [0, 1, 3, 4]],
    ['simplex_dual_edge_weight_strategy', [0, 1, 2]],
    ['simplex_crash_strategy', [1, 2]],
    ['mip_heuristic_effort', [0.0125, 0.025, 0.1, 0.2]],
    ['mip_detect_symmetry', [false]],
    ['mip_heuristic_run_zi_round', [true]],
    ['mip_pscost_minreliable', [2, 4, 16, 32]],
    ['mip_lp_age_limit', [3, 5, 20, 40]],
    ['mip_pool_age_limit', [8, 15, 60, 120]],
    ['mip_pool_soft_limit', [2500, 5000, 20000, 40000]],
  ])('%s tries %j', (name, expected) => expect(values[name]).toEqual(expected));

  it('leaves out tolerances, gaps, limits, random_seed and the solver choice', () => {
    const names = new Set(s.dimensions.map((d) => d.name));
    for (const n of [
      'time_limit',
      'mip_rel_gap',
      'mip_abs_gap',
      'primal_feasibility_tolerance',
      'mip_feasibility_tolerance',
      'simplex_iteration_limit',
      'mip_max_nodes',
      'random_seed',
      'solver',
    ])
      expect(names.has(n)).toBe(false);
  });

  it('makes one candidate per value', () => {
    const one = oneChangeCandidates(s);
    expect(one).toHaveLength(s.dimensions.reduce((n, d) => n + d.values.length, 0));
    expect(one[0]).toEqual({ presolve: 'off' });
  });
});

describe('exclusion reasons', () => {
  it.each([
    ['primal_feasibility_tolerance', /tolerance/],
    ['mip_rel_gap', /gap/],
    ['time_limit', /limit/],
    ['simplex_iteration_limit', /limit/],
    ['mip_max_nodes', /limit/],
    ['random_seed', /varies random_seed/],
    ['threads', /single-threaded/],
    ['mip_lp_age_limit', null],
    ['mip_pool_soft_limit', null],
    ['presolve', null],
  ])('%s', (name, reason) => {
    const r = exclusionReason(name);
    if (reason === null) expect(r).toBeNull();
    else expect(r).toMatch(reason);
  });
});

describe('restricting and extending', () => {
  it('only keeps the named dimensions', () => {
    const s = space(buildSpace(DESCRIPTORS, { only: ['presolve', 'mip_heuristic_effort'] }));
    expect(s.dimensions.map((d) => d.name)).toEqual(['presolve', 'mip_heuristic_effort']);
  });

  it('extends with values, replaces a default dimension’s values, and derives values when none are given', () => {
    const s = space(
      buildSpace(DESCRIPTORS, {
        extend: [
          { name: 'mip_heuristic_effort', values: [0.3, 0.05, 0.3] },
          { name: 'mip_rel_gap', values: [0.001], optIn: true },
          { name: 'mip_max_nodes', optIn: true, values: [1000] },
        ],
      }),
    );
    const byName = Object.fromEntries(s.dimensions.map((d) => [d.name, d.values]));
    expect(byName.mip_heuristic_effort).toEqual([0.3]); // the default and the duplicate dropped
    expect(byName.mip_rel_gap).toEqual([0.001]);
    expect(byName.mip_max_nodes).toEqual([1000]);
  });

  it.each([
    {
      request: { only: ['mip_heuristc_effort'] },
      error: "mip_heuristc_effort: no such HiGHS option (the closest is 'mip_heuristic_effort')",
    },
    {
      request: { extend: [{ name: 'presolv' }] },
      error: "presolv: no such HiGHS option (the closest is 'presolve')",
    },
    { request: { extend: [{ name: 'threads' }] }, error: 'threads: not supported in the browser build' },
    {
      request: { extend: [{ name: 'mip_rel_gap', values: [0.01] }] },
      error:
        'mip_rel_gap: left out of the tuner because a gap changes when a MIP answer counts as optimal; opt in to tune it anyway',
    },
    {
      request: { extend: [{ name: 'random_seed', values: [1], optIn: true }] },
      error: 'random_seed: the race varies random_seed across blocks; it is never a tuned option',
    },
    {
      request: { only: ['mip_rel_gap'] },
      error:
        'mip_rel_gap: not in the tuner’s space; add it with extend (and opt in: a gap changes when a MIP answer counts as optimal)'.replace(
          '’',
          "'",
        ),
    },
    {
      request: { extend: [{ name: 'mip_heuristic_effort', values: [2] }] },
      error: 'mip_heuristic_effort: 2 is above the maximum 1',
    },
    {
      request: { extend: [{ name: 'presolve', values: ['maybe'] }] },
      error: "presolve: 'maybe' is not one of choose, off, on",
    },
    {
      request: { extend: [{ name: 'mip_detect_symmetry', values: ['no'] }] },
      error: 'mip_detect_symmetry: expected boolean values, got string no',
    },
    {
      request: { extend: [{ name: 'time_limit', optIn: true }] },
      error: 'time_limit: no candidate values; give its values (the default is inf)',
    },
    {
      request: { symmetryBreaking: true },
      error: 'symmetryBreaking: only generator templates have a symmetry-breaking switch',
    },
  ])('error: $error', ({ request, error }) => {
    expect(errors(buildSpace(DESCRIPTORS, request))).toEqual([error]);
  });

  it('reports every error at once', () => {
    expect(errors(buildSpace(DESCRIPTORS, { only: ['presolv', 'mip_pool_age'] }))).toHaveLength(2);
  });

  it('an empty restriction is an empty space, an error', () => {
    expect(errors(buildSpace(DESCRIPTORS, { only: [] }))).toEqual(['the space is empty: no option to tune']);
  });
});

describe('the symmetry-breaking switch of generator templates', () => {
  it('is a generator dimension, false by default, tried on', () => {
    const s = space(buildSpace(DESCRIPTORS, { generator: true, symmetryBreaking: true, only: ['symmetryBreaking'] }));
    expect(s.dimensions).toEqual([{ name: SYMMETRY_DIMENSION, kind: 'generator', default: false, values: [true] }]);
  });

  it('goes to the job apart from the HiGHS options', () => {
    expect(jobSettings({ presolve: 'off', [SYMMETRY_DIMENSION]: true })).toEqual({
      options: { presolve: 'off' },
      symmetryBreaking: true,
    });
    expect(jobSettings({})).toEqual({ options: {}, symmetryBreaking: false });
  });
});

describe('helpers', () => {
  it('changesKey is canonical (order-free, typed values)', () => {
    expect(changesKey({ b: 1, a: 'x' })).toBe(changesKey({ a: 'x', b: 1 }));
    expect(changesKey({ a: 1 })).not.toBe(changesKey({ a: '1' }));
    expect(changesKey({})).toBe('');
  });

  it('changesLabel reads as name=value, defaults for none', () => {
    expect(changesLabel({ presolve: 'off', mip_heuristic_effort: 0.2 })).toBe('mip_heuristic_effort=0.2, presolve=off');
    expect(changesLabel({})).toBe('defaults');
  });

  it('closestName picks the smallest edit distance', () => {
    expect(closestName(['presolve', 'solver', 'ranging'], 'SOLVR')).toBe('solver');
    expect(closestName([], 'x')).toBeNull();
  });

  it.each([
    [{ name: 'x', type: 'integer', default: 0, minimum: 0, maximum: 100, group: 'General' }, [1, 2, 4]],
    [{ name: 'x', type: 'integer', default: 3, minimum: 2, maximum: 5, group: 'General' }, [2, 4, 5]],
    [{ name: 'x', type: 'double', default: 0.8, minimum: 0, maximum: 1, group: 'General' }, [0.2, 0.4, 1]],
    [{ name: 'x', type: 'double', default: Infinity, minimum: 0, group: 'General' }, []],
    [{ name: 'x', type: 'string', default: 'a', group: 'General' }, []],
  ] as const)('deriveValues(%j) = %j', (d, expected) => expect(deriveValues(d)).toEqual(expected));

  it('deriveValues of a real descriptor stays within its bounds', () => {
    for (const d of DESCRIPTORS) {
      for (const v of deriveValues(d)) {
        if (typeof v !== 'number') continue;
        expect(v).toBeGreaterThanOrEqual(d.minimum ?? -Infinity);
        expect(v).toBeLessThanOrEqual(d.maximum ?? Infinity);
        expect(v).not.toBe(desc(d.name).default);
      }
    }
  });
});
