// The solver pool's state machine: every solve goes through it. It sizes itself between a floor and a
// ceiling, runs queued jobs on idle warm workers, settles each job once, and heals itself (replaces
// crashed, aborted, timed-out, bloated or worn workers; retries; a circuit breaker per model).
import {
  CANCEL_ACKNOWLEDGED,
  CANCEL_REQUESTED,
  solverError,
  type ModelPayload,
  type OptionDescriptor,
  type OptionValues,
  type ProgressUpdate,
  type RuntimeInfo,
} from './protocol';
import { WorkerHandle, type WorkerLike } from './worker-handle';
import { CircuitBreaker } from './circuit-breaker';
import { JobQueue } from './job-queue';
import { countsAgainstCircuit, isFatalToWorker, retryDelayMs, shouldRetry } from './failure-policy';
import { readAllowanceMs, solveDeadlineMs } from './deadlines';
import {
  DEFAULT_POOL_CONFIG,
  type CancelMode,
  type PoolConfig,
  type PoolJob,
  type PoolResult,
  type PoolSnapshot,
  type Priority,
  type SlotState,
  type SubmitOptions,
} from './pool-types';

export { DEFAULT_POOL_CONFIG, defaultMaxWorkers } from './pool-types';
export type {
  CancelMode,
  OpenCircuit,
  PoolConfig,
  PoolJob,
  PoolResult,
  PoolSnapshot,
  Priority,
  SlotSnapshot,
  SlotState,
  SubmitOptions,
} from './pool-types';

interface Job {
  id: string;
  model: ModelPayload;
  options: OptionValues;
  o: SubmitOptions;
  priority: Priority;
  cost: number | undefined;
  fingerprint: string;
  attempts: number;
  /** This job is the half-open circuit's trial run. */
  trial: boolean;
  settled: boolean;
  flag: Int32Array | undefined;
  cancelMode: CancelMode | null;
  slot: Slot | null;
  timers: ReturnType<typeof setTimeout>[];
  resolve: (r: PoolResult) => void;
  reject: (e: Error) => void;
}

interface Slot {
  index: number;
  handle: WorkerHandle | null;
  state: SlotState;
  job: Job | null;
  /** Jobs done by this slot, across its workers. */
  jobsDone: number;
  /** Jobs done by the slot's current worker (for wear recycling). */
  workerJobs: number;
  failures: number;
  restarts: number;
  memory: number;
  heartbeat: number;
  lastProgressAt: number | null;
  /** performance.now() when the current job started on this slot, or null. */
  jobStartedAt: number | null;
  idleTimer: ReturnType<typeof setTimeout> | undefined;
  startFailures: number;
}

/** Seconds for a message: one decimal below 10 s. */
const seconds = (ms: number): string => (ms < 10_000 ? (ms / 1000).toFixed(1) : String(Math.round(ms / 1000)));

let jobCounter = 0;

/** The one client of the solver workers, so the app never handles a worker, a crash or a retry itself. */
export class WorkerPool {
  readonly config: PoolConfig;
  private readonly slots: Slot[] = [];
  private readonly queue = new JobQueue<Job>();
  private readonly jobs = new Map<string, Job>();
  private readonly breaker: CircuitBreaker;
  private readonly module: Promise<WebAssembly.Module | undefined>;
  private readonly listeners = new Set<(s: PoolSnapshot) => void>();
  private readonly finishedAt: number[] = [];
  private nextSlot = 1;
  private runtime: RuntimeInfo | null = null;
  private options: OptionDescriptor[] | undefined;
  private readyAtMs: number | null = null;
  private counts = { completed: 0, failed: 0, retried: 0, restarts: 0 };
  private lastError: string | null = null;
  private failedHard = false;
  private emitTimer: ReturnType<typeof setTimeout> | undefined;
  private lastEmit = 0;
  private readyWaiters: { resolve: () => void; reject: (e: Error) => void }[] = [];
  private disposed = false;
  private readonly isolated: boolean;

