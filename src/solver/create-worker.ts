// Creates the browser solver worker (the only place a Worker is constructed).
import type { WorkerLike } from './worker-handle';

/** A module worker running workers/solver.worker.ts, bundled by Vite. */
export function createSolverWorker(): WorkerLike {
  return new Worker(new URL('../../workers/solver.worker.ts', import.meta.url), {
    type: 'module',
    name: 'highs-solver',
  });
}
