import { describe, expect, it } from 'vitest';
import type { BenchmarkDefinition } from '../../src/core/benchmark';
import {
  definitionChanges,
  draftOf,
  MAX_PLANNED_RUNS,
  parseIntegerList,
  plannedRuns,
  readDraft,
  validateDefinition,
  type DefinitionDraft,
} from '../../src/core/benchmark-definition';
import { defaultBenchmark } from '../../src/core/default-benchmark';

const SHA = 'a'.repeat(64);

/** Knapsack at 10 and 20 items (instance seed 1), two option sets, random_seed 1 and 2, one repetition. */
function def(patch: Partial<BenchmarkDefinition> = {}, config: Partial<BenchmarkDefinition['config']> = {}) {
  return {
    name: 'bench',
    templates: [
      {
        kind: 'generator',
        id: 'knap',
        name: 'Knapsack',
        generator: 'knapsack',
        sizes: [10, 20],
        instanceSeeds: [1],
        symmetryBreaking: false,
      },
    ],
    optionSets: [
      { id: 'a', name: 'defaults', options: {} },
      { id: 'b', name: 'presolve off', options: { presolve: 'off' } },
    ],
    referenceOptionSetId: 'a',
    config: { timeLimitMs: 10_000, seeds: [1, 2], repetitions: 1, warmup: true, ...config },
    workers: 2,
    ...patch,
  } satisfies BenchmarkDefinition as BenchmarkDefinition;
}

const gen = (patch: Record<string, unknown>) =>
  ({ ...def().templates[0], ...patch }) as BenchmarkDefinition['templates'][0];

