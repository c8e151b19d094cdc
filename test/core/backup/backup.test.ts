import { describe, expect, it } from 'vitest';
import {
  BACKUP_STORES,
  BACKUP_V1_STORES,
  BackupExportError,
  MAX_AUTO_ID,
  SETTINGS_NOT_BACKED_UP,
  backupCounts,
  parseBackup,
  serializeBackup,
  type Backup,
} from '../../../src/core/backup';
import { MAX_ERRORS } from '../../../src/core/report/json-safety';
import { CHANNELS_KEY } from '../../../src/state/alerts-state.svelte';
import { STORAGE_PROBE_KEY } from '../../../src/state/health-context';
import { everyStore, fullBackup, SHA } from './fixtures';

type FileJson = Record<string, unknown> & { stores: Record<string, Record<string, unknown>[]> };

/** The backup's file as plain JSON (to be edited by a case). */
const fileOf = (b: Backup = fullBackup()): FileJson => JSON.parse(serializeBackup(b)) as FileJson;

/** A version-1 file as this app wrote it before version 2: the ten stores of version 1 only. */
function v1File(): FileJson {
  const f = fileOf();
  f.version = 1;
  for (const s of Object.keys(f.stores)) if (!(BACKUP_V1_STORES as readonly string[]).includes(s)) delete f.stores[s];
  return f;
}

const parsed = (text: string) => {
  const result = parseBackup(text);
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.backup;
};

const errorsOf = (text: string): string => {
  const result = parseBackup(text);
  expect(result.ok).toBe(false);
  return result.ok ? '' : result.errors.join('\n');
};

describe('backup version 2 round trip', () => {
  it('restores every store exactly, with non-finite numbers and bytes', () => {
    const text = serializeBackup(fullBackup());
    expect(JSON.parse(text).version).toBe(2);
    expect(text).toContain('{"$number":"Infinity"}');
    expect(text).toContain('{"$number":"NaN"}');
    const backup = parsed(text);
    expect(backup).toEqual(fullBackup());
    expect(backup.stores.modelFiles?.[0].bytes).toBeInstanceOf(Uint8Array);
    expect(backup.stores.metrics?.[1].throughput).toBeNaN();
    expect(Object.keys(backup.stores)).toEqual([...BACKUP_STORES]);
  });

  it('holds alert rules, alerts, app settings, health runs and metrics', () => {
    const counts = backupCounts(parsed(serializeBackup(fullBackup())));
    expect(counts).toMatchObject({ alertRules: 1, alerts: 1, appSettings: 1, healthRuns: 1, metrics: 2 });
  });

  it('may leave metrics out: the file has no metrics store and reads back without one', () => {
    const b = fullBackup();
    delete b.stores.metrics;
    const text = serializeBackup(b);
    expect(JSON.parse(text).stores).not.toHaveProperty('metrics');
    const back = parsed(text);
    expect(back.stores.metrics).toBeUndefined();
    expect(backupCounts(back).metrics).toBe(0);
    expect(back.stores.alertRules).toEqual(everyStore().alertRules);
  });

  it('names the record a BigInt is in', () => {
    const b = fullBackup();
    b.stores.runs![0].nodes = 5n;
    expect(() => serializeBackup(b)).toThrow(BackupExportError);
    expect(() => serializeBackup(b)).toThrow(/stores\.runs\[0\]: "nodes" is a BigInt/);
  });
});

