// Real parts for the state tests: the real solver through an in-process pool (the HiGHS solver API
// over a MessageChannel), IndexedDB from fake-indexeddb, and the library served from public/models.
import 'fake-indexeddb/auto';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { WorkerPool, type PoolConfig } from '../../src/solver/worker-pool';
import { openWorkbenchDb } from '../../src/storage/db';
import { runStoreOf } from '../../src/app/run-store';
import { benchmarkStoreOf } from '../../src/app/benchmark-store';
import { parameterStoreOf } from '../../src/app/parameter-store';
import { baselineStoreOf } from '../../src/app/baseline-store';
import { alertStoreOf, healthStoreOf, metricsStoreOf, settingsStoreOf } from '../../src/app/monitoring-stores';
import type { AppServices, ModelSource, RunStore } from '../../src/state/ports';
import type { PickedFile } from '../../src/state/library-state.svelte';
import { makeWorker, type Fault } from '../solver/fake-workers';

/** A pool of one in-process worker running the real solver API; the n-th worker started has faults[n]. */
export function localPool(faults: Fault[] = [], config: Partial<PoolConfig> = {}): WorkerPool {
  let made = 0;
  return new WorkerPool(() => makeWorker(faults[made++] ?? 'none'), {
    warmup: false,
    minWorkers: 1,
    maxWorkers: 1,
    ...config,
  });
}

let dbCount = 0;

/** A run store over a fresh fake-indexeddb database. */
export function freshRunStore(): RunStore {
  return runStoreOf(openWorkbenchDb(`state-test-${process.pid}-${++dbCount}`));
}

// Paths from this file's directory (not `new URL(…, import.meta.url)`, which the client transform rewrites for browsers).
const HERE = dirname(fileURLToPath(import.meta.url));
const PUBLIC_MODELS = join(HERE, '../../public/models');
const FIXTURES = join(HERE, '../fixtures');

/** The shipped library (manifest and files) read from disk. */
export const diskLibrary: ModelSource = {
  manifest: async () => JSON.parse(await readFile(join(PUBLIC_MODELS, 'instances.json'), 'utf8')),
  model: async (file) => new Uint8Array(await readFile(join(PUBLIC_MODELS, file))),
};

/** A test fixture as the file picker gets it. */
export async function fixtureFile(name: string): Promise<PickedFile> {
  const bytes = await readFile(join(FIXTURES, name));
  return {
    name,
    size: bytes.byteLength,
    arrayBuffer: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
  };
}

let servicesCount = 0;

/**
 * The app's services for state tests: the real solver in a fresh in-process pool (the caller disposes
 * `solver`), the library from disk, and the benchmark, parameter, baseline, metrics, health, alert and
 * settings stores over one fresh fake-indexeddb database named after `name`.
 */
export function storedServices(name: string): AppServices & { solver: WorkerPool } {
  const db = openWorkbenchDb(`${name}-${process.pid}-${++servicesCount}`);
  return {
    solver: localPool(),
    runs: freshRunStore(),
    library: diskLibrary,
    poolSize: { save: () => {} },
    benchmarks: benchmarkStoreOf(db),
    parameters: parameterStoreOf(db),
    baselines: baselineStoreOf(db),
    metrics: metricsStoreOf(db),
    health: healthStoreOf(db),
    alerts: alertStoreOf(db),
    settings: settingsStoreOf(db),
  };
}
