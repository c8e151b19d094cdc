// The solver worker under Node's worker_threads: the same worker API as the browser's
// (workers/worker-api.ts) behind Comlink, with the fault named by workerData.fault (chaos mode,
// tests); an 'exit-on-solve' worker ends with process.exit, which in a worker thread ends only the thread.
import { parentPort, workerData } from 'node:worker_threads';
import * as Comlink from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { createWorkerApi, parseFault } from '../../workers/worker-api';
import { loadQuietHighs } from '../../workers/load-highs';

const fault = parseFault((workerData as { fault?: string } | undefined)?.fault);
Comlink.expose(createWorkerApi(loadQuietHighs, { fault, exit: () => process.exit(3) }), nodeEndpoint(parentPort!));