describe('reading a version-1 backup', () => {
  it('restores its ten stores; the stores it never held are absent (a restore leaves them as they are)', () => {
    const backup = parsed(JSON.stringify(v1File()));
    expect(backup.version).toBe(1);
    expect(Object.keys(backup.stores)).toEqual([...BACKUP_V1_STORES]);
    expect(backup.stores.alertRules).toBeUndefined();
    expect(backup.stores.runs).toEqual(everyStore().runs);
    expect(backup.stores.modelFiles?.[0].bytes).toEqual(new Uint8Array([0, 1, 2, 250, 255]));
  });

  it('made before the regression history (no regressionChecks, templateSettings): reads them as empty', () => {
    const f = v1File();
    delete f.stores.regressionChecks;
    delete f.stores.templateSettings;
    const backup = parsed(JSON.stringify(f));
    expect(backup.stores.regressionChecks).toEqual([]);
    expect(backup.stores.templateSettings).toEqual([]);
    expect(backup.stores.baselines).toEqual(everyStore().baselines);
  });

  it('is checked record by record like version 2', () => {
    const f = v1File();
    f.stores.runs[0].id = 1e300;
    expect(errorsOf(JSON.stringify(f))).toMatch(/stores\.runs\[0\]\.id: expected a whole number from 1 to/);
  });

  it('is written back as version 2 with the stores it holds', () => {
    const text = serializeBackup(parsed(JSON.stringify(v1File())));
    expect(JSON.parse(text).version).toBe(2);
    expect(errorsOf(text)).toMatch(/stores\.alertRules: missing/); // a v2 file must hold them: written from a v1 read, it does not
  });
});

describe('parseBackup refuses crafted and incomplete records, naming store, index and field', () => {
  const cases: [string, (f: FileJson) => void, RegExp][] = [
    [
      'a run with id 1e300',
      (f) => (f.stores.runs[1].id = 1e300),
      /stores\.runs\[1\]\.id: expected a whole number from 1 to 1000000000000000/,
    ],
    [
      'a benchmark run with id 2^53',
      (f) => (f.stores.benchmarkRuns[0].id = 2 ** 53),
      /stores\.benchmarkRuns\[0\]\.id: expected a whole number/,
    ],
    [
      'a blessed event with id 0',
      (f) => (f.stores.blessedEvents[0].id = 0),
      /stores\.blessedEvents\[0\]\.id: expected a whole number/,
    ],
    [
      'a run id that is not whole',
      (f) => (f.stores.runs[0].id = 1.5),
      /stores\.runs\[0\]\.id: expected a whole number/,
    ],
    [
      'a benchmark with only {id, name, createdAt, state}',
      (f) => (f.stores.benchmarks[0] = { id: 'b1', name: 'x', createdAt: 1, state: 'finished' }),
      /stores\.benchmarks\[0\]: missing config, referenceOptionSetId, models, optionSets and 2 more fields/,
    ],
    [
      'a run with only {createdAt, modelId}',
      (f) => (f.stores.runs[0] = { createdAt: 1, modelId: SHA }),
      /stores\.runs\[0\]: missing modelName, origin, format, size and 17 more fields/,
    ],
    [
      'a benchmark whose reference is not one of its option sets',
      (f) => (f.stores.benchmarks[0].referenceOptionSetId = 'gone'),
      /stores\.benchmarks\[0\]\.referenceOptionSetId: expected the id of one of the benchmark's option sets/,
    ],
    [
      'a benchmark run without counters',
      (f) => delete f.stores.benchmarkRuns[0].counters,
      /stores\.benchmarkRuns\[0\]\.counters: missing/,
    ],
    [
      'a run status HiGHS has not',
      (f) => (f.stores.runs[0].status = 'great'),
      /stores\.runs\[0\]\.status: expected one of "not-set"/,
    ],
    [
      'a finite field encoded as NaN',
      (f) => (f.stores.runs[0].createdAt = { $number: 'NaN' }),
      /stores\.runs\[0\]\.createdAt: expected a finite number/,
    ],
    [
      'a metric point key used twice',
      (f) => f.stores.metrics.push({ ...f.stores.metrics[0] }),
      /stores\.metrics\[2\]: \[100,0\.25\] is used twice \(also metrics\[0\]\)/,
    ],
    [
      'the alert channels setting (the webhook URL stays in its browser)',
      (f) => f.stores.appSettings.push({ key: 'alerts.channels', value: { webhookUrl: 'https://x' } }),
      /stores\.appSettings\[1\]\.key: a setting backups never hold/,
    ],
    [
      'an alert rule without a condition',
      (f) => delete f.stores.alertRules[0].condition,
      /stores\.alertRules\[0\]\.condition: missing/,
    ],
    [
      'a health run with results not a list',
      (f) => (f.stores.healthRuns[0].results = {}),
      /stores\.healthRuns\[0\]\.results: expected an array/,
    ],
    ['a missing store of version 2', (f) => delete f.stores.alerts, /stores\.alerts: missing/],
    ['an unknown store', (f) => (f.stores.other = []), /stores\.other: not a store this version of the backup holds/],
    [
      'a key used twice',
      (f) => f.stores.benchmarks.push(f.stores.benchmarks[0]),
      /stores\.benchmarks\[1\]\.id: "b1" is used twice \(also benchmarks\[0\]\)/,
    ],
    [
      'bytes that are not base64',
      (f) => (f.stores.modelFiles[0].bytes = 'abc'),
      /stores\.modelFiles\[0\]\.bytes: not valid base64/,
    ],
    [
      'a threshold that is not a number',
      (f) => (f.stores.templateSettings[0].thresholdPct = '30'),
      /stores\.templateSettings\[0\]\.thresholdPct: expected a finite number/,
    ],
    ['a newer version', (f) => (f.version = 3), /backup version 3 is newer/],
    ['a version that is no number', (f) => (f.version = 'two'), /version: expected 1 or 2/],
  ];
  it.each(cases)('%s', (_name, edit, message) => {
    const f = fileOf();
    edit(f);
    expect(errorsOf(JSON.stringify(f))).toMatch(message);
  });

  it('accepts ids up to MAX_AUTO_ID', () => {
    const b = fullBackup();
    b.stores.runs![0].id = MAX_AUTO_ID;
    expect(parsed(serializeBackup(b)).stores.runs?.[0].id).toBe(MAX_AUTO_ID);
  });

  it('caps the errors it lists and says the check stopped', () => {
    const b = fullBackup();
    b.stores.runs = Array.from({ length: 2000 }, (_, i) => ({ id: i + 1, createdAt: i }));
    const result = parseBackup(serializeBackup(b));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.length).toBeLessThanOrEqual(MAX_ERRORS + 2);
    expect(result.errors[0]).toMatch(
      /^stores\.runs\[0\]: missing modelId, modelName, origin, format and 18 more fields$/,
    );
    expect(result.errors.at(-2)).toMatch(/^… and \d+ more errors$/);
    expect(result.errors.at(-1)).toMatch(/checked until \d+ errors were found/);
  });
});

