// The run view's state: which model, solving it through the solver client, the live log and
// MIP bounds, the checked result, and the stored history.
import { parseLibrary, type Library, type LibraryModel } from '../core/library';
import { checkInputSize } from '../core/model-input';
import type { ResultFlag, Verdict } from '../core/result-check';
import {
  failedRunRecord,
  judgeSolve,
  sha256Hex,
  solvedRunRecord,
  type MipPoint,
  type ModelOrigin,
  type RunContext,
  type RunRecord,
} from '../core/run-record';
import type { ProgressUpdate, SolveResult } from '../solver/protocol';
import type { CancelMode, PoolJob } from '../solver/worker-pool';
import { addRun, clearRuns, listRuns } from '../storage/runs-repo';
import { OptionsState } from './options-state.svelte';
import { database, solverPool } from './services';

/** The model the user picked. */
export interface ModelChoice {
  name: string;
  origin: ModelOrigin;
  /** For library models: what is known about it. */
  known?: LibraryModel;
  /** Bytes for files and pasted text (library models are fetched on solve). */
  bytes?: Uint8Array;
  sizeBytes?: number;
}

/** A shown error: what went wrong and where. */
export interface ShownError {
  name: string;
  message: string;
}

const MAX_LOG_LINES = 5000;

/** Rune state of the run view. */
export class RunState {
  library = $state.raw<Library | null>(null);
  libraryError = $state<string | null>(null);
  choice = $state<ModelChoice | null>(null);
  pasteText = $state('');
  options = new OptionsState();

  running = $state(false);
  startedAt = $state(0);
  elapsedMs = $state(0);
  log = $state.raw<string[]>([]);
  points = $state.raw<MipPoint[]>([]);
  live = $state<{ simplex: number; ipm: number; nodes: number }>({ simplex: 0, ipm: 0, nodes: 0 });
  cancelMode = $state<CancelMode | null>(null);
  /** Check the cancel flag in every simplex iteration of LPs too (graceful LP cancel; costs ~6 % on LPs). */
  interruptSimplex = $state(false);

  result = $state.raw<(SolveResult & { cancelMode?: CancelMode }) | null>(null);
  verdict = $state<{ verdict: Verdict; flags: ResultFlag[] } | null>(null);
  error = $state<ShownError | null>(null);
  history = $state.raw<RunRecord[]>([]);
  historyError = $state<string | null>(null);

  private job: PoolJob | null = null;
  private timer: ReturnType<typeof setInterval> | undefined;

  /** Loads the library manifest, option descriptors and history. */
  async start(): Promise<void> {
    void this.loadLibrary();
    void this.refreshHistory();
    try {
      this.options.setDescriptors(await solverPool().describeOptions());
    } catch (e) {
      this.error = { name: 'SolverUnavailable', message: `the solver could not start: ${String(e)}` };
    }
  }

  private async loadLibrary(): Promise<void> {
    try {
      const res = await fetch(`${import.meta.env.BASE_URL}models/instances.json`);
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      this.library = parseLibrary(await res.json());
    } catch (e) {
      this.libraryError = `could not load the model library: ${e instanceof Error ? e.message : String(e)}`;
    }
  }

  async refreshHistory(): Promise<void> {
    try {
      this.history = await listRuns(await database());
      this.historyError = null;
    } catch (e) {
      this.historyError = `history unavailable: ${e instanceof Error ? e.message : String(e)}`;
    }
  }

  async clearHistory(): Promise<void> {
    await clearRuns(await database());
    await this.refreshHistory();
  }

  pickLibrary(m: LibraryModel): void {
    this.choice = { name: m.file, origin: 'library', known: m };
    this.error = null;
  }

  pickBadInput(file: string): void {
    this.choice = { name: file, origin: 'library' };
    this.error = null;
  }

  /** Takes a local file (input or drop); the size cap is checked before reading it. */
  async pickFile(file: File): Promise<void> {
    this.error = null;
    try {
      checkInputSize(file.name, file.size);
    } catch (e) {
      this.choice = null;
      this.error = { name: (e as Error).name, message: (e as Error).message };
      return;
    }
    const bytes = new Uint8Array(await file.arrayBuffer());
    const known = this.library?.models.find((m) => m.file === file.name);
    this.choice = { name: file.name, origin: 'file', bytes, sizeBytes: file.size, known };
  }

