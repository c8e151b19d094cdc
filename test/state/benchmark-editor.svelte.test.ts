// @vitest-environment svelte-runes
// The benchmark config editor: its definition and issues field by field (the runner's own check
// agrees), option sets in the run view's option form, the user's model files validated and stored by
// SHA-256, a generated model's LP text, and saved configurations in fake-indexeddb across a "reload".
import { describe, expect, it } from 'vitest';
import { benchmarkStoreOf } from '../../src/app/benchmark-store';
import { defaultBenchmark } from '../../src/core/default-benchmark';
import type { OptionDescriptor } from '../../src/core/options-schema';
import { sha256Hex } from '../../src/core/run-record';
import { generate } from '../../src/core/templates';
import { BenchmarkEditor } from '../../src/state/benchmark-editor.svelte';
import { checkDefinition } from '../../src/state/benchmark-session';
import { openWorkbenchDb } from '../../src/storage/db';
import { fixtureFile } from './harness';

const LIBRARY = ['afiro.mps', 'blending.mps', 'flugpl.mps', 'p0548.mps'];

const DESCRIPTORS: OptionDescriptor[] = [
  { name: 'presolve', type: 'string', default: 'choose', choices: ['choose', 'off', 'on'], group: 'Presolve' },
  { name: 'time_limit', type: 'double', default: Infinity, minimum: 0, group: 'General' },
  { name: 'mip_rel_gap', type: 'double', default: 1e-4, minimum: 0, group: 'MIP' },
];

let dbs = 0;
const freshStore = () => benchmarkStoreOf(openWorkbenchDb(`bench-editor-${process.pid}-${++dbs}`));

/** An editor on the Quick start benchmark, with the library known. */
function quickStart(store: ReturnType<typeof freshStore> | null = null) {
  const editor = new BenchmarkEditor(store);
  editor.load(defaultBenchmark(LIBRARY, 2));
  editor.libraryFiles = LIBRARY;
  return editor;
}

/** The index of the editor's first generator template. */
const generatorIndex = (e: BenchmarkEditor) => e.templates.findIndex((t) => t.kind === 'generator');

