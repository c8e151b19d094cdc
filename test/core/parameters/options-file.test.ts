import { describe, expect, it } from 'vitest';
import type { OptionValues } from '../../../src/core/options-schema';
import {
  capErrors,
  MAX_LISTED_OPTION_ERRORS,
  OPTION_SET_SCHEMA,
  OptionsFileError,
  optionSetFromJson,
  optionSetToJson,
  parseOptionsFile,
  serializeOptionsFile,
} from '../../../src/core/parameters';
import { descriptors } from './descriptors';

/**
 * The rules of native HiGHS's loadOptionsFromFile (src/io/LoadOptions.cpp) and setLocalOptionValue
 * (HighsOptions.cpp) that a written file must meet, checked line by line: an empty line or '#' in the
 * first column is skipped; otherwise there is an '=' with something after it; a bool value is one of
 * t/true/1/on/f/false/0/off, an integer plain digits, a double inf/-inf or only the characters +-.0-9eE.
 */
function nativeReaderProblems(text: string): string[] {
  const byName = new Map(descriptors.map((d) => [d.name, d]));
  const problems: string[] = [];
  text.split('\n').forEach((line, i) => {
    if (line.length === 0 || line[0] === '#') return;
    const eq = line.indexOf('=');
    if (eq === -1 || eq + 1 >= line.length) return problems.push(`line ${i + 1}: no '=' or no value`);
    const name = line.slice(0, eq).trim();
    const value = line.slice(eq + 1).trim();
    const d = byName.get(name);
    if (!d) return problems.push(`line ${i + 1}: unknown ${name}`);
    const ok =
      d.type === 'boolean'
        ? /^(t|true|1|on|f|false|0|off)$/i.test(value)
        : d.type === 'integer'
          ? /^[+-]?\d+$/.test(value)
          : d.type === 'double'
            ? /^[+-]?inf$/i.test(value) || /^[-+.0-9eE]+$/.test(value)
            : value.length > 0 && (d.choices ?? [value]).includes(value);
    if (!ok) problems.push(`line ${i + 1}: ${name} = ${value}`);
  });
  return problems;
}

describe('serializeOptionsFile', () => {
  it('writes a header comment and sorted name = value lines', () => {
    const text = serializeOptionsFile(
      { time_limit: 30, presolve: 'off', mip_detect_symmetry: false, objective_bound: -Infinity, mip_rel_gap: 1e-7 },
      ['blessed set "fast" of template knapsack', 'approved by Ada'],
    );
    expect(text).toBe(
      [
        '# HiGHS options file',
        '# blessed set "fast" of template knapsack',
        '# approved by Ada',
        'mip_detect_symmetry = false',
        'mip_rel_gap = 1e-7',
        'objective_bound = -inf',
        'presolve = off',
        'time_limit = 30',
        '',
      ].join('\n'),
    );
    expect(nativeReaderProblems(text)).toEqual([]);
  });

  it('keeps every header line a comment, whatever line breaks a name holds', () => {
    const text = serializeOptionsFile({ presolve: 'on' }, ['name\npresolve = off', 'a\r\nb', '']);
    expect(text.split('\n').filter((l) => l !== '' && !l.startsWith('#'))).toEqual(['presolve = on']);
    expect(parseOptionsFile(text, descriptors)).toEqual({ ok: true, options: { presolve: 'on' }, errors: [] });
  });

  it.each([
    [{ presolve: '' }, /presolve: an empty value cannot be written/],
    [{ presolve: 'a\nb' }, /^presolve: "a\\nb" has line breaks/],
    [{ presolve: ' on' }, /blanks at its ends/],
    [{ presolve: '"on"' }, /quotes/],
    [{ time_limit: NaN }, /time_limit: NaN cannot be written/],
  ] as const)('refuses %j, which HiGHS could not read back', (options, message) => {
    expect(() => serializeOptionsFile(options as OptionValues)).toThrow(OptionsFileError);
    expect(() => serializeOptionsFile(options as OptionValues)).toThrow(message);
  });
});

