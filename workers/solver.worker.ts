// The solver worker: loads HiGHS from the module compiled once on the main thread and exposes
// the solver API with Comlink.
import * as Comlink from 'comlink';
import { createSolverApi } from './solver-api';
import { loadQuietHighs } from './load-highs';

const api = createSolverApi(loadQuietHighs);

// Chaos mode (see README): the page can ask this worker to misbehave on its first solve.
const fault = /fault=([\w-]+)/.exec(self.name)?.[1];

Comlink.expose({
  async init(opts: Parameters<typeof api.init>[0] & { lifeLock?: string } = {}) {
    const info = await api.init(opts);
    // Held until this worker ends, so the page learns of an exit (see WorkerHandle.watchExit).
    const name = opts.lifeLock;
    if (name && navigator.locks) {
      await new Promise<void>((held) => {
        void navigator.locks.request(name, () => {
          held();
          return new Promise(() => {});
        });
      });
    }
    return info;
  },
  info: api.info,
  describeOptions: api.describeOptions,
  async solve(...args: Parameters<typeof api.solve>) {
    if (fault === 'throw-on-solve') setTimeout(() => {
      throw new Error('injected fault: worker threw');
    });
    if (fault === 'exit-on-solve') setTimeout(() => self.close(), 5);
    if (fault) return new Promise<never>(() => {});
    const r = await api.solve(...args);
    return r.solution ? Comlink.transfer(r, [r.solution.values.buffer]) : r;
  },
});
