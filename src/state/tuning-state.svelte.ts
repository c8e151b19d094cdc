// The run view as a tuning bench for one model: a pinned reference (a run, or the runs of a Solve ×N),
// the deltas of later results on the same model against it (time by core/decision's one rule; work
// counters that changed with the same seeds), Solve ×N over random_seed values through the pool in parallel, a
// one-option sweep, and the constraint-group ablation. Every batch shows progress with an ETA, can be
// cancelled, and stores its runs in the history like any solve.
import type { OptionDescriptor, OptionValues } from '../core/options-schema';
import { sha256Hex, type MipPoint, type RunContext, type RunRecord } from '../core/run-record';
import { SOLVED_STATUSES } from '../core/benchmark';
import {
  ablationRow,
  distributionOf,
  runDeltas,
  sortAblationRows,
  sweepBest,
  type AblationRow,
  type AblationSolve,
  type Delta,
  type Distribution,
  type RowGroups,
  type SweepBest,
  type SweepPoint,
} from '../core/tuning';
import type { PoolJob, PoolResult } from '../solver/pool-types';
import type { ModelChoice } from './library-state.svelte';
import type { Solver } from './ports';
import { shownError, type ShownError } from './shown-error';
import { recordSolve } from './record-solve';

/** The most solves one Solve ×N, sweep point or ablation may ask for. */
export const MAX_BATCH_SOLVES = 200;

/** What the tuning state needs from the run workspace. */
export interface TuningDeps {
  solver: Pick<Solver, 'submit' | 'snapshot' | 'cancelBatch'>;
  /** The model the view has chosen now. */
  choice: () => ModelChoice | null;
  bytesOf: (c: ModelChoice) => Promise<Uint8Array>;
  /** The option form's values (what a solve sends) and a setter ("apply" a sweep's best value). */
  options: () => OptionValues;
  applyOption: (name: string, value: string | boolean) => void;
  /** Stores one run (no history refresh: a batch refreshes once, at its end, through `afterBatch`). */
  storeRun: (run: RunRecord) => Promise<RunRecord | null>;
  /** Called once a batch ended (the history re-reads its runs). */
  afterBatch?: () => Promise<void>;
  newId?: () => string;
}

/** The pinned reference: one run (with its MIP curve when pinned from the result) or a Solve ×N's runs. */
export interface Reference {
  runs: RunRecord[];
  modelId: string;
  modelName: string;
  label: string;
  points: MipPoint[];
}

/** A batch in progress or finished: counts, ETA, cancel. */
export interface BatchProgress {
  kind: 'solve-n' | 'sweep' | 'ablation';
  done: number;
  total: number;
  failed: number;
  etaMs: number | null;
  running: boolean;
  cancelled: boolean;
}

/** One job of a batch: its options (over the form's), and optionally a row group to drop. */
interface BatchJob {
  options: OptionValues;
  dropRowGroup?: string;
}

/** One finished job: its run record and the raw result (null when it failed). */
interface BatchOutcome {
  run: RunRecord | null;
  result: PoolResult | null;
}

/** Rune state of the run view's tuning: reference, deltas, Solve ×N, sweep, ablation. */
export class TuningState {
  reference = $state.raw<Reference | null>(null);
  /** The runs compared with the reference: the last solve, or the last Solve ×N. */
  candidate = $state.raw<RunRecord[]>([]);
  progress = $state.raw<BatchProgress | null>(null);
  error = $state.raw<ShownError | null>(null);
  /** The last Solve ×N's runs and the distribution of their times. */
  solveNRuns = $state.raw<RunRecord[]>([]);
  sweepOption = $state<string | null>(null);
  sweepPoints = $state.raw<SweepPoint[]>([]);
  ablationRows = $state.raw<AblationRow[]>([]);
  /** The full model's solve in the ablation (what each group's row is compared with). */
  ablationBase = $state.raw<{ timeMs: number; objective: number | null; status: string | null } | null>(null);
  ablationUnnamed = $state(false);

  /** The candidate against the reference, when both are of the same model. */
  readonly comparison = $derived.by(() => {
    const ref = this.reference;
    const cand = this.candidate;
    if (!ref || cand.length === 0 || cand[0].modelId !== ref.modelId) return null;
    // The candidate is the reference itself (just pinned): nothing to compare.
    if (cand.length === ref.runs.length && cand.every((r, i) => r.id !== undefined && r.id === ref.runs[i].id))
      return null;
    return runDeltas(ref.runs, cand);
  });
  readonly deltas: Delta[] = $derived(this.comparison?.deltas ?? []);
  readonly solveNDistribution: Distribution | null = $derived(
    this.solveNRuns.length > 0 ? distributionOf(this.solveNRuns.map((r) => r.times.solveMs)) : null,
  );
  /** The sweep's best value and the faster values refused for a worse objective. */
  readonly sweepVerdict: SweepBest = $derived(sweepBest(this.sweepPoints));
  readonly bestSweepIndex: number | null = $derived(this.sweepVerdict.index);

