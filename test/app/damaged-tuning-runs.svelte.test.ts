// @vitest-environment svelte-runes
// A crafted tuning run (written straight into fake-indexeddb, past every check) never breaks a view: #/reports,
// where the app lists damaged records, opens with its benchmarks as before, lists the tuning run apart as damaged
// (the tuner store wired as the bootstrap wires it), and deletes it through the tuner store; a tuner store that
// cannot be read is said, without hiding the benchmarks.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { benchmarkStoreOf } from '../../src/app/benchmark-store';
import { memoryTunerStore, withMemoryFallback } from '../../src/app/memory-stores';
import { runStoreOf } from '../../src/app/run-store';
import type { AppServices, TunerStore } from '../../src/state/ports';
import { ReportsState } from '../../src/state/reports-state.svelte';
import { inProcessSummarizer } from '../../src/state/summarizer';
import { openWorkbenchDb, type Db } from '../../src/storage/db';
import { tunerStoreOf } from '../../src/storage/tuner-repo';
import { benchmarkRun, storedBenchmark } from '../core/backup/fixtures';
import { diskLibrary } from '../state/harness';
import { tuningRecord } from '../storage/tuning-record';

let dbs = 0;
const freshDb = () => openWorkbenchDb(`damaged-tuning-${process.pid}-${++dbs}`);

function services(db: Db, tuner: TunerStore | undefined): AppServices {
  const open = Promise.resolve(db);
  return {
    solver: {} as AppServices['solver'], // the reports view never solves
    runs: runStoreOf(open),
    library: diskLibrary,
    poolSize: { save: () => {} },
    benchmarks: benchmarkStoreOf(open),
    tuner,
    summarizer: inProcessSummarizer,
  };
}

/** A database with one readable benchmark, one readable tuning run and one crafted tuning run. */
async function seeded(): Promise<Db> {
  const db = await freshDb();
  await db.put('benchmarks', storedBenchmark({ id: 'good', createdAt: 1 }));
  await db.put('benchmarkRuns', { ...benchmarkRun({ seed: 1 }), benchmarkId: 'good', id: 1 });
  await db.put('tunerRuns', tuningRecord({ id: 'fine' }));
  await db.put('tunerRuns', {
    id: 'evil',
    name: 'crafted',
    format: 'highs-workbench/tuning-run',
    race: 'boom',
  } as never);
  return db;
}

describe('#/reports with a damaged tuning run', () => {
  it('lists the benchmarks as before, shows the damaged tuning run apart, and deletes it', async () => {
    const db = await seeded();
    const open = Promise.resolve(db);
    const tuner = withMemoryFallback<TunerStore>(open, tunerStoreOf(open), memoryTunerStore());
    const reports = new ReportsState(services(db, tuner));
    await reports.load();
    expect(reports.error).toBeNull();
    expect(reports.entries.map((e) => [e.benchmark.id, e.runs.length])).toEqual([['good', 1]]);
    expect(reports.damaged.map((d) => [d.store, d.key, d.label])).toEqual([['tunerRuns', 'evil', 'crafted']]);

    await reports.view('good'); // the readable benchmark still opens
    expect(reports.viewed?.summary).not.toBeNull();

    await reports.deleteDamaged(reports.damaged[0]);
    expect(reports.error).toBeNull();
    expect(reports.damaged).toEqual([]);
    expect(await db.getAllKeys('tunerRuns')).toEqual(['fine']); // the readable tuning run is kept
    expect(await db.getAllKeys('benchmarks')).toEqual(['good']);
    db.close();
  });

  it('a tuner store that cannot be read: the error is shown and the benchmarks are still listed', async () => {
    const db = await seeded();
    const broken: TunerStore = {
      ...memoryTunerStore(),
      read: () => Promise.reject(new Error('the tuner store is gone')),
    };
    const reports = new ReportsState(services(db, broken));
    await reports.load();
    expect(reports.error?.message).toMatch(/the tuner store is gone/);
    expect(reports.entries.map((e) => e.benchmark.id)).toEqual(['good']);
    expect(reports.damaged).toEqual([]);
    db.close();
  });

  it('without a tuner store (a shell or test that does not supply one) nothing changes', async () => {
    const db = await seeded();
    const reports = new ReportsState(services(db, undefined));
    await reports.load();
    expect(reports.error).toBeNull();
    expect(reports.damaged).toEqual([]);
    db.close();
  });
});
