import { describe, expect, it } from 'vitest';
import { defaultBenchmark } from '../../src/core/default-benchmark';
import { GENERATORS } from '../../src/core/templates';

const ALL = ['afiro.mps', 'adlittle.mps', 'blending.mps', 'flugpl.mps'];

describe('defaultBenchmark', () => {
  it.each([
    { files: ALL, workers: 4, library: ['afiro.mps', 'blending.mps', 'flugpl.mps'], expectWorkers: 4 },
    { files: ['flugpl.mps', 'afiro.mps'], workers: 2, library: ['afiro.mps', 'flugpl.mps'], expectWorkers: 2 },
    { files: [], workers: 0, library: null, expectWorkers: 1 },
    { files: ['other.mps'], workers: Number.NaN, library: null, expectWorkers: 1 },
    { files: ALL, workers: 2.7, library: ['afiro.mps', 'blending.mps', 'flugpl.mps'], expectWorkers: 2 },
  ])('files $files, workers $workers', ({ files, workers, library, expectWorkers }) => {
    const d = defaultBenchmark(files, workers);
    expect(d.name).toBe('Quick start');
    expect(d.workers).toBe(expectWorkers);
    const lib = d.templates.find((t) => t.kind === 'library');
    expect(lib && lib.kind === 'library' ? lib.files : null).toEqual(library);
    const gen = d.templates.find((t) => t.kind === 'generator');
    expect(gen).toMatchObject({
      generator: 'knapsack',
      sizes: [10, 20, 30],
      instanceSeeds: [1],
      symmetryBreaking: false,
    });
    expect(d.optionSets.map((o) => [o.name, o.options])).toEqual([
      ['HiGHS defaults', {}],
      ['presolve off', { presolve: 'off' }],
    ]);
    expect(d.referenceOptionSetId).toBe(d.optionSets[0].id);
    expect(d.config).toEqual({ timeLimitMs: 10_000, seeds: [1, 2], repetitions: 1, warmup: true });
  });

  it('uses a known generator within its size range, and fresh copies each call', () => {
    const d = defaultBenchmark(ALL, 1);
    const gen = d.templates.find((t) => t.kind === 'generator')!;
    const info = GENERATORS.find((g) => gen.kind === 'generator' && g.id === gen.generator)!;
    expect(info).toBeDefined();
    if (gen.kind === 'generator') for (const s of gen.sizes) expect(s).toBeGreaterThanOrEqual(info.minSize);
    d.optionSets[1].options.presolve = 'on';
    expect(defaultBenchmark(ALL, 1).optionSets[1].options).toEqual({ presolve: 'off' });
  });
});
