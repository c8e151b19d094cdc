// @vitest-environment svelte-runes
// The run view's state against real parts: library, options, solve and history wired as the app
// wires them, solving with the real HiGHS through an in-process pool and storing in fake-indexeddb.
import { afterEach, describe, expect, it } from 'vitest';
import { RunWorkspace } from '../../src/state/run-workspace';
import type { WorkerPool } from '../../src/solver/worker-pool';
import { MAX_INPUT_BYTES } from '../../src/core/model-input';
import { diskLibrary, fixtureFile, freshRunStore, localPool } from './harness';
import type { Fault } from '../solver/fake-workers';
import type { PoolConfig } from '../../src/solver/pool-types';

const pools: WorkerPool[] = [];
afterEach(() => {
  for (const p of pools.splice(0)) p.dispose();
});

/** A started workspace over a fresh pool and a fresh database. */
async function workspace(faults: Fault[] = [], config: Partial<PoolConfig> = {}) {
  const solver = localPool(faults, config);
  pools.push(solver);
  const runs = freshRunStore();
  const ws = new RunWorkspace({ solver, runs, library: diskLibrary });
  await ws.start();
  return { ws, solver, runs };
}

const libraryModel = (ws: RunWorkspace, file: string) => {
  const m = ws.library.library?.models.find((x) => x.file === file);
  if (!m) throw new Error(`${file} is not in the library`);
  return m;
};

