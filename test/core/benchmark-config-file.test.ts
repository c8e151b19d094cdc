// The benchmark configuration file both ways: what the editor exports reads back as the same definition (option
// values with ±Infinity included, files by path and SHA-256), and a broken file is refused with every error's path.
import { describe, expect, it } from 'vitest';
import type { BenchmarkDefinition } from '../../src/core/benchmark';
import {
  CONFIG_FORMAT,
  parseBenchmarkConfigFile,
  serializeBenchmarkConfigFile,
} from '../../src/core/benchmark-config-file';

const SHA = 'c'.repeat(64);
const DEF: BenchmarkDefinition = {
  name: 'nightly',
  templates: [
    {
      kind: 'generator',
      id: 'k',
      name: 'Knapsack',
      generator: 'knapsack',
      sizes: [20, 40],
      instanceSeeds: [1, 2],
      symmetryBreaking: false,
    },
    { kind: 'files', id: 'mine', name: 'My models', modelIds: [SHA] },
  ],
  optionSets: [
    { id: 'defaults', name: 'HiGHS defaults', options: {} },
    { id: 'nolimit', name: 'no limit', options: { time_limit: Infinity, presolve: 'off' } },
  ],
  referenceOptionSetId: 'defaults',
  config: { timeLimitMs: 10_000, seeds: [1, 2], repetitions: 1, warmup: true },
  workers: 2,
};

describe('benchmark configuration files', () => {
  it('round-trips a definition: Infinity encoded, files named by path beside their SHA-256', () => {
    const text = serializeBenchmarkConfigFile('nightly', DEF, { [SHA]: 'models/a.lp' });
    const json = JSON.parse(text);
    expect(json.format).toBe(CONFIG_FORMAT);
    expect(json.definition.optionSets[1].options.time_limit).toEqual({ $number: 'Infinity' });
    expect(json.definition.templates[1].paths).toEqual(['models/a.lp']);
    const read = parseBenchmarkConfigFile(text);
    if (!read.ok) throw new Error(read.errors.join('\n'));
    expect(read.config.definition).toEqual(DEF);
    expect(read.config.paths).toEqual({ mine: ['models/a.lp'] });
  });

  it('reads a files template given by paths only (a hand-written config for the command line)', () => {
    const json = JSON.parse(serializeBenchmarkConfigFile('x', DEF));
    json.definition.templates[1] = { kind: 'files', id: 'mine', name: 'Mine', modelIds: [], paths: ['a.lp', 'b.mps'] };
    const read = parseBenchmarkConfigFile(JSON.stringify(json));
    if (!read.ok) throw new Error(read.errors.join('\n'));
    expect(read.config.paths.mine).toEqual(['a.lp', 'b.mps']);
  });

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a JSON file edited by hand in each case
  const broken = (edit: (j: Record<string, any>) => void) => {
    const j = JSON.parse(serializeBenchmarkConfigFile('x', DEF, { [SHA]: 'a.lp' }));
    edit(j);
    return JSON.stringify(j);
  };
  it.each([
    ['not JSON', '{', /^not JSON: /],
    ['another format', broken((j) => (j.format = 'x')), /^format: expected "highs-workbench\/benchmark-config"/],
    ['a newer version', broken((j) => (j.version = 2)), /^version: expected 1/],
    ['a missing config', broken((j) => delete j.definition.config), /^definition\.config: missing/],
    [
      'a size that is text',
      broken((j) => (j.definition.templates[0].sizes = ['20'])),
      /^definition\.templates\[0\]\.sizes\[0\]: /,
    ],
    [
      'a NaN option',
      broken((j) => (j.definition.optionSets[1].options.x = { $number: 'NaN' })),
      /^definition\.optionSets\[1\]\.options\.x: /,
    ],
    [
      'paths and model ids that do not pair',
      broken((j) => (j.definition.templates[1].paths = ['a.lp', 'b.lp'])),
      /definition\.templates\[1\]\.paths: 2 paths for 1 model ids/,
    ],
    [
      'a files template with neither',
      broken((j) => {
        j.definition.templates[1].modelIds = [];
        delete j.definition.templates[1].paths;
      }),
      /definition\.templates\[1\]: a files template needs/,
    ],
    [
      'an unknown reference set',
      broken((j) => (j.definition.referenceOptionSetId = 'nope')),
      /^definition\.referenceOptionSetId: the reference option set 'nope'/,
    ],
    ['no seeds', broken((j) => (j.definition.config.seeds = [])), /^definition\.config\.seeds: /],
  ])('refuses %s, naming the field', (_name, text, message) => {
    const read = parseBenchmarkConfigFile(text);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.errors.join('\n')).toMatch(message);
  });
});
