// The solver pool under Node: the page's WorkerPool (src/solver/worker-pool.ts) over worker_threads
// running ./solver.worker.ts, with HiGHS's WASM read from node_modules and compiled once per process,
// so every worker instantiates the same module, as the page's workers do.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { WorkerPool, type PoolConfig } from '../solver/worker-pool';
import type { WorkerFault } from '../solver/protocol';
import { nodeEntryFile } from './entries';
import { NodeWorker } from './node-worker';

/** A solver worker thread; a fault rides in its workerData (chaos mode, tests). */
export function createNodeSolverWorker(fault?: WorkerFault): NodeWorker {
  return new NodeWorker(nodeEntryFile('solver.worker'), { fault });
}

let compiled: Promise<WebAssembly.Module> | undefined;

/** HiGHS's WASM (the `highs/runtime` export) compiled once per process; a failed compile is tried again on the next call. */
export function nodeSolverModule(): Promise<WebAssembly.Module> {
  compiled ??= readFile(createRequire(import.meta.url).resolve('highs/runtime'))
    .then((bytes) => WebAssembly.compile(bytes))
    .catch((e: unknown) => {
      compiled = undefined;
      throw e;
    });
  return compiled;
}

/** A pool of Node solver workers sharing one compiled module; the n-th worker started gets faults[n]. */
export function createNodePool(config: Partial<PoolConfig>, faults: readonly WorkerFault[] = []): WorkerPool {
  let started = 0;
  return new WorkerPool(() => createNodeSolverWorker(faults[started++]), config, nodeSolverModule());
}
