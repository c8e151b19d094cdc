import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { gzipSync } from 'node:zlib';
import { direct, overComlink, fixture, known, req, type TestApi } from './harness';
import { loadQuietHighs } from '../../workers/load-highs';
import { objectiveMatches } from '../../src/core/result-check';
import { checkSolution } from '../../src/core/solution-check';
import { linearModelOf } from './model-data';
import { CANCEL_ACKNOWLEDGED, CANCEL_REQUESTED, type ProgressUpdate } from '../../src/solver/protocol';

const enc = (s: string) => new TextEncoder().encode(s);

describe.each([
  ['in-thread', direct],
  ['through Comlink over a MessageChannel', overComlink],
])('solver API %s', (_mode, make) => {
  let api: TestApi;
  beforeAll(async () => {
    api = make();
    const info = await api.init();
    expect(info.highsVersion).toMatch(/^1\.\d+\.\d+$/);
  });
  afterAll(() => api.close());

  it.each(['afiro.mps', 'flugpl.mps', 'qptestnw.lp'])('solves %s to its known objective', async (file) => {
    const k = known(file);
    const r = await api.solve(req(file, fixture(file), { random_seed: 1 }));
    expect(r.status).toBe(k.expectedStatus);
    expect(r.objective).not.toBeNull();
    expect(objectiveMatches(r.objective!, k.objective!)).toBe(true);
    // Counters are plain numbers (no BigInt crosses the boundary).
    for (const v of Object.values(r.counters)) expect(typeof v).toBe('number');
    expect(r.size.rows).toBeGreaterThan(0);
    expect(r.times.solveMs).toBeGreaterThan(0);
    expect(r.wasmMemoryBytes).toBeGreaterThan(0);
  });

  it('reports MIP counters, gap, bounds and progress points for a MIP', async () => {
    const updates: ProgressUpdate[] = [];
    const r = await api.solve(req('p0548.mps', fixture('p0548.mps'), {}, { progressIntervalMs: 0 }), (u) =>
      updates.push(u),
    );
    expect(r.status).toBe('optimal');
    expect(r.size.integers).toBe(548);
    expect(r.counters.mipNodes).toBeGreaterThanOrEqual(1);
    // HiGHS's solving report ends with "LP iterations N": the MIP's LP iterations, which info lacks.
    const reported = r.logTail
      .map((l) => /^\s*LP iterations\s+(\d+)/.exec(l)?.[1])
      .filter(Boolean)
      .pop();
    expect(r.counters.mipLpIterations).toBeGreaterThan(0);
    expect(r.counters.mipLpIterations).toBe(Number(reported));
    expect(r.mipGap).not.toBeNull();
    expect(r.mipGap!).toBeLessThanOrEqual(1e-4);
    expect(r.points.length).toBeGreaterThan(1);
    expect(r.points.some((p) => p.primal !== null && p.dual !== null)).toBe(true);
    // Comlink delivers proxied progress asynchronously: wait for the last batch.
    await new Promise((res) => setTimeout(res, 50));
    expect(updates.length).toBeGreaterThan(0);
    expect(updates.flatMap((u) => u.log).some((l) => /Solving report|Nodes/.test(l))).toBe(true);
  });

  it('gives identical work counters for a fixed seed', async () => {
    const a = await api.solve(req('bell5.mps', fixture('bell5.mps'), { random_seed: 7 }));
    const b = await api.solve(req('bell5.mps', fixture('bell5.mps'), { random_seed: 7 }));
    expect(b.counters).toEqual(a.counters);
    expect(b.objective).toBe(a.objective);
  });

  it.each(['afiro.mps', 'flugpl.mps'])(
    'checks the solution of %s against the model in core on request',
    async (file) => {
      const r = await api.solve(req(file, fixture(file), { random_seed: 1 }, { checkSolution: true }));
      expect(r.solutionCheck).not.toBeNull();
      expect(r.solutionCheck!.feasible).toBe(true);
      expect(r.solutionCheck!.maxRowViolation).toBeLessThanOrEqual(1e-6);
      expect(r.solutionCheck!.objective).toBeCloseTo(r.objective!, 6);
      expect(r.highsMaxPrimalInfeasibility).toBeLessThanOrEqual(1e-6);
      expect(r.solution).toBeUndefined(); // checked in the worker; the values need not cross
      const plain = await api.solve(req(file, fixture(file)));
      expect(plain.solutionCheck).toBeNull();
    },
  );

  it('returns the primal solution with names on request', async () => {
    const r = await api.solve(req('afiro.mps', fixture('afiro.mps'), {}, { includeSolution: true }));
    expect(r.solution!.names).toHaveLength(32);
    expect(r.solution!.values).toHaveLength(32);
    expect(r.solution!.names[0]).toBe('X01');
  });

  it('reads gzip input', async () => {
    const r = await api.solve(req('afiro.mps.gz', new Uint8Array(gzipSync(fixture('afiro.mps')))));
    expect(r.format).toBe('mps');
    expect(objectiveMatches(r.objective!, known('afiro.mps').objective!)).toBe(true);
  });

  it('strips a BOM and keeps the objective (HiGHS would silently drop it)', async () => {
    const r = await api.solve(req('bom.lp', enc('\ufeffMaximize\n obj: x + y\nSubject To\n c: x + y <= 4\nEnd\n')));
    expect(r.objective).toBe(4);
    expect(r.warnings.join(' ')).toMatch(/BOM/);
  });

  it.each([
    ['garbage.lp', /garbage\.lp/],
    ['garbage.mps', /garbage\.mps/],
    ['nan0.mps', /nan0\.mps, line 8/],
  ])('rejects %s as InvalidModel before (or instead of) a wrong answer', async (file, msg) => {
    await expect(api.solve(req(file, fixture(file)))).rejects.toMatchObject({
      name: 'InvalidModel',
      message: expect.stringMatching(msg),
    });
  });

  it('rejects unknown, hidden and out-of-range options as InvalidOption', async () => {
    await expect(api.solve(req('afiro.mps', fixture('afiro.mps'), { no_such_option: 1 }))).rejects.toMatchObject({
      name: 'InvalidOption',
    });
    await expect(api.solve(req('afiro.mps', fixture('afiro.mps'), { threads: 2 }))).rejects.toMatchObject({
      name: 'InvalidOption',
      message: expect.stringMatching(/not supported/),
    });
    await expect(api.solve(req('afiro.mps', fixture('afiro.mps'), { mip_rel_gap: -1 }))).rejects.toMatchObject({
      name: 'InvalidOption',
      message: expect.stringMatching(/minimum/),
    });
  });

  it('a tiny time limit stops the solve early and does not cut reading short', async () => {
    const r = await api.solve(req('bell5.mps', fixture('bell5.mps'), { time_limit: 0.001 }));
    expect(r.status).toBe('time-limit');
  });

  it('counts MIP LP iterations without log capture too (the same for a fixed seed)', async () => {
    const withLog = await api.solve(req('bell5.mps', fixture('bell5.mps'), { random_seed: 3 }));
    const noLog = await api.solve(req('bell5.mps', fixture('bell5.mps'), { random_seed: 3 }, { captureLog: false }));
    expect(noLog.logTail).toEqual([]);
    expect(noLog.counters.mipLpIterations).toBeGreaterThan(0);
    expect(noLog.counters).toEqual(withLog.counters);
  });

  it("returns an error of HiGHS's run (status -1) as a typed result naming the file and keeping the model status", async () => {
    const r = await api.solve(req('nonconvex-qp.lp', fixture('nonconvex-qp.lp')));
    expect(r.runStatus).toBe('error');
    expect(r.status).toBe('not-set');
    expect(r.objective).toBeNull();
    expect(r.runError).toMatch(
      /^nonconvex-qp\.lp: HiGHS's run returned an error \(status -1\) with model status not-set: .*non-convex/,
    );
    const ok = await api.solve(req('afiro.mps', fixture('afiro.mps')));
    expect(ok.runStatus).toBe('ok');
    expect(ok.runError).toBeNull();
  });

  it.each([
    ['mip', 'optimal', CANCEL_REQUESTED],
    ['always', 'interrupted', CANCEL_ACKNOWLEDGED],
  ] as const)(
    'an LP checks the cancel flag in simplex only when simplexInterrupt is %s',
    async (mode, status, flagAfter) => {
      const flag = new Int32Array(new SharedArrayBuffer(4));
      Atomics.store(flag, 0, CANCEL_REQUESTED);
      const r = await api.solve(
        req('25fv47.mps', fixture('25fv47.mps'), { presolve: 'off' }, { cancelFlag: flag, simplexInterrupt: mode }),
      );
      expect(r.status).toBe(status);
      expect(Atomics.load(flag, 0)).toBe(flagAfter);
    },
  );

  it('turns an LP syntax error (a WASM abort) into SolverAborted and refuses further solves', async () => {
    const bad = enc('Maximize\n obj: x + + y\nSubject To\n c: x + y <= <= 4\nEnd\n');
    await expect(api.solve(req('bad.lp', bad))).rejects.toMatchObject({
      name: 'SolverAborted',
      message: expect.stringMatching(/could not parse LP.*bad\.lp/),
    });
    expect((await api.info()).aborted).toBe(true);
    await expect(api.solve(req('afiro.mps', fixture('afiro.mps')))).rejects.toMatchObject({ name: 'SolverAborted' });
  });
});