  constructor(
    private readonly createWorker: () => WorkerLike,
    config: Partial<PoolConfig> = {},
    /**
     * The compiled HiGHS module every worker instantiates, compiled once by the runtime's factory
     * (browser-pool.ts from its URL, src/node/node-pool.ts from node_modules); absent: each worker
     * compiles its own (in-process tests).
     */
    wasm?: Promise<WebAssembly.Module>,
  ) {
    this.config = { ...DEFAULT_POOL_CONFIG, ...config };
    this.config.maxWorkers = Math.max(1, this.config.maxWorkers);
    this.config.minWorkers = Math.min(Math.max(0, this.config.minWorkers), this.config.maxWorkers);
    this.breaker = new CircuitBreaker(this.config);
    this.isolated =
      this.config.gracefulCancel &&
      typeof SharedArrayBuffer !== 'undefined' &&
      (typeof crossOriginIsolated === 'undefined' ? typeof window === 'undefined' : crossOriginIsolated);
    this.module = Promise.resolve(wasm);
    this.module.catch((e: unknown) => this.fail(`the solver could not load: ${String(e)}`));
    for (let i = 0; i < this.config.minWorkers; i++) this.addSlot();
  }

  // ---- public API -------------------------------------------------------------------------

  /** Subscribes to pool snapshots (coalesced to at most ~10 a second); returns the unsubscribe. */
  subscribe(fn: (s: PoolSnapshot) => void): () => void {
    this.listeners.add(fn);
    fn(this.snapshot());
    return () => this.listeners.delete(fn);
  }

  /** Resolves once a warm worker is idle or busy (starts one if the pool is empty). */
  ready(): Promise<void> {
    if (this.runtime) return Promise.resolve();
    if (this.failedHard)
      return Promise.reject(solverError('WorkerCrashed', this.lastError ?? 'the solver failed to start'));
    if (this.slots.length === 0) this.addSlot();
    return new Promise((resolve, reject) => this.readyWaiters.push({ resolve, reject }));
  }

  /** HiGHS's option descriptors (filtered for the browser build). */
  async describeOptions(): Promise<OptionDescriptor[]> {
    await this.ready();
    return this.options!;
  }

  /** Changes the floor and ceiling; the pool grows or shrinks towards them. */
  resize(minWorkers: number, maxWorkers: number): void {
    const max = Math.max(1, Math.floor(maxWorkers));
    this.config.maxWorkers = max;
    this.config.minWorkers = Math.min(Math.max(0, Math.floor(minWorkers)), max);
    while (this.slots.length < this.config.minWorkers) this.addSlot();
    // Shrink: idle slots above the ceiling stop now, busy ones when their job ends.
    for (const s of [...this.slots].reverse()) {
      if (this.slots.length <= this.config.maxWorkers) break;
      if (s.state === 'idle' || s.state === 'starting') this.stopSlot(s);
    }
    this.pump();
    this.emit();
  }

  /** Queues one solve. */
  submit(model: ModelPayload, options: OptionValues, o: SubmitOptions = {}): PoolJob {
    const id = `job-${++jobCounter}`;
    let resolve!: Job['resolve'];
    let reject!: Job['reject'];
    const result = new Promise<PoolResult>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    const job: Job = {
      id,
      model,
      options,
      o,
      priority: o.priority ?? 'interactive',
      cost: o.cost,
      fingerprint: o.fingerprint ?? `${model.name}:${model.bytes.byteLength}`,
      attempts: 0,
      trial: false,
      settled: false,
      flag: undefined,
      cancelMode: null,
      slot: null,
      timers: [],
      resolve,
      reject,
    };
    this.jobs.set(id, job);
    const open = this.openCircuit(job);
    if (open) this.settle(job, open);
    else if (this.failedHard)
      this.settle(job, solverError('WorkerCrashed', this.lastError ?? 'the solver failed to start'));
    else {
      this.queue.push(job);
      this.pump();
      this.emit();
    }
    return { id, result, cancel: () => this.cancel(id) };
  }

  /** Cancels one job; returns how (null if it had already settled). */
  cancel(jobId: string): CancelMode | null {
    const job = this.jobs.get(jobId);
    if (!job || job.settled) return null;
    if (job.cancelMode) return job.cancelMode;
    if (!job.slot) {
      // Still queued (or waiting for a retry): it never reaches a worker.
      this.queue.remove(job);
      job.cancelMode = 'terminated';
      this.settle(job, solverError('Cancelled', 'cancelled before it started'));
      return 'terminated';
    }
    const slot = job.slot;
    const flag = job.flag;
    if (flag) {
      job.cancelMode = 'graceful';
      Atomics.store(flag, 0, CANCEL_REQUESTED);
      job.timers.push(
        setTimeout(() => {
          if (job.settled) return;
          if (Atomics.load(flag, 0) === CANCEL_ACKNOWLEDGED) {
            job.timers.push(setTimeout(() => this.terminateJob(job, slot), this.config.cancelWindDownMs));
          } else this.terminateJob(job, slot);
        }, this.config.cancelAckMs),
      );
      return 'graceful';
    }
    this.terminateJob(job, slot);
    return 'terminated';
  }

