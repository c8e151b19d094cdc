// @vitest-environment svelte-runes
// The benchmark runner against real parts: generated, library and stored models solved by the real
// HiGHS through an in-process pool, the benchmark and its runs stored in fake-indexeddb through the
// real repository. The solver and the store are wrapped only to watch what the runner submits and
// how often it writes.
import { afterEach, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchmarkDefinition, BenchmarkRun, OptionSet, TemplateSpec } from '../../src/core/benchmark';
import { jobKey, missingJobs, planBenchmark } from '../../src/core/benchmark-plan';
import type { OptionValues } from '../../src/core/options-schema';
import { sha256Hex } from '../../src/core/run-record';
import { benchmarkStoreOf } from '../../src/app/benchmark-store';
import { BenchmarkRunner } from '../../src/state/benchmark-runner.svelte';
import type { StoredBenchmark } from '../../src/storage/benchmark-types';
import type { BenchmarkStore, ModelSource } from '../../src/state/ports';
import type { ModelPayload } from '../../src/solver/protocol';
import type { PoolConfig, SubmitOptions } from '../../src/solver/pool-types';
import type { WorkerPool } from '../../src/solver/worker-pool';
import { openWorkbenchDb } from '../../src/storage/db';
import type { Fault } from '../solver/fake-workers';
import { diskLibrary, localPool } from './harness';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '../fixtures');

const pools: WorkerPool[] = [];
afterEach(() => {
  for (const p of pools.splice(0)) p.dispose();
});

const SETS: OptionSet[] = [
  { id: 'defaults', name: 'HiGHS defaults', options: {} },
  { id: 'no-presolve', name: 'presolve off', options: { presolve: 'off' } },
];
const setOf = (options: OptionValues) => (options.presolve === 'off' ? 'no-presolve' : 'defaults');

const knapsack = (sizes: number[]): TemplateSpec => ({
  kind: 'generator',
  id: 'knap',
  name: 'Knapsack',
  generator: 'knapsack',
  sizes,
  instanceSeeds: [1],
  symmetryBreaking: false,
});

/** Knapsack at sizes 6 and 9, two option sets, seeds 1 and 2, one repetition, no warm-up, one worker: 8 runs. */
function definition(patch: Partial<BenchmarkDefinition> = {}, config: Partial<BenchmarkDefinition['config']> = {}) {
  return {
    name: 'knapsack',
    templates: [knapsack([6, 9])],
    optionSets: SETS,
    referenceOptionSetId: 'defaults',
    config: { timeLimitMs: 10_000, seeds: [1, 2], repetitions: 1, warmup: false, ...config },
    workers: 1,
    ...patch,
  } satisfies BenchmarkDefinition;
}

let dbCount = 0;

/** The real benchmark store over a fresh database. */
const freshStore = (): BenchmarkStore =>
  benchmarkStoreOf(openWorkbenchDb(`benchmark-runner-test-${process.pid}-${++dbCount}`));

/** The store, counting its addRuns calls (the size of each). */
function counting(real: BenchmarkStore) {
  const writes: number[] = [];
  const store: BenchmarkStore = {
    ...real,
    addRuns: (id, runs) => {
      writes.push(runs.length);
      return real.addRuns(id, runs);
    },
  };
  return { store, writes };
}

interface Submitted {
  name: string;
  options: OptionValues;
  o: SubmitOptions;
  /** The runner's state and ETA when it submitted. */
  state: string;
  etaMs: number | null;
  /** What the warm-up said it was doing when the job was submitted. */
  warmup: BenchmarkRunner['warmup'];
}

