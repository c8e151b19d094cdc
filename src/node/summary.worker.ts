// The summary worker under Node's worker_threads: the browser's summary API (workers/summary-api.ts)
// behind Comlink. No HiGHS here.
import { parentPort } from 'node:worker_threads';
import * as Comlink from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { createSummaryApi } from '../../workers/summary-api';

Comlink.expose(createSummaryApi(), nodeEndpoint(parentPort!));
