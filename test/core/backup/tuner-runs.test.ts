// The tuner's runs in a backup (a store added within version 2): a tuning run round-trips whole through the
// file (±Infinity option values encoded), each record is read with readTuningRecord and a crafted one refuses
// the backup naming the store, the record and the field, and a version-2 file written before the store existed
// still reads (without it: a restore leaves the tuning runs stored here as they are).
import { describe, expect, it } from 'vitest';
import {
  BACKUP_V1_STORES,
  OPTIONAL_BACKUP_STORES,
  parseBackup,
  RECORD_KEYS,
  recordProblems,
  serializeBackup,
  type Backup,
} from '../../../src/core/backup';
import type { TuningRecord } from '../../../src/core/tuner';
import { sampleTuningRecord } from '../tuner/record-fixture';
import { fullBackup } from './fixtures';

type FileJson = Record<string, unknown> & { stores: Record<string, Record<string, unknown>[] | undefined> };
const fileOf = (b: Backup = fullBackup()): FileJson => JSON.parse(serializeBackup(b)) as FileJson;
const tuningOf = (f: FileJson, i = 0) => f.stores.tunerRuns![i] as unknown as TuningRecord;

const errorsOf = (file: FileJson): string => {
  const result = parseBackup(JSON.stringify(file));
  expect(result.ok).toBe(false);
  return result.ok ? '' : result.errors.join('\n');
};

describe('tuning runs in a backup', () => {
  it('round-trip whole, with the Infinity of a blessed baseline', () => {
    const text = serializeBackup(fullBackup());
    const result = parseBackup(text);
    if (!result.ok) throw new Error(result.errors.join('\n'));
    expect(result.backup.stores.tunerRuns).toEqual([sampleTuningRecord()]);
    expect(result.backup.stores.tunerRuns?.[0].settings).toMatchObject({
      baseline: { options: { time_limit: Infinity } },
    });
  });

  it('are keyed by id and optional within version 2, like metrics', () => {
    expect(RECORD_KEYS.tunerRuns).toBe('id');
    expect(OPTIONAL_BACKUP_STORES.has('tunerRuns')).toBe(true);
    expect(BACKUP_V1_STORES).not.toContain('tunerRuns');
  });

  it('a version-2 file written before the store existed reads, without it', () => {
    const file = fileOf();
    delete file.stores.tunerRuns;
    const result = parseBackup(JSON.stringify(file));
    if (!result.ok) throw new Error(result.errors.join('\n'));
    expect(result.backup.stores).not.toHaveProperty('tunerRuns');
    expect(Object.keys(result.backup.stores)).toContain('metrics');
  });

  it('a version-1 file has none', () => {
    const file = fileOf();
    file.version = 1;
    for (const s of Object.keys(file.stores))
      if (!(BACKUP_V1_STORES as readonly string[]).includes(s)) delete file.stores[s];
    const result = parseBackup(JSON.stringify(file));
    expect(result.ok && result.backup.stores.tunerRuns).toBe(undefined);
  });
});

const cases: [string, (f: FileJson) => void, string][] = [
  [
    'a negative run time in the race',
    (f) => void (tuningOf(f).race.candidates[3].runs['2'].timeMs = -1),
    'stores.tunerRuns[0].race.candidates[3].runs["2"].timeMs: expected a number ≥ 0, got -1',
  ],
  [
    'a NaN where a held-out time must be finite (the backup encodes NaN; the record may not hold it)',
    (f) =>
      void ((f.stores.tunerRuns![0].heldOut as { results: Record<string, unknown>[] }).results[0].timeMs = {
        $number: 'NaN',
      }),
    'stores.tunerRuns[0].heldOut.results[0].timeMs: expected a finite number, got NaN',
  ],
  [
    'an iteration member that is no candidate',
    (f) => void tuningOf(f).race.iteration.members.push('c999'),
    'stores.tunerRuns[0].race.iteration.members[',
  ],
  [
    'a race that cannot be resumed',
    (f) => void (tuningOf(f).race.config.alpha = 2),
    'stores.tunerRuns[0].race: the race cannot be resumed',
  ],
  ['a record that is no tuning run', (f) => void (f.stores.tunerRuns![0] = { id: 'x' }), 'stores.tunerRuns[0].format'],
  [
    'an id used twice',
    (f) => void f.stores.tunerRuns!.push(structuredClone(f.stores.tunerRuns![0])),
    'stores.tunerRuns[1].id: "tune-sim" is used twice (also tunerRuns[0])',
  ],
  ['a store that is no list', (f) => void (f.stores.tunerRuns = {} as never), 'stores.tunerRuns: expected an array'],
];

describe('a crafted tuning run refuses the backup, naming store, record and field', () => {
  it.each(cases)('%s', (_name, edit, message) => {
    const file = fileOf();
    edit(file);
    expect(errorsOf(file)).toContain(message);
  });

  it('recordProblems reads a stored tuning run the way readTuningRecord does', () => {
    expect(recordProblems('tunerRuns', sampleTuningRecord())).toEqual([]);
    const r = sampleTuningRecord();
    r.race.iteration.blocksDone = 1e6;
    expect(recordProblems('tunerRuns', r, ['stores', 'tunerRuns', 2])).toEqual([
      'stores.tunerRuns[2].race.iteration.blocksDone: 1000000 of 24 blocks',
    ]);
  });
});
