// A tuning run end to end on real HiGHS (an in-process pool) through the plain TunerSession that #/tune and a
// command line drive: prepared from settings (instances hashed, space, split), raced, checked on held-out
// blocks, written to a store as it goes; cancelled with what finished kept, resumed from the stored record;
// refused with a named error when the runtime or a model changed; a blessed baseline under every job.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryTunerStore } from '../../src/app/memory-stores';
import type { TemplateSpec } from '../../src/core/benchmark';
import { sha256Hex } from '../../src/core/run-record';
import { raceProgress, type TunerSettings, type TuningRecord } from '../../src/core/tuner';
import type { WorkerPool } from '../../src/solver/worker-pool';
import type { Solver } from '../../src/state/ports';
import { TunerSession, checkSettings, prepareTuning, type TunerSessionDeps } from '../../src/state/tuner-session';
import { diskLibrary, localPool } from './harness';

let pool: WorkerPool;
beforeAll(() => {
  pool = localPool([], { minWorkers: 2, maxWorkers: 2 });
});
afterAll(() => pool.dispose());

const KNAPSACK: TemplateSpec = {
  kind: 'generator',
  id: 'knapsack',
  name: '0-1 knapsack',
  generator: 'knapsack',
  sizes: [15, 20],
  instanceSeeds: [1, 2, 3],
  symmetryBreaking: false,
};

const settings = (over: Partial<TunerSettings> = {}): TunerSettings => ({
  template: KNAPSACK,
  baseline: { kind: 'defaults' },
  space: { only: ['presolve', 'mip_detect_symmetry'] },
  budget: { runs: 60, timeMs: null },
  seeds: [0, 1],
  timeLimitMs: 10_000,
  seed: 3,
  heldOutShare: 1 / 3,
  ...over,
});

const deps = (over: Partial<TunerSessionDeps> = {}): TunerSessionDeps => ({
  solver: pool,
  library: diskLibrary,
  store: memoryTunerStore(),
  saveEveryMs: 0,
  ...over,
});

describe('checkSettings', () => {
  it.each([
    [{ budget: { runs: null, timeMs: null } }, /^budget: give a number of runs or a total solve time/],
    [{ budget: { runs: 5, timeMs: null } }, /^budget\.runs: a whole number ≥ 10, got 5/],
    [{ budget: { runs: null, timeMs: 10 } }, /^budget\.time: at least 1 s/],
    [{ seeds: [] }, /^seeds: at least one random_seed/],
    [{ timeLimitMs: -1 }, /^timeLimit: /],
    [{ heldOutShare: 1 }, /^heldOutShare: /],
    [{ seed: 1.5 }, /^seed: /],
  ] as [Partial<TunerSettings>, RegExp][])('refuses %j naming the field', (over, message) => {
    expect(() => checkSettings(settings(over))).toThrow(message);
  });

  it('accepts the usual settings', () => {
    expect(() => checkSettings(settings())).not.toThrow();
  });
});

