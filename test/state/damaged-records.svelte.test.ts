// @vitest-environment svelte-runes
// Damaged stored records (an older version's bug, a hand edit: written straight into fake-indexeddb, past
// every check) reach the run view's history and #/reports through the real stores: the views' state opens,
// lists the readable records as before, shows the damaged ones apart, and deletes them.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { benchmarkStoreOf } from '../../src/app/benchmark-store';
import { runStoreOf } from '../../src/app/run-store';
import { HistoryState } from '../../src/state/history-state.svelte';
import type { AppServices } from '../../src/state/ports';
import { ReportsState } from '../../src/state/reports-state.svelte';
import { inProcessSummarizer } from '../../src/state/summarizer';
import { openWorkbenchDb } from '../../src/storage/db';
import { benchmarkRun, runRecord, SHA, storedBenchmark } from '../core/backup/fixtures';
import { diskLibrary } from './harness';

let dbs = 0;
const freshDb = () => openWorkbenchDb(`damaged-state-${process.pid}-${++dbs}`);

describe('the history with a damaged run', () => {
  it('opens with the readable runs, shows the damaged one, and deletes it', async () => {
    const db = await freshDb();
    await db.put('runs', { ...runRecord(), id: 1, createdAt: 10 });
    await db.put('runs', { id: 2, createdAt: 20, modelId: SHA } as never); // only {createdAt, modelId}
    await db.put('runs', { ...runRecord(), id: 3, createdAt: 30, counters: 'lots' } as never);
    const history = new HistoryState(runStoreOf(Promise.resolve(db)));
    await history.refresh();
    expect(history.error).toBeNull();
    expect(history.runs.map((r) => r.id)).toEqual([1]);
    expect(history.runs[0].times.solveMs).toBe(2); // what the table reads is there
    expect(history.damaged.map((d) => d.key)).toEqual([3, 2]);
    expect(history.damaged[1].problems[0]).toMatch(/missing modelName/);

    await history.deleteDamaged(history.damaged[0]);
    expect(history.damaged.map((d) => d.key)).toEqual([2]);
    expect(await db.getAllKeys('runs')).toEqual([1, 2]);
    await history.clear(); // clearing the history removes damaged runs too
    expect(history.damaged).toEqual([]);
    expect(await db.count('runs')).toBe(0);
  });
});

describe('#/reports with a damaged benchmark and a damaged run', () => {
  it('lists the other benchmarks (they open), shows the damaged records, and deletes them', async () => {
    const db = await freshDb();
    await db.put('benchmarks', storedBenchmark({ id: 'good', createdAt: 1 }));
    await db.put('benchmarks', { id: 'bad', name: 'broken', createdAt: 2, state: 'finished' } as never);
    await db.put('benchmarkRuns', { ...benchmarkRun({ seed: 1 }), benchmarkId: 'good', id: 1 });
    await db.put('benchmarkRuns', {
      ...benchmarkRun({ seed: 2 }),
      benchmarkId: 'good',
      id: 2,
      verdict: 'great',
    } as never);
    const services: AppServices = {
      solver: {} as AppServices['solver'],
      runs: runStoreOf(Promise.resolve(db)),
      library: diskLibrary,
      poolSize: { save: () => {} },
      benchmarks: benchmarkStoreOf(Promise.resolve(db)),
      summarizer: inProcessSummarizer,
    };
    const reports = new ReportsState(services);
    await reports.load();
    expect(reports.error).toBeNull();
    expect(reports.loading).toBe(false);
    expect(reports.entries.map((e) => [e.benchmark.id, e.runs.length])).toEqual([['good', 1]]);
    expect(reports.damaged.map((d) => [d.store, d.key])).toEqual([
      ['benchmarks', 'bad'],
      ['benchmarkRuns', 2],
    ]);

    await reports.view('good'); // the readable benchmark opens: its summary is computed
    expect(reports.viewed?.summary?.optionSets[0].problems).toBe(1);

    await reports.deleteDamaged(reports.damaged[0]);
    await reports.deleteDamaged(reports.damaged[0]);
    expect(reports.damaged).toEqual([]);
    expect(await db.getAllKeys('benchmarks')).toEqual(['good']);
    expect(await db.getAllKeys('benchmarkRuns')).toEqual([1]);
  });
});
