// The benchmark config editor's state: the definition being edited (lists and numbers as typed,
// each option set in the run view's validated option form), its issues field by field (core's
// check, the same the runner applies), the planned run count, the user's model files (validated,
// hashed, stored by SHA-256), a generated model's LP text, and named saved configurations. A template's
// blessed set joins as an option set scoped to that template (it runs on its models only).
// Lives in the benchmark view's state, so leaving the view keeps the edits (a reload does not).
import type { BenchmarkDefinition, TemplateSpec } from '../core/benchmark';
import {
  draftOf,
  parseIntegerList,
  plannedRuns,
  readDraft,
  type DefinitionDraft,
  type DefinitionIssue,
  type GeneratorDraft,
  type PlannedRuns,
  type TemplateDraft,
  type TimeUnit,
} from '../core/benchmark-definition';
import { checkInputSize, prepareModel } from '../core/model-input';
import {
  MAX_CONFIG_BYTES,
  parseBenchmarkConfigFile,
  serializeBenchmarkConfigFile,
} from '../core/benchmark-config-file';
import {
  formatOptionValue,
  validateOptionValues,
  type OptionDescriptor,
  type OptionValues,
} from '../core/options-schema';
import type { BlessedSet } from '../core/parameters/blessed';
import { sha256Hex } from '../core/run-record';
import { generate, generatorInfo, GENERATORS, type GeneratedModel, type GeneratorId } from '../core/templates';
import type { StoredBenchmarkConfig } from '../storage/benchmark-types';
import type { PickedFile } from './library-state.svelte';
import { OptionsState } from './options-state.svelte';
import type { BenchmarkStore } from './ports';
import { shownError, type ShownError } from './shown-error';

/** The name of the option set a blessed set becomes in a benchmark. */
export const blessedSetName = (b: Pick<BlessedSet, 'name'>): string => `blessed: ${b.name}`;

/** A template's key for "its blessed set was offered": its draft id and the template it draws from. */
function offerKey(t: TemplateDraft): string {
  return `${t.id}\n${t.kind === 'generator' ? t.generator : t.kind}`;
}

/** What the editor needs of the benchmark store: model files and saved configurations. */
export type EditorStore = Pick<
  BenchmarkStore,
  'putModelFile' | 'getModelFile' | 'saveConfig' | 'listConfigs' | 'deleteConfig'
>;

/** One option set being edited: its name and the run view's option form (HiGHS defaults = no changes). */
export class OptionSetEditor {
  name = $state('');
  /** The templates (editor ids) it runs on, e.g. a blessed set on its template; undefined: every template. */
  templates = $state<string[] | undefined>(undefined);
  /** The same validated form as the run view's. */
  readonly form = new OptionsState();

  /**
   * `base` is what the set started with: its options until HiGHS's option descriptors are known
   * (then the form holds them), so a benchmark can start before the solver has described its options.
   */
  constructor(
    readonly id: string,
    name: string,
    private readonly base: OptionValues,
    descriptors: OptionDescriptor[] = [],
    templates?: readonly string[],
  ) {
    this.name = name;
    this.templates = templates ? [...templates] : undefined;
    if (descriptors.length) this.useDescriptors(descriptors);
  }

  /** The options that differ from HiGHS's defaults. */
  readonly options: OptionValues = $derived.by(() =>
    this.form.descriptors.length ? this.form.changedValues : { ...this.base },
  );

  /** What the form finds wrong, and options of `base` that HiGHS does not have. */
  readonly errors: string[] = $derived.by(() => {
    const descs = this.form.descriptors;
    if (!descs.length) return [];
    const known = descs.map((d) => d.name);
    const unknown = Object.fromEntries(Object.entries(this.base).filter(([k]) => !known.includes(k)));
    return [...this.form.errors, ...validateOptionValues(descs, unknown)];
  });

  /** Gives the form HiGHS's descriptors and fills it with the set's options. */
  useDescriptors(descriptors: OptionDescriptor[]): void {
    this.form.setDescriptors(descriptors);
    this.form.resetAll();
    for (const [k, v] of Object.entries(this.base))
      if (descriptors.some((d) => d.name === k)) this.form.set(k, typeof v === 'boolean' ? v : formatOptionValue(v));
  }
}

