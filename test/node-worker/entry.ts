// The solver worker for Node tests (worker_threads): the real solver API behind Comlink, plus
// faults to inject, chosen by workerData.fault:
//   'throw-on-solve'  an uncaught error in the worker (an 'error' event, the worker dies)
//   'exit-on-solve'   the worker exits in the middle of a call
//   'hang-on-solve'   the call never answers
import { parentPort, workerData } from 'node:worker_threads';
import * as Comlink from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { createSolverApi } from '../../workers/solver-api';
import { loadQuietHighs } from '../../workers/load-highs';

const fault: string = (workerData as { fault?: string } | undefined)?.fault ?? 'none';
const api = createSolverApi(loadQuietHighs);

Comlink.expose(
  {
    init: (o: Parameters<typeof api.init>[0]) => api.init(o),
    info: api.info,
    describeOptions: api.describeOptions,
    solve: (...args: Parameters<typeof api.solve>) => {
      if (fault === 'throw-on-solve') setTimeout(() => { throw new Error('injected fault: worker threw'); });
      if (fault === 'exit-on-solve') setTimeout(() => process.exit(3), 5);
      if (fault !== 'none') return new Promise(() => {});
      return api.solve(...args);
    },
  },
  nodeEndpoint(parentPort!),
);
