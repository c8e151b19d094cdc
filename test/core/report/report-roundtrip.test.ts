// Export → import gives back the same report, including ±Infinity option values; an export never
// writes NaN, Infinity or BigInt, and refuses what the format cannot carry, by path.
import { describe, expect, it } from 'vitest';
import { statusFromCode } from '../../../src/core/model-status';
import {
  parseReport,
  ReportExportError,
  RUN_STATUSES,
  serializeReport,
  decodeOptionValue,
  encodeOptionValue,
  type Report,
} from '../../../src/core/report';
import { sampleReport } from './fixtures';

type Edit = (r: Report) => void;
const bench = (r: Report) => r.benchmarks[0];

const roundTrips: [string, Edit][] = [
  ['the sample report (Infinity and -Infinity option values, a failed run, a MIP run)', () => {}],
  ['no benchmarks', (r) => void (r.benchmarks = [])],
  ['a string option "inf" stays a string', (r) => void (bench(r).optionSets[0].options = { solver: 'inf' })],
  [
    'an option set with only time_limit = Infinity',
    (r) => void (bench(r).optionSets[0].options = { time_limit: Infinity }),
  ],
  [
    'extreme finite numbers',
    (r) => void Object.assign(bench(r).runs[0], { objective: -Number.MAX_VALUE, timeMs: Number.MIN_VALUE }),
  ],
  ['two benchmarks', (r) => void r.benchmarks.push({ ...structuredClone(bench(r)), id: 'bench-2' })],
  ['a run with a null gap trace', (r) => void (bench(r).runs[0].gapTrace = null)],
  ['no gap trace anywhere (a file from before the field)', (r) => bench(r).runs.forEach((x) => delete x.gapTrace)],
  [
    'no HiGHS-reported infeasibility anywhere (a file from before the field)',
    (r) => bench(r).runs.forEach((x) => delete x.highsMaxPrimalInfeasibility),
  ],
  ['a HiGHS-reported infeasibility of 0', (r) => void (bench(r).runs[0].highsMaxPrimalInfeasibility = 0)],
  ['unicode text', (r) => void (bench(r).name = 'Ümlaut – 模型 🚀 "quoted" \\ back\u2028slash')],
  [
    'when the benchmark ran and what for (a validation)',
    (r) => void Object.assign(bench(r), { startedAt: '2026-01-02T03:04:05.000Z', purpose: 'validation' }),
  ],
  [
    'an option set scoped to one template (a blessed set)',
    (r) => void (bench(r).optionSets[1].templates = [bench(r).models[0].template]),
  ],
];

