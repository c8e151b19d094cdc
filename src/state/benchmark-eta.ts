// The bookkeeping behind a running benchmark's time left: which warm-up solves and timed jobs are still to
// run (with their models, whose sizes become known as they are first solved), and how long the finished ones
// took on their workers. core/eta turns that into an estimate; this keeps it up to date cheaply, and in
// bounded memory: past SAMPLE_CAP jobs of an option set, an even sample of them (a 10,000-run benchmark
// keeps a few hundred times per set, not every one).
import type { PlannedJob } from '../core/benchmark-plan';
import { estimateRemainingMs, jobSize, type FinishedJob, type PendingJob } from '../core/eta';
import type { RunTimes } from '../core/run-record';
import type { ResolvedModel } from './benchmark-models';

/** The time left is estimated again at most this often while many jobs are left, ms (each estimate walks them). */
export const ETA_UPDATE_MS = 500;

/** Up to this many jobs left, every finished job gives a new estimate. */
const ALWAYS_BELOW = 50;

/** Finished jobs kept per option set (warm-up and timed apart); below it every job counts, as before the cap. */
export const SAMPLE_CAP = 512;

/**
 * Finished jobs of one kind, per group (option set): every one until a group has SAMPLE_CAP, then every other
 * one of those is dropped and only every 2nd job is kept from then on (then every 4th, ...): an even sample of
 * the whole session, so the rate core/eta takes for each option set stays that of all its jobs, in bounded memory.
 */
export class FinishedSample {
  private readonly groups = new Map<string, { kept: FinishedJob[]; stride: number; seen: number }>();
  private all: FinishedJob[] | null = [];

  constructor(private readonly cap = SAMPLE_CAP) {}

  /** Counts a finished job (kept or not, as the stride says). */
  add(job: FinishedJob): void {
    let g = this.groups.get(job.group);
    if (!g) this.groups.set(job.group, (g = { kept: [], stride: 1, seen: 0 }));
    if (g.seen++ % g.stride !== 0) return;
    g.kept.push(job);
    this.all = null;
    if (g.kept.length >= this.cap) {
      g.kept = g.kept.filter((_, i) => i % 2 === 0);
      g.stride *= 2;
    }
  }

  /** Whether any job finished. */
  get empty(): boolean {
    return this.groups.size === 0;
  }

  /** The jobs kept, every group's. */
  jobs(): readonly FinishedJob[] {
    return (this.all ??= [...this.groups.values()].flatMap((g) => g.kept));
  }
}

/** The time a job took on its worker, ms: reading and checking the model, and the solve. */
export const workerMs = (t: RunTimes): number => t.readMs + t.validateMs + t.solveMs;

/** One session's time-left bookkeeping (a start or a resume of a benchmark). */
export class EtaBook {
  /** Timed jobs not finished yet, by plan index. */
  private readonly left = new Map<number, PlannedJob>();
  /** Warm-up steps not finished yet, in order: the model, the option set and the copies still to settle. */
  private warmLeft: { m: ResolvedModel; setId: string; copies: number }[] = [];
  /** Warm-up solves seen (cold: used only until a timed job finished) and timed jobs seen. */
  private readonly warmSeen = new FinishedSample();
  private readonly timedSeen = new FinishedSample();
  private lastAt = -Infinity;

  constructor(
    private readonly models: ReadonlyMap<string, ResolvedModel> = new Map(),
    jobs: readonly { job: PlannedJob; index: number }[] = [],
    private readonly workers = 1,
  ) {
    for (const { job, index } of jobs) this.left.set(index, job);
  }

  /** The warm-up about to run: each step solves its model with its option set `copies` times (once per worker). */
  planWarmup(steps: readonly { m: ResolvedModel; setId: string }[], copies: number): void {
    this.warmLeft = steps.map(({ m, setId }) => ({ m, setId, copies }));
  }

  /** A warm-up solve of the current step settled after `ms` on its worker. */
  warmDone(m: ResolvedModel, setId: string, ms: number): void {
    this.warmSeen.add({ group: setId, size: jobSize(m.model), ms });
    const step = this.warmLeft[0];
    if (step && --step.copies <= 0) this.warmLeft.shift();
  }

  /** The timed job at plan `index` finished (solved or failed) after `ms` on its worker. */
  jobDone(index: number, m: ResolvedModel, setId: string, ms: number): void {
    this.timedSeen.add({ group: setId, size: jobSize(m.model), ms });
    this.left.delete(index);
  }

  /**
   * The time left at `now`, ms (core/eta: the warm-up solves and timed jobs left at the time per size seen,
   * over the workers; null before anything finished), or undefined when the last estimate is too recent to
   * redo (many jobs left, less than ETA_UPDATE_MS ago, and not `force`).
   */
  estimate(now: number, force = false): number | null | undefined {
    if (!force && this.left.size > ALWAYS_BELOW && now - this.lastAt < ETA_UPDATE_MS) return undefined;
    this.lastAt = now;
    const remaining: PendingJob[] = [];
    for (const w of this.warmLeft)
      for (let c = 0; c < w.copies; c++) remaining.push({ group: w.setId, size: jobSize(w.m.model) });
    for (const job of this.left.values()) {
      const m = this.models.get(job.modelId);
      remaining.push({ group: job.optionSetId, size: m ? jobSize(m.model) : null });
    }
    const finished = (this.timedSeen.empty ? this.warmSeen : this.timedSeen).jobs();
    return estimateRemainingMs({ remaining, finished, workers: this.workers });
  }
}
