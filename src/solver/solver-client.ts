// The one typed client of the solver for the app: compiles the WASM module once, runs a warm
// worker, and gives every solve cancellation, a watchdog deadline and recovery from aborts and
// crashes. Only this folder creates workers.
import type { ModelPayload, OptionValues, ProgressUpdate, RuntimeInfo, SolveResult, OptionDescriptor } from './protocol';
import { WorkerHandle, solverError, type WorkerLike } from './worker-handle';
import { CANCEL_ACKNOWLEDGED, CANCEL_REQUESTED } from './protocol';

/** How a cancel was carried out. */
export type CancelMode = 'graceful' | 'terminated';

/** Solver runtime state for the UI. */
export type ClientState = 'starting' | 'ready' | 'busy' | 'recovering' | 'failed';

/** A snapshot of the client for views (pool panel, health). */
export interface ClientSnapshot {
  state: ClientState;
  crossOriginIsolated: boolean;
  runtime: RuntimeInfo | null;
  /** ms from navigation start to the first warm worker. */
  readyAtMs: number | null;
  restarts: number;
  lastError: string | null;
}

/** Per-solve options of the client. */
export interface SolveOptions {
  onProgress?: (u: ProgressUpdate) => void;
  includeSolution?: boolean;
  /** Extra ms past time_limit before the watchdog terminates the job. */
  graceMs?: number;
  /** Deadline when no time_limit is set. */
  defaultDeadlineMs?: number;
  simplexInterrupt?: 'always' | 'mip' | 'never';
}

/** A running solve. */
export interface SolveJob {
  id: string;
  result: Promise<SolveResult & { cancelMode?: CancelMode }>;
  /** Asks the solve to stop: gracefully when cross-origin isolated, else by terminating the worker. */
  cancel(): CancelMode;
}

/** How to make workers and where the WASM binary is: injected so tests can supply their own. */
export interface ClientDeps {
  createWorker: () => WorkerLike;
  wasmUrl?: string;
  /** Warm up new workers before timed work (default true). */
  warmup?: boolean;
}

const DEFAULT_GRACE_MS = 10_000;
const DEFAULT_DEADLINE_MS = 60 * 60 * 1000;
/** After a graceful cancel request, how long an interrupt callback has to acknowledge it. */
const CANCEL_ACK_MS = 1_000;
/** After an acknowledged cancel, how long HiGHS may take to wind down before the worker is terminated. */
const CANCEL_WIND_DOWN_MS = 10_000;

/** Compiles the WASM module once on the main thread (streaming where the server sends application/wasm). */
export async function compileSolverModule(wasmUrl: string): Promise<WebAssembly.Module> {
  try {
    return await WebAssembly.compileStreaming(fetch(wasmUrl));
  } catch {
    const res = await fetch(wasmUrl);
    if (!res.ok) throw new Error(`could not load the solver (${res.status} ${wasmUrl})`);
    return WebAssembly.compile(await res.arrayBuffer());
  }
}

let jobCounter = 0;

/** A single warm worker with recovery; the pool (issue 3) generalizes it to many. */
export class SolverClient {
  private handle: WorkerHandle | undefined;
  private starting: Promise<WorkerHandle> | undefined;
  private module: Promise<WebAssembly.Module | undefined>;
  private listeners = new Set<(s: ClientSnapshot) => void>();
  private snap: ClientSnapshot;
  private options: OptionDescriptor[] | undefined;
  private busy = false;

  constructor(private readonly deps: ClientDeps) {
    this.snap = {
      state: 'starting',
      crossOriginIsolated: typeof crossOriginIsolated !== 'undefined' && crossOriginIsolated,
      runtime: null,
      readyAtMs: null,
      restarts: 0,
      lastError: null,
    };
    this.module = deps.wasmUrl ? compileSolverModule(deps.wasmUrl) : Promise.resolve(undefined);
    this.module.catch((e: unknown) => this.update({ state: 'failed', lastError: String(e) }));
  }

  /** Subscribes to snapshots; returns the unsubscribe function. */
  subscribe(fn: (s: ClientSnapshot) => void): () => void {
    this.listeners.add(fn);
    fn(this.snap);
    return () => this.listeners.delete(fn);
  }

  get snapshot(): ClientSnapshot {
    return this.snap;
  }

  private update(patch: Partial<ClientSnapshot>): void {
    this.snap = { ...this.snap, ...patch };
    for (const fn of this.listeners) fn(this.snap);
  }

