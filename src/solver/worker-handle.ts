// One solver worker: the generic Comlink client (./comlink-client.ts) with the solver's remote API,
// its errors (WorkerCrashed, naming the worker) and one more way to learn of a death: a browser
// worker that closed itself fires no event, so it holds a Web Lock for as long as it lives.
import * as Comlink from 'comlink';
import type { SolverWorkerApi } from '../../workers/worker-api';
import { ComlinkClient, type WorkerLike } from './comlink-client';
import {
  solverError,
  type ProgressUpdate,
  type RuntimeInfo,
  type SolveRequest,
  type SolveResult,
  type OptionDescriptor,
} from './protocol';

export type { WorkerLike } from './comlink-client';

let nextId = 1;

/** One live solver worker: its remote API (derived from the worker's own implementation) and lifecycle. */
export class WorkerHandle {
  readonly id = nextId++;
  private readonly client: ComlinkClient<SolverWorkerApi>;
  private readonly lifeLock = `highs-worker-${this.id}-${Math.random().toString(36).slice(2)}`;

  constructor(worker: WorkerLike) {
    this.client = new ComlinkClient<SolverWorkerApi>(worker, {
      died: (d) =>
        solverError(
          'WorkerCrashed',
          d.kind === 'exited'
            ? `solver worker ${this.id} exited`
            : `solver worker ${this.id} crashed: ${d.message ?? 'the worker failed to load or threw outside a call'}`,
        ),
      failed: (e) => (e instanceof Error ? e : solverError('WorkerCrashed', String(e))),
    });
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
      this.client.die({ kind: 'exited' });
    });
  }

  /** Is the worker still usable? */
  get alive(): boolean {
    return this.client.alive;
  }

  /** Loads HiGHS from the shared compiled module and warms up. */
  async init(wasmModule: WebAssembly.Module | undefined, warmup = true): Promise<RuntimeInfo> {
    const info = await this.client.call((r) => r.init({ warmup, wasmModule, lifeLock: this.lifeLock }));
    this.watchExit();
    return info;
  }

  /** HiGHS's option descriptors, as this worker's runtime reports them. */
  describeOptions(): Promise<OptionDescriptor[]> {
    return this.client.call((r) => r.describeOptions());
  }

  /** Solves one model; progress comes back through a Comlink proxy. */
  solve(req: SolveRequest, onProgress?: (u: ProgressUpdate) => void): Promise<SolveResult> {
    return this.client.call((r) => r.solve(req, onProgress ? Comlink.proxy(onProgress) : undefined));
  }

  /** Terminates the worker and rejects everything pending on it with `reason`. */
  kill(reason: Error): void {
    this.client.kill(reason);
  }
}
