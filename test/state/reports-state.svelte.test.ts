// @vitest-environment svelte-runes
// The reports view's state against the real benchmark store (fake-indexeddb through the repository):
// listing, export and re-import, imports that must change nothing, viewing with a stale guard,
// deleting, and a comparison that puts a changed objective first.
import { describe, expect, it } from 'vitest';
import { benchmarkStoreOf } from '../../src/app/benchmark-store';
import type { BenchmarkRun } from '../../src/core/benchmark';
import type { BenchmarkComparison, CompareInput } from '../../src/core/compare';
import { parseReport, serializeReport } from '../../src/core/report';
import type { BenchmarkSummary, SummaryInput } from '../../src/core/stats';
import type { AppServices, BenchmarkStore, Summarizer } from '../../src/state/ports';
import { importedAtOf, ranAtOf } from '../../src/state/benchmark-fields';
import { ReportsState, type ReportFileInput } from '../../src/state/reports-state.svelte';
import { inProcessSummarizer } from '../../src/state/summarizer';
import type { BenchmarkState, StoredBenchmark } from '../../src/storage/benchmark-types';
import { openWorkbenchDb } from '../../src/storage/db';
import { MODEL_A, sampleReport } from '../core/report/fixtures';
import { diskLibrary, freshRunStore } from './harness';
import { memoryTunerStore } from '../../src/app/memory-stores';
import { buildTuningReport } from '../../src/state/report-builder';
import { sampleTuningRecord } from '../core/tuner/record-fixture';

const MIB = 1024 * 1024;
const ENV = { userAgent: 'Chrome/140 (this browser)', hardwareConcurrency: 4, crossOriginIsolated: true };

let dbs = 0;
const freshStore = (): BenchmarkStore => benchmarkStoreOf(openWorkbenchDb(`reports-state-${process.pid}-${++dbs}`));

/** Services with the given store and summarizer. */
function services(store: BenchmarkStore | undefined, summarizer?: Summarizer): AppServices {
  return {
    solver: {} as AppServices['solver'], // the reports view never solves
    runs: freshRunStore(),
    library: diskLibrary,
    poolSize: { save: () => {} },
    benchmarks: store,
    summarizer,
  };
}

/** The sample report's benchmark stored as a local one, with the given id and state; returns its runs. */
async function storeLocal(
  store: BenchmarkStore,
  id: string,
  state: BenchmarkState = 'finished',
  createdAt = 1_000,
  runs?: BenchmarkRun[],
): Promise<BenchmarkRun[]> {
  const { summary: _s, runs: sampleRuns, ...b } = sampleReport().benchmarks[0];
  const stored: StoredBenchmark = {
    ...b,
    id,
    name: `local ${id}`,
    createdAt,
    state,
    environment: ENV,
    solver: { name: 'highs', version: '1.15.1' },
  };
  await store.putBenchmark(stored);
  const list = runs ?? sampleRuns;
  if (list.length > 0) await store.addRuns(id, list);
  return list;
}

/** A picked file with this text. */
const fileOf = (name: string, text: string): ReportFileInput => ({
  name,
  size: new TextEncoder().encode(text).byteLength,
  text: async () => text,
});

/** Everything stored: each benchmark with its runs. */
async function snapshot(store: BenchmarkStore) {
  const all = await store.listBenchmarks();
  return Promise.all(all.map(async (b) => ({ b, runs: await store.listRuns(b.id) })));
}

let ids = 0;
const newId = () => `imported-${++ids}`;

/** A reports state over a store holding one finished local benchmark "local-1", selected. */
async function withLocal(summarizer?: Summarizer) {
  const store = freshStore();
  await storeLocal(store, 'local-1');
  const reports = new ReportsState(services(store, summarizer), { newId, now: () => 5_000 });
  await reports.load();
  reports.toggle('local-1');
  return { store, reports };
}

