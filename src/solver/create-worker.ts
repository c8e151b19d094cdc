// Creates the browser solver worker (the only place a Worker is constructed).
import type { WorkerLike } from './worker-handle';
import type { WorkerFault } from './protocol';

export type { WorkerFault } from './protocol';

/** A module worker running workers/solver.worker.ts, bundled by Vite; a fault rides in its name. */
export function createSolverWorker(fault?: WorkerFault): WorkerLike {
  return new Worker(new URL('../../workers/solver.worker.ts', import.meta.url), {
    type: 'module',
    name: fault ? `highs-solver fault=${fault}` : 'highs-solver',
  });
}
