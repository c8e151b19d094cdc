// @vitest-environment svelte-runes
// Blessed sets are used by default, and it says so: the benchmark editor adds a template's active blessed set
// as an option set when the template is added or the Quick start loads (removing it sticks); the run view's
// options start from the library's blessed set, and reset gives HiGHS's defaults.
import { afterEach, describe, expect, it } from 'vitest';
import { parameterStoreOf } from '../../src/app/parameter-store';
import { defaultBenchmark } from '../../src/core/default-benchmark';
import type { BlessedSet } from '../../src/core/parameters';
import { BenchmarkEditor } from '../../src/state/benchmark-editor.svelte';
import { holdsBlessed, RunWorkspace } from '../../src/state/run-workspace';
import type { WorkerPool } from '../../src/solver/worker-pool';
import { openWorkbenchDb } from '../../src/storage/db';
import { diskLibrary, freshRunStore, localPool } from './harness';

const pools: WorkerPool[] = [];
afterEach(() => {
  for (const p of pools.splice(0)) p.dispose();
});

function set(template: string, name: string, options: BlessedSet['options']): BlessedSet {
  return {
    id: `${template}-${name}`,
    template,
    name,
    options,
    approvedBy: 'ada',
    validatedAt: '2026-01-01T00:00:00.000Z',
    promotedAt: '2026-01-01T00:00:00.000Z',
    solverVersion: '1.15.3',
    speedup: null,
    estimatedSolveMs: 10,
    evidenceBenchmarkId: 'b',
    baseline: { sgmTimeMs: 10, solved: 1, problems: 1 },
  };
}

const knapsack = set('knapsack', 'no presolve', { presolve: 'off' });
const quickStart = () => defaultBenchmark(['afiro.mps', 'blending.mps', 'flugpl.mps'], 1);

describe('BenchmarkEditor: blessed sets by default', () => {
  it('the Quick start is unchanged without blessed sets', () => {
    const e = new BenchmarkEditor(null);
    e.load(quickStart());
    e.useBlessed({});
    expect(e.optionSets).toHaveLength(2);
    expect(e.blessedInUse).toEqual([]);
  });

  it.each([
    { order: 'blessed sets known first', first: true },
    { order: 'Quick start loaded first', first: false },
  ])('the Quick start gets the blessed set of its generator template ($order), and says so', ({ first }) => {
    const e = new BenchmarkEditor(null);
    if (first) e.useBlessed({ knapsack });
    e.load(quickStart());
    if (!first) e.useBlessed({ knapsack });
    expect(e.optionSets.map((o) => o.name)).toHaveLength(3);
    const added = e.optionSets[2];
    expect(added.name).toBe('blessed: no presolve');
    expect(added.options).toEqual({ presolve: 'off' });
    const t = e.templates.find((x) => x.kind === 'generator')!;
    expect(e.blessedInUse).toEqual([{ templateId: t.id, templateName: t.name, setName: 'no presolve' }]);
  });

  it('removing it is the user’s choice: it is not added back', () => {
    const e = new BenchmarkEditor(null);
    e.load(quickStart());
    e.useBlessed({ knapsack });
    e.removeOptionSet(e.optionSets[2].id);
    expect(e.blessedInUse).toEqual([]);
    e.useBlessed({ knapsack }); // the editor mounted again
    expect(e.optionSets).toHaveLength(2);
  });

  it('a generator template added later gets its blessed set once; one without a blessed set gets none', () => {
    const e = new BenchmarkEditor(null);
    e.useBlessed({ knapsack });
    e.addGenerator('transportation');
    expect(e.optionSets).toHaveLength(0);
    e.addGenerator('knapsack');
    expect(e.optionSets.map((o) => o.name)).toEqual(['blessed: no presolve']);
    e.addGenerator('knapsack');
    expect(e.optionSets).toHaveLength(1);
    expect(e.blessedInUse.map((u) => u.setName)).toEqual(['no presolve', 'no presolve']);
    e.setGenerator(0, 'knapsack'); // transportation → knapsack: the set is there already
    expect(e.optionSets).toHaveLength(1);
  });

  it('the Quick start runs the blessed set on its own template only, not on the library models', () => {
    const e = new BenchmarkEditor(null);
    e.libraryFiles = ['afiro.mps', 'blending.mps', 'flugpl.mps'];
    e.load(quickStart());
    e.useBlessed({ knapsack });
    const t = e.templates.find((x) => x.kind === 'generator')!;
    expect(e.optionSets[2].templates).toEqual([t.id]);
    expect(e.scopeOf(e.optionSets[2])).toEqual([t.name]);
    expect(e.issues).toEqual([]);
    expect(e.definition?.optionSets[2].templates).toEqual([t.id]);
    // 3 library models × 2 sets + 3 knapsacks × 3 sets, × 2 seeds: 30 runs, not 6 × 3 × 2 = 36.
    expect(e.plan.runs).toBe(30);
    e.runEverywhere(e.optionSets[2].id);
    expect(e.optionSets[2].templates).toBeUndefined();
    expect(e.plan.runs).toBe(36);
  });

  it('a second template of the generator joins the scope; removing the templates removes the set with them', () => {
    const e = new BenchmarkEditor(null);
    e.useBlessed({ knapsack });
    e.addGenerator('knapsack');
    e.addGenerator('knapsack');
    e.addGenerator('transportation');
    const [k1, k2] = e.templates.map((t) => t.id);
    expect(e.optionSets.map((o) => o.templates)).toEqual([[k1, k2]]);
    e.removeTemplate(0);
    expect(e.optionSets.map((o) => o.templates)).toEqual([[k2]]);
    e.setGenerator(0, 'transportation'); // no longer a knapsack: the set has no template left and goes
    expect(e.optionSets).toEqual([]);
  });

  it('a saved configuration keeps the option sets it was saved with', () => {
    const e = new BenchmarkEditor(null);
    e.useBlessed({ knapsack });
    e.configs = [{ name: 'mine', definition: quickStart(), savedAt: 0 }];
    e.loadConfig('mine');
    expect(e.optionSets).toHaveLength(2);
  });
});