/** The LP text of one generated model, as shown and downloaded. */
export interface LpPreview {
  templateId: string;
  /** The file name (lpFileName: generator, size, instance seed, switch). */
  name: string;
  lp: string;
}

/** Rune state of the benchmark config editor. */
export class BenchmarkEditor {
  name = $state('');
  templates = $state<TemplateDraft[]>([]);
  optionSets = $state.raw<OptionSetEditor[]>([]);
  referenceOptionSetId = $state('');
  /** HiGHS random_seed values as typed. */
  seeds = $state('');
  repetitions = $state('1');
  timeLimit = $state('10');
  timeUnit = $state<TimeUnit>('s');
  warmup = $state(true);
  workers = $state('1');
  /** The library's model files; null until the manifest is read (the editor is not ready before). */
  libraryFiles = $state.raw<string[] | null>(null);
  /** HiGHS's option descriptors, once the solver described them. */
  descriptors = $state.raw<OptionDescriptor[]>([]);
  /** Names of the user's model files by SHA-256. */
  fileNames = $state<Record<string, string>>({});
  /** Why the last added model file was refused, or null. */
  fileError = $state.raw<ShownError | null>(null);
  addingFiles = $state(false);
  /** A generated model's LP text being shown, or null. */
  preview = $state.raw<LpPreview | null>(null);
  /** Why the last generated model could not be made, and for which template; or null. */
  previewError = $state.raw<(ShownError & { templateId: string }) | null>(null);
  /** The saved configurations, as last listed. */
  configs = $state.raw<StoredBenchmarkConfig[]>([]);
  /** The name the next save uses (blank: the benchmark's name). */
  configName = $state('');
  configError = $state.raw<ShownError | null>(null);
  /** The active blessed set of each template (a generator id, or 'library'), as last loaded. */
  blessed = $state.raw<Record<string, BlessedSet>>({});

  private nextId = 1;
  /** Whether the blessed sets were loaded (adding them by default waits for it). */
  private blessedKnown = false;
  /** Templates (draft id and template) whose blessed set was added by default once, so removing it sticks. */
  private blessedOffered: string[] = [];

  constructor(private readonly store: EditorStore | null) {}

  /** The draft as the core reads it. */
  readonly draft: DefinitionDraft = $derived.by(() => ({
    name: this.name,
    templates: this.templates,
    optionSets: this.optionSets.map((o) => ({
      id: o.id,
      name: o.name,
      options: o.options,
      optionErrors: o.errors,
      ...(o.templates ? { templates: o.templates } : {}),
    })),
    referenceOptionSetId: this.referenceOptionSetId,
    seeds: this.seeds,
    repetitions: this.repetitions,
    timeLimit: this.timeLimit,
    timeUnit: this.timeUnit,
    warmup: this.warmup,
    workers: this.workers,
  }));

  private readonly read = $derived(readDraft(this.draft, { libraryFiles: this.libraryFiles ?? undefined }));

  /** Everything wrong with the definition, each with its field. */
  readonly issues: DefinitionIssue[] = $derived(
    this.libraryFiles === null ? [{ field: 'library', message: 'the model library is loading' }] : this.read.issues,
  );

  /** The definition to run or save (a plain copy), or null while it has issues. */
  readonly definition: BenchmarkDefinition | null = $derived(
    this.issues.length ? null : ($state.snapshot(this.read.definition) as BenchmarkDefinition),
  );

  /** The definition as far as it reads (a list that does not read is empty, a number NaN), issues or not. */
  get candidate(): BenchmarkDefinition {
    return $state.snapshot(this.read.definition) as BenchmarkDefinition;
  }

  /** The runs it plans (counted from what could be read, also while it has issues). */
  readonly plan: PlannedRuns = $derived(plannedRuns(this.read.definition));

