// The app's long-lived services, created once: the solver pool and the database.
import wasmUrl from 'highs/runtime?url';
import { WorkerPool, type PoolConfig } from '../solver/worker-pool';
import { createSolverWorker } from '../solver/create-worker';
import { openWorkbenchDb, type Db } from '../storage/db';

/** localStorage key of the user's pool size. */
export const POOL_SIZE_KEY = 'highs-workbench.pool-size';

let pool: WorkerPool | undefined;
let db: Promise<Db> | undefined;

function savedSize(): Partial<PoolConfig> {
  try {
    const v = JSON.parse(localStorage.getItem(POOL_SIZE_KEY) ?? 'null') as { min?: unknown; max?: unknown } | null;
    if (v && typeof v.min === 'number' && typeof v.max === 'number' && v.max >= 1 && v.min >= 0 && v.min <= v.max) {
      return { minWorkers: v.min, maxWorkers: v.max };
    }
  } catch {
    /* ignore a bad or unavailable saved size */
  }
  return {};
}

/** The one solver pool of the page (compiles the module and starts a warm worker on first use). */
export function solverPool(): WorkerPool {
  // `?warmup=off` skips the warm-up (benchmarks use it to show what the warm-up buys).
  const warmup = new URLSearchParams(location.search).get('warmup') !== 'off';
  pool ??= new WorkerPool(createSolverWorker, { warmup, ...savedSize() }, wasmUrl);
  return pool;
}

/** The workbench database, opened (and migrated) once. */
export function database(): Promise<Db> {
  db ??= openWorkbenchDb();
  return db;
}
