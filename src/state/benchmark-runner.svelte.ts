// The views' benchmark runner: the plain BenchmarkDriver (benchmark-driver.ts: resolve, plan, warm up, run,
// stream the runs to the store, cancel, resume) with its status as runes, and the runs stored so far kept
// from its events for the live charts and the summary. Everything it does is the driver's; this only
// renders it, and hands the driver a plain copy of a definition the form may hold as a $state proxy.
import type { BenchmarkDefinition, BenchmarkRun } from '../core/benchmark';
import type { StoredBenchmark } from '../storage/benchmark-types';
import {
  BenchmarkDriver,
  isActive,
  type BenchmarkEvent,
  type BenchmarkRunnerDeps,
  type BenchmarkRunnerState,
  type SessionOptions,
  type StartOptions,
  type WarmupProgress,
} from './benchmark-driver';
import type { ShownError } from './shown-error';

/** The runner's names where its users import them (they live with the driver). */
export {
  RUN_BATCH_SIZE,
  RUN_FLUSH_MS,
  type BenchmarkRunnerDeps,
  type BenchmarkRunnerState,
  type StartOptions,
  type WarmupProgress,
} from './benchmark-driver';

/** Rune state of a benchmark run: progress, the runs so far, cancel, resume (the driver's, rendered). */
export class BenchmarkRunner {
  state = $state<BenchmarkRunnerState>('idle');
  /** The benchmark being (or last) run, as last written to the store; null before it is stored. */
  benchmark = $state.raw<StoredBenchmark | null>(null);
  /** Finished runs (stored ones included when resumed), counted as they finish. */
  done = $state(0);
  /** Every planned run (of the shard, when one was given). */
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

  private readonly driver: BenchmarkDriver;

  constructor(deps: BenchmarkRunnerDeps) {
    // The runs are kept here, from the events, as runes; the driver need not keep a second list.
    this.driver = new BenchmarkDriver({ ...deps, keepRuns: false });
    this.driver.subscribe((e) => this.hear(e));
  }

  /** A benchmark is being resolved, warmed up, run or cancelled. */
  get busy(): boolean {
    return isActive(this.state);
  }

  /**
   * Runs a new benchmark to its end (finished, cancelled or failed: see `state` and `error`);
   * resolves to its id, or null when it ended before it was stored. Rejects only when busy.
   */
  start(definition: BenchmarkDefinition, opts: StartOptions = {}): Promise<string | null> {
    // A plain copy (the form may hand over a $state proxy, which neither structuredClone nor IndexedDB can clone).
    return this.driver.start($state.snapshot(definition) as BenchmarkDefinition, opts);
  }

  /**
   * Resumes a stored benchmark (interrupted, cancelled, or 'running' with no live runner): runs only
   * its missing jobs, after re-resolving its models and checking each one's SHA-256. Ends like start.
   */
  resume(id: string, opts: SessionOptions = {}): Promise<void> {
    return this.driver.resume(id, opts);
  }

  /** Cancels the benchmark: queued and running jobs stop, finished runs are kept, it is stored as cancelled. */
  cancel(): void {
    this.driver.cancel();
  }

  /**
   * Finds the stored benchmarks that can be resumed: those still marked 'running' that no live
   * runner owns (their page was reloaded or closed mid-run) are marked 'interrupted' now; those
   * marked 'interrupted' earlier are listed too. Sets `interrupted`.
   */
  loadInterrupted(): Promise<StoredBenchmark[]> {
    return this.driver.loadInterrupted();
  }

  /** Copies what the driver says into the runes (an unchanged value wakes nothing). */
  private hear(e: BenchmarkEvent): void {
    if (e.kind === 'runs') {
      this.runs = e.reset ? [...e.runs] : this.runs.concat(e.runs);
      return;
    }
    const s = e.status;
    this.state = s.state;
    this.benchmark = s.benchmark;
    this.done = s.done;
    this.total = s.total;
    this.failures = s.failures;
    this.etaMs = s.etaMs;
    this.etaAt = s.etaAt;
    this.warmup = s.warmup;
    this.error = s.error;
    this.interrupted = s.interrupted;
  }
}
