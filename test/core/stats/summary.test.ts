// summarize() end to end: a benchmark computed by hand, edge cases, and 10,000 runs for shape.
import { describe, expect, it } from 'vitest';
import type { BenchmarkConfig, BenchmarkModel, BenchmarkRun, OptionSet } from '../../../src/core/benchmark';
import { DEFAULT_SUMMARY_PARAMETERS, resolveParameters, summarize } from '../../../src/core/stats/summary';
import { allFinite, model, run, timeout } from './fixtures';

const config = (timeLimitMs: number): BenchmarkConfig => ({ timeLimitMs, seeds: [1, 2], repetitions: 1, warmup: true });
const sets = (...ids: string[]): OptionSet[] => ids.map((id) => ({ id, name: id, options: {} }));

// The hand-computed benchmark: shift 1 ms, limit 15 ms, models A (size 10) and B (size 20) of template
// 'gen', seeds 1 and 2, reference R and option set F.
//   R: A → 3, 3; B → 8, 8.        SGM = (4·4·9·9)^(1/4) − 1 = 6 − 1 = 5; 4 solved.
//   F: A → 1, 1; B → 3, timeout (15.4 ms, charged the limit 15).
//                                 SGM = (2·2·4·16)^(1/4) − 1 = 4 − 1 = 3; 3 solved.
//   Speedup F = 5/3. Bootstrap over models: {A,A} → ref 3 ÷ set 1 = 3; {B,B} → ref 8 ÷ set (4·16)^(1/2) − 1 = 7
//   → 8/7; {A,B} → 5/3. With 1000 resamples the 2.5 %/97.5 % quantiles fall in the {B,B} and {A,A} groups
//   (each ~1/4 of the resamples): CI [8/7, 3].
//   Scaling (SGM over the seeds at a size): R 3 → 8 from size 10 to 20: ln(8/3)/ln 2; two sizes: R² 1 by
//   construction. F: size 20 holds the timeout, so its mean (4·16)^(1/2) − 1 = 7 is a lower bound (censored)
//   and is not fitted: one size is left, no fit.
//   Counters (shift 10): R's simplex iterations 90 everywhere → 90. F's 6, 6, 6 and 4086 on the timed-out run
//   (counted: all runs, solved or not) → (16·16·16·4096)^(1/4) − 10 = 2^(24/4) − 10 = 64 − 10 = 54.
const models: BenchmarkModel[] = [
  model('A', { template: 'gen', size: 10, knownObjective: 1 }),
  model('B', { template: 'gen', size: 20 }),
];
const handRuns: BenchmarkRun[] = [
  run({ optionSetId: 'R', modelId: 'A', seed: 1, timeMs: 3, counters: { simplexIterations: 90 } }),
  run({ optionSetId: 'R', modelId: 'A', seed: 2, timeMs: 3, counters: { simplexIterations: 90 } }),
  run({ optionSetId: 'R', modelId: 'B', seed: 1, timeMs: 8, counters: { simplexIterations: 90 } }),
  run({ optionSetId: 'R', modelId: 'B', seed: 2, timeMs: 8, counters: { simplexIterations: 90 } }),
  run({ optionSetId: 'F', modelId: 'A', seed: 1, timeMs: 1, counters: { simplexIterations: 6 } }),
  run({ optionSetId: 'F', modelId: 'A', seed: 2, timeMs: 1, counters: { simplexIterations: 6 } }),
  run({ optionSetId: 'F', modelId: 'B', seed: 1, timeMs: 3, counters: { simplexIterations: 6 } }),
  timeout({ optionSetId: 'F', modelId: 'B', seed: 2, timeMs: 15.4, counters: { simplexIterations: 4086 } }),
];
const hand = () =>
  summarize({
    config: config(15),
    models,
    optionSets: sets('R', 'F'),
    referenceOptionSetId: 'R',
    runs: handRuns,
    parameters: { shiftMs: 1 },
  });

