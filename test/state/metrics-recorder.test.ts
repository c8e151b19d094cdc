// The metrics recorder: labelled points from benchmark runs and interactive solves, writes in batches (by
// size and after flushMs), listeners per written batch, a failing store counted as dropped, system samples
// from a real pool, the retention setting (validated, persisted, read back) and pruning by retention.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MetricsRecorder, RETENTION_KEY, type MetricsRecorderDeps } from '../../src/state/metrics-recorder';
import {
  memoryMetricsStore,
  memorySettingsStore,
  metricsStoreOf,
  settingsStoreOf,
} from '../../src/app/monitoring-stores';
import { openWorkbenchDb } from '../../src/storage/db';
import type { MetricsStore } from '../../src/state/ports';
import type { BenchmarkModel, BenchmarkRun } from '../../src/core/benchmark';
import type { MetricPoint } from '../../src/core/metrics/types';
import { failedRunRecord, NO_COUNTERS, solvedRunRecord, type RunContext } from '../../src/core/run-record';
import type { PoolSnapshot } from '../../src/solver/pool-types';
import type { WorkerPool } from '../../src/solver/worker-pool';
import { localPool } from './harness';
import { afiroFacts } from '../helpers/solve-facts';
import { solve } from '../core/metrics/fixtures';

const DAY = 86_400_000;
const NOW = Date.parse('2026-11-01T12:00:00Z');

const pools: WorkerPool[] = [];
afterEach(() => {
  vi.useRealTimers();
  for (const p of pools.splice(0)) p.dispose();
});

/** A pool snapshot of an idle pool with no workers (for tests that do not sample). */
const idle = (): PoolSnapshot => ({
  state: 'ready',
  crossOriginIsolated: false,
  runtime: null,
  readyAtMs: null,
  slots: [],
  minWorkers: 1,
  maxWorkers: 1,
  queueDepth: 0,
  running: 0,
  utilization: 0,
  throughput: 0,
  completed: 0,
  failed: 0,
  retried: 0,
  restarts: 0,
  openCircuits: [],
  lastError: null,
});

/** A store that counts its add calls and the size of each batch. */
function counting(inner: MetricsStore = memoryMetricsStore()): MetricsStore & { batches: number[] } {
  const batches: number[] = [];
  return {
    ...inner,
    batches,
    add: async (points) => {
      batches.push(points.length);
      return inner.add(points);
    },
  };
}

function recorder(over: Partial<MetricsRecorderDeps> = {}): MetricsRecorder {
  return new MetricsRecorder({ store: memoryMetricsStore(), snapshot: idle, now: () => NOW, ...over });
}

const MODEL: BenchmarkModel = {
  id: 'sha-knap-20',
  name: 'knapsack-20-s1',
  template: 'knapsack',
  size: 20,
  rows: 1,
  cols: 20,
  nnz: 20,
  integers: 20,
  knownObjective: null,
};

const benchRun = (over: Partial<BenchmarkRun> = {}): BenchmarkRun => ({
  modelId: MODEL.id,
  optionSetId: 'no-presolve',
  seed: 1,
  repetition: 0,
  status: 'optimal',
  objective: 123,
  mipDualBound: 123,
  timeMs: 42,
  counters: { ...NO_COUNTERS, mipNodes: 3 },
  maxBoundViolation: 0,
  maxRowViolation: 0,
  verdict: 'ok',
  error: null,
  ...over,
});

const CTX: RunContext = {
  createdAt: NOW,
  modelId: 'sha-afiro',
  modelName: 'afiro.mps',
  origin: 'library',
  options: { presolve: 'off' },
  knownObjective: -464.75314285714285,
  expectedStatus: 'optimal',
  highsVersion: '1.15.1',
};

