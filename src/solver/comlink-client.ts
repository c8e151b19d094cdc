// The one Comlink client of a worker, for every worker the app talks to (the solver's WorkerHandle, the
// SummaryClient), in the browser and under Node's worker_threads alike. It adds the guarantee Comlink
// lacks: when the worker errors, exits or is terminated, every call pending on it is rejected at once
// (a Comlink call to a dead worker never settles by itself), and later calls reject at once too.
import * as Comlink from 'comlink';

/** What a worker needs to look like: a browser Worker, src/node/node-worker.ts's adapter, or a test double. */
export interface WorkerLike {
  postMessage(message: unknown, transfer?: Transferable[]): void;
  addEventListener(type: string, listener: (ev: Event) => void): void;
  removeEventListener(type: string, listener: (ev: Event) => void): void;
  terminate(): void;
}

/** How a worker died, for the error its calls reject with: an error outside any call (`message` when the host gave one), or an exit. */
export type WorkerDeath = { kind: 'crashed'; message: string | undefined } | { kind: 'exited' };

/** What differs between the client's uses: the errors its calls reject with. */
export interface ClientErrors {
  /** The error every pending and later call rejects with once the worker died this way. */
  died(death: WorkerDeath): Error;
  /** The error of a call that failed while the worker lives (a throw in the worker, an input that cannot be cloned). */
  failed(e: unknown): Error;
}

/** The events a dying worker fires: 'exit' comes from Node's worker_threads (and test doubles). */
const DEATH_EVENTS = ['error', 'messageerror', 'exit'] as const;

/** One worker behind Comlink, whose calls always settle: its remote API, the calls pending on it, its death. */
export class ComlinkClient<Api> {
  private readonly remote: Comlink.Remote<Api>;
  private readonly pending = new Set<(e: Error) => void>();
  private deadReason: Error | undefined;
  private readonly onDeath = (ev: Event): void => {
    this.die(
      ev.type === 'exit' ? { kind: 'exited' } : { kind: 'crashed', message: (ev as ErrorEvent).message || undefined },
    );
  };

  constructor(
    private readonly worker: WorkerLike,
    private readonly errors: ClientErrors,
  ) {
    this.remote = Comlink.wrap<Api>(worker as unknown as Comlink.Endpoint);
    for (const type of DEATH_EVENTS) worker.addEventListener(type, this.onDeath);
  }

  /** Is the worker still usable? */
  get alive(): boolean {
    return this.deadReason === undefined;
  }

  /** Runs one remote call so that it settles even if the worker dies before it answers. */
  call<T>(fn: (remote: Comlink.Remote<Api>) => Promise<T>): Promise<T> {
    if (this.deadReason) return Promise.reject(this.deadReason);
    return new Promise<T>((resolve, reject) => {
      const fail = (e: Error): void => reject(e);
      this.pending.add(fail);
      let answer: Promise<T>;
      try {
        answer = fn(this.remote);
      } catch (e) {
        answer = Promise.reject(e);
      }
      answer.then(
        (v) => {
          this.pending.delete(fail);
          resolve(v);
        },
        (e: unknown) => {
          this.pending.delete(fail);
          reject(this.errors.failed(e));
        },
      );
    });
  }

  /** Records a death the worker fired no event for (a browser worker that closed itself: see WorkerHandle). */
  die(death: WorkerDeath): void {
    this.kill(this.errors.died(death));
  }

  /** Terminates the worker and rejects everything pending on it, and every later call, with `reason`. */
  kill(reason: Error): void {
    if (this.deadReason) return;
    this.deadReason = reason;
    for (const type of DEATH_EVENTS) this.worker.removeEventListener(type, this.onDeath);
    try {
      this.worker.terminate();
    } finally {
      for (const fail of this.pending) fail(reason);
      this.pending.clear();
    }
  }
}

/** An API's methods as a client calls them: the same parameters, each result a Promise (Comlink.Remote without its distribution over union results). */
export type Promised<Api> = {
  [K in keyof Api]: Api[K] extends (...args: infer A) => infer R ? (...args: A) => Promise<Awaited<R>> : never;
};

/** An API's method names, read from an instance of it (so the list cannot drift from the implementation). */
export function methodNames<Api extends object>(api: Api): (keyof Api & string)[] {
  return Object.keys(api).filter((k) => typeof api[k as keyof Api] === 'function') as (keyof Api & string)[];
}

/** Runs one method by name with its arguments: what every method of a forwarding object does. */
type Forward<Api> = (name: keyof Api & string, args: unknown[]) => Promise<unknown>;

/** A plain object with one method per name, each forwarding to `forward` (its own properties: it can be spread, its methods passed unbound). */
export function forwarder<Api>(names: readonly (keyof Api & string)[], forward: Forward<Api>): Promised<Api> {
  return Object.fromEntries(names.map((name) => [name, (...args: unknown[]) => forward(name, args)])) as Promised<Api>;
}

/** An API called on this thread through the same promised surface as a worker's client (a throw becomes a rejection). */
export function promised<Api extends object>(api: Api): Promised<Api> {
  return forwarder<Api>(methodNames(api), async (name, args) =>
    (api[name] as (...a: unknown[]) => unknown).apply(api, args),
  );
}

/**
 * A base class whose prototype has one method per name, each calling the subclass's `forward`: a client
 * class implements a whole API without writing each method (TypeScript mixin pattern:
 * https://www.typescriptlang.org/docs/handbook/mixins.html).
 */
export function ForwardingClass<Api>(names: readonly (keyof Api & string)[]) {
  abstract class Forwarding {
    static {
      for (const name of names) {
        Object.defineProperty(Forwarding.prototype, name, {
          value: function (this: Forwarding, ...args: unknown[]) {
            return this.forward(name, args);
          },
          writable: true,
          configurable: true,
        });
      }
    }
    /** Runs the API's method `name` with `args`. */
    protected abstract forward(name: keyof Api & string, args: unknown[]): Promise<unknown>;
  }
  // One construct signature (an intersection of two is TS2510); a subclass must still define `forward`.
  return Forwarding as unknown as abstract new () => Forwarding & Promised<Api>;
}