/** A runner over a fresh in-process pool; `onSubmit(n)` runs after the n-th submission. */
function setup(
  opts: {
    store?: BenchmarkStore;
    library?: ModelSource;
    faults?: Fault[];
    pool?: Partial<PoolConfig>;
    batchSize?: number;
    flushMs?: number;
    onSubmit?: (n: number, runner: BenchmarkRunner) => void;
  } = {},
) {
  const pool = localPool(opts.faults, opts.pool);
  pools.push(pool);
  const fresh = counting(opts.store ?? freshStore());
  const submitted: Submitted[] = [];
  const solver = {
    submit: (model: ModelPayload, options: OptionValues, o: SubmitOptions = {}) => {
      submitted.push({ name: model.name, options, o, state: runner.state, etaMs: runner.etaMs, warmup: runner.warmup });
      const job = pool.submit(model, options, o);
      opts.onSubmit?.(submitted.length, runner);
      return job;
    },
    snapshot: () => pool.snapshot(),
    resize: (min: number, max: number) => pool.resize(min, max),
    cancelBatch: (id: string) => pool.cancelBatch(id),
  };
  const runner: BenchmarkRunner = new BenchmarkRunner({
    solver,
    store: fresh.store,
    library: opts.library ?? diskLibrary,
    batchSize: opts.batchSize,
    flushMs: opts.flushMs,
  });
  return { runner, pool, store: fresh.store, writes: fresh.writes, submitted };
}

/** The plan of a stored benchmark, as the runner made it. */
const planOf = (b: StoredBenchmark) => planBenchmark(b.config, b.models, b.optionSets);

const keys = (runs: readonly Pick<BenchmarkRun, 'modelId' | 'optionSetId' | 'seed' | 'repetition'>[]) =>
  runs.map(jobKey);

/** The job a submission is, from the stored benchmark's model names. */
const submittedKey = (b: StoredBenchmark, s: Submitted) =>
  jobKey({
    modelId: b.models.find((m) => m.name === s.name)!.id,
    optionSetId: setOf(s.options),
    seed: s.options.random_seed as number,
    repetition: 0,
  });

