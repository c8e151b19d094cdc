// The object every solver worker exposes with Comlink: the browser worker, the worker_threads test
// worker and the in-process test doubles all build it here, so they cannot drift apart, and the
// client's remote type (src/solver/worker-handle.ts) is derived from it.
import * as Comlink from 'comlink';
import type { SolveRequest, ProgressUpdate, WorkerFault } from '../src/solver/protocol';
import { createSolverApi, type HighsLoader } from './solver-api';

export { parseFault, type WorkerFault } from '../src/solver/protocol';

/** The injected fault and how this host ends or crashes a worker, so each host says only what differs. */
export interface WorkerApiOptions {
  fault?: WorkerFault;
  /** Ends the worker from inside (default `self.close()`; in Node, process.exit). */
  exit?: () => void;
  /** Reports a crash (default: an uncaught error thrown outside the call). */
  crash?: (message: string) => void;
}

/** Throws outside any call, so the host sees an uncaught error (a worker's 'error' event). */
const throwUncaught = (message: string): void => {
  setTimeout(() => {
    throw new Error(message);
  });
};

/** Builds the worker's API over a HiGHS loader; nothing is loaded until init() or the first solve. */
export function createWorkerApi(loader: HighsLoader, o: WorkerApiOptions = {}) {
  const api = createSolverApi(loader);
  // Web Locks where the host has them (browsers); Node 20 has no navigator.
  const locks = (globalThis as { navigator?: { locks?: LockManager } }).navigator?.locks;
  return {
    /** Loads (from the shared compiled module) and warms up; then holds `lifeLock` until the worker ends. */
    async init(opts: { warmup?: boolean; wasmModule?: WebAssembly.Module; lifeLock?: string } = {}) {
      const info = await api.init(opts);
      // Held until this worker ends, so the page learns of an exit (see WorkerHandle.watchExit).
      const name = opts.lifeLock;
      if (name && locks) {
        await new Promise<void>((held) => {
          void locks.request(name, () => {
            held();
            return new Promise(() => {});
          });
        });
      }
      return info;
    },
    info: api.info,
    describeOptions: api.describeOptions,
    /** Solves; the solution's values are transferred, not copied. */
    async solve(req: SolveRequest, onProgress?: (u: ProgressUpdate) => void) {
      if (o.fault === 'throw-on-solve') throwUncaught('injected fault: worker threw');
      if (o.fault === 'crash-on-solve') (o.crash ?? throwUncaught)('injected crash');
      if (o.fault === 'exit-on-solve') setTimeout(o.exit ?? (() => self.close()), 5);
      if (o.fault) return new Promise<never>(() => {});
      const r = await api.solve(req, onProgress);
      return r.solution ? Comlink.transfer(r, [r.solution.values.buffer]) : r;
    },
  };
}

/** The worker's API as the client sees it through Comlink.Remote. */
export type SolverWorkerApi = ReturnType<typeof createWorkerApi>;
