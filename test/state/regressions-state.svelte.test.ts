// @vitest-environment svelte-runes
// The regressions state against real parts: knapsack benchmarks solved by the real HiGHS through an
// in-process pool, stored in fake-indexeddb through the real repositories; a baseline established from
// one, the same benchmark rerun, another option set (presolve off: more work, and too few runs for time to decide)
// and a planted wrong objective checked against it; the history per option set.
import { afterEach, describe, expect, it } from 'vitest';
import * as Comlink from 'comlink';
import { SummaryClient } from '../../src/solver/summary-client';
import { createSummaryApi } from '../../workers/summary-api';
import { PortWorker } from '../solver/fake-workers';
import type { BenchmarkDefinition, BenchmarkRun, OptionSet } from '../../src/core/benchmark';
import { BenchmarkRunner } from '../../src/state/benchmark-runner.svelte';
import type { AppServices, BaselineStore, BenchmarkStore } from '../../src/state/ports';
import { optionSetSeriesOf, RegressionsState } from '../../src/state/regressions-state.svelte';
import type { StoredRegressionCheck } from '../../src/storage/parameter-types';
import { inProcessSummarizer } from '../../src/state/summarizer';
import type { StoredBenchmark } from '../../src/storage/benchmark-types';
import type { WorkerPool } from '../../src/solver/worker-pool';
import { diskLibrary, storedServices } from './harness';

const pools: WorkerPool[] = [];
afterEach(() => {
  for (const p of pools.splice(0)) p.dispose();
});

const SETS: OptionSet[] = [
  { id: 'defaults', name: 'HiGHS defaults', options: {} },
  { id: 'no-presolve', name: 'presolve off', options: { presolve: 'off' } },
];

/** Knapsack at sizes 20 and 30, both option sets, seeds 1 and 2, one repetition, one worker. */
const DEFINITION: BenchmarkDefinition = {
  name: 'knapsack',
  templates: [
    {
      kind: 'generator',
      id: 'knap',
      name: 'Knapsack',
      generator: 'knapsack',
      sizes: [20, 30],
      instanceSeeds: [1],
      symmetryBreaking: false,
    },
  ],
  optionSets: SETS,
  referenceOptionSetId: 'defaults',
  config: { timeLimitMs: 20_000, seeds: [1, 2], repetitions: 1, warmup: false },
  workers: 1,
};

let ids = 0;

/** Stores over one fresh database, services with them, a pool running the real solver. */
function world() {
  const stored = storedServices('regressions-state');
  const pool = stored.solver;
  pools.push(pool);
  const services: AppServices = { ...stored, summarizer: inProcessSummarizer };
  const benchmarks: BenchmarkStore = stored.benchmarks!;
  const baselines: BaselineStore = stored.baselines!;
  let clock = Date.parse('2026-11-01T00:00:00Z');
  const state = new RegressionsState(services, { newId: () => `id-${++ids}`, now: () => (clock += 60_000) });
  return { benchmarks, baselines, pool, services, state };
}

/** Runs the definition to the end with the real solver; returns the stored benchmark and its runs. */
async function runBenchmark(
  w: ReturnType<typeof world>,
): Promise<{ benchmark: StoredBenchmark; runs: BenchmarkRun[] }> {
  const runner = new BenchmarkRunner({ solver: w.pool, store: w.benchmarks, library: diskLibrary });
  await runner.start(DEFINITION);
  expect(runner.state).toBe('finished');
  const benchmark = runner.benchmark!;
  return { benchmark, runs: await w.benchmarks.listRuns(benchmark.id) };
}