describe('a benchmark run', () => {
  it('runs to the end: every run stored and verified, option sets interleaved, the benchmark finished', async () => {
    const { runner, store, writes, submitted, pool } = setup();
    const id = await runner.start(definition());
    expect(runner.error).toBeNull();
    expect(runner.state).toBe('finished');
    expect(id).toBeTruthy();

    const b = (await store.getBenchmark(id!)) as StoredBenchmark;
    expect(b).toMatchObject({ state: 'finished', name: 'knapsack', referenceOptionSetId: 'defaults' });
    expect(b.definition).toEqual(definition());
    expect(b.solver.version).toBe(pool.snapshot().runtime?.highsVersion);
    expect(b.solver.version).not.toBe('');
    expect(b.models.map((m) => [m.name, m.template, m.size])).toEqual([
      ['knapsack-n6-s1-nosym.lp', 'knap', 6],
      ['knapsack-n9-s1-nosym.lp', 'knap', 9],
    ]);
    for (const m of b.models) {
      expect(m.id).toMatch(/^[0-9a-f]{64}$/);
      expect(m.knownObjective).not.toBeNull();
      expect(m.rows).toBeGreaterThan(0);
      expect(m.cols).toBeGreaterThan(0);
      expect(m.nnz).toBeGreaterThan(0);
      expect(m.integers).toBe(m.cols); // 0-1 knapsack: every column binary
    }

    const runs = await store.listRuns(id!);
    expect(runs).toHaveLength(8);
    expect(runs.every((r) => r.verdict === 'verified' && r.error === null)).toBe(true);
    // Stored in plan order: within each (model, seed) both option sets, their order rotated.
    const plan = planOf(b);
    expect(keys(runs)).toEqual(keys(plan));
    expect(runs.slice(0, 4).map((r) => r.optionSetId)).toEqual(['defaults', 'no-presolve', 'no-presolve', 'defaults']);

    expect(runner.runs).toEqual(runs);
    expect(runner.benchmark?.state).toBe('finished');
    expect([runner.done, runner.total, runner.failures, runner.etaMs]).toEqual([8, 8, 0, 0]);
    expect(writes.reduce((a, n) => a + n, 0)).toBe(8);

    // What went to the pool: batch jobs of this benchmark, HiGHS's seed and the time limit set, no cost.
    expect(submitted).toHaveLength(8);
    expect(submitted.map((s) => submittedKey(b, s))).toEqual(keys(plan));
    for (const s of submitted) {
      expect(s.o).toMatchObject({
        priority: 'batch',
        batchId: `benchmark-${id}`,
        captureLog: false,
        checkSolution: true,
      });
      expect(s.o.cost).toBeUndefined();
      expect(s.options.time_limit).toBe(10);
    }
    // No ETA before a job has finished (two in flight), one after.
    expect(submitted.slice(0, 2).map((s) => s.etaMs)).toEqual([null, null]);
    expect(submitted[2].etaMs).toBeTypeOf('number');
  });

  it('writes runs in batches, one addRuns call per batch, never one per run', async () => {
    const { runner, store, writes } = setup({ batchSize: 3, flushMs: 600_000 });
    const id = await runner.start(definition());
    expect(runner.state).toBe('finished');
    expect(writes).toEqual([3, 3, 2]);
    expect(writes.length).toBeLessThan(8);
    expect(await store.listRuns(id!)).toHaveLength(8);
    expect(runner.runs).toHaveLength(8);
  });

  it('records failures and goes on: a bad model file fails every run, the others are verified', async () => {
    const { runner, store } = setup();
    const garbage = new Uint8Array(await readFile(join(FIXTURES, 'garbage.lp')));
    const garbageId = await sha256Hex(garbage);
    await store.putModelFile({ id: garbageId, name: 'garbage.lp', bytes: garbage, addedAt: 1 });
    const id = await runner.start(
      definition({
        templates: [{ kind: 'files', id: 'mine', name: 'My files', modelIds: [garbageId] }, knapsack([6])],
      }),
    );
    expect(runner.state).toBe('finished');
    const runs = await store.listRuns(id!);
    expect(runs).toHaveLength(8);
    const bad = runs.filter((r) => r.modelId === garbageId);
    expect(bad).toHaveLength(4);
    for (const r of bad) expect(r).toMatchObject({ status: null, verdict: 'failed', error: { name: 'InvalidModel' } });
    expect(runs.filter((r) => r.modelId !== garbageId).every((r) => r.verdict === 'verified')).toBe(true);
    expect(runner.failures).toBe(4);
    const b = (await store.getBenchmark(id!))!;
    expect(b.state).toBe('finished');
    expect(b.models[0]).toMatchObject({ id: garbageId, name: 'garbage.lp', template: 'mine', size: null });
  });

  it('records a worker crash as a failed run and finishes the rest', async () => {
    const { runner, store } = setup({ faults: ['crash-on-solve'], pool: { maxRetries: 0 } });
    const id = await runner.start(definition());
    expect(runner.state).toBe('finished');
    const runs = await store.listRuns(id!);
    expect(runs).toHaveLength(8);
    expect(runs[0]).toMatchObject({ verdict: 'failed', error: { name: 'WorkerCrashed' } });
    expect(runs.slice(1).every((r) => r.verdict === 'verified')).toBe(true);
    expect(runner.failures).toBe(1);
  });

  it('warms each model up once per worker and option set before the timed runs, and gives the pool its size back', async () => {
    const { runner, store, submitted, pool } = setup();
    const id = await runner.start(
      definition({ templates: [knapsack([6, 9])], workers: 2 }, { seeds: [1], warmup: true }),
    );
    expect(runner.state).toBe('finished');
    // 2 models × 2 option sets × 2 workers warm-up solves, then 2 models × 2 option sets timed.
    expect(submitted.map((s) => s.state)).toEqual([...Array(8).fill('warming'), ...Array(4).fill('running')]);
    const warm = submitted.slice(0, 8).map((s) => [s.name, setOf(s.options)]);
    const [n6, n9] = ['knapsack-n6-s1-nosym.lp', 'knapsack-n9-s1-nosym.lp'];
    const [a, b] = SETS.map((set) => set.id);
    expect(warm).toEqual([
      [n6, a],
      [n6, a],
      [n6, b],
      [n6, b],
      [n9, a],
      [n9, a],
      [n9, b],
      [n9, b],
    ]);
    expect(await store.listRuns(id!)).toHaveLength(4);
    expect(pool.snapshot().maxWorkers).toBe(1);
  });

  it('says what the warm-up is doing (model, option set, k of n solves) and estimates the time left during it', async () => {
    const { runner, submitted } = setup();
    await runner.start(definition({ templates: [knapsack([6, 9])], workers: 2 }, { seeds: [1], warmup: true }));
    expect(runner.state).toBe('finished');
    const n6 = 'knapsack-n6-s1-nosym.lp';
    // 2 models × 2 option sets × 2 workers = 8 warm-up solves, two at a time (one per worker).
    expect(submitted[0].warmup).toEqual({ model: n6, optionSet: 'HiGHS defaults', done: 0, total: 8 });
    expect(submitted[2].warmup).toEqual({ model: n6, optionSet: 'presolve off', done: 2, total: 8 });
    expect(submitted[6].warmup).toMatchObject({ model: 'knapsack-n9-s1-nosym.lp', done: 6, total: 8 });
    // No estimate before the first solve; once warm-up solves finished, one (not "unknown" for the whole warm-up).
    expect(submitted[0].etaMs).toBeNull();
    expect(submitted[2].state).toBe('warming');
    expect(submitted[2].etaMs).toBeTypeOf('number');
    expect(submitted[2].etaMs).toBeGreaterThan(0);
    expect(runner.warmup).toBeNull();
  });

  it('runs an option set scoped to a template only on its models (warm-up too), and stores the purpose it was given', async () => {
    const { runner, store, submitted } = setup();
    const blessed: OptionSet = {
      id: 'blessed',
      name: 'blessed: gap',
      options: { mip_rel_gap: 0.01 },
      templates: ['knap'],
    };
    const id = await runner.start(
      definition(
        {
          templates: [knapsack([6]), { kind: 'library', id: 'lib', name: 'Library', files: ['afiro.mps'] }],
          optionSets: [SETS[0], blessed],
        },
        { seeds: [1], warmup: true },
      ),
      { purpose: 'validation' },
    );
    expect(runner.state).toBe('finished');
    // Warm-up: knapsack with both sets, afiro with the defaults only; then the same three timed.
    expect(submitted.map((s) => [s.state, s.name, 'mip_rel_gap' in s.options])).toEqual([
      ['warming', 'knapsack-n6-s1-nosym.lp', false],
      ['warming', 'knapsack-n6-s1-nosym.lp', true],
      ['warming', 'afiro.mps', false],
      ['running', 'knapsack-n6-s1-nosym.lp', false],
      ['running', 'knapsack-n6-s1-nosym.lp', true],
      ['running', 'afiro.mps', false],
    ]);
    const b = (await store.getBenchmark(id!))!;
    expect(b.purpose).toBe('validation');
    expect(b.optionSets[1].templates).toEqual(['knap']);
    const runs = await store.listRuns(id!);
    expect(runs.map((r) => r.optionSetId).sort()).toEqual(['blessed', 'defaults', 'defaults']);
    expect([runner.done, runner.total]).toEqual([3, 3]);
  });

  it('an invalid definition fails before anything is stored or submitted', async () => {
    const { runner, store, submitted } = setup();
    const id = await runner.start(definition({ referenceOptionSetId: 'nope' }));
    expect(id).toBeNull();
    expect(runner.state).toBe('failed');
    expect(runner.error).toMatchObject({ name: 'InvalidBenchmark', message: expect.stringContaining("'nope'") });
    expect(await store.listBenchmarks()).toEqual([]);
    expect(submitted).toEqual([]);
  });
});

