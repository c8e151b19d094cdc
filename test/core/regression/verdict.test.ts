import { describe, expect, it } from 'vitest';
import type { BenchmarkModel, BenchmarkRun } from '../../../src/core/benchmark';
import {
  NOISE_LABEL,
  checkAgainstBaseline,
  checkedOptionsKey,
  contradictsRatio,
  resolveCheckParameters,
  templateVerdict,
  type CheckParameters,
  type RegressionVerdict,
} from '../../../src/core/regression/verdict';
import { baselineOf, bench, model, reps, six } from './fixtures';
import { allFinite } from '../stats/fixtures';

const C = { simplexIterations: 1000, mipNodes: 0, ipmIterations: 0, mipLpIterations: 0 };

interface Case {
  name: string;
  base: BenchmarkRun[];
  cand: BenchmarkRun[];
  models?: BenchmarkModel[];
  baseVersion?: string;
  candVersion?: string;
  thresholdPct?: number;
  params?: Partial<CheckParameters>;
  /** The candidate's option set: 's' (the baseline's options, presolve on) unless 'other' ({}). */
  set?: 's' | 'other';
  verdict: RegressionVerdict;
  label?: string | null;
  reason: RegExp;
}

const mip = model('m1', { integers: 5 });

// Each case is one rule of checkAgainstBaseline on constructed runs (model m1, seed 1 unless said).
const CASES: Case[] = [
  {
    name: 'noise: time +40 % with identical counters on the same version → unchanged, labelled noise',
    base: reps('m1', 1, six(), { counters: C }),
    cand: reps('m1', 1, six(1.4), { counters: C }),
    verdict: 'unchanged',
    label: NOISE_LABEL,
    reason:
      /likely machine noise: same options, same solver and identical work counters \(6 against 6 runs\): the time difference \(×1\.4\) is machine noise/,
  },
  {
    name: 'identical counters and the same time on the same options and version → unchanged, labelled noise',
    base: reps('m1', 1, six(), { counters: C }),
    cand: reps('m1', 1, six(), { counters: C }),
    verdict: 'unchanged',
    label: NOISE_LABEL,
    reason: /likely machine noise: same options, same solver and identical work counters/,
  },
  {
    name: 'noise also with one run a side (too few samples, counters still speak)',
    base: reps('m1', 1, [100], { counters: C }),
    cand: reps('m1', 1, [140], { counters: C }),
    verdict: 'unchanged',
    label: NOISE_LABEL,
    reason: /likely machine noise/,
  },
  {
    name: 'same version, time −40 % with identical counters → unchanged, labelled noise (never improved by time)',
    base: reps('m1', 1, six(), { counters: C }),
    cand: reps('m1', 1, six(0.6), { counters: C }),
    verdict: 'unchanged',
    label: NOISE_LABEL,
    reason: /likely machine noise: .*the time difference \(×0\.6\) is machine noise/,
  },
  {
    name: 'counter regression (+30 %) with unchanged time → regressed',
    base: reps('m1', 1, six(), { counters: C }),
    cand: reps('m1', 1, six(), { counters: { ...C, simplexIterations: 1300 } }),
    verdict: 'regressed',
    reason:
      /simplexIterations rose from 1000 to 1300 on seed 1 \(\+30\.0 %\): at or above the 20 % threshold with the baseline's options and solver version/,
  },
  {
    name: 'counter regression (+30 %) with the time faster (×0.80): more work, less time → inconclusive, never regressed',
    base: reps('m1', 1, six(), { counters: C }),
    cand: reps('m1', 1, six(0.8), { counters: { ...C, simplexIterations: 1300 } }),
    verdict: 'inconclusive',
    reason:
      /^more work, less time: simplexIterations rose from 1000 to 1300 .*; but wall time ×0\.80 .*faster \(real\)/,
  },
  {
    name: 'counter improvement (−30 %) with the time slower (×1.30): less work, more time → inconclusive, never improved',
    base: reps('m1', 1, six(), { counters: C }),
    cand: reps('m1', 1, six(1.3), { counters: { ...C, simplexIterations: 700 } }),
    verdict: 'inconclusive',
    reason: /^less work, more time: simplexIterations fell from 1000 to 700 .*; but wall time ×1\.30/,
  },
  {
    name: 'other options, more work and less time (×0.79, 6 against 6 runs): time decides → improved, in words',
    set: 'other',
    base: reps('m1', 1, six(), { counters: C }),
    cand: reps('m1', 1, six(0.79), { counters: { ...C, simplexIterations: 1300 }, optionSetId: 'other' }),
    verdict: 'improved',
    reason:
      /more work, less time: the counters rose 30\.0 % \(simplexIterations on seed 1\) but stand for time only with the baseline's options/,
  },
  {
    name: 'other options, more work and less time with one run a seed (2 against 2): inconclusive, not regressed',
    set: 'other',
    base: reps('m1', 1, [100, 101], { counters: C }),
    cand: reps('m1', 1, [79, 80], { counters: { ...C, simplexIterations: 1300 }, optionSetId: 'other' }),
    verdict: 'inconclusive',
    reason:
      /^more work, less time: wall time ×0\.79 undetermined: 2 more runs a side, and the counters cannot decide: the candidate's options \("other"\) are not the baseline's \("blessed"\)/,
  },
  {
    name: 'other options, more work and more time (×1.50, 6 against 6): time decides → regressed',
    set: 'other',
    base: reps('m1', 1, six(), { counters: C }),
    cand: reps('m1', 1, six(1.5), { counters: { ...C, simplexIterations: 1300 }, optionSetId: 'other' }),
    verdict: 'regressed',
    reason: /wall time ×1\.50 .*slower \(real\): ×1\.5, 95 % CI .*, p = 0\.00216, 6 against 6 runs.*time decides/,
  },
  {
    name: 'other options with identical counters: not noise (counters stand for time only with the same options) → regressed by time',
    set: 'other',
    base: reps('m1', 1, six(), { counters: C }),
    cand: reps('m1', 1, six(1.4), { counters: C, optionSetId: 'other' }),
    verdict: 'regressed',
    label: null,
    reason: /slower \(real\)/,
  },
  {
    name: 'the same options and version, counters +10 % (below the threshold), time ×1.5 slower: counters decide → unchanged, said in words',
    base: reps('m1', 1, six(), { counters: C }),
    cand: reps('m1', 1, six(1.5), { counters: { ...C, simplexIterations: 1100 } }),
    verdict: 'unchanged',
    label: null,
    reason: /the work counters decide .*none moved by the 20 % threshold; wall time ×1\.50 is slower \(real\)/,
  },
  {
    name: 'counter change below the threshold (+10 %) → unchanged, and reported',
    base: reps('m1', 1, six(), { counters: C }),
    cand: reps('m1', 1, six(), { counters: { ...C, simplexIterations: 1100 } }),
    verdict: 'unchanged',
    label: null,
    reason: /simplexIterations rose from 1000 to 1100 on seed 1 \(\+10\.0 %\), below the threshold/,
  },
  {
    name: 'counter improvement (−30 %) → improved',
    base: reps('m1', 1, six(), { counters: C }),
    cand: reps('m1', 1, six(), { counters: { ...C, simplexIterations: 700 } }),
    verdict: 'improved',
    reason: /simplexIterations fell from 1000 to 700 on seed 1 \(−30\.0 %\)/,
  },
  {
    name: 'a regressed counter outweighs an improved one',
    base: reps('m1', 1, six(), { counters: { ...C, mipNodes: 100 } }),
    cand: reps('m1', 1, six(), { counters: { ...C, simplexIterations: 500, mipNodes: 200 } }),
    verdict: 'regressed',
    reason: /mipNodes rose from 100 to 200/,
  },
  {
    name: 'a tiny counter (0 → 1 iteration) is not a regression: the shift absorbs it',
    base: reps('m1', 1, six(), { counters: { ...C, ipmIterations: 0, simplexIterations: 0 } }),
    cand: reps('m1', 1, six(), { counters: { ...C, ipmIterations: 0, simplexIterations: 1 } }),
    verdict: 'unchanged',
    reason: /simplexIterations rose from 0 to 1 on seed 1 \(from 0\), below the threshold/,
  },
  {
    name: 'wrong answer: the objective changed → wrong',
    base: reps('m1', 1, six(), { objective: 10 }),
    cand: reps('m1', 1, six(), { objective: 12 }),
    verdict: 'wrong',
    reason: /seed 1: the objective changed from 10 to 12/,
  },
  {
    name: 'objective within 1e-6 relative → not a change',
    base: reps('m1', 1, six(), { objective: 1000 }),
    cand: reps('m1', 1, six(), { objective: 1000.0005 }),
    verdict: 'unchanged',
    reason: /work counters identical/,
  },
  {
    name: 'infeasible candidate solution → wrong',
    base: reps('m1', 1, six()),
    cand: reps('m1', 1, six(), { maxRowViolation: 1e-3 }),
    verdict: 'wrong',
    reason: /the candidate's solution \(repetition 0\) is infeasible/,
  },
  {
    name: 'a violation of 1e-7 is feasible',
    base: reps('m1', 1, six()),
    cand: reps('m1', 1, six(), { maxBoundViolation: 1e-7 }),
    verdict: 'unchanged',
    reason: /identical/,
  },
  {
    name: "the verdict 'wrong' on the baseline side → wrong",
    base: reps('m1', 1, six(), { verdict: 'wrong' }),
    cand: reps('m1', 1, six()),
    verdict: 'wrong',
    reason: /6 of 6 baseline repetitions have the verdict 'wrong'/,
  },
  {
    name: 'contradicting statuses (optimal → infeasible) → wrong',
    base: reps('m1', 1, six()),
    cand: reps('m1', 1, six(), { status: 'infeasible', objective: null }),
    verdict: 'wrong',
    reason: /the status changed from optimal to infeasible/,
  },
  {
    name: 'MIP: an objective inside both gaps is not a change',
    models: [mip],
    base: reps('m1', 1, six(), { objective: 100, mipDualBound: 99 }),
    cand: reps('m1', 1, six(), { objective: 99.5, mipDualBound: 99 }),
    verdict: 'unchanged',
    reason: /within the MIP gap of both sides/,
  },
  {
    name: 'MIP: intervals that do not overlap → wrong',
    models: [mip],
    base: reps('m1', 1, six(), { objective: 100, mipDualBound: 99.99 }),
    cand: reps('m1', 1, six(), { objective: 90, mipDualBound: 89.99 }),
    verdict: 'wrong',
    reason: /do not overlap/,
  },
  {
    name: 'a seed solved in the baseline hits the time limit in the candidate → regressed',
    base: reps('m1', 1, six(), { counters: C }),
    cand: reps('m1', 1, six(100), { status: 'time-limit', objective: null, counters: C }),
    verdict: 'regressed',
    reason: /seed 1: solved in the baseline, not solved in the candidate/,
  },
  {
    name: 'a seed no longer solved while the time is faster overall → inconclusive (fewer solved, yet less time)',
    base: [1, 2, 3, 4, 5, 6].flatMap((s) => reps('m1', s, [1000], { counters: C })),
    cand: [
      ...reps('m1', 1, [10_000], { status: 'time-limit', objective: null, counters: C }),
      ...[2, 3, 4, 5, 6].flatMap((s) => reps('m1', s, [100], { counters: C })),
    ],
    verdict: 'inconclusive',
    reason:
      /^fewer solved, yet less time: seed 1: solved in the baseline, not solved in the candidate; but wall time ×0\.10/,
  },
  {
    name: 'a seed that became solved → improved',
    base: reps('m1', 1, six(100), { status: 'time-limit', objective: null, counters: C }),
    cand: reps('m1', 1, six(), { counters: C }),
    verdict: 'improved',
    reason: /seed 1: not solved in the baseline, solved in the candidate/,
  },
  {
    name: 'different versions, time +50 % with a tight interval and p < 0.05 → regressed',
    base: reps('m1', 1, six(), { counters: C }),
    cand: reps('m1', 1, six(1.5), { counters: { ...C, simplexIterations: 1500 } }),
    candVersion: '1.16.0',
    verdict: 'regressed',
    reason:
      /wall time ×1\.50 .*slower \(real\): ×1\.5, 95 % CI 1\.4\d*–1\.5\d*, p = 0\.00216, 6 against 6 runs.*solver version changed/,
  },
  {
    name: 'different versions, time −40 % with p < 0.05 → improved',
    base: reps('m1', 1, six(), { counters: C }),
    cand: reps('m1', 1, six(0.6), { counters: C }),
    candVersion: '1.16.0',
    verdict: 'improved',
    reason:
      /wall time ×0\.60 .*faster \(real\).*time decides, since the solver version changed \(1\.15\.1 → 1\.16\.0\)/,
  },
  {
    name: 'different versions, too few runs (2 a side) → inconclusive even at +50 %, saying how many more',
    base: reps('m1', 1, [100, 101], { counters: C }),
    cand: reps('m1', 1, [150, 151], { counters: C }),
    candVersion: '1.16.0',
    verdict: 'inconclusive',
    reason:
      /^wall time ×1\.50 undetermined: 2 more runs a side, and the counters cannot decide: the solver version changed/,
  },
  {
    name: 'different versions, a counter regression alone does not decide (not comparable): time within → unchanged',
    base: reps('m1', 1, six(), { counters: C }),
    cand: reps('m1', 1, six(1.02), { counters: { ...C, simplexIterations: 2000 } }),
    candVersion: '1.16.0',
    verdict: 'unchanged',
    reason:
      /the counters rose 100\.0 % .*but stand for time only with the baseline's options and solver version, and the solver version changed \(1\.15\.1 → 1\.16\.0\)\nsimplexIterations rose from 1000 to 2000 on seed 1 \(\+100\.0 %\), evidence only\nwall time ×1\.02 .*within ±20 %/,
  },
  {
    name: 'different versions, a noisy time interval straddling 1.2 → inconclusive',
    base: reps('m1', 1, [60, 140, 80, 120, 100, 100], { counters: C }),
    cand: reps('m1', 1, [72, 168, 96, 144, 120, 120], { counters: C }),
    candVersion: '1.16.0',
    verdict: 'inconclusive',
    reason: /wall time ×1\.20 undetermined: Decide.*\n.*the interval includes 1 and reaches across the ±20 % threshold/,
  },
  {
    name: 'seeds that do not match → inconclusive, both reported',
    base: reps('m1', 1, six()),
    cand: reps('m1', 2, six()),
    verdict: 'inconclusive',
    reason: /no seed in common/,
  },
];

