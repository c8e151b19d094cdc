// The page's solver pool: browser workers running workers/solver.worker.ts over the WASM module
// that Vite serves (compiled once on the main thread by the pool).
import wasmUrl from 'highs/runtime?url';
import { WorkerPool, type PoolConfig } from './worker-pool';
import { createSolverWorker, type WorkerFault } from './create-worker';

export type { WorkerFault } from './create-worker';
export { WORKER_FAULTS } from './protocol';

/** A pool of browser solver workers; the n-th worker started gets faults[n] (chaos mode). */
export function createBrowserPool(config: Partial<PoolConfig>, faults: readonly WorkerFault[] = []): WorkerPool {
  let started = 0;
  return new WorkerPool(() => createSolverWorker(faults[started++]), config, wasmUrl);
}
