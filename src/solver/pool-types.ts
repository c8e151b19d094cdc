// The pool's vocabulary: its tunables with their defaults, what a caller submits and gets back,
// and the snapshots the UI shows. Types and constants only; the behaviour is in worker-pool.ts.
import type { ProgressUpdate, RuntimeInfo, SolveResult } from './protocol';

/** How a cancel was carried out, so the UI can say whether the worker survived it. */
export type CancelMode = 'graceful' | 'terminated';

/** Job priority, so interactive solves go before benchmark jobs. */
export type Priority = 'interactive' | 'batch';

/** Tunables of the pool, so tests and debug URLs can change them; defaults in DEFAULT_POOL_CONFIG. */
export interface PoolConfig {
  minWorkers: number;
  maxWorkers: number;
  /** An idle worker above the floor stops after this long. */
  idleCooldownMs: number;
  /** Recycle a worker whose WASM heap passed this (memory only grows; terminating frees it). */
  memoryBudgetBytes: number;
  /** Recycle a worker after this many jobs. */
  maxJobsPerWorker: number;
  /** Retries of infrastructure failures (crash, out of memory), with exponential backoff. */
  maxRetries: number;
  retryBaseMs: number;
  retryMaxMs: number;
  /** Crashes of one model (by fingerprint) that open its circuit, and how long it stays open. */
  breakerThreshold: number;
  breakerCooldownMs: number;
  /**
   * The watchdog while a job validates and reads its model (time_limit does not cover that):
   * readBaseMs plus readMsPerMiB for each MiB of input, a gzip input counted at gzipReadFactor
   * times its size. It ends at the worker's first 'solving' progress update.
   */
  readBaseMs: number;
  readMsPerMiB: number;
  gzipReadFactor: number;
  /** From the start of the solve: grace past time_limit before the watchdog terminates a job; deadline when no time limit. */
  graceMs: number;
  defaultDeadlineMs: number;
  /** After a graceful cancel request: time for a callback to acknowledge, then to wind down. */
  cancelAckMs: number;
  cancelWindDownMs: number;
  /** Warm new workers up before timed work. */
  warmup: boolean;
  /** Use the shared cancel flag when SharedArrayBuffer is available (else cancel terminates). */
  gracefulCancel: boolean;
}

/** The default ceiling, so the page keeps one core for itself (at least one worker). */
export function defaultMaxWorkers(): number {
  const cores = (globalThis as { navigator?: { hardwareConcurrency?: number } }).navigator?.hardwareConcurrency ?? 2;
  return Math.max(1, cores - 1);
}

/** Defaults for a browser page, so a pool works without configuration. */
export const DEFAULT_POOL_CONFIG: PoolConfig = {
  minWorkers: 1,
  maxWorkers: defaultMaxWorkers(),
  idleCooldownMs: 30_000,
  memoryBudgetBytes: 512 * 2 ** 20,
  maxJobsPerWorker: 500,
  maxRetries: 2,
  retryBaseMs: 250,
  retryMaxMs: 4_000,
  breakerThreshold: 3,
  breakerCooldownMs: 60_000,
  // A cold runtime validates and reads generated LP text at ~0.1–0.15 s per MiB (Node, development
  // machine); 2 s per MiB leaves ~15× for slow devices and every worker reading at once. LP/MPS text
  // gzips 3–10×, so gzip counts 8× its size (capped at the decompressed size limit). The base
  // covers small files and message latency.
  readBaseMs: 10_000,
  readMsPerMiB: 2_000,
  gzipReadFactor: 8,
  graceMs: 10_000,
  defaultDeadlineMs: 60 * 60 * 1000,
  cancelAckMs: 1_000,
  cancelWindDownMs: 10_000,
  warmup: true,
  gracefulCancel: true,
};

/** Per-job options, so a caller can set priority, progress, log capture and batch membership. */
export interface SubmitOptions {
  priority?: Priority;
  onProgress?: (u: ProgressUpdate) => void;
  includeSolution?: boolean;
  /** Check the solution against the model in core (see SolveRequest.checkSolution). */
  checkSolution?: boolean;
  simplexInterrupt?: 'always' | 'mip' | 'never';
  /** Capture the solver's log (default true). */
  captureLog?: boolean;
  /** Profile the solve (SolveRequest.profile). */
  profile?: boolean;
  /** Delete a row group before solving (SolveRequest.dropRowGroup): the ablation. */
  dropRowGroup?: string;
  /** Groups jobs so they can be cancelled together. */
  batchId?: string;
  /** The model's identity for the circuit breaker (SHA-256 of its bytes); defaults to name + size. */
  fingerprint?: string;
  /**
   * Expected cost (e.g. nonzeros or bytes). Batch jobs with a cost go longest first, which keeps
   * workers from idling at the end of a batch (LPT scheduling); without one they go in order.
   */
  cost?: number;
}

/** What a job resolves to, so callers see how it was cancelled, how often it ran and where. */
export type PoolResult = SolveResult & { cancelMode?: CancelMode; attempts: number; workerId: number };

/** A submitted job, so the caller can await it and cancel it. */
export interface PoolJob {
  id: string;
  result: Promise<PoolResult>;
  /** Cancels: gracefully when cross-origin isolated and the solver acknowledges, else by terminating. */
  cancel(): CancelMode | null;
}

/** A worker slot's state, so the UI can show each worker's life. */
export type SlotState = 'starting' | 'idle' | 'busy' | 'recovering' | 'stopping';

/** What the UI sees of one worker slot. */
export interface SlotSnapshot {
  slot: number;
  workerId: number;
  state: SlotState;
  jobId: string | null;
  jobsDone: number;
  failures: number;
  restarts: number;
  wasmMemoryBytes: number;
  /** Callbacks seen in the current job (progress, not pings). */
  heartbeat: number;
  /** performance.now() of the current job's last progress callback, or null. */
  lastProgressAt: number | null;
  /** performance.now() when the current job started, or null when idle (the health check's stall clock). */
  jobStartedAt: number | null;
}

/** What the UI sees of the pool, so views and health checks need no access to its internals. */
export interface PoolSnapshot {
  state: 'starting' | 'ready' | 'busy' | 'recovering' | 'failed';
  crossOriginIsolated: boolean;
  runtime: RuntimeInfo | null;
  readyAtMs: number | null;
  slots: SlotSnapshot[];
  minWorkers: number;
  maxWorkers: number;
  queueDepth: number;
  running: number;
  /** Busy slots ÷ slots, now. */
  utilization: number;
  /** Jobs finished per second over the last 10 s. */
  throughput: number;
  completed: number;
  failed: number;
  retried: number;
  restarts: number;
  openCircuits: OpenCircuit[];
  lastError: string | null;
}

/** One model whose circuit is open, so the UI can say which model is held back and until when. */
export interface OpenCircuit {
  fingerprint: string;
  name: string;
  until: number;
  crashes: number;
}
