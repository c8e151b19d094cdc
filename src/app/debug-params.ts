// The debug URL parameters documented in the README, parsed from `location.search`. Pure, so
// every parameter is unit-tested.
import type { PoolConfig } from '../solver/pool-types';
import { parseFault, type WorkerFault } from '../solver/protocol';

/** What the debug parameters ask of the services: pool tunables, injected faults, automation access. */
export interface DebugParams {
  config: Partial<PoolConfig>;
  /** The n-th worker started gets faults[n]. */
  faults: WorkerFault[];
  /** Expose the pool as `globalThis.__workbenchPool` and the bench hooks (src/app/bench-hooks.ts) as `globalThis.__workbenchBench`, for benchmarks and automation. */
  bench: boolean;
  /** Record metrics (`metrics=off` turns the recorder off: the bench's "without" side). */
  metrics: boolean;
  /** How often the system is sampled, ms (`sampleMs=N`, at least 100), or undefined for the default. */
  sampleMs: number | undefined;
}

/**
 * Reads `warmup=off`, `chaos=F1,F2`, `retries=N`, `graceMs=N`, `readMs=N` (the base read allowance),
 * `maxJobs=N` (at least 1), `bench`, `metrics=off` and `sampleMs=N` (at least 100).
 * Values that are not plain non-negative integers, and unknown faults, are ignored.
 */
export function parseDebugParams(search: string): DebugParams {
  const q = new URLSearchParams(search);
  const config: Partial<PoolConfig> = { warmup: q.get('warmup') !== 'off' };
  const int = (name: string): number | undefined => {
    const v = q.get(name);
    return v !== null && /^\d+$/.test(v) ? Number(v) : undefined;
  };
  const retries = int('retries');
  const graceMs = int('graceMs');
  const maxJobs = int('maxJobs');
  const readMs = int('readMs');
  if (readMs !== undefined) config.readBaseMs = readMs;
  if (retries !== undefined) config.maxRetries = retries;
  if (graceMs !== undefined) config.graceMs = graceMs;
  if (maxJobs !== undefined) config.maxJobsPerWorker = Math.max(1, maxJobs);
  const faults = (q.get('chaos') ?? '')
    .split(',')
    .map(parseFault)
    .filter((f): f is WorkerFault => f !== undefined);
  const sampleMs = int('sampleMs');
  return {
    config,
    faults,
    bench: q.has('bench'),
    metrics: q.get('metrics') !== 'off',
    sampleMs: sampleMs === undefined ? undefined : Math.max(100, sampleMs),
  };
}
