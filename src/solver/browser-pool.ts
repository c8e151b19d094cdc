// The page's solver pool: browser workers running workers/solver.worker.ts over the WASM module
// that Vite serves, compiled once on the main thread and handed to every worker.
import wasmUrl from 'highs/runtime?url';
import { WorkerPool, type PoolConfig } from './worker-pool';
import { createSolverWorker, type WorkerFault } from './create-worker';

export type { WorkerFault } from './create-worker';
export { WORKER_FAULTS } from './protocol';

/** Compiles the WASM module once on the main thread (streaming where the server sends application/wasm). */
export async function compileSolverModule(url: string): Promise<WebAssembly.Module> {
  try {
    return await WebAssembly.compileStreaming(fetch(url));
  } catch {
    const res = await fetch(url);
    if (!res.ok) throw new Error(`could not load the solver (${res.status} ${url})`);
    return WebAssembly.compile(await res.arrayBuffer());
  }
}

/** A pool of browser solver workers; the n-th worker started gets faults[n] (chaos mode). */
export function createBrowserPool(config: Partial<PoolConfig>, faults: readonly WorkerFault[] = []): WorkerPool {
  let started = 0;
  return new WorkerPool(() => createSolverWorker(faults[started++]), config, compileSolverModule(wasmUrl));
}
