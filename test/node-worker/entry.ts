// The solver worker for Node tests (worker_threads): the real solver API behind Comlink, plus
// faults to inject, chosen by workerData.fault:
//   'throw-on-solve'  an uncaught error in the worker (an 'error' event, the worker dies)
//   'exit-on-solve'   the worker exits in the middle of a call
//   'hang-on-solve'   the call never answers
import { parentPort, workerData } from 'node:worker_threads';
import * as Comlink from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import loadHighs from 'highs';
import { createSolverApi } from '../../workers/solver-api';

const fault: string = (workerData as { fault?: string } | undefined)?.fault ?? 'none';
const api = createSolverApi((wasmModule) =>
  loadHighs({
    print() {},
    printErr() {},
    ...(wasmModule
      ? {
          instantiateWasm(imports: WebAssembly.Imports, receive: (i: WebAssembly.Instance) => void) {
            void WebAssembly.instantiate(wasmModule, imports).then(receive);
            return {};
          },
        }
      : {}),
  } as Parameters<typeof loadHighs>[0]),
);

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