/** The selected benchmarks exported as a file. */
async function exported(reports: ReportsState) {
  const file = await reports.exportSelected();
  expect(reports.error).toBeNull();
  if (!file) throw new Error('nothing exported');
  return file;
}

describe('ReportsState: the list', () => {
  it('lists finished, imported and cancelled-with-runs benchmarks, newest first; not running, interrupted or empty cancelled', async () => {
    const store = freshStore();
    await storeLocal(store, 'finished', 'finished', 1);
    await storeLocal(store, 'cancelled', 'cancelled', 2);
    await storeLocal(store, 'cancelled-empty', 'cancelled', 3, []);
    await storeLocal(store, 'running', 'running', 4);
    await storeLocal(store, 'interrupted', 'interrupted', 5);
    await storeLocal(store, 'imported', 'imported', 6);
    const reports = new ReportsState(services(store));
    await reports.load();
    expect(reports.error).toBeNull();
    expect(reports.entries.map((e) => e.benchmark.id)).toEqual(['imported', 'cancelled', 'finished']);
    expect(reports.entries[0].runs).toHaveLength(4);
  });

  it('keeps the validation benchmarks of #/parameters apart unless asked, old ones (without a purpose) too', async () => {
    const store = freshStore();
    await storeLocal(store, 'mine', 'finished', 1);
    await storeLocal(store, 'validation', 'finished', 2);
    await storeLocal(store, 'old-validation', 'finished', 3);
    const v = (await store.getBenchmark('validation'))!;
    await store.putBenchmark({ ...v, purpose: 'validation' });
    // Stored before `purpose` existed: recognised by the definition #/parameters gives its validations.
    const old = (await store.getBenchmark('old-validation'))!;
    const def = {
      name: 'validate knapsack candidate',
      templates: [],
      optionSets: [
        { id: 'reference', name: 'HiGHS defaults', options: {} },
        { id: 'candidate', name: 'candidate', options: {} },
      ],
      referenceOptionSetId: 'reference',
      config: old.config,
      workers: 1,
    };
    await store.putBenchmark({ ...old, definition: def });
    const reports = new ReportsState(services(store));
    await reports.load();
    expect(reports.entries).toHaveLength(3);
    expect(reports.shown.map((e) => e.benchmark.id)).toEqual(['mine']);
    expect(reports.hiddenValidations).toBe(2);
    reports.setShowValidation(true);
    expect(reports.shown.map((e) => e.benchmark.id)).toEqual(['old-validation', 'validation', 'mine']);
    reports.toggle('validation');
    reports.toggle('mine');
    reports.setShowValidation(false);
    expect(reports.selected).toEqual(['mine']);
  });

  it('without a benchmark store says so', async () => {
    const reports = new ReportsState(services(undefined));
    await reports.load();
    expect(reports.error?.name).toBe('Unavailable');
    expect(await reports.importFile(fileOf('r.json', '{}'))).toEqual([]);
  });

  it('selects in order, compares only two, and deletes a benchmark with its runs', async () => {
    const store = freshStore();
    await storeLocal(store, 'x', 'finished', 1);
    await storeLocal(store, 'y', 'finished', 2);
    await storeLocal(store, 'z', 'finished', 3);
    const reports = new ReportsState(services(store));
    await reports.load();
    reports.toggle('y');
    expect(reports.canCompare).toBe(false);
    reports.toggle('x');
    expect(reports.canCompare).toBe(true);
    expect(reports.selection.map((e) => e.benchmark.id)).toEqual(['y', 'x']);
    reports.toggle('z');
    expect(reports.canCompare).toBe(false);
    await reports.remove('z');
    expect(reports.entries.map((e) => e.benchmark.id)).toEqual(['y', 'x']);
    expect(reports.selected).toEqual(['y', 'x']);
    expect(await store.getBenchmark('z')).toBeUndefined();
    expect(await store.listRuns('z')).toEqual([]);
    await reports.swap();
    expect(reports.selected).toEqual(['x', 'y']);
  });
});

