// One solver worker behind Comlink, with the guarantee Comlink lacks: when the worker errors or
// is terminated, every call pending on it is rejected at once (a Comlink call to a dead worker
// never settles by itself).
import * as Comlink from 'comlink';
import type { SolverWorkerApi } from '../../workers/worker-api';
import {
  solverError,
  type ProgressUpdate,
  type RuntimeInfo,
  type SolveRequest,
  type SolveResult,
  type OptionDescriptor,
} from './protocol';

/** The worker's API as seen through Comlink, derived from the object the worker exposes. */
type RemoteApi = Comlink.Remote<SolverWorkerApi>;

/** What a worker needs to look like: a browser Worker (or a test double with the same surface). */
export interface WorkerLike {
  postMessage(message: unknown, transfer?: Transferable[]): void;
  addEventListener(type: string, listener: (ev: Event) => void): void;
  removeEventListener(type: string, listener: (ev: Event) => void): void;
  terminate(): void;
}

let nextId = 1;

/** One live worker: its remote API, pending calls and lifecycle. */
export class WorkerHandle {
  readonly id = nextId++;
  private readonly remote: RemoteApi;
  private readonly pending = new Set<(e: Error) => void>();
  private deadReason: Error | undefined;
  private readonly onError = (ev: Event): void => {
    const msg = (ev as ErrorEvent).message || 'the worker failed to load or threw outside a call';
    this.kill(solverError('WorkerCrashed', `solver worker ${this.id} crashed: ${msg}`));
  };

  private readonly onExit = (): void => {
    this.kill(solverError('WorkerCrashed', `solver worker ${this.id} exited`));
  };
  private readonly lifeLock = `highs-worker-${this.id}-${Math.random().toString(36).slice(2)}`;

  constructor(private readonly worker: WorkerLike) {
    this.remote = Comlink.wrap<SolverWorkerApi>(worker as unknown as Comlink.Endpoint);
    worker.addEventListener('error', this.onError);
    worker.addEventListener('messageerror', this.onError);
    // Node's worker_threads (and test doubles) say when a worker exits.
    worker.addEventListener('exit', this.onExit);
  }

  /**
   * A browser worker that ends itself (close(), a fatal error) fires no event. It holds a Web Lock
   * from init on; the lock is granted to us only when the worker is gone.
   * https://developer.mozilla.org/en-US/docs/Web/API/Web_Locks_API
   */
  private watchExit(): void {
    const locks = (globalThis as { navigator?: { locks?: LockManager } }).navigator?.locks;
    if (!locks || !this.alive) return;
    void locks.request(this.lifeLock, () => {
      this.onExit();
    });
  }

  /** Is the worker still usable? */
  get alive(): boolean {
    return this.deadReason === undefined;
  }

  /** Runs one remote call so that it settles even if the worker dies. */
  private call<T>(fn: (r: RemoteApi) => Promise<T>): Promise<T> {
    if (this.deadReason) return Promise.reject(this.deadReason);
    return new Promise<T>((resolve, reject) => {
      const fail = (e: Error): void => reject(e);
      this.pending.add(fail);
      fn(this.remote).then(
        (v) => {
          this.pending.delete(fail);
          resolve(v);
        },
        (e: unknown) => {
          this.pending.delete(fail);
          reject(e instanceof Error ? e : solverError('WorkerCrashed', String(e)));
        },
      );
    });
  }

  /** Loads HiGHS from the shared compiled module and warms up. */
  async init(wasmModule: WebAssembly.Module | undefined, warmup = true): Promise<RuntimeInfo> {
    const info = await this.call((r) => r.init({ warmup, wasmModule, lifeLock: this.lifeLock }));
    this.watchExit();
    return info;
  }

  describeOptions(): Promise<OptionDescriptor[]> {
    return this.call((r) => r.describeOptions());
  }

  solve(req: SolveRequest, onProgress?: (u: ProgressUpdate) => void): Promise<SolveResult> {
    return this.call((r) => r.solve(req, onProgress ? Comlink.proxy(onProgress) : undefined));
  }

  /** Terminates the worker and rejects everything pending on it with `reason`. */
  kill(reason: Error): void {
    if (this.deadReason) return;
    this.deadReason = reason;
    this.worker.removeEventListener('error', this.onError);
    this.worker.removeEventListener('messageerror', this.onError);
    this.worker.removeEventListener('exit', this.onExit);
    try {
      this.worker.terminate();
    } finally {
      for (const fail of this.pending) fail(reason);
      this.pending.clear();
    }
  }
}