  /** Cancels every queued and running job of a batch; finished results stay as they are. */
  cancelBatch(batchId: string): number {
    let n = 0;
    for (const job of [...this.jobs.values()]) {
      if (job.o.batchId === batchId && !job.settled && this.cancel(job.id)) n++;
    }
    return n;
  }

  /** Stops every worker and rejects every unsettled job. */
  dispose(): void {
    this.disposed = true;
    for (const job of [...this.jobs.values()]) this.settle(job, solverError('Cancelled', 'solver pool disposed'));
    for (const s of [...this.slots]) this.stopSlot(s);
    clearTimeout(this.emitTimer);
  }

  /** The current state, for views and health checks. */
  snapshot(): PoolSnapshot {
    const now = performance.now();
    while (this.finishedAt.length && this.finishedAt[0] < now - 10_000) this.finishedAt.shift();
    const busy = this.slots.filter((s) => s.state === 'busy').length;
    const queueDepth = this.queue.depth;
    const state: PoolSnapshot['state'] = this.failedHard
      ? 'failed'
      : !this.runtime
        ? 'starting'
        : this.slots.some((s) => s.state === 'recovering')
          ? 'recovering'
          : busy > 0 || queueDepth > 0
            ? 'busy'
            : 'ready';
    return {
      state,
      crossOriginIsolated: this.isolated,
      runtime: this.runtime,
      readyAtMs: this.readyAtMs,
      slots: this.slots.map((s) => ({
        slot: s.index,
        workerId: s.handle?.id ?? 0,
        state: s.state,
        jobId: s.job?.id ?? null,
        jobsDone: s.jobsDone,
        failures: s.failures,
        restarts: s.restarts,
        wasmMemoryBytes: s.memory,
        heartbeat: s.heartbeat,
        lastProgressAt: s.lastProgressAt,
        jobStartedAt: s.job ? s.jobStartedAt : null,
      })),
      minWorkers: this.config.minWorkers,
      maxWorkers: this.config.maxWorkers,
      queueDepth,
      running: busy,
      utilization: this.slots.length ? busy / this.slots.length : 0,
      throughput: this.finishedAt.length / 10,
      ...this.counts,
      openCircuits: this.breaker.open(Date.now()),
      lastError: this.lastError,
    };
  }

  // ---- scheduling --------------------------------------------------------------------------

  private pump(): void {
    if (this.disposed) return;
    for (;;) {
      const slot = this.slots.find((s) => s.state === 'idle');
      const job = slot && this.queue.shift();
      if (!slot || !job) break;
      const open = this.openCircuit(job);
      if (open) {
        this.settle(job, open);
        continue;
      }
      void this.run(slot, job);
    }
    this.scaleUp();
  }

  /** Starts workers for waiting jobs that no idle or starting worker will take, up to the ceiling. */
  private scaleUp(): void {
    const waiting = this.queue.depth;
    const coming = this.slots.filter(
      (s) => s.state === 'starting' || s.state === 'recovering' || s.state === 'idle',
    ).length;
    let need = waiting - coming;
    while (need-- > 0 && this.slots.length < this.config.maxWorkers) this.addSlot();
  }

