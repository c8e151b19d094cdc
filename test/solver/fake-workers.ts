// In-process stand-ins for browser workers: the real worker API (or a faulty one) exposed with
// Comlink on one end of a MessageChannel, the other end dressed as a Worker.
import * as Comlink from 'comlink';
import { createWorkerApi, type WorkerFault } from '../../workers/worker-api';
import { loadQuietHighs } from '../../workers/load-highs';
import type { WorkerLike } from '../../src/solver/worker-handle';

/** A Worker-shaped MessagePort; `crash()` and `exit()` fire the events a dying worker would. */
export class PortWorker implements WorkerLike {
  private readonly events = new EventTarget();
  terminated = false;
  constructor(
    private readonly port: MessagePort,
    private readonly other: MessagePort,
  ) {
    port.start();
  }
  postMessage(message: unknown, transfer: Transferable[] = []): void {
    if (!this.terminated) this.port.postMessage(message, transfer as never);
  }
  addEventListener(type: string, listener: (ev: Event) => void): void {
    if (type === 'message') this.port.addEventListener('message', listener as never);
    else this.events.addEventListener(type, listener);
  }
  removeEventListener(type: string, listener: (ev: Event) => void): void {
    if (type === 'message') this.port.removeEventListener('message', listener as never);
    else this.events.removeEventListener(type, listener);
  }
  terminate(): void {
    this.terminated = true;
    this.port.close();
    this.other.close();
  }
  crash(message: string): void {
    this.events.dispatchEvent(Object.assign(new Event('error'), { message }));
  }
  /** Fires the 'messageerror' event of a message the worker could not read. */
  messageError(): void {
    this.events.dispatchEvent(new Event('messageerror'));
  }
  /** Fires the 'exit' event a worker that ended itself fires (in Node). */
  exit(): void {
    this.events.dispatchEvent(new Event('exit'));
  }
}

/** How a fake worker misbehaves (see workers/worker-api.ts), or not at all. */
export type Fault = 'none' | WorkerFault;

/** Makes a worker running the real worker API (the browser worker's), optionally faulty on solve. */
export function makeWorker(fault: Fault = 'none'): PortWorker {
  const { port1, port2 } = new MessageChannel();
  const self: { worker?: PortWorker } = {};
  const api = createWorkerApi(loadQuietHighs, {
    fault: fault === 'none' ? undefined : fault,
    // In-process there is no thread to end: a crash or an exit is the event a dying worker fires.
    crash: (message) => setImmediate(() => self.worker?.crash(message)),
    exit: () => self.worker?.exit(),
  });
  Comlink.expose(api, port1 as unknown as Comlink.Endpoint);
  self.worker = new PortWorker(port2, port1);
  return self.worker;
}
