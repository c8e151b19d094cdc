// A worker_threads Worker dressed as a browser Worker (addEventListener, 'message' events with
// `data`), so the pool runs unchanged against real threads in Node.
import { Worker } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import type { WorkerLike } from '../../src/solver/worker-handle';
import type { WorkerFault } from '../../workers/worker-api';

const script = fileURLToPath(
  new URL('../../node_modules/.cache/highs-workbench-test/node-worker.mjs', import.meta.url),
);

/** Faults the Node test worker can inject (see workers/worker-api.ts), or none. */
export type NodeFault = 'none' | WorkerFault;

/** A Node worker running the real solver API. */
export class NodeWorker implements WorkerLike {
  readonly worker: Worker;
  private readonly wrapped = new Map<(ev: Event) => void, (...a: unknown[]) => void>();
  exited = false;
  constructor(fault: NodeFault = 'none') {
    this.worker = new Worker(script, { workerData: { fault } });
    this.worker.on('exit', () => (this.exited = true));
  }
  postMessage(message: unknown, transfer?: Transferable[]): void {
    this.worker.postMessage(message, transfer as never);
  }
  addEventListener(type: string, listener: (ev: Event) => void): void {
    const w =
      type === 'message'
        ? (data: unknown) => listener({ data } as MessageEvent)
        : type === 'error'
          ? (e: unknown) =>
              listener(Object.assign(new Event('error'), { message: e instanceof Error ? e.message : String(e) }))
          : () => listener(new Event(type));
    this.wrapped.set(listener, w);
    this.worker.on(type, w);
  }
  removeEventListener(type: string, listener: (ev: Event) => void): void {
    const w = this.wrapped.get(listener);
    if (w) this.worker.off(type, w);
  }
  terminate(): void {
    void this.worker.terminate();
  }
}
