// readTuningRecord: a whole tuning run as the tuner writes it (a simulated race, its held-out plan and result)
// reads back as it is, through JSON too; each crafted or damaged record is refused with an error naming the
// field, so nothing the race (resumeState) or a view would trip on gets through.
import { describe, expect, it } from 'vitest';
import { readTuningRecord, TUNING_RECORD_LIMITS, tuningRecordErrors, type TuningRecord } from '../../../src/core/tuner';
import { sampleTuningRecord } from './record-fixture';

/** The fixture with finite option values only: what survives plain JSON unchanged. */
function plainRecord(): TuningRecord {
  const r = sampleTuningRecord();
  r.settings.baseline = { kind: 'blessed', setId: 's1', name: 'no presolve', options: { presolve: 'off' } };
  return JSON.parse(JSON.stringify(r)) as TuningRecord;
}

const errorsOf = (value: unknown): string[] => {
  const read = readTuningRecord(value);
  expect(read.ok).toBe(false);
  return read.ok ? [] : read.errors;
};

describe('a tuning run the tuner wrote', () => {
  it('reads back as it is, with ±Infinity option values (IndexedDB and the backup keep them)', () => {
    const record = sampleTuningRecord();
    expect(record.settings.baseline).toMatchObject({ options: { time_limit: Infinity } });
    const read = readTuningRecord(record);
    expect(read).toEqual({ ok: true, record });
  });

  it('round-trips through JSON and reads back equal', () => {
    const record = plainRecord();
    const again = JSON.parse(JSON.stringify(record)) as unknown;
    expect(readTuningRecord(again)).toEqual({ ok: true, record });
  });

  it('has a finished race, a held-out plan with results, a recommendation and a quarantined candidate', () => {
    const r = sampleTuningRecord();
    expect(r.race.done).not.toBeNull();
    expect(r.heldOut!.results.length).toBe(r.heldOut!.plan.jobs.length);
    expect(r.result!.recommendation.kind).toBe('change');
    expect(r.race.candidates.some((c) => c.quarantine !== null)).toBe(true);
  });

  it("keeps a dimension's default that the race's JSON copy wrote as null (time_limit's Infinity)", () => {
    const r = sampleTuningRecord();
    const limit = r.race.config.space.dimensions.find((d) => d.name === 'time_limit');
    expect(limit?.default).toBeNull();
    expect(readTuningRecord(r).ok).toBe(true);
  });

  it('drops fields it does not know (a reader ignores them)', () => {
    const r = { ...plainRecord(), extra: 1 };
    const read = readTuningRecord(r);
    expect(read.ok && 'extra' in read.record).toBe(false);
  });
});

type Edit = (r: TuningRecord & Record<string, unknown>) => unknown;
const set =
  (edit: (r: TuningRecord) => void): Edit =>
  (r) => (edit(r), r);

