// Bad imports are refused with a clear reason, named by path; nothing reaches a prototype; oversized
// input is refused before JSON.parse sees it.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseReport, serializeReport, type Report } from '../../../src/core/report';
import { locateJsonError } from '../../../src/core/report/json-safety';
import { sampleReport } from './fixtures';

/** The sample report as a plain JSON value (option values encoded), to break before import. */
function sampleJson(): Record<string, unknown> {
  return JSON.parse(serializeReport(sampleReport()));
}
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const runOf = (j: Json, i: number): Json => j.benchmarks[0].runs[i];

/** Errors of an import that must fail. */
function errorsOf(text: string, opts?: { maxBytes?: number }): string[] {
  const result = parseReport(text, opts);
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.errors;
}

afterEach(() => {
  vi.restoreAllMocks();
  delete (Object.prototype as Record<string, unknown>).polluted;
});

const badTexts: [string, () => string, string | RegExp][] = [
  [
    'truncated JSON',
    () => serializeReport(sampleReport()).slice(0, 200),
    /^invalid JSON at line \d+, column \d+ \(offset 200\): unexpected end of input/,
  ],
  [
    'truncated after a value',
    () => '{"schema": "highs-workbench/report", "version": 1',
    'invalid JSON at line 1, column 50 (offset 49): unexpected end of input',
  ],
  ['empty text', () => '', 'invalid JSON at line 1, column 1 (offset 0): unexpected end of input'],
  [
    'a NaN token',
    () => '{"schema": "highs-workbench/report",\n "version": NaN}',
    'invalid JSON at line 2, column 13 (offset 49): unexpected "N", expected a value (NaN and Infinity are not JSON)',
  ],
  [
    'an Infinity token',
    () => '[1, Infinity]',
    'invalid JSON at line 1, column 5 (offset 4): unexpected "I", expected a value (NaN and Infinity are not JSON)',
  ],
  [
    'a -Infinity token',
    () => '[-Infinity]',
    /^invalid JSON at line 1, column 2 \(offset 1\): unexpected "-", expected a number/,
  ],
  [
    'a trailing comma',
    () => '{"a": [1, 2,]}',
    'invalid JSON at line 1, column 13 (offset 12): unexpected "]", expected a value',
  ],
  [
    'single quotes',
    () => "{'a': 1}",
    'invalid JSON at line 1, column 2 (offset 1): unexpected "\'", expected a property name in double quotes',
  ],
  [
    'text after the value',
    () => '{} x',
    'invalid JSON at line 1, column 4 (offset 3): unexpected "x", expected the end after the JSON value',
  ],
  ['a top-level array', () => '[]', 'not a HiGHS Workbench report: expected a JSON object at the top level'],
  [
    'an unknown schema',
    () => JSON.stringify({ ...sampleJson(), schema: 'acme/report' }),
    'not a HiGHS Workbench report: schema is "acme/report", expected "highs-workbench/report"',
  ],
  [
    'no schema',
    () => JSON.stringify({ version: 1 }),
    'not a HiGHS Workbench report: "schema" is missing (expected "highs-workbench/report")',
  ],
  [
    'version 2',
    () => JSON.stringify({ ...sampleJson(), version: 2 }),
    'report version 2 is newer than this app reads (1)',
  ],
  [
    'version 0',
    () => JSON.stringify({ ...sampleJson(), version: 0 }),
    'version: expected a report version (a whole number ≥ 1), got 0',
  ],
  [
    'version "1"',
    () => JSON.stringify({ ...sampleJson(), version: '1' }),
    'version: expected a report version (a whole number ≥ 1), got "1"',
  ],
  [
    'no version',
    () => JSON.stringify({ schema: 'highs-workbench/report' }),
    'version: expected a report version (a whole number ≥ 1), missing',
  ],
];

