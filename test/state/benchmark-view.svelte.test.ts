// @vitest-environment svelte-runes
// The benchmark view's state against real parts: the default benchmark solved by the real HiGHS
// through an in-process pool, stored in fake-indexeddb; its summary and its report read back.
import { afterEach, describe, expect, it } from 'vitest';
import { benchmarkStoreOf } from '../../src/app/benchmark-store';
import { parseReport } from '../../src/core/report';
import { BenchmarkViewState } from '../../src/state/benchmark-view.svelte';
import type { AppServices } from '../../src/state/ports';
import type { WorkerPool } from '../../src/solver/worker-pool';
import { openWorkbenchDb } from '../../src/storage/db';
import { diskLibrary, freshRunStore, localPool } from './harness';

const pools: WorkerPool[] = [];
afterEach(() => {
  for (const p of pools.splice(0)) p.dispose();
});

let dbs = 0;
function services(withStore = true): AppServices {
  const pool = localPool();
  pools.push(pool);
  return {
    solver: pool,
    runs: freshRunStore(),
    library: diskLibrary,
    poolSize: { save: () => {} },
    benchmarks: withStore ? benchmarkStoreOf(openWorkbenchDb(`bench-view-${process.pid}-${++dbs}`)) : undefined,
  };
}

describe('BenchmarkViewState', () => {
  it('without a benchmark store it says so and has no runner', async () => {
    const view = new BenchmarkViewState(services(false));
    await view.load();
    expect(view.runner).toBeNull();
    expect(view.error?.name).toBe('Unavailable');
    expect(view.reportFile()).toBeNull();
  });

  it('runs the default benchmark, summarises it and exports a report that reads back', async () => {
    const view = new BenchmarkViewState(services());
    await view.load();
    expect(view.error).toBeNull();
    expect(view.definition?.name).toBe('Quick start');
    expect(view.definition?.workers).toBe(1);
    expect(view.summary).toBeNull();
    await view.start();
    const runner = view.runner!;
    expect(runner.state).toBe('finished');
    expect(runner.done).toBe(runner.total);
    expect(runner.failures).toBe(0);
    const summary = view.summary!;
    expect(summary.optionSets.map((s) => s.optionSetId)).toEqual(['defaults', 'no-presolve']);
    for (const s of summary.optionSets) {
      expect(s.problems).toBeGreaterThan(0);
      expect(s.solved).toBe(s.problems);
    }
    expect(summary.correctness.disagreements).toEqual([]);

    const file = view.reportFile(Date.UTC(2026, 0, 2, 3, 4, 5))!;
    expect(file.name).toBe('highs-workbench-report-2026-01-02.json');
    const parsed = parseReport(file.text);
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    expect(parsed.report.createdAt).toBe('2026-01-02T03:04:05.000Z');
    expect(parsed.report.app.name).toBe('HiGHS Workbench');
    expect(parsed.report.solver.version).not.toBe('');
    expect(parsed.report.benchmarks[0].runs).toHaveLength(runner.total);
  }, 120_000);
});
