// The plain benchmark driver, driven without runes as a command line drives it: the real HiGHS through an
// in-process pool, the in-memory benchmark store. What listeners hear (status at every change, runs a batch at
// a time), cancel keeping what finished, resume running only what is missing, a 2,000-run benchmark that holds
// no run in its state when it does not keep runs, and shards that run exactly their jobs and together the plan.
import { afterEach, describe, expect, it } from 'vitest';
import { memoryBenchmarkStore } from '../../src/app/memory-stores';
import type { BenchmarkDefinition, BenchmarkRun, OptionSet, TemplateSpec } from '../../src/core/benchmark';
import { jobKey, missingJobs, planBenchmark, shardJobs } from '../../src/core/benchmark-plan';
import type { OptionValues } from '../../src/core/options-schema';
import type { ModelPayload } from '../../src/solver/protocol';
import type { SubmitOptions } from '../../src/solver/pool-types';
import type { WorkerPool } from '../../src/solver/worker-pool';
import type { StoredBenchmark } from '../../src/storage/benchmark-types';
import {
  BenchmarkDriver,
  type BenchmarkEvent,
  type BenchmarkRunnerDeps,
  type BenchmarkStatus,
} from '../../src/state/benchmark-driver';
import { SAMPLE_CAP } from '../../src/state/benchmark-eta';
import type { BenchmarkStore } from '../../src/state/ports';
import { diskLibrary, localPool } from './harness';

const pools: WorkerPool[] = [];
afterEach(() => {
  for (const p of pools.splice(0)) p.dispose();
});

const SETS: OptionSet[] = [
  { id: 'defaults', name: 'HiGHS defaults', options: {} },
  { id: 'no-presolve', name: 'presolve off', options: { presolve: 'off' } },
];
const setOf = (options: OptionValues) => (options.presolve === 'off' ? 'no-presolve' : 'defaults');

const knapsack = (sizes: number[], instanceSeeds = [1]): TemplateSpec => ({
  kind: 'generator',
  id: 'knap',
  name: 'Knapsack',
  generator: 'knapsack',
  sizes,
  instanceSeeds,
  symmetryBreaking: false,
});

/** Knapsack at sizes 6 and 9, two option sets, seeds 1–3, one repetition, no warm-up, one worker: 12 runs. */
function definition(patch: Partial<BenchmarkDefinition> = {}, config: Partial<BenchmarkDefinition['config']> = {}) {
  return {
    name: 'knapsack',
    templates: [knapsack([6, 9])],
    optionSets: SETS,
    referenceOptionSetId: 'defaults',
    config: { timeLimitMs: 10_000, seeds: [1, 2, 3], repetitions: 1, warmup: false, ...config },
    workers: 1,
    ...patch,
  } satisfies BenchmarkDefinition;
}

/** What a job submitted to the pool was. */
interface Submitted {
  name: string;
  options: OptionValues;
}

/**
 * A driver over a fresh in-process pool (wrapped to see what is submitted; `onSubmit(n)` after the n-th
 * submission) and the store given (default: a fresh in-memory one), with a recorder of every event.
 */
function setup(
  opts: Partial<Omit<BenchmarkRunnerDeps, 'solver'>> & {
    onSubmit?: (n: number, driver: BenchmarkDriver) => void;
  } = {},
) {
  const pool = localPool();
  pools.push(pool);
  const submitted: Submitted[] = [];
  const solver = {
    submit: (model: ModelPayload, options: OptionValues, o: SubmitOptions = {}) => {
      submitted.push({ name: model.name, options });
      const job = pool.submit(model, options, o);
      opts.onSubmit?.(submitted.length, driver);
      return job;
    },
    snapshot: () => pool.snapshot(),
    resize: (min: number, max: number) => pool.resize(min, max),
    cancelBatch: (id: string) => pool.cancelBatch(id),
  };
  const store = opts.store ?? memoryBenchmarkStore();
  const driver: BenchmarkDriver = new BenchmarkDriver({ library: diskLibrary, ...opts, store, solver });
  const events: BenchmarkEvent[] = [];
  driver.subscribe((e) => events.push(e));
  const statuses = () => events.flatMap((e) => (e.kind === 'status' ? [e.status] : []));
  const batches = () => events.flatMap((e) => (e.kind === 'runs' ? [e] : []));
  return { driver, store, submitted, events, statuses, batches };
}

