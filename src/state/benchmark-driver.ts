// One benchmark run end to end, as a plain module (no runes) that the views' runner (benchmark-runner.svelte.ts)
// wraps and a command line drives too: it resolves the templates to models, plans the jobs (option sets
// interleaved), stores the benchmark before the first job, warms the workers up on each model, runs the jobs
// through the pool as batch jobs (a bounded window in flight), and streams the runs to the store in batches
// (benchmark-session's writer). A failed run is a run (it never stops the benchmark); cancel keeps what
// finished; a benchmark whose owner went away mid-run is found again ('interrupted') and resumed with only its
// missing jobs, after checking that every model still has the bytes it ran with. A start or a resume may take a
// shard of the plan (core/benchmark-plan: `--shard 2/4`), so several processes share one benchmark.
// Listeners hear its status (counts, warm-up, time left, state, error) at every change and the runs a batch at a
// time as they are stored; it keeps the runs itself only when asked (`keepRuns`), so a 10,000-run benchmark
// from a command line holds one batch at most.
import { optionSetRunsOn, type BenchmarkDefinition, type BenchmarkPurpose, type BenchmarkRun } from '../core/benchmark';
import { planBenchmark, shardIssue, shardJobs, type PlannedJob, type Shard } from '../core/benchmark-plan';
import { benchmarkRunOf, failedBenchmarkRun } from '../core/benchmark-run';
import type { OptionValues } from '../core/options-schema';
import type { ModelSize } from '../core/run-record';
import type { PoolJob } from '../solver/pool-types';
import type { StoredBenchmark } from '../storage/benchmark-types';
import { EtaBook, workerMs } from './benchmark-eta';
import { resolveModels, reresolveModels, type ModelSources, type ResolvedModel } from './benchmark-models';
import { claimBenchmark, ownedBenchmarks } from './benchmark-ownership';
import {
  BenchmarkWriter,
  checkDefinition,
  environment,
  invalidBenchmark as invalid,
  sessionStart,
  SessionBook,
  type IndexedJob,
  type SessionStart,
} from './benchmark-session';
import type { BenchmarkStore, ModelSource, SolveObserver, Solver } from './ports';
import { shownError, type ShownError } from './shown-error';
import { isWriteFailure, writeFailureError } from './benchmark-write-failure';

/** Where a benchmark run is: idle, then resolving → warming → running → finished (or cancelling → cancelled, or failed). */
export type BenchmarkRunnerState =
  'idle' | 'resolving' | 'warming' | 'running' | 'cancelling' | 'finished' | 'cancelled' | 'failed';

/** What the warm-up is doing: the model and option set warming, and the warm-up solves done of all. */
export interface WarmupProgress {
  model: string;
  optionSet: string;
  done: number;
  total: number;
}

/** Which jobs of the plan a session runs (absent: all of them). */
export interface SessionOptions {
  /** Only this shard's jobs (core/benchmark-plan's shardJobs): `total` and `done` count them alone. */
  shard?: Shard;
}

/** How a benchmark is started: what it is run for (absent: an ordinary benchmark), and which of its jobs. */
export interface StartOptions extends SessionOptions {
  purpose?: BenchmarkPurpose;
}

/** Runs are written when this many have finished... */
export const RUN_BATCH_SIZE = 25;
/** ...or when the oldest unwritten run has waited this long, ms. */
export const RUN_FLUSH_MS = 500;

/** What the runner needs: the pool, the benchmark stores and the model library. */
export interface BenchmarkRunnerDeps {
  /** The pool; `resize` applies the definition's worker count, `cancelBatch` cancels at once (else job by job). */
  solver: Pick<Solver, 'submit' | 'snapshot' | 'resize' | 'cancelBatch'>;
  store: BenchmarkStore;
  library: ModelSource;
  /** Runs per write (default RUN_BATCH_SIZE). */
  batchSize?: number;
  /** Longest wait of a finished run before it is written, ms (default RUN_FLUSH_MS). */
  flushMs?: number;
  /** New benchmark ids (default crypto.randomUUID). */
  newId?: () => string;
  /** Hears each finished run (the metrics recorder). */
  observer?: SolveObserver;
  /** Keep the session's runs (`runs`) besides handing them to listeners (default: not, memory stays flat). */
  keepRuns?: boolean;
}