describe('ReportsState: export and import', () => {
  it('exports the selection, and its re-import is a new imported benchmark with the same runs and its provenance', async () => {
    const { store, reports } = await withLocal();
    const file = await exported(reports);
    expect(file.name).toMatch(/^highs-workbench-report-\d{4}-\d{2}-\d{2}\.json$/);
    const parsed = parseReport(file.text);
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    expect(parsed.report.environment).toEqual(ENV);
    expect(parsed.report.benchmarks.map((b) => b.id)).toEqual(['local-1']);

    const before = await store.listRuns('local-1');
    const newIds = await reports.importFile(fileOf('mine.json', file.text));
    expect(reports.error).toBeNull();
    expect(newIds).toHaveLength(1);
    expect(newIds[0]).not.toBe('local-1');
    expect(reports.notice).toMatch(/Imported 1 benchmark from "mine.json"/);
    const imported = (await store.getBenchmark(newIds[0]))!;
    expect(imported).toMatchObject({
      state: 'imported',
      name: 'local local-1',
      createdAt: 5_000,
      environment: ENV,
      solver: { name: 'highs', version: '1.15.1' },
      importedFrom: { file: 'mine.json', createdAt: parsed.report.createdAt },
    });
    expect(imported.optionSets[1].options.time_limit).toBe(Infinity);
    expect(await store.listRuns(newIds[0])).toEqual(before);
    expect(await store.listRuns('local-1')).toEqual(before);
    expect(reports.entries.map((e) => e.benchmark.id).sort()).toEqual(['local-1', newIds[0]].sort());

    // When it ran travels with the report: the import keeps it apart from when it was imported.
    expect(parsed.report.benchmarks[0].startedAt).toBe(new Date(1_000).toISOString());
    expect(imported.startedAt).toBe(new Date(1_000).toISOString());
    expect(ranAtOf(imported)).toEqual({ ms: 1_000, before: false });
    expect(importedAtOf(imported)).toBe(5_000);

    // The same file again is allowed: another copy with its own id.
    const again = await reports.importFile(fileOf('mine.json', file.text));
    expect(again).toHaveLength(1);
    expect(again[0]).not.toBe(newIds[0]);
    expect(reports.entries).toHaveLength(3);

    // An imported benchmark is exported like a local one (with the report's environment).
    reports.toggle('local-1', false);
    reports.toggle(newIds[0], true);
    const reexported = parseReport((await exported(reports)).text);
    expect(reexported.ok && reexported.report.benchmarks[0].runs).toEqual(before);
  });

  it('imports every benchmark of a report with another environment, marked with it', async () => {
    const store = freshStore();
    const reports = new ReportsState(services(store), { newId, now: () => 7_000 });
    const report = sampleReport();
    report.benchmarks.push({ ...sampleReport().benchmarks[0], id: 'bench-2', name: 'second' });
    const text = serializeReport(report);
    const got = await reports.importFile(fileOf('theirs.json', text));
    expect(reports.error).toBeNull();
    expect(got).toHaveLength(2);
    const names = reports.entries.map((e) => e.benchmark.name).sort();
    expect(names).toEqual(['afiro vs knapsack — presolve', 'second']);
    const ids = report.benchmarks.map((b) => b.id);
    for (const e of reports.entries) {
      expect(e.benchmark.environment).toEqual(report.environment);
      expect(e.benchmark.importedFrom).toEqual({
        file: 'theirs.json',
        createdAt: report.createdAt,
        benchmarkId: ids[e.benchmark.name === 'second' ? 1 : 0],
      });
      expect(ids).not.toContain(e.benchmark.id); // a fresh id: importing one's own export does not collide
      expect(e.runs).toHaveLength(4);
    }
  });

  const validText = () => serializeReport(sampleReport(), { indent: 0 });
  const bad: [string, () => ReportFileInput, RegExp][] = [
    ['truncated', () => fileOf('cut.json', validText().slice(0, 200)), /invalid JSON at line 1, column 201/],
    [
      'a newer version',
      () => fileOf('v2.json', validText().replace('"version":1', '"version":2')),
      /report version 2 is newer than this app reads \(1\)/,
    ],
    [
      'a version that is not a number',
      () => fileOf('v.json', validText().replace('"version":1', '"version":"1"')),
      /version: expected a report version/,
    ],
    [
      'a NaN token',
      () => fileOf('nan.json', validText().replace('"timeMs":12.5', '"timeMs":NaN')),
      /invalid JSON at .*NaN and Infinity are not JSON/,
    ],
    [
      'a __proto__ key',
      () => fileOf('proto.json', validText().replace('"options":{}', '"options":{"__proto__":{"polluted":true}}')),
      /benchmarks\[0\]\.optionSets\[0\]\.options\.__proto__: the key "__proto__" is not allowed/,
    ],
    [
      'a field out of range',
      () => fileOf('neg.json', validText().replace('"timeMs":12.5', '"timeMs":-1')),
      /benchmarks\[0\]\.runs\[0\]\.timeMs: expected a number ≥ 0, got -1/,
    ],
    [
      'another kind of file',
      () => fileOf('pkg.json', '{"name":"x"}'),
      /not a HiGHS Workbench report: "schema" is missing/,
    ],
    [
      'no benchmark',
      () => fileOf('empty.json', JSON.stringify({ ...sampleReport(), benchmarks: [] })),
      /benchmarks: the report holds no benchmark and no tuning run/,
    ],
    [
      '100 MiB (refused by its size, never read)',
      () => ({
        name: 'huge.json',
        size: 100 * MIB,
        text: () => Promise.reject(new Error('a file over the cap must not be read')),
      }),
      /the report is 100 MiB, larger than this app reads \(the limit is 64 MiB\)/,
    ],
  ];

  it.each(bad)(
    'refuses %s: the message names the file and the problem, and nothing stored changes',
    async (_n, make, message) => {
      const { store, reports } = await withLocal();
      const before = await snapshot(store);
      const file = make();
      expect(await reports.importFile(file)).toEqual([]);
      expect(reports.error?.name).toBe('InvalidReport');
      expect(reports.error?.message).toContain(`"${file.name}" cannot be imported, nothing was stored`);
      expect(reports.error?.message).toMatch(message);
      expect(reports.notice).toBeNull();
      expect(reports.importing).toBe(false);
      expect(await snapshot(store)).toEqual(before);
      expect(reports.entries.map((e) => e.benchmark.id)).toEqual(['local-1']);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    },
  );

  it('refuses a file over a smaller cap by its size without reading it', async () => {
    const store = freshStore();
    const reports = new ReportsState(services(store), { maxBytes: 1024 });
    let read = false;
    const text = validText();
    await reports.importFile({
      name: 'big.json',
      size: text.length,
      text: async () => {
        read = true;
        return text;
      },
    });
    expect(read).toBe(false);
    expect(reports.error?.message).toMatch(/larger than this app reads/);
    expect(await store.listBenchmarks()).toEqual([]);
  });

  it('stores nothing when the store refuses one benchmark of the report (all or nothing)', async () => {
    const { store, reports } = await withLocal();
    const report = sampleReport();
    report.benchmarks.push({ ...sampleReport().benchmarks[0], id: 'bench-2', name: 'second' });
    const text = serializeReport(report);
    // The second benchmark gets an id that exists: its add fails, and with it the whole transaction.
    const taken = ['fresh-1', 'local-1'];
    const clashing = new ReportsState(services(store), { newId: () => taken.shift()! });
    await clashing.load();
    const before = await snapshot(store);
    expect(await clashing.importFile(fileOf('two.json', text))).toEqual([]);
    expect(clashing.error?.name).toBe('ImportFailed');
    expect(clashing.error?.message).toMatch(
      /^"two.json" could not be stored, nothing was stored: (ConstraintError|AbortError)/,
    );
    expect(await snapshot(store)).toEqual(before);
    expect(await store.getBenchmark('fresh-1')).toBeUndefined();
    expect(await store.listRuns('fresh-1')).toEqual([]);
    expect(reports.entries).toHaveLength(1);
  });

  it('refuses to export benchmarks of different environments together, naming them', async () => {
    const { reports } = await withLocal();
    const file = await exported(reports);
    const parsed = parseReport(file.text);
    if (!parsed.ok) throw new Error('unreadable');
    const other = { ...parsed.report, environment: { ...ENV, userAgent: 'Firefox/150' } };
    const [id] = await reports.importFile(fileOf('firefox.json', serializeReport(other)));
    reports.toggle(id, true);
    expect(await reports.exportSelected()).toBeNull();
    expect(reports.error?.name).toBe('ReportExportRefused');
    expect(reports.error?.message).toMatch(/Firefox\/150/);
  });
});

