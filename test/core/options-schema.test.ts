import { describe, expect, it } from 'vitest';
import {
  buildDescriptors,
  changedOptions,
  formatOptionValue,
  parseOptionInput,
  validateOptionValues,
  type OptionDescriptor,
} from '../../src/core/options-schema';

const raw = [
  { name: 'presolve', type: 'string', default: 'choose' },
  { name: 'time_limit', type: 'double', default: Infinity, minimum: 0, maximum: Infinity },
  { name: 'random_seed', type: 'integer', default: 0, minimum: 0, maximum: 2147483647 },
  { name: 'mip_rel_gap', type: 'double', default: 1e-4, minimum: 0, maximum: Infinity },
  { name: 'mip_detect_symmetry', type: 'boolean', default: true },
  { name: 'icrash_strategy', type: 'string', default: 'ICA' },
  { name: 'threads', type: 'integer', default: 0, minimum: 0, maximum: 2147483647 },
  { name: 'log_file', type: 'string', default: '' },
  { name: 'output_flag', type: 'boolean', default: true },
];
const descs = buildDescriptors(raw);
const d = (name: string): OptionDescriptor => descs.find((x) => x.name === name)!;

describe('buildDescriptors', () => {
  it('drops options the browser build cannot use or the app owns', () => {
    expect(descs.map((x) => x.name)).toEqual([
      'presolve',
      'time_limit',
      'random_seed',
      'mip_rel_gap',
      'mip_detect_symmetry',
      'icrash_strategy',
    ]);
  });
  it('adds choices and groups', () => {
    expect(d('presolve').choices).toEqual(['choose', 'off', 'on']);
    expect(d('mip_rel_gap').group).toBe('MIP');
    expect(d('time_limit').default).toBe(Infinity);
  });
});

describe('parseOptionInput', () => {
  it.each([
    ['time_limit', '10', { ok: true, value: 10 }],
    ['time_limit', 'inf', { ok: true, value: Infinity }],
    ['time_limit', ' Infinity ', { ok: true, value: Infinity }],
    ['time_limit', '1e3', { ok: true, value: 1000 }],
    ['time_limit', '.5', { ok: true, value: 0.5 }],
    ['random_seed', '42', { ok: true, value: 42 }],
    ['presolve', 'off', { ok: true, value: 'off' }],
    ['mip_detect_symmetry', 'false', { ok: true, value: false }],
    ['mip_detect_symmetry', true, { ok: true, value: true }],
  ] as const)('%s = %j is accepted', (name, input, expected) => {
    expect(parseOptionInput(d(name), input)).toEqual(expected);
  });

  it.each([
    ['time_limit', '-1', /below the minimum 0/],
    ['time_limit', 'ten', /expected a number/],
    ['time_limit', '1e999', /overflows/],
    ['time_limit', '', /expected a number/],
    ['random_seed', '1.5', /whole number/],
    ['random_seed', '-3', /below the minimum/],
    ['random_seed', '99999999999', /above the maximum/],
    ['random_seed', 'inf', /whole number/],
    ['presolve', 'maybe', /not one of choose, off, on/],
    ['mip_detect_symmetry', 'yes please', /true or false/],
  ] as const)('%s = %j is refused', (name, input, msg) => {
    const r = parseOptionInput(d(name), input);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error).toMatch(msg);
      expect(r.error.startsWith(name + ':')).toBe(true);
    }
  });
});

describe('changedOptions and validateOptionValues', () => {
  it('keeps only values that differ from the defaults', () => {
    expect(
      changedOptions(descs, { presolve: 'choose', time_limit: 5, random_seed: 0, mip_detect_symmetry: false }),
    ).toEqual({ time_limit: 5, mip_detect_symmetry: false });
  });
  it.each([
    [{ presolve: 'on' }, []],
    [{ nope: 1 }, ['nope: no such HiGHS option']],
    [{ threads: 4 }, ['threads: not supported in the browser build']],
    [{ time_limit: 'soon' }, ['time_limit: expected double, got string']],
    [{ time_limit: Infinity }, []],
    [{ mip_rel_gap: -0.1 }, ['mip_rel_gap: -0.1 is below the minimum 0']],
  ] as const)('%j → %j', (values, errors) => {
    expect(validateOptionValues(descs, values as Record<string, string | number | boolean>)).toEqual(errors);
  });
  it('formats infinities as inf', () => {
    expect(formatOptionValue(Infinity)).toBe('inf');
    expect(formatOptionValue(-Infinity)).toBe('-inf');
    expect(formatOptionValue(0.25)).toBe('0.25');
  });
});
