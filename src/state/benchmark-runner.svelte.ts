// Runs one benchmark at a time: resolves its templates to models, plans the jobs (option sets
// interleaved), stores the benchmark before the first job, warms the workers up on each model,
// runs the jobs through the pool as batch jobs (a bounded window in flight), and streams the runs
// to the store in batches. A failed run is a run (it never stops the benchmark); cancel keeps what
// finished; a benchmark whose page went away mid-run is found again ('interrupted') and resumed
// with only its missing jobs, after checking that every model still has the bytes it ran with.
// While it runs it says what it does: which model and option set warm up (k of n warm-up solves), and
// the time left, estimated from the sizes of the jobs left and the time per size seen (core/eta).
import { optionSetRunsOn, type BenchmarkDefinition, type BenchmarkPurpose, type BenchmarkRun } from '../core/benchmark';
import { planBenchmark, type PlannedJob } from '../core/benchmark-plan';
import { benchmarkRunOf, failedBenchmarkRun } from '../core/benchmark-run';
import type { OptionValues } from '../core/options-schema';
import type { ModelSize } from '../core/run-record';
import type { PoolJob } from '../solver/pool-types';
import type { StoredBenchmark } from '../storage/benchmark-types';
import { EtaBook, workerMs } from './benchmark-eta';
import { resolveModels, reresolveModels, type ModelSources, type ResolvedModel } from './benchmark-models';
import { claimBenchmark, ownedBenchmarks } from './benchmark-ownership';
import {
  checkDefinition,
  environment,
  invalidBenchmark as invalid,
  jobsToRun,
  SessionBook,
  type IndexedJob,
} from './benchmark-session';
import type { BenchmarkStore, ModelSource, SolveObserver, Solver } from './ports';
import { shownError, type ShownError } from './shown-error';
import { isWriteFailure, writeFailureError } from './benchmark-write-failure';

/** Where the runner is: idle, then resolving → warming → running → finished (or cancelling → cancelled, or failed). */
export type BenchmarkRunnerState =
  'idle' | 'resolving' | 'warming' | 'running' | 'cancelling' | 'finished' | 'cancelled' | 'failed';

/** What the warm-up is doing: the model and option set warming, and the warm-up solves done of all. */
export interface WarmupProgress {
  model: string;
  optionSet: string;
  done: number;
  total: number;
}

/** How a benchmark is started: what it is run for (absent: an ordinary benchmark). */
export interface StartOptions {
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
}

const ACTIVE: readonly BenchmarkRunnerState[] = ['resolving', 'warming', 'running', 'cancelling'];

/** Rune state of a benchmark run: progress, the runs so far, cancel, resume. */
export class BenchmarkRunner {
  state = $state<BenchmarkRunnerState>('idle');
  /** The benchmark being (or last) run, as last written to the store; null before it is stored. */
  benchmark = $state.raw<StoredBenchmark | null>(null);
  /** Finished runs (stored ones included when resumed), counted as they finish. */
  done = $state(0);
  /** Every planned run. */
  total = $state(0);
  /** Finished runs that failed (error set: timeout, crash, bad model, HiGHS error). */
  failures = $state(0);
  /**
   * Time left when last estimated (at `etaAt`), ms: the warm-up and timed jobs left, each costing its model's
   * size × the time per size seen in this session (core/eta), over the workers; null until a job finished.
   */
  etaMs = $state<number | null>(null);
  /** When etaMs was estimated (performance.now()), so a display can count down between estimates. */
  etaAt = $state(0);
  /** The warm-up under way (model, option set, solves done of all), or null outside it. */
  warmup = $state.raw<WarmupProgress | null>(null);
  /** The finished runs as stored, updated a batch at a time (each written batch appended). */
  runs = $state.raw<BenchmarkRun[]>([]);
  /** Why the last benchmark failed (resolve, storage), or null. */
  error = $state.raw<ShownError | null>(null);
  /** Stored benchmarks that can be resumed, as the last loadInterrupted found them. */
  interrupted = $state.raw<StoredBenchmark[]>([]);

  private readonly batchSize: number;
  private readonly flushMs: number;
  // One session (start or resume) at a time; reset by begin().
  private stored: StoredBenchmark | null = null;
  private storedDirty = false;
  private book = new SessionBook();
  private batchId = '';
  private cancelRequested = false;
  private pending: { index: number; run: BenchmarkRun }[] = [];
  private flushTimer: ReturnType<typeof setTimeout> | undefined;
  private writes: Promise<void> = Promise.resolve();
  private writeError: unknown = null;
  /** Whether this session's benchmark record is stored (so a failed write can say what is). */
  private benchmarkStored = false;
  private release: () => void = () => {};
  /** The session's time-left bookkeeping. */
  private eta = new EtaBook();

  constructor(private readonly deps: BenchmarkRunnerDeps) {
    this.batchSize = Math.max(1, deps.batchSize ?? RUN_BATCH_SIZE);
    this.flushMs = Math.max(0, deps.flushMs ?? RUN_FLUSH_MS);
  }

