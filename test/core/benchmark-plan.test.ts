import { describe, expect, it } from 'vitest';
import { jobKey, missingJobs, planBenchmark } from '../../src/core/benchmark-plan';

const short = (jobs: ReturnType<typeof planBenchmark>) =>
  jobs.map((j) => `${j.modelId}${j.optionSetId}${j.seed}${j.repetition}`);

describe('planBenchmark', () => {
  it.each([
    [
      'two sets alternate which goes first',
      { seeds: [1, 2], repetitions: 1 },
      ['m'],
      ['A', 'B'],
      ['mA10', 'mB10', 'mB20', 'mA20'],
    ],
    [
      'repetitions are the outer loop',
      { seeds: [1], repetitions: 2 },
      ['m', 'n'],
      ['A', 'B'],
      ['mA10', 'mB10', 'nB10', 'nA10', 'mA11', 'mB11', 'nB11', 'nA11'],
    ],
    [
      'three sets rotate',
      { seeds: [7], repetitions: 1 },
      ['m', 'n', 'o'],
      ['A', 'B', 'C'],
      ['mA70', 'mB70', 'mC70', 'nB70', 'nC70', 'nA70', 'oC70', 'oA70', 'oB70'],
    ],
    ['one set', { seeds: [1, 2], repetitions: 1 }, ['m'], ['A'], ['mA10', 'mA20']],
    ['nothing to run', { seeds: [], repetitions: 3 }, ['m'], ['A', 'B'], []],
  ])('%s', (_label, config, models, sets, expected) => {
    expect(short(planBenchmark(config, models, sets))).toEqual(expected);
  });

  it('has every (model, set, seed, repetition) exactly once, and each set first equally often', () => {
    const plan = planBenchmark({ seeds: [1, 2, 3, 4], repetitions: 3 }, ['a', 'b', 'c'], ['X', 'Y']);
    expect(plan).toHaveLength(3 * 2 * 4 * 3);
    expect(new Set(plan.map(jobKey)).size).toBe(plan.length);
    const firsts = plan.filter((_, i) => i % 2 === 0).map((j) => j.optionSetId);
    expect(firsts.filter((s) => s === 'X').length).toBe(firsts.filter((s) => s === 'Y').length);
  });
});

describe('planBenchmark with option sets scoped to templates', () => {
  // Models m, n of template T and o of template U; sets A (every template), B (T only), C (U only).
  const models = [
    { id: 'm', template: 'T' },
    { id: 'n', template: 'T' },
    { id: 'o', template: 'U' },
  ];
  it.each([
    [
      'a set scoped to T runs only on the models of T',
      [{ id: 'A' }, { id: 'B', templates: ['T'] }],
      ['mA10', 'mB10', 'nB10', 'nA10', 'oA10'],
    ],
    [
      'two scoped sets each on their own template',
      [{ id: 'A' }, { id: 'B', templates: ['T'] }, { id: 'C', templates: ['U'] }],
      ['mA10', 'mB10', 'nB10', 'nA10', 'oA10', 'oC10'],
    ],
    [
      'a set scoped to every template runs everywhere',
      [{ id: 'A' }, { id: 'B', templates: ['T', 'U'] }],
      ['mA10', 'mB10', 'nB10', 'nA10', 'oA10', 'oB10'],
    ],
    [
      'a set scoped to no template of the benchmark never runs',
      [{ id: 'A' }, { id: 'B', templates: ['X'] }],
      ['mA10', 'nA10', 'oA10'],
    ],
    ['no set runs on a model: it has no job', [{ id: 'B', templates: ['T'] }], ['mB10', 'nB10']],
  ])('%s', (_label, sets, expected) => {
    expect(short(planBenchmark({ seeds: [1], repetitions: 1 }, models, sets))).toEqual(expected);
  });

  it('without scopes it is the plan of ids alone (old definitions plan as before)', () => {
    const config = { seeds: [1, 2], repetitions: 2 };
    expect(planBenchmark(config, models, [{ id: 'A' }, { id: 'B' }])).toEqual(
      planBenchmark(
        config,
        models.map((m) => m.id),
        ['A', 'B'],
      ),
    );
  });

  it('a model given by id alone gets every set, scoped or not', () => {
    expect(
      short(planBenchmark({ seeds: [1], repetitions: 1 }, ['m'], [{ id: 'A' }, { id: 'B', templates: ['U'] }])),
    ).toEqual(['mA10', 'mB10']);
  });
});

describe('missingJobs', () => {
  const plan = planBenchmark({ seeds: [1, 2], repetitions: 1 }, ['m'], ['A', 'B']);
  it.each([
    ['nothing finished', [], 4],
    ['two finished', [plan[0], plan[3]], 2],
    ['all finished', plan, 0],
    ['a run that is not in the plan changes nothing', [{ ...plan[0], seed: 99 }], 4],
  ])('%s → %d missing', (_label, finished, count) => {
    const missing = missingJobs(plan, finished);
    expect(missing).toHaveLength(count);
    for (const f of finished) expect(missing.map(jobKey)).not.toContain(jobKey(f));
  });

  it('keeps plan order', () => {
    expect(missingJobs(plan, [plan[1]])).toEqual([plan[0], plan[2], plan[3]]);
  });
});