describe('BenchmarkEditor', () => {
  it('is not ready before the library is known, then holds Quick start unchanged', () => {
    const editor = new BenchmarkEditor(null);
    const quick = defaultBenchmark(LIBRARY, 2);
    editor.load(quick);
    expect(editor.definition).toBeNull();
    expect(editor.issuesOf('library')).toHaveLength(1);
    editor.libraryFiles = LIBRARY;
    expect(editor.issues).toEqual([]);
    expect(editor.definition).toEqual(quick);
    // 3 library models + 3 knapsacks, 2 option sets, 2 random_seed values, 1 repetition.
    expect(editor.plan).toEqual({ models: 6, optionSets: 2, seeds: 2, repetitions: 1, scopedOptionSets: 0, runs: 24 });
  });

  it.each<[string, (e: BenchmarkEditor) => void, string, RegExp]>([
    ['a blank name', (e) => (e.name = ' '), 'name', /give a name/],
    [
      'sizes that do not read',
      (e) => {
        const t = e.templates[generatorIndex(e)];
        if (t.kind === 'generator') t.sizes = '10, many';
      },
      'templates.1.sizes',
      /'many' is not a whole number/,
    ],
    [
      'a size above the generator’s range',
      (e) => {
        const t = e.templates[generatorIndex(e)];
        if (t.kind === 'generator') t.sizes = '6000';
      },
      'templates.1.sizes',
      /6000/,
    ],
    [
      'no instance seeds',
      (e) => {
        const t = e.templates[generatorIndex(e)];
        if (t.kind === 'generator') t.instanceSeeds = '';
      },
      'templates.1.instanceSeeds',
      /instance seeds: give at least one/,
    ],
    [
      'a library model unpicked to none',
      (e) => {
        const t = e.templates[0];
        if (t.kind === 'library') t.files.splice(0);
      },
      'templates.0.files',
      /pick at least one/,
    ],
    ['random_seed values that repeat', (e) => (e.seeds = '3 3'), 'config.seeds', /3 repeated/],
    ['no repetitions', (e) => (e.repetitions = '0'), 'config.repetitions', /repetitions/],
    [
      'a time limit that is no number',
      (e) => (e.timeLimit = '1h'),
      'config.timeLimitMs',
      /'1h' is not a number of seconds/,
    ],
    ['no workers', (e) => (e.workers = ''), 'workers', /workers/],
    ['no templates', (e) => e.templates.splice(0), 'templates', /no templates/],
    ['an option set without a name', (e) => (e.optionSets[1].name = ''), 'optionSets.1.name', /give a name/],
  ])(
    '%s: the field says what is wrong, there is no definition, and the runner refuses it too',
    (_l, change, field, message) => {
      const editor = quickStart();
      change(editor);
      expect(editor.issuesOf(field).join('\n')).toMatch(message);
      expect(editor.definition).toBeNull();
      // The runner's own check refuses what the editor read, and accepts it once the editor does.
      expect(() => checkDefinition(editor.candidate)).toThrow(expect.objectContaining({ name: 'InvalidBenchmark' }));
      expect(() => checkDefinition(quickStart().candidate)).not.toThrow();
    },
  );

  it('the planned runs follow the edits', () => {
    const editor = quickStart();
    editor.repetitions = '3';
    editor.seeds = '1, 2, 3';
    expect(editor.plan.runs).toBe(6 * 2 * 3 * 3);
    editor.removeTemplate(0);
    expect(editor.plan.runs).toBe(3 * 2 * 3 * 3);
    editor.addGenerator('transportation');
    expect(editor.templates.at(-1)).toMatchObject({
      generator: 'transportation',
      id: 'transportation',
      sizes: '50, 100, 200',
    });
    expect(editor.plan.runs).toBe(6 * 2 * 3 * 3);
    expect(editor.definition).not.toBeNull();
  });

  it('converts the time limit between seconds and milliseconds', () => {
    const editor = quickStart();
    expect([editor.timeLimit, editor.timeUnit]).toEqual(['10', 's']);
    editor.setTimeUnit('ms');
    expect([editor.timeLimit, editor.timeUnit]).toEqual(['10000', 'ms']);
    editor.timeLimit = '750';
    expect(editor.definition?.config.timeLimitMs).toBe(750);
    editor.setTimeUnit('s');
    expect(editor.timeLimit).toBe('0.75');
    expect(editor.definition?.config.timeLimitMs).toBe(750);
  });

  it('edits option sets in the run view’s option form; HiGHS defaults are no options; one reference', () => {
    const editor = quickStart();
    // Before the solver describes its options, each set keeps what it had.
    expect(editor.definition?.optionSets.map((o) => o.options)).toEqual([{}, { presolve: 'off' }]);
    editor.useDescriptors(DESCRIPTORS);
    const [defaults, noPresolve] = editor.optionSets;
    expect(defaults.form.changedCount).toBe(0);
    expect(noPresolve.form.fields.find((f) => f.desc.name === 'presolve')?.input).toBe('off');
    expect(editor.definition?.optionSets.map((o) => o.options)).toEqual([{}, { presolve: 'off' }]);

    const added = editor.addOptionSet();
    expect(added.id).toBe('set-3');
    expect(editor.optionSets).toHaveLength(3);
    added.form.set('mip_rel_gap', 'lots');
    expect(editor.issuesOf('optionSets.2.options').join()).toMatch(/mip_rel_gap: expected a number, got 'lots'/);
    expect(editor.definition).toBeNull();
    added.form.set('mip_rel_gap', '0.01');
    added.name = 'loose gap';
    expect(editor.definition?.optionSets[2]).toEqual({
      id: 'set-3',
      name: 'loose gap',
      options: { mip_rel_gap: 0.01 },
    });

    editor.referenceOptionSetId = 'set-3';
    editor.removeOptionSet('set-3');
    expect(editor.referenceOptionSetId).toBe('defaults');
    editor.removeOptionSet('defaults');
    editor.removeOptionSet('no-presolve');
    expect(editor.issuesOf('optionSets').join()).toMatch(/no option sets/);
    expect(editor.definition).toBeNull();
  });

  it('an option the solver does not have is an error of its set, not silently dropped', () => {
    const editor = new BenchmarkEditor(null);
    const def = defaultBenchmark(LIBRARY, 1);
    def.optionSets[1].options = { presolve: 'off', threads: 4 };
    editor.load(def);
    editor.libraryFiles = LIBRARY;
    editor.useDescriptors(DESCRIPTORS);
    expect(editor.issuesOf('optionSets.1.options').join()).toMatch(/threads: not supported in the browser build/);
    expect(editor.definition).toBeNull();
  });

  it('adds the user’s model files validated, stored by SHA-256, and refuses one that is not a model', async () => {
    const store = freshStore();
    const editor = quickStart(store);
    const file = await fixtureFile('afiro.mps');
    await editor.addModelFiles([file]);
    expect(editor.fileError).toBeNull();
    const bytes = new Uint8Array(await file.arrayBuffer());
    const id = await sha256Hex(bytes);
    const t = editor.templates.find((x) => x.kind === 'files');
    expect(t).toMatchObject({ kind: 'files', modelIds: [id] });
    expect((await store.getModelFile(id))?.name).toBe('afiro.mps');
    expect(editor.fileName(id)).toBe('afiro.mps');
    expect(editor.definition).not.toBeNull();

    await editor.addModelFiles([await fixtureFile('garbage.lp')]);
    expect(editor.fileError?.name).toBe('InvalidModel');
    expect(editor.fileError?.message).toMatch(/garbage\.lp/);
    expect(editor.templates.find((x) => x.kind === 'files')).toMatchObject({ modelIds: [id] });

    editor.removeModelFile(
      editor.templates.findIndex((x) => x.kind === 'files'),
      id,
    );
    expect(editor.issuesOf(`templates.${editor.templates.length - 1}.files`).join()).toMatch(
      /add at least one model file/,
    );
  });

  it('exports the definition as a configuration file and imports it into another editor; a file it lacks is named', async () => {
    const store = freshStore();
    const editor = quickStart(store);
    await editor.addModelFiles([await fixtureFile('afiro.mps')]);
    editor.configName = 'nightly run';
    const file = editor.exportConfigFile()!;
    expect(file.name).toBe('nightly-run.benchmark.json');
    const asFile = (text: string) => ({ name: 'c.json', size: text.length, text: async () => text });

    const other = quickStart(store);
    expect(await other.importConfigFile(asFile(file.text))).toBe(true);
    expect(other.definition).toEqual(editor.definition);
    expect(other.configName).toBe('nightly run');

    const elsewhere = quickStart(freshStore()); // a browser without the model file
    expect(await elsewhere.importConfigFile(asFile(file.text))).toBe(false);
    expect(elsewhere.configError?.message).toMatch(
      /"c\.json" cannot be imported: My model files: afiro\.mps is not stored in this browser: add the file/,
    );
    expect(await elsewhere.importConfigFile(asFile('{"format":"x"}'))).toBe(false);
    expect(elsewhere.configError?.message).toMatch(/format: expected "highs-workbench\/benchmark-config"/);
    expect(elsewhere.definition).toEqual(quickStart().definition);
  });

  it('shows a generated model’s LP text under its file name', () => {
    const editor = quickStart();
    const i = generatorIndex(editor);
    const g = editor.showGenerated(i, 20, 1);
    expect(g?.name).toBe('knapsack-n20-s1-nosym.lp');
    expect(editor.preview).toEqual({
      templateId: 'knapsack',
      name: 'knapsack-n20-s1-nosym.lp',
      lp: generate('knapsack', { size: 20, instanceSeed: 1, symmetryBreaking: false }).lp,
    });
    const t = editor.templates[i];
    if (t.kind === 'generator') t.symmetryBreaking = true;
    expect(editor.showGenerated(i, 20, 1)?.name).toBe('knapsack-n20-s1-sym.lp');
    expect(editor.showGenerated(i, 0, 1)).toBeNull();
    expect(editor.preview).toBeNull();
    expect(editor.previewError?.name).toBe('RangeError');
  });

  it('saves named configurations, lists them after a reload, loads and deletes them', async () => {
    const store = freshStore();
    const editor = quickStart(store);
    editor.useDescriptors(DESCRIPTORS);
    editor.name = 'mine';
    editor.seeds = '5, 6, 7';
    editor.optionSets[1].form.set('presolve', 'on');
    expect(await editor.saveConfig(1234)).toBe(true);
    const saved = editor.definition!;

    editor.seeds = '5 5';
    expect(await editor.saveConfig()).toBe(false);
    expect(editor.configError?.message).toMatch(/fix the benchmark first/);

    // A reload: a new editor over the same database starts on Quick start and lists the saved one.
    const after = quickStart(store);
    await after.refreshConfigs();
    expect(after.configs.map((c) => [c.name, c.savedAt])).toEqual([['mine', 1234]]);
    expect(after.name).toBe('Quick start');
    after.loadConfig('mine');
    expect(after.definition).toEqual(saved);
    expect(after.definition?.config.seeds).toEqual([5, 6, 7]);
    expect(after.definition?.optionSets[1].options).toEqual({ presolve: 'on' });
    expect(after.configName).toBe('mine');
    await after.deleteConfig('mine');
    expect(after.configs).toEqual([]);
  });
});
