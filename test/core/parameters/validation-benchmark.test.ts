// The validation benchmarks of #/parameters, their time target, the work ratio and export file names, case by case.
import { describe, expect, it } from 'vitest';
import {
  defaultTargetMs,
  exportFileName,
  PARAMETER_TEMPLATES,
  parameterTemplateOf,
  TEMPLATE_TARGET_FALLBACK_MS,
  TEMPLATE_VALIDATION_SET_ID,
  templateValidationBenchmark,
  VALIDATION_TIME_LIMIT_MS,
  validationBenchmark,
  workRatioOf,
} from '../../../src/core/parameters';

describe('workRatioOf', () => {
  const c = (simplex: number | null, nodes: number | null, ipm: number | null = 0) => ({
    simplexIterations: simplex,
    ipmIterations: ipm,
    mipNodes: nodes,
    mipLpIterations: 0,
  });
  it.each<[string, ReturnType<typeof c>, ReturnType<typeof c>, number | null]>([
    ['the same work', c(100, 10), c(100, 10), 1],
    ['the largest ratio of any counter', c(110, 5), c(100, 10), 1.1],
    ['less work everywhere', c(50, 5), c(100, 10), 0.5],
    ['a counter 0 on both sides is skipped', c(100, 0), c(100, 0), 1],
    ['work where the reference had none', c(100, 3), c(100, 0), Infinity],
    ['nothing measured', c(null, null, null), c(null, null, null), null],
    ['every counter 0', c(0, 0), c(0, 0), null],
  ])('%s', (_label, cand, ref, expected) => expect(workRatioOf(cand, ref)).toBe(expected));
});

describe('validationBenchmark', () => {
  const ref = { id: 'r', name: 'HiGHS defaults', options: {} };
  it.each<[string, string, string[], object]>([
    [
      'a generator: its two smallest default sizes, one instance',
      'knapsack',
      [],
      { kind: 'generator', sizes: [20, 50], instanceSeeds: [1] },
    ],
    ['the library: its default models', 'library', ['afiro.mps', 'x.mps'], { kind: 'library', files: ['afiro.mps'] }],
    [
      'the library without its default models: the first three',
      'library',
      ['a.mps', 'b.mps', 'c.mps', 'd.mps'],
      { kind: 'library', files: ['a.mps', 'b.mps', 'c.mps'] },
    ],
  ])('%s', (_label, template, files, spec) => {
    const d = validationBenchmark(template, ref, { presolve: 'off' }, files, 2);
    expect(d.templates).toEqual([expect.objectContaining(spec)]);
    expect(d.name).toBe(`validate ${template} candidate`);
    expect(d.optionSets.map((o) => [o.id, o.options])).toEqual([
      ['reference', {}],
      ['candidate', { presolve: 'off' }],
    ]);
    expect(d.referenceOptionSetId).toBe('reference');
    expect(d.config).toEqual({ timeLimitMs: VALIDATION_TIME_LIMIT_MS, seeds: [1, 2], repetitions: 1, warmup: true });
  });

  it.each([
    [0, 1],
    [1, 1],
    [4, 4],
  ])('%i workers asked: %i used', (asked, used) =>
    expect(validationBenchmark('knapsack', ref, {}, [], asked).workers).toBe(used),
  );
});

describe('templateValidationBenchmark', () => {
  const blessed = { name: 'fast', options: { presolve: 'off' } };
  it.each<[string, string, number, number, string[], object, number]>([
    [
      'a generator: two smallest sizes × instance seeds 1..N',
      'knapsack',
      3,
      100,
      [],
      { kind: 'generator', sizes: [20, 50], instanceSeeds: [1, 2, 3] },
      VALIDATION_TIME_LIMIT_MS,
    ],
    [
      'a long target: a time limit of twice the target',
      'knapsack',
      1,
      20_000,
      [],
      { kind: 'generator', instanceSeeds: [1] },
      40_000,
    ],
    [
      'the library: its default models',
      'library',
      5,
      100,
      ['afiro.mps', 'big.mps'],
      { kind: 'library', files: ['afiro.mps'] },
      VALIDATION_TIME_LIMIT_MS,
    ],
  ])('%s', (_label, template, count, targetMs, files, spec, timeLimitMs) => {
    const d = templateValidationBenchmark(template, blessed, count, targetMs, files, 2);
    expect(d.templates).toEqual([expect.objectContaining(spec)]);
    expect(d.optionSets).toEqual([
      { id: TEMPLATE_VALIDATION_SET_ID, name: 'blessed: fast', options: { presolve: 'off' } },
    ]);
    expect(d.referenceOptionSetId).toBe(TEMPLATE_VALIDATION_SET_ID);
    expect(d.config).toEqual({ timeLimitMs, seeds: [1], repetitions: 1, warmup: true });
  });
});

describe('defaultTargetMs', () => {
  it.each<[string, { estimatedSolveMs: number | null } | null, number]>([
    ['3 × the estimated solve time, rounded up', { estimatedSolveMs: 12.2 }, 37],
    ['no estimate: the fallback', { estimatedSolveMs: null }, TEMPLATE_TARGET_FALLBACK_MS],
    ['an estimate of 0: the fallback', { estimatedSolveMs: 0 }, TEMPLATE_TARGET_FALLBACK_MS],
    ['no set: the fallback', null, TEMPLATE_TARGET_FALLBACK_MS],
  ])('%s', (_label, set, expected) => expect(defaultTargetMs(set)).toBe(expected));
});

describe('parameterTemplateOf', () => {
  it.each<[string, { kind: string; generator?: string }, string | null]>([
    ['a generator: its id', { kind: 'generator', generator: 'knapsack' }, 'knapsack'],
    ['a generator without an id', { kind: 'generator' }, null],
    ['the library', { kind: 'library' }, 'library'],
    ["the user's files", { kind: 'files' }, null],
  ])('%s', (_label, t, expected) => expect(parameterTemplateOf(t)).toBe(expected));

  it('the templates are every generator, then the library', () => {
    expect(PARAMETER_TEMPLATES.at(-1)).toEqual({ id: 'library', name: 'Library models' });
    expect(PARAMETER_TEMPLATES.map((t) => t.id)).toContain('knapsack');
  });
});

describe('exportFileName', () => {
  it.each([
    ['knapsack', 'fast gap / v2', 'highs.txt', 'knapsack-fast-gap-v2.highs.txt'],
    ['library', 'a_b-c', 'json', 'library-a_b-c.json'],
    ['knapsack', 'x--y', 'json', 'knapsack-x-y.json'],
  ])('%s + %s', (template, name, ext, expected) => expect(exportFileName(template, name, ext)).toBe(expected));
});