/** The states in the order they were heard, repeats left out. */
const statesOf = (statuses: BenchmarkStatus[]) =>
  statuses.map((s) => s.state).filter((s, i, all) => i === 0 || all[i - 1] !== s);

const keys = (runs: readonly Pick<BenchmarkRun, 'modelId' | 'optionSetId' | 'seed' | 'repetition'>[]) =>
  runs.map(jobKey);

/** The plan of a stored benchmark, as the driver made it. */
const planOf = (b: StoredBenchmark) => planBenchmark(b.config, b.models, b.optionSets);

/** The job a submission is, from the stored benchmark's model names. */
const submittedKey = (b: StoredBenchmark, s: Submitted) =>
  jobKey({
    modelId: b.models.find((m) => m.name === s.name)!.id,
    optionSetId: setOf(s.options),
    seed: s.options.random_seed as number,
    repetition: 0,
  });

/**
 * What a driver's own state holds (its deps and listeners left out: the pool, the store and whoever listens
 * are not the driver's): the largest array, Map or Set, and how many benchmark runs are reachable.
 */
function heldBy(driver: BenchmarkDriver): { largest: number; runs: number } {
  const seen = new Set<object>();
  let largest = 0;
  let runs = 0;
  const visit = (v: unknown): void => {
    if (v === null || typeof v !== 'object' || seen.has(v) || ArrayBuffer.isView(v) || v instanceof Promise) return;
    seen.add(v);
    if ('verdict' in v && 'optionSetId' in v && 'repetition' in v) runs++;
    if (Array.isArray(v) || v instanceof Set) {
      largest = Math.max(largest, Array.isArray(v) ? v.length : v.size);
      for (const x of v) visit(x);
    } else if (v instanceof Map) {
      largest = Math.max(largest, v.size);
      for (const [k, x] of v) {
        visit(k);
        visit(x);
      }
    } else for (const x of Object.values(v)) visit(x);
  };
  const { deps } = driver as unknown as { deps: Record<string, unknown> };
  for (const v of Object.values(deps)) if (typeof v === 'object' && v) seen.add(v);
  for (const [k, v] of Object.entries(driver)) if (k !== 'deps' && k !== 'listeners') visit(v);
  return { largest, runs };
}

