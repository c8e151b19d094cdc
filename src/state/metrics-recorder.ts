// Records the app's metrics: one point per finished solve (benchmark runs and interactive solves, with
// their template, model and option set) and one system sample every few seconds while the app is open
// (the pool, WASM memory per worker, JS heap, storage, the page's capabilities). Points are buffered
// and written in batches (one short transaction per batch, never one per solve, so a benchmark's timings
// do not feel it), and points older than the retention window are pruned in the background a small
// batch per transaction, yielding between batches.
import type { BenchmarkModel, BenchmarkRun } from '../core/benchmark';
import {
  DEFAULT_RETENTION_DAYS,
  newSeq,
  PRUNE_BATCH,
  retentionCutoff,
  solvePointOfBenchmarkRun,
  solvePointOfRunRecord,
  validateRetentionDays,
  type MetricPoint,
  type SystemPoint,
} from '../core/metrics';
import type { RunRecord } from '../core/run-record';
import type { PoolSnapshot } from '../solver/pool-types';
import type { MetricsStore, SettingsStore, SolveObserver } from './ports';

/** The settings key of the retention window, days. */
export const RETENTION_KEY = 'metrics.retentionDays';

/** What the recorder needs: the store, the pool's snapshot, and where the page's figures come from. */
export interface MetricsRecorderDeps {
  store: MetricsStore;
  snapshot: () => PoolSnapshot;
  settings?: SettingsStore;
  /** Storage used and quota, or null (navigator.storage.estimate in the app). */
  storageEstimate?: () => Promise<{ usage: number; quota: number } | null>;
  /** Whether a benchmark is running now (recorded with each sample). */
  benchmarkRunning?: () => boolean;
  /** The JS heap in use, bytes, where the browser exposes it (performance.memory in Chromium), else null. */
  jsHeapBytes?: () => number | null;
  hardwareConcurrency?: number;
  crossOriginIsolated?: boolean;
  now?: () => number;
  /** How often the system is sampled, ms (default 10 s). */
  sampleMs?: number;
  /** Longest wait of a point before it is written, ms (default 2 s)... */
  flushMs?: number;
  /** ...or when this many are waiting (default 250). */
  batchSize?: number;
  /** How often old points are pruned, ms (default 1 h; also 5 s after start). */
  pruneEveryMs?: number;
  /** Awaited between prune batches (default: a macrotask, so the page stays responsive). */
  pause?: () => Promise<void>;
}

/** A macrotask: what the prune yields to between batches. */
const macrotask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** The metrics recorder: hears solves (SolveObserver), samples the system, writes in batches, prunes. */
export class MetricsRecorder implements SolveObserver {
  /** Days of points kept. */
  retentionDays = DEFAULT_RETENTION_DAYS;
  /** Points whose write failed (storage full, database gone): dropped, counted, never retried. */
  dropped = 0;
  /** Points deleted by the last prune. */
  lastPruned = 0;
  /** Whether a benchmark is running now (recorded with each sample); the app sets it once its state exists. */
  benchmarkRunning: (() => boolean) | undefined;

