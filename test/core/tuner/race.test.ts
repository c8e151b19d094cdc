import { describe, expect, it } from 'vitest';
import {
  BASELINE_ID,
  buildSpace,
  defaultSeeds,
  heldOutPlan,
  makeBlocks,
  Race,
  raceBest,
  raceConfig,
  resumeState,
  runRace,
  type RaceConfigInput,
  type SearchSpace,
  type TunerJob,
  type TunerRunResult,
} from '../../../src/core/tuner';
import { change, DESCRIPTORS, drive, simulator, type SimSpec } from './fixtures';

const small = (): SearchSpace => {
  const r = buildSpace(DESCRIPTORS, {
    only: ['presolve', 'mip_heuristic_effort'],
    extend: [{ name: 'mip_heuristic_effort', values: [0.2] }],
  });
  if (!r.ok) throw new Error(r.errors.join());
  return r.space;
};
const BLOCKS = makeBlocks(['a', 'b', 'c', 'd'], defaultSeeds(3), 5);

// A hand-made evaluator: base time per instance, a factor per candidate label, identical counters for no-ops.
function evaluator(
  factor: Record<string, number>,
  opts: { noOp?: string[]; wrong?: { label: string; block: number } } = {},
): (job: TunerJob) => TunerRunResult {
  return (job) => {
    const label = Object.entries(job.options)
      .filter(([n]) => n !== 'random_seed')
      .map(([n, v]) => change(n, v))
      .join(',');
    const base = { a: 400, b: 900, c: 1500, d: 2500 }[job.instance as 'a']! * (1 + job.seed * 0.01);
    const jitter = 1 + ((label.length * 7 + job.block * 13) % 5) / 100;
    const timeMs = base * (factor[label] ?? 1) * jitter;
    const same = label === '' || opts.noOp?.includes(label);
    const counters = { simplex_iterations: same ? 1000 + job.block : 2000 + label.length + job.block };
    const objective = opts.wrong?.label === label && opts.wrong.block === job.block ? 110 : 100;
    if (job.timeLimitMs !== null && timeMs > job.timeLimitMs)
      return {
        jobId: job.id,
        status: 'time-limit',
        timeMs: job.timeLimitMs,
        objective: null,
        dualBound: null,
        counters,
        feasible: null,
      };
    return { jobId: job.id, status: 'optimal', timeMs, objective, dualBound: null, counters, feasible: true };
  };
}
const start = (over: Partial<RaceConfigInput> = {}) => Race.start({ space: small(), blocks: BLOCKS, ...over });