describe('points from solves', () => {
  it.each([
    [
      'an optimal benchmark run',
      benchRun(),
      {
        source: 'benchmark',
        template: 'knapsack',
        model: 'knapsack-20-s1',
        optionSet: 'no-presolve',
        status: 'optimal',
        outcome: 'ok',
        timeMs: 42,
        rows: 1,
        cols: 20,
        nnz: 20,
        objective: 123,
        wasmMemoryBytes: 5_000_000,
      },
    ],
    [
      'a time limit',
      benchRun({ status: 'time-limit', objective: 130, optionSetId: 'defaults' }),
      { optionSet: 'defaults', status: 'time-limit', outcome: 'unsolved', objective: 130 },
    ],
    [
      'a crashed run',
      benchRun({ status: null, objective: null, error: { name: 'WorkerCrashed', message: 'gone' }, verdict: 'failed' }),
      { status: 'error', outcome: 'error', objective: null },
    ],
    ['a wrong answer', benchRun({ verdict: 'wrong' }), { status: 'optimal', outcome: 'error' }],
    ['a NaN objective', benchRun({ objective: Number.NaN }), { objective: null }],
  ])('benchmarkRun: %s', async (_name, run, expected) => {
    const store = counting();
    const r = recorder({ store });
    r.benchmarkRun(run, MODEL, 5_000_000);
    await r.flush();
    const [p] = await store.listSolves({ from: 0, to: NOW + 1 });
    expect(p).toMatchObject({ kind: 'solve', t: NOW, ...expected });
    expect(p.seq).toBeGreaterThanOrEqual(0);
    expect(p.seq).toBeLessThan(1);
  });

  it.each([
    [
      'a solved run record',
      solvedRunRecord(CTX, afiroFacts()),
      {
        source: 'run',
        template: 'run',
        optionSet: 'run',
        model: 'afiro.mps',
        status: 'optimal',
        outcome: 'ok',
        timeMs: 7.5,
        rows: 27,
        cols: 32,
        nnz: 83,
        wasmMemoryBytes: 16_777_216,
        objective: -464.75314285714285,
      },
    ],
    [
      'a failed run record',
      failedRunRecord(CTX, { name: 'Timeout', message: 'no answer in 1 s' }, 1000),
      { source: 'run', status: 'error', outcome: 'error', timeMs: 1000, rows: 0, cols: 0, nnz: 0, objective: null },
    ],
  ])('runRecord: %s', async (_name, record, expected) => {
    const store = counting();
    const r = recorder({ store });
    r.runRecord(record);
    await r.flush();
    expect(await store.listSolves({ from: 0, to: NOW + 1 })).toEqual([expect.objectContaining(expected)]);
  });
});

describe('batched writes', () => {
  it.each([
    [7, 3],
    [6, 3],
    [1, 250],
    [10, 1],
  ])('%i points with batchSize %i: ceil(k/N) writes, the last after flushMs', async (k, batchSize) => {
    vi.useFakeTimers();
    const store = counting();
    const r = recorder({ store, batchSize, flushMs: 500 });
    const heard: number[] = [];
    r.subscribe((points) => heard.push(points.length));
    for (let i = 0; i < k; i++) r.benchmarkRun(benchRun({ seed: i }), MODEL, 0);
    await vi.advanceTimersByTimeAsync(0);
    const full = Math.floor(k / batchSize);
    expect(store.batches).toEqual(Array(full).fill(batchSize));
    await vi.advanceTimersByTimeAsync(499);
    expect(store.batches).toHaveLength(full);
    await vi.advanceTimersByTimeAsync(1);
    expect(store.batches).toHaveLength(Math.ceil(k / batchSize));
    expect(store.batches.reduce((a, b) => a + b, 0)).toBe(k);
    expect(heard).toEqual(store.batches);
    expect(await store.count()).toBe(k);
  });

  it('the unsubscribe stops the listener', async () => {
    const r = recorder();
    const heard: (readonly MetricPoint[])[] = [];
    const off = r.subscribe((p) => heard.push(p));
    r.benchmarkRun(benchRun(), MODEL, 0);
    await r.flush();
    off();
    r.benchmarkRun(benchRun(), MODEL, 0);
    await r.flush();
    expect(heard).toHaveLength(1);
    expect(heard[0][0]).toMatchObject({ template: 'knapsack' });
  });

  it('a failing store counts dropped points and never throws; later writes still go through', async () => {
    let fail = true;
    const inner = memoryMetricsStore();
    const store: MetricsStore = {
      ...inner,
      add: async (p) => {
        if (fail) throw new DOMException('quota', 'QuotaExceededError');
        return inner.add(p);
      },
    };
    const r = recorder({ store, batchSize: 2 });
    const heard: number[] = [];
    r.subscribe((p) => heard.push(p.length));
    for (let i = 0; i < 3; i++) r.benchmarkRun(benchRun({ seed: i }), MODEL, 0);
    await expect(r.flush()).resolves.toBeUndefined();
    expect(r.dropped).toBe(3);
    expect(heard).toEqual([]);
    fail = false;
    r.benchmarkRun(benchRun(), MODEL, 0);
    await r.flush();
    expect(r.dropped).toBe(3);
    expect(heard).toEqual([1]);
    expect(await inner.count()).toBe(1);
  });
});