describe('checkAgainstBaseline: model verdict rules', () => {
  it.each(CASES)('$name', (c) => {
    const models = c.models ?? [model('m1')];
    const baseline = baselineOf(c.base, models, c.baseVersion ?? '1.15.1', c.thresholdPct);
    const check = checkAgainstBaseline(
      baseline,
      { data: bench(c.cand, models), optionSetId: c.set ?? 's', solverVersion: c.candVersion ?? '1.15.1' },
      c.params,
    );
    expect(check.models).toHaveLength(1);
    const m = check.models[0];
    expect(m.verdict).toBe(c.verdict);
    if (c.label !== undefined) expect(m.label).toBe(c.label);
    expect(m.reasons.join('\n')).toMatch(c.reason);
    // Never regressed beside a ratio below 1, nor improved beside one above 1; the ratio is the decision's.
    expect(contradictsRatio(m.verdict, m.time?.ratio ?? null)).toBe(false);
    expect(m.time?.ratio ?? null).toBe(m.time?.decision.ratio ?? null);
    // The counters decide only with the baseline's options and solver version (and something to compare).
    expect(m.countersComparable).toBe(
      (c.set ?? 's') === 's' && (c.candVersion ?? '1.15.1') === '1.15.1' && m.countersCompared > 0,
    );
    // A single model decides the template.
    expect(check.verdict).toBe(c.verdict);
    expect(check.sameOptions).toBe((c.set ?? 's') === 's');
    expect(allFinite(check)).toBe(true);
  });
});

