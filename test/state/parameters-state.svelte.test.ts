// @vitest-environment svelte-runes
// The parameters view's state against real parts: candidates checked against the real HiGHS option
// descriptions and measured by the real solver through an in-process pool, blessed sets stored in
// fake-indexeddb through the real repository; and the benchmark editor adding a template's blessed set.
import { afterEach, describe, expect, it } from 'vitest';
import { decideTime } from '../../src/core/decision';
import type { ValidationResult } from '../../src/core/parameters';
import { BenchmarkEditor } from '../../src/state/benchmark-editor.svelte';
import { activeBlessedSets } from '../../src/state/blessed-sets-state.svelte';
import { ParametersState } from '../../src/state/parameters-state.svelte';
import type { AppServices } from '../../src/state/ports';
import type { WorkerPool } from '../../src/solver/worker-pool';
import { storedServices } from './harness';

const pools: WorkerPool[] = [];
afterEach(() => {
  for (const p of pools.splice(0)) p.dispose();
});

function services(): AppServices {
  const s = storedServices('params-state');
  pools.push(s.solver);
  return s;
}

let clock = Date.UTC(2026, 0, 1);
const now = () => (clock += 1000);
let ids = 0;
const newId = () => `set-${++ids}`;

async function ready(s: AppServices): Promise<ParametersState> {
  const p = new ParametersState(s, now, newId);
  await p.load();
  p.form.setDescriptors(await s.solver.describeOptions());
  p.descriptors = p.form.descriptors;
  return p;
}

/** A measured result as validate() fills it, to test promotion rules without timing noise. */
function measured(p: ParametersState, patch: Partial<ValidationResult> = {}): ValidationResult {
  return {
    template: p.template,
    options: { mip_rel_gap: 0.001 },
    valid: true,
    errors: [],
    warnings: [],
    reference: { kind: 'defaults' },
    speedup: { ratio: 1.1, ci95: [0.95, 1.3] },
    time: null,
    estimatedSolveMs: 12,
    correctness: { ok: true, disagreements: 0 },
    baseline: { sgmTimeMs: 12, solved: 2, problems: 2 },
    referenceBaseline: { sgmTimeMs: 13, solved: 2, problems: 2 },
    benchmarkId: 'bench-x',
    solverVersion: '1.15.3',
    validatedAt: new Date(clock).toISOString(),
    ...patch,
  };
}