  private async run(slot: Slot, job: Job): Promise<void> {
    const handle = slot.handle!;
    slot.state = 'busy';
    slot.job = job;
    slot.heartbeat = 0;
    slot.jobStartedAt = performance.now();
    clearTimeout(slot.idleTimer);
    job.slot = slot;
    job.attempts++;
    job.flag = this.isolated ? new Int32Array(new SharedArrayBuffer(4)) : undefined;
    this.emit();
    // The watchdog: first the read allowance (validating and reading are not covered by time_limit),
    // then, from the worker's first 'solving' update, time limit + grace.
    const timeout = (ms: number, why: string) =>
      setTimeout(
        () =>
          handle.kill(
            solverError(
              'Timeout',
              `${job.model.name}: no answer within ${seconds(ms)} s (${why}); its worker was terminated`,
            ),
          ),
        ms,
      );
    let watchdog = timeout(
      readAllowanceMs(job.model.bytes, this.config),
      `read allowance for ${(job.model.bytes.byteLength / 2 ** 20).toFixed(1)} MiB of input`,
    );
    let solving = false;
    let done = false;
    const onProgress = (u: ProgressUpdate): void => {
      if (u.phase === 'solving' && !solving && !done) {
        solving = true;
        clearTimeout(watchdog);
        watchdog = timeout(
          solveDeadlineMs(job.options, this.config),
          'time limit + grace, from the start of the solve',
        );
      }
      slot.heartbeat = u.heartbeat;
      slot.lastProgressAt = performance.now();
      job.o.onProgress?.(u);
    };
    try {
      const r = await handle.solve(
        {
          jobId: job.id,
          model: job.model,
          options: job.options,
          cancelFlag: job.flag,
          includeSolution: job.o.includeSolution,
          checkSolution: job.o.checkSolution,
          simplexInterrupt: job.o.simplexInterrupt,
          captureLog: job.o.captureLog,
          profile: job.o.profile,
          dropRowGroup: job.o.dropRowGroup,
        },
        onProgress,
      );
      done = true;
      clearTimeout(watchdog);
      slot.jobsDone++;
      slot.workerJobs++;
      slot.memory = r.wasmMemoryBytes;
      this.breaker.recordSuccess(job.fingerprint);
      this.settle(job, null, {
        ...r,
        ...(job.cancelMode ? { cancelMode: job.cancelMode } : {}),
        attempts: job.attempts,
        workerId: handle.id,
      });
      if (r.wasmMemoryBytes > this.config.memoryBudgetBytes)
        this.recycle(slot, `WASM memory ${Math.round(r.wasmMemoryBytes / 2 ** 20)} MiB passed the budget`);
      else if (slot.workerJobs >= this.config.maxJobsPerWorker) this.recycle(slot, `${slot.workerJobs} jobs done`);
      else this.becomeIdle(slot);
    } catch (e) {
      done = true;
      clearTimeout(watchdog);
      const err = e instanceof Error ? e : solverError('WorkerCrashed', String(e));
      if (job.cancelMode && err.name === 'WorkerCrashed') err.name = 'Cancelled';
      this.onJobError(slot, job, err);
    }
  }

  private onJobError(slot: Slot, job: Job, err: Error): void {
    if (isFatalToWorker(err.name) || !slot.handle?.alive) {
      if (err.name !== 'Cancelled') slot.failures++;
      this.replace(slot, err);
    } else this.becomeIdle(slot);
    if (countsAgainstCircuit(err.name)) this.breaker.recordCrash(job.fingerprint, job.model.name, Date.now());
    const retry = shouldRetry({
      name: err.name,
      attempts: job.attempts,
      maxRetries: this.config.maxRetries,
      cancelled: job.cancelMode !== null,
      circuitOpen: this.breaker.isOpen(job.fingerprint, Date.now()),
    });
    if (retry) {
      this.counts.retried++;
      job.slot = null;
      job.timers.push(
        setTimeout(
          () => {
            if (job.settled) return;
            this.queue.unshift(job);
            this.pump();
          },
          retryDelayMs(job.attempts, this.config),
        ),
      );
      this.emit();
      return;
    }
    this.settle(job, err);
  }

  private terminateJob(job: Job, slot: Slot): void {
    if (job.settled || slot.job !== job) return;
    job.cancelMode = 'terminated';
    slot.handle?.kill(solverError('Cancelled', `${job.model.name}: cancelled; its worker was terminated`));
  }

  private settle(job: Job, err: Error | null, result?: PoolResult): void {
    if (job.settled) return;
    job.settled = true;
    for (const t of job.timers) clearTimeout(t);
    if (job.trial) this.breaker.trialEnded(job.fingerprint);
    this.jobs.delete(job.id);
    if (job.slot?.job === job) job.slot.job = null;
    this.finishedAt.push(performance.now());
    if (err) {
      this.counts.failed++;
      this.lastError = `${err.name}: ${err.message}`;
      job.reject(err);
    } else {
      this.counts.completed++;
      job.resolve(result!);
    }
    this.emit();
  }

  // ---- circuit breaker ---------------------------------------------------------------------

  /** CircuitOpen error if the model's circuit is open (or its half-open trial is running). */
  private openCircuit(job: Job): Error | null {
    if (job.trial) return null;
    const now = Date.now();
    const a = this.breaker.admit(job.fingerprint, now);
    if (a.verdict === 'trial') job.trial = true;
    if (a.verdict !== 'open') return null;
    return solverError(
      'CircuitOpen',
      `${job.model.name}: this model crashed its solver worker ${a.crashes} times, so it is not run again until ${new Date(a.until).toLocaleTimeString()}; then one trial run decides (circuit breaker)`,
    );
  }

  // ---- worker lifecycle --------------------------------------------------------------------