describe('validateDefinition', () => {
  it('accepts a valid definition and the default benchmark', () => {
    expect(validateDefinition(def())).toEqual([]);
    const quick = defaultBenchmark(['afiro.mps', 'blending.mps', 'flugpl.mps'], 2);
    expect(validateDefinition(quick, { libraryFiles: ['afiro.mps', 'blending.mps', 'flugpl.mps'] })).toEqual([]);
  });

  it.each<[string, BenchmarkDefinition, string, RegExp]>([
    ['a blank name', def({ name: '  ' }), 'name', /give a name/],
    ['no templates', def({ templates: [] }), 'templates', /no templates/],
    [
      'template ids that repeat',
      def({ templates: [gen({}), gen({ sizes: [30] })] }),
      'templates',
      /template ids repeat: knap/,
    ],
    [
      'a template without a name',
      def({ templates: [gen({ name: '' })] }),
      'templates.0.name',
      /template 1: give a name/,
    ],
    [
      'an unknown generator',
      def({ templates: [gen({ generator: 'tsp' })] }),
      'templates.0.generator',
      /unknown generator 'tsp'/,
    ],
    ['no sizes', def({ templates: [gen({ sizes: [] })] }), 'templates.0.sizes', /sizes \(items\): give at least one/],
    [
      'a size out of range',
      def({ templates: [gen({ sizes: [0, 10] })] }),
      'templates.0.sizes',
      /0 — each must be a whole number in \[1, 5000\]/,
    ],
    ['a fractional size', def({ templates: [gen({ sizes: [2.5] })] }), 'templates.0.sizes', /2\.5/],
    ['sizes that repeat', def({ templates: [gen({ sizes: [10, 10] })] }), 'templates.0.sizes', /10 repeated/],
    [
      'a negative instance seed',
      def({ templates: [gen({ instanceSeeds: [-1] })] }),
      'templates.0.instanceSeeds',
      /instance seeds: -1/,
    ],
    [
      'a library template without files',
      def({ templates: [{ kind: 'library', id: 'lib', name: 'Lib', files: [] }] }),
      'templates.0.files',
      /pick at least one library model/,
    ],
    [
      'a files template with a bad id',
      def({ templates: [{ kind: 'files', id: 'f', name: 'Mine', modelIds: ['xyz'] }] }),
      'templates.0.files',
      /not SHA-256/,
    ],
    [
      'a files template with a repeated file',
      def({ templates: [{ kind: 'files', id: 'f', name: 'Mine', modelIds: [SHA, SHA] }] }),
      'templates.0.files',
      /repeated/,
    ],
    ['no option sets', def({ optionSets: [], referenceOptionSetId: '' }), 'optionSets', /no option sets/],
    [
      'option set ids that repeat',
      def({
        optionSets: [
          { id: 'a', name: 'x', options: {} },
          { id: 'a', name: 'y', options: {} },
        ],
      }),
      'optionSets',
      /option set ids repeat: a/,
    ],
    [
      'option set names that repeat',
      def({
        optionSets: [
          { id: 'a', name: 'x', options: {} },
          { id: 'b', name: 'x', options: {} },
        ],
      }),
      'optionSets',
      /names repeat: x/,
    ],
    [
      'an option set without a name',
      def({ optionSets: [{ id: 'a', name: '', options: {} }] }),
      'optionSets.0.name',
      /option set 1: give a name/,
    ],
    [
      'a NaN option value',
      def({ optionSets: [{ id: 'a', name: 'x', options: { time_limit: NaN } }] }),
      'optionSets.0.options',
      /time_limit/,
    ],
    ['a reference that is not a set', def({ referenceOptionSetId: 'nope' }), 'referenceOptionSetId', /'nope'/],
    ['no random_seed values', def({}, { seeds: [] }), 'config.seeds', /random_seed values: give at least one/],
    ['random_seed values that repeat', def({}, { seeds: [1, 1] }), 'config.seeds', /1 repeated/],
    ['a negative random_seed', def({}, { seeds: [-3] }), 'config.seeds', /-3/],
    ['a random_seed above HiGHS’s range', def({}, { seeds: [2 ** 31] }), 'config.seeds', /2147483648/],
    ['zero repetitions', def({}, { repetitions: 0 }), 'config.repetitions', /repetitions/],
    ['fractional repetitions', def({}, { repetitions: 1.5 }), 'config.repetitions', /repetitions/],
    ['a zero time limit', def({}, { timeLimitMs: 0 }), 'config.timeLimitMs', /time limit/],
    ['an infinite time limit', def({}, { timeLimitMs: Infinity }), 'config.timeLimitMs', /time limit/],
    ['zero workers', def({ workers: 0 }), 'workers', /workers/],
    ['too many workers', def({ workers: 65 }), 'workers', /workers/],
    [
      'a plan over the cap',
      def(
        { templates: [gen({ sizes: Array.from({ length: 100 }, (_, i) => i + 1) })] },
        { seeds: Array.from({ length: 11 }, (_, i) => i), repetitions: 50 },
      ),
      'plan',
      new RegExp(`110000 planned runs: at most ${MAX_PLANNED_RUNS}`),
    ],
  ])('%s', (_label, d, field, message) => {
    const issues = validateDefinition(d);
    expect(issues.map((i) => i.field)).toContain(field);
    expect(issues.find((i) => i.field === field)!.message).toMatch(message);
  });

  it('checks library files against the library when it is given', () => {
    const d = def({ templates: [{ kind: 'library', id: 'lib', name: 'Lib', files: ['afiro.mps', 'gone.mps'] }] });
    expect(validateDefinition(d)).toEqual([]);
    expect(validateDefinition(d, { libraryFiles: ['afiro.mps'] })).toEqual([
      { field: 'templates.0.files', message: "template 'Lib': gone.mps not in the model library" },
    ]);
  });
});

describe('plannedRuns', () => {
  it.each<[string, BenchmarkDefinition, number, number]>([
    ['models × sets × seeds × repetitions', def({}, { repetitions: 3 }), 2, 2 * 2 * 2 * 3],
    ['instance seeds multiply the models', def({ templates: [gen({ instanceSeeds: [1, 2, 3] })] }), 6, 6 * 2 * 2],
    [
      'the same model in two templates counts once',
      def({
        templates: [
          { kind: 'library', id: 'l1', name: 'A', files: ['afiro.mps'] },
          { kind: 'library', id: 'l2', name: 'B', files: ['afiro.mps', 'flugpl.mps'] },
          { kind: 'files', id: 'f', name: 'F', modelIds: [SHA] },
        ],
      }),
      3,
      3 * 2 * 2,
    ],
    ['no seeds, no runs', def({}, { seeds: [] }), 2, 0],
    ['invalid repetitions count as none', def({}, { repetitions: NaN }), 2, 0],
  ])('%s', (_label, d, models, runs) => {
    const p = plannedRuns(d);
    expect(p.models).toBe(models);
    expect(p.runs).toBe(runs);
  });
});