  pickPaste(): void {
    const bytes = new TextEncoder().encode(this.pasteText);
    this.choice = { name: 'pasted.lp', origin: 'paste', bytes, sizeBytes: bytes.length };
    this.error = null;
  }

  private async bytesOf(c: ModelChoice): Promise<Uint8Array> {
    if (c.bytes) return c.bytes;
    const res = await fetch(`${import.meta.env.BASE_URL}models/${encodeURIComponent(c.name)}`);
    if (!res.ok) throw Object.assign(new Error(`${c.name}: could not load from the library (HTTP ${res.status})`), { name: 'InvalidModel' });
    return new Uint8Array(await res.arrayBuffer());
  }

  private onProgress = (u: ProgressUpdate): void => {
    if (u.log.length) {
      const next = this.log.concat(u.log);
      this.log = next.length > MAX_LOG_LINES ? next.slice(-MAX_LOG_LINES) : next;
    }
    if (u.points.length) this.points = this.points.concat(u.points);
    this.live = { simplex: u.simplexIterations, ipm: u.ipmIterations, nodes: u.mipNodes };
  };

  /** Solves the chosen model with the form's options; stores the run. */
  async solve(): Promise<void> {
    const c = this.choice;
    if (!c || this.running) return;
    if (this.options.errors.length) {
      this.error = { name: 'InvalidOption', message: this.options.errors.join('; ') };
      return;
    }
    this.running = true;
    this.error = null;
    this.result = null;
    this.verdict = null;
    this.log = [];
    this.points = [];
    this.cancelMode = null;
    this.live = { simplex: 0, ipm: 0, nodes: 0 };
    this.startedAt = performance.now();
    this.elapsedMs = 0;
    this.timer = setInterval(() => (this.elapsedMs = performance.now() - this.startedAt), 200);
    const options = { ...this.options.changedValues };
    const ctx: RunContext = {
      createdAt: Date.now(),
      modelId: '',
      modelName: c.name,
      origin: c.origin,
      options,
      knownObjective: c.known?.objective ?? null,
      expectedStatus: c.known?.expectedStatus ?? null,
      highsVersion: solverPool().snapshot().runtime?.highsVersion ?? '',
    };
    let bytes: Uint8Array | null = null;
    try {
      bytes = await this.bytesOf(c);
      ctx.modelId = await sha256Hex(bytes);
      this.job = solverPool().submit({ name: c.name, bytes }, options, {
        priority: 'interactive',
        fingerprint: ctx.modelId,
        onProgress: this.onProgress,
        includeSolution: true,
        simplexInterrupt: this.interruptSimplex ? 'always' : 'mip',
      });
      const r = await this.job.result;
      const check = judgeSolve(ctx, r);
      this.result = r;
      this.verdict = check;
      this.cancelMode = r.cancelMode ?? null;
      await this.store(solvedRunRecord(ctx, r, check));
    } catch (e) {
      const err = e instanceof Error ? e : new Error(String(e));
      this.error = { name: err.name, message: err.message };
      if (err.name === 'Cancelled') this.cancelMode = 'terminated';
      // A failed solve is a run too (error rates are computed from them); a model that could not
      // even be loaded has no identity to store it under.
      if (bytes) await this.store(failedRunRecord(ctx, { name: err.name, message: err.message }, performance.now() - this.startedAt, this.cancelMode));
    } finally {
      clearInterval(this.timer);
      this.elapsedMs = performance.now() - this.startedAt;
      this.running = false;
      this.job = null;
    }
  }

  private async store(run: RunRecord): Promise<void> {
    try {
      await addRun(await database(), run);
      await this.refreshHistory();
    } catch (e) {
      this.historyError = `the run could not be stored: ${e instanceof Error ? e.message : String(e)}`;
    }
  }

  /** Cancels the running solve; says how (graceful or terminated). */
  cancel(): void {
    if (!this.job) return;
    this.cancelMode = this.job.cancel() ?? this.cancelMode;
  }
}

/** The page's one run state, shared by the run view and the header. */
export const runState = new RunState();
