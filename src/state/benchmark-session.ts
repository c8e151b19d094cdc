// The plain parts of a benchmark run that nothing renders: the definition's check (core's), where a session
// starts (the jobs still to run of the plan or of its shard, and what finished before), the bookkeeping of one
// session (models by id, jobs in flight), the writer that streams the record and its runs to the store in
// batches, and the environment.
import type { BenchmarkDefinition, BenchmarkRun } from '../core/benchmark';
import { validateDefinition } from '../core/benchmark-definition';
import { jobKey, type PlannedJob } from '../core/benchmark-plan';
import type { PoolJob } from '../solver/pool-types';
import type { StoredBenchmark } from '../storage/benchmark-types';
import type { ResolvedModel } from './benchmark-models';
import type { BenchmarkStore } from './ports';

/** A planned job with its place in the plan (runs of a batch are written in plan order). */
export interface IndexedJob {
  job: PlannedJob;
  index: number;
}

/** Where a session starts: the selected jobs still to run, and how many of them finished before. */
export interface SessionStart {
  /** The selected jobs with no run in `finished`, in plan order, each with its index in the plan. */
  jobs: IndexedJob[];
  /** The selected jobs: the whole plan, or a shard's. */
  total: number;
  /** Selected jobs that have a run already (an earlier session's). */
  done: number;
  /** Of those, the failed runs. */
  failures: number;
  /** Models whose dimensions an earlier run reported (it has a status). */
  measured: Set<string>;
}

/**
 * Where a session of `plan` starts, given the runs that `finished` before: the jobs of `selected` (plan
 * indices in plan order; absent: the whole plan) that have no run yet, and what the others came to.
 */
export function sessionStart(
  plan: readonly PlannedJob[],
  finished: readonly BenchmarkRun[],
  selected?: readonly number[],
): SessionStart {
  const failedByKey = new Map(finished.map((r) => [jobKey(r), r.error !== null]));
  const measured = new Set(finished.filter((r) => r.status !== null).map((r) => r.modelId));
  const out: SessionStart = { jobs: [], total: 0, done: 0, failures: 0, measured };
  const visit = (index: number) => {
    const job = plan[index];
    const failed = failedByKey.get(jobKey(job));
    out.total++;
    if (failed === undefined) out.jobs.push({ job, index });
    else {
      out.done++;
      if (failed) out.failures++;
    }
  };
  if (selected) selected.forEach(visit);
  else plan.forEach((_, i) => visit(i));
  return out;
}

/** What one session (a start or a resume) keeps track of besides its runes. */
export class SessionBook {
  /** The resolved models (bytes, what is known) by SHA-256. */
  readonly models: Map<string, ResolvedModel>;
  /** Models whose dimensions a result has reported. */
  readonly filled = new Set<string>();
  /** Submitted jobs not settled yet. */
  readonly inFlight = new Set<PoolJob>();

  constructor(models: readonly ResolvedModel[] = []) {
    this.models = new Map(models.map((m) => [m.model.id, m]));
  }

  /** The models that the given jobs solve, in the order given. */
  modelsOf(jobs: readonly IndexedJob[], order: readonly ResolvedModel[]): ResolvedModel[] {
    const needed = new Set(jobs.map((j) => j.job.modelId));
    return order.filter((m) => needed.has(m.model.id));
  }
}

/** How a writer batches, and where it learns the solver's version when the record lacks it. */
export interface WriterOptions {
  /** Runs per write. */
  batchSize: number;
  /** Longest wait of a finished run before it is written, ms. */
  flushMs: number;
  /** The loaded solver's version, once known. */
  solverVersion(): string | undefined;
}

/** What a writer tells its owner as writes land. */
export interface WriterEvents {
  /** The benchmark's record as just stored. */
  benchmark(b: StoredBenchmark): void;
  /** Runs just stored, in plan order. */
  runs(runs: readonly BenchmarkRun[]): void;
  /** A batch's write failed: nothing more is written; the owner stops the benchmark. */
  failed(e: unknown): void;
}

/**
 * A benchmark's record and its finished runs on their way to the store: runs are queued and written in
 * batches (`batchSize` runs, or when the oldest has waited `flushMs`), each batch in plan order in one
 * transaction, after the record when it changed (its models' dimensions, the solver's version). Writes go
 * one after another; after a failed one nothing more is written, so what is stored stays consistent (and
 * resumable). It holds at most one batch of runs and counts what it stored, so a failure says what is.
 */