describe('storage failures', () => {
  it('a failing write stops the benchmark: failed, with the error, and left resumable', async () => {
    const real = freshStore();
    const store: BenchmarkStore = { ...real, addRuns: () => Promise.reject(new Error('disk full')) };
    const { runner, submitted } = setup({ store, batchSize: 2, flushMs: 600_000 });
    const id = await runner.start(definition({}, { seeds: [1, 2, 3] }));
    expect(runner.state).toBe('failed');
    expect(runner.error?.message).toContain('disk full');
    expect(submitted.length).toBeLessThan(12);
    expect(runner.runs).toEqual([]);
    expect((await real.getBenchmark(id!))?.state).toBe('interrupted');
    expect(await real.listRuns(id!)).toEqual([]);
  });
});

describe('cancel', () => {
  it('keeps the finished runs and stores the benchmark as cancelled', async () => {
    // Cancel when the 4th job is submitted: with one worker and two jobs in flight, two have finished.
    const { runner, store, submitted } = setup({
      onSubmit: (n, r) => n === 4 && queueMicrotask(() => r.cancel()),
    });
    const id = await runner.start(definition({}, { seeds: [1, 2, 3] }));
    expect(runner.state).toBe('cancelled');
    const b = (await store.getBenchmark(id!)) as StoredBenchmark;
    expect(b.state).toBe('cancelled');
    const runs = await store.listRuns(id!);
    expect(runs.length).toBe(runner.done);
    expect(runs.length).toBeGreaterThan(0);
    expect(runs.length).toBeLessThan(12);
    expect(runner.total).toBe(12);
    expect(keys(runs)).toEqual(keys(planOf(b).slice(0, runs.length)));
    expect(runs.every((r) => r.verdict === 'verified')).toBe(true); // no cancelled job is stored as a run
    expect(submitted.length).toBeLessThanOrEqual(4);
    expect(runner.runs).toEqual(runs);
  });
});