describe('the race’s steps', () => {
  it('runs the references first (uncapped), then the rest with the cap, and waits in between', () => {
    const race = start();
    const ref = race.next()!;
    expect(ref.map((j) => j.id)).toEqual([0, 1, 2, 3, 4].map((b) => `${BASELINE_ID}@${b}`));
    expect(ref.every((j) => j.timeLimitMs === null && !j.capped && j.options.random_seed === j.seed)).toBe(true);
    expect(race.next()).toEqual([]); // nothing new until the references are in
    const evaluate = evaluator({});
    const times = new Map(ref.map((j) => [j.block, evaluate(j).timeMs]));
    for (const j of ref) expect(race.record(evaluate(j))).toBe(true);
    const rest = race.next()!;
    expect(rest).toHaveLength(3 * 5);
    for (const j of rest) {
      expect(j.capped).toBe(true);
      expect(j.timeLimitMs).toBeCloseTo(2 * times.get(j.block)!, 9);
    }
    expect(rest.find((j) => j.candidate !== BASELINE_ID && j.options.presolve === 'off')?.symmetryBreaking).toBe(false);
  });

  it('ignores a result it did not ask for, or twice', () => {
    const race = start();
    const [job] = race.next()!;
    const r = evaluator({})(job);
    expect(race.record({ ...r, jobId: 'c9@0' })).toBe(false);
    expect(race.record(r)).toBe(true);
    expect(race.record(r)).toBe(false);
    expect(race.progress().runs).toBe(1);
  });

  it('a capped run ranks last on its block, without a made-up time', () => {
    const race = start({ maxIterations: 1 });
    const slow = change('mip_heuristic_effort', 0.2);
    drive(race, evaluator({ [slow]: 3 }));
    const p = race.progress();
    const c = p.candidates.find((x) => x.changes.mip_heuristic_effort === 0.2)!;
    const state = race.toJSON();
    const runs = Object.values(state.candidates.find((x) => x.id === c.id)!.runs);
    expect(runs.length).toBeGreaterThanOrEqual(5);
    expect(runs.every((r) => r.noTime && r.status === 'time-limit')).toBe(true);
    // Ranked last on every block, so eliminated once the test has its 5 blocks.
    expect(c.status).toBe('eliminated');
    expect(c.why).toMatch(/^Friedman χ² = [\d.]+, p = [\d.]+ on 5 blocks; mean rank 4 against/);
    expect(c.why).toMatch(/Holm-adjusted p/);
  });

  it('quarantines a candidate that changes an answer at once, with the evidence, and never offers it', () => {
    const race = start();
    const wrong = change('presolve', 'off');
    const evaluate = evaluator({ [wrong]: 0.3 }, { wrong: { label: wrong, block: 2 } });
    for (const j of race.next()!) race.record(evaluate(j));
    const rest = race.next()!;
    const bad = rest.find((j) => j.options.presolve === 'off' && j.block === 2)!;
    race.record(evaluate(bad)); // the first result of the stage
    const c = race.progress().candidates.find((x) => x.id === bad.candidate)!;
    expect(c.status).toBe('quarantined');
    expect(c.why).toMatch(
      /^changes the answer on \w \(seed \d\): the objective changed: baseline optimal, objective 100; candidate optimal, objective 110/,
    );
    const q = race.toJSON().candidates.find((x) => x.id === bad.candidate)!.quarantine!;
    expect(q).toMatchObject({
      block: 2,
      issue: 'objective',
      baseline: { objective: 100 },
      candidate: { objective: 110 },
    });
    for (const j of rest) if (j !== bad) race.record(evaluate(j));
    drive(race, evaluate);
    const final = race.toJSON();
    const plan = heldOutPlan(final, BLOCKS);
    expect(plan.sets.some((s) => s.changes.presolve === 'off')).toBe(false);
    expect(final.candidates.filter((x) => x.changes.presolve === 'off' && x.id !== bad.candidate)).toEqual([]);
    expect(race.progress().events.filter((e) => e.kind === 'quarantined')).toHaveLength(1);
  });

  it('merges a candidate that does the baseline’s work on every block, and stops running it', () => {
    const race = start();
    const noop = change('presolve', 'on');
    drive(race, evaluator({ [change('mip_heuristic_effort', 0.2)]: 0.6 }, { noOp: [noop] }));
    const state = race.toJSON();
    const c = state.candidates.find((x) => x.changes.presolve === 'on')!;
    expect(c.status).toBe('merged');
    expect(c.why).toBe('identical work counters to the baseline on all 5 blocks: it does nothing on this template');
    expect(Object.keys(c.runs)).toHaveLength(5);
  });

  it('does not merge identical counters when the times differ: presolve off saves time HiGHS’s counters do not count', () => {
    const race = start({ budget: { runs: 200, timeMs: null } });
    const off = change('presolve', 'off');
    drive(race, evaluator({ [off]: 0.5 }, { noOp: [off, change('presolve', 'on')] }));
    const state = race.toJSON();
    const c = state.candidates.find((x) => x.key === 'presolve="off"')!;
    expect(c.status).not.toBe('merged');
    expect(Object.keys(c.runs).length).toBeGreaterThan(5);
    expect(raceBest(state).changes.presolve).toBe('off');
    // Its twin with the baseline's times is still merged.
    const on = state.candidates.find((x) => x.key === 'presolve="on"')!;
    expect(on.status).toBe('merged');
  });

  it('with budget left and nothing new to try, the elites race on the blocks left (a confirm iteration)', () => {
    const race = start({ budget: { runs: 1000, timeMs: null } });
    drive(race, evaluator({ [change('mip_heuristic_effort', 0.2)]: 0.6 }));
    const state = race.toJSON();
    expect(state.events.some((e) => e.message.includes('(confirm)'))).toBe(true);
    const best = state.candidates.find((x) => x.key === 'mip_heuristic_effort=0.2')!;
    expect(best.status).toBe('alive');
    expect(Object.keys(best.runs)).toHaveLength(BLOCKS.length);
    expect(state.done).toMatch(/^the elites raced on every block they could/);
  });

  it('the budget ends a confirm iteration, and no budget means no confirm iteration', () => {
    const evaluate = evaluator({ [change('mip_heuristic_effort', 0.2)]: 0.6 });
    const whole = start({ budget: { runs: 1000, timeMs: null } });
    drive(whole, evaluate);
    // A budget a few runs short of what the whole race with its confirm iteration took.
    const tight = start({ budget: { runs: whole.toJSON().runs - 3, timeMs: null } });
    drive(tight, evaluate);
    expect(tight.toJSON().events.some((e) => e.message.includes('(confirm)'))).toBe(true);
    expect(tight.toJSON().done).toBe('the budget is used');
    const open = start();
    drive(open, evaluator({ [change('mip_heuristic_effort', 0.2)]: 0.6 }));
    expect(open.toJSON().events.some((e) => e.message.includes('(confirm)'))).toBe(false);
  });

  it('resumes from its JSON exactly where it stopped, at any point', () => {
    const spec: SimSpec = {
      instances: 9,
      effects: { [change('mip_heuristic_effort', 0.2)]: 1 / 1.5 },
      otherEffect: 'mixed',
      noOps: ['presolve'],
      answerChanges: { [change('mip_heuristic_run_zi_round', true)]: 0.01 },
      noise: 0.15,
      seed: 3,
    };
    const full = buildSpace(DESCRIPTORS);
    if (!full.ok) throw new Error();
    const config = {
      space: full.space,
      blocks: makeBlocks(['a', 'b', 'c', 'd', 'e', 'f'], defaultSeeds(4), 3),
      seed: 3,
      budget: { runs: 700, timeMs: null },
    };
    const evaluate = simulator(spec);
    // Everything but the count of discarded results: those of a quarantined candidate's jobs that were in
    // flight when it was quarantined, which a resumed race never asks for again.
    const comparable = (race: Race) => JSON.stringify({ ...race.toJSON(), discarded: null });
    const straight = Race.start(config);
    drive(straight, evaluate);
    const expected = comparable(straight);
    expect(straight.progress().candidates.filter((c) => c.status === 'quarantined')).toHaveLength(1);
    for (const stopAfter of [3, 130, 257, 400, 611]) {
      let race = Race.start(config);
      drive(race, evaluate, stopAfter);
      const saved = JSON.stringify(race.toJSON()); // jobs in flight are lost with the page
      race = Race.resume(JSON.parse(saved));
      drive(race, evaluate);
      expect(comparable(race)).toBe(expected);
    }
  });

  it('runRace drives an async evaluator with jobs in flight; an abort leaves a resumable race', async () => {
    const evaluate = evaluator({ [change('mip_heuristic_effort', 0.2)]: 0.6 }, { noOp: [change('presolve', 'on')] });
    const straight = start();
    drive(straight, evaluate);
    const async = (job: TunerJob) =>
      new Promise<TunerRunResult>((resolve) => setTimeout(() => resolve(evaluate(job)), (job.block * 7) % 3));
    const parallel = start();
    const seen: number[] = [];
    await runRace(parallel, async, { concurrency: 4, onProgress: (p) => seen.push(p.runs) });
    expect(parallel.progress().best?.label).toBe(straight.progress().best?.label);
    expect(parallel.progress().runs).toBe(straight.progress().runs);
    expect(seen.at(-1)).toBe(straight.progress().runs);

    const controller = new AbortController();
    const first = start();
    let n = 0;
    const p = await runRace(first, async, {
      concurrency: 3,
      signal: controller.signal,
      onProgress: () => (++n === 20 ? controller.abort() : undefined),
    });
    expect(p.done).toBe(false);
    const resumed = Race.resume(JSON.parse(JSON.stringify(first.toJSON())));
    await runRace(resumed, async, { concurrency: 3 });
    expect(resumed.progress().best?.label).toBe(straight.progress().best?.label);
    expect(resumed.done).toBe(true);
  });

  it('an evaluator that throws stops runRace, and the job is asked again', async () => {
    const race = start();
    await expect(runRace(race, () => Promise.reject(new Error('pool closed')))).rejects.toThrow('pool closed');
    expect(race.next()!.length).toBeGreaterThan(0);
  });
});