describe('prepareTuning', () => {
  it('hashes the instances, splits them 2:1, builds the space from the runtime and starts the race', async () => {
    const r = await prepareTuning(deps(), settings(), '');
    expect(r.name).toBe('0-1 knapsack tuning');
    expect(r.state).toBe('running');
    expect(r.phase).toBe('race');
    expect(r.instances).toHaveLength(6);
    for (const i of r.instances) expect(i.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(r.split.tuning).toHaveLength(4);
    expect(r.split.heldOut).toHaveLength(2);
    expect(r.race.config.blocks).toHaveLength(8);
    expect(r.race.config.space.dimensions.map((d) => d.name).sort()).toEqual(['mip_detect_symmetry', 'presolve']);
    expect(r.race.runs).toBe(0);
    expect(r.solver.version).toBe(pool.snapshot().runtime?.highsVersion ?? '');
  });

  it.each([
    [{ space: { only: ['presolv'] } }, /^space: presolv: no such HiGHS option \(the closest is 'presolve'\)/],
    [{ space: { extend: [{ name: 'mip_rel_gap' }] } }, /mip_rel_gap: left out of the tuner because/],
    [
      { template: { kind: 'library', id: 'library', name: 'Library', files: ['nope.mps'] } as TemplateSpec },
      /nope\.mps: could not load from the library/,
    ],
  ] as [Partial<TunerSettings>, RegExp][])('refuses %j with a named error', async (over, message) => {
    await expect(prepareTuning(deps(), settings(over), 'x')).rejects.toThrow(message);
  });
});

describe('a tuning session', () => {
  it('races, checks on held-out blocks, and writes the finished run to the store', async () => {
    const store = memoryTunerStore();
    const session = await TunerSession.create(deps({ store }), settings(), 'full');
    const seen: TuningRecord[] = [];
    session.subscribe((r) => seen.push(r));
    const done = await session.run();
    expect(done.state).toBe('finished');
    expect(done.phase).toBe('done');
    expect(done.error).toBeNull();
    expect(done.race.done).not.toBeNull();
    expect(done.race.runs).toBeGreaterThan(0);
    expect(done.heldOut!.results).toHaveLength(done.heldOut!.plan.jobs.length);
    expect(done.heldOut!.plan.blocks).toHaveLength(4);
    expect(['change', 'no-change']).toContain(done.result!.recommendation.kind);
    expect(done.elapsedMs).toBeGreaterThan(0);
    expect(seen.at(-1)).toBe(done);
    expect(await store.get(done.id)).toEqual(done);
    // The pool ran every job under the run's batch id: nothing of it is left queued.
    expect(pool.snapshot().queueDepth).toBe(0);
    expect(pool.snapshot().running).toBe(0);
  });

  it('cancel keeps what finished in the store; the stored record resumes to the end', async () => {
    const store = memoryTunerStore();
    const d = deps({ store });
    const session = await TunerSession.create(d, settings({ budget: { runs: 80, timeMs: null } }), 'cancel');
    session.subscribe((r) => {
      if (r.race.runs >= 6 && r.state === 'running') session.cancel();
    });
    const cancelled = await session.run();
    expect(cancelled.state).toBe('cancelled');
    expect(cancelled.phase).toBe('race');
    expect(cancelled.race.runs).toBeGreaterThanOrEqual(6);
    const stored = (await store.get(cancelled.id))!;
    expect(stored.state).toBe('cancelled');
    expect(stored.race.runs).toBe(cancelled.race.runs);
    // Nothing was left in flight: every handed-out job was recorded or given back.
    expect(stored.race.issued).toEqual([]);

    const resumed = await new TunerSession(d, JSON.parse(JSON.stringify(stored)) as TuningRecord).run();
    expect(resumed.state).toBe('finished');
    expect(resumed.race.runs).toBeGreaterThan(stored.race.runs);
    // The resumed race kept every run the cancelled one had, block by block.
    const before = raceProgress(stored.race).candidates;
    for (const c of before) {
      const after = resumed.race.candidates.find((x) => x.id === c.id)!;
      expect(Object.keys(after.runs).length).toBeGreaterThanOrEqual(c.blocks);
    }
    expect((await store.get(resumed.id))!.state).toBe('finished');
  });

  it('puts a blessed baseline under every job (the changes over it)', async () => {
    const submitted: Record<string, unknown>[] = [];
    const spy: Pick<Solver, 'submit' | 'describeOptions' | 'snapshot' | 'cancelBatch'> = {
      submit: (model, options, o) => {
        submitted.push({ ...options });
        return pool.submit(model, options, o);
      },
      describeOptions: () => pool.describeOptions(),
      snapshot: () => pool.snapshot(),
      cancelBatch: (id) => pool.cancelBatch(id),
    };
    const s = settings({
      baseline: { kind: 'blessed', setId: 'b1', name: 'fast', options: { mip_heuristic_effort: 0.1 } },
      space: { only: ['presolve'] },
      budget: { runs: 20, timeMs: null },
    });
    const done = await (await TunerSession.create(deps({ solver: spy }), s, 'blessed')).run();
    expect(done.state).toBe('finished');
    expect(submitted.length).toBeGreaterThan(0);
    for (const o of submitted) expect(o.mip_heuristic_effort).toBe(0.1);
    expect(submitted.some((o) => o.presolve === 'off')).toBe(true);
  });

  it('refuses to resume on another HiGHS version, and when a model changed, with named errors', async () => {
    const d = deps();
    const record = await prepareTuning(d, settings(), 'v');
    const other = await new TunerSession(d, { ...record, solver: { name: 'HiGHS', version: '0.0.1' } }).run();
    expect(other.state).toBe('failed');
    expect(other.error).toMatch(/^SolverChanged: this tuning run started with HiGHS 0\.0\.1/);

    const bytes = new TextEncoder().encode('Minimize\n obj: x\nSubject To\n c1: x >= 1\nEnd\n');
    const bytes2 = new TextEncoder().encode('Minimize\n obj: x\nSubject To\n c1: x >= 2\nEnd\n');
    const id = await sha256Hex(bytes);
    const id2 = await sha256Hex(bytes2);
    const files = new Map([
      [id, { id, name: 'a.lp', bytes, addedAt: 0 }],
      [id2, { id: id2, name: 'b.lp', bytes: bytes2, addedAt: 0 }],
    ]);
    const fd = deps({ modelFiles: { getModelFile: async (k: string) => files.get(k) } });
    const fr = await prepareTuning(
      fd,
      settings({
        template: { kind: 'files', id: 'files', name: 'Mine', modelIds: [id, id2] },
        space: { only: ['presolve'] },
      }),
      'files',
    );
    files.set(id, { id, name: 'a.lp', bytes: bytes2, addedAt: 0 }); // the stored bytes no longer hash to the id
    const changed = await new TunerSession(fd, fr).run();
    expect(changed.state).toBe('failed');
    expect(changed.error).toMatch(/^ModelChanged: /);
  });
});