  /** The templates whose blessed set is among the option sets: the note that says the benchmark uses it. */
  readonly blessedInUse: { templateId: string; templateName: string; setName: string }[] = $derived.by(() => {
    const names = this.optionSets.map((o) => o.name);
    const out: { templateId: string; templateName: string; setName: string }[] = [];
    for (const t of this.templates) {
      const b = this.blessedFor(t);
      if (b && names.includes(blessedSetName(b))) out.push({ templateId: t.id, templateName: t.name, setName: b.name });
    }
    return out;
  });

  /** The issues of one field. */
  issuesOf(field: string): string[] {
    return this.issues.filter((i) => i.field === field).map((i) => i.message);
  }

  /**
   * Sets the editor to a definition (the default benchmark, or a saved configuration). With `useBlessed`
   * (the default benchmark), each template's active blessed set is added as an option set as soon as the
   * blessed sets are known; a saved configuration keeps the option sets it was saved with.
   */
  load(def: BenchmarkDefinition, useBlessed = true): void {
    const d = draftOf(def);
    this.name = d.name;
    this.templates = d.templates;
    this.optionSets = d.optionSets.map(
      (o) => new OptionSetEditor(o.id, o.name, o.options, this.descriptors, o.templates),
    );
    this.referenceOptionSetId = d.referenceOptionSetId;
    this.seeds = d.seeds;
    this.repetitions = d.repetitions;
    this.timeLimit = d.timeLimit;
    this.timeUnit = d.timeUnit;
    this.warmup = d.warmup;
    this.workers = d.workers;
    this.preview = null;
    this.previewError = null;
    this.fileError = null;
    this.blessedOffered = useBlessed ? [] : this.templates.map((t) => offerKey(t));
    this.applyBlessed();
    void this.learnFileNames(def.templates);
  }

  /** The active blessed sets arrived: each template that has one and was not offered it yet gets it as an option set. */
  useBlessed(blessed: Record<string, BlessedSet>): void {
    this.blessed = blessed;
    this.blessedKnown = true;
    this.applyBlessed();
  }

  /** HiGHS's option descriptors arrived: every option set's form gets them. */
  useDescriptors(descriptors: OptionDescriptor[]): void {
    this.descriptors = descriptors;
    for (const o of this.optionSets) o.useDescriptors(descriptors);
  }

  /** Switches the time limit's unit, keeping the limit. */
  setTimeUnit(unit: TimeUnit): void {
    if (unit === this.timeUnit) return;
    const v = Number(this.timeLimit.trim());
    if (this.timeLimit.trim() && Number.isFinite(v))
      this.timeLimit = String(unit === 's' ? v / 1000 : Math.round(v * 1000 * 1000) / 1000);
    this.timeUnit = unit;
  }

  // ---- templates -------------------------------------------------------------------------------

  /** Adds a generator template (its default sizes' first three, instance seed 1, no symmetry breaking). */
  addGenerator(generator: GeneratorId = GENERATORS[0].id): void {
    const g = generatorInfo(generator) ?? GENERATORS[0];
    this.templates.push({
      kind: 'generator',
      id: this.templateId(g.id),
      name: g.name,
      generator: g.id,
      sizes: g.defaultSizes.slice(0, 3).join(', '),
      instanceSeeds: '1',
      symmetryBreaking: false,
    });
    this.applyBlessed();
  }

  /** Changes a generator template's generator (its name follows when it was the generator's name). */
  setGenerator(index: number, generator: string): void {
    const t = this.templates[index];
    const g = generatorInfo(generator);
    if (t?.kind !== 'generator' || !g) return;
    if (t.name === generatorInfo(t.generator)?.name) t.name = g.name;
    t.generator = g.id;
    this.unscope(t.id); // the old generator's blessed set no longer applies to it
    this.applyBlessed();
  }

  /** Adds a template of built-in library models (none picked yet). */
  addLibrary(): void {
    this.templates.push({ kind: 'library', id: this.templateId('library'), name: 'Library models', files: [] });
    this.applyBlessed();
  }

  /** Picks or drops a library model of a library template. */
  toggleLibraryFile(index: number, file: string, on: boolean): void {
    const t = this.templates[index];
    if (t?.kind !== 'library') return;
    const has = t.files.includes(file);
    if (on && !has) t.files.push(file);
    else if (!on && has) t.files.splice(t.files.indexOf(file), 1);
  }