export class BenchmarkWriter {
  private current: StoredBenchmark;
  private dirty = false;
  private pending: { index: number; run: BenchmarkRun }[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private writes: Promise<void> = Promise.resolve();
  private failure: unknown = null;
  private recordStored = false;
  private runsStored: number;

  constructor(
    private readonly store: BenchmarkStore,
    b: StoredBenchmark,
    /** Runs of this benchmark stored before (an earlier session's). */
    storedBefore: number,
    private readonly opts: WriterOptions,
    private readonly on: WriterEvents,
  ) {
    this.current = b;
    this.runsStored = storedBefore;
  }

  /** The record as it stands (changes not written yet included). */
  get benchmark(): StoredBenchmark {
    return this.current;
  }

  /** Why a batch's write failed, or null. */
  get error(): unknown {
    return this.failure;
  }

  /** Whether the record itself is stored. */
  get benchmarkStored(): boolean {
    return this.recordStored;
  }

  /** Runs stored, earlier sessions' included. */
  get storedRuns(): number {
    return this.runsStored;
  }

  /** Changes the record; the change is written with the next batch. */
  update(change: (b: StoredBenchmark) => StoredBenchmark): void {
    this.current = change(this.current);
    this.dirty = true;
  }

  /** Queues a finished run (its plan index orders its batch): written once the batch is full, else within flushMs. */
  add(index: number, run: BenchmarkRun): void {
    this.pending.push({ index, run });
    if (this.pending.length >= this.opts.batchSize) void this.flush();
    else this.timer ??= setTimeout(() => void this.flush(), this.opts.flushMs);
  }

  /** Writes the queued runs and the changed record now; resolves when every write so far settled (a failure is `error`). */
  flush(): Promise<void> {
    this.stop();
    const batch = this.pending
      .splice(0)
      .sort((a, b) => a.index - b.index)
      .map((p) => p.run);
    if (!this.current.solver.version) {
      const version = this.opts.solverVersion();
      if (version) this.update((b) => ({ ...b, solver: { ...b.solver, version } }));
    }
    const update = this.dirty ? this.current : null;
    this.dirty = false;
    if (!batch.length && !update) return this.writes;
    this.writes = this.writes.then(async () => {
      if (this.failure) return;
      try {
        if (update) {
          await this.store.putBenchmark(update);
          this.on.benchmark(update);
        }
        if (batch.length) {
          await this.store.addRuns(update?.id ?? this.current.id, batch);
          this.runsStored += batch.length;
          this.on.runs(batch);
        }
      } catch (e) {
        this.failure = e;
        this.on.failed(e);
      }
    });
    return this.writes;
  }

  /** Stores the record as `b` once the writes under way settled; `b` is the record once stored. Rejects when that write fails. */
  async save(b: StoredBenchmark): Promise<void> {
    await this.writes;
    await this.store.putBenchmark(b);
    this.current = b;
    this.recordStored = true;
    this.on.benchmark(b);
  }

  /** Stops the flush timer (the session ended; queued runs stay unwritten). */
  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }
}

/** An Error named InvalidBenchmark: the definition or the stored benchmark cannot be run. */
export function invalidBenchmark(message: string): Error {
  const e = new Error(message);
  e.name = 'InvalidBenchmark';
  return e;
}

/**
 * Throws InvalidBenchmark unless the definition can be planned and run: the editor's check
 * (core's validateDefinition), so what the form accepts the runner runs. The message lists every issue.
 */
export function checkDefinition(def: BenchmarkDefinition): void {
  const issues = validateDefinition(def);
  if (issues.length) throw invalidBenchmark(issues.map((i) => i.message).join('; '));
}

/** The environment a benchmark runs in, from the page's navigator where it has one. */
export function environment(): StoredBenchmark['environment'] {
  const nav = (globalThis as { navigator?: { userAgent?: string; hardwareConcurrency?: number } }).navigator;
  return {
    userAgent: nav?.userAgent ?? '',
    hardwareConcurrency: nav?.hardwareConcurrency ?? 0,
    crossOriginIsolated: (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated === true,
  };
}