/** A crafted record and the start of the error it must give. */
const cases: [string, Edit, string][] = [
  ['not an object', () => null, '(top level): expected a tuning run'],
  [
    'another format',
    set((r) => ((r as { format: string }).format = 'x')),
    'format: expected "highs-workbench/tuning-run"',
  ],
  [
    'a format that is a BigInt',
    set((r) => ((r as { format: unknown }).format = 10n)),
    'format: expected "highs-workbench/tuning-run", got a bigint',
  ],
  [
    'a newer version',
    set((r) => ((r as { version: number }).version = 2)),
    'version: tuning-run version 2 is not read',
  ],
  ['a missing race', set((r) => delete (r as Partial<TuningRecord>).race), 'race: missing'],
  [
    'a negative run time',
    set((r) => (r.race.candidates[3].runs['2'].timeMs = -1)),
    'race.candidates[3].runs["2"].timeMs: expected a number ≥ 0, got -1',
  ],
  [
    'a NaN objective',
    set((r) => (r.race.candidates[1].runs['0'].objective = NaN)),
    'race.candidates[1].runs["0"].objective: expected a finite number, got NaN',
  ],
  [
    'an infinite held-out time',
    set((r) => (r.heldOut!.results[4].timeMs = Infinity)),
    'heldOut.results[4].timeMs: expected a finite number, got Infinity',
  ],
  [
    'a name longer than the cap',
    set((r) => (r.name = 'x'.repeat(TUNING_RECORD_LIMITS.nameLength + 1))),
    `name: expected at most ${TUNING_RECORD_LIMITS.nameLength} characters`,
  ],
  [
    'a message longer than the cap',
    set((r) => (r.race.events[0].message = 'x'.repeat(TUNING_RECORD_LIMITS.textLength + 1))),
    `race.events[0].message: expected at most ${TUNING_RECORD_LIMITS.textLength} characters`,
  ],
  [
    'more candidates than the cap',
    set((r) => (r.race.candidates = Array(TUNING_RECORD_LIMITS.candidates + 1).fill(r.race.candidates[0]))),
    `race.candidates: expected at most ${TUNING_RECORD_LIMITS.candidates} items`,
  ],
  [
    'an unknown candidate status',
    set((r) => ((r.race.candidates[2] as { status: string }).status = 'winning')),
    'race.candidates[2].status: expected one of "alive", "eliminated"',
  ],
  [
    'an unknown run status',
    set((r) => ((r.heldOut!.results[0] as { status: string }).status = 'great')),
    'heldOut.results[0].status: expected one of "not-set"',
  ],
  [
    'an option value that is an object',
    set((r) => ((r.race.candidates[1].changes as Record<string, unknown>).presolve = { off: true })),
    'race.candidates[1].changes.presolve: expected a boolean, a number or a string',
  ],
  [
    'an unknown template kind',
    set((r) => ((r.settings.template as { kind: string }).kind = 'magic')),
    'settings.template.kind: expected a template with kind "library", "files" or "generator"',
  ],
  [
    'a bad SHA-256',
    set((r) => (r.instances[0].sha256 = 'ABC')),
    'instances[0].sha256: expected a SHA-256 in lower-case hex',
  ],
  ['a timestamp that is no time', set((r) => (r.createdAt = 'yesterday')), 'createdAt: expected an ISO 8601 timestamp'],
  [
    'a recommendation of another kind',
    set((r) => ((r.result!.recommendation as { kind: string }).kind = 'maybe')),
    'result.recommendation.kind: expected a recommendation with kind "change" or "no-change"',
  ],
  [
    'an elite count whose subsets no iteration could enumerate',
    set((r) => (r.race.config.eliteCount = 40)),
    'race.config.eliteCount: expected a whole number from 1 to 16',
  ],
  [
    'a run on a block the race does not have',
    set((r) => (r.race.candidates[1].runs['99'] = r.race.candidates[1].runs['0'])),
    'race.candidates[1].runs["99"]: the race has 24 blocks',
  ],
  [
    'a candidate id used twice',
    set((r) => (r.race.candidates[2].id = 'c1')),
    'race.candidates[2].id: candidate id "c1" is used twice (also candidates[1])',
  ],
  [
    'no baseline candidate',
    set((r) => (r.race.candidates = r.race.candidates.filter((c) => c.id !== 'baseline'))),
    'race.candidates: no candidate "baseline"',
  ],
  [
    'an iteration member that is no candidate',
    set((r) => r.race.iteration.members.push('c999')),
    'race.iteration.members[',
  ],
  [
    'more blocks done than the race has',
    set((r) => (r.race.iteration.blocksDone = 1e6)),
    'race.iteration.blocksDone: 1000000 of 24 blocks',
  ],
  [
    'a stage on a block the race does not have',
    set((r) => (r.race.stage = { blocks: [999], incumbent: 'baseline', step: 'reference', caps: null })),
    'race.stage.blocks[0]: expected block',
  ],
  [
    'an alive member without a run on a block done',
    set((r) => delete r.race.candidates.find((c) => c.id === 'c1')!.runs['0']),
    'race.candidates[1].runs: alive with no run on block 0',
  ],
  [
    'a split instance the run does not have',
    set((r) => (r.split.heldOut[0] = 'nowhere')),
    'split.heldOut[0]: no instance "nowhere" in this run',
  ],
  [
    'a held-out job on a block the plan does not have',
    set((r) => (r.heldOut!.plan.jobs[0].block = 999)),
    'heldOut.plan.jobs[0].block: the plan has 12 blocks',
  ],
  [
    'a held-out job for a set the plan does not have',
    set((r) => (r.heldOut!.plan.jobs[0].candidate = 'c999')),
    'heldOut.plan.jobs[0].candidate: no set "c999" in the plan',
  ],
  [
    'a race whose settings resumeState refuses',
    set((r) => (r.race.config.alpha = 2)),
    'race: the race cannot be resumed: alpha must lie in (0, 1), got 2',
  ],
];

describe('a crafted or damaged tuning run is refused, naming the field', () => {
  it.each(cases)('%s', (_name, edit, message) => {
    const errors = errorsOf(edit(sampleTuningRecord() as TuningRecord & Record<string, unknown>));
    expect(errors.join('\n')).toContain(message);
  });

  it('puts a prefix in front of every path (a report names tuning[i], a backup its store and index)', () => {
    const r = sampleTuningRecord();
    r.race.candidates[3].runs['2'].timeMs = -1;
    expect(tuningRecordErrors(r, ['tuning', 4])).toEqual([
      'tuning[4].race.candidates[3].runs["2"].timeMs: expected a number ≥ 0, got -1',
    ]);
    expect(tuningRecordErrors(sampleTuningRecord(), ['tuning', 4])).toEqual([]);
  });

  it('lists at most 50 errors and counts the rest', () => {
    const r = sampleTuningRecord();
    for (const c of r.race.candidates) for (const run of Object.values(c.runs)) run.timeMs = -1;
    const errors = errorsOf(r);
    expect(errors).toHaveLength(51);
    expect(errors[50]).toMatch(/^… and \d+ more errors$/);
  });
});