describe('ReportsState: viewing and comparing', () => {
  it('views a benchmark with its summary from its runs; a late summary of an earlier view is dropped', async () => {
    const store = freshStore();
    await storeLocal(store, 'p', 'finished', 1);
    await storeLocal(store, 'q', 'finished', 2, sampleReport().benchmarks[0].runs.slice(0, 2));
    const pending: { input: SummaryInput; resolve: (s: BenchmarkSummary) => void }[] = [];
    const slow: Summarizer = {
      summarize: (input) => new Promise((resolve) => pending.push({ input, resolve })),
      compare: (input: CompareInput): Promise<BenchmarkComparison> => inProcessSummarizer.compare(input),
      serializeReport: inProcessSummarizer.serializeReport,
      parseReport: inProcessSummarizer.parseReport,
    };
    const reports = new ReportsState(services(store, slow));
    await reports.load();
    const first = reports.view('p');
    const second = reports.view('q');
    expect(reports.viewed).toEqual({ id: 'q', summary: null });
    expect(pending.map((p) => p.input.runs.length)).toEqual([4, 2]);
    const real = await Promise.all(pending.map((p) => inProcessSummarizer.summarize(p.input)));
    pending[1].resolve(real[1]);
    await second;
    pending[0].resolve(real[0]);
    await first;
    expect(reports.viewed?.id).toBe('q');
    expect(reports.viewed?.summary).toBe(real[1]);
    expect(reports.viewedEntry?.benchmark.id).toBe('q');
    await reports.view(null);
    expect(reports.viewed).toBeNull();
  });

  it('compares the two selected: a changed objective is the first difference, before a counter change', async () => {
    const { store, reports } = await withLocal();
    const file = await exported(reports);
    const json = JSON.parse(file.text) as {
      benchmarks: {
        runs: {
          modelId: string;
          optionSetId: string;
          seed: number;
          objective: number;
          counters: Record<string, number>;
        }[];
      }[];
    };
    const runs = json.benchmarks[0].runs;
    // A counter change on one run, listed after it in the runs, and an objective change on another (LP afiro).
    const counterRun = runs.find((r) => r.modelId === MODEL_A && r.optionSetId === 'no-presolve')!;
    counterRun.counters.simplexIterations += 5;
    const objectiveRun = runs.find((r) => r.modelId === MODEL_A && r.optionSetId === 'defaults')!;
    objectiveRun.objective = -400;
    const [b] = await reports.importFile(fileOf('changed.json', JSON.stringify(json)));
    expect(reports.error).toBeNull();
    reports.toggle(b, true);
    expect(reports.selected).toEqual(['local-1', b]);
    await reports.compare();
    expect(reports.error).toBeNull();
    const shown = reports.comparison!;
    expect(shown.a).toBe('local-1');
    expect(shown.b).toBe(b);
    const kinds = shown.result.differences.map((d) => d.kind);
    expect(kinds[0]).toBe('objective-changed');
    expect(kinds).toContain('counters-changed');
    expect(shown.result.differences[0]).toMatchObject({ modelId: MODEL_A, severity: 'error', seed: objectiveRun.seed });
    expect(shown.result.models.matched.map((m) => m.id)).toContain(MODEL_A);
    expect(shown.result.summaries).toHaveLength(2);
    expect(await store.listBenchmarks()).toHaveLength(2);
  });

  it('names both sides of a comparison with when they ran, and swaps them', async () => {
    const store = freshStore();
    await storeLocal(store, 'older', 'finished', 1_000);
    await storeLocal(store, 'newer', 'finished', 2_000);
    const reports = new ReportsState(services(store));
    await reports.load();
    reports.toggle('older');
    reports.toggle('newer');
    await reports.compare();
    expect(reports.comparedSides).toMatchObject({
      a: { id: 'older', name: 'local older', ranAt: { ms: 1_000, before: false }, importedAt: null },
      b: { id: 'newer', name: 'local newer', ranAt: { ms: 2_000, before: false }, importedAt: null },
    });
    await reports.swap();
    expect(reports.selected).toEqual(['newer', 'older']);
    expect([reports.comparison?.a, reports.comparison?.b]).toEqual(['newer', 'older']);
    expect(reports.comparedSides?.a.name).toBe('local newer');
  });

  it('shows why a comparison failed', async () => {
    const failing: Summarizer = {
      summarize: inProcessSummarizer.summarize,
      compare: () => Promise.reject(Object.assign(new Error('the summary worker stopped'), { name: 'WorkerCrashed' })),
      serializeReport: inProcessSummarizer.serializeReport,
      parseReport: inProcessSummarizer.parseReport,
    };
    const { reports } = await withLocal(failing);
    const [b] = await reports.importFile(fileOf('same.json', (await exported(reports)).text));
    reports.toggle(b, true);
    await reports.compare();
    expect(reports.comparison).toBeNull();
    expect(reports.comparing).toBe(false);
    expect(reports.error).toEqual({ name: 'WorkerCrashed', message: 'the summary worker stopped' });
  });
});