  removeTemplate(index: number): void {
    const t = this.templates[index];
    if (!t) return;
    if (this.preview?.templateId === t.id) this.preview = null;
    this.blessedOffered = this.blessedOffered.filter((k) => !k.startsWith(`${t.id}\n`));
    this.templates.splice(index, 1);
    this.unscope(t.id);
  }

  /**
   * Adds the user's model files: each checked as the solver will read it (size cap, gzip, UTF-8,
   * format, numbers), stored by the SHA-256 of its bytes, and added to the model-files template
   * (created when there is none). Stops at the first file refused; `fileError` says which and why.
   */
  async addModelFiles(files: readonly PickedFile[]): Promise<void> {
    if (!this.store) {
      this.fileError = { name: 'Unavailable', message: 'model files need the browser database' };
      return;
    }
    this.fileError = null;
    this.addingFiles = true;
    try {
      for (const f of files) {
        checkInputSize(f.name, f.size);
        const bytes = new Uint8Array(await f.arrayBuffer());
        await prepareModel({ name: f.name, bytes });
        const id = await sha256Hex(bytes);
        await this.store.putModelFile({ id, name: f.name, bytes, addedAt: Date.now() });
        this.fileNames[id] = f.name;
        let t: TemplateDraft | undefined = this.templates.find((x) => x.kind === 'files');
        if (!t) {
          this.templates.push({ kind: 'files', id: this.templateId('files'), name: 'My model files', modelIds: [] });
          t = this.templates[this.templates.length - 1];
        }
        if (t?.kind === 'files' && !t.modelIds.includes(id)) t.modelIds.push(id);
      }
    } catch (e) {
      this.fileError = shownError(e);
    } finally {
      this.addingFiles = false;
    }
  }

  /** Drops one model file from a model-files template (the stored file stays). */
  removeModelFile(index: number, id: string): void {
    const t = this.templates[index];
    if (t?.kind !== 'files') return;
    const at = t.modelIds.indexOf(id);
    if (at >= 0) t.modelIds.splice(at, 1);
  }

  /** The name of a user's model file, or its SHA-256 shortened while unknown. */
  fileName(id: string): string {
    return this.fileNames[id] ?? `${id.slice(0, 12)}…`;
  }

  // ---- generated models ------------------------------------------------------------------------

  /** The sizes and instance seeds of a generator template as far as they can be read. */
  instancesOf(t: GeneratorDraft): { sizes: number[]; instanceSeeds: number[] } {
    const sizes = parseIntegerList(t.sizes);
    const seeds = parseIntegerList(t.instanceSeeds);
    return { sizes: sizes.ok ? sizes.values : [], instanceSeeds: seeds.ok ? seeds.values : [] };
  }

  /** Generates one model of a generator template and shows its LP text; returns it (null on a bad parameter). */
  showGenerated(index: number, size: number, instanceSeed: number): GeneratedModel | null {
    const t = this.templates[index];
    if (t?.kind !== 'generator') return null;
    try {
      const g = generate(t.generator as GeneratorId, { size, instanceSeed, symmetryBreaking: t.symmetryBreaking });
      this.preview = { templateId: t.id, name: g.name, lp: g.lp };
      this.previewError = null;
      return g;
    } catch (e) {
      this.preview = null;
      this.previewError = { ...shownError(e), templateId: t.id };
      return null;
    }
  }

  // ---- option sets -----------------------------------------------------------------------------

  /** Adds an option set with HiGHS's defaults (no changes), to be edited in its option form. */
  addOptionSet(): OptionSetEditor {
    const taken = this.optionSets.map((o) => o.id);
    let n = this.optionSets.length + 1;
    while (taken.includes(`set-${n}`)) n++;
    const set = new OptionSetEditor(`set-${n}`, `option set ${n}`, {}, this.descriptors);
    this.optionSets = [...this.optionSets, set];
    if (!this.optionSets.some((o) => o.id === this.referenceOptionSetId)) this.referenceOptionSetId = set.id;
    return set;
  }