describe('progress and budget', () => {
  it('reports runs against the budget, who is alive, ranks, who went and why, the best and its curve', () => {
    const race = start({ budget: { runs: 25, timeMs: null } });
    drive(race, evaluator({ [change('mip_heuristic_effort', 0.2)]: 0.6, [change('presolve', 'off')]: 1.9 }));
    const p = race.progress();
    expect(p.done).toBe(true);
    expect(p.why).toBe('the budget is used');
    expect(p.runs).toBeGreaterThanOrEqual(25);
    expect(p.anytime.at(-2)!.runs).toBeLessThan(25); // at most one stage (one anytime point) past the budget
    expect(p.used).toBeCloseTo(p.runs / 25, 12);
    expect(p.best?.changes).toEqual({ mip_heuristic_effort: 0.2 });
    expect(p.best?.meanRank).toBe(1);
    expect(p.best?.training?.speedup).toBeGreaterThan(1.5);
    expect(p.candidates.every((c) => c.blocks >= 5)).toBe(true);
    expect(p.anytime.length).toBeGreaterThan(0);
    expect(p.anytime.at(-1)).toMatchObject({ best: p.best?.id, label: 'mip_heuristic_effort=0.2' });
    for (let i = 1; i < p.anytime.length; i++) expect(p.anytime[i].runs).toBeGreaterThan(p.anytime[i - 1].runs);
    expect(p.fullEvaluationRuns).toBe(p.candidates.length * BLOCKS.length);
    expect(p.events[0].message).toBe('iteration 1: the baseline and 3 one-option changes on 12 blocks');
  });

  it('a time budget counts solve time', () => {
    const race = start({ budget: { runs: null, timeMs: 20_000 } });
    drive(race, evaluator({}));
    const p = race.progress();
    expect(p.timeMs).toBeGreaterThanOrEqual(20_000);
    expect(p.why).toBe('the budget is used');
  });
});