describe('report import refuses bad text', () => {
  it.each(badTexts)('%s', (_name, text, expected) => {
    const errors = errorsOf(text());
    if (typeof expected === 'string') expect(errors).toContain(expected);
    else
      expect(
        errors.some((e) => expected.test(e)),
        errors.join('\n'),
      ).toBe(true);
  });

  it('JSON.parse itself refuses NaN and Infinity tokens', () => {
    for (const text of ['{"a": NaN}', '{"a": Infinity}', '{"a": -Infinity}'])
      expect(() => JSON.parse(text)).toThrow(SyntaxError);
  });

  it('agrees with JSON.parse on what is valid JSON', () => {
    const cases = [
      '{"a":[1,-0.5e+3,"x\\u00e9\\n",true,false,null,{}]}',
      ' [ ] ',
      '"s"',
      '0',
      '01',
      '1.',
      '.5',
      '"\t"',
      '"\\x"',
      '{"a":1,}',
      '[1 2]',
      '{"a":{"b":[{}]}} ',
    ];
    for (const text of cases) {
      let valid = true;
      try {
        JSON.parse(text);
      } catch {
        valid = false;
      }
      expect(locateJsonError(text) === null, text).toBe(valid);
    }
  });
});

describe('report import refuses oversized input before parsing it', () => {
  it('refuses 100 MiB without calling JSON.parse', () => {
    const parse = vi.spyOn(JSON, 'parse');
    const text = ' '.repeat(100 * 1024 * 1024);
    const errors = errorsOf(text);
    expect(parse).not.toHaveBeenCalled();
    expect(errors[0]).toBe(
      'the report is at least 100 MiB, larger than this app reads (the limit is 64 MiB); it was not read',
    );
  });

  it('counts UTF-8 bytes, not characters, against maxBytes', () => {
    const report = serializeReport(sampleReport());
    const padded = report.replace('"name": "afiro.mps"', `"name": "${'é'.repeat(1000)}"`);
    const bytes = new TextEncoder().encode(padded).length;
    expect(parseReport(padded, { maxBytes: bytes }).ok).toBe(true);
    const parse = vi.spyOn(JSON, 'parse');
    expect(errorsOf(padded, { maxBytes: bytes - 1 })[0]).toMatch(/larger than .* MiB/);
    expect(parse).not.toHaveBeenCalled();
  });

  it('reads a report with a UTF-8 byte order mark', () => {
    expect(parseReport('\ufeff' + serializeReport(sampleReport())).ok).toBe(true);
  });
});

describe('report import keeps prototypes clean', () => {
  it.each([
    [
      '__proto__ at the top',
      (j: Json) => `{"__proto__": {"polluted": true}, ${JSON.stringify(j).slice(1)}`,
      '__proto__: the key "__proto__" is not allowed',
    ],
    [
      '__proto__ in options',
      (j: Json) => JSON.stringify(j).replace('"options":{}', '"options":{"__proto__":{"polluted":true}}'),
      'benchmarks[0].optionSets[0].options.__proto__: the key "__proto__" is not allowed',
    ],
    [
      '__proto__ in the summary',
      (j: Json) => JSON.stringify(j).replace('"shiftMs":', '"__proto__":{"polluted":true},"shiftMs":'),
      'benchmarks[0].summary.__proto__: the key "__proto__" is not allowed',
    ],
    [
      'constructor.prototype',
      (j: Json) => JSON.stringify(j).replace('"shiftMs":', '"constructor":{"prototype":{"polluted":true}},"shiftMs":'),
      'benchmarks[0].summary.constructor: the key "constructor" is not allowed',
    ],
  ])('refuses %s', (_name, make, message) => {
    const text = make(sampleJson());
    expect(text).toContain('polluted');
    expect(errorsOf(text)).toContain(message);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
  });
});

