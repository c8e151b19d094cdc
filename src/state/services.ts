// The app's long-lived services, created once: the solver client and the database.
import wasmUrl from 'highs/runtime?url';
import { SolverClient } from '../solver/solver-client';
import { createSolverWorker } from '../solver/create-worker';
import { openWorkbenchDb, type Db } from '../storage/db';

let client: SolverClient | undefined;
let db: Promise<Db> | undefined;

/** The one solver client of the page (compiles the module and starts the warm worker on first use). */
export function solverClient(): SolverClient {
  // `?warmup=off` skips the warm-up (benchmarks use it to show what the warm-up buys).
  const warmup = new URLSearchParams(location.search).get('warmup') !== 'off';
  client ??= new SolverClient({ createWorker: createSolverWorker, wasmUrl, warmup });
  return client;
}

/** The workbench database, opened (and migrated) once. */
export function database(): Promise<Db> {
  db ??= openWorkbenchDb();
  return db;
}