describe('ParametersState', () => {
  it('an invalid candidate is not measured, names the option, and its promotion is refused with the reason', async () => {
    const s = services();
    const p = await ready(s);
    p.form.set('mip_rel_gap', '-1');
    const r = await p.validate();
    expect(r?.valid).toBe(false);
    expect(r?.errors.map((e) => e.option)).toEqual(['mip_rel_gap']);
    expect(r?.errors[0].message).toMatch(/mip_rel_gap/);
    expect(r?.benchmarkId).toBe('');
    p.name = 'bad';
    p.approvedBy = 'ada';
    expect(await p.promote()).toBe(false);
    expect(p.refusal).toMatch(/failed validation: .*mip_rel_gap/);
    expect(await s.parameters!.listBlessed()).toEqual([]);
  });

  it('measures a valid candidate against the defaults, promotes it, and a fresh state sees it blessed', async () => {
    const s = services();
    const p = await ready(s);
    p.form.set('mip_rel_gap', '0.001');
    const r = await p.validate();
    expect(p.error).toBeNull();
    expect(r).not.toBeNull();
    expect(r!.valid).toBe(true);
    expect(r!.warnings.map((w) => w.option)).toEqual(['mip_rel_gap']);
    expect(r!.reference).toEqual({ kind: 'defaults' });
    expect(r!.benchmarkId).not.toBe('');
    expect(r!.baseline).toMatchObject({ solved: 4, problems: 4 }); // models × random_seed values
    expect(r!.referenceBaseline).toMatchObject({ solved: 4, problems: 4 });
    expect(r!.speedup!.ratio).toBeGreaterThan(0);
    // Two models × two random_seed values are four (model, seed) pairs: too few for the decision rule's interval,
    // so the time is undetermined (with how many more pairs it needs) and refuses nothing.
    expect(r!.time).toMatchObject({ call: 'too-few', real: null, method: 'none', n: { pairs: 4 }, moreRuns: 8 });
    expect(r!.time!.ratio).toBeGreaterThan(0);
    expect(r!.estimatedSolveMs).toBeGreaterThan(0);
    expect(r!.correctness).toEqual({ ok: true, disagreements: 0 });
    expect(r!.solverVersion).toMatch(/^\d+\.\d+/);
    const stored = await s.benchmarks!.listRuns(r!.benchmarkId);
    expect(stored).toHaveLength(2 * 2 * 2); // sizes × seeds × option sets
    // Stored as a validation, so #/reports and #/regressions keep it apart from the user's benchmarks.
    expect((await s.benchmarks!.getBenchmark(r!.benchmarkId))?.purpose).toBe('validation');

    p.name = 'gap 1e-3';
    expect(await p.promote()).toBe(false);
    expect(p.refusal).toMatch(/name of who approves/);
    p.approvedBy = 'ada';
    expect(await p.promote()).toBe(true);
    expect(p.active?.name).toBe('gap 1e-3');
    expect(p.active?.options).toEqual({ mip_rel_gap: 0.001 });
    expect(p.active?.evidenceBenchmarkId).toBe(r!.benchmarkId);

    const again = new ParametersState(s);
    await again.load();
    expect(again.sets.map((x) => [x.name, x.active, x.approvedBy])).toEqual([['gap 1e-3', true, 'ada']]);
    expect(again.events.map((e) => e.kind)).toEqual(['promoted']);
    // The next validation measures against the blessed set.
    expect((await activeBlessedSets(s)).knapsack.name).toBe('gap 1e-3');
  }, 60_000);

  it('promotes a second set, rolls back, revokes (with a reason), and refuses rolling back to a revoked set', async () => {
    const s = services();
    const p = await ready(s);
    p.approvedBy = 'ada';
    p.result = measured(p);
    p.name = 'first';
    expect(await p.promote()).toBe(true);
    const first = p.active!.id;
    p.result = measured(p, { options: { presolve: 'off' }, reference: { kind: 'blessed', setId: first } });
    p.name = 'second';
    expect(await p.promote()).toBe(true);
    expect(p.sets.map((x) => [x.name, x.active])).toEqual([
      ['first', false],
      ['second', true],
    ]);
    // A rollback needs a reason, like a revocation; it is kept in the history event.
    expect(await p.rollBack(first)).toBe(false);
    expect(p.refusal).toMatch(/say why you roll back/);
    expect(p.active?.name).toBe('second');
    p.rollbackReason = 'second regressed on the new formulation';
    expect(await p.rollBack(first)).toBe(true);
    expect(p.rollbackReason).toBe('');
    expect(p.active?.name).toBe('first');
    expect(p.isActive(first)).toBe(true);
    expect(await p.revoke(first)).toBe(false);
    expect(p.refusal).toMatch(/say why/);
    p.revokeReason = 'slower on 1.16';
    expect(await p.revoke(first)).toBe(true);
    expect(p.active).toBeNull();
    expect(await p.rollBack(first)).toBe(false);
    expect(p.refusal).toMatch(/was revoked/);
    expect(p.events.map((e) => [e.kind, e.setId === first ? 'first' : 'second'])).toEqual([
      ['promoted', 'first'],
      ['promoted', 'second'],
      ['rolled-back', 'first'],
      ['revoked', 'first'],
    ]);
    expect(p.events[2].reason).toBe('second regressed on the new formulation');
    expect(p.events[3].reason).toBe('slower on 1.16');
    // The promotion of the second set names the set it replaced by id, shown by its name.
    expect(p.events[1].replaces).toBe(first);
  });

  it('a slower candidate, a wrong answer or fewer solved problems are refused with the reason', async () => {
    const p = await ready(services());
    p.approvedBy = 'ada';
    p.name = 'x';
    // Twelve (model, seed) pairs, the candidate twice as slow on each: the decision rule calls it slower.
    const runs = (factor: number) =>
      Array.from({ length: 12 }, (_, i) => ({
        timeMs: (10 + i) * factor,
        model: `m${i % 3}`,
        seed: i,
        counters: null,
      }));
    const slower = decideTime(runs(1), runs(2), { sameOptions: false, sameSolver: true });
    expect(slower.call).toBe('slower');
    p.result = measured(p, { speedup: { ratio: 0.5, ci95: [0.4, 0.6] }, time: slower });
    expect(await p.promote()).toBe(false);
    expect(p.refusal).toMatch(/^it was slower than the defaults \(time, candidate ÷ reference\): ×2, 95 % CI/);
    // The same bootstrap interval without the rule's call (too few runs) refuses nothing on time.
    p.result = measured(p, {
      speedup: { ratio: 0.5, ci95: [0.4, 0.6] },
      time: decideTime(runs(1).slice(0, 2), runs(2).slice(0, 2), { sameOptions: false, sameSolver: true }),
    });
    expect(p.promoteRefusal).toBeNull();
    p.result = measured(p, { correctness: { ok: false, disagreements: 1 } });
    expect(await p.promote()).toBe(false);
    expect(p.refusal).toMatch(/1 answer disagrees/);
    p.result = measured(p, { baseline: { sgmTimeMs: 1, solved: 1, problems: 2 } });
    expect(await p.promote()).toBe(false);
    expect(p.refusal).toMatch(/solved 1 of 2/);
    expect(p.sets).toEqual([]);
  });

  it('exports a set as a HiGHS options file and JSON, imports them back, and names the line of a bad file', async () => {
    const s = services();
    const p = await ready(s);
    p.approvedBy = 'ada';
    p.result = measured(p, { options: { mip_rel_gap: 0.001, presolve: 'off' } });
    p.name = 'fast';
    expect(await p.promote()).toBe(true);
    const id = p.active!.id;
    const file = p.optionsFile(id)!;
    expect(file.name).toBe('knapsack-fast.highs.txt');
    const lines = file.text.split('\n').filter((l) => l && !l.startsWith('#'));
    expect(lines).toEqual(['mip_rel_gap = 0.001', 'presolve = off']);
    const json = p.optionsJson(id);
    expect(JSON.parse(json.text)).toMatchObject({ name: 'fast', options: { presolve: 'off' } });

    expect(p.importOptions(file.name, file.text)).toBe(true);
    expect(p.form.changedValues).toEqual({ mip_rel_gap: 0.001, presolve: 'off' });
    p.form.resetAll();
    expect(p.importOptions('x.json', json.text)).toBe(true);
    expect(p.form.changedValues).toEqual({ mip_rel_gap: 0.001, presolve: 'off' });

    expect(p.importOptions('bad.txt', '# header\nmip_rel_gapp = 0.1\npresolve = off\n')).toBe(false);
    expect(p.importErrors).toEqual([expect.stringMatching(/^line 2: .*mip_rel_gap/)]);
    expect(p.form.changedValues).toEqual({ mip_rel_gap: 0.001, presolve: 'off' }); // unchanged

    p.diffA = 'defaults';
    p.diffB = id;
    expect(p.diff.added.map((d) => d.option)).toEqual(['mip_rel_gap', 'presolve']);
    p.form.set('presolve', 'on');
    p.diffA = 'candidate';
    expect(p.diff.changed).toEqual([{ option: 'presolve', from: 'on', to: 'off' }]); // HiGHS's default is 'choose'
    expect(p.diff.added).toEqual([]);
    expect(p.diff.unchanged).toEqual(['mip_rel_gap']);
  });

  it('the benchmark editor adds a template’s blessed set as an option set named after it', async () => {
    const s = services();
    const p = await ready(s);
    p.approvedBy = 'ada';
    p.result = measured(p, { options: { presolve: 'off' } });
    p.name = 'no presolve';
    expect(await p.promote()).toBe(true);

    const editor = new BenchmarkEditor(null);
    editor.addGenerator('knapsack');
    editor.addGenerator('transportation');
    editor.blessed = await activeBlessedSets(s);
    expect(editor.blessedFor(editor.templates[0])?.name).toBe('no presolve');
    expect(editor.blessedFor(editor.templates[1])).toBeNull();
    const added = editor.addBlessed(editor.templates[0])!;
    expect(added.name).toBe('blessed: no presolve');
    expect(added.options).toEqual({ presolve: 'off' });
    expect(editor.addBlessed(editor.templates[0])).toBe(added); // once
    expect(editor.optionSets).toHaveLength(1);
    expect(editor.addBlessed(editor.templates[1])).toBeNull();
  });
});
