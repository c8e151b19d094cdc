// The schema of every store's records (the one the backup and the storage layer read them with), table-driven:
// the app's own records pass; a record missing or mistyping what a reader relies on fails, named by its field.
import { describe, expect, it } from 'vitest';
import { BACKUP_STORES, damagedRecord, recordProblems, type BackupStoreName } from '../../../src/core/backup';
import { everyStore } from './fixtures';

const first = (store: BackupStoreName) => structuredClone(everyStore()[store][0]) as Record<string, unknown>;

describe('every record the app writes passes its store schema', () => {
  it.each(BACKUP_STORES.flatMap((s) => everyStore()[s].map((r, i) => [s, i, r] as const)))('%s[%i]', (store, _i, r) =>
    expect(recordProblems(store, r)).toEqual([]),
  );
});

const broken: [BackupStoreName, (r: Record<string, unknown>) => void, string][] = [
  ['runs', (r) => (r.options = { presolve: NaN }), 'options.presolve: expected a boolean, a number or a string'],
  ['runs', (r) => (r.cancelMode = 'maybe'), 'cancelMode: expected one of "graceful", "terminated"'],
  ['benchmarks', (r) => (r.state = 'paused'), 'state: expected one of "running", "interrupted"'],
  ['benchmarks', (r) => (r.models = {}), 'models: expected an array'],
  [
    'benchmarks',
    (r) => ((r.definition as Record<string, unknown>).templates = [{ kind: 'magic' }]),
    'definition.templates[0].kind: expected a template',
  ],
  ['benchmarkRuns', (r) => (r.benchmarkId = ''), 'benchmarkId: expected a non-empty string'],
  ['benchmarkRuns', (r) => (r.timeMs = -1), 'timeMs: expected a number ≥ 0'],
  ['modelFiles', (r) => (r.bytes = [1, 2]), "bytes: expected the model file's bytes"],
  ['modelFiles', (r) => (r.id = 'ABC'), 'id: expected a SHA-256 in lower-case hex'],
  ['benchmarkConfigs', (r) => (r.definition = { name: 'x' }), 'definition: missing templates, optionSets'],
  ['blessedSets', (r) => (r.active = 'yes'), 'active: expected true or false'],
  ['blessedEvents', (r) => (r.kind = 'blessed'), 'kind: expected one of "promoted", "revoked", "rolled-back"'],
  [
    'baselines',
    (r) => ((r.runs as unknown[])[0] = { modelId: 'x' }),
    'runs[0]: missing optionSetId, seed, repetition, status',
  ],
  ['regressionChecks', (r) => (r.verdict = 'fine'), 'verdict: expected one of "wrong", "regressed"'],
  ['templateSettings', (r) => (r.thresholdPct = Infinity), 'thresholdPct: expected a finite number'],
  ['alertRules', (r) => (r.channels = ['email']), 'channels[0]: expected one of "app", "notification", "webhook"'],
  ['alerts', (r) => (r.details = { x: [1] }), 'details.x: expected a string, number, true/false or null'],
  ['appSettings', (r) => (r.key = 'health.probe'), 'key: a setting backups never hold'],
  ['healthRuns', (r) => (r.overall = 'fine'), 'overall: expected one of "healthy", "warning", "critical", "unknown"'],
  ['metrics', (r) => (r.kind = 'other'), 'kind: expected a metric point with kind "solve" or "system"'],
  ['metrics', (r) => (r.t = '5'), 't: expected a finite number'],
];

describe('a record a reader could not use fails, by field', () => {
  it.each(broken)('%s: %s', (store, edit, problem) => {
    const r = first(store);
    edit(r);
    const problems = recordProblems(store, r, ['stores', store, 0]);
    expect(problems.join('\n')).toContain(`stores.${store}[0].${problem}`);
  });
});

describe('damagedRecord', () => {
  it.each([
    [{ modelName: 'afiro.mps', createdAt: 0 }, 7, 'afiro.mps, 1970-01-01T00:00:00.000Z'],
    [{ name: 'bench', createdAt: 'x' }, 'b', 'bench'],
    [{ modelId: 'abc' }, 3, 'abc'],
    [null, 9, 'key 9'],
    [{ createdAt: 8.64e15 + 1 }, 'k', 'key "k"'], // not a date: left out
  ])('labels %j (key %j) as %s', (value, key, label) =>
    expect(damagedRecord('runs', key, value, ['a', 'b', 'c', 'd']).label).toBe(label),
  );

  it('keeps the first three problems', () =>
    expect(damagedRecord('runs', 1, {}, ['a', 'b', 'c', 'd']).problems).toEqual(['a', 'b', 'c']));
});
