import { describe, expect, it, vi, afterEach } from 'vitest';
import { SolverClient } from '../../src/solver/solver-client';
import { makeWorker, type Fault, type PortWorker } from './fake-workers';
import { fixture } from './harness';

const afiro = () => ({ name: 'afiro.mps', bytes: fixture('afiro.mps') });

/** A client whose workers follow a script of faults, recording the workers it made. */
function scripted(faults: Fault[]) {
  const made: PortWorker[] = [];
  const client = new SolverClient({
    createWorker: () => {
      const w = makeWorker(faults[made.length] ?? 'none');
      made.push(w);
      return w;
    },
  });
  return { client, made };
}

afterEach(() => vi.useRealTimers());

describe('SolverClient', () => {
  it('solves through a warm worker and reports ready', async () => {
    const { client, made } = scripted([]);
    const r = await client.solve(afiro(), {}).result;
    expect(r.status).toBe('optimal');
    expect(client.snapshot.state).toBe('ready');
    expect(client.snapshot.runtime?.highsVersion).toMatch(/^1\./);
    expect(made).toHaveLength(1);
    client.dispose();
  });

  it('rejects a job whose worker never answers with Timeout at the watchdog deadline, then recovers', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { client, made } = scripted(['hang-on-solve']);
    await client.ready();
    const job = client.solve(afiro(), { time_limit: 2 }, { graceMs: 1000 });
    const settled = job.result.then(
      () => 'resolved',
      (e: Error) => e.name,
    );
    await vi.advanceTimersByTimeAsync(2999);
    expect(made[0].terminated).toBe(false);
    await vi.advanceTimersByTimeAsync(2);
    expect(await settled).toBe('Timeout');
    expect(made[0].terminated).toBe(true);
    vi.useRealTimers();
    const r = await client.solve(afiro(), {}).result;
    expect(r.status).toBe('optimal');
    expect(made).toHaveLength(2);
    expect(client.snapshot.restarts).toBe(1);
    client.dispose();
  });

  it('rejects the pending call at once with WorkerCrashed when the worker errors, then recovers', async () => {
    const { client, made } = scripted(['hang-on-solve']);
    await client.ready();
    const job = client.solve(afiro(), {});
    await new Promise((r) => setTimeout(r, 20));
    made[0].crash('out of memory');
    await expect(job.result).rejects.toMatchObject({ name: 'WorkerCrashed', message: expect.stringMatching(/out of memory/) });
    const r = await client.solve(afiro(), {}).result;
    expect(r.status).toBe('optimal');
    expect(made).toHaveLength(2);
    client.dispose();
  });

  it('retires a worker after a WASM abort (LP syntax error) and the next solve works', async () => {
    const { client, made } = scripted([]);
    const bad = { name: 'bad.lp', bytes: new TextEncoder().encode('Maximize\n obj: x + + y\nSubject To\n c: x <= <= 1\nEnd\n') };
    await expect(client.solve(bad, {}).result).rejects.toMatchObject({ name: 'SolverAborted' });
    expect(made[0].terminated).toBe(true);
    expect((await client.solve(afiro(), {}).result).status).toBe('optimal');
    expect(made).toHaveLength(2);
    client.dispose();
  });

  it('keeps the worker for a model error (InvalidModel is the model, not the runtime)', async () => {
    const { client, made } = scripted([]);
    await expect(client.solve({ name: 'garbage.lp', bytes: fixture('garbage.lp') }, {}).result).rejects.toMatchObject({ name: 'InvalidModel' });
    expect((await client.solve(afiro(), {}).result).status).toBe('optimal');
    expect(made).toHaveLength(1);
    client.dispose();
  });

  it('without cross-origin isolation, cancel terminates the worker and rejects with Cancelled', async () => {
    const { client, made } = scripted(['hang-on-solve']);
    await client.ready();
    const job = client.solve(afiro(), {});
    await new Promise((r) => setTimeout(r, 20));
    expect(job.cancel()).toBe('terminated');
    await expect(job.result).rejects.toMatchObject({ name: 'Cancelled' });
    expect(made[0].terminated).toBe(true);
    expect((await client.solve(afiro(), {}).result).status).toBe('optimal');
    client.dispose();
  });
});