describe('the plain driver', () => {
  it('tells its status at every change and the runs a batch at a time, in plan order, as they are stored', async () => {
    const { driver, store, statuses, batches, submitted } = setup({ batchSize: 5, flushMs: 600_000 });
    const id = await driver.start(definition());
    expect(driver.status).toMatchObject({ state: 'finished', error: null, done: 12, total: 12, storedRuns: 12 });
    expect(driver.status.etaMs).toBe(0);
    expect(statesOf(statuses())).toEqual(['resolving', 'running', 'finished']);

    // done counts up one run at a time; storedRuns follows a batch behind.
    const done = statuses().map((s) => s.done);
    expect(done.every((d, i) => i === 0 || d === done[i - 1] || d === done[i - 1] + 1)).toBe(true);
    expect(new Set(statuses().map((s) => s.storedRuns))).toEqual(new Set([0, 5, 10, 12]));
    expect(statuses().every((s) => s.storedRuns <= s.done)).toBe(true);

    // A reset (none at the start), then the batches as written, which are the stored runs in plan order.
    const b = (await store.getBenchmark(id!))!;
    expect(b.state).toBe('finished');
    expect(batches().map((e) => [e.reset, e.runs.length])).toEqual([
      [true, 0],
      [true, 0],
      [false, 5],
      [false, 5],
      [false, 2],
    ]);
    const heard = batches().flatMap((e) => e.runs);
    expect(heard).toEqual(await store.listRuns(id!));
    expect(keys(heard)).toEqual(keys(planOf(b)));
    expect(submitted.map((s) => submittedKey(b, s))).toEqual(keys(planOf(b)));
    // The benchmark as last stored is the status's, dimensions and solver version filled in.
    expect(driver.status.benchmark).toEqual(b);
    expect(b.models.every((m) => m.nnz > 0)).toBe(true);
    // Runs not kept (the default): listeners have them, the driver does not.
    expect(driver.runs).toEqual([]);
  });

  it('tells the warm-up (model, option set, k of n) between resolving and running', async () => {
    const { driver, statuses } = setup();
    await driver.start(definition({ workers: 2 }, { seeds: [1], warmup: true }));
    expect(statesOf(statuses())).toEqual(['resolving', 'warming', 'running', 'finished']);
    const warm = statuses().filter((s) => s.state === 'warming' && s.warmup);
    expect(warm[0].warmup).toEqual({
      model: 'knapsack-n6-s1-nosym.lp',
      optionSet: 'HiGHS defaults',
      done: 0,
      total: 8,
    });
    expect(warm.at(-1)!.warmup).toMatchObject({ model: 'knapsack-n9-s1-nosym.lp', done: 8, total: 8 });
    expect(warm.some((s) => typeof s.etaMs === 'number' && s.etaMs > 0)).toBe(true);
    expect(driver.status.warmup).toBeNull();
  });

  it('keeps the runs itself when asked', async () => {
    const { driver, store } = setup({ keepRuns: true });
    const id = await driver.start(definition());
    expect(driver.runs).toEqual(await store.listRuns(id!));
    expect(heldBy(driver).runs).toBe(12); // what the memory test below counts, seen here
  });

  it('cancel keeps the finished runs stored and the benchmark stored as cancelled', async () => {
    const { driver, store, batches, statuses } = setup({
      onSubmit: (n, d) => n === 5 && queueMicrotask(() => d.cancel()),
    });
    const id = await driver.start(definition());
    expect(driver.status.state).toBe('cancelled');
    expect(statesOf(statuses())).toEqual(['resolving', 'running', 'cancelling', 'cancelled']);
    const b = (await store.getBenchmark(id!))!;
    expect(b.state).toBe('cancelled');
    const stored = await store.listRuns(id!);
    expect(stored.length).toBeGreaterThan(0);
    expect(stored.length).toBeLessThan(12);
    expect(stored.length).toBe(driver.status.done);
    expect(driver.status.storedRuns).toBe(stored.length);
    expect(keys(stored)).toEqual(keys(planOf(b).slice(0, stored.length)));
    expect(batches().flatMap((e) => e.runs)).toEqual(stored);
  });

  it('resume runs only the missing jobs and tells the stored runs first', async () => {
    const first = setup({ onSubmit: (n, d) => n === 5 && queueMicrotask(() => d.cancel()) });
    const id = (await first.driver.start(definition()))!;
    const before = await first.store.listRuns(id);
    // As a process killed mid-run leaves it.
    await first.store.putBenchmark({ ...(await first.store.getBenchmark(id))!, state: 'running' });

    const { driver, submitted, batches, statuses, store } = setup({ store: first.store, keepRuns: true });
    expect((await driver.loadInterrupted()).map((b) => [b.id, b.state])).toEqual([[id, 'interrupted']]);
    expect(driver.status.interrupted.map((b) => b.id)).toEqual([id]);
    await driver.resume(id);
    expect(driver.status).toMatchObject({ state: 'finished', error: null, done: 12, total: 12, storedRuns: 12 });
    expect(driver.status.interrupted).toEqual([]);
    // It started from what was stored.
    const firstRunning = statuses().find((s) => s.state === 'running')!;
    expect(firstRunning.done).toBe(before.length);

    const b = (await store.getBenchmark(id))!;
    const missing = missingJobs(planOf(b), before);
    expect(submitted.map((s) => submittedKey(b, s))).toEqual(keys(missing));
    expect(batches()[1]).toEqual({ kind: 'runs', runs: before, reset: true });
    expect(
      keys(
        batches()
          .slice(2)
          .flatMap((e) => e.runs),
      ),
    ).toEqual(keys(missing));
    const runs = await store.listRuns(id);
    expect(new Set(keys(runs))).toEqual(new Set(keys(planOf(b))));
    expect(runs).toHaveLength(12);
    expect(driver.runs).toEqual(runs);
  });
});

