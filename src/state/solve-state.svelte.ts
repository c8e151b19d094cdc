// One interactive solve at a time: submit the chosen model with the form's options, follow its
// progress (log, live counters, MIP bounds), cancel it, and judge and store what came back —
// a result, or a failure (timeout, crash, abort, cancel, bad model), which is a run too.
import type { ResultFlag, Verdict } from '../core/result-check';
import { sha256Hex, type MipPoint, type RunContext, type RunRecord } from '../core/run-record';
import type { ProgressUpdate } from '../solver/protocol';
import type { CancelMode, PoolJob, PoolResult } from '../solver/pool-types';
import type { ModelChoice } from './library-state.svelte';
import type { OptionsState } from './options-state.svelte';
import type { Solver } from './ports';
import { shownError, type ShownError } from './shown-error';
import { recordSolve } from './record-solve';

/** What a solve needs: the solver, the options form, where runs go and how to get a model's bytes. */
export interface SolveDeps {
  solver: Pick<Solver, 'submit' | 'snapshot'>;
  options: OptionsState;
  /** Stores a finished run (the history); resolves to it with its id, or null if it was not stored. */
  storeRun: (run: RunRecord) => Promise<RunRecord | null>;
  /** The bytes of the chosen model (library files are fetched). */
  bytesOf: (c: ModelChoice) => Promise<Uint8Array>;
}

/** Live counters from the solver's callbacks. */
export interface LiveCounters {
  simplex: number;
  ipm: number;
  nodes: number;
}

/** The verdict on an answer and the flags that explain it. */
export interface SolveCheck {
  verdict: Verdict;
  flags: ResultFlag[];
}

const MAX_LOG_LINES = 5000;
const NO_LIVE: LiveCounters = { simplex: 0, ipm: 0, nodes: 0 };

/** Rune state of the solve: running, progress, cancel, result and verdict, error. */
export class SolveState {
  running = $state(false);
  /** The model being (or last) solved. */
  subject = $state.raw<ModelChoice | null>(null);
  startedAt = $state(0);
  elapsedMs = $state(0);
  log = $state.raw<string[]>([]);
  points = $state.raw<MipPoint[]>([]);
  live = $state.raw<LiveCounters>(NO_LIVE);
  cancelMode = $state<CancelMode | null>(null);
  /** Check the cancel flag in every simplex iteration of LPs too (graceful LP cancel; costs ~6 % on LPs). */
  interruptSimplex = $state(false);

  result = $state.raw<PoolResult | null>(null);
  verdict = $state.raw<SolveCheck | null>(null);
  error = $state.raw<ShownError | null>(null);
  /** The run stored for the last solve (answer or failure), or null. */
  lastRun = $state.raw<RunRecord | null>(null);

  private job: PoolJob | null = null;
  private cancelAsked = false;
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(private readonly deps: SolveDeps) {}

  /** Whether `choice` can be solved now: nothing running and every option valid. */
  canSolve(choice: ModelChoice | null): boolean {
    return !!choice && !this.running && this.deps.options.errors.length === 0;
  }

  /** Solves `choice` with the form's options; stores the run, also when the solve fails. */
  async solve(choice: ModelChoice | null): Promise<void> {
    if (!choice || this.running) return;
    const optionErrors = this.deps.options.errors;
    if (optionErrors.length) {
      this.error = { name: 'InvalidOption', message: optionErrors.join('; ') };
      return;
    }
    this.begin(choice);
    const options = { ...this.deps.options.changedValues };
    const ctx: RunContext = {
      createdAt: Date.now(),
      modelId: '',
      modelName: choice.name,
      origin: choice.origin,
      options,
      knownObjective: choice.known?.objective ?? null,
      expectedStatus: choice.known?.expectedStatus ?? null,
      highsVersion: this.deps.solver.snapshot().runtime?.highsVersion ?? '',
    };
    let bytes: Uint8Array | null = null;
    try {
      bytes = await this.deps.bytesOf(choice);
      ctx.modelId = await sha256Hex(bytes);
      this.job = this.deps.solver.submit({ name: choice.name, bytes }, options, {
        priority: 'interactive',
        fingerprint: ctx.modelId,
        onProgress: this.onProgress,
        includeSolution: true,
        simplexInterrupt: this.interruptSimplex ? 'always' : 'mip',
        profile: true,
      });
      if (this.cancelAsked) this.cancel();
      const r = await this.job.result;
      this.result = r;
      this.cancelMode = r.cancelMode ?? null;
      const recorded = await recordSolve(ctx, { result: r }, this.deps.storeRun);
      this.verdict = recorded.check;
      this.lastRun = recorded.run;
    } catch (e) {
      const err = shownError(e);
      this.error = err;
      if (err.name === 'Cancelled') this.cancelMode = 'terminated'; // a rejected cancel always ended in a termination
      // A failed solve is a run too (error rates are computed from them); a model whose bytes
      // could not even be loaded has no identity to store it under.
      if (bytes) {
        const outcome = { error: err, elapsedMs: performance.now() - this.startedAt, cancelMode: this.cancelMode };
        this.lastRun = (await recordSolve(ctx, outcome, this.deps.storeRun)).run;
      }
    } finally {
      this.end();
    }
  }

  /** Cancels the running solve; `cancelMode` says how (graceful or terminated). */
  cancel(): void {
    if (!this.running) return;
    if (!this.job) {
      this.cancelAsked = true; // still loading the model: cancel as soon as it is submitted
      return;
    }
    this.cancelMode = this.job.cancel() ?? this.cancelMode;
  }

  /** Shows an error that did not come from a solve (e.g. the solver could not start). */
  showError(e: ShownError): void {
    this.error = e;
  }

  /** Hides the last error (a new model was picked). */
  dismissError(): void {
    if (!this.running) this.error = null;
  }

  private onProgress = (u: ProgressUpdate): void => {
    if (u.log.length) {
      const next = this.log.concat(u.log);
      this.log = next.length > MAX_LOG_LINES ? next.slice(-MAX_LOG_LINES) : next;
    }
    if (u.points.length) this.points = this.points.concat(u.points);
    this.live = { simplex: u.simplexIterations, ipm: u.ipmIterations, nodes: u.mipNodes };
  };

  private begin(choice: ModelChoice): void {
    this.running = true;
    this.subject = choice;
    this.cancelAsked = false;
    this.error = null;
    this.result = null;
    this.verdict = null;
    this.lastRun = null;
    this.log = [];
    this.points = [];
    this.cancelMode = null;
    this.live = NO_LIVE;
    this.startedAt = performance.now();
    this.elapsedMs = 0;
    this.timer = setInterval(() => (this.elapsedMs = performance.now() - this.startedAt), 200);
  }

  private end(): void {
    clearInterval(this.timer);
    this.elapsedMs = performance.now() - this.startedAt;
    this.running = false;
    this.job = null;
    this.cancelAsked = false;
  }
}
