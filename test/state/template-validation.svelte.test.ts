// @vitest-environment svelte-runes
// Template validation in the parameters view's state, against real parts: the blessed set solved on N
// instances by the real solver through an in-process pool, benchmarks, blessed sets and baselines stored in
// fake-indexeddb through the real repositories; readiness judged by core, then checked against the
// template's newest baseline.
import { afterEach, describe, expect, it } from 'vitest';
import { baselineFrom } from '../../src/core/regression';
import { TEMPLATE_VALIDATION_SET_ID } from '../../src/core/parameters';
import { ParametersState } from '../../src/state/parameters-state.svelte';
import type { AppServices } from '../../src/state/ports';
import { benchmarkDataOf } from '../../src/state/report-builder';
import type { WorkerPool } from '../../src/solver/worker-pool';
import { storedServices } from './harness';

const pools: WorkerPool[] = [];
afterEach(() => {
  for (const p of pools.splice(0)) p.dispose();
});

function services(): AppServices {
  const s = storedServices('template-validation');
  pools.push(s.solver);
  return s;
}

let clock = Date.UTC(2026, 0, 1);
const now = () => (clock += 1000);
let ids = 0;
const newId = () => `set-${++ids}`;

/** A parameters state on knapsack with a blessed set promoted (presolve on, as measured elsewhere). */
async function blessed(s: AppServices): Promise<ParametersState> {
  const p = new ParametersState(s, now, newId);
  await p.load();
  p.form.setDescriptors(await s.solver.describeOptions());
  p.descriptors = p.form.descriptors;
  p.approvedBy = 'ada';
  p.name = 'presolve on';
  p.result = {
    template: 'knapsack',
    options: { presolve: 'on' },
    valid: true,
    errors: [],
    warnings: [],
    reference: { kind: 'defaults' },
    speedup: { ratio: 1.1, ci95: [0.95, 1.3] },
    estimatedSolveMs: 12,
    correctness: { ok: true, disagreements: 0 },
    baseline: { sgmTimeMs: 12, solved: 2, problems: 2 },
    referenceBaseline: { sgmTimeMs: 13, solved: 2, problems: 2 },
    benchmarkId: 'bench-x',
    solverVersion: '1.15.3',
    validatedAt: new Date(clock).toISOString(),
  };
  expect(await p.promote()).toBe(true);
  return p;
}

describe('ParametersState.validateTemplate', () => {
  it('refuses without a blessed set, with a bad count or a bad target', async () => {
    const s = services();
    const p = new ParametersState(s, now, newId);
    await p.load();
    expect(await p.validateTemplate()).toBeNull();
    expect(p.templateError?.message).toMatch(/no blessed set/);
    const q = await blessed(s);
    q.validateCount = '0';
    expect(await q.validateTemplate()).toBeNull();
    expect(q.templateError?.message).toMatch(/number of instances/);
    q.validateCount = '2';
    q.validateTarget = '-5';
    expect(await q.validateTemplate()).toBeNull();
    expect(q.templateError?.message).toMatch(/time target/);
  }, 60_000);

  it('solves N instances: ready with a generous target, "no baseline yet"; then against a baseline; not ready on a tiny target', async () => {
    const s = services();
    const p = await blessed(s);
    expect(p.targetMs).toBe(36);
    p.validateCount = '2';
    p.validateTarget = '60000';
    const v = await p.validateTemplate();
    expect(p.templateError).toBeNull();
    expect(v).not.toBeNull();
    expect(p.templateValidation).toBe(v);
    expect(v!.readiness.perModel).toHaveLength(4);
    expect(v!.readiness.reasons).toEqual([]);
    expect(v!.readiness.ready).toBe(true);
    expect(v!.history).toBeNull();
    expect(v!.historyNote).toBe('no baseline yet');

    // A baseline from that run: the next validation is checked against it.
    const stored = (await s.benchmarks!.getBenchmark(v!.benchmarkId))!;
    const runs = await s.benchmarks!.listRuns(stored.id);
    const base = baselineFrom(
      benchmarkDataOf(stored, runs),
      {
        id: 'base-1',
        createdAt: new Date(clock).toISOString(),
        solver: stored.solver,
        environment: { userAgent: 'test', hardwareConcurrency: 2, crossOriginIsolated: false },
      },
      'knapsack',
      TEMPLATE_VALIDATION_SET_ID,
    );
    await s.baselines!.put(base);
    p.validateTarget = '0.001';
    const w = await p.validateTemplate();
    expect(w!.historyNote).toBeNull();
    expect(w!.history?.baselineId).toBe('base-1');
    expect(['unchanged', 'improved', 'inconclusive']).toContain(w!.history?.verdict);
    expect(w!.readiness.ready).toBe(false);
    expect(w!.readiness.reasons.join('\n')).toMatch(/above the time target 0\.0 ms/);

    // Switching the template drops the result.
    await p.selectTemplate('library');
    expect(p.templateValidation).toBeNull();
  }, 120_000);
});
