// @vitest-environment svelte-runes
// The benchmark view's state against real parts: the default benchmark solved by the real HiGHS
// through an in-process pool, stored in fake-indexeddb; its summary and its report read back.
import { afterEach, describe, expect, it } from 'vitest';
import { benchmarkStoreOf } from '../../src/app/benchmark-store';
import { parseReport } from '../../src/core/report';
import { BenchmarkViewState } from '../../src/state/benchmark-view.svelte';
import type { AppServices, Summarizer } from '../../src/state/ports';
import { inProcessSummarizer } from '../../src/state/summarizer';
import type { SummaryInput } from '../../src/core/stats';
import type { WorkerPool } from '../../src/solver/worker-pool';
import { openWorkbenchDb } from '../../src/storage/db';
import { diskLibrary, freshRunStore, localPool } from './harness';

const pools: WorkerPool[] = [];
afterEach(() => {
  for (const p of pools.splice(0)) p.dispose();
});

let dbs = 0;
function services(withStore = true, extra: Partial<AppServices> = {}): AppServices {
  const pool = localPool();
  pools.push(pool);
  return {
    solver: pool,
    ...extra,
    runs: freshRunStore(),
    library: diskLibrary,
    poolSize: { save: () => {} },
    benchmarks: withStore ? benchmarkStoreOf(openWorkbenchDb(`bench-view-${process.pid}-${++dbs}`)) : undefined,
    ...extra,
  };
}

describe('BenchmarkViewState', () => {
  it('without a benchmark store it says so and has no runner', async () => {
    const view = new BenchmarkViewState(services(false));
    await view.load();
    expect(view.runner).toBeNull();
    expect(view.error?.name).toBe('Unavailable');
    expect(await view.reportFile()).toBeNull();
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

    const file = (await view.reportFile(Date.UTC(2026, 0, 2, 3, 4, 5)))!;
    expect(file.name).toBe('highs-workbench-report-2026-01-02.json');
    const parsed = parseReport(file.text);
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    expect(parsed.report.createdAt).toBe('2026-01-02T03:04:05.000Z');
    expect(parsed.report.app.name).toBe('HiGHS Workbench');
    expect(parsed.report.solver.version).not.toBe('');
    expect(parsed.report.benchmarks[0].runs).toHaveLength(runner.total);

    // The results ran the definition in the editor; once it is edited, they are of an earlier one.
    expect(view.resultsChanges).toEqual([]);
    view.editor.seeds = '1';
    view.editor.name = 'Quick start, one seed';
    expect(view.resultsChanges).toEqual(['name', 'seeds']);
    view.editor.seeds = '1, 2';
    view.editor.name = 'Quick start';
    expect(view.resultsChanges).toEqual([]);
  }, 120_000);

  it('leaving the view keeps the edited definition: it lives in the app-long view state', async () => {
    const view = new BenchmarkViewState(services());
    await view.load();
    view.editor.name = 'edited';
    view.editor.seeds = '4, 5';
    expect(view.definition?.name).toBe('edited');
    expect(view.definition?.config.seeds).toEqual([4, 5]);
    view.editor.seeds = 'x';
    expect(view.definition).toBeNull();
    await view.start(); // refused: nothing runs while the definition has issues
    expect(view.runner!.state).toBe('idle');
  });

  it('summarises through the services’ summarizer, and drops a summary that arrives after a newer benchmark started', async () => {
    const calls: SummaryInput[] = [];
    let releaseFirst: () => void = () => {};
    const summarizer: Summarizer = {
      ...inProcessSummarizer,
      summarize: async (input) => {
        calls.push(input);
        if (calls.length === 1) await new Promise<void>((r) => (releaseFirst = r));
        return inProcessSummarizer.summarize(input);
      },
    };
    const view = new BenchmarkViewState(services(true, { summarizer }));
    await view.load();
    smallKnapsack(view);
    const first = view.start();
    await until(() => calls.length === 1);
    const firstId = view.runner!.benchmark!.id;
    expect(view.summarizing).toBe(true);
    expect(view.summary).toBeNull();
    expect(calls[0].runs).toHaveLength(view.runner!.total);

    const second = view.start(); // the runner is idle while the first summary is pending
    releaseFirst();
    await first;
    expect(view.summary).toBeNull(); // the first benchmark's summary is stale now
    await second;
    expect(calls).toHaveLength(2);
    expect(view.summarizing).toBe(false);
    expect(view.summaryBenchmark?.id).toBe(view.runner!.benchmark!.id);
    expect(view.summaryBenchmark?.id).not.toBe(firstId);
    expect(view.summaryPartial).toBe(false);
    expect(view.summary?.optionSets.map((o) => o.problems)).toEqual([4, 4]);
  }, 60_000);

  it('a cancelled benchmark with runs gets a partial summary of what finished', async () => {
    let view: BenchmarkViewState | undefined = undefined;
    const base = services();
    let submitted = 0;
    const solver: AppServices['solver'] = {
      ...base.solver,
      snapshot: () => base.solver.snapshot(),
      subscribe: (fn) => base.solver.subscribe(fn),
      resize: (a, b) => base.solver.resize(a, b),
      cancelBatch: (id) => base.solver.cancelBatch(id),
      describeOptions: () => base.solver.describeOptions(),
      submit: (m, o, x) => {
        if (++submitted === 4) queueMicrotask(() => view!.runner!.cancel());
        return base.solver.submit(m, o, x);
      },
    };
    view = new BenchmarkViewState({ ...base, solver });
    await view.load();
    smallKnapsack(view);
    await view.start();
    const runner = view.runner!;
    expect(runner.state).toBe('cancelled');
    expect(runner.runs.length).toBeGreaterThan(0);
    expect(runner.runs.length).toBeLessThan(runner.total);
    expect(view.summaryPartial).toBe(true);
    const counted = view.summary!.optionSets.reduce((n, o) => n + o.problems, 0);
    expect(counted).toBeGreaterThan(0);
    expect(counted).toBeLessThanOrEqual(runner.runs.length);
    expect(JSON.parse((await view.reportFile())!.text).benchmarks[0].runs).toHaveLength(runner.runs.length);
  }, 60_000);
});

/** Edits the view's definition to knapsacks of 6 and 9 items, two sets, random_seed 1 and 2, no warm-up: 8 runs. */
function smallKnapsack(view: BenchmarkViewState): void {
  const e = view.editor;
  e.templates.splice(0, e.templates.length);
  e.addGenerator('knapsack');
  const t = e.templates[0];
  if (t.kind === 'generator') t.sizes = '6, 9';
  e.warmup = false;
  e.workers = '1';
  expect(e.issues).toEqual([]);
  expect(e.plan.runs).toBe(8);
}

/** Waits (polling) until the condition holds. */
async function until(ok: () => boolean, ms = 30_000): Promise<void> {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 5));
  }
}