  private buffer: MetricPoint[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private sampler: ReturnType<typeof setInterval> | undefined;
  private pruner: ReturnType<typeof setInterval> | undefined;
  private firstPrune: ReturnType<typeof setTimeout> | undefined;
  private writes: Promise<void> = Promise.resolve();
  private pruning: Promise<number> | null = null;
  private storage: { usage: number; quota: number } | null = null;
  private readonly listeners = new Set<(points: readonly MetricPoint[]) => void>();
  private readonly now: () => number;
  private readonly batchSize: number;
  private readonly flushMs: number;
  private loaded: Promise<void> | null = null;

  constructor(private readonly deps: MetricsRecorderDeps) {
    this.now = deps.now ?? Date.now;
    this.batchSize = Math.max(1, deps.batchSize ?? 250);
    this.flushMs = Math.max(0, deps.flushMs ?? 2_000);
    this.benchmarkRunning = deps.benchmarkRunning;
  }

  /** Reads the retention setting, samples once, then samples and prunes on a schedule. */
  start(): Promise<void> {
    this.loaded ??= this.loadRetention();
    if (this.sampler === undefined) {
      this.sampler = setInterval(() => void this.sample(), this.deps.sampleMs ?? 10_000);
      this.firstPrune = setTimeout(() => void this.prune(), 5_000);
      this.pruner = setInterval(() => void this.prune(), this.deps.pruneEveryMs ?? 3_600_000);
      void this.sample();
    }
    return this.loaded;
  }

  /** Stops the schedule and writes what is buffered. */
  async stop(): Promise<void> {
    clearInterval(this.sampler);
    clearInterval(this.pruner);
    clearTimeout(this.firstPrune);
    this.sampler = this.pruner = this.firstPrune = undefined;
    await this.flush();
  }

  /** Calls fn with every batch of points once written; returns the unsubscribe. */
  subscribe(fn: (points: readonly MetricPoint[]) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  /** A benchmark run finished. */
  benchmarkRun(run: BenchmarkRun, model: BenchmarkModel, wasmMemoryBytes: number): void {
    this.push(solvePointOfBenchmarkRun(run, model, run.optionSetId, wasmMemoryBytes, this.now(), newSeq()));
  }

  /** An interactive solve was stored. */
  runRecord(run: RunRecord): void {
    this.push(solvePointOfRunRecord(run, this.now(), newSeq()));
  }

  /** Samples the system now (the storage estimate is refreshed in the background and used by the next sample). */
  async sample(): Promise<SystemPoint> {
    const point = this.systemPoint();
    this.push(point);
    const estimate = this.deps.storageEstimate;
    if (estimate) this.storage = await estimate().catch(() => this.storage);
    return point;
  }

  /** The system as it is now (no write). */
  systemPoint(): SystemPoint {
    const s = this.deps.snapshot();
    return {
      kind: 'system',
      t: this.now(),
      seq: newSeq(),
      poolUtilization: s.utilization,
      queueDepth: s.queueDepth,
      running: s.running,
      workers: s.slots.length,
      throughput: s.throughput,
      workerRestarts: s.restarts,
      jobsCompleted: s.completed,
      jobsFailed: s.failed,
      workerMemory: s.slots.map((w) => ({ slot: w.slot, workerId: w.workerId, wasmMemoryBytes: w.wasmMemoryBytes })),
      jsHeapBytes: this.deps.jsHeapBytes?.() ?? null,
      storageUsedBytes: this.storage?.usage ?? null,
      storageQuotaBytes: this.storage?.quota ?? null,
      hardwareConcurrency: this.deps.hardwareConcurrency ?? 0,
      crossOriginIsolated: this.deps.crossOriginIsolated ?? s.crossOriginIsolated,
      benchmarkRunning: this.benchmarkRunning?.() ?? false,
    };
  }

  /** Writes the buffered points (one transaction); resolves when this and every earlier write ended. */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const batch = this.buffer;
    this.buffer = [];
    if (batch.length === 0) return this.writes;
    this.writes = this.writes.then(async () => {
      try {
        await this.deps.store.add(batch);
      } catch {
        this.dropped += batch.length;
        return;
      }
      for (const fn of this.listeners) fn(batch);
    });
    return this.writes;
  }

  /** Sets and stores the retention window (days); returns the problem instead when it is not valid. */
  async setRetention(days: number): Promise<string | null> {
    const problem = validateRetentionDays(days);
    if (problem) return problem;
    this.retentionDays = days;
    await this.deps.settings?.put(RETENTION_KEY, days);
    return null;
  }

  /** Deletes points older than the retention window, a batch per transaction, yielding between; returns how many. */
  prune(): Promise<number> {
    this.pruning ??= (async () => {
      try {
        await this.loaded;
        const cutoff = retentionCutoff(this.now(), this.retentionDays);
        this.lastPruned = await this.deps.store.prune(cutoff, PRUNE_BATCH, this.deps.pause ?? macrotask);
        return this.lastPruned;
      } catch {
        return 0;
      } finally {
        this.pruning = null;
      }
    })();
    return this.pruning;
  }

  private push(p: MetricPoint): void {
    this.buffer.push(p);
    if (this.buffer.length >= this.batchSize) void this.flush();
    else this.timer ??= setTimeout(() => void this.flush(), this.flushMs);
  }

  private async loadRetention(): Promise<void> {
    const stored = await this.deps.settings?.get(RETENTION_KEY).catch(() => undefined);
    if (typeof stored === 'number' && validateRetentionDays(stored) === null) this.retentionDays = stored;
  }
}
