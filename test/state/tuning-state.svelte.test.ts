// @vitest-environment svelte-runes
// The run view's tuning bench against real parts: the real HiGHS through an in-process pool of two workers,
// the library from disk, runs stored in fake-indexeddb — pin and deltas, Solve ×N, a sweep, the ablation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RunWorkspace } from '../../src/state/run-workspace';
import type { WorkerPool } from '../../src/solver/worker-pool';
import type { OptionDescriptor } from '../../src/core/options-schema';
import { diskLibrary, freshRunStore, localPool } from './harness';

let solver: WorkerPool;
let ws: RunWorkspace;

beforeAll(async () => {
  solver = localPool([], { minWorkers: 2, maxWorkers: 2 });
  ws = new RunWorkspace({ solver, runs: freshRunStore(), library: diskLibrary });
  await ws.start();
});
afterAll(() => solver.dispose());

const pick = (file: string) => {
  const m = ws.library.library!.models.find((x) => x.file === file)!;
  ws.library.pickLibrary(m);
};

/** An LP with three named row groups: cap (2 rows), demand (2 rows), balance (1 row). */
// Without cap_1, x + y grows without bound along x − y ≤ 2; without link_1, cap_1 still holds it at 4.
const UNBOUNDED_WITHOUT_CAP_LP = `Maximize
 obj: x + y
Subject To
 cap_1: x + y <= 4
 link_1: x - y <= 2
End
`;

const GROUPED_LP = `Maximize
 obj: x + y + z
Subject To
 cap_1: x + y <= 4
 cap_2: y + z <= 6
 demand(1): x >= 1
 demand(2): z >= 1
 balance.1: x - z = 0
Bounds
 x <= 3
 y <= 3
 z <= 3
End
`;

describe('pin and deltas', () => {
  it('a pinned run and a later solve of the same model with one option changed give deltas and the option', async () => {
    pick('flugpl.mps');
    await ws.solveChoice();
    const ref = ws.solve.lastRun!;
    expect(ref.error).toBeNull();
    ws.tuning.pin([ref], 'this solve', ws.solve.points);
    expect(ws.tuning.comparison).toBeNull(); // the candidate is the pinned run itself
    ws.options.set('presolve', 'off');
    await ws.solveChoice();
    const cmp = ws.tuning.comparison!;
    expect(cmp.sameModel).toBe(true);
    expect(cmp.optionsChanged).toEqual([{ option: 'presolve', ref: undefined, cand: 'off' }]);
    const names = cmp.deltas.map((d) => d.name);
    expect(names).toContain('time');
    expect(names).toContain('objective');
    const objective = cmp.deltas.find((d) => d.name === 'objective')!;
    expect(objective).toMatchObject({ kind: 'difference', real: false });
    expect(Math.abs(objective.value!)).toBeLessThan(1e-6);
    // Presolve off changes the search: some work counter changed, and a changed counter is always real.
    const counters = cmp.deltas.filter((d) => d.name !== 'time' && d.kind === 'ratio' && d.name !== 'memory');
    expect(counters.some((d) => d.value !== 1 && d.real)).toBe(true);
    ws.options.reset('presolve');
  });

  it('issue 17: a rerun with the same options is noise, not real, whatever the time ratio', async () => {
    pick('afiro.mps');
    await ws.solveChoice();
    ws.tuning.pin([ws.solve.lastRun!], 'this solve');
    for (let i = 0; i < 3; i++) {
      await ws.solveChoice();
      const time = ws.tuning.deltas.find((d) => d.name === 'time')!;
      expect(time.real).toBe(false);
      expect(time.decision?.call).toBe('noise');
      expect(time.why).toMatch(/identical work counters/);
    }
    ws.tuning.unpin();
  });

  it('issue 17: one run against one run with another option is undetermined, and says what it needs', async () => {
    pick('p0548.mps');
    await ws.solveChoice();
    ws.tuning.pin([ws.solve.lastRun!], 'this solve');
    ws.options.set('presolve', 'off');
    await ws.solveChoice();
    const time = ws.tuning.deltas.find((d) => d.name === 'time')!;
    expect(time.real).toBeNull();
    expect(time.decision?.call).toBe('too-few');
    expect(time.why).toMatch(/one run against one run decides nothing/);
    expect(time.decision?.moreRuns).toBe(3);
    ws.options.reset('presolve');
    ws.tuning.unpin();
  });

  it('issue 17: the outlier case (8 against 8, one 163 ms reference run) is real, with its interval, n and p', () => {
    // Solve ×8 records as the run view keeps them: same model, seeds 1..8, the candidate with presolve off.
    const base = ws.solve.lastRun!;
    const runsOf = (times: number[], options: Record<string, string>, iterations: number) =>
      times.map((solveMs, i) => ({
        ...base,
        id: undefined,
        seed: i + 1,
        options: { ...options, random_seed: i + 1 },
        times: { ...base.times, solveMs },
        counters: { ...base.counters, simplexIterations: iterations },
      }));
    ws.tuning.pin(runsOf([80, 82, 85, 88, 90, 93, 94, 163], {}, 100), 'Solve ×8');
    ws.tuning.candidate = runsOf([104, 105, 110, 115, 118, 121, 123, 125], { presolve: 'off' }, 130);
    const time = ws.tuning.deltas.find((d) => d.name === 'time')!;
    expect(time.real).toBe(true);
    expect(time.decision?.call).toBe('slower');
    expect(time.decision?.ci95?.[0]).toBeGreaterThan(1.05);
    expect(time.decision?.n).toMatchObject({ ref: 8, cand: 8 });
    expect(time.why).toMatch(/95 % CI .*p = /);
    ws.tuning.unpin();
  });

  it('a solve of another model is not compared', async () => {
    pick('afiro.mps');
    await ws.solveChoice();
    expect(ws.tuning.comparison).toBeNull();
  });
});