describe('parseBackup refuses files', () => {
  const cases: [string, () => string, RegExp][] = [
    ['invalid JSON, with where', () => '{"schema": ', /invalid JSON at line 1/],
    [
      'another kind of file',
      () => JSON.stringify({ schema: 'highs-workbench/report', version: 1 }),
      /not a HiGHS Workbench backup/,
    ],
    [
      'a __proto__ key',
      () => serializeBackup(fullBackup()).replace('"name":"bench"', '"__proto__":{"x":1}'),
      /"__proto__" is not allowed/,
    ],
    [
      '1e999',
      () => serializeBackup(fullBackup()).replace('"createdAt":10', '"createdAt":1e999'),
      /stores\.runs\[0\]\.createdAt: expected a finite number/,
    ],
  ];
  it.each(cases)('%s', (_name, make, message) => expect(errorsOf(make())).toMatch(message));

  it('over the size cap, without parsing', () => {
    const result = parseBackup(serializeBackup(fullBackup()), { maxBytes: 100 });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.join('\n')).toMatch(/larger than/);
  });
});

describe('settings a backup never holds', () => {
  it('are the alert channels (the webhook URL) and the health probe, by the keys the app uses', () => {
    expect([...SETTINGS_NOT_BACKED_UP].sort()).toEqual([CHANNELS_KEY, STORAGE_PROBE_KEY].sort());
  });
});