describe('solving', () => {
  it('a library model ends with a verified result and a stored run', async () => {
    const { ws, runs } = await workspace();
    ws.library.pickLibrary(libraryModel(ws, 'afiro.mps'));
    await ws.solveChoice();
    expect(ws.solve.error).toBeNull();
    expect(ws.solve.running).toBe(false);
    expect(ws.solve.result?.status).toBe('optimal');
    expect(ws.solve.verdict?.verdict).toBe('verified');
    expect(ws.history.runs).toHaveLength(1);
    const [run] = await runs.list();
    expect(run).toMatchObject({
      modelName: 'afiro.mps',
      origin: 'library',
      status: 'optimal',
      verdict: 'verified',
      error: null,
    });
    expect(run.modelId).toMatch(/^[0-9a-f]{64}$/);
    expect(ws.solve.lastRun?.id).toBe(run.id);
  });

  it('a local file named afiro.mps with other content is not judged against the library afiro (issue 18)', async () => {
    const { ws } = await workspace();
    const other = await fixtureFile('mps-fortran-exponent.mps');
    await ws.library.pickFile({ ...other, name: 'afiro.mps' });
    expect(ws.library.choice).toMatchObject({ name: 'afiro.mps', origin: 'file' });
    expect(ws.library.choice?.known).toBeUndefined();
    await ws.solveChoice();
    expect(ws.solve.result?.status).toBe('optimal');
    expect(ws.solve.verdict?.verdict).not.toBe('wrong');
    expect(ws.history.runs[0]).toMatchObject({ modelName: 'afiro.mps', knownObjective: null });
  });

  it("a file with a library model's content is judged against its known objective, whatever its name", async () => {
    const { ws } = await workspace();
    await ws.library.pickFile({ ...(await fixtureFile('flugpl.mps')), name: 'my-copy.mps' });
    expect(ws.library.choice?.known?.file).toBe('flugpl.mps');
    await ws.library.pickFile(await fixtureFile('flugpl.mps'));
    expect(ws.library.choice).toMatchObject({ name: 'flugpl.mps', origin: 'file' });
    expect(ws.library.choice?.known?.objective).toBe(libraryModel(ws, 'flugpl.mps').objective);
    await ws.solveChoice();
    expect(ws.solve.verdict?.verdict).toBe('verified');
    expect(ws.history.runs[0]).toMatchObject({
      modelName: 'flugpl.mps',
      origin: 'file',
      knownObjective: ws.library.choice?.known?.objective,
    });
  });

  it('a bad model ends with an InvalidModel error and a stored failed run', async () => {
    const { ws, runs } = await workspace();
    await ws.library.pickFile(await fixtureFile('garbage.lp'));
    await ws.solveChoice();
    expect(ws.solve.error?.name).toBe('InvalidModel');
    expect(ws.solve.error?.message).toContain('garbage.lp');
    expect(ws.solve.result).toBeNull();
    const stored = await runs.list();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      modelName: 'garbage.lp',
      status: null,
      verdict: 'failed',
      error: { name: 'InvalidModel' },
    });
    expect(ws.history.runs.map((r) => r.id)).toEqual(stored.map((r) => r.id));
  });

  it('a HiGHS run error ends with verdict failed naming the file, stored as a failed run', async () => {
    const { ws, runs } = await workspace();
    await ws.library.pickFile(await fixtureFile('nonconvex-qp.lp'));
    await ws.solveChoice();
    expect(ws.solve.error).toBeNull();
    expect(ws.solve.verdict?.verdict).toBe('failed');
    const flag = ws.solve.verdict?.flags.find((f) => f.code === 'solver-failed');
    expect(flag?.message).toContain('nonconvex-qp.lp');
    const [run] = await runs.list();
    expect(run).toMatchObject({
      modelName: 'nonconvex-qp.lp',
      verdict: 'failed',
      runStatus: 'error',
      error: { name: 'SolverError' },
    });
    expect(run.error?.message).toContain('nonconvex-qp.lp');
  });

  it.each<[string, string, Fault, Partial<PoolConfig>, (ws: RunWorkspace) => void, 'terminated' | null]>([
    ['a cancelled solve', 'Cancelled', 'hang-on-solve', { cancelAckMs: 50 }, (ws) => ws.solve.cancel(), 'terminated'],
    ['a worker crash', 'WorkerCrashed', 'crash-on-solve', { maxRetries: 0 }, () => {}, null],
    [
      'a solve that never answers',
      'Timeout',
      'hang-on-solve',
      { readBaseMs: 100, readMsPerMiB: 0, graceMs: 100 },
      () => {},
      null,
    ],
  ])('%s is shown as %s and stored as a failed run', async (_label, name, fault, config, act, cancelMode) => {
    const { ws, runs } = await workspace([fault], config);
    ws.library.pickLibrary(libraryModel(ws, 'afiro.mps'));
    const solving = ws.solveChoice();
    expect(ws.solve.running).toBe(true);
    act(ws);
    await solving;
    expect(ws.solve.error?.name).toBe(name);
    expect(ws.solve.cancelMode).toBe(cancelMode);
    const [run] = await runs.list();
    expect(run).toMatchObject({ modelName: 'afiro.mps', status: null, verdict: 'failed', error: { name }, cancelMode });
  });

  it('a library file that cannot be loaded is an InvalidModel error and stores nothing', async () => {
    const { ws, runs } = await workspace();
    ws.library.pickBadInput('no-such-model.mps');
    await ws.solveChoice();
    expect(ws.solve.error).toMatchObject({
      name: 'InvalidModel',
      message: expect.stringContaining('no-such-model.mps: could not load from the library'),
    });
    expect(await runs.list()).toEqual([]);
  });

  it('invalid options block solving: nothing is submitted or stored', async () => {
    const { ws, solver, runs } = await workspace();
    ws.library.pickLibrary(libraryModel(ws, 'afiro.mps'));
    expect(ws.solve.canSolve(ws.library.choice)).toBe(true);
    ws.options.set('time_limit', '-5');
    expect(ws.options.errors).toHaveLength(1);
    expect(ws.solve.canSolve(ws.library.choice)).toBe(false);
    await ws.solveChoice();
    expect(ws.solve.error?.name).toBe('InvalidOption');
    expect(ws.solve.running).toBe(false);
    expect(solver.snapshot().completed).toBe(0);
    expect(await runs.list()).toEqual([]);
    ws.options.reset('time_limit');
    expect(ws.solve.canSolve(ws.library.choice)).toBe(true);
  });

  it('changed options are sent to the solver and stored with the run', async () => {
    const { ws } = await workspace();
    ws.library.pickLibrary(libraryModel(ws, 'afiro.mps'));
    ws.options.set('time_limit', '30');
    ws.options.set('random_seed', '7');
    await ws.solveChoice();
    expect(ws.history.runs[0]).toMatchObject({
      options: { time_limit: 30, random_seed: 7 },
      seed: 7,
      verdict: 'verified',
    });
  });
});