describe('options file round trip', () => {
  it.each<[string, OptionValues]>([
    ['empty (the defaults)', {}],
    ['infinities', { time_limit: Infinity, objective_bound: -Infinity, objective_target: Infinity }],
    ['booleans', { mip_detect_symmetry: false, mip_allow_restart: true, icrash: true }],
    ['strings', { presolve: 'off', solver: 'ipm', run_crossover: 'choose', icrash_strategy: 'update_admm' }],
    ['integers', { random_seed: 2147483647, simplex_strategy: 4, simplex_dual_edge_weight_strategy: -1 }],
    [
      'doubles',
      {
        mip_rel_gap: 1e-9,
        mip_abs_gap: 0,
        infinite_cost: 1e20,
        mip_heuristic_effort: 0.3,
        icrash_starting_weight: 1e50,
      },
    ],
    ['awkward doubles', { primal_feasibility_tolerance: 1e-6 / 3, time_limit: 0.1 + 0.2 }],
  ])('%s', (_label, options) => {
    const text = serializeOptionsFile(options, ['round trip']);
    expect(nativeReaderProblems(text)).toEqual([]);
    const back = parseOptionsFile(text, descriptors);
    expect(back.errors).toEqual([]);
    expect(back.options).toEqual(options);
  });

  it('round-trips the default value of every option this HiGHS offers', () => {
    const all = Object.fromEntries(descriptors.map((d) => [d.name, d.default]));
    const text = serializeOptionsFile(all);
    expect(nativeReaderProblems(text)).toEqual([]);
    expect(parseOptionsFile(text, descriptors)).toEqual({ ok: true, options: all, errors: [] });
  });
});

describe('parseOptionsFile', () => {
  it('skips blank lines and comments and reads what native HiGHS reads (quotes, t/f, CRLF, BOM)', () => {
    const text =
      '\uFEFF# written by hand\r\n\r\n   \r\npresolve = "off"\r\n  # an indented comment\r\nmip_detect_symmetry=f\r\ntime_limit = INF\r\nmip_rel_gap = 1e-3\r\n';
    expect(parseOptionsFile(text, descriptors)).toEqual({
      ok: true,
      options: { presolve: 'off', mip_detect_symmetry: false, time_limit: Infinity, mip_rel_gap: 0.001 },
      errors: [],
    });
  });

  it.each([
    ['# header\n\npresolv = off\n', ["line 3: unknown option 'presolv' (did you mean 'presolve'?)"]],
    ['xyzzy_plugh = 1', ["line 1: unknown option 'xyzzy_plugh'"]],
    ['presolve = off\nsolver = ipm\npresolve = on\n', ["line 3: duplicate option 'presolve' (already set on line 1)"]],
    ['# x\npresolve off\n', ["line 2: expected 'name = value', got 'presolve off'"]],
    ['presolve =\n', ["line 1: no value for option 'presolve'"]],
    ['presolve = ""\n', ["line 1: no value for option 'presolve'"]],
    ['= off\n', ["line 1: no option name before '='"]],
    ['threads = 4\n', ["line 1: option 'threads' is not supported in the browser build"]],
    ['\n\nrandom_seed = -5\n', ['line 3: random_seed: -5 is below the minimum 0']],
    ['random_seed = 1e3\n', ["line 1: random_seed: expected a whole number, got '1e3'"]],
    ['presolve = maybe\n', ["line 1: presolve: 'maybe' is not one of choose, off, on"]],
    ['mip_detect_symmetry = yes\n', ["line 1: mip_detect_symmetry: expected true or false, got 'yes'"]],
    [
      'presolv = off\ntime_limit = soon\npresolve = on\nmip_rel_gap = -1\n',
      [
        "line 1: unknown option 'presolv' (did you mean 'presolve'?)",
        "line 2: time_limit: expected a number, got 'soon'",
        'line 4: mip_rel_gap: -1 is below the minimum 0',
      ],
    ],
  ] as const)('%j → %j', (text, errors) => {
    const r = parseOptionsFile(text, descriptors);
    expect(r.ok).toBe(false);
    expect(r.errors).toEqual(errors);
  });

  it('keeps the good lines of a file with errors', () => {
    const r = parseOptionsFile('presolve = off\nthreads = 2\ntime_limit = 5\n', descriptors);
    expect(r.options).toEqual({ presolve: 'off', time_limit: 5 });
  });
});