  /** Starts (or returns) the warm worker. */
  ready(): Promise<WorkerHandle> {
    if (this.handle?.alive) return Promise.resolve(this.handle);
    this.starting ??= (async () => {
      const mod = await this.module;
      const h = new WorkerHandle(this.deps.createWorker());
      try {
        const runtime = await h.init(mod, this.deps.warmup !== false);
        this.options ??= await h.describeOptions();
        this.handle = h;
        this.update({
          state: this.busy ? 'busy' : 'ready',
          runtime,
          readyAtMs: this.snap.readyAtMs ?? performance.now(),
        });
        return h;
      } catch (e) {
        h.kill(e instanceof Error ? e : new Error(String(e)));
        this.update({ state: 'failed', lastError: e instanceof Error ? e.message : String(e) });
        throw e;
      } finally {
        this.starting = undefined;
      }
    })();
    return this.starting;
  }

  /** HiGHS's option descriptors (filtered for the browser build). */
  async describeOptions(): Promise<OptionDescriptor[]> {
    if (!this.options) await this.ready();
    return this.options!;
  }

  /** Retires a worker and starts a warm replacement in the background. */
  private replace(h: WorkerHandle, reason: Error): void {
    h.kill(reason);
    if (this.handle === h) this.handle = undefined;
    this.update({ state: 'recovering', restarts: this.snap.restarts + 1, lastError: reason.message });
    this.ready().catch(() => {});
  }

  /** Solves one model; the returned job can be cancelled. */
  solve(model: ModelPayload, options: OptionValues, o: SolveOptions = {}): SolveJob {
    const id = `job-${++jobCounter}`;
    const canShare = typeof SharedArrayBuffer !== 'undefined' && this.snap.crossOriginIsolated;
    const flag = canShare ? new Int32Array(new SharedArrayBuffer(4)) : undefined;
    let cancelMode: CancelMode | undefined;
    let current: WorkerHandle | undefined;
    let escalate: ReturnType<typeof setTimeout> | undefined;

    const result = (async () => {
      const h = await this.ready();
      current = h;
      if (cancelMode) throw solverError('Cancelled', 'cancelled before the solve started');
      this.busy = true;
      this.update({ state: 'busy' });
      const tl = typeof options.time_limit === 'number' && Number.isFinite(options.time_limit) ? options.time_limit * 1000 : undefined;
      const deadline = (tl ?? o.defaultDeadlineMs ?? DEFAULT_DEADLINE_MS) + (o.graceMs ?? DEFAULT_GRACE_MS);
      const watchdog = setTimeout(() => {
        this.replace(h, solverError('Timeout', `the solve did not come back within ${Math.round(deadline / 1000)} s (time limit + grace); its worker was terminated`));
      }, deadline);
      try {
        const r = await h.solve(
          {
            jobId: id,
            model,
            options,
            cancelFlag: flag,
            includeSolution: o.includeSolution,
            simplexInterrupt: o.simplexInterrupt,
          },
          o.onProgress,
        );
        return cancelMode ? { ...r, cancelMode } : r;
      } catch (e) {
        const err = e instanceof Error ? e : new Error(String(e));
        if (err.name === 'SolverAborted' || err.name === 'WorkerCrashed') this.replace(h, err);
        throw err;
      } finally {
        clearTimeout(watchdog);
        if (escalate) clearTimeout(escalate);
        this.busy = false;
        if (this.snap.state === 'busy') this.update({ state: this.handle?.alive ? 'ready' : 'recovering' });
      }
    })();

    const terminate = (): void => {
      if (current) this.replace(current, solverError('Cancelled', 'solve cancelled: the worker was terminated'));
    };

    return {
      id,
      result,
      cancel: () => {
        if (cancelMode) return cancelMode;
        if (flag && current) {
          cancelMode = 'graceful';
          Atomics.store(flag, 0, CANCEL_REQUESTED);
          // Parsing, or an LP simplex without the per-iteration callback, never sees the flag:
          // without an acknowledgement from an interrupt callback, terminate instead.
          escalate = setTimeout(() => {
            if (Atomics.load(flag, 0) === CANCEL_ACKNOWLEDGED) {
              escalate = setTimeout(() => {
                cancelMode = 'terminated';
                terminate();
              }, CANCEL_WIND_DOWN_MS);
              return;
            }
            cancelMode = 'terminated';
            terminate();
          }, CANCEL_ACK_MS);
        } else {
          cancelMode = 'terminated';
          terminate();
        }
        return cancelMode;
      },
    };
  }

  /** Stops the worker (page unload, tests). */
  dispose(): void {
    this.handle?.kill(solverError('Cancelled', 'solver client disposed'));
    this.handle = undefined;
  }
}
