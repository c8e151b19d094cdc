// The one Comlink client (src/solver/comlink-client.ts): every call pending on a worker rejects when
// the worker exits, crashes or is killed, later calls reject at once, and a call that fails in a live
// worker keeps it; the same for both of its uses, the solver's WorkerHandle and the SummaryClient.
// Also the forwarders that derive a client's methods from the worker's API.
import { describe, expect, it } from 'vitest';
import * as Comlink from 'comlink';
import {
  ComlinkClient,
  ForwardingClass,
  forwarder,
  methodNames,
  promised,
  type ClientErrors,
  type WorkerDeath,
} from '../../src/solver/comlink-client';
import { WorkerHandle } from '../../src/solver/worker-handle';
import { SUMMARY_WORKER_CRASHED, SummaryClient, inProcessSummarizerApi } from '../../src/solver/summary-client';
import { createSummaryApi } from '../../workers/summary-api';
import { compareBenchmarks } from '../../src/core/compare';
import { makeWorker, PortWorker } from './fake-workers';
import { compareInputOf, summaryInputOf, syntheticBenchmark } from './summary-data';
import { tiny } from './pools';

/** A test API: `hang` never answers, `echo` answers, `fail` throws. */
function testApi() {
  return {
    hang: (_n: number): Promise<number> => new Promise(() => {}),
    echo: (s: string): string => s,
    fail: (): never => {
      throw new RangeError('no such thing');
    },
  };
}
type TestApi = ReturnType<typeof testApi>;

/** The test API behind Comlink on one end of a MessageChannel, the other end as a worker. */
function testWorker(): PortWorker {
  const { port1, port2 } = new MessageChannel();
  Comlink.expose(testApi(), port1 as unknown as Comlink.Endpoint);
  return new PortWorker(port2, port1);
}

/** Errors that say how the worker died, and count the deaths. */
function errors(): ClientErrors & { deaths: WorkerDeath[] } {
  const deaths: WorkerDeath[] = [];
  return {
    deaths,
    died: (d) => {
      deaths.push(d);
      return new Error(d.kind === 'exited' ? 'gone: exited' : `gone: crashed (${d.message ?? 'no message'})`);
    },
    failed: (e) => Object.assign(new Error(`failed: ${(e as Error).message}`), { name: (e as Error).name }),
  };
}

describe('ComlinkClient', () => {
  it('rejects every call pending on a worker that exits, and every later call at once', async () => {
    const w = testWorker();
    const errs = errors();
    const c = new ComlinkClient<TestApi>(w, errs);
    const pending = [1, 2, 3].map((n) => c.call((r) => r.hang(n)));
    expect(await c.call((r) => r.echo('alive'))).toBe('alive');
    w.exit();
    for (const p of pending) await expect(p).rejects.toThrow('gone: exited');
    expect(c.alive).toBe(false);
    expect(w.terminated).toBe(true);
    await expect(c.call((r) => r.echo('late'))).rejects.toThrow('gone: exited');
    w.crash('after the end'); // no longer listened to
    expect(errs.deaths).toEqual([{ kind: 'exited' }]);
  });

  it("rejects pending calls with a crash's message (or none) on 'error' and 'messageerror'", async () => {
    const a = testWorker();
    const ca = new ComlinkClient<TestApi>(a, errors());
    const pa = ca.call((r) => r.hang(1));
    a.crash('out of memory');
    await expect(pa).rejects.toThrow('gone: crashed (out of memory)');

    const b = testWorker();
    const cb = new ComlinkClient<TestApi>(b, errors());
    const pb = cb.call((r) => r.hang(1));
    b.messageError();
    await expect(pb).rejects.toThrow('gone: crashed (no message)');
  });

  it('rejects pending calls with the reason it is killed for, and terminates the worker', async () => {
    const w = testWorker();
    const errs = errors();
    const c = new ComlinkClient<TestApi>(w, errs);
    const pending = [c.call((r) => r.hang(1)), c.call((r) => r.hang(2))];
    c.kill(new Error('stopped'));
    for (const p of pending) await expect(p).rejects.toThrow('stopped');
    expect(w.terminated).toBe(true);
    w.exit();
    expect(errs.deaths).toEqual([]);
  });

  it("passes a call's failure through the use's `failed`, and keeps the worker", async () => {
    const c = new ComlinkClient<TestApi>(testWorker(), errors());
    await expect(c.call((r) => r.fail())).rejects.toMatchObject({
      name: 'RangeError',
      message: 'failed: no such thing',
    });
    const sync = c.call(() => {
      throw new TypeError('thrown before sending');
    });
    await expect(sync).rejects.toMatchObject({ name: 'TypeError', message: 'failed: thrown before sending' });
    expect(c.alive).toBe(true);
    expect(await c.call((r) => r.echo('still here'))).toBe('still here');
  });
});

