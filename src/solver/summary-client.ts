// The client of the summary worker (workers/summary.worker.ts, or src/node/summary.worker.ts under
// Node): benchmark summaries, comparisons, reports and backups computed off the main thread. One
// worker, made on the first call and reused; when it dies, every call pending on it rejects at once
// (the generic client, ./comlink-client.ts) and the next call makes a new one. The contract is written
// once, in workers/summary-api.ts: the client's methods and the in-process version are derived from it.
import { createSummaryApi, type SummaryWorkerApi } from '../../workers/summary-api';
import {
  ComlinkClient,
  ForwardingClass,
  methodNames,
  promised,
  type Promised,
  type WorkerLike,
} from './comlink-client';

/** The error name of a call that failed because the summary worker died or could not start. */
export const SUMMARY_WORKER_CRASHED = 'SummaryWorkerCrashed';

/** The summary worker's API as its callers see it, every method returning a Promise: what src/state/ports.ts's Summarizer is. */
export type SummarizerApi = Promised<SummaryWorkerApi>;

/** The API's method names, read from the implementation itself. */
const SUMMARY_METHODS = methodNames(createSummaryApi());

/** A module worker running workers/summary.worker.ts, bundled by Vite. */
export function createSummaryWorker(): WorkerLike {
  return new Worker(new URL('../../workers/summary.worker.ts', import.meta.url), {
    type: 'module',
    name: 'highs-summary',
  });
}

/** The summary worker's API run on the calling thread (a throw becomes a rejection): tests and the fallback of src/state/summarizer.ts. */
export function inProcessSummarizerApi(): SummarizerApi {
  return promised(createSummaryApi());
}

/** An Error named SummaryWorkerCrashed. */
function crashed(message: string): Error {
  const e = new Error(message);
  e.name = SUMMARY_WORKER_CRASHED;
  return e;
}

/** Summaries, comparisons, reports and backups in a worker: every method of SummarizerApi, forwarded to it. Inputs must be plain data (no $state proxy). */
export class SummaryClient extends ForwardingClass<SummaryWorkerApi>(SUMMARY_METHODS) implements SummarizerApi {
  private live: ComlinkClient<SummaryWorkerApi> | null = null;
  private started = 0;

  /** `makeWorker` creates the worker (default: the browser module worker); Node and tests pass theirs. */
  constructor(private readonly makeWorker: () => WorkerLike = createSummaryWorker) {
    super();
  }

  /** How many workers this client has started (1 unless one died). */
  get workersStarted(): number {
    return this.started;
  }

  /** Ends the worker; calls pending on it reject, a later call starts a new one. */
  dispose(): void {
    this.live?.kill(crashed('the summary worker was stopped before it answered'));
  }

  /** Runs one method of the API in the worker (started now if there is none, or the last one died). */
  protected forward(name: keyof SummaryWorkerApi & string, args: unknown[]): Promise<unknown> {
    let client: ComlinkClient<SummaryWorkerApi>;
    try {
      client = this.client();
    } catch (e) {
      return Promise.reject(crashed(`the summary worker could not be started: ${(e as Error)?.message ?? e}`));
    }
    return client.call((remote) => (remote[name] as (...a: unknown[]) => Promise<unknown>)(...args));
  }

  /** The live worker's client, or a new one. */
  private client(): ComlinkClient<SummaryWorkerApi> {
    if (this.live?.alive) return this.live;
    const worker = this.makeWorker();
    this.started++;
    this.live = new ComlinkClient<SummaryWorkerApi>(worker, {
      died: (d) =>
        crashed(
          d.kind === 'exited'
            ? 'the summary worker exited'
            : `the summary worker crashed: ${d.message ?? 'it failed to load or threw outside a call'}`,
        ),
      failed: explain,
    });
    return this.live;
  }
}

/** An Error for a failed call; an input that cannot be structured-cloned gets a message saying so. */
function explain(e: unknown): Error {
  const err = e instanceof Error ? e : new Error(String(e));
  if (err.name !== 'DataCloneError') return err;
  const clear = new Error(
    `the summary input could not be sent to the summary worker (only plain data crosses: no functions, class instances or $state proxies): ${err.message}`,
  );
  clear.name = 'DataCloneError';
  return clear;
}