/** Everything a benchmark run shows besides its runs; a new object at every change. */
export interface BenchmarkStatus {
  state: BenchmarkRunnerState;
  /** The benchmark being (or last) run, as last written to the store; null before it is stored. */
  benchmark: StoredBenchmark | null;
  /** Finished runs of the session's jobs (stored ones included when resumed), counted as they finish. */
  done: number;
  /** Every job of the session: the plan's, or its shard's. */
  total: number;
  /** Finished runs that failed (error set: timeout, crash, bad model, HiGHS error). */
  failures: number;
  /** Runs stored (earlier sessions' included): what a stop keeps. */
  storedRuns: number;
  /**
   * Time left when last estimated (at `etaAt`), ms: the warm-up and timed jobs left, each costing its model's
   * size × the time per size seen in this session (core/eta), over the workers; null until a job finished.
   */
  etaMs: number | null;
  /** When etaMs was estimated (performance.now()), so a display can count down between estimates. */
  etaAt: number;
  /** The warm-up under way (model, option set, solves done of all), or null outside it. */
  warmup: WarmupProgress | null;
  /** Why the last benchmark failed (resolve, storage), or null. */
  error: ShownError | null;
  /** Stored benchmarks that can be resumed, as the last loadInterrupted found them. */
  interrupted: StoredBenchmark[];
}

/**
 * What listeners hear: the status at every change, and runs — `reset`: the session's list starts again with
 * these (none at a start or resume, then a resumed benchmark's stored runs), else a batch just stored, in plan order.
 */
export type BenchmarkEvent =
  { kind: 'status'; status: BenchmarkStatus } | { kind: 'runs'; runs: readonly BenchmarkRun[]; reset: boolean };

const ACTIVE: readonly BenchmarkRunnerState[] = ['resolving', 'warming', 'running', 'cancelling'];

/** Whether a benchmark in this state is being resolved, warmed up, run or cancelled. */
export const isActive = (state: BenchmarkRunnerState): boolean => ACTIVE.includes(state);

const IDLE: BenchmarkStatus = {
  state: 'idle',
  benchmark: null,
  done: 0,
  total: 0,
  failures: 0,
  storedRuns: 0,
  etaMs: null,
  etaAt: 0,
  warmup: null,
  error: null,
  interrupted: [],
};

/** Runs one benchmark at a time (start, resume, cancel), telling its listeners as it goes. */
export class BenchmarkDriver {
  private current: BenchmarkStatus = IDLE;
  private readonly listeners = new Set<(e: BenchmarkEvent) => void>();
  private kept: BenchmarkRun[] = [];
  private readonly batchSize: number;
  private readonly flushMs: number;
  // One session (start or resume) at a time; reset by begin().
  private writer: BenchmarkWriter | null = null;
  private book = new SessionBook();
  private batchId = '';
  private cancelRequested = false;
  private release: () => void = () => {};
  /** The session's time-left bookkeeping. */
  private eta = new EtaBook();

  constructor(private readonly deps: BenchmarkRunnerDeps) {
    this.batchSize = Math.max(1, deps.batchSize ?? RUN_BATCH_SIZE);
    this.flushMs = Math.max(0, deps.flushMs ?? RUN_FLUSH_MS);
  }

  /** The status now (the last one listeners heard). */
  get status(): BenchmarkStatus {
    return this.current;
  }

  /** The session's runs as stored, when kept (`keepRuns`); else always empty. */
  get runs(): readonly BenchmarkRun[] {
    return this.kept;
  }

  /** A benchmark is being resolved, warmed up, run or cancelled. */
  get busy(): boolean {
    return isActive(this.current.state);
  }