describe('reports that carry tuning runs', () => {
  it('imports a tuning run as a copy with a fresh id (a running one as cancelled), beside any benchmark', async () => {
    const store = freshStore();
    const tuner = memoryTunerStore();
    let n = 0;
    const reports = new ReportsState({ ...services(store), tuner }, { newId: () => `new-${++n}` });
    const record = { ...sampleTuningRecord(), state: 'running' as const };
    const text = serializeReport({ ...buildTuningReport([record], 5_000, ENV), benchmarks: sampleReport().benchmarks });
    const ids = await reports.importFile(fileOf('tuned.json', text));
    expect(reports.error).toBeNull();
    expect(ids).toHaveLength(1);
    expect(reports.notice).toBe('Imported 1 benchmark and 1 tuning run (in #/tune) from "tuned.json".');
    const [stored] = await tuner.list();
    expect(stored.id).toBe('new-2'); // new-1 went to the benchmark
    expect(stored.state).toBe('cancelled');
    expect(stored.result).toEqual(record.result);
    expect(stored.race).toEqual(record.race);
  });

  it('takes the tuning runs back when the benchmarks cannot be stored, and needs a tuning store', async () => {
    const tuner = memoryTunerStore();
    const failing = { ...freshStore(), importBenchmarks: () => Promise.reject(new Error('disk full')) };
    const reports = new ReportsState({ ...services(failing), tuner });
    const text = serializeReport({
      ...buildTuningReport([sampleTuningRecord()], 5_000, ENV),
      benchmarks: sampleReport().benchmarks,
    });
    expect(await reports.importFile(fileOf('t.json', text))).toEqual([]);
    expect(reports.error?.name).toBe('ImportFailed');
    expect(await tuner.list()).toEqual([]);

    const without = new ReportsState(services(freshStore()));
    const only = serializeReport(buildTuningReport([sampleTuningRecord()], 5_000, ENV));
    expect(await without.importFile(fileOf('t.json', only))).toEqual([]);
    expect(without.error?.message).toMatch(/tuning: tuning runs need the browser database/);
  });
});