describe('option sets scoped to templates', () => {
  const lib = { kind: 'library' as const, id: 'lib', name: 'Library models', files: ['afiro.mps', 'flugpl.mps'] };
  /** Knapsack (2 models) and the library (2 models); set b scoped as given. */
  const scoped = (templates: string[] | undefined, reference = 'a') =>
    def({
      templates: [gen({}), lib],
      optionSets: [
        { id: 'a', name: 'defaults', options: {} },
        { id: 'b', name: 'blessed: gap', options: { mip_rel_gap: 0.01 }, ...(templates ? { templates } : {}) },
      ],
      referenceOptionSetId: reference,
    });

  it.each<[string, string[] | undefined, number, number]>([
    ['unscoped: every set on every model', undefined, 8 * 2, 0],
    ['scoped to knapsack: b on its 2 models only', ['knap'], (4 + 2) * 2, 1],
    ['scoped to both templates: as unscoped', ['knap', 'lib'], 8 * 2, 0],
  ])('plannedRuns, %s', (_label, templates, runs, scopedSets) => {
    const p = plannedRuns(scoped(templates));
    expect(p.models).toBe(4);
    expect(p.runs).toBe(runs);
    expect(p.scopedOptionSets).toBe(scopedSets);
  });

  it.each<[string, BenchmarkDefinition, string, RegExp]>([
    [
      'a template the benchmark does not have',
      scoped(['knap', 'nope']),
      'optionSets.1.templates',
      /runs on nope, not a template/,
    ],
    ['no template at all', scoped([]), 'optionSets.1.templates', /runs on no template/],
    ['a scoped reference', scoped(['knap'], 'b'), 'referenceOptionSetId', /must run on every template.*Library models/],
  ])('refuses %s', (_label, d, field, message) => {
    const issues = validateDefinition(d);
    expect(issues.map((i) => i.field)).toEqual([field]);
    expect(issues[0].message).toMatch(message);
  });

  it('accepts a set scoped to one template, and a reference scoped to every template', () => {
    expect(validateDefinition(scoped(['knap']))).toEqual([]);
    expect(validateDefinition(scoped(['knap', 'lib'], 'b'))).toEqual([]);
  });

  it('keeps the scope through the editor’s draft, and a definition without one stays without', () => {
    const d = scoped(['knap']);
    expect(readDraft(draftOf(d)).definition).toEqual(d);
    expect(readDraft(draftOf(def())).definition.optionSets.every((o) => !('templates' in o))).toBe(true);
  });
});

describe('definitionChanges', () => {
  it.each<[string, (d: BenchmarkDefinition) => void, string[]]>([
    ['nothing', () => {}, []],
    ['the name', (d) => (d.name = 'other'), ['name']],
    ['a size', (d) => ((d.templates[0] as { sizes: number[] }).sizes = [10, 30]), ['templates']],
    ['an option', (d) => (d.optionSets[1].options = { presolve: 'on' }), ['option sets']],
    ['a set scoped', (d) => (d.optionSets[1].templates = ['knap']), ['option sets']],
    ['the reference', (d) => (d.referenceOptionSetId = 'b'), ['reference']],
    [
      'seeds and the time limit',
      (d) => ((d.config.seeds = [1]), (d.config.timeLimitMs = 5000)),
      ['seeds', 'time limit'],
    ],
    [
      'repetitions, warm-up and workers',
      (d) => ((d.config.repetitions = 2), (d.config.warmup = false), (d.workers = 1)),
      ['repetitions', 'warm-up', 'workers'],
    ],
  ])('%s', (_label, change, parts) => {
    const b = def();
    change(b);
    expect(definitionChanges(def(), b)).toEqual(parts);
  });

  it('does not count the order of keys (an option form may list options in another order)', () => {
    const a = def({ optionSets: [{ id: 'a', name: 'x', options: { presolve: 'off', mip_rel_gap: 0.1 } }] });
    const b = def({ optionSets: [{ options: { mip_rel_gap: 0.1, presolve: 'off' }, name: 'x', id: 'a' }] });
    expect(definitionChanges(a, b)).toEqual([]);
  });
});

