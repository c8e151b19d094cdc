// A worker_threads Worker dressed as a browser Worker (addEventListener, 'message' events with
// `data`, 'error' events with `message`), so the pool and the clients run unchanged on real threads.
import { Worker } from 'node:worker_threads';
import type { WorkerLike } from '../solver/comlink-client';

/** A worker thread running one bundled entry (see ./entries.ts), as a WorkerLike. */
export class NodeWorker implements WorkerLike {
  readonly worker: Worker;
  /** The Node listener made for each (type, listener) pair, to remove it again. */
  private readonly wrapped = new Map<string, Map<(ev: Event) => void, (...a: unknown[]) => void>>();
  /** Has the thread ended (by itself or terminated)? */
  exited = false;

  constructor(script: string, workerData?: unknown) {
    this.worker = new Worker(script, { workerData });
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
    let byListener = this.wrapped.get(type);
    if (!byListener) this.wrapped.set(type, (byListener = new Map()));
    byListener.set(listener, w);
    this.worker.on(type, w);
  }

  removeEventListener(type: string, listener: (ev: Event) => void): void {
    const w = this.wrapped.get(type)?.get(listener);
    if (!w) return;
    this.wrapped.get(type)!.delete(listener);
    this.worker.off(type, w);
  }

  terminate(): void {
    void this.worker.terminate();
  }
}