describe('history', () => {
  it('clearing empties the history and the store; a later run is stored again', async () => {
    const { ws, runs } = await workspace();
    ws.library.pickLibrary(libraryModel(ws, 'afiro.mps'));
    await ws.solveChoice();
    await ws.library.pickFile(await fixtureFile('garbage.lp'));
    await ws.solveChoice();
    expect(ws.history.count).toBe(2);
    expect(ws.history.runs.map((r) => r.modelName)).toEqual(['garbage.lp', 'afiro.mps']);
    await ws.history.clear();
    expect(ws.history.count).toBe(0);
    expect(await runs.list()).toEqual([]);
    ws.library.pickLibrary(libraryModel(ws, 'afiro.mps'));
    await ws.solveChoice();
    expect(ws.history.count).toBe(1);
  });

  it('a store that fails is reported, and the solve still shows its result', async () => {
    const solver = localPool();
    pools.push(solver);
    const broken = { add: () => Promise.reject(new Error('disk full')), list: async () => [], clear: async () => {} };
    const ws = new RunWorkspace({ solver, runs: broken, library: diskLibrary });
    await ws.start();
    ws.library.pickLibrary(libraryModel(ws, 'afiro.mps'));
    await ws.solveChoice();
    expect(ws.solve.result?.status).toBe('optimal');
    expect(ws.solve.lastRun).toBeNull();
    expect(ws.history.error).toContain('disk full');
  });
});

describe('library', () => {
  it('loads the manifest and picks library models, files and pasted text', async () => {
    const { ws } = await workspace();
    expect(ws.library.loadError).toBeNull();
    const afiro = libraryModel(ws, 'afiro.mps');
    ws.library.pickLibrary(afiro);
    expect(ws.library.choice).toEqual({ name: 'afiro.mps', origin: 'library', known: afiro });
    expect(await ws.library.bytesOf(ws.library.choice!)).toEqual(await diskLibrary.model('afiro.mps'));
    ws.library.pasteText = 'Maximize\n obj: x + 2 y\nSubject To\n c: x + y <= 4\nEnd\n';
    ws.library.pickPaste();
    expect(ws.library.choice).toMatchObject({
      name: 'pasted.lp',
      origin: 'paste',
      sizeBytes: ws.library.pasteText.length,
    });
    await ws.solveChoice();
    expect(ws.solve.result?.objective).toBe(8);
  });

  it('refuses a file over the size cap without reading it, and a new pick hides the last error', async () => {
    const { ws } = await workspace();
    let read = false;
    await ws.library.pickFile({
      name: 'huge.lp',
      size: MAX_INPUT_BYTES + 1,
      arrayBuffer: async () => ((read = true), new ArrayBuffer(0)),
    });
    expect(read).toBe(false);
    expect(ws.library.choice).toBeNull();
    expect(ws.library.error).toMatchObject({ name: 'InvalidModel', message: expect.stringContaining('huge.lp') });
    ws.library.pickLibrary(libraryModel(ws, 'afiro.mps'));
    expect(ws.library.error).toBeNull();
  });

  it('a solve error is hidden when another model is picked', async () => {
    const { ws } = await workspace();
    await ws.library.pickFile(await fixtureFile('garbage.lp'));
    await ws.solveChoice();
    expect(ws.solve.error?.name).toBe('InvalidModel');
    ws.library.pickLibrary(libraryModel(ws, 'afiro.mps'));
    expect(ws.solve.error).toBeNull();
  });

  it('a manifest that cannot be read is reported', async () => {
    const solver = localPool();
    pools.push(solver);
    const ws = new RunWorkspace({
      solver,
      runs: freshRunStore(),
      library: { ...diskLibrary, manifest: async () => ({ models: 'nope' }) },
    });
    await ws.start();
    expect(ws.library.library).toBeNull();
    expect(ws.library.loadError).toContain('instances.json');
  });
});