describe('option sets as JSON', () => {
  it('round-trips a named set, infinities included', () => {
    const options = { time_limit: Infinity, objective_bound: -Infinity, presolve: 'off', random_seed: 3 };
    const text = optionSetToJson('fast', options);
    const data = JSON.parse(text);
    expect(data).toEqual({
      schema: OPTION_SET_SCHEMA,
      version: 1,
      name: 'fast',
      options: {
        objective_bound: { $number: '-Infinity' },
        presolve: 'off',
        random_seed: 3,
        time_limit: { $number: 'Infinity' },
      },
    });
    const back = optionSetFromJson(text, descriptors);
    expect(back.ok).toBe(true);
    expect(back.name).toBe('fast');
    expect(back.options).toEqual(options);
    expect(back.warnings.map((w) => w.option)).toEqual(['objective_bound', 'presolve', 'random_seed', 'time_limit']);
  });

  it('accepts a bare { name, options }', () => {
    const r = optionSetFromJson('{"name": " mine ", "options": {"mip_rel_gap": 0.01}}', descriptors);
    expect(r).toMatchObject({ ok: true, name: 'mine', options: { mip_rel_gap: 0.01 } });
  });

  it.each([
    ['{"name": "x", "options": {', /^invalid JSON at line 1/],
    ['[1]', /expected an object/],
    ['{"options": {}}', /name: expected a non-empty string/],
    ['{"name": "", "options": {}}', /name: expected a non-empty string/],
    ['{"name": "x", "options": []}', /options: expected an object/],
    ['{"name": "x"}', /options: expected an object/],
    ['{"schema": "highs-workbench/report", "name": "x", "options": {}}', /schema is 'highs-workbench\/report'/],
    ['{"version": 2, "name": "x", "options": {}}', /version 2 is not supported/],
    ['{"name": "x", "options": {"__proto__": 1}}', /the key '__proto__' is not allowed/],
    ['{"name": "x", "options": {"presolv": "on"}}', /presolv: no such HiGHS option \(did you mean 'presolve'\?\)/],
    ['{"name": "x", "options": {"time_limit": {"$number": "NaN"}}}', /time_limit: expected double, got object/],
  ] as const)('%s is refused: %s', (text, message) => {
    const r = optionSetFromJson(text, descriptors);
    expect(r.ok).toBe(false);
    expect(r.errors.map((e) => e.message).join('\n')).toMatch(message);
  });
});

describe('a huge options file (issue 18: 350,000 duplicate lines rendered 349,999 error paragraphs)', () => {
  it('lists at most MAX_LISTED_OPTION_ERRORS errors and counts the rest in one line', () => {
    const text = 'presolve = off\n'.repeat(350_000);
    const r = parseOptionsFile(text, descriptors);
    expect(r.ok).toBe(false);
    expect(r.errors).toHaveLength(MAX_LISTED_OPTION_ERRORS + 1);
    expect(r.errors[0]).toBe("line 2: duplicate option 'presolve' (already set on line 1)");
    expect(r.errors.at(-1)).toBe('… and 349,949 more errors not listed (the first 50 are)');
  });

  it.each([
    { n: 3, listed: 3, last: 'c' },
    { n: 50, listed: 50, last: 'x49' },
    { n: 51, listed: 51, last: '… and 1 more error not listed (the first 50 are)' },
    { n: 1000, listed: 51, last: '… and 950 more errors not listed (the first 50 are)' },
  ])('capErrors of $n errors lists $listed lines', ({ n, listed, last }) => {
    const errors = n === 3 ? ['a', 'b', 'c'] : Array.from({ length: n }, (_, i) => `x${i}`);
    const out = capErrors(errors);
    expect(out).toHaveLength(listed);
    expect(out.at(-1)).toBe(last);
  });
});