  private batchId = '';
  private jobs: PoolJob[] = [];
  private readonly newId: () => string;

  constructor(private readonly deps: TuningDeps) {
    this.newId = deps.newId ?? (() => crypto.randomUUID());
  }

  /** A batch is running. */
  get busy(): boolean {
    return this.progress?.running ?? false;
  }

  /** Pins runs as the reference (one run from the result or the history, or a Solve ×N's runs). */
  pin(runs: readonly RunRecord[], label: string, points: readonly MipPoint[] = []): void {
    if (runs.length === 0) return;
    this.reference = {
      runs: [...runs],
      modelId: runs[0].modelId,
      modelName: runs[0].modelName,
      label,
      points: [...points],
    };
  }

  /** Unpins the reference. */
  unpin(): void {
    this.reference = null;
  }

  /** A solve finished in the run view: it is the candidate now. */
  onSolved(run: RunRecord): void {
    this.candidate = [run];
  }

  /** Solves the chosen model with the form's options over `n` random_seed values (1..n) × `repetitions`. */
  async solveN(n: number, repetitions = 1): Promise<void> {
    const total = n * repetitions;
    if (
      !Number.isInteger(n) ||
      n < 1 ||
      !Number.isInteger(repetitions) ||
      repetitions < 1 ||
      total > MAX_BATCH_SOLVES
    ) {
      this.error = {
        name: 'InvalidInput',
        message: `Solve ×N takes 1 to ${MAX_BATCH_SOLVES} solves in all (seeds × repetitions); got ${n} × ${repetitions}`,
      };
      return;
    }
    const base = this.deps.options();
    const jobs: BatchJob[] = [];
    for (let rep = 0; rep < repetitions; rep++)
      for (let seed = 1; seed <= n; seed++) jobs.push({ options: { ...base, random_seed: seed } });
    const out = await this.runBatch('solve-n', jobs);
    if (!out) return;
    const runs = out.map((o) => o.run).filter((r): r is RunRecord => r !== null && r.error === null);
    this.solveNRuns = runs;
    if (runs.length > 0) this.candidate = runs;
  }

  /** Solves the model with each value of one option over the given seeds; the sweep's points follow. */
  async sweep(
    option: OptionDescriptor,
    values: readonly (string | number | boolean)[],
    seeds: readonly number[],
  ): Promise<void> {
    if (values.length === 0 || seeds.length === 0 || values.length * seeds.length > MAX_BATCH_SOLVES) {
      this.error = {
        name: 'InvalidInput',
        message: `a sweep takes 1 to ${MAX_BATCH_SOLVES} solves (values × seeds); got ${values.length} × ${seeds.length}`,
      };
      return;
    }
    const base = this.deps.options();
    const jobs: BatchJob[] = [];
    // Values interleaved within each seed, so drift of a shared machine favours no value.
    for (const seed of seeds)
      for (const value of values) jobs.push({ options: { ...base, [option.name]: value, random_seed: seed } });
    this.sweepOption = option.name;
    this.sweepPoints = [];
    const out = await this.runBatch('sweep', jobs);
    if (!out) return;
    this.sweepPoints = values.map((value, vi) => {
      const mine = out.filter((_, j) => j % values.length === vi).map((o) => o.run);
      const ok = mine.filter((r): r is RunRecord => r !== null && r.error === null);
      return {
        value,
        timesMs: ok.map((r) => r.times.solveMs),
        objectives: ok.map((r) => r.objective),
        seeds: ok.map((r) => r.seed),
        dualBounds: ok.map((r) => r.mipDualBound),
        work: ok.map((r) => r.counters.simplexIterations + r.counters.ipmIterations + r.counters.mipNodes),
        solved: ok.filter((r) => r.status !== null && SOLVED_STATUSES.includes(r.status)).length,
      };
    });
  }

  /** Puts the sweep's value into the option form. */
  apply(value: string | number | boolean): void {
    if (this.sweepOption === null) return;
    this.deps.applyOption(this.sweepOption, typeof value === 'boolean' ? value : String(value));
  }