describe('system samples from a real pool', () => {
  it('reads the pool snapshot (workers, utilization, memory per slot) and the storage estimate', async () => {
    const pool = localPool();
    pools.push(pool);
    await pool.describeOptions(); // a worker has loaded HiGHS
    const store = counting();
    const r = new MetricsRecorder({
      store,
      snapshot: () => pool.snapshot(),
      now: () => NOW,
      storageEstimate: async () => ({ usage: 1234, quota: 99_999 }),
      jsHeapBytes: () => 777,
      hardwareConcurrency: 6,
      benchmarkRunning: () => true,
    });
    const snap = pool.snapshot();
    expect(snap.slots.length).toBe(1);
    const first = await r.sample();
    expect(first).toMatchObject({
      kind: 'system',
      t: NOW,
      workers: 1,
      running: 0,
      queueDepth: 0,
      poolUtilization: 0,
      workerRestarts: snap.restarts,
      jobsCompleted: snap.completed,
      jsHeapBytes: 777,
      hardwareConcurrency: 6,
      crossOriginIsolated: snap.crossOriginIsolated,
      benchmarkRunning: true,
      storageUsedBytes: null, // the estimate is refreshed in the background for the next sample
    });
    expect(first.workerMemory).toEqual(
      snap.slots.map((s) => ({ slot: s.slot, workerId: s.workerId, wasmMemoryBytes: s.wasmMemoryBytes })),
    );
    expect(first.workerMemory[0].wasmMemoryBytes).toBeGreaterThan(0);

    // After a real solve the pool's counters move, and the next sample has the storage estimate.
    const bytes = new TextEncoder().encode('Maximize\n obj: x\nSubject To\n c: x <= 4\nEnd\n');
    await pool.submit({ name: 'tiny.lp', bytes }, {}).result;
    const second = await r.sample();
    expect(second.jobsCompleted).toBe(snap.completed + 1);
    expect(second.storageUsedBytes).toBe(1234);
    expect(second.storageQuotaBytes).toBe(99_999);
    await r.flush();
    expect(await store.listSystem({ from: 0, to: NOW + 1 })).toHaveLength(2);
  });
});

describe('retention', () => {
  it.each([0, -1, 1.5, 366, Number.NaN])('setRetention(%s) is refused and nothing is stored', async (days) => {
    const settings = memorySettingsStore();
    const r = recorder({ settings });
    expect(await r.setRetention(days)).toMatch(/retention/i);
    expect(r.retentionDays).toBe(7);
    expect(await settings.get(RETENTION_KEY)).toBeUndefined();
  });

  it('a valid retention is stored and a new recorder reads it back on start', async () => {
    const db = openWorkbenchDb(`metrics-recorder-${process.pid}`);
    const settings = settingsStoreOf(db);
    const store = metricsStoreOf(db);
    const first = recorder({ settings, store });
    expect(await first.setRetention(30)).toBeNull();
    expect(first.retentionDays).toBe(30);
    expect(await settings.get(RETENTION_KEY)).toBe(30);

    const second = recorder({ settings, store, sampleMs: 3_600_000 });
    expect(second.retentionDays).toBe(7);
    await second.start();
    await second.stop();
    expect(second.retentionDays).toBe(30);
  });

  it('prune deletes only points older than the retention window', async () => {
    const db = openWorkbenchDb(`metrics-recorder-prune-${process.pid}`);
    const store = metricsStoreOf(db);
    const settings = settingsStoreOf(db);
    await settings.put(RETENTION_KEY, 30);
    await store.add([
      solve({ t: NOW - 31 * DAY, seq: 0.1, model: 'old' }),
      solve({ t: NOW - 30 * DAY - 1, seq: 0.2, model: 'just-too-old' }),
      solve({ t: NOW - 30 * DAY, seq: 0.3, model: 'at-the-cutoff' }),
      solve({ t: NOW - 29 * DAY, seq: 0.4, model: 'recent' }),
      solve({ t: NOW, seq: 0.5, model: 'now' }),
    ]);
    const r = recorder({ store, settings, sampleMs: 3_600_000 });
    await r.start();
    expect(await r.prune()).toBe(2);
    expect(r.lastPruned).toBe(2);
    await r.stop();
    const left = await store.listSolves({ from: 0, to: NOW + 1 });
    expect(left.map((p) => p.model)).toEqual(['at-the-cutoff', 'recent', 'now']);
  });

  it('a failing prune resolves 0 and never throws', async () => {
    const store: MetricsStore = { ...memoryMetricsStore(), prune: async () => Promise.reject(new Error('gone')) };
    const r = recorder({ store });
    await expect(r.prune()).resolves.toBe(0);
  });
});