  /** Hears every status change and every batch of runs stored; returns the unsubscribe. */
  subscribe(fn: (e: BenchmarkEvent) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  /**
   * Runs a new benchmark to its end (finished, cancelled or failed: see `status`); resolves to its id, or
   * null when it ended before it was stored. Rejects only when busy. The definition must be plain data.
   */
  async start(definition: BenchmarkDefinition, opts: StartOptions = {}): Promise<string | null> {
    this.assertIdle();
    this.begin();
    try {
      const def = structuredClone(definition);
      checkDefinition(def);
      checkShard(opts);
      const models = await resolveModels(def.templates, this.sources());
      if (models.length === 0) throw invalid('the benchmark has no models');
      if (this.cancelRequested) {
        this.end('cancelled');
        return null;
      }
      const snap = this.deps.solver.snapshot();
      const b: StoredBenchmark = {
        id: this.deps.newId?.() ?? crypto.randomUUID(),
        name: def.name,
        createdAt: Date.now(),
        state: 'running',
        config: def.config,
        referenceOptionSetId: def.referenceOptionSetId,
        models: models.map((m) => m.model),
        optionSets: def.optionSets,
        environment: environment(),
        solver: { name: 'highs', version: snap.runtime?.highsVersion ?? '' },
        definition: def,
        ...(opts.purpose ? { purpose: opts.purpose } : {}),
      };
      const plan = planBenchmark(def.config, b.models, def.optionSets);
      this.release = claimBenchmark(b.id); // before it is stored as running: see loadInterrupted
      await this.execute(b, models, this.prepare(plan, [], opts));
      return b.id;
    } catch (e) {
      await this.fail(e);
      return this.writer?.benchmark.id ?? null;
    }
  }

  /**
   * Resumes a stored benchmark (interrupted, cancelled, or 'running' with no live runner): runs only its
   * missing jobs (of the shard given), after re-resolving its models and checking each one's SHA-256. Ends like start.
   */
  async resume(id: string, opts: SessionOptions = {}): Promise<void> {
    this.assertIdle();
    this.begin();
    try {
      checkShard(opts);
      const b = await this.deps.store.getBenchmark(id);
      if (!b) throw invalid(`no stored benchmark has the id ${id}`);
      if (!b.definition) throw invalid(`${b.name}: stored without its definition, so it cannot be resumed`);
      if ((await ownedBenchmarks()).has(id)) throw invalid(`${b.name} is being run now`);
      this.release = claimBenchmark(id);
      this.set({ interrupted: this.current.interrupted.filter((x) => x.id !== id) });
      if (b.state !== 'running' && b.state !== 'interrupted' && b.state !== 'cancelled')
        throw invalid(`${b.name} is ${b.state}: only an interrupted or cancelled benchmark can be resumed`);
      const version = this.deps.solver.snapshot().runtime?.highsVersion;
      if (version && b.solver.version && version !== b.solver.version)
        throw invalid(
          `${b.name} ran with HiGHS ${b.solver.version}, this solver is ${version}: its runs cannot be mixed`,
        );
      const models = await reresolveModels(b.models, b.definition.templates, this.sources());
      const plan = planBenchmark(b.config, b.models, b.optionSets);
      // The stored runs are read for what they say (which jobs finished); only a caller that keeps runs keeps them.
      const start = this.prepare(plan, await this.deps.store.listRuns(id), opts);
      if (this.cancelRequested) {
        this.end('cancelled');
        return;
      }
      await this.execute({ ...b, state: 'running' }, models, start);
    } catch (e) {
      await this.fail(e);
    }
  }

  /** Cancels the benchmark: queued and running jobs stop, finished runs are kept, it is stored as cancelled. */
  cancel(): void {
    if (!this.busy || this.cancelRequested) return;
    this.cancelRequested = true;
    this.set({ state: 'cancelling' });
    this.cancelInFlight();
  }

  /**
   * Finds the stored benchmarks that can be resumed: those still marked 'running' that no live runner owns
   * (their page was reloaded or closed mid-run, their process stopped) are marked 'interrupted' now; those
   * marked 'interrupted' earlier are listed too. Sets `interrupted`.
   */
  async loadInterrupted(): Promise<StoredBenchmark[]> {
    const { store } = this.deps;
    const all = await store.listBenchmarks();
    // Asked after listing: a runner claims its benchmark before storing it as 'running', and
    // stores its final state before letting go, which the re-read below then sees.
    const owned = await ownedBenchmarks();
    const found: StoredBenchmark[] = [];
    for (const b of all) {
      if (b.state === 'interrupted') found.push(b);
      else if (b.state === 'running' && !owned.has(b.id)) {
        const now = await store.getBenchmark(b.id);
        if (now?.state !== 'running') continue;
        const marked: StoredBenchmark = { ...now, state: 'interrupted' };
        await store.putBenchmark(marked);
        found.push(marked);
      }
    }
    this.set({ interrupted: found });
    return found;
  }

  // ---- one session -------------------------------------------------------------------------

  /** Where the session starts (the jobs of its selection still to run); tells the runs it begins with. */
  private prepare(plan: PlannedJob[], previous: readonly BenchmarkRun[], opts: SessionOptions): SessionStart {
    const start = sessionStart(plan, previous, opts.shard ? shardJobs(plan, opts.shard) : undefined);
    if (this.deps.keepRuns) this.kept = [...previous];
    this.emit({ kind: 'runs', runs: previous, reset: true });
    return start;
  }

  /** Stores the benchmark (claimed by the caller) as running, warms up, runs the session's jobs, ends it. */
  private async execute(
    b: StoredBenchmark,
    models: ResolvedModel[],
    { jobs, total, done, failures, measured }: SessionStart,
  ): Promise<void> {
    const writer = new BenchmarkWriter(
      this.deps.store,
      b,
      done,
      {
        batchSize: this.batchSize,
        flushMs: this.flushMs,
        solverVersion: () => this.deps.solver.snapshot().runtime?.highsVersion,
      },
      {
        benchmark: (stored) => this.set({ benchmark: stored }),
        runs: (runs) => this.onStored(runs),
        failed: () => this.cancelInFlight(),
      },
    );
    this.writer = writer;
    this.batchId = `benchmark-${b.id}`;
    this.book = new SessionBook(models);
    // Models that reported their dimensions in an earlier session keep them.
    for (const id of measured) this.book.filled.add(id);
    this.set({ total, done, failures, storedRuns: done });
    await writer.save(b);

    const workers = Math.max(1, Math.floor(b.definition?.workers ?? 1));
    this.eta = new EtaBook(this.book.models, jobs, workers);
    const restorePool = this.useWorkers(workers);
    try {
      if (b.config.warmup && jobs.length && !this.stopping) {
        this.set({ state: 'warming' });
        await this.warmUp(this.book.modelsOf(jobs, models), workers);
        this.set({ warmup: null });
      }
      if (!this.stopping) {
        this.set({ state: 'running' });
        await this.runJobs(jobs, 2 * workers);
      }
      await writer.flush();
    } finally {
      restorePool();
    }
    if (writer.error) throw writer.error;
    const end = this.cancelRequested && this.current.done < this.current.total ? 'cancelled' : 'finished';
    await writer.save({ ...writer.benchmark, state: end });
    this.end(end);
  }

  /**
   * The benchmark's warm-up: before the timed runs, each model is solved untimed once per worker
   * with each option set (the sets take different code paths in HiGHS, and each should be as warm as
   * the reference; bench -- benchmark's rerun ratio: 0.89–0.95 this way, 0.92–0.93 warming the
   * reference only), and the results are discarded. The copies of one model are submitted together; the pool hands
   * simultaneous jobs to idle workers, so with N idle workers the N copies land one per worker —
   * likely, not guaranteed (a worker still starting, or an interactive solve, changes who takes what).
   */
  private async warmUp(models: ResolvedModel[], workers: number): Promise<void> {
    const b = this.writer!.benchmark;
    // Each model with the option sets that run on it (a set scoped to templates warms only on their models).
    const steps = models.flatMap((m) =>
      b.optionSets.filter((set) => optionSetRunsOn(set, m.model.template)).map((set) => ({ m, set })),
    );
    const progress = { done: 0, total: steps.length * workers };
    this.eta.planWarmup(
      steps.map(({ m, set }) => ({ m, setId: set.id })),
      workers,
    );
    for (const { m, set } of steps) {
      if (this.stopping) return;
      this.set({ warmup: { model: m.model.name, optionSet: set.name, ...progress } });
      const options = this.optionsOf(set.options, b.config.seeds[0]);
      const jobs = Array.from({ length: workers }, () => this.submit(m, options));
      await Promise.all(
        jobs.map(async (j) => {
          const startedAt = performance.now();
          let ms: number;
          try {
            const r = await j.result;
            this.fill(m, r.size);
            ms = workerMs(r.times);
          } catch {
            ms = performance.now() - startedAt;
          } finally {
            this.book.inFlight.delete(j);
          }
          this.eta.warmDone(m, set.id, ms);
          progress.done++;
          this.set({ warmup: { model: m.model.name, optionSet: set.name, ...progress }, ...this.estimate(true) });
        }),
      );
    }
  }

  /**
   * The timed jobs in plan order through `window` lanes: each lane submits the next job when its
   * last one settles, so at most `window` jobs are in the pool (cancel is quick, memory small) and
   * jobs are submitted in plan order (without a cost the pool runs batch jobs in that order).
   */
  private async runJobs(jobs: IndexedJob[], window: number): Promise<void> {
    let next = 0;
    const lane = async () => {
      while (!this.stopping && next < jobs.length) await this.runOne(jobs[next++]);
    };
    await Promise.all(Array.from({ length: Math.min(window, jobs.length) }, lane));
  }

  /** One timed job: its run (a result, or a failure) is recorded; a cancelled job is not a run. */
  private async runOne({ job, index }: IndexedJob): Promise<void> {
    const b = this.writer!.benchmark;
    const m = this.book.models.get(job.modelId)!;
    const set = b.optionSets.find((o) => o.id === job.optionSetId)!;
    let startedAt = performance.now();
    let started = false;
    const pj = this.submit(m, this.optionsOf(set.options, job.seed), () => {
      // The first progress update: the job is on a worker (a failure's time excludes its queueing).
      if (!started) [started, startedAt] = [true, performance.now()];
    });
    try {
      const r = await pj.result;
      if (r.cancelMode) return this.cancelledUnasked();
      this.fill(m, r.size);
      const run = benchmarkRunOf(job, { knownObjective: m.model.knownObjective, expectedStatus: m.expectedStatus }, r);
      this.eta.jobDone(index, m, set.id, workerMs(r.times));
      this.record(index, run);
      this.deps.observer?.benchmarkRun(run, m.model, r.wasmMemoryBytes);
    } catch (e) {
      const err = shownError(e);
      if (err.name === 'Cancelled') return this.cancelledUnasked();
      const run = failedBenchmarkRun(job, err, performance.now() - startedAt);
      this.eta.jobDone(index, m, set.id, run.timeMs);
      this.record(index, run);
      this.deps.observer?.benchmarkRun(run, m.model, 0);
    } finally {
      this.book.inFlight.delete(pj);
    }
  }

  /** A job ended by a cancel: ours, or someone else's (the batch cancelled, the pool disposed), which cancels the benchmark. */
  private cancelledUnasked(): void {
    if (!this.stopping) this.cancel();
  }

  private submit(m: ResolvedModel, options: OptionValues, onStart?: () => void): PoolJob {
    const job = this.deps.solver.submit(m.payload, options, {
      priority: 'batch',
      batchId: this.batchId,
      captureLog: false,
      checkSolution: true,
      fingerprint: m.model.id,
      onProgress: onStart,
      // No cost: batch jobs without one run in submission order, which keeps the plan's interleaving.
    });
    this.book.inFlight.add(job);
    if (this.cancelRequested) job.cancel(); // cancelled while it was being submitted
    return job;
  }

  private optionsOf(options: OptionValues, seed: number): OptionValues {
    return { ...options, random_seed: seed, time_limit: this.writer!.benchmark.config.timeLimitMs / 1000 };
  }

  /** Fills a model's dimensions from the first result that reports them. */
  private fill(m: ResolvedModel, size: ModelSize): void {
    if (this.book.filled.has(m.model.id)) return;
    this.book.filled.add(m.model.id);
    const dims = { rows: size.rows, cols: size.cols, nnz: size.nnz, integers: size.integers };
    m.model = { ...m.model, ...dims };
    this.writer!.update((b) => ({ ...b, models: b.models.map((x) => (x.id === m.model.id ? { ...x, ...dims } : x)) }));
  }

  /** Counts a finished run and queues it for the next batch write. */
  private record(index: number, run: BenchmarkRun): void {
    const { done, failures } = this.current;
    this.set({ done: done + 1, failures: failures + (run.error !== null ? 1 : 0), ...this.estimate() });
    this.writer!.add(index, run);
  }

  /** A batch of runs just stored: counted, kept when asked, told. */
  private onStored(runs: readonly BenchmarkRun[]): void {
    if (this.deps.keepRuns) this.kept.push(...runs);
    this.set({ storedRuns: this.writer!.storedRuns });
    this.emit({ kind: 'runs', runs, reset: false });
  }

  // ---- life cycle --------------------------------------------------------------------------

  private get stopping(): boolean {
    return this.cancelRequested || (this.writer !== null && this.writer.error !== null);
  }

  private cancelInFlight(): void {
    if (this.batchId) this.deps.solver.cancelBatch(this.batchId);
  }

  /** Applies the definition's worker count as the pool's ceiling; returns what puts the user's size back. */
  private useWorkers(n: number): () => void {
    const { solver } = this.deps;
    const before = solver.snapshot();
    if (before.maxWorkers === n) return () => {};
    solver.resize(Math.min(before.minWorkers, n), n);
    return () => {
      // Unless the user resized the pool meanwhile.
      if (solver.snapshot().maxWorkers === n) solver.resize(before.minWorkers, before.maxWorkers);
    };
  }

  private assertIdle(): void {
    if (this.busy) throw new Error('a benchmark is already running');
  }

  private begin(): void {
    this.writer?.stop();
    this.writer = null;
    this.book = new SessionBook();
    this.batchId = '';
    this.cancelRequested = false;
    this.eta = new EtaBook();
    this.kept = [];
    this.set({
      ...IDLE,
      state: 'resolving',
      etaAt: performance.now(),
      interrupted: this.current.interrupted,
    });
    this.emit({ kind: 'runs', runs: [], reset: true });
  }

  private end(state: 'finished' | 'cancelled' | 'failed'): void {
    this.writer?.stop();
    this.book.inFlight.clear();
    this.release();
    this.release = () => {};
    this.set({ etaMs: state === 'finished' ? 0 : null, etaAt: performance.now(), warmup: null, state });
  }

  /** Ends in 'failed'; a benchmark already stored as running is marked interrupted, so it can be resumed. */
  private async fail(e: unknown): Promise<void> {
    this.set({ error: shownError(e) });
    this.cancelInFlight();
    const w = this.writer;
    if (w) {
      let storedState = w.benchmark.state;
      try {
        await w.save({ ...w.benchmark, state: 'interrupted' });
        storedState = 'interrupted';
      } catch {
        // The store is failing; the next loadInterrupted marks it.
      }
      // A failed write says exactly what is stored: the writer counted what it wrote.
      if (isWriteFailure(e) || e === w.error)
        this.set({
          error: writeFailureError(e, {
            name: w.benchmark.name,
            benchmarkStored: w.benchmarkStored,
            storedState,
            storedRuns: w.storedRuns,
            unstoredRuns: this.current.done - w.storedRuns,
            total: this.current.total,
          }),
        });
    }
    this.end('failed');
  }

  /** The time left estimated again (core/eta through the session's book), as status fields; none when the last estimate is recent, unless `force`. */
  private estimate(force = false): Partial<BenchmarkStatus> {
    const now = performance.now();
    const ms = this.eta.estimate(now, force);
    return ms === undefined ? {} : { etaMs: ms, etaAt: now };
  }

  private sources(): ModelSources {
    return { library: this.deps.library, store: this.deps.store };
  }

  /** Changes the status and tells the listeners. */
  private set(patch: Partial<BenchmarkStatus>): void {
    this.current = { ...this.current, ...patch };
    this.emit({ kind: 'status', status: this.current });
  }

  /** Tells every listener; one that throws is reported apart and does not stop the benchmark. */
  private emit(e: BenchmarkEvent): void {
    for (const fn of this.listeners) {
      try {
        fn(e);
      } catch (err) {
        queueMicrotask(() => {
          throw err;
        });
      }
    }
  }
}

/** Throws InvalidBenchmark for a shard that cannot split a plan. */
function checkShard(opts: SessionOptions): void {
  const issue = opts.shard && shardIssue(opts.shard);
  if (issue) throw invalid(issue);
}