describe('RegressionsState with the real solver', () => {
  it('establishes a baseline that a rerun does not regress, does not call other options regressed on their work alone, and flags a wrong objective', async () => {
    const w = world();
    const first = await runBenchmark(w);
    const template = first.benchmark.models[0].template;
    expect(first.runs.filter((r) => r.status === 'optimal')).toHaveLength(8);

    await w.state.load();
    const baseline = await w.state.establish(first.benchmark, first.runs, template, 'defaults');
    expect(w.state.error).toBeNull();
    expect(baseline).not.toBeNull();
    expect(baseline!.runs).toHaveLength(4);
    expect(baseline!.thresholdPct).toBe(20);
    // Stored durably and read back as core's baseline.
    const stored = await w.baselines.list(template);
    expect(stored.map((b) => b.id)).toEqual([baseline!.id]);
    expect(stored[0].optionSet).toEqual({ name: 'HiGHS defaults', options: {} });
    expect(stored[0].createdAt).toBe(baseline!.createdAt);

    // The same benchmark rerun: the counters are identical for fixed seeds.
    const second = await runBenchmark(w);
    await w.state.load();
    const [rerun] = await w.state.check({ candidateId: second.benchmark.id });
    expect(w.state.error).toBeNull();
    expect(rerun.result.candidateOptionSetId).toBe('defaults'); // the set with the baseline's options
    expect(['regressed', 'wrong']).not.toContain(rerun.result.verdict);
    expect(rerun.result.models).toHaveLength(2);
    for (const m of rerun.result.models) expect(m.counterChanges).toEqual([]);
    // The baseline's options, solver and identical work: the time difference is noise, whatever it is.
    expect(rerun.result.sameOptions).toBe(true);
    for (const m of rerun.result.models) {
      expect(m.countersComparable).toBe(true);
      expect(m.time!.decision.call).toBe('noise');
      expect(m.verdict).toBe('unchanged');
      expect(m.label).toBe('likely machine noise');
    }

    // Presolve off: the solver works harder on the same models (counters rise), but with other options than the
    // baseline's the counters do not stand for time; time decides, and two runs a side are too few → inconclusive.
    const [other] = await w.state.check({ candidateId: second.benchmark.id, optionSetId: 'no-presolve' });
    expect(other.result.sameOptions).toBe(false);
    expect(other.result.optionSets.candidate).toEqual({ name: 'presolve off', key: '{"presolve":"off"}' });
    expect(other.result.models.some((m) => m.counterChanges.some((c) => c.shiftedChange >= 0.2))).toBe(true);
    for (const m of other.result.models) {
      expect(m.countersComparable).toBe(false);
      expect(m.time!.decision).toMatchObject({ call: 'too-few', moreRuns: 2 });
      expect(m.verdict).toBe('inconclusive');
      expect(m.reasons[0]).toMatch(/undetermined: 2 more runs a side, and the counters cannot decide/);
      // Counters that rose beside a faster time are said in words.
      const rose =
        m.counterChanges.some((c) => c.shiftedChange >= 0.2) && !m.counterChanges.some((c) => c.shiftedChange <= -0.2);
      if (rose && m.time!.ratio! < 1) expect(m.reasons.join('\n')).toMatch(/more work, less time: the counters rose/);
    }
    expect(other.result.verdict).toBe('inconclusive');

    // One objective changed (as a planted report would carry it, its dual bound with it) → wrong.
    const target = second.runs.findIndex((x) => x.optionSetId === 'defaults');
    const moved = (second.runs[target].objective ?? 0) + 7;
    const edited = second.runs.map((r, i) => (i === target ? { ...r, objective: moved, mipDualBound: moved } : r));
    const plantedId = 'planted';
    await w.benchmarks.putBenchmark({ ...second.benchmark, id: plantedId, name: 'planted wrong' });
    await w.benchmarks.addRuns(plantedId, edited);
    await w.state.load();
    const [wrong] = await w.state.check({ candidateId: plantedId, baselineId: baseline!.id });
    expect(wrong.result.verdict).toBe('wrong');
    expect(wrong.result.models.some((m) => m.correctness.some((c) => c.kind === 'objective-changed'))).toBe(true);

    // The history keeps every check of the template, in order, one series per option set, and marks where each
    // series changed: the defaults' rerun → wrong; switching to presolve off and back is no change point.
    const history = w.state.historyOf(template);
    expect(history.map((p) => p.verdict)).toEqual([rerun.result.verdict, 'inconclusive', 'wrong']);
    expect(history.map((p) => p.optionSet)).toEqual(['{}', '{"presolve":"off"}', '{}']);
    const cps = w.state.changePointsOf(template);
    expect(cps.map((c) => [c.index, c.optionSet, c.from.verdict, c.to.verdict])).toEqual([
      [2, '{}', rerun.result.verdict, 'wrong'],
    ]);
    expect(w.state.chartHistoryOf(template).map((p) => p.optionSetName)).toEqual([
      'HiGHS defaults',
      'presolve off',
      'HiGHS defaults',
    ]);

    // Each check's summary is stored: a fresh state (a reload) has the same history and change points.
    const storedChecks = await w.baselines.listChecks(template);
    expect(storedChecks.map((c) => c.verdict)).toEqual([rerun.result.verdict, 'inconclusive', 'wrong']);
    expect(storedChecks[2].counts.wrong).toBeGreaterThanOrEqual(1);
    expect(storedChecks[1]).toMatchObject({
      optionSetId: 'no-presolve',
      optionSetName: 'presolve off',
      optionSetKey: '{"presolve":"off"}',
      sameOptions: false,
    });
    expect(storedChecks[1].timeRatio).toBe(w.state.checks[1].result.time?.ratio ?? null);
    const reloaded = new RegressionsState(w.services);
    await reloaded.load();
    expect(reloaded.historyOf(template)).toEqual(w.state.historyOf(template));
    expect(reloaded.changePointsOf(template)).toEqual(cps);
    expect(reloaded.checks).toEqual([]); // the evidence itself is not stored
  }, 120_000);

  it('keeps earlier baselines, uses the newest by default, and refuses what it cannot establish', async () => {
    const w = world();
    const first = await runBenchmark(w);
    const template = first.benchmark.models[0].template;
    await w.state.load();
    const a = await w.state.establish(first.benchmark, first.runs, template, 'defaults');
    expect(w.state.setThreshold(template, 150)).toBe(false);
    expect(w.state.error?.message).toMatch(/threshold/);
    expect(w.state.setThreshold(template, 35)).toBe(true);
    await w.state.saved;
    expect(await w.baselines.getThreshold(template)).toBe(35);
    const b = await w.state.establish(first.benchmark, first.runs, template, 'no-presolve');
    expect(b!.thresholdPct).toBe(35);
    expect(w.state.baselinesOf(template).map((x) => x.id)).toEqual([b!.id, a!.id]);
    expect((await w.baselines.list()).length).toBe(2);
    // A fresh state (a reload) reads both back.
    const again = new RegressionsState(w.services);
    await again.load();
    expect(again.baselinesOf(template).map((x) => x.id)).toEqual([b!.id, a!.id]);
    expect(again.thresholdOf(template)).toBe(35); // the threshold the user set is stored too
    // The newest baseline is presolve off: checking its own benchmark picks the presolve-off set, unchanged work.
    const [own] = await again.check({ candidateId: first.benchmark.id });
    expect(own.baselineId).toBe(b!.id);
    expect(own.result.candidateOptionSetId).toBe('no-presolve');
    expect(['regressed', 'wrong']).not.toContain(own.result.verdict);
    // No option set of that name / a running benchmark: refused, nothing stored.
    expect(await w.state.establish(first.benchmark, first.runs, template, 'nope')).toBeNull();
    expect(w.state.error?.message).toMatch(/no option set "nope"/);
    expect(
      await w.state.establish({ ...first.benchmark, state: 'running' }, first.runs, template, 'defaults'),
    ).toBeNull();
    expect(w.state.error?.message).toMatch(/not finished/);
    expect((await w.baselines.list()).length).toBe(2);
    // A benchmark without a baseline for its templates cannot be checked.
    const fresh = world();
    const other = await runBenchmark(fresh);
    await fresh.state.load();
    expect(await fresh.state.check({ candidateId: other.benchmark.id })).toEqual([]);
    expect(fresh.state.error?.name).toBe('NoBaseline');
  }, 120_000);

  it('checks through the summary worker exactly as in-process', async () => {
    const w = world();
    const made: PortWorker[] = [];
    const client = new SummaryClient(() => {
      const { port1, port2 } = new MessageChannel();
      Comlink.expose(createSummaryApi(), port1 as unknown as Comlink.Endpoint);
      const worker = new PortWorker(port2, port1);
      made.push(worker);
      return worker;
    });
    const first = await runBenchmark(w);
    const template = first.benchmark.models[0].template;
    const inWorker = new RegressionsState({ ...w.services, summarizer: client }, { newId: () => 'x', now: () => 0 });
    await inWorker.load();
    const baseline = await inWorker.establish(first.benchmark, first.runs, template, 'defaults');
    const [viaWorker] = await inWorker.check({ candidateId: first.benchmark.id, optionSetId: 'no-presolve' });
    client.dispose();
    expect(made).toHaveLength(1); // the check went through the worker
    expect(inWorker.error).toBeNull();
    await w.state.load(); // a second state over the same stores reads the baseline
    const [local] = await w.state.check({
      candidateId: first.benchmark.id,
      baselineId: baseline!.id,
      optionSetId: 'no-presolve',
    });
    expect(viaWorker.result.verdict).toBe('inconclusive');
    expect(viaWorker.result).toStrictEqual(local.result);
  }, 120_000);

  it('draws a check stored before the option set key existed in the series of its option set id', async () => {
    const w = world();
    const old = (id: string, optionSetId: string, day: number): StoredRegressionCheck => ({
      id,
      template: 'knapsack',
      checkedAt: `2026-10-0${day}T00:00:00.000Z`,
      at: `2026-10-0${day}T00:00:00.000Z`,
      baselineId: 'b',
      candidateId: 'c',
      candidateName: 'old',
      optionSetId,
      solverVersion: '1.15.1',
      thresholdPct: 20,
      verdict: 'unchanged',
      label: null,
      timeRatio: day === 2 ? 0.7 : 1,
      ci95: null,
      counts: { wrong: 0, regressed: 0, inconclusive: 0, improved: 0, unchanged: 1 },
    });
    await w.baselines.addCheck(old('o1', 'defaults', 1));
    await w.baselines.addCheck(old('o2', 'no-presolve', 2));
    await w.baselines.addCheck(old('o3', 'defaults', 3));
    await w.state.load();
    expect(w.state.historyOf('knapsack').map((p) => p.optionSet)).toEqual(['defaults', 'no-presolve', 'defaults']);
    expect(w.state.changePointsOf('knapsack')).toEqual([]); // ×1 → ×0.7 → ×1 switches sets: no change
    expect(optionSetSeriesOf({ ...old('o4', '', 4), optionSetId: undefined as unknown as string })).toEqual({
      optionSet: 'unknown',
      optionSetName: 'unknown',
    });
  });
});
