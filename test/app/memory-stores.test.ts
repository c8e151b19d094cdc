// The in-memory parameter and baseline stores (the app without IndexedDB) hold to the same rules as the
// IndexedDB-backed ones: every case runs against both, a fresh fake-indexeddb database for the latter,
// and through withMemoryFallback over a database that failed to open, as the bootstrap wires them.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { baselineStoreOf } from '../../src/app/baseline-store';
import { memoryBaselineStore, memoryParameterStore, withMemoryFallback } from '../../src/app/memory-stores';
import { parameterStoreOf } from '../../src/app/parameter-store';
import type { BenchmarkRun } from '../../src/core/benchmark';
import type { Baseline } from '../../src/core/regression';
import { NO_COUNTERS } from '../../src/core/run-record';
import type { BaselineStore, ParameterStore } from '../../src/state/ports';
import { openWorkbenchDb } from '../../src/storage/db';
import { StorageUnavailable } from '../../src/storage/errors';
import type { StoredBlessedEvent, StoredBlessedSet } from '../../src/storage/parameter-types';
import { checkSummary } from '../helpers/regression-check';

let n = 0;
const freshDb = () => openWorkbenchDb(`memory-stores-${process.pid}-${++n}`);
const iso = (ms: number) => new Date(ms).toISOString();

const blessed = (id: string, template = 'knapsack', patch: Partial<StoredBlessedSet> = {}): StoredBlessedSet => ({
  id,
  template,
  name: `set ${id}`,
  options: { presolve: 'on', mip_rel_gap: 1e-4, time_limit: Infinity },
  approvedBy: 'ada',
  validatedAt: iso(10),
  promotedAt: iso(20),
  solverVersion: '1.15.3',
  speedup: { ratio: 1.4, ci95: [1.2, 1.6] },
  estimatedSolveMs: 120,
  evidenceBenchmarkId: 'bench-1',
  baseline: { sgmTimeMs: 95, solved: 3, problems: 3 },
  active: true,
  ...patch,
});
const promoted = (s: StoredBlessedSet): StoredBlessedEvent => ({
  template: s.template,
  kind: 'promoted',
  at: s.promotedAt,
  by: s.approvedBy,
  setId: s.id,
});

const run = (seed: number): BenchmarkRun => ({
  modelId: 'm',
  optionSetId: 'baseline',
  seed,
  repetition: 0,
  status: 'optimal',
  objective: 10,
  mipDualBound: null,
  timeMs: 5 + seed,
  counters: { ...NO_COUNTERS, simplexIterations: 12 },
  maxBoundViolation: 0,
  maxRowViolation: 0,
  verdict: 'ok',
  error: null,
});
const baseline = (id: string, template = 'knapsack', createdAtMs = 1): Baseline => ({
  id,
  template,
  optionSet: { name: 'blessed', options: { presolve: 'off', time_limit: Infinity } },
  createdAt: iso(createdAtMs),
  benchmarkId: 'bench-1',
  benchmarkName: 'nightly',
  solver: { name: 'highs', version: '1.15.3' },
  environment: { userAgent: 'test', hardwareConcurrency: 2, crossOriginIsolated: true },
  config: { timeLimitMs: 10_000, seeds: [1, 2], repetitions: 1, warmup: true },
  models: [{ id: 'm', name: 'm.lp', template, size: 10, rows: 3, cols: 4, nnz: 7, integers: 4, knownObjective: 10 }],
  runs: [run(1), run(2)],
  thresholdPct: 20,
});

const parameterStores: [string, () => ParameterStore][] = [
  ['in memory', memoryParameterStore],
  ['in memory behind a failed open', () => fallbackParameters(Promise.reject(new StorageUnavailable()))],
  ['in IndexedDB', () => parameterStoreOf(freshDb())],
];
function fallbackParameters(db: ReturnType<typeof freshDb>): ParameterStore {
  db.catch(() => {});
  return withMemoryFallback(db, parameterStoreOf(db), memoryParameterStore());
}

describe.each(parameterStores)('parameter store %s', (_, make) => {
  it('stores a set with its promotion event; Infinity survives; later changes by the caller do not leak in', async () => {
    const store = make();
    const a = blessed('a');
    await store.putBlessed(a, promoted(a));
    a.options.presolve = 'off';
    const [got] = await store.listBlessed('knapsack');
    expect(got).toEqual(blessed('a'));
    expect(got.options.time_limit).toBe(Infinity);
    got.name = 'changed by the reader';
    expect((await store.listBlessed())[0].name).toBe('set a');
    expect(await store.history('knapsack')).toEqual([{ ...promoted(blessed('a')), id: 1 }]);
  });

  it('an active set deactivates the template’s others, not other templates’; lists oldest promotion first', async () => {
    const store = make();
    const sets = [
      blessed('b', 'knapsack', { promotedAt: iso(3) }),
      blessed('x', 'facility', { promotedAt: iso(2) }),
      blessed('a', 'knapsack', { promotedAt: iso(1) }),
    ];
    for (const s of sets) await store.putBlessed(s, promoted(s));
    expect((await store.listBlessed('knapsack')).map((s) => [s.id, s.active])).toEqual([
      ['a', true],
      ['b', false],
    ]);
    expect((await store.listBlessed()).map((s) => s.id)).toEqual(['a', 'x', 'b']);
    expect((await store.listBlessed('facility')).map((s) => s.active)).toEqual([true]);
    expect((await store.history('knapsack')).map((e) => [e.setId, e.id])).toEqual([
      ['b', 1],
      ['a', 3],
    ]);
  });

  it('refuses an event about another set, and stores nothing', async () => {
    const store = make();
    await expect(store.putBlessed(blessed('a'), promoted(blessed('b')))).rejects.toThrow(/not the set knapsack\/a/);
    expect(await store.listBlessed()).toEqual([]);
    expect(await store.history('knapsack')).toEqual([]);
  });

  it('rolls back: setActive switches the active set and records its event; an unknown id changes nothing', async () => {
    const store = make();
    const a = blessed('a', 'knapsack', { promotedAt: iso(1) });
    const b = blessed('b', 'knapsack', { promotedAt: iso(2) });
    await store.putBlessed(a, promoted(a));
    await store.putBlessed(b, promoted(b));
    const rollback: StoredBlessedEvent = { template: 'other', kind: 'rolled-back', at: iso(5), by: 'bo', setId: 'z' };
    await store.setActive('knapsack', 'a', rollback);
    expect((await store.listBlessed('knapsack')).map((s) => [s.id, s.active])).toEqual([
      ['a', true],
      ['b', false],
    ]);
    const events = await store.history('knapsack');
    expect(events.at(-1)).toEqual({ ...rollback, template: 'knapsack', setId: 'a', id: 3 });
    await expect(store.setActive('knapsack', 'nope')).rejects.toThrow(/no blessed set nope/);
    expect((await store.listBlessed('knapsack')).map((s) => s.active)).toEqual([true, false]);
    expect(await store.history('knapsack')).toHaveLength(3);
  });
});

