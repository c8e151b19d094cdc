// The tuner end to end on a simulated template: 15 instances split 10 : 5, 4 random_seeds (40 tuning and 20
// held-out blocks), the default space of highs 1.15.3 (48 one-option changes), log-normal run noise σ = 0.15,
// per-(instance, seed) and per-(change, instance) effects. Planted: mip_heuristic_effort = 0.2 makes every run
// 1.5× faster; mip_heuristic_run_zi_round = true is 2.5× faster but moves the objective by 1 % (a wrong
// answer); presolve, run_crossover, simplex_crash_strategy and simplex_primal_edge_weight_strategy do nothing.
import { describe, expect, it } from 'vitest';
import {
  changesKey,
  defaultSeeds,
  heldOutPlan,
  makeBlocks,
  splitInstances,
  tunerResult,
} from '../../../src/core/tuner';
import { change, simulator, type SimSpec } from './fixtures';
import { session, type Session } from './scenario';

const SEEDS = [1, 2, 3, 4, 5];
const NO_OPS = ['presolve', 'run_crossover', 'simplex_crash_strategy', 'simplex_primal_edge_weight_strategy'];
const PLANTED = change('mip_heuristic_effort', 0.2);
const TRAP = change('mip_heuristic_run_zi_round', true);
const BUDGET = { budget: { runs: 1200, timeMs: null } };

const planted = (seed: number): SimSpec => ({
  instances: 15,
  effects: { [PLANTED]: 1 / 1.5, [TRAP]: 1 / 2.5 },
  answerChanges: { [TRAP]: 0.01 },
  otherEffect: 'mixed',
  noOps: NO_OPS,
  noise: 0.15,
  seed,
});
// Every change is slower (3 % to ~40 %) or does nothing.
const defaultsBest = (seed: number): SimSpec => ({
  instances: 15,
  effects: {},
  otherEffect: 'slower',
  noOps: NO_OPS,
  noise: 0.15,
  seed,
});

describe('a planted 1.5× option', () => {
  const sessions: Session[] = SEEDS.map((seed) => session(planted(seed), BUDGET));

  it('is found in 5 of 5 seeds within the budget, and confirmed on the held-out blocks', () => {
    for (const s of sessions) {
      const rec = s.result.recommendation;
      expect(rec.kind).toBe('change');
      if (rec.kind !== 'change') continue;
      expect(rec.changes.mip_heuristic_effort).toBe(0.2);
      expect(rec.ci95[0]).toBeGreaterThan(1.05);
      expect(s.race.progress().runs).toBeLessThan(1200 + 60);
      // The best single change is the planted one, and the ablation path starts with it.
      expect(s.result.rows[0]).toMatchObject({ k: 1, changes: { mip_heuristic_effort: 0.2 } });
      expect(s.result.rows[0].heldOut.call).toBe('faster');
      expect(s.result.ablation[0]).toMatchObject({ step: 1, name: 'mip_heuristic_effort', value: 0.2 });
      expect(s.result.ablation[0].fromPrevious.call).toBe('faster');
    }
    // Held-out speedups of the planted change alone: 1.5× within noise.
    for (const s of sessions) expect(s.result.rows[0].heldOut.speedup!).toBeGreaterThan(1.3);
    for (const s of sessions) expect(s.result.rows[0].heldOut.speedup!).toBeLessThan(1.75);
  });

  it('recommends a larger set only when it is really faster than a smaller one on the held-out blocks', () => {
    const alone = sessions.filter(
      (s) =>
        s.result.recommendation.kind === 'change' &&
        changesKey(s.result.recommendation.changes) === changesKey({ mip_heuristic_effort: 0.2 }),
    );
    // The other changes of the simulation act by −10 % to +30 %: most seeds keep the planted change alone.
    expect(alone.length).toBeGreaterThanOrEqual(3);
  });

  it('runs at most 35 % of a full evaluation of the same candidates on every block', () => {
    for (const s of sessions) {
      expect(s.tuningBlocks).toBe(40);
      expect(s.efficiency).toBeLessThanOrEqual(0.35);
    }
  });

  it('quarantines the faster option that changes the objective, with the evidence, and never offers it', () => {
    for (const s of sessions) {
      const state = s.race.toJSON();
      const trap = state.candidates.filter((c) => 'mip_heuristic_run_zi_round' in c.changes);
      expect(trap.map((c) => c.status)).toEqual(['quarantined']); // and no later candidate holds it
      expect(trap[0].quarantine).toMatchObject({ issue: 'objective' });
      expect(trap[0].why).toMatch(/the objective lies outside the gap/);
      expect(Object.keys(trap[0].runs)).toHaveLength(1); // at once: after its first run
      expect(s.result.quarantined.map((q) => q.label)).toEqual(['mip_heuristic_run_zi_round=true']);
      const offered = [...s.result.rows.map((r) => r.changes), ...s.result.ablation.map((a) => a.changes)];
      expect(offered.some((c) => 'mip_heuristic_run_zi_round' in c)).toBe(false);
    }
  });

  it('merges the options that do nothing on this template', () => {
    for (const s of sessions) {
      const noOps = s.race.progress().candidates.filter((c) => Object.keys(c.changes).some((n) => NO_OPS.includes(n)));
      expect(noOps.filter((c) => c.origin === 'one-change').every((c) => c.status === 'merged')).toBe(true);
      expect(noOps.filter((c) => c.origin === 'one-change')).toHaveLength(9);
      for (const c of noOps) expect(c.blocks).toBeLessThanOrEqual(5);
    }
  });

  it('reports progress: alive, blocks, mean ranks, eliminations with why, and the anytime curve', () => {
    const p = sessions[0].race.progress();
    expect(p.done).toBe(true);
    expect(p.events.filter((e) => e.kind === 'eliminated').length).toBeGreaterThan(30);
    expect(p.best?.changes.mip_heuristic_effort).toBe(0.2);
    const curve = p.anytime.map((a) => a.speedup!);
    expect(curve.at(-1)!).toBeGreaterThan(1.3);
    expect(p.anytime.every((a) => a.runs <= p.runs)).toBe(true);
  });
});