  private addSlot(): Slot {
    const slot: Slot = {
      index: this.nextSlot++,
      handle: null,
      state: 'starting',
      job: null,
      jobsDone: 0,
      workerJobs: 0,
      failures: 0,
      restarts: 0,
      memory: 0,
      heartbeat: 0,
      lastProgressAt: null,
      jobStartedAt: null,
      idleTimer: undefined,
      startFailures: 0,
    };
    this.slots.push(slot);
    void this.start(slot);
    this.emit();
    return slot;
  }

  /** Starts (or restarts) the slot's worker: shared compiled module, then warm-up. */
  private async start(slot: Slot): Promise<void> {
    let handle: WorkerHandle | undefined;
    try {
      const mod = await this.module;
      if (!this.slots.includes(slot) || this.disposed) return;
      handle = new WorkerHandle(this.createWorker());
      slot.handle = handle;
      slot.workerJobs = 0;
      const info = await handle.init(mod, this.config.warmup);
      if (!this.options) this.options = await handle.describeOptions();
      if (!this.slots.includes(slot) || slot.handle !== handle) {
        handle.kill(solverError('Cancelled', 'slot stopped while starting'));
        return;
      }
      slot.memory = info.wasmMemoryBytes;
      slot.startFailures = 0;
      this.runtime ??= info;
      this.readyAtMs ??= performance.now();
      for (const w of this.readyWaiters.splice(0)) w.resolve();
      this.becomeIdle(slot);
    } catch (e) {
      handle?.kill(e instanceof Error ? e : new Error(String(e)));
      if (!this.slots.includes(slot) || this.disposed) return;
      slot.startFailures++;
      this.lastError = `worker failed to start: ${e instanceof Error ? e.message : String(e)}`;
      if (slot.startFailures >= 3) {
        this.fail(this.lastError);
        return;
      }
      slot.state = 'recovering';
      setTimeout(() => void this.start(slot), this.config.retryBaseMs * 2 ** slot.startFailures);
      this.emit();
    }
  }

  /** No worker can start: reject everything waiting. */
  private fail(message: string): void {
    this.failedHard = true;
    this.lastError = message;
    for (const w of this.readyWaiters.splice(0)) w.reject(solverError('WorkerCrashed', message));
    for (const job of this.queue.drain()) this.settle(job, solverError('WorkerCrashed', message));
    this.emit();
  }

  private becomeIdle(slot: Slot): void {
    slot.state = 'idle';
    slot.job = null;
    clearTimeout(slot.idleTimer);
    if (this.slots.length > this.config.maxWorkers) {
      this.stopSlot(slot);
      return;
    }
    slot.idleTimer = setTimeout(() => {
      if (slot.state === 'idle' && this.slots.length > this.config.minWorkers && this.queue.depth === 0)
        this.stopSlot(slot);
    }, this.config.idleCooldownMs);
    this.pump();
    this.emit();
  }

  /** Kills the slot's worker (the reason reaches any call pending on it) and starts a warm replacement. */
  private replace(slot: Slot, reason: Error): void {
    slot.handle?.kill(reason);
    slot.handle = null;
    slot.job = null;
    if (!this.slots.includes(slot)) return;
    slot.restarts++;
    this.counts.restarts++;
    this.lastError = `${reason.name}: ${reason.message}`;
    if (this.slots.length > this.config.maxWorkers) {
      this.stopSlot(slot);
      return;
    }
    slot.state = 'recovering';
    void this.start(slot);
    this.emit();
  }

  /** Replaces a healthy worker after its job (memory leak guard, wear). */
  private recycle(slot: Slot, why: string): void {
    this.replace(slot, solverError('Recycled', `worker recycled: ${why}`));
  }

  private stopSlot(slot: Slot): void {
    const i = this.slots.indexOf(slot);
    if (i >= 0) this.slots.splice(i, 1);
    clearTimeout(slot.idleTimer);
    slot.state = 'stopping';
    slot.handle?.kill(solverError('Cancelled', 'worker stopped (pool scaled down)'));
    slot.handle = null;
    this.emit();
  }

  // ---- snapshots ----------------------------------------------------------------------------

  private emit(): void {
    if (this.listeners.size === 0 || this.emitTimer !== undefined) return;
    const wait = Math.max(0, 100 - (performance.now() - this.lastEmit));
    this.emitTimer = setTimeout(() => {
      this.emitTimer = undefined;
      this.lastEmit = performance.now();
      const s = this.snapshot();
      for (const fn of this.listeners) fn(s);
    }, wait);
  }
}
