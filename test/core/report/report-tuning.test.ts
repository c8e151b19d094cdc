// Tuning runs in a report (optional within version 1): a report carries them whole and reads them back equal
// (±Infinity option values encoded as everywhere in the file), a report of tuning runs only is a report, a file
// without the field reads as before, and a crafted tuning run is refused with its field named under tuning[i].
import { describe, expect, it } from 'vitest';
import {
  MAX_REPORT_TUNING_RUNS,
  parseReport,
  ReportExportError,
  serializeReport,
  type Report,
} from '../../../src/core/report';
import type { TuningRecord } from '../../../src/core/tuner';
import { sampleTuningRecord } from '../tuner/record-fixture';
import { sampleReport } from './fixtures';
import { generateReportJsonSchema } from './write-schema';

const withTuning = (...tuning: TuningRecord[]): Report => ({ ...sampleReport(), tuning });

type FileJson = Record<string, unknown> & { tuning: Record<string, unknown>[] };
const fileOf = (report: Report): FileJson => JSON.parse(serializeReport(report)) as FileJson;

const errorsOf = (text: string): string => {
  const result = parseReport(text);
  expect(result.ok).toBe(false);
  return result.ok ? '' : result.errors.join('\n');
};

describe('a report with tuning runs', () => {
  it('round-trips them whole, ±Infinity option values included', () => {
    const report = withTuning(sampleTuningRecord());
    const text = serializeReport(report);
    const file = JSON.parse(text) as FileJson;
    expect((file.tuning[0].settings as { baseline: unknown }).baseline).toMatchObject({
      options: { time_limit: { $number: 'Infinity' } },
    });
    expect(parseReport(text)).toEqual({ ok: true, report });
  });

  it('may hold tuning runs and no benchmark', () => {
    const report: Report = { ...withTuning(sampleTuningRecord()), benchmarks: [] };
    expect(parseReport(serializeReport(report))).toEqual({ ok: true, report });
  });

  it('writes only the fields of the format (a field the tuning run does not define is left out)', () => {
    const report = withTuning({ ...sampleTuningRecord(), extra: 'x' } as TuningRecord);
    expect(fileOf(report).tuning[0]).not.toHaveProperty('extra');
  });
});

describe('a report without tuning runs', () => {
  it('is written and read as before: no tuning field', () => {
    const text = serializeReport(sampleReport());
    expect(JSON.parse(text)).not.toHaveProperty('tuning');
    const result = parseReport(text);
    expect(result).toEqual({ ok: true, report: sampleReport() });
    expect(result.ok && 'tuning' in result.report).toBe(false);
  });

  it('with an empty list reads back an empty list', () => {
    const report = withTuning();
    expect(parseReport(serializeReport(report))).toEqual({ ok: true, report });
  });
});

/** A case edits the exported file (plain JSON) and names the error it must give. */
const cases: [string, (f: FileJson) => void, string][] = [
  [
    'a negative run time in the race',
    (f) => void ((f.tuning[0].race as TuningRecord['race']).candidates[3].runs['2'].timeMs = -1),
    'tuning[0].race.candidates[3].runs["2"].timeMs: expected a number ≥ 0, got -1',
  ],
  [
    'an encoded Infinity where a time must be finite',
    (f) =>
      void ((f.tuning[0].heldOut as { results: Record<string, unknown>[] }).results[0].timeMs = {
        $number: 'Infinity',
      }),
    'tuning[0].heldOut.results[0].timeMs: expected a finite number',
  ],
  [
    'an option value that is no option value',
    (f) => void ((f.tuning[0].race as TuningRecord['race']).candidates[1].changes.presolve = ['off'] as never),
    'tuning[0].race.candidates[1].changes.presolve: expected a boolean, a finite number, a string or {"$number"',
  ],
  [
    'another format',
    (f) => void (f.tuning[0].format = 'highs-workbench/report'),
    'tuning[0].format: expected "highs-workbench/tuning-run"',
  ],
  [
    'an iteration member that is no candidate',
    (f) => void (f.tuning[0].race as TuningRecord['race']).iteration.members.push('c999'),
    'no candidate "c999"',
  ],
  [
    'a race that cannot be resumed',
    (f) => void ((f.tuning[0].race as TuningRecord['race']).config.alpha = 2),
    'tuning[0].race: the race cannot be resumed: alpha must lie in (0, 1), got 2',
  ],
  [
    'a tuning run id used twice',
    (f) => void f.tuning.push(structuredClone(f.tuning[0])),
    'tuning[1].id: tuning run id "tune-sim" is used twice (also tuning[0])',
  ],
  ['tuning runs that are no list', (f) => void (f.tuning = {} as never), 'tuning: expected an array'],
];

describe('a crafted tuning run refuses the report, naming the field', () => {
  it.each(cases)('%s', (_name, edit, message) => {
    const file = fileOf(withTuning(sampleTuningRecord()));
    edit(file);
    expect(errorsOf(JSON.stringify(file))).toContain(message);
  });

  it(`more than ${MAX_REPORT_TUNING_RUNS} tuning runs`, () => {
    const file = fileOf(withTuning(sampleTuningRecord()));
    file.tuning = Array.from({ length: MAX_REPORT_TUNING_RUNS + 1 }, (_, i) => ({ ...file.tuning[0], id: `t${i}` }));
    expect(errorsOf(JSON.stringify(file))).toContain(`tuning: expected at most ${MAX_REPORT_TUNING_RUNS} tuning runs`);
  });

  it('is not written either: serializeReport names what the file cannot carry', () => {
    const nan = sampleTuningRecord();
    nan.race.candidates[1].runs['0'].objective = NaN;
    expect(() => serializeReport(withTuning(nan))).toThrow(ReportExportError);
    expect(() => serializeReport(withTuning(nan))).toThrow('tuning[0].race.candidates[1].runs["0"].objective');
    const dangling = sampleTuningRecord();
    dangling.heldOut!.plan.jobs[0].candidate = 'c999';
    expect(() => serializeReport(withTuning(dangling))).toThrow(
      'tuning[0].heldOut.plan.jobs[0].candidate: no set "c999" in the plan',
    );
  });
});

describe('the published JSON Schema', () => {
  type JsonSchema = { [key: string]: any }; // eslint-disable-line @typescript-eslint/no-explicit-any
  const schema = generateReportJsonSchema() as JsonSchema;

  it('keeps tuning optional, capped, each run with its binding fields', () => {
    expect(schema.required).not.toContain('tuning');
    const tuning = schema.properties.tuning;
    expect(tuning.type).toBe('array');
    expect(tuning.maxItems).toBe(MAX_REPORT_TUNING_RUNS);
    expect(tuning.description).toContain('highs-workbench/tuning-run');
    expect(tuning.items.required).toEqual(
      expect.arrayContaining([
        'format',
        'version',
        'id',
        'settings',
        'instances',
        'split',
        'race',
        'heldOut',
        'result',
      ]),
    );
    expect(tuning.items.properties.format.const).toBe('highs-workbench/tuning-run');
  });
});