describe('summarize: a benchmark computed by hand', () => {
  it('gives each option set its SGM, solved count, counters and speedup', () => {
    const s = hand();
    const [r, f] = s.optionSets;
    expect(r).toMatchObject({ optionSetId: 'R', solved: 4, problems: 4, speedup: null });
    expect(r.sgmTimeMs).toBeCloseTo(5, 12);
    expect(f).toMatchObject({ optionSetId: 'F', solved: 3, problems: 4 });
    expect(f.sgmTimeMs).toBeCloseTo(3, 12);
    expect(f.speedup!.ratio).toBeCloseTo(5 / 3, 12);
    expect(f.speedup!.ci95[0]).toBeCloseTo(8 / 7, 12);
    expect(f.speedup!.ci95[1]).toBeCloseTo(3, 12);
    expect(r.counters.simplexIterations).toBeCloseTo(90, 10);
    expect(f.counters.simplexIterations).toBeCloseTo(54, 10);
    expect(f.counters).toMatchObject({ ipmIterations: 0, mipNodes: 0, mipLpIterations: 0 });
  });

  it('fits the scaling of the template per option set', () => {
    const [r, f] = hand().optionSets;
    expect(r.scaling).toHaveLength(1);
    expect(r.scaling[0].template).toBe('gen');
    expect(r.scaling[0].sizes).toEqual([10, 20]);
    expect(r.scaling[0].exponent).toBeCloseTo(Math.log(8 / 3) / Math.log(2), 12);
    expect(r.scaling[0].r2).toBeCloseTo(1, 12);
    expect(r.scaling[0]).toMatchObject({ censoredSizes: [], censoredProblems: 0, quality: 'two-sizes' });
    // Before censoring was left out, F got the exponent ln 7/ln 2 from its timed-out size.
    expect(f.scaling).toEqual([]);
  });

  it('gives the profile, the variability and the correctness, and records its parameters', () => {
    const s = hand();
    // Ratios: A1 R 3/1, F 1; A2 R 3, F 1; B1 R 8/3, F 1; B2 R 1 (F timed out).
    expect(s.profile).toEqual({
      problems: 4,
      unsolvedByAll: 0,
      optionSets: [
        {
          optionSetId: 'R',
          solved: 4,
          breakpoints: [
            { tau: 1, fraction: 0.25 },
            { tau: 8 / 3, fraction: 0.5 },
            { tau: 3, fraction: 1 },
          ],
        },
        { optionSetId: 'F', solved: 3, breakpoints: [{ tau: 1, fraction: 0.75 }] },
      ],
    });
    // F on B: [3, 15] → median 9, IQR 12·0.5 = 6, mean 9, std √72 → cv √72/9.
    const fb = s.variability.models.find((m) => m.optionSetId === 'F' && m.modelId === 'B')!;
    expect(fb).toMatchObject({ seeds: 2, medianMs: 9, minMs: 3, maxMs: 15, iqrMs: 6, countersIdentical: true });
    // One repetition of each (model, seed): no counter identity was checked, so none is claimed.
    expect(fb.repeatedSeeds).toBe(0);
    expect(s.variability).toMatchObject({ repeatedGroups: 0, determinism: 'unchecked' });
    expect(fb.cv).toBeCloseTo(Math.sqrt(72) / 9, 12);
    expect(s.variability.models.map((m) => `${m.optionSetId}${m.modelId}`)).toEqual(['RA', 'RB', 'FA', 'FB']);
    expect(s.correctness).toMatchObject({ consistent: true, disagreements: [], omitted: 0 });
    expect(s.shiftMs).toBe(1);
    expect(s.parameters).toEqual({ ...DEFAULT_SUMMARY_PARAMETERS, shiftMs: 1 });
    expect(allFinite(s)).toBe(true);
    expect(JSON.parse(JSON.stringify(s))).toEqual(s);
  });

  it('does not depend on the order of the runs', () => {
    const reversed = summarize({
      config: config(15),
      models,
      optionSets: sets('R', 'F'),
      referenceOptionSetId: 'R',
      runs: [...handRuns].reverse(),
      parameters: { shiftMs: 1 },
    });
    expect(reversed.optionSets.map((o) => o.speedup)).toEqual(hand().optionSets.map((o) => o.speedup));
  });
});

