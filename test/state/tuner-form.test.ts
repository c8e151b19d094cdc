// The #/tune form's readers: lists of whole numbers and extra space dimensions, each refusing bad input with the
// field (and line) named.
import { describe, expect, it } from 'vitest';
import { parseExtensions, parseWholeList } from '../../src/state/tuner-state.svelte';
import { DESCRIPTORS } from '../core/tuner/fixtures';

describe('parseWholeList', () => {
  it.each([
    ['0, 1, 2', [0, 1, 2]],
    ['1-4', [1, 2, 3, 4]],
    ['3 1 3', [3, 1]],
    ['0-1, 5', [0, 1, 5]],
  ])('%s → %j', (text, expected) => {
    expect(parseWholeList(text, 'seeds')).toEqual(expected);
  });

  it.each([
    ['', /^seeds: give at least one value/],
    ['1, x', /^seeds: 'x' is not a whole number in 0\.\.2147483647/],
    ['-1', /^seeds: '-1' is not a whole number/],
    ['1.5', /^seeds: '1\.5' is not a whole number/],
    ['0-2000', /^seeds: at most 1000 values/],
  ])('refuses %j naming the field', (text, message) => {
    expect(() => parseWholeList(text, 'seeds')).toThrow(message);
  });

  it('keeps to the given range', () => {
    expect(() => parseWholeList('0', 'sizes', 1, 10)).toThrow(/^sizes: '0' is not a whole number in 1\.\.10/);
  });
});

describe('parseExtensions', () => {
  it('reads names, typed values, comments and blank lines', () => {
    const text = '# extra\nmip_rel_gap = 0.01, 0.001\n\nmip_allow_restart\nsimplex_strategy = 4';
    expect(parseExtensions(text, DESCRIPTORS, true)).toEqual([
      { name: 'mip_rel_gap', values: [0.01, 0.001], optIn: true },
      { name: 'mip_allow_restart', optIn: true },
      { name: 'simplex_strategy', values: [4], optIn: true },
    ]);
  });

  it.each([
    ['presolve = on\n9bad = 1', /^extra options, line 2: '9bad' is not an option name/],
    ['simplex_strategy = 9', /^extra options, line 1: simplex_strategy = 9: /],
  ])('refuses %j naming the line', (text, message) => {
    expect(() => parseExtensions(text, DESCRIPTORS, false)).toThrow(message);
  });
});