describe('both uses reject every pending call when the worker exits', () => {
  it('the solver: WorkerHandle', async () => {
    const w = makeWorker('hang-on-solve');
    const h = new WorkerHandle(w);
    await h.init(undefined, false);
    const pending = [
      h.solve({ jobId: 'a', model: tiny(1), options: {} }),
      h.solve({ jobId: 'b', model: tiny(2), options: {} }),
    ];
    w.exit();
    for (const p of pending) {
      await expect(p).rejects.toMatchObject({ name: 'WorkerCrashed', message: `solver worker ${h.id} exited` });
    }
    expect(h.alive).toBe(false);
    await expect(h.describeOptions()).rejects.toMatchObject({ name: 'WorkerCrashed' });
  });

  it('the summary worker: SummaryClient', async () => {
    const made: PortWorker[] = [];
    const c = new SummaryClient(() => {
      const { port1, port2 } = new MessageChannel();
      Comlink.expose(createSummaryApi(), port1 as unknown as Comlink.Endpoint);
      made.push(new PortWorker(port2, port1));
      return made[made.length - 1];
    });
    const input = summaryInputOf(syntheticBenchmark('x', 200));
    const pending = [c.summarize(input), c.compare(compareInputOf(100)), c.parseReport('{}')];
    made[0].exit();
    for (const p of pending) {
      await expect(p).rejects.toMatchObject({ name: SUMMARY_WORKER_CRASHED, message: 'the summary worker exited' });
    }
    expect(made[0].terminated).toBe(true);
    const cmp = compareInputOf(100);
    expect(await c.compare(cmp)).toStrictEqual(compareBenchmarks(cmp)); // a new worker
    expect(c.workersStarted).toBe(2);
    c.dispose();
  });
});

describe("a client's methods derived from the worker's API", () => {
  it('reads the method names from the implementation', () => {
    expect(methodNames(createSummaryApi()).sort()).toEqual([
      'checkRegression',
      'compare',
      'parseBackup',
      'parseReport',
      'serializeBackup',
      'serializeReport',
      'summarize',
    ]);
    expect(methodNames({ a: () => 1, b: 2 })).toEqual(['a']);
  });

  it('gives SummaryClient and the in-process summarizer every method of the API, and nothing else', () => {
    const names = methodNames(createSummaryApi());
    const client = new SummaryClient(() => {
      throw new Error('not started by this test');
    });
    const inProcess = inProcessSummarizerApi();
    for (const n of names) {
      expect(typeof client[n]).toBe('function');
      expect(typeof inProcess[n]).toBe('function');
    }
    expect(Object.keys(inProcess).sort()).toEqual([...names].sort());
    expect(client.workersStarted).toBe(0);
  });

  it('promised(): every method as a promise, a throw as a rejection, usable unbound and spread', async () => {
    const p = promised(testApi());
    const { echo } = p;
    expect(await echo('x')).toBe('x');
    let failing: Promise<never> | undefined;
    expect(() => (failing = p.fail())).not.toThrow();
    await expect(failing).rejects.toThrow(RangeError);
    expect(Object.keys({ ...p }).sort()).toEqual(['echo', 'fail', 'hang']);
  });

  it('forwarder() and ForwardingClass() send each method by name with its arguments', async () => {
    const seen: [string, unknown[]][] = [];
    const f = forwarder<TestApi>(['echo', 'hang'], async (name, args) => {
      seen.push([name, args]);
      return `${name}(${args.join()})`;
    });
    expect(await f.echo('a')).toBe('echo(a)');
    class Recorder extends ForwardingClass<TestApi>(['echo']) {
      protected forward(name: string, args: unknown[]): Promise<unknown> {
        seen.push([name, args]);
        return Promise.resolve(args[0]);
      }
    }
    expect(await new Recorder().echo('b')).toBe('b');
    expect(Object.keys(new Recorder())).toEqual([]); // methods on the prototype, like a written class
    expect(seen).toEqual([
      ['echo', ['a']],
      ['echo', ['b']],
    ]);
  });
});