describe('summarize: edge cases', () => {
  const base = { config: config(100), models: [model('m')], optionSets: sets('R', 'F'), referenceOptionSetId: 'R' };

  it('a wrong run counts unsolved: a faster set that is wrong is not faster', () => {
    // R: 10 ms. F: 1 ms but wrong → charged the limit 100. One problem: SGMs 10 and 100 → speedup 10/100.
    const s = summarize({
      ...base,
      models: [model('m', { knownObjective: 1 })],
      runs: [
        run({ optionSetId: 'R', timeMs: 10 }),
        run({ optionSetId: 'F', timeMs: 1, objective: 2, verdict: 'wrong' }),
      ],
    });
    const f = s.optionSets[1];
    expect(f).toMatchObject({ solved: 0, problems: 1, sgmTimeMs: 100 });
    expect(f.speedup!.ratio).toBeCloseTo(0.1, 12);
    expect(f.speedup!.ratio).toBeLessThan(1);
    expect(s.profile.optionSets[1]).toEqual({ optionSetId: 'F', solved: 0, breakpoints: [] });
    expect(s.correctness.disagreements.map((d) => d.kind)).toEqual(['known-objective', 'objective']);
  });

  it('one problem: the SGM is its time and the interval is the ratio itself', () => {
    // shift 10: R 30, F 10 → 3
    const s = summarize({
      ...base,
      runs: [run({ optionSetId: 'R', timeMs: 30 }), run({ optionSetId: 'F', timeMs: 10 })],
    });
    expect(s.optionSets[0].sgmTimeMs).toBeCloseTo(30, 12);
    expect(s.optionSets[1].speedup!.ratio).toBeCloseTo(3, 12);
    expect(s.optionSets[1].speedup!.ci95[0]).toBeCloseTo(3, 12);
    expect(s.optionSets[1].speedup!.ci95[1]).toBeCloseTo(3, 12);
  });

  it('all unsolved: every problem charged the limit, speedup 1, no profile steps', () => {
    const s = summarize({
      ...base,
      runs: [
        timeout({ optionSetId: 'R', timeMs: 104 }),
        timeout({ optionSetId: 'F', timeMs: 100.2, status: 'interrupted' }),
      ],
    });
    expect(s.optionSets.map((o) => [o.sgmTimeMs, o.solved, o.problems])).toEqual([
      [100, 0, 1],
      [100, 0, 1],
    ]);
    expect(s.optionSets[1].speedup).toEqual({ ratio: 1, ci95: [1, 1] });
    expect(s.profile).toMatchObject({ problems: 1, unsolvedByAll: 1 });
    expect(allFinite(s)).toBe(true);
  });

  it('no runs at all: problems 0, no means (null), no speedup', () => {
    const s = summarize({ ...base, runs: [] });
    for (const o of s.optionSets) {
      expect(o).toEqual({
        optionSetId: o.optionSetId,
        sgmTimeMs: null,
        solved: 0,
        problems: 0,
        speedup: null,
        scaling: [],
        counters: { simplexIterations: null, ipmIterations: null, mipNodes: null, mipLpIterations: null },
      });
    }
    expect(s.profile.problems).toBe(0);
    expect(s.variability).toEqual({
      models: [],
      countersIdentical: true,
      counterMismatches: [],
      repeatedGroups: 0,
      determinism: 'unchecked',
    });
    expect(allFinite(s)).toBe(true);
  });

  it('an unknown reference gives no speedups; runs of unlisted models or sets are ignored', () => {
    const s = summarize({
      ...base,
      referenceOptionSetId: 'nope',
      runs: [run({ optionSetId: 'R' }), run({ optionSetId: 'X' }), run({ optionSetId: 'R', modelId: 'other' })],
    });
    expect(s.optionSets.map((o) => [o.speedup, o.problems])).toEqual([
      [null, 1],
      [null, 0],
    ]);
  });

  it.each([
    ['a negative shift', { shiftMs: -1 }],
    ['a NaN counter shift', { counterShifts: { ...DEFAULT_SUMMARY_PARAMETERS.counterShifts, mipNodes: NaN } }],
    ['no resamples', { bootstrap: { seed: 1, resamples: 0 } }],
    ['a fractional seed', { bootstrap: { seed: 1.5, resamples: 10 } }],
  ])('refuses %s', (_label, parameters) => {
    expect(() => resolveParameters(parameters)).toThrow(RangeError);
  });

  it('refuses a time limit that is not a positive number', () => {
    expect(() => summarize({ ...base, config: config(0), runs: [] })).toThrow(RangeError);
  });

  it('has the documented defaults', () => {
    expect(resolveParameters()).toEqual({
      shiftMs: 10,
      counterShifts: { simplexIterations: 10, ipmIterations: 1, mipNodes: 10, mipLpIterations: 10 },
      bootstrap: { seed: 1, resamples: 1000 },
    });
  });
});