describe('settings and saved states', () => {
  it.each([
    [{ firstBatch: 1 }, /firstBatch/],
    [{ alpha: 0 }, /alpha/],
    [{ capFactor: 1 }, /cap factor/],
    [{ timeLimitMs: -1 }, /time limit/],
    [{ budget: { runs: 0, timeMs: null } }, /run budget/],
    [{ budget: { runs: null, timeMs: Infinity } }, /time budget/],
    [{ blocks: [] }, /no tuning block/],
    [{ space: { dimensions: [] } }, /space is empty/],
    [{ eliteCount: 0 }, /eliteCount/],
  ] as [Partial<RaceConfigInput>, RegExp][])('refuses %j', (over, error) => {
    expect(() => raceConfig({ space: small(), blocks: BLOCKS, ...over })).toThrow(error);
  });

  it('fills the defaults', () => {
    const c = raceConfig({ space: small(), blocks: BLOCKS });
    expect(c).toMatchObject({
      firstBatch: 5,
      alpha: 0.05,
      capFactor: 2,
      eliteCount: 4,
      budget: { runs: null, timeMs: null },
    });
  });

  it.each([
    [null, /not a saved tuner race/],
    [{ format: 'other' }, /not a saved tuner race/],
    [{ format: 'highs-workbench/tuner-race', version: 2 }, /version 2 is not supported/],
    [{ format: 'highs-workbench/tuner-race', version: 1, candidates: [] }, /incomplete/],
  ])('refuses to resume %j', (json, error) => expect(() => resumeState(json)).toThrow(error));

  it('drops the jobs that were in flight when saved, and asks them again', () => {
    const race = start();
    const jobs = race.next()!;
    const resumed = Race.resume(race.toJSON());
    expect(resumed.next()!.map((j) => j.id)).toEqual(jobs.map((j) => j.id));
  });
});
