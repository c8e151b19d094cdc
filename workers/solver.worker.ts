// The solver worker: loads HiGHS from the module compiled once on the main thread and exposes
// the worker API (workers/worker-api.ts) with Comlink. Chaos mode (see README): a fault named in
// the worker's name makes it misbehave on every solve.
import * as Comlink from 'comlink';
import { createWorkerApi, parseFault } from './worker-api';
import { loadQuietHighs } from './load-highs';

Comlink.expose(createWorkerApi(loadQuietHighs, { fault: parseFault(/fault=([\w-]+)/.exec(self.name)?.[1]) }));