describe('Solve ×N', () => {
  it('solves over random_seed 1..n through the pool, stores every run once and gives the distribution', async () => {
    pick('flugpl.mps');
    await ws.solveChoice();
    ws.tuning.pin([ws.solve.lastRun!], 'this solve');
    const before = (await ws.history.runs).length;
    await ws.tuning.solveN(5);
    expect(ws.tuning.error).toBeNull();
    expect(ws.tuning.solveNRuns.map((r) => r.seed).sort()).toEqual([1, 2, 3, 4, 5]);
    expect(ws.tuning.solveNRuns.every((r) => r.status === 'optimal')).toBe(true);
    const d = ws.tuning.solveNDistribution!;
    expect(d.n).toBe(5);
    expect(d.min).toBeLessThanOrEqual(d.median);
    expect(d.median).toBeLessThanOrEqual(d.max);
    expect(ws.tuning.progress).toMatchObject({ kind: 'solve-n', done: 5, total: 5, failed: 0, running: false });
    expect(ws.history.runs.length).toBe(Math.min(500, before + 5));
    // The distribution is the candidate now; pinned against the single flugpl run it compares: 5 against 1 is
    // too few for the time to be decided (the seeds differ, so the counters say nothing either).
    expect(ws.tuning.deltas.find((x) => x.name === 'time')?.real).toBeNull();
    expect(ws.tuning.candidate).toHaveLength(5);
    expect(ws.tuning.comparison?.sameModel).toBe(true);
  });

  it('cancel stops the batch: the finished runs are kept, the rest are not run', async () => {
    pick('p0548.mps');
    const running = ws.tuning.solveN(60);
    await expect.poll(() => ws.tuning.progress?.done ?? 0, { timeout: 30_000, interval: 5 }).toBeGreaterThan(0);
    ws.tuning.cancel();
    await running;
    expect(ws.tuning.progress).toMatchObject({ kind: 'solve-n', cancelled: true, running: false, total: 60 });
    expect(ws.tuning.solveNRuns.length).toBeGreaterThan(0);
    expect(ws.tuning.solveNRuns.length).toBeLessThan(60);
  });

  it('refuses a count outside 1..MAX_BATCH_SOLVES with a clear message and runs nothing', async () => {
    await ws.tuning.solveN(0);
    expect(ws.tuning.error?.message).toMatch(/Solve ×N takes 1 to 200 solves/);
    ws.tuning.error = null;
  });
});

describe('sweep', () => {
  it('presolve on and off over two seeds: one point per value with its runs, a best value, apply sets the form', async () => {
    pick('flugpl.mps');
    const presolve = ws.options.descriptors.find((d) => d.name === 'presolve') as OptionDescriptor;
    await ws.tuning.sweep(presolve, ['on', 'off'], [1, 2]);
    expect(ws.tuning.error).toBeNull();
    const points = ws.tuning.sweepPoints;
    expect(points.map((p) => p.value)).toEqual(['on', 'off']);
    for (const p of points) {
      expect(p.timesMs).toHaveLength(2);
      expect(p.seeds).toEqual([1, 2]);
      expect(p.dualBounds).toHaveLength(2);
      expect(p.solved).toBe(2);
      for (const o of p.objectives) expect(o).toBeCloseTo(1201500, 3);
    }
    const best = ws.tuning.bestSweepIndex!;
    expect([0, 1]).toContain(best);
    // Both values reach the same optimum: nothing refused for its objective.
    expect(ws.tuning.sweepVerdict.refused).toEqual([]);
    ws.tuning.apply(points[1].value);
    expect(ws.options.changedValues.presolve).toBe('off');
    ws.options.reset('presolve');
  });
});