describe('checkAgainstBaseline: evidence', () => {
  it('reports every counter change exactly (old, new, relative change) per seed', () => {
    const base = [...reps('m1', 1, six(), { counters: C }), ...reps('m1', 2, six(), { counters: C })];
    const cand = [
      ...reps('m1', 1, six(), { counters: { ...C, simplexIterations: 1010 } }),
      ...reps('m1', 2, six(), { counters: { ...C, mipNodes: 4 } }),
    ];
    const m = checkAgainstBaseline(baselineOf(base), { data: bench(cand), optionSetId: 's', solverVersion: '1.15.1' })
      .models[0];
    expect(m.countersCompared).toBe(8);
    expect(m.counterChanges).toEqual([
      {
        seed: 1,
        counter: 'simplexIterations',
        baseline: 1000,
        candidate: 1010,
        relativeChange: 0.01,
        shiftedChange: expect.closeTo(10 / 1010, 12),
      },
      {
        seed: 2,
        counter: 'mipNodes',
        baseline: 0,
        candidate: 4,
        relativeChange: null,
        shiftedChange: expect.closeTo(0.4, 12),
      },
    ]);
    expect(m.verdict).toBe('regressed'); // mipNodes 0 → 4 is +40 % after the shift of 10
    expect(m.seeds).toEqual({ common: [1, 2], baselineOnly: [], candidateOnly: [] });
  });

  it('uses the median over repetitions of each counter', () => {
    const base = reps('m1', 1, [100, 100, 100], { counters: C });
    const cand = [
      ...reps('m1', 1, [100, 100], { counters: C }),
      ...reps('m1', 1, [100], { counters: { ...C, simplexIterations: 5000 } }).map((r) => ({ ...r, repetition: 2 })),
    ];
    const m = checkAgainstBaseline(baselineOf(base), { data: bench(cand), optionSetId: 's', solverVersion: '1.15.1' })
      .models[0];
    expect(m.counterChanges).toEqual([]);
    expect(m.verdict).toBe('unchanged');
  });

  it('gives the time ratio candidate ÷ baseline, per model (decideTime) and per template (SGM), with the interval, n and p', () => {
    const models = [model('m1'), model('m2')];
    const base = [...reps('m1', 1, six(), { counters: C }), ...reps('m2', 1, [50, 50, 50], { counters: C })];
    const cand = [...reps('m1', 1, six(2), { counters: C }), ...reps('m2', 1, [100, 100, 100], { counters: C })];
    const check = checkAgainstBaseline(baselineOf(base, models, '1'), {
      data: bench(cand, models),
      optionSetId: 's',
      solverVersion: '2',
    });
    const [m1, m2] = check.models;
    // m1: six against six runs of one model, unpaired Hodges–Lehmann with the Mann–Whitney interval and p.
    expect(m1.time!.ratio).toBeCloseTo(2, 12);
    expect(m1.time!.decision).toMatchObject({ call: 'slower', real: true, method: 'unpaired' });
    expect(m1.time!.decision.n).toEqual({ ref: 6, cand: 6, pairs: 1 });
    expect(m1.time!.p).toBeCloseTo(2 / 924, 12);
    expect(m1.time!.p).toBe(m1.time!.decision.p);
    expect(m1.time!.ci95).toEqual(m1.time!.decision.ci95);
    expect(m1.time!.ci95![0]).toBeGreaterThan(1.9);
    expect(m1.time!.ci95![1]).toBeLessThan(2.1);
    expect(m1.verdict).toBe('regressed');
    // m2: three against three is too few for a 95 % interval: undetermined, with how many more runs.
    expect(m2.time!.decision).toMatchObject({ call: 'too-few', real: null, moreRuns: 1 });
    expect(m2.time!.p).toBeNull();
    expect(m2.time!.ci95).toBeNull();
    expect(m2.time!.ratio).toBeCloseTo(2, 12); // the ratio of medians, without an interval
    expect(m2.time!.samples).toEqual({ baseline: 3, candidate: 3 });
    expect(m2.verdict).toBe('inconclusive');
    expect(m2.reasons[0]).toMatch(/^wall time ×2\.00 undetermined: 1 more run a side/);
    // Problem times 99.5 and 50 ms against 199 and 100 ms: SGMs with the shift of 10 ms over both models.
    expect(check.time!.ratio).toBeCloseTo((Math.sqrt(209 * 110) - 10) / (Math.sqrt(109.5 * 60) - 10), 12);
    expect(check.time!.models).toBe(2);
    // Over all common runs of both models: two (model, seed) pairs are too few for the paired rule.
    expect(check.time!.decision).toMatchObject({ call: 'too-few', method: 'none', n: { ref: 9, cand: 9, pairs: 2 } });
    expect(check.verdict).toBe('regressed');
    expect(check.reasons.join('\n')).toMatch(/solver version changed: 1 → 2/);
  });

  it('is deterministic: the same input gives the same result', () => {
    const base = reps('m1', 1, [60, 140, 80, 120, 100, 100], { counters: C });
    const cand = reps('m1', 1, [72, 168, 96, 144, 120, 130], { counters: C });
    const run = () =>
      checkAgainstBaseline(baselineOf(base), { data: bench(cand), optionSetId: 's', solverVersion: '2' });
    expect(run()).toEqual(run());
  });

  it('reports models missing on either side and compares the rest', () => {
    const models = [model('m1'), model('m2')];
    const base = [...reps('m1', 1, six()), ...reps('m2', 1, six())];
    const candModels = [model('m1'), model('m3')];
    const cand = [...reps('m1', 1, six()), ...reps('m3', 1, six())];
    const check = checkAgainstBaseline(baselineOf(base, models), {
      data: bench(cand, candModels),
      optionSetId: 's',
      solverVersion: '1.15.1',
    });
    expect(check.models.map((m) => m.modelId)).toEqual(['m1']);
    expect(check.missing).toEqual([
      { modelId: 'm2', modelName: 'm2', missingFrom: 'candidate' },
      { modelId: 'm3', modelName: 'm3', missingFrom: 'baseline' },
    ]);
    expect(check.reasons.join('\n')).toMatch(/m2: in the baseline, missing from the candidate/);
    expect(check.reasons.join('\n')).toMatch(/m3: in the candidate, not in the baseline/);
    expect(check.verdict).toBe('unchanged');
  });

  it('matches models by SHA-256 id, whatever template name the candidate gives them', () => {
    const cand = reps('m1', 1, six(), { counters: { ...C, simplexIterations: 2000 } });
    const check = checkAgainstBaseline(baselineOf(reps('m1', 1, six(), { counters: C })), {
      data: bench(cand, [model('m1', { template: 'renamed', name: 'other name' })]),
      optionSetId: 's',
      solverVersion: '1.15.1',
    });
    expect(check.models.map((m) => [m.modelId, m.verdict])).toEqual([['m1', 'regressed']]);
  });

  it('uses only the candidate’s chosen option set, and names both sets', () => {
    const cand = [
      ...reps('m1', 1, six(), { counters: C }),
      ...reps('m1', 1, six(1.5), { counters: { ...C, simplexIterations: 9000 }, optionSetId: 'other' }),
    ];
    const check = (setId: string) =>
      checkAgainstBaseline(baselineOf(reps('m1', 1, six(), { counters: C })), {
        data: bench(cand),
        optionSetId: setId,
        solverVersion: '1.15.1',
      });
    expect(check('s').verdict).toBe('unchanged');
    expect(check('s').optionSets).toEqual({
      baseline: { name: 'blessed', key: '{"presolve":"on"}' },
      candidate: { name: 'blessed', key: '{"presolve":"on"}' },
    });
    const other = check('other');
    expect(other.verdict).toBe('regressed');
    expect(other.sameOptions).toBe(false);
    expect(other.optionSets.candidate).toEqual({ name: 'other', key: '{}' });
    expect(other.reasons.join('\n')).toMatch(/options differ: "other" against the baseline's "blessed"/);
    expect(() => check('nope')).toThrow(/no option set "nope"/);
  });

  it('counts the options the same whatever their order and random_seed', () => {
    const data = bench(reps('m1', 1, six(), { counters: C }));
    data.optionSets = [{ id: 's', name: 'renamed', options: { random_seed: 7, presolve: 'on' } }];
    const check = checkAgainstBaseline(baselineOf(reps('m1', 1, six(), { counters: C })), {
      data,
      optionSetId: 's',
      solverVersion: '1.15.1',
    });
    expect(check.sameOptions).toBe(true);
    expect(check.models[0].countersComparable).toBe(true);
    expect(check.models[0].label).toBe(NOISE_LABEL);
  });

  it('is never regressed at the template level beside a template time ratio below 1', () => {
    // m1: +30 % work at the same time (regressed by counters); m2: identical work, twice as fast (noise).
    const models = [model('m1'), model('m2')];
    const base = [...reps('m1', 1, six(), { counters: C }), ...reps('m2', 1, six(), { counters: C })];
    const cand = [
      ...reps('m1', 1, six(), { counters: { ...C, simplexIterations: 1300 } }),
      ...reps('m2', 1, six(0.5), { counters: C }),
    ];
    const check = checkAgainstBaseline(baselineOf(base, models), {
      data: bench(cand, models),
      optionSetId: 's',
      solverVersion: '1.15.1',
    });
    expect(check.models.map((m) => m.verdict)).toEqual(['regressed', 'unchanged']);
    expect(check.time!.ratio).toBeLessThan(1);
    expect(check.verdict).toBe('inconclusive');
    expect(check.reasons[0]).toMatch(
      /^more work or fewer solved, less time: 1 model regressed, but the template's wall time is ×0\.\d\d \(faster overall\)/,
    );
  });

  it('is inconclusive when no baseline model has runs in the candidate', () => {
    const check = checkAgainstBaseline(baselineOf(reps('m1', 1, six())), {
      data: bench(reps('m9', 1, six()), [model('m9')]),
      optionSetId: 's',
      solverVersion: '1.15.1',
    });
    expect(check.models).toEqual([]);
    expect(check.verdict).toBe('inconclusive');
    expect(check.time).toBeNull();
    expect(check.reasons[0]).toMatch(/no model of the baseline has runs in the candidate/);
  });
});

describe('checkAgainstBaseline: the threshold of the template', () => {
  const base = reps('m1', 1, six(), { counters: C });
  const cand = reps('m1', 1, six(), { counters: { ...C, simplexIterations: 1150 } });
  it.each([
    { thresholdPct: 10, params: {}, verdict: 'regressed' },
    { thresholdPct: 20, params: {}, verdict: 'unchanged' },
    { thresholdPct: undefined, params: {}, verdict: 'unchanged' },
    { thresholdPct: 20, params: { thresholdPct: 10 }, verdict: 'regressed' },
  ])('baseline threshold $thresholdPct %, params $params → $verdict', ({ thresholdPct, params, verdict }) => {
    const check = checkAgainstBaseline(
      baselineOf(base, [model('m1')], '1.15.1', thresholdPct),
      { data: bench(cand), optionSetId: 's', solverVersion: '1.15.1' },
      params,
    );
    expect(check.verdict).toBe(verdict);
    expect(check.thresholdPct).toBe(params.thresholdPct ?? thresholdPct ?? 20);
  });

  it('honours the threshold on time as well (different versions, +15 %)', () => {
    const c2 = reps('m1', 1, six(1.15), { counters: C });
    const at = (pct: number) =>
      checkAgainstBaseline(baselineOf(base, [model('m1')], '1', pct), {
        data: bench(c2),
        optionSetId: 's',
        solverVersion: '2',
      }).verdict;
    expect(at(10)).toBe('regressed');
    expect(at(20)).toBe('unchanged');
  });
});

describe('templateVerdict', () => {
  it.each([
    [['unchanged', 'wrong', 'regressed'], 'wrong'],
    [['unchanged', 'regressed', 'improved'], 'regressed'],
    [['improved', 'inconclusive', 'unchanged'], 'improved'],
    [['inconclusive', 'unchanged'], 'inconclusive'],
    [['unchanged', 'unchanged'], 'unchanged'],
    [[], 'inconclusive'],
  ] as [RegressionVerdict[], RegressionVerdict][])('%j → %s', (verdicts, expected) => {
    expect(templateVerdict(verdicts)).toBe(expected);
  });

  it('labels an unchanged template noise when a model is', () => {
    const models = [model('m1'), model('m2')];
    const base = [...reps('m1', 1, six(), { counters: C }), ...reps('m2', 1, six(), { counters: C })];
    const cand = [...reps('m1', 1, six(1.5), { counters: C }), ...reps('m2', 1, six(), { counters: C })];
    const check = checkAgainstBaseline(baselineOf(base, models), {
      data: bench(cand, models),
      optionSetId: 's',
      solverVersion: '1.15.1',
    });
    // m1's time moved, m2's did not: both did identical work on the same options and solver, so both are noise.
    expect(check.models.map((m) => m.label)).toEqual([NOISE_LABEL, NOISE_LABEL]);
    expect(check.verdict).toBe('unchanged');
    expect(check.label).toBe(NOISE_LABEL);
  });
});

describe('contradictsRatio, checkedOptionsKey and parameters', () => {
  it.each([
    ['regressed', 0.794, true],
    ['regressed', 1, false],
    ['regressed', 1.3, false],
    ['improved', 1.2, true],
    ['improved', 0.8, false],
    ['improved', 1, false],
    ['inconclusive', 0.5, false],
    ['wrong', 0.5, false],
    ['unchanged', 2, false],
    ['regressed', null, false],
    ['regressed', Number.NaN, false],
  ] as [RegressionVerdict, number | null, boolean][])('%s beside ×%s contradicts: %s', (verdict, ratio, expected) => {
    expect(contradictsRatio(verdict, ratio)).toBe(expected);
  });

  it.each([
    [{}, {}, true],
    [{ presolve: 'on', mip_rel_gap: 0.01 }, { mip_rel_gap: 0.01, presolve: 'on' }, true],
    [{ random_seed: 3 }, {}, true],
    [{ presolve: 'off' }, {}, false],
    [{ presolve: 'on' }, { presolve: 'off' }, false],
    [{ mip_rel_gap: 1 }, { mip_rel_gap: '1' }, false],
    [{ time_limit: Infinity }, { time_limit: Infinity }, true],
  ] as const)('%j and %j are the same options: %s', (a, b, same) => {
    expect(checkedOptionsKey(a) === checkedOptionsKey(b)).toBe(same);
  });

  it.each([
    { thresholdPct: 0 },
    { alpha: 1 },
    { alpha: 0 },
    { shiftMs: -1 },
    { objectiveTolerance: NaN },
    { bootstrap: { seed: 1.5, resamples: 10 } },
    { bootstrap: { seed: 1, resamples: 0 } },
  ])('refuses %j', (given) => {
    const baseline = baselineOf(reps('m1', 1, six()));
    expect(() => resolveCheckParameters(baseline, given as Partial<CheckParameters>)).toThrow(RangeError);
  });
});