describe('memory', () => {
  it('a 2,000-run benchmark that does not keep runs holds none: only a batch while running, nothing plan-sized at the end', async () => {
    // 20 tiny knapsacks × 10 seeds × 10 repetitions × 1 option set; the store keeps only the runs' keys, as a file would keep the runs.
    const real = memoryBenchmarkStore();
    const written: string[] = [];
    const store: BenchmarkStore = {
      ...real,
      addRuns: async (_id, runs) => void written.push(...keys(runs)),
      listRuns: async () => [],
    };
    const batchSize = 25;
    const { driver, events } = setup({ store, batchSize });
    const during: { largest: number; runs: number }[] = [];
    // Looked at after every 7th run finished (queued, not yet written) and at every batch written.
    let last = 0;
    driver.subscribe((e) => {
      if (e.kind === 'runs' ? !e.reset : e.status.done !== last && (last = e.status.done) % 7 === 0)
        during.push(heldBy(driver));
    });
    const def = definition(
      { templates: [knapsack([2, 3, 4, 5], [1, 2, 3, 4, 5])], optionSets: [SETS[0]] },
      { seeds: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], repetitions: 10 },
    );
    const id = await driver.start(def);
    expect(driver.status).toMatchObject({ state: 'finished', done: 2000, total: 2000, storedRuns: 2000 });

    const b = (await real.getBenchmark(id!))!;
    expect(written).toEqual(keys(planOf(b)));
    expect(during.length).toBeGreaterThanOrEqual(2000 / batchSize + Math.floor(2000 / 7));
    // While running: at most a batch of runs, queued for the next write.
    expect(Math.max(...during.map((h) => h.runs))).toBeGreaterThan(0);
    expect(Math.max(...during.map((h) => h.runs))).toBeLessThan(batchSize);
    // At the end: no run, and nothing that grew with the runs (the time-left sample stays under its cap).
    const end = heldBy(driver);
    expect(end.runs).toBe(0);
    expect(end.largest).toBeLessThan(SAMPLE_CAP);
    expect(driver.runs).toEqual([]);
    // The listener heard every run once.
    expect(events.flatMap((e) => (e.kind === 'runs' ? e.runs : []))).toHaveLength(2000);
  });
});

describe('shards', () => {
  it('a shard runs exactly its jobs, and shards 1..3 together run the plan exactly once', async () => {
    const store = memoryBenchmarkStore();
    const ran: string[] = [];
    let plan: ReturnType<typeof planBenchmark> = [];
    for (let index = 1; index <= 3; index++) {
      const { driver, submitted } = setup({ store });
      const id = await driver.start(definition(), { shard: { index, count: 3 } });
      const b = (await store.getBenchmark(id!))!;
      plan = planOf(b);
      const mine = shardJobs(plan, { index, count: 3 }).map((i) => plan[i]);
      expect(mine).toHaveLength(4);
      expect(driver.status).toMatchObject({ state: 'finished', done: 4, total: 4, storedRuns: 4 });
      expect(submitted.map((s) => submittedKey(b, s))).toEqual(keys(mine));
      const runs = await store.listRuns(id!);
      expect(keys(runs)).toEqual(keys(mine));
      ran.push(...keys(runs));
    }
    expect(ran.toSorted()).toEqual(keys(plan).toSorted());
  });

  it('resuming a shard runs only what is missing of that shard', async () => {
    const shard = { index: 2, count: 2 };
    const first = setup({ onSubmit: (n, d) => n === 3 && queueMicrotask(() => d.cancel()) });
    const id = (await first.driver.start(definition(), { shard }))!;
    expect(first.driver.status.state).toBe('cancelled');
    const before = await first.store.listRuns(id);
    expect(before.length).toBeGreaterThan(0);

    const { driver, submitted, store } = setup({ store: first.store });
    await driver.resume(id, { shard });
    const b = (await store.getBenchmark(id))!;
    const mine = shardJobs(planOf(b), shard).map((i) => planOf(b)[i]);
    expect(driver.status).toMatchObject({ state: 'finished', done: mine.length, total: mine.length });
    expect(submitted.map((s) => submittedKey(b, s))).toEqual(keys(missingJobs(mine, before)));
    expect(keys(await store.listRuns(id)).toSorted()).toEqual(keys(mine).toSorted());
  });

  it('refuses a shard that cannot be, before anything is stored or submitted', async () => {
    const { driver, store, submitted } = setup();
    expect(await driver.start(definition(), { shard: { index: 0, count: 2 } })).toBeNull();
    expect(driver.status.state).toBe('failed');
    expect(driver.status.error).toMatchObject({ name: 'InvalidBenchmark', message: expect.stringContaining('shard') });
    expect(await store.listBenchmarks()).toEqual([]);
    expect(submitted).toEqual([]);
  });
});