describe('progress and graceful cancel, in-thread (progress arrives synchronously)', () => {
  it('sends a solving update at once when reading is done, before the solve', async () => {
    const api = direct();
    await api.init();
    const updates: ProgressUpdate[] = [];
    await api.solve(req('afiro.mps', fixture('afiro.mps'), {}, { progressIntervalMs: 60_000 }), (u) =>
      updates.push({ ...u }),
    );
    expect(updates[0]).toMatchObject({ phase: 'solving', heartbeat: 0 });
    expect(updates.length).toBe(2); // the start and the final flush; the long interval batched the rest
  });

  it('cancelled after its first improving solution, a MIP stops with that incumbent (or a better one), feasible', async () => {
    const api = direct();
    await api.init();
    const flag = new Int32Array(new SharedArrayBuffer(4));
    let incumbentWhenCancelled: number | null = null;
    const r = await api.solve(
      req(
        'market-split-4x30.lp',
        fixture('market-split-4x30.lp'),
        { random_seed: 1 },
        { cancelFlag: flag, progressIntervalMs: 0, includeSolution: true },
      ),
      (u) => {
        const found = u.points.find((p) => p.primal !== null);
        if (found && incumbentWhenCancelled === null) {
          incumbentWhenCancelled = found.primal;
          Atomics.store(flag, 0, CANCEL_REQUESTED);
        }
      },
    );
    expect(incumbentWhenCancelled).not.toBeNull();
    expect(r.status).toBe('interrupted');
    expect(r.interruptedByUser).toBe(true);
    expect(Atomics.load(flag, 0)).toBe(CANCEL_ACKNOWLEDGED);
    // The result is the best incumbent seen (minimization: no worse than the first one) ...
    const best = r.points.filter((p) => p.primal !== null).pop()!.primal!;
    expect(r.objective).toBe(best);
    expect(r.objective!).toBeLessThanOrEqual(incumbentWhenCancelled!);
    // ... and its solution satisfies the model, with that objective.
    const check = checkSolution(linearModelOf('lp', fixture('market-split-4x30.lp')), r.solution!.values);
    expect(check.feasible).toBe(true);
    expect(check.objective).toBeCloseTo(r.objective!, 6);
  });
});