const badFields: [string, (j: Json) => void, string][] = [
  [
    'a run pointing at an unknown model',
    (j) => void (runOf(j, 3).modelId = 'b'.repeat(64)),
    `benchmarks[0].runs[3].modelId: no model "${'b'.repeat(60)}…" in this benchmark`,
  ],
  [
    'a run pointing at an unknown option set',
    (j) => void (runOf(j, 1).optionSetId = 'turbo'),
    'benchmarks[0].runs[1].optionSetId: no option set "turbo" in this benchmark',
  ],
  [
    'a negative timeMs',
    (j) => void (runOf(j, 3).timeMs = -1),
    'benchmarks[0].runs[3].timeMs: expected a number ≥ 0, got -1',
  ],
  [
    'timeMs 1e999 (Infinity after JSON.parse)',
    () => {},
    'benchmarks[0].runs[3].timeMs: expected a finite number, got Infinity',
  ],
  [
    'timeMs as a string',
    (j) => void (runOf(j, 3).timeMs = 'NaN'),
    'benchmarks[0].runs[3].timeMs: expected a finite number, got "NaN"',
  ],
  [
    'timeMs null',
    (j) => void (runOf(j, 3).timeMs = null),
    'benchmarks[0].runs[3].timeMs: expected a finite number, got null',
  ],
  ['timeMs missing', (j) => void delete runOf(j, 3).timeMs, 'benchmarks[0].runs[3].timeMs: missing'],
  [
    'an unknown status',
    (j) => void (runOf(j, 0).status = 'Optimal'),
    /^benchmarks\[0\]\.runs\[0\]\.status: expected one of not-set, .*, interrupted or null, got "Optimal"$/.source,
  ],
  [
    'an unknown verdict',
    (j) => void (runOf(j, 0).verdict = 'great'),
    'benchmarks[0].runs[0].verdict: expected one of verified, ok, suspect, wrong, failed, got "great"',
  ],
  [
    'a fractional counter',
    (j) => void (runOf(j, 0).counters.mipNodes = 1.5),
    'benchmarks[0].runs[0].counters.mipNodes: expected a whole number ≥ 0, got 1.5',
  ],
  [
    'a model id that is not a SHA-256',
    (j) => void (j.benchmarks[0].models[0].id = 'ABC'),
    'benchmarks[0].models[0].id: expected a SHA-256 in lower-case hex (64 characters), got "ABC"',
  ],
  [
    'duplicate model ids',
    (j) => void (j.benchmarks[0].models[1].id = j.benchmarks[0].models[0].id),
    `benchmarks[0].models[1].id: model id "${'a'.repeat(60)}…" is used twice (also models[0])`,
  ],
  [
    'duplicate option set ids',
    (j) => void (j.benchmarks[0].optionSets[1].id = 'defaults'),
    'benchmarks[0].optionSets[1].id: option set id "defaults" is used twice (also optionSets[0])',
  ],
  [
    'duplicate benchmark ids',
    (j) => void j.benchmarks.push(j.benchmarks[0]),
    'benchmarks[1].id: benchmark id "bench-1" is used twice (also benchmarks[0])',
  ],
  [
    'a missing reference option set',
    (j) => void (j.benchmarks[0].referenceOptionSetId = 'x'),
    'benchmarks[0].referenceOptionSetId: no option set "x" in this benchmark',
  ],
  [
    'a bad option encoding',
    (j) => void (j.benchmarks[0].optionSets[1].options.time_limit = { $number: 'NaN' }),
    'benchmarks[0].optionSets[1].options.time_limit: expected a boolean, a finite number, a string or {"$number": "Infinity" | "-Infinity"}, got Object',
  ],
  [
    'a summary of an unknown option set',
    (j) => void (j.benchmarks[0].summary.optionSets[0].optionSetId = 'x'),
    'benchmarks[0].summary.optionSets[0].optionSetId: no option set "x" in this benchmark',
  ],
  [
    'a summary speedup without ci95',
    (j) => void delete j.benchmarks[0].summary.optionSets[1].speedup.ci95,
    'benchmarks[0].summary.optionSets[1].speedup.ci95: missing',
  ],
  [
    'a createdAt that is not ISO',
    (j) => void (j.createdAt = 'yesterday'),
    'createdAt: expected an ISO 8601 timestamp, got "yesterday"',
  ],
  ['a missing environment', (j) => void delete j.environment, 'environment: missing'],
  [
    'a gap trace point with a negative time',
    (j) => void (runOf(j, 2).gapTrace[1][0] = -1),
    'benchmarks[0].runs[2].gapTrace[1][0]: expected a number ≥ 0, got -1',
  ],
  [
    'a gap trace point with a string gap',
    (j) => void (runOf(j, 2).gapTrace[0][1] = 'NaN'),
    'benchmarks[0].runs[2].gapTrace[0][1]: expected a finite number, got "NaN"',
  ],
  [
    'a gap trace point of two numbers',
    (j) => void (runOf(j, 2).gapTrace[2] = [1, 0.5]),
    'benchmarks[0].runs[2].gapTrace[2][2]: expected a finite number, got undefined',
  ],
  [
    'a gap trace of 257 points',
    (j) => void (runOf(j, 2).gapTrace = Array.from({ length: 257 }, (_, i) => [i, null, null, null])),
    /^benchmarks\[0\]\.runs\[2\]\.gapTrace: expected at most 256 points, got /.source,
  ],
  [
    'a HiGHS-reported infeasibility that is a string',
    (j) => void (runOf(j, 1).highsMaxPrimalInfeasibility = '1e-9'),
    'benchmarks[0].runs[1].highsMaxPrimalInfeasibility: expected a finite number, got "1e-9"',
  ],
  [
    'a gap trace that is not an array',
    (j) => void (runOf(j, 2).gapTrace = {}),
    /^benchmarks\[0\]\.runs\[2\]\.gapTrace: /.source,
  ],
];