  /**
   * Solves the full model and the model without each row group (in parallel through the pool); each group's
   * row says what it costs in time and in the objective. The groups come from a profiled solve of the model.
   */
  async ablation(groups: RowGroups): Promise<void> {
    this.ablationUnnamed = groups.unnamed;
    this.ablationRows = [];
    this.ablationBase = null;
    if (groups.groups.length === 0 || groups.groups.length + 1 > MAX_BATCH_SOLVES) {
      this.error = {
        name: 'InvalidInput',
        message: `the ablation takes 1 to ${MAX_BATCH_SOLVES - 1} row groups; this model has ${groups.groups.length}`,
      };
      return;
    }
    const base = this.deps.options();
    const jobs: BatchJob[] = [
      { options: base },
      ...groups.groups.map((g) => ({ options: base, dropRowGroup: g.prefix })),
    ];
    const out = await this.runBatch('ablation', jobs);
    if (!out) return;
    const full = out[0].run;
    this.ablationBase = full ? { timeMs: full.times.solveMs, objective: full.objective, status: full.status } : null;
    // One solve each: core's ablationRow labels every ratio by the one rule (undetermined) and gives the
    // objective change only between two optimal solves (a model left unbounded or infeasible is marked).
    const solveOf = (r: RunRecord | null): AblationSolve | null =>
      r && {
        status: r.status,
        objective: r.objective,
        timeMs: r.times.solveMs,
        failed: r.error !== null,
        seed: r.seed,
        counters: { ...r.counters },
      };
    this.ablationRows = sortAblationRows(
      groups.groups.map((g, i): AblationRow => ablationRow(g, solveOf(full), solveOf(out[i + 1].run))),
    );
  }

  /** Cancels the running batch (its finished solves are kept in the history). */
  cancel(): void {
    if (!this.busy) return;
    this.progress = { ...this.progress!, cancelled: true };
    this.deps.solver.cancelBatch(this.batchId);
    for (const j of this.jobs) j.cancel();
  }

  /** Runs jobs on the chosen model through the pool; resolves to their outcomes in job order, or null when it could not. */
  private async runBatch(kind: BatchProgress['kind'], jobs: BatchJob[]): Promise<BatchOutcome[] | null> {
    const choice = this.deps.choice();
    if (!choice || this.busy) return null;
    this.error = null;
    this.batchId = this.newId();
    this.progress = { kind, done: 0, total: jobs.length, failed: 0, etaMs: null, running: true, cancelled: false };
    const t0 = performance.now();
    try {
      const bytes = await this.deps.bytesOf(choice);
      const modelId = await sha256Hex(bytes);
      const highsVersion = this.deps.solver.snapshot().runtime?.highsVersion ?? '';
      const outcomes: BatchOutcome[] = new Array(jobs.length);
      const runs: Promise<void>[] = [];
      this.jobs = [];
      jobs.forEach((job, i) => {
        const ctx: RunContext = {
          createdAt: Date.now(),
          modelId,
          modelName:
            job.dropRowGroup === undefined ? choice.name : `${choice.name} without ${job.dropRowGroup || 'its rows'}`,
          origin: choice.origin,
          options: job.options,
          knownObjective: job.dropRowGroup === undefined ? (choice.known?.objective ?? null) : null,
          expectedStatus: job.dropRowGroup === undefined ? (choice.known?.expectedStatus ?? null) : null,
          highsVersion,
        };
        const started = performance.now();
        const pj = this.deps.solver.submit({ name: choice.name, bytes }, job.options, {
          priority: 'batch',
          batchId: this.batchId,
          fingerprint: job.dropRowGroup === undefined ? modelId : `${modelId}#${job.dropRowGroup}`,
          captureLog: false,
          dropRowGroup: job.dropRowGroup,
        });
        this.jobs.push(pj);
        runs.push(
          pj.result.then(
            async (r) => {
              outcomes[i] = { run: (await recordSolve(ctx, { result: r }, (x) => this.store(x))).run, result: r };
              this.tick(t0, false);
            },
            async (e: unknown) => {
              const err = shownError(e);
              // A cancelled job is not a run; any other failure is (error rates are computed from them).
              const run =
                err.name === 'Cancelled'
                  ? null
                  : (
                      await recordSolve(ctx, { error: err, elapsedMs: performance.now() - started }, (x) =>
                        this.store(x),
                      )
                    ).run;
              outcomes[i] = { run, result: null };
              this.tick(t0, true);
            },
          ),
        );
      });
      await Promise.all(runs);
      return outcomes;
    } catch (e) {
      this.error = shownError(e);
      return null;
    } finally {
      this.jobs = [];
      this.progress = { ...this.progress!, running: false, etaMs: null };
      await this.deps.afterBatch?.().catch(() => {});
    }
  }

  private tick(t0: number, failed: boolean): void {
    const p = this.progress!;
    const done = p.done + 1;
    const perJob = (performance.now() - t0) / done;
    this.progress = {
      ...p,
      done,
      failed: p.failed + (failed ? 1 : 0),
      etaMs: Math.round(perJob * (p.total - done)),
    };
  }

  private async store(run: RunRecord): Promise<RunRecord> {
    try {
      return (await this.deps.storeRun(run)) ?? run;
    } catch {
      return run; // the history shows the storage error; the tuning result still counts
    }
  }
}