describe('RunWorkspace: the library’s blessed set', () => {
  async function workspace(blessed: BlessedSet | null) {
    const solver = localPool();
    pools.push(solver);
    const parameters = parameterStoreOf(openWorkbenchDb(`run-blessed-${process.pid}-${Math.random()}`));
    if (blessed)
      await parameters.putBlessed(
        { ...blessed, active: true },
        { kind: 'promoted', at: blessed.promotedAt, by: 'ada', setId: blessed.id, template: blessed.template },
      );
    const ws = new RunWorkspace({ solver, runs: freshRunStore(), library: diskLibrary, parameters });
    await ws.start();
    return ws;
  }

  it('the options start from it; reset gives the defaults', async () => {
    const lib = set('library', 'tight', { presolve: 'off', mip_rel_gap: 0.001 });
    const ws = await workspace(lib);
    expect((await ws.blessed())?.name).toBe('tight');
    expect(ws.options.changedValues).toEqual({ presolve: 'off', mip_rel_gap: 0.001 });
    expect(holdsBlessed(ws.options.changedValues, lib)).toBe(true);
    ws.options.resetAll();
    expect(ws.options.changedValues).toEqual({});
    expect(holdsBlessed(ws.options.changedValues, lib)).toBe(false);
  }, 60_000);

  it('another template’s blessed set does not touch the run view', async () => {
    const ws = await workspace(knapsack);
    expect(await ws.blessed()).toBeNull();
    expect(ws.options.changedValues).toEqual({});
  }, 60_000);

  it('without the browser database the defaults stay', async () => {
    const solver = localPool();
    pools.push(solver);
    const ws = new RunWorkspace({ solver, runs: freshRunStore(), library: diskLibrary });
    await ws.start();
    expect(await ws.blessed()).toBeNull();
  }, 60_000);
});
