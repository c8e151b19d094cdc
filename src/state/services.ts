// The app's long-lived services, created once: the solver pool and the database.
import wasmUrl from 'highs/runtime?url';
import { WorkerPool, type PoolConfig } from '../solver/worker-pool';
import { createSolverWorker, type WorkerFault } from '../solver/create-worker';
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

const FAULTS: readonly WorkerFault[] = ['throw-on-solve', 'exit-on-solve', 'hang-on-solve'];

/**
 * Debug URL parameters (documented in the README): `warmup=off`, `chaos=F1,F2` (the n-th worker
 * started gets fault Fn), `retries=N`, `graceMs=N`, `maxJobs=N`, `bench` (exposes the pool to automation).
 */
function debugParams(): { config: Partial<PoolConfig>; faults: WorkerFault[]; bench: boolean } {
  const q = new URLSearchParams(location.search);
  const config: Partial<PoolConfig> = { warmup: q.get('warmup') !== 'off' };
  const int = (name: string): number | undefined => {
    const v = q.get(name);
    return v !== null && /^\d+$/.test(v) ? Number(v) : undefined;
  };
  if (int('retries') !== undefined) config.maxRetries = int('retries');
  if (int('graceMs') !== undefined) config.graceMs = int('graceMs');
  if (int('maxJobs') !== undefined) config.maxJobsPerWorker = Math.max(1, int('maxJobs')!);
  const faults = (q.get('chaos') ?? '').split(',').filter((f): f is WorkerFault => (FAULTS as string[]).includes(f));
  return { config, faults, bench: q.has('bench') };
}

/** The one solver pool of the page (compiles the module and starts a warm worker on first use). */
export function solverPool(): WorkerPool {
  if (!pool) {
    const { config, faults, bench } = debugParams();
    let started = 0;
    pool = new WorkerPool(() => createSolverWorker(faults[started++]), { ...savedSize(), ...config }, wasmUrl);
    if (bench) (globalThis as { __workbenchPool?: WorkerPool }).__workbenchPool = pool;
  }
  return pool;
}

/** The workbench database, opened (and migrated) once. */
export function database(): Promise<Db> {
  db ??= openWorkbenchDb();
  return db;
}