const baselineStores: [string, () => BaselineStore][] = [
  ['in memory', memoryBaselineStore],
  ['in memory behind a failed open', () => fallbackBaselines(Promise.reject(new StorageUnavailable()))],
  ['in IndexedDB', () => baselineStoreOf(freshDb())],
];
function fallbackBaselines(db: ReturnType<typeof freshDb>): BaselineStore {
  db.catch(() => {});
  return withMemoryFallback(db, baselineStoreOf(db), memoryBaselineStore());
}

describe.each(baselineStores)('baseline store %s', (_, make) => {
  it('stores a baseline whole and returns copies', async () => {
    const store = make();
    const b = baseline('b1');
    await store.put(b);
    b.runs[0].objective = 99;
    const got = await store.get('b1');
    expect(got).toEqual(baseline('b1'));
    expect(got!.optionSet.options.time_limit).toBe(Infinity);
    got!.runs.length = 0;
    expect((await store.get('b1'))!.runs).toHaveLength(2);
    expect(await store.get('nope')).toBeUndefined();
  });

  it('keeps earlier baselines, lists oldest first per template, replaces by id and deletes', async () => {
    const store = make();
    await store.put(baseline('late', 'knapsack', 30));
    await store.put(baseline('other', 'facility', 20));
    await store.put(baseline('early', 'knapsack', 10));
    expect((await store.list('knapsack')).map((b) => b.id)).toEqual(['early', 'late']);
    expect((await store.list()).map((b) => b.id)).toEqual(['early', 'other', 'late']);
    await store.put({ ...baseline('late', 'knapsack', 30), thresholdPct: 35 });
    expect((await store.get('late'))!.thresholdPct).toBe(35);
    expect(await store.list()).toHaveLength(3);
    await store.delete('early');
    await store.delete('unknown');
    expect((await store.list('knapsack')).map((b) => b.id)).toEqual(['late']);
  });

  it('refuses a baseline whose createdAt is not a date, and stores nothing', async () => {
    const store = make();
    await expect(store.put({ ...baseline('bad'), createdAt: 'yesterday' })).rejects.toThrow(RangeError);
    expect(await store.list()).toEqual([]);
  });
});

describe.each(baselineStores)('regression history and thresholds %s', (_, make) => {
  it('keeps check summaries per template in check order, as copies', async () => {
    const store = make();
    const late = checkSummary('late', 'knapsack', 5);
    await store.addCheck(late);
    await store.addCheck(checkSummary('other', 'facility', 3));
    await store.addCheck(checkSummary('early', 'knapsack', 1));
    late.counts.wrong = 9;
    const got = await store.listChecks('knapsack');
    expect(got.map((c) => c.id)).toEqual(['early', 'late']);
    expect(got[1]).toEqual(checkSummary('late', 'knapsack', 5));
    got[0].verdict = 'wrong';
    expect((await store.listChecks('knapsack'))[0].verdict).toBe('unchanged');
    expect((await store.listChecks()).map((c) => c.id)).toEqual(['early', 'other', 'late']);
    expect(await store.listChecks('none')).toEqual([]);
  });

  it('keeps one threshold per template', async () => {
    const store = make();
    expect(await store.getThreshold('knapsack')).toBeUndefined();
    expect(await store.listThresholds()).toEqual({});
    await store.setThreshold('knapsack', 30);
    await store.setThreshold('facility', 10);
    await store.setThreshold('knapsack', 35);
    expect(await store.getThreshold('knapsack')).toBe(35);
    expect(await store.listThresholds()).toEqual({ knapsack: 35, facility: 10 });
  });
});

describe('withMemoryFallback for parameters and baselines', () => {
  it('writes to the database when it opened, leaving the memory store empty', async () => {
    const db = freshDb();
    const memParams = memoryParameterStore();
    const memBaselines = memoryBaselineStore();
    const params = withMemoryFallback(db, parameterStoreOf(db), memParams);
    const baselines = withMemoryFallback(db, baselineStoreOf(db), memBaselines);
    await params.putBlessed(blessed('a'), promoted(blessed('a')));
    await baselines.put(baseline('b1'));
    expect(await (await db).count('blessedSets')).toBe(1);
    expect(await (await db).count('baselines')).toBe(1);
    expect(await memParams.listBlessed()).toEqual([]);
    expect(await memBaselines.list()).toEqual([]);
  });
});
