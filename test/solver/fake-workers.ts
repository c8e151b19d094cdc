// In-process stand-ins for browser workers: the real solver API (or a faulty one) exposed with
// Comlink on one end of a MessageChannel, the other end dressed as a Worker.
import * as Comlink from 'comlink';
import { createSolverApi } from '../../workers/solver-api';
import { loadQuietHighs } from '../../workers/load-highs';
import type { WorkerLike } from '../../src/solver/worker-handle';

/** A Worker-shaped MessagePort; `crash()` fires an error event as a dying worker would. */
export class PortWorker implements WorkerLike {
  private readonly events = new EventTarget();
  terminated = false;
  constructor(private readonly port: MessagePort, private readonly other: MessagePort) {
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
}

/** How a fake worker misbehaves. */
export type Fault = 'none' | 'hang-on-solve' | 'crash-on-solve';

/** Makes a worker running the real solver API (no warm-up), optionally faulty on solve. */
export function makeWorker(fault: Fault = 'none'): PortWorker {
  const { port1, port2 } = new MessageChannel();
  let self: PortWorker | undefined;
  const api = createSolverApi(loadQuietHighs);
  const exposed = {
    init: (o: { warmup?: boolean }) => api.init({ ...o, warmup: false }),
    info: api.info,
    describeOptions: api.describeOptions,
    solve: (...args: Parameters<typeof api.solve>) => {
      if (fault === 'hang-on-solve') return new Promise(() => {});
      if (fault === 'crash-on-solve') {
        setImmediate(() => self?.crash('injected crash'));
        return new Promise(() => {});
      }
      return api.solve(...args);
    },
  };
  Comlink.expose(exposed, port1 as unknown as Comlink.Endpoint);
  self = new PortWorker(port2, port1);
  return self;
}