describe('ablation', () => {
  it('solves the model without each named row group and reports its cost in time and objective', async () => {
    ws.library.pasteText = GROUPED_LP;
    ws.library.pickPaste();
    await ws.solveChoice();
    expect(ws.solve.error).toBeNull();
    expect(ws.solve.result?.objective).toBeCloseTo(7, 9); // x = z = 3 is cut by cap_1: x + y ≤ 4 → x = 1..3; the LP optimum is 7
    const groups = ws.solve.result!.profile!.rowGroups;
    expect(groups.unnamed).toBe(false);
    expect(groups.groups.map((g) => [g.prefix, g.rows]).sort()).toEqual([
      ['balance.', 1],
      ['cap', 2],
      ['demand', 2],
    ]);
    await ws.tuning.ablation(groups);
    expect(ws.tuning.error).toBeNull();
    const rows = Object.fromEntries(ws.tuning.ablationRows.map((r) => [r.group, r]));
    expect(Object.keys(rows).sort()).toEqual(['balance.', 'cap', 'demand']);
    for (const r of Object.values(rows)) expect(r.timeRatio).toBeGreaterThan(0);
    expect(ws.tuning.ablationBase?.objective).toBeCloseTo(7, 9);
    // Without cap: x, y, z at their bounds with x = z → 9; without demand or balance: cap still binds.
    expect(rows.cap.objectiveChange).toBeCloseTo(2, 9);
    expect(rows.cap.status).toBe('optimal');
    expect(rows.cap.outcome).toBe('optimal');
    // One solve against one: every ratio carries the one rule's label, undetermined.
    for (const r of Object.values(rows)) {
      expect(r.decision?.call).toBe('too-few');
      expect(r.decision?.real).toBeNull();
    }
  });

  it('marks a group whose removal leaves the model unbounded, with no objective change (issue 18)', async () => {
    ws.library.pasteText = UNBOUNDED_WITHOUT_CAP_LP;
    ws.library.pickPaste();
    await ws.solveChoice();
    expect(ws.solve.result?.objective).toBeCloseTo(4, 9);
    await ws.tuning.ablation(ws.solve.result!.profile!.rowGroups);
    const rows = Object.fromEntries(ws.tuning.ablationRows.map((r) => [r.group, r]));
    expect(['unbounded', 'unbounded-or-infeasible']).toContain(rows.cap.outcome);
    expect(rows.cap.objectiveChange).toBeNull();
    expect(rows.link.outcome).toBe('optimal');
    expect(rows.link.objectiveChange).toBeCloseTo(0, 9);
  });
});

describe('Decide', () => {
  it('runs the reference against the form in pairs until a verdict or the budget, with progress', async () => {
    pick('afiro.mps');
    await ws.solveChoice();
    ws.tuning.pin([ws.solve.lastRun!], 'this solve');
    ws.options.set('presolve', 'off');
    ws.decide.settings.maxRuns = 24;
    const phases = new Set<string>();
    const stop = $effect.root(() => {
      $effect(() => {
        if (ws.decide.progress) phases.add(ws.decide.progress.phase);
      });
    });
    await ws.decide.start();
    stop();
    const o = ws.decide.outcome!;
    expect(ws.decide.error).toBeNull();
    expect(['faster', 'slower', 'equivalent', 'undecided']).toContain(o.verdict);
    expect(o.runs).toBeLessThanOrEqual(24);
    expect(o.runs).toBe(2 * o.pairs);
    expect(o.pairs).toBeGreaterThanOrEqual(1);
    expect(o.ratio).toBeGreaterThan(0);
    // 24 solves = 12 pairs: the interval is bounded from 9 pairs on, so it is known (and holds the ratio).
    if (o.verdict !== 'undecided' || o.pairs >= 9) {
      expect(o.interval![0]).toBeLessThanOrEqual(o.ratio!);
      expect(o.interval![1]).toBeGreaterThanOrEqual(o.ratio!);
    }
    expect(phases.has('warming')).toBe(true);
    ws.options.reset('presolve');
  });

  it('cancel ends it undecided and keeps what it saw', async () => {
    pick('afiro.mps');
    ws.decide.settings.maxRuns = 2000;
    ws.decide.settings.deltaPct = 0.5;
    const running = ws.decide.start();
    await new Promise<void>((resolve) => {
      const t = setInterval(() => {
        if ((ws.decide.progress?.runs ?? 0) >= 4) {
          clearInterval(t);
          resolve();
        }
      }, 5);
    });
    ws.decide.cancel();
    await running;
    expect(ws.decide.outcome).toMatchObject({ verdict: 'undecided', cancelled: true });
    expect(ws.decide.outcome!.runs).toBeGreaterThanOrEqual(4);
    expect(ws.decide.running).toBe(false);
    ws.decide.settings.deltaPct = 5;
  });

  it('refuses another model than the pinned one', async () => {
    pick('flugpl.mps');
    await ws.decide.start();
    expect(ws.decide.error?.message).toMatch(/the reference is afiro\.mps, the chosen model is flugpl\.mps/);
    ws.tuning.unpin();
  });
});
