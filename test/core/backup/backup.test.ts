import { describe, expect, it } from 'vitest';
import {
  BACKUP_SCHEMA,
  BackupExportError,
  backupCounts,
  parseBackup,
  serializeBackup,
  type Backup,
} from '../../../src/core/backup';

const SHA = 'a'.repeat(64);

/** A small backup with one record in every store, including values JSON cannot hold as they are. */
function sample(): Backup {
  return {
    schema: BACKUP_SCHEMA,
    version: 1,
    createdAt: '2026-11-23T00:00:00.000Z',
    app: { name: 'HiGHS Workbench', version: '0.0.0' },
    stores: {
      runs: [{ id: 3, createdAt: 10, modelId: SHA, objective: NaN, options: { time_limit: Infinity } }],
      benchmarks: [{ id: 'b1', name: 'bench', createdAt: 5, state: 'finished', config: { seeds: [1] } }],
      benchmarkRuns: [{ id: 1, benchmarkId: 'b1', modelId: SHA, dualBound: -Infinity }],
      modelFiles: [{ id: SHA, name: 'm.lp', bytes: new Uint8Array([0, 1, 2, 250, 255]), addedAt: 7 }],
      benchmarkConfigs: [{ name: 'cfg', savedAt: 1, definition: { templates: [] } }],
      blessedSets: [{ id: 's1', template: 't', options: { presolve: 'off' }, active: true }],
      blessedEvents: [
        { id: 1, template: 't', kind: 'promoted', setId: 's1', at: '1970-01-01T00:00:00.002Z', by: 'me' },
      ],
      baselines: [{ id: 'bl', template: 't', runs: [{ modelId: SHA }] }],
      regressionChecks: [
        { id: 'c1', template: 't', checkedAt: '2026-11-23T00:00:00.000Z', verdict: 'unchanged', timeRatio: 1.02 },
      ],
      templateSettings: [{ template: 't', thresholdPct: 30 }],
    },
  };
}

describe('backup round trip', () => {
  it('restores every store exactly, with non-finite numbers and bytes', () => {
    const text = serializeBackup(sample());
    expect(text).toContain('{"$number":"Infinity"}');
    expect(text).toContain('{"$number":"NaN"}');
    expect(text).not.toMatch(/\bnull\b/);
    const result = parseBackup(text);
    if (!result.ok) throw new Error(result.errors.join('\n'));
    expect(result.backup).toEqual(sample());
    expect(result.backup.stores.modelFiles[0].bytes).toBeInstanceOf(Uint8Array);
    expect(backupCounts(result.backup).runs).toBe(1);
  });

  it('names the record a BigInt is in', () => {
    const b = sample();
    b.stores.runs[0].nodes = 5n;
    expect(() => serializeBackup(b)).toThrow(BackupExportError);
    expect(() => serializeBackup(b)).toThrow(/stores\.runs\[0\]: "nodes" is a BigInt/);
  });
});

describe('a backup made before the regression history', () => {
  it('has no regressionChecks or templateSettings, and reads them as empty', () => {
    const f = JSON.parse(serializeBackup(sample())) as { stores: Record<string, unknown> };
    delete f.stores.regressionChecks;
    delete f.stores.templateSettings;
    const result = parseBackup(JSON.stringify(f));
    if (!result.ok) throw new Error(result.errors.join('\n'));
    expect(result.backup.stores.regressionChecks).toEqual([]);
    expect(result.backup.stores.templateSettings).toEqual([]);
    expect(result.backup.stores.baselines).toEqual(sample().stores.baselines);
    expect(backupCounts(result.backup).regressionChecks).toBe(0);
  });
});

describe('parseBackup refuses', () => {
  const valid = () =>
    JSON.parse(serializeBackup(sample())) as Record<string, unknown> & {
      stores: Record<string, Record<string, unknown>[]>;
    };
  const cases: [string, () => string, RegExp][] = [
    ['a file over the size cap', () => serializeBackup(sample()), /larger than/],
    ['invalid JSON, with where', () => '{"schema": ', /invalid JSON at line 1/],
    [
      'another kind of file',
      () => JSON.stringify({ schema: 'highs-workbench/report', version: 1 }),
      /not a HiGHS Workbench backup/,
    ],
    ['a newer version', () => JSON.stringify({ ...valid(), version: 2 }), /backup version 2 is newer/],
    [
      'a __proto__ key',
      () => serializeBackup(sample()).replace('"name":"bench"', '"__proto__":{"x":1}'),
      /"__proto__" is not allowed/,
    ],
    [
      'a bad field, by path',
      () => {
        const f = valid();
        f.stores.runs[0].createdAt = 'x';
        return JSON.stringify(f);
      },
      /stores\.runs\[0\]\.createdAt: expected a finite number/,
    ],
    [
      'a missing store',
      () => {
        const f = valid();
        delete f.stores.baselines;
        return JSON.stringify(f);
      },
      /stores\.baselines: missing/,
    ],
    [
      'a threshold that is not a number',
      () => {
        const f = valid();
        f.stores.templateSettings[0].thresholdPct = '30';
        return JSON.stringify(f);
      },
      /stores\.templateSettings\[0\]\.thresholdPct: expected a finite number/,
    ],
    [
      'a check id used twice',
      () => {
        const f = valid();
        f.stores.regressionChecks.push(f.stores.regressionChecks[0]);
        return JSON.stringify(f);
      },
      /stores\.regressionChecks\[1\]\.id: "c1" is used twice/,
    ],
    [
      'an unknown store',
      () => {
        const f = valid();
        f.stores.other = [];
        return JSON.stringify(f);
      },
      /stores\.other: not a store this app keeps/,
    ],
    [
      'a key used twice',
      () => {
        const f = valid();
        f.stores.benchmarks.push(f.stores.benchmarks[0]);
        return JSON.stringify(f);
      },
      /stores\.benchmarks\[1\]\.id: "b1" is used twice \(also benchmarks\[0\]\)/,
    ],
    [
      'bytes that are not base64',
      () => {
        const f = valid();
        f.stores.modelFiles[0].bytes = 'abc';
        return JSON.stringify(f);
      },
      /stores\.modelFiles\[0\]\.bytes: not valid base64/,
    ],
    [
      '1e999',
      () => serializeBackup(sample()).replace('"createdAt":10', '"createdAt":1e999'),
      /stores\.runs\[0\]\.createdAt: expected a finite number/,
    ],
  ];
  it.each(cases)('%s', (name, make, message) => {
    const result = parseBackup(make(), name === 'a file over the size cap' ? { maxBytes: 100 } : {});
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.join('\n')).toMatch(message);
  });
});