describe('option descriptors', () => {
  it('come from HiGHS, without unsupported options, with choices for string options', async () => {
    const api = direct();
    await api.init();
    const d = await api.describeOptions();
    const names = d.map((x) => x.name);
    expect(names).toContain('presolve');
    expect(names).toContain('mip_rel_gap');
    expect(names).not.toContain('threads');
    expect(names).not.toContain('log_file');
    expect(names).not.toContain('output_flag');
    expect(d.find((x) => x.name === 'solver')!.choices).toContain('ipm');
    const tl = d.find((x) => x.name === 'time_limit')!;
    expect(tl.default).toBe(Infinity);
    expect(tl.minimum).toBe(0);
  });
});

describe('warm-up', () => {
  it('warms the runtime before the first timed solve and says so in the result', async () => {
    const { createSolverApi } = await import('../../workers/solver-api');
    const api = createSolverApi(loadQuietHighs);
    const info = await api.init({ warmup: true });
    expect(info.warm).toBe(true);
    expect(info.warmupMs).toBeGreaterThan(0);
    expect(info.timedSolves).toBe(0);
    const r = await api.solve(req('afiro.mps', fixture('afiro.mps')));
    expect(r.warm).toBe(true);
    expect(r.solvesBefore).toBe(0);
    expect((await api.solve(req('afiro.mps', fixture('afiro.mps')))).solvesBefore).toBe(1);
  });

  it('a runtime used without warm-up reports its solves as cold', async () => {
    const api = direct();
    await api.init();
    expect((await api.solve(req('afiro.mps', fixture('afiro.mps')))).warm).toBe(false);
  });
});

describe('runtime failures', () => {
  // A real out-of-memory needs a model larger than this machine should allocate in a test, so the
  // runtime is wrapped to fail the way an exhausted WASM heap does; everything else is real HiGHS.
  it.each([
    [
      new RangeError('WebAssembly.Memory.grow(): Maximum memory size exceeded'),
      'WorkerCrashed',
      /out of memory while reading afiro\.mps/,
    ],
    [
      new WebAssembly.RuntimeError('Aborted(OOM). Build with -sASSERTIONS for more info.'),
      'WorkerCrashed',
      /out of memory/,
    ],
    [
      new WebAssembly.RuntimeError('Aborted(undefined). Build with -sASSERTIONS'),
      'SolverAborted',
      /runtime aborted while reading afiro\.mps/,
    ],
  ])('%s while reading becomes %s, and the runtime refuses further work', async (thrown, name, message) => {
    const { createSolverApi } = await import('../../workers/solver-api');
    const api = createSolverApi(async () => {
      const real = await loadQuietHighs();
      const createModel = real.createModel.bind(real);
      return new Proxy(real, {
        get(target, prop, receiver) {
          if (prop !== 'createModel') return Reflect.get(target, prop, receiver);
          return () => {
            const m = createModel();
            (m as { readModel: unknown }).readModel = () => {
              throw thrown;
            };
            return m;
          };
        },
      });
    });
    await api.init({ warmup: false });
    await expect(api.solve(req('afiro.mps', fixture('afiro.mps')))).rejects.toMatchObject({
      name,
      message: expect.stringMatching(message),
    });
    expect(api.info().aborted).toBe(true);
  });
});