  /** The active blessed set of an editor template (generators by their generator, library models as 'library'), or null. */
  blessedFor(t: TemplateDraft): BlessedSet | null {
    const key = t.kind === 'generator' ? t.generator : t.kind === 'library' ? 'library' : null;
    return key === null ? null : (this.blessed[key] ?? null);
  }

  /**
   * Adds a template's blessed set as an option set named "blessed: <name>" that runs only on that template
   * (and on the other templates of the same generator, or of the library); once: when it is there already,
   * a scoped one is extended to this template. Returns it, or null without one.
   */
  addBlessed(t: TemplateDraft): OptionSetEditor | null {
    const b = this.blessedFor(t);
    if (!b) return null;
    const name = blessedSetName(b);
    const existing = this.optionSets.find((o) => o.name === name);
    if (existing) {
      if (existing.templates && !existing.templates.includes(t.id)) existing.templates = [...existing.templates, t.id];
      return existing;
    }
    const taken = this.optionSets.map((o) => o.id);
    let id = `blessed-${b.template}`;
    for (let n = 2; taken.includes(id); n++) id = `blessed-${b.template}-${n}`;
    const set = new OptionSetEditor(id, name, { ...b.options }, this.descriptors, [t.id]);
    this.optionSets = [...this.optionSets, set];
    return set;
  }

  /** Lets a scoped option set run on every template of the benchmark. */
  runEverywhere(id: string): void {
    const set = this.optionSets.find((o) => o.id === id);
    if (set) set.templates = undefined;
  }

  /** The names of the templates a scoped option set runs on (as the editor names them), or null when it runs on every one. */
  scopeOf(set: OptionSetEditor): string[] | null {
    if (!set.templates) return null;
    return set.templates.map((id) => this.templates.find((t) => t.id === id)?.name ?? id);
  }

  /** Removes an option set; when it was the reference, the first remaining one becomes the reference. */
  removeOptionSet(id: string): void {
    this.optionSets = this.optionSets.filter((o) => o.id !== id);
    if (this.referenceOptionSetId === id) this.referenceOptionSetId = this.optionSets[0]?.id ?? '';
  }

  // ---- saved configurations --------------------------------------------------------------------

  /** Lists the saved configurations. */
  async refreshConfigs(): Promise<void> {
    if (!this.store) return;
    try {
      this.configs = (await this.store.listConfigs()).sort((a, b) => a.name.localeCompare(b.name));
    } catch (e) {
      this.configError = shownError(e);
    }
  }

  /** Saves the definition under `configName` (blank: the benchmark's name), replacing one of that name. */
  async saveConfig(now: number = Date.now()): Promise<boolean> {
    const def = this.definition;
    const name = this.configName.trim() || this.name.trim();
    if (!this.store || !def || !name) {
      this.configError = {
        name: 'InvalidBenchmark',
        message: !this.store
          ? 'saving needs the browser database'
          : !def
            ? 'fix the benchmark first: it cannot be saved with errors'
            : 'give the configuration a name',
      };
      return false;
    }
    try {
      await this.store.saveConfig({ name, savedAt: now, definition: def });
      this.configName = name;
      this.configError = null;
      await this.refreshConfigs();
      return true;
    } catch (e) {
      this.configError = shownError(e);
      return false;
    }
  }

  /** Puts a saved configuration into the editor. */
  loadConfig(name: string): void {
    const c = this.configs.find((x) => x.name === name);
    if (!c) return;
    this.load(c.definition, false);
    this.configName = c.name;
    this.configError = null;
  }

  /** The definition as a configuration file (what `highs-workbench bench` runs), or null (and configError) while it has errors. */
  exportConfigFile(): { name: string; text: string } | null {
    const def = this.definition;
    if (!def) {
      this.configError = {
        name: 'InvalidBenchmark',
        message: 'fix the benchmark first: it cannot be exported with errors',
      };
      return null;
    }
    const name = this.configName.trim() || this.name.trim() || 'benchmark';
    const file = `${name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'benchmark'}.benchmark.json`;
    this.configError = null;
    return { name: file, text: serializeBenchmarkConfigFile(name, def, $state.snapshot(this.fileNames)) };
  }