describe('summarize at scale', () => {
  it('summarises 10,000 runs with 1000 resamples into a finite summary of the right shape', () => {
    // 100 models (5 templates × 20 sizes) × 4 option sets × 5 seeds × 5 repetitions = 10,000 runs.
    const manyModels = Array.from({ length: 100 }, (_, i) =>
      model(`m${i}`, { template: `t${i % 5}`, size: 10 * (1 + Math.floor(i / 5)), knownObjective: i }),
    );
    const setIds = ['R', 'B', 'C', 'D'];
    const runs: BenchmarkRun[] = [];
    let k = 0;
    for (const m of manyModels)
      for (const [si, optionSetId] of setIds.entries())
        for (let seed = 1; seed <= 5; seed++)
          for (let repetition = 0; repetition < 5; repetition++) {
            k++;
            const t = m.size! * (1 + si / 4) * (1 + ((k * 7919) % 100) / 500);
            const common = {
              modelId: m.id,
              optionSetId,
              seed,
              repetition,
              counters: { simplexIterations: m.size! * seed },
            };
            runs.push(
              k % 97 === 0
                ? timeout({ ...common, timeMs: 5000 })
                : run({ ...common, timeMs: t, objective: Number(m.id.slice(1)) }),
            );
          }
    expect(runs).toHaveLength(10_000);
    const s = summarize({
      config: { timeLimitMs: 5000, seeds: [1, 2, 3, 4, 5], repetitions: 5, warmup: true },
      models: manyModels,
      optionSets: sets(...setIds),
      referenceOptionSetId: 'R',
      runs,
    });
    expect(s.optionSets).toHaveLength(4);
    for (const o of s.optionSets) {
      expect(o.problems).toBe(500);
      expect(o.scaling).toHaveLength(5);
      expect(o.scaling[0].sizes).toHaveLength(20);
    }
    for (const o of s.optionSets.slice(1)) {
      expect(o.speedup!.ci95[0]).toBeLessThanOrEqual(o.speedup!.ratio);
      expect(o.speedup!.ci95[1]).toBeGreaterThanOrEqual(o.speedup!.ratio);
      expect(o.speedup!.ratio).toBeLessThan(1);
    }
    expect(s.profile.problems).toBe(500);
    expect(s.variability.models).toHaveLength(400);
    expect(s.variability.countersIdentical).toBe(true);
    expect(s.variability.determinism).toBe('identical');
    expect(s.variability.repeatedGroups).toBeGreaterThan(0);
    expect(s.correctness.consistent).toBe(true);
    expect(allFinite(s)).toBe(true);
  });
});

describe('summarize: an option set scoped to one template', () => {
  // Model A of template 'lib', B of 'gen'; R and F run everywhere, G (a blessed set of 'gen') on B only.
  const scopedModels = [model('A', { template: 'lib' }), model('B', { template: 'gen' })];
  const scopedSets: OptionSet[] = [...sets('R', 'F'), { id: 'G', name: 'G', options: {}, templates: ['gen'] }];
  const times: Record<string, Record<string, number>> = { R: { A: 4, B: 8 }, F: { A: 2, B: 4 }, G: { B: 2 } };
  const scopedRuns = Object.entries(times).flatMap(([set, byModel]) =>
    Object.entries(byModel).flatMap(([modelId, timeMs]) =>
      [1, 2].map((seed) => run({ optionSetId: set, modelId, seed, timeMs })),
    ),
  );
  const s = summarize({
    config: config(15),
    models: scopedModels,
    optionSets: scopedSets,
    referenceOptionSetId: 'R',
    runs: scopedRuns,
    parameters: { shiftMs: 0 },
  });

  it('counts its own problems and pairs its speedup on them only', () => {
    const g = s.optionSets.find((x) => x.optionSetId === 'G')!;
    expect(g).toMatchObject({ problems: 2, solved: 2 });
    // On B the reference took 8 ms and G 2 ms: 4×, not diluted by A, where G did not run.
    expect(g.speedup!.ratio).toBeCloseTo(4, 12);
  });

  it('keeps the profile on every model for the sets that ran everywhere, without the scoped set', () => {
    expect(s.profile.problems).toBe(4);
    expect(s.profile.optionSets.map((p) => p.optionSetId)).toEqual(['R', 'F']);
    // F was the fastest everywhere: solved all 4 at τ = 1.
    expect(s.profile.optionSets[1].breakpoints).toEqual([{ tau: 1, fraction: 1 }]);
  });
});