  /** A benchmark is being resolved, warmed up, run or cancelled. */
  get busy(): boolean {
    return ACTIVE.includes(this.state);
  }

  /**
   * Runs a new benchmark to its end (finished, cancelled or failed: see `state` and `error`);
   * resolves to its id, or null when it ended before it was stored. Rejects only when busy.
   */
  async start(definition: BenchmarkDefinition, opts: StartOptions = {}): Promise<string | null> {
    this.assertIdle();
    this.begin();
    try {
      // A plain copy (the form may hand over a $state proxy, which IndexedDB cannot clone).
      const def = $state.snapshot(definition) as BenchmarkDefinition;
      checkDefinition(def);
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
      await this.execute(b, models, plan, []);
      return b.id;
    } catch (e) {
      await this.fail(e);
      return this.stored?.id ?? null;
    }
  }

  /**
   * Resumes a stored benchmark (interrupted, cancelled, or 'running' with no live runner): runs only
   * its missing jobs, after re-resolving its models and checking each one's SHA-256. Ends like start.
   */
  async resume(id: string): Promise<void> {
    this.assertIdle();
    this.begin();
    try {
      const b = await this.deps.store.getBenchmark(id);
      if (!b) throw invalid(`no stored benchmark has the id ${id}`);
      if (!b.definition) throw invalid(`${b.name}: stored without its definition, so it cannot be resumed`);
      if ((await ownedBenchmarks()).has(id)) throw invalid(`${b.name} is being run now`);
      this.release = claimBenchmark(id);
      this.interrupted = this.interrupted.filter((x) => x.id !== id);
      if (b.state !== 'running' && b.state !== 'interrupted' && b.state !== 'cancelled')
        throw invalid(`${b.name} is ${b.state}: only an interrupted or cancelled benchmark can be resumed`);
      const version = this.deps.solver.snapshot().runtime?.highsVersion;
      if (version && b.solver.version && version !== b.solver.version)
        throw invalid(
          `${b.name} ran with HiGHS ${b.solver.version}, this solver is ${version}: its runs cannot be mixed`,
        );
      const models = await reresolveModels(b.models, b.definition.templates, this.sources());
      const stored = await this.deps.store.listRuns(id);
      if (this.cancelRequested) {
        this.end('cancelled');
        return;
      }
      const plan = planBenchmark(b.config, b.models, b.optionSets);
      await this.execute({ ...b, state: 'running' }, models, plan, stored);
    } catch (e) {
      await this.fail(e);
    }
  }

  /** Cancels the benchmark: queued and running jobs stop, finished runs are kept, it is stored as cancelled. */
  cancel(): void {
    if (!this.busy || this.cancelRequested) return;
    this.cancelRequested = true;
    this.state = 'cancelling';
    this.cancelInFlight();
  }

  /**
   * Finds the stored benchmarks that can be resumed: those still marked 'running' that no live
   * runner owns (their page was reloaded or closed mid-run) are marked 'interrupted' now; those
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
    this.interrupted = found;
    return found;
  }

  // ---- one session -------------------------------------------------------------------------

  /** Stores the benchmark (claimed by the caller) as running, warms up, runs the jobs not yet in `previous`, ends it. */
  private async execute(
    b: StoredBenchmark,
    models: ResolvedModel[],
    plan: PlannedJob[],
    previous: BenchmarkRun[],
  ): Promise<void> {
    const { store } = this.deps;
    this.stored = b;
    this.batchId = `benchmark-${b.id}`;
    this.book = new SessionBook(models);
    // Models that reported their dimensions in an earlier session keep them.
    for (const r of previous) if (r.status !== null) this.book.filled.add(r.modelId);
    const jobs = jobsToRun(plan, previous);
    this.total = plan.length;
    this.done = plan.length - jobs.length;
    this.failures = previous.filter((r) => r.error !== null).length;
    this.runs = previous;
    await store.putBenchmark(b);
    this.benchmarkStored = true;
    this.benchmark = b;

    const workers = Math.max(1, Math.floor(b.definition?.workers ?? 1));
    this.eta = new EtaBook(this.book.models, jobs, workers);
    const restorePool = this.useWorkers(workers);
    try {
      if (b.config.warmup && jobs.length && !this.stopping) {
        this.state = 'warming';
        await this.warmUp(this.book.modelsOf(jobs, models), workers);
        this.warmup = null;
      }
      if (!this.stopping) {
        this.state = 'running';
        await this.runJobs(jobs, 2 * workers);
      }
      await this.flush();
    } finally {
      restorePool();
    }
    if (this.writeError) throw this.writeError;
    const end = this.cancelRequested && this.done < this.total ? 'cancelled' : 'finished';
    const final: StoredBenchmark = { ...this.stored, state: end };
    await store.putBenchmark(final);
    this.stored = final;
    this.benchmark = final;
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
    const b = this.stored!;
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
      this.warmup = { model: m.model.name, optionSet: set.name, ...progress };
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
          this.warmup = { model: m.model.name, optionSet: set.name, ...progress };
          this.updateEta(true);
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
    const b = this.stored!;
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
    return { ...options, random_seed: seed, time_limit: this.stored!.config.timeLimitMs / 1000 };
  }