describe('resume', () => {
  /** A benchmark cut short: cancelled at the n-th submission, then marked 'running' again as a page that went away leaves it. */
  async function interruptedBenchmark(def: BenchmarkDefinition, n: number, library?: ModelSource) {
    const first = setup({ library, onSubmit: (k, r) => k === n && queueMicrotask(() => r.cancel()) });
    const id = (await first.runner.start(def))!;
    expect(first.runner.state).toBe('cancelled');
    const b = (await first.store.getBenchmark(id))!;
    await first.store.putBenchmark({ ...b, state: 'running' });
    const before = await first.store.listRuns(id);
    expect(before.length).toBeGreaterThan(0);
    return { id, store: first.store, before };
  }

  it('finds a benchmark left running, marks it interrupted, and runs exactly its missing jobs', async () => {
    const { id, store, before } = await interruptedBenchmark(definition({}, { seeds: [1, 2, 3] }), 5);
    const { runner, submitted, writes } = setup({ store });

    const found = await runner.loadInterrupted();
    expect(found.map((b) => [b.id, b.state])).toEqual([[id, 'interrupted']]);
    expect(runner.interrupted.map((b) => b.id)).toEqual([id]);
    expect((await store.getBenchmark(id))?.state).toBe('interrupted');

    await runner.resume(id);
    expect(runner.error).toBeNull();
    expect(runner.state).toBe('finished');
    const b = (await store.getBenchmark(id)) as StoredBenchmark;
    expect(b.state).toBe('finished');
    const plan = planOf(b);
    const missing = missingJobs(plan, before);
    expect(missing.length).toBe(12 - before.length);
    expect(submitted.map((s) => submittedKey(b, s))).toEqual(keys(missing));
    const runs = await store.listRuns(id);
    expect(runs).toHaveLength(12);
    expect(new Set(keys(runs))).toEqual(new Set(keys(plan)));
    expect(runs.every((r) => r.verdict === 'verified')).toBe(true);
    expect([runner.done, runner.total]).toEqual([12, 12]);
    expect(runner.runs).toHaveLength(12);
    expect(writes.reduce((a, n) => a + n, 0)).toBe(missing.length);
    expect(await runner.loadInterrupted()).toEqual([]);
  });

  it('does not mark a benchmark that a live runner is running', async () => {
    const store = freshStore();
    const otherPool = localPool();
    pools.push(otherPool);
    const other = new BenchmarkRunner({ solver: otherPool, store, library: diskLibrary });
    let seen: Promise<StoredBenchmark[]> | undefined;
    const { runner } = setup({ store, onSubmit: (n) => n === 1 && (seen = other.loadInterrupted()) });
    const id = await runner.start(definition());
    expect(await seen).toEqual([]);
    expect(runner.state).toBe('finished');
    expect((await store.getBenchmark(id!))?.state).toBe('finished');
  });

  it('refuses to resume when a model’s bytes changed, naming the model', async () => {
    const def = definition({
      templates: [{ kind: 'library', id: 'netlib', name: 'Netlib', files: ['afiro.mps', 'blending.mps'] }],
    });
    const { id, store } = await interruptedBenchmark(def, 3);
    const changed: ModelSource = {
      manifest: diskLibrary.manifest,
      model: async (file) => {
        const bytes = await diskLibrary.model(file);
        return file === 'afiro.mps' ? new Uint8Array([...bytes, 10]) : bytes;
      },
    };
    const { runner, submitted } = setup({ store, library: changed });
    await runner.loadInterrupted();
    await runner.resume(id);
    expect(runner.state).toBe('failed');
    expect(runner.error).toMatchObject({ name: 'ModelChanged', message: expect.stringContaining('afiro.mps') });
    expect(submitted).toEqual([]);
    expect((await store.getBenchmark(id))?.state).toBe('interrupted');
  });
});