  /**
   * Reads a configuration file into the editor (as loading a saved one does). Refused, with every error and its
   * path, when it does not read; a files template needs its models stored here already (by SHA-256): a command
   * line's config that names files by path only asks for them to be added first.
   */
  async importConfigFile(file: { name: string; size: number; text(): Promise<string> }): Promise<boolean> {
    const refuse = (errors: readonly string[]) => {
      this.configError = {
        name: 'InvalidConfiguration',
        message: `"${file.name}" cannot be imported: ${errors.slice(0, 10).join('; ')}${errors.length > 10 ? `; and ${errors.length - 10} more` : ''}`,
      };
      return false;
    };
    if (file.size > MAX_CONFIG_BYTES) return refuse([`the file is larger than ${MAX_CONFIG_BYTES / 1024 / 1024} MiB`]);
    const read = parseBenchmarkConfigFile(await file.text(), { libraryFiles: this.libraryFiles ?? undefined });
    if (!read.ok) return refuse(read.errors);
    const { definition, paths } = read.config;
    const missing: string[] = [];
    for (const t of definition.templates) {
      if (t.kind !== 'files') continue;
      if (t.modelIds.length === 0) {
        missing.push(
          `${t.name}: its files are named by path only (${(paths[t.id] ?? []).join(', ')}): add them as model files, then save`,
        );
        continue;
      }
      for (const [k, id] of t.modelIds.entries()) {
        const stored = await this.store?.getModelFile(id).catch(() => undefined);
        if (stored) this.fileNames[id] = stored.name;
        else
          missing.push(`${t.name}: ${paths[t.id]?.[k] ?? id.slice(0, 12)} is not stored in this browser: add the file`);
      }
    }
    if (missing.length > 0) return refuse(missing);
    this.load(definition, false);
    this.configName = read.config.name;
    this.configError = null;
    return true;
  }

  async deleteConfig(name: string): Promise<void> {
    if (!this.store) return;
    try {
      await this.store.deleteConfig(name);
      await this.refreshConfigs();
    } catch (e) {
      this.configError = shownError(e);
    }
  }

  // ---- helpers ---------------------------------------------------------------------------------

  /** A template left (or changed its generator): scoped option sets no longer run on it; one left with no template goes. */
  private unscope(templateId: string): void {
    for (const o of this.optionSets)
      if (o.templates?.includes(templateId)) o.templates = o.templates.filter((x) => x !== templateId);
    for (const o of this.optionSets.filter((x) => x.templates?.length === 0)) this.removeOptionSet(o.id);
  }

  /** Adds the blessed set of each template not offered it yet (once the blessed sets are known). */
  private applyBlessed(): void {
    if (!this.blessedKnown) return;
    for (const t of this.templates) {
      const b = this.blessedFor(t);
      if (!b) continue;
      const key = offerKey(t);
      if (this.blessedOffered.includes(key)) continue;
      this.blessedOffered.push(key);
      this.addBlessed(t);
    }
  }

  /** A template id not yet used: `base`, then `base-2`, … */
  private templateId(base: string): string {
    const taken = this.templates.map((t) => t.id);
    if (!taken.includes(base)) return base;
    let n = Math.max(2, this.nextId);
    while (taken.includes(`${base}-${n}`)) n++;
    this.nextId = n + 1;
    return `${base}-${n}`;
  }

  /** Looks up the names of the user's model files a loaded definition uses. */
  private async learnFileNames(templates: readonly TemplateSpec[]): Promise<void> {
    if (!this.store) return;
    for (const t of templates) {
      if (t.kind !== 'files') continue;
      for (const id of t.modelIds) {
        if (this.fileNames[id]) continue;
        try {
          const f = await this.store.getModelFile(id);
          if (f) this.fileNames[id] = f.name;
        } catch {
          // The name stays the shortened SHA-256; resolving the benchmark reports a missing file.
        }
      }
    }
  }
}