describe('report round trip', () => {
  it.each(roundTrips)('export → import equals the original: %s', (_name, edit) => {
    const report = sampleReport();
    edit(report);
    const result = parseReport(serializeReport(report));
    expect(result).toEqual({ ok: true, report });
  });

  it('keeps Infinity option values as numbers after the round trip', () => {
    const result = parseReport(serializeReport(sampleReport()));
    if (!result.ok) throw new Error(result.errors.join('\n'));
    expect(result.report.benchmarks[0].optionSets[1].options.time_limit).toBe(Infinity);
    expect(result.report.benchmarks[0].optionSets[1].options.objective_bound).toBe(-Infinity);
  });

  it('writes ±Infinity as {"$number": ...} and no NaN, Infinity or null option anywhere', () => {
    const text = serializeReport(sampleReport(), { indent: 0 });
    expect(text).toContain('"time_limit":{"$number":"Infinity"}');
    expect(text).toContain('"objective_bound":{"$number":"-Infinity"}');
    expect(text).not.toMatch(/[:,[]\s*-?(NaN|Infinity)/);
    const options = JSON.parse(text).benchmarks[0].optionSets[1].options;
    expect(Object.values(options)).not.toContain(null);
  });

  it.each([
    [Infinity, { $number: 'Infinity' }],
    [-Infinity, { $number: '-Infinity' }],
    [3, 3],
    ['inf', 'inf'],
    [false, false],
  ] as const)('encodes the option value %s as %j and back', (value, encoded) => {
    expect(encodeOptionValue(value)).toEqual(encoded);
    expect(decodeOptionValue(encodeOptionValue(value))).toBe(value);
  });

  it('writes only the fields of the format (a RunRecord passed as a run loses its extra fields)', () => {
    const report = sampleReport();
    Object.assign(bench(report).runs[0], { flags: [], wasmMemoryBytes: 1 });
    const text = serializeReport(report);
    expect(text).not.toContain('wasmMemoryBytes');
    expect(text).toContain('counterShifts'); // the summary keeps its further fields
  });

  it("keeps a MIP run's gap trace, point for point", () => {
    const result = parseReport(serializeReport(sampleReport()));
    if (!result.ok) throw new Error(result.errors.join('\n'));
    expect(result.report.benchmarks[0].runs[2].gapTrace).toEqual([
      [0.5, null, null, 1300],
      [12.25, 0.054, 1234, 1172.3],
      [60_000, 0.0052, 1234, 1240.5],
    ]);
    expect('gapTrace' in result.report.benchmarks[0].runs[0]).toBe(false);
  });

  it("keeps HiGHS's reported infeasibility beside core's violations, and leaves it out where it was absent", () => {
    const result = parseReport(serializeReport(sampleReport()));
    if (!result.ok) throw new Error(result.errors.join('\n'));
    const runs = result.report.benchmarks[0].runs;
    expect(runs[1].highsMaxPrimalInfeasibility).toBe(3.5e-13);
    expect(runs[1].maxRowViolation).toBe(1.2e-12);
    expect(runs[3].highsMaxPrimalInfeasibility).toBeNull();
    expect('highsMaxPrimalInfeasibility' in runs[0]).toBe(false);
  });

  it('names every status of model-status.ts', () => {
    const names = new Set(Array.from({ length: 64 }, (_, code) => statusFromCode(code)));
    expect(new Set(RUN_STATUSES)).toEqual(names);
  });
});

const refusedExports: [string, Edit, string][] = [
  [
    'a NaN HiGHS-reported infeasibility',
    (r) => void (bench(r).runs[1].highsMaxPrimalInfeasibility = NaN),
    'benchmarks[0].runs[1].highsMaxPrimalInfeasibility: expected a finite number, got NaN',
  ],
  [
    'a NaN time',
    (r) => void (bench(r).runs[1].timeMs = NaN),
    'benchmarks[0].runs[1].timeMs: expected a finite number, got NaN',
  ],
  [
    'an infinite objective',
    (r) => void (bench(r).runs[0].objective = -Infinity),
    'benchmarks[0].runs[0].objective: expected a finite number, got -Infinity',
  ],
  [
    'a BigInt counter',
    (r) => void ((bench(r).runs[0].counters as unknown as Record<string, unknown>).mipNodes = 3n),
    'benchmarks[0].runs[0].counters.mipNodes: expected a finite number, got a BigInt (3n)',
  ],
  [
    'a NaN option value',
    (r) => void (bench(r).optionSets[1].options.mip_rel_gap = NaN),
    'benchmarks[0].optionSets[1].options.mip_rel_gap: expected a finite number, got NaN',
  ],
  [
    'NaN in a further summary field',
    (r) => void ((bench(r).summary as unknown as Record<string, unknown>).extra = [1, NaN]),
    'benchmarks[0].summary.extra[1]: expected a finite number, got NaN',
  ],
  [
    'a run of an unknown model',
    (r) => void (bench(r).runs[2].modelId = 'f'.repeat(64)),
    `benchmarks[0].runs[2].modelId: no model "${'f'.repeat(60)}…" in this benchmark`,
  ],
  [
    'a missing reference option set',
    (r) => void (bench(r).referenceOptionSetId = 'gone'),
    'benchmarks[0].referenceOptionSetId: no option set "gone" in this benchmark',
  ],
  [
    'a Date as createdAt',
    (r) => void ((r as unknown as Record<string, unknown>).createdAt = new Date(0)),
    'createdAt: a Date object cannot be written to JSON',
  ],
];

describe('report export refuses what JSON or the format cannot carry', () => {
  it.each(refusedExports)('%s', (_name, edit, message) => {
    const report = sampleReport();
    edit(report);
    let thrown: unknown;
    try {
      serializeReport(report);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(ReportExportError);
    expect((thrown as ReportExportError).errors).toContain(message);
  });
});

describe('fields added within version 1 (startedAt, purpose, an option set’s templates)', () => {
  it('a file without them still reads, and they stay absent', () => {
    const result = parseReport(serializeReport(sampleReport()));
    if (!result.ok) throw new Error(result.errors.join('\n'));
    const b = result.report.benchmarks[0];
    expect('startedAt' in b || 'purpose' in b).toBe(false);
    expect(b.optionSets.some((s) => 'templates' in s)).toBe(false);
  });

  it.each<[string, Edit, RegExp]>([
    [
      'a startedAt that is not a timestamp',
      (r) => void (bench(r).startedAt = 'yesterday'),
      /startedAt: expected an ISO 8601/,
    ],
    [
      'an unknown purpose',
      (r) => void ((bench(r) as { purpose?: string }).purpose = 'fun'),
      /purpose: expected one of validation/,
    ],
    [
      'an empty template id',
      (r) => void (bench(r).optionSets[0].templates = ['']),
      /templates\[0\]: expected a non-empty string/,
    ],
  ])('refuses %s', (_name, edit, message) => {
    const report = sampleReport();
    edit(report);
    expect(() => serializeReport(report)).toThrow(message);
  });
});