describe('parseIntegerList', () => {
  it.each<[string, number[] | string]>([
    ['10, 20 30', [10, 20, 30]],
    [' 1;2 ,3 ', [1, 2, 3]],
    ['', []],
    ['-4', [-4]],
    ['1, 2.5', "'2.5' is not a whole number"],
    ['1, x', "'x' is not a whole number"],
    ['99999999999999999999', "'99999999999999999999' is too large"],
  ])('%j', (text, expected) => {
    const r = parseIntegerList(text);
    if (Array.isArray(expected)) expect(r).toEqual({ ok: true, values: expected });
    else expect(r).toEqual({ ok: false, error: expected });
  });
});

describe('draftOf and readDraft', () => {
  it('round-trip a definition (time limit in seconds when whole, else ms)', () => {
    const d = def();
    const draft = draftOf(d);
    expect(draft).toMatchObject({ seeds: '1, 2', timeLimit: '10', timeUnit: 's', repetitions: '1', workers: '2' });
    expect(draft.templates[0]).toMatchObject({ sizes: '10, 20', instanceSeeds: '1' });
    expect(readDraft(draft)).toEqual({ definition: d, issues: [] });
    const ms = def({}, { timeLimitMs: 1500 });
    expect(draftOf(ms)).toMatchObject({ timeLimit: '1500', timeUnit: 'ms' });
    expect(readDraft(draftOf(ms)).definition.config.timeLimitMs).toBe(1500);
  });

  const base = (): DefinitionDraft => draftOf(def());

  it.each<[string, (d: DefinitionDraft) => void, string, RegExp | null, Partial<BenchmarkDefinition['config']>]>([
    ['0.5 s is 500 ms', (d) => (d.timeLimit = '0.5'), 'config.timeLimitMs', null, { timeLimitMs: 500 }],
    [
      '250 ms',
      (d) => {
        d.timeLimit = '250';
        d.timeUnit = 'ms';
      },
      'config.timeLimitMs',
      null,
      { timeLimitMs: 250 },
    ],
    [
      'a time limit that is not a number',
      (d) => (d.timeLimit = 'ten'),
      'config.timeLimitMs',
      /'ten' is not a number of seconds/,
      {},
    ],
    ['a negative time limit', (d) => (d.timeLimit = '-1'), 'config.timeLimitMs', /positive/, {}],
    [
      'seeds that do not read',
      (d) => (d.seeds = '1, two'),
      'config.seeds',
      /random_seed values: 'two' is not a whole number/,
      {},
    ],
    ['repetitions that do not read', (d) => (d.repetitions = 'x'), 'config.repetitions', /repetitions/, {}],
    ['workers that do not read', (d) => (d.workers = '1.5'), 'workers', /workers/, {}],
  ])('%s', (_label, change, field, message, config) => {
    const d = base();
    change(d);
    const { definition, issues } = readDraft(d);
    const at = issues.filter((i) => i.field === field);
    if (message === null) {
      expect(issues).toEqual([]);
      expect(definition.config).toMatchObject(config);
    } else {
      expect(at).toHaveLength(1);
      expect(at[0].message).toMatch(message);
    }
  });

  it('reports sizes that do not read once, at their field, and keeps the option form’s errors', () => {
    const d = base();
    const t = d.templates[0];
    if (t.kind !== 'generator') throw new Error('expected a generator');
    t.sizes = '10, ten';
    d.optionSets[1].optionErrors = ["presolve: 'of' is not one of choose, off, on"];
    const { issues } = readDraft(d);
    expect(issues).toEqual([
      { field: 'templates.0.sizes', message: "template 'Knapsack': sizes: 'ten' is not a whole number" },
      {
        field: 'optionSets.1.options',
        message: "option set 'presolve off': presolve: 'of' is not one of choose, off, on",
      },
    ]);
  });
});