describe('report import names every invalid field by its path', () => {
  it.each(badFields)('%s', (name, edit, expected) => {
    const json = sampleJson();
    edit(json);
    let text = JSON.stringify(json);
    if (name.startsWith('timeMs 1e999')) text = text.replace('"timeMs":3.25', '"timeMs":1e999');
    const errors = errorsOf(text);
    if (expected.startsWith('^'))
      expect(
        errors.some((e) => new RegExp(expected).test(e)),
        errors.join('\n'),
      ).toBe(true);
    else expect(errors).toContain(expected);
  });

  it('lists every error, not just the first, and caps a flood', () => {
    const json = sampleJson();
    runOf(json, 0).timeMs = -1;
    runOf(json, 1).seed = -1;
    expect(errorsOf(JSON.stringify(json))).toEqual([
      'benchmarks[0].runs[0].timeMs: expected a number ≥ 0, got -1',
      'benchmarks[0].runs[1].seed: expected a whole number ≥ 0, got -1',
    ]);
    const flood = sampleJson() as Json;
    flood.benchmarks[0].runs = Array.from({ length: 500 }, () => ({ ...runOf(flood, 0), timeMs: -1 }));
    const errors = errorsOf(JSON.stringify(flood));
    expect(errors).toHaveLength(51);
    expect(errors[50]).toBe('… and 450 more errors');
  });

  it('refuses nesting deeper than the format needs without overflowing the stack', () => {
    const json = sampleJson() as Json;
    json.benchmarks[0].summary.deep = 0;
    const text = JSON.stringify(json).replace('"deep":0', `"deep":${'['.repeat(100_000)}${']'.repeat(100_000)}`);
    expect(errorsOf(text).some((e) => e.includes('nested deeper than 64 levels'))).toBe(true);
  });

  it('returns the typed report', () => {
    const result = parseReport(JSON.stringify(sampleJson()));
    expect(result.ok).toBe(true);
    const report: Report | null = result.ok ? result.report : null;
    expect(report?.benchmarks[0].runs[3].error).toEqual({ name: 'WorkerCrashed', message: 'RuntimeError: Aborted()' });
  });
});
