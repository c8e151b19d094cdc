// Matching the two sides: models by SHA-256, option sets by their options (not ids, names or key order).
import { describe, expect, it } from 'vitest';
import type { OptionSet } from '../../../src/core/benchmark';
import type { OptionValues } from '../../../src/core/options-schema';
import { compareBenchmarks, matchModels, matchOptionSets, optionSetKey } from '../../../src/core/compare';
import { bench, model, run } from './fixtures';

describe('optionSetKey', () => {
  it.each<[string, OptionValues, string]>([
    ['the defaults', {}, '{}'],
    ['sorted keys', { presolve: 'off', mip_rel_gap: 0.01 }, '{"mip_rel_gap":0.01,"presolve":"off"}'],
    ['booleans and integers', { b: 1, a: true }, '{"a":true,"b":1}'],
    ['+Infinity encoded', { time_limit: Infinity }, '{"time_limit":{"$number":"Infinity"}}'],
    ['-Infinity encoded', { objective_bound: -Infinity }, '{"objective_bound":{"$number":"-Infinity"}}'],
    ['-0 as 0', { x: -0 }, '{"x":0}'],
    ['a string stays a string', { x: '1' }, '{"x":"1"}'],
  ])('%s', (_, options, key) => {
    expect(optionSetKey(options)).toBe(key);
  });

  it('is the same for any key order, and differs for a number vs a string', () => {
    expect(optionSetKey({ a: 1, b: 'x', c: false })).toBe(optionSetKey({ c: false, b: 'x', a: 1 }));
    expect(optionSetKey({ a: 1 })).not.toBe(optionSetKey({ a: '1' }));
  });
});

describe('matchModels', () => {
  it('matches by SHA-256 whatever the names, in A order, and lists the unmatched', () => {
    const r = matchModels(
      [model('sha1', { name: 'one' }), model('sha2', { name: 'two', integers: 2 }), model('sha3'), model('sha1')],
      [model('sha2', { name: 'two renamed' }), model('sha1', { name: 'uno' }), model('sha4', { name: 'four' })],
    );
    expect(r.matched).toEqual([
      { id: 'sha1', name: 'one', nameB: 'uno', isMip: false },
      { id: 'sha2', name: 'two', nameB: 'two renamed', isMip: true },
    ]);
    expect(r.onlyInA).toEqual([{ id: 'sha3', name: 'sha3' }]);
    expect(r.onlyInB).toEqual([{ id: 'sha4', name: 'four' }]);
  });
});

describe('matchOptionSets', () => {
  const a: OptionSet[] = [
    { id: 'a-def', name: 'Defaults', options: {} },
    { id: 'a-x', name: 'No presolve', options: { presolve: 'off', mip_rel_gap: 0.01 } },
    { id: 'a-inf', name: 'Unlimited', options: { time_limit: Infinity } },
    { id: 'a-dup', name: 'Defaults again', options: {} },
  ];
  const b: OptionSet[] = [
    { id: 'b1', name: 'Base', options: { mip_rel_gap: 0.01, presolve: 'off' } },
    { id: 'b0', name: 'HiGHS defaults', options: {} },
    { id: 'b-on', name: 'Presolve on', options: { presolve: 'on' } },
    { id: 'b-str', name: 'Gap as text', options: { mip_rel_gap: '0.01' } },
  ];

  it('matches by options (not id or name, any key order), in A order', () => {
    const r = matchOptionSets(a, b, { a: 'a-def', b: 'b1' });
    expect(r.matched).toEqual([
      {
        key: '{}',
        a: { id: 'a-def', name: 'Defaults', reference: true },
        b: { id: 'b0', name: 'HiGHS defaults', reference: false },
      },
      {
        key: '{"mip_rel_gap":0.01,"presolve":"off"}',
        a: { id: 'a-x', name: 'No presolve', reference: false },
        b: { id: 'b1', name: 'Base', reference: true },
      },
    ]);
  });

  it('reports the unmatched sets of each side, and duplicates of options', () => {
    const r = matchOptionSets(a, b, { a: 'a-def', b: 'b1' });
    expect(r.onlyInA.map((s) => [s.id, s.reason, s.key])).toEqual([
      ['a-inf', 'no-match', '{"time_limit":{"$number":"Infinity"}}'],
      ['a-dup', 'duplicate-options', '{}'],
    ]);
    expect(r.onlyInB.map((s) => [s.id, s.reason])).toEqual([
      ['b-on', 'no-match'],
      ['b-str', 'no-match'],
    ]);
  });

  it('carries the matching into compareBenchmarks: runs of B are found by B’s own set id', () => {
    const c = compareBenchmarks({
      a: bench('A', {
        models: [model('sha1', { name: 'one' }), model('sha3')],
        optionSets: a,
        runs: [run({ modelId: 'sha1', optionSetId: 'a-x', timeMs: 4 })],
      }),
      b: bench('B', {
        models: [model('sha1', { name: 'uno' }), model('sha4')],
        optionSets: b,
        runs: [run({ modelId: 'sha1', optionSetId: 'b1', timeMs: 4 })],
      }),
      parameters: { shiftMs: 1 },
    });
    expect(c.models.onlyInA.map((m) => m.id)).toEqual(['sha3']);
    expect(c.models.onlyInB.map((m) => m.id)).toEqual(['sha4']);
    expect(c.optionSets.matched.map((s) => [s.a.id, s.b.id])).toEqual([
      ['a-def', 'b0'],
      ['a-x', 'b1'],
    ]);
    expect(c.pairs).toHaveLength(1);
    expect(c.pairs[0]).toMatchObject({
      modelId: 'sha1',
      modelName: 'one',
      optionSetKey: '{"mip_rel_gap":0.01,"presolve":"off"}',
      seeds: 1,
      timeMs: { a: 4, b: 4 },
      timeRatio: 1,
    });
    // The defaults are matched but neither side ran them: a summary without problems.
    expect(c.summaries[0]).toMatchObject({ optionSetKey: '{}', problems: 0, timeRatio: null, speedup: null });
    expect(c.summaries[1]).toMatchObject({ problems: 1, timeRatio: { ratio: 1, ci95: [1, 1] } });
  });
});