describe('when the defaults are best', () => {
  const sessions = SEEDS.map((seed) => session(defaultsBest(seed), BUDGET));

  it('says “no change” in at least 4 of 5 seeds', () => {
    const noChange = sessions.filter((s) => s.result.recommendation.kind === 'no-change');
    expect(noChange.length).toBeGreaterThanOrEqual(4);
    for (const s of noChange)
      expect(s.result.recommendation.why).toMatch(/no set's held-out interval lies above 1 by more than 5 %/);
  });
});

describe('the held-out result', () => {
  const spec = planted(2);
  const s = session(spec, BUDGET);
  const state = s.race.toJSON();
  const evaluate = simulator(spec);
  const ids = Array.from({ length: 15 }, (_, i) => `inst-${String(i).padStart(2, '0')}`);
  const heldOut = splitInstances(ids, spec.seed).heldOut;

  it('with too few held-out blocks says so, and recommends nothing', () => {
    const plan = heldOutPlan(state, makeBlocks(heldOut.slice(0, 2), defaultSeeds(2), 9));
    const r = tunerResult(state, plan, plan.jobs.map(evaluate));
    expect(r.heldOutBlocks).toBe(4);
    expect(r.rows.every((row) => row.heldOut.call === 'too-few')).toBe(true);
    expect(r.rows[0].heldOut.label).toBe('undetermined: 8 more pairs');
    expect(r.recommendation).toMatchObject({ kind: 'no-change' });
    expect(r.recommendation.why).toMatch(/^too few held-out blocks to confirm any change/);
  });

  it('a set that changes an answer on a held-out block is shown with the evidence and not recommended', () => {
    const plan = heldOutPlan(state, makeBlocks(heldOut, defaultSeeds(4), 9));
    const best = s.result.recommendation;
    if (best.kind !== 'change') throw new Error('expected a recommendation');
    const key = changesKey(best.changes);
    const bad = plan.sets.find((x) => changesKey(x.changes) === key)!;
    const results = plan.jobs.map((j) => {
      const r = evaluate(j);
      return j.candidate === bad.id && j.block === 3 ? { ...r, status: 'infeasible' as const, objective: null } : r;
    });
    const r = tunerResult(state, plan, results);
    const shown = [...r.rows, ...r.ablation].find((x) => changesKey(x.changes) === key)!;
    expect(shown.answer).toMatch(/\(seed \d\): the status changed: baseline optimal, .*; candidate infeasible/);
    expect(r.recommendation.kind === 'change' && changesKey(r.recommendation.changes) === key).toBe(false);
  });

  it('plans the baseline, the best set per number of changes and the ablation path, each on every held-out block', () => {
    const blocks = makeBlocks(heldOut, defaultSeeds(4), 9);
    const plan = heldOutPlan(state, blocks);
    expect(plan.sets[0]).toMatchObject({ id: 'baseline', k: 0, roles: ['baseline'] });
    expect(plan.sets.filter((x) => x.roles.includes('best-of-k')).map((x) => x.k)).toEqual([1, 2, 3]);
    expect(plan.sets.filter((x) => x.roles.includes('race-best'))).toHaveLength(1);
    expect(plan.jobs).toHaveLength(plan.sets.length * blocks.length);
    expect(plan.jobs.every((j) => !j.capped && j.timeLimitMs === null && j.options.random_seed === j.seed)).toBe(true);
    expect(new Set(plan.jobs.map((j) => j.id)).size).toBe(plan.jobs.length);
  });
});
