// Pools for the pool tests (everyday and soak): real solver workers in worker_threads or
// in-process, the n-th worker with the n-th injected fault, and small models with known answers.
import { WorkerPool, type PoolConfig } from '../../src/solver/worker-pool';
import type { WorkerLike } from '../../src/solver/worker-handle';
import type { WorkerFault } from '../../src/solver/protocol';
import type { NodeWorker } from '../../src/node/node-worker';
import { createNodeSolverWorker, nodeSolverModule } from '../../src/node/node-pool';
import { makeWorker, type Fault } from './fake-workers';
import { fixture, known } from './harness';

export const enc = (s: string) => new TextEncoder().encode(s);
export const afiro = () => ({ name: 'afiro.mps', bytes: fixture('afiro.mps') });
export const AFIRO = known('afiro.mps').objective!;
/** max x s.t. x <= k: objective k. */
export const tiny = (k: number) => ({
  name: `tiny-${k}.lp`,
  bytes: enc(`Maximize\n obj: x\nSubject To\n c: x <= ${k}\nEnd\n`),
});
/** LP text that aborts the HiGHS LP reader (a WASM abort). */
export const syntaxError = (k: number) => ({
  name: `bad-${k}.lp`,
  bytes: enc(`Maximize\n obj: x + + y\nSubject To\n c${k}: x + y <= <= ${k}\nEnd\n`),
});

/** Faults a Node worker can inject (see workers/worker-api.ts), or none. */
export type NodeFault = 'none' | WorkerFault;

/** Waits (without timers, which may be faked) until cond() holds. */
export async function until(cond: () => boolean, what: string, spins = 20_000): Promise<void> {
  for (let i = 0; i < spins; i++) {
    if (cond()) return;
    await new Promise((r) => setImmediate(r));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** A pool of Node worker threads (src/node's worker and compiled module) whose n-th worker has faults[n]. */
export function nodePool(faults: NodeFault[], config: Partial<PoolConfig> = {}) {
  const made: NodeWorker[] = [];
  const pool = new WorkerPool(
    () => {
      const fault = faults[made.length] ?? 'none';
      const w = createNodeSolverWorker(fault === 'none' ? undefined : fault);
      made.push(w);
      return w;
    },
    { warmup: false, minWorkers: 1, maxWorkers: 1, retryBaseMs: 10, ...config },
    nodeSolverModule(),
  );
  return { pool, made };
}

/** A pool of in-process workers whose n-th worker has faults[n]. */
export function localPool(faults: Fault[], config: Partial<PoolConfig> = {}) {
  const made: WorkerLike[] = [];
  const pool = new WorkerPool(
    () => {
      const w = makeWorker(faults[made.length] ?? 'none');
      made.push(w);
      return w;
    },
    { warmup: false, minWorkers: 1, maxWorkers: 1, retryBaseMs: 10, ...config },
  );
  return { pool, made };
}