  /** Fills a model's dimensions from the first result that reports them. */
  private fill(m: ResolvedModel, size: ModelSize): void {
    if (this.book.filled.has(m.model.id)) return;
    this.book.filled.add(m.model.id);
    const dims = { rows: size.rows, cols: size.cols, nnz: size.nnz, integers: size.integers };
    m.model = { ...m.model, ...dims };
    const b = this.stored!;
    this.stored = { ...b, models: b.models.map((x) => (x.id === m.model.id ? { ...x, ...dims } : x)) };
    this.storedDirty = true;
  }

  // ---- streaming to the store ----------------------------------------------------------------

  /** Counts a finished run and queues it for the next batch write. */
  private record(index: number, run: BenchmarkRun): void {
    this.pending.push({ index, run });
    this.done++;
    if (run.error !== null) this.failures++;
    this.updateEta();
    if (this.pending.length >= this.batchSize) void this.flush();
    else this.flushTimer ??= setTimeout(() => void this.flush(), this.flushMs);
  }

  /**
   * Writes the queued runs (in plan order) in one transaction, after the benchmark itself when its
   * models' dimensions or the solver version became known. Writes go one after another; a failed
   * write stops the benchmark (what is stored stays consistent, so it can be resumed).
   */
  private flush(): Promise<void> {
    clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    const batch = this.pending
      .splice(0)
      .sort((a, b) => a.index - b.index)
      .map((p) => p.run);
    const b = this.stored!;
    if (!b.solver.version) {
      const version = this.deps.solver.snapshot().runtime?.highsVersion;
      if (version) {
        this.stored = { ...b, solver: { ...b.solver, version } };
        this.storedDirty = true;
      }
    }
    const update = this.storedDirty ? this.stored! : null;
    this.storedDirty = false;
    if (!batch.length && !update) return this.writes;
    this.writes = this.writes.then(async () => {
      if (this.writeError) return;
      try {
        if (update) {
          await this.deps.store.putBenchmark(update);
          this.benchmark = update;
        }
        if (batch.length) {
          await this.deps.store.addRuns(update?.id ?? b.id, batch);
          this.runs = this.runs.concat(batch);
        }
      } catch (e) {
        this.writeError = e;
        this.cancelInFlight();
      }
    });
    return this.writes;
  }

  // ---- life cycle --------------------------------------------------------------------------

  private get stopping(): boolean {
    return this.cancelRequested || this.writeError !== null;
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
    this.state = 'resolving';
    this.error = null;
    this.benchmark = null;
    this.done = 0;
    this.total = 0;
    this.failures = 0;
    this.etaMs = null;
    this.runs = [];
    this.stored = null;
    this.storedDirty = false;
    this.book = new SessionBook();
    this.batchId = '';
    this.cancelRequested = false;
    this.pending = [];
    this.writes = Promise.resolve();
    this.writeError = null;
    this.benchmarkStored = false;
    this.warmup = null;
    this.eta = new EtaBook();
    this.etaAt = performance.now();
  }

  private end(state: 'finished' | 'cancelled' | 'failed'): void {
    clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    this.book.inFlight.clear();
    this.release();
    this.release = () => {};
    this.etaMs = state === 'finished' ? 0 : null;
    this.etaAt = performance.now();
    this.warmup = null;
    this.state = state;
  }

  /** Ends in 'failed'; a benchmark already stored as running is marked interrupted, so it can be resumed. */
  private async fail(e: unknown): Promise<void> {
    this.error = shownError(e);
    this.cancelInFlight();
    const b = this.stored;
    let storedState = b?.state ?? '';
    if (b) {
      const marked: StoredBenchmark = { ...b, state: 'interrupted' };
      try {
        await this.writes;
        await this.deps.store.putBenchmark(marked);
        this.stored = marked;
        this.benchmark = marked;
        storedState = 'interrupted';
        this.benchmarkStored = true;
      } catch {
        // The store is failing; the next loadInterrupted marks it.
      }
    }
    // A failed write says exactly what is stored: the runner counted what it wrote.
    if (b && (isWriteFailure(e) || e === this.writeError))
      this.error = writeFailureError(e, {
        name: b.name,
        benchmarkStored: this.benchmarkStored,
        storedState,
        storedRuns: this.runs.length,
        unstoredRuns: this.done - this.runs.length,
        total: this.total,
      });
    this.end('failed');
  }

  /** Estimates the time left again (core/eta through the session's book; it skips when the last estimate is recent, unless `force`). */
  private updateEta(force = false): void {
    const now = performance.now();
    const ms = this.eta.estimate(now, force);
    if (ms === undefined) return;
    this.etaMs = ms;
    this.etaAt = now;
  }

  private sources(): ModelSources {
    return { library: this.deps.library, store: this.deps.store };
  }
}
