// The #/tune view's state: the form (template, baseline, space, budget, seeds, limit), the tuning run it
// starts through a TunerSession (a plain module that a command line drives too), its live progress, the stored
// runs (a run that was going when the page went away resumes when the view opens, in one tab only), and what a
// user does with a result: validate a set in #/parameters, promote it with the tuning run as evidence, export
// it as a HiGHS options file.
import type { TemplateSpec } from '../core/benchmark';
import { checkInputSize, prepareModel } from '../core/model-input';
import { parseLibrary } from '../core/library';
import type { OptionDescriptor, OptionValue } from '../core/options-schema';
import { parseOptionInput } from '../core/options-schema';
import { serializeOptionsFile } from '../core/parameters';
import { sha256Hex } from '../core/run-record';
import { GENERATORS, generatorInfo, type GeneratorId } from '../core/templates';
import {
  SYMMETRY_DIMENSION,
  blessedTemplateOf,
  buildSpace,
  raceProgress,
  tunedOptions,
  tuningProgress,
  tuningValidation,
  type RaceProgress,
  type SpaceExtension,
  type TunerBaseline,
  type TunerSettings,
  type TuningProgress,
  type TuningRecord,
  type Dimension,
} from '../core/tuner';
import type { StoredBlessedSet } from '../storage/parameter-types';
import { BlessedSetsState } from './blessed-sets-state.svelte';
import type { PickedFile } from './library-state.svelte';
import type { AppServices } from './ports';
import { shownError, type ShownError } from './shown-error';
import { TunerSession } from './tuner-session';
import { buildTuningReport, reportFileName } from './report-builder';
import { environment } from './benchmark-session';
import { summarizerOf } from './summarizer';

/** Where the template's models come from. */
export type TunerTemplateKind = 'generator' | 'library' | 'files';

/** A list of whole numbers typed as "1, 2, 5" (or "1-4"); throws naming the field. */
export function parseWholeList(text: string, field: string, min = 0, max = 2147483647): number[] {
  const out: number[] = [];
  for (const part of text.split(/[\s,]+/).filter(Boolean)) {
    const range = /^(\d+)-(\d+)$/.exec(part);
    const values = range
      ? Array.from({ length: Math.max(0, Number(range[2]) - Number(range[1]) + 1) }, (_, i) => Number(range[1]) + i)
      : [Number(part)];
    for (const v of values) {
      if (!(Number.isSafeInteger(v) && v >= min && v <= max))
        throw Object.assign(new Error(`${field}: '${part}' is not a whole number in ${min}..${max}`), {
          name: 'InvalidSettings',
        });
      if (!out.includes(v)) out.push(v);
    }
    if (out.length > 1000) throw Object.assign(new Error(`${field}: at most 1000 values`), { name: 'InvalidSettings' });
  }
  if (out.length === 0)
    throw Object.assign(new Error(`${field}: give at least one value`), { name: 'InvalidSettings' });
  return out;
}

/** Extra dimensions typed one per line as `name = v1, v2` (or just `name`); throws naming the line. */
export function parseExtensions(
  text: string,
  descriptors: readonly OptionDescriptor[],
  optIn: boolean,
): SpaceExtension[] {
  const out: SpaceExtension[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const [name, rest] = line.split('=').map((x) => x.trim());
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name))
      throw Object.assign(new Error(`extra options, line ${i + 1}: '${name}' is not an option name`), {
        name: 'InvalidSettings',
      });
    if (rest === undefined || rest === '') {
      out.push({ name, optIn });
      return;
    }
    const d = descriptors.find((x) => x.name === name);
    const values: OptionValue[] = [];
    for (const v of rest
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean)) {
      if (!d) values.push(v);
      else {
        const r = parseOptionInput(d, v);
        if (!r.ok)
          throw Object.assign(new Error(`extra options, line ${i + 1}: ${name} = ${v}: ${r.error}`), {
            name: 'InvalidSettings',
          });
        values.push(r.value);
      }
    }
    out.push({ name, values, optIn });
  });
  return out;
}

/** The locks API where the browser has it (a resumed run is taken by one tab only). */
function locks(): LockManager | null {
  return typeof navigator !== 'undefined' && 'locks' in navigator ? navigator.locks : null;
}

/** Rune state of #/tune (see the top of this file). */
export class TunerState {
  // The form.
  kind = $state<TunerTemplateKind>('generator');
  generator = $state<GeneratorId>('knapsack');
  sizes = $state('20, 30, 40');
  instanceSeeds = $state('1-4');
  libraryFiles = $state<string[]>([]);
  /** The user's model files added for the tuner: SHA-256 → name. */
  userFiles = $state<Record<string, string>>({});
  baselineKind = $state<'defaults' | 'blessed'>('defaults');
  /** Names of the default space's dimensions left in (empty until the descriptors are known: all). */
  dimensions = $state<string[]>([]);
  extra = $state('');
  optIn = $state(false);
  symmetryBreaking = $state(false);
  budgetRuns = $state('300');
  budgetSeconds = $state('');
  seeds = $state('0-2');
  timeLimitSeconds = $state('10');
  tunerSeed = $state('1');
  name = $state('');
  /** Who approves a promotion. */
  approvedBy = $state('');

  // What is known.
  descriptors = $state.raw<OptionDescriptor[]>([]);
  library = $state.raw<string[]>([]);
  /** The active blessed set of the picked template, or null. */
  blessed = $state.raw<StoredBlessedSet | null>(null);
  /** Stored tuning runs, newest first. */
  runs = $state.raw<TuningRecord[]>([]);
  /** The run shown: the one running, or one picked from the list. */
  record = $state.raw<TuningRecord | null>(null);
  error = $state.raw<ShownError | null>(null);
  /** A failed write of the running record (the run goes on). */
  saveError = $state.raw<ShownError | null>(null);
  /** What the last promotion did or why it was refused. */
  promotion = $state<{ ok: boolean; message: string } | null>(null);
  starting = $state(false);
  private session: TunerSession | null = null;
  private loaded = false;

  constructor(
    private readonly services: AppServices,
    private readonly openParameters: (template: string, options: Record<string, OptionValue>) => void = () => {},
  ) {}

  /** The id of the run going in this tab, or null. */
  runningId = $state<string | null>(null);

  /** The run shown is running in this tab. */
  get running(): boolean {
    return this.runningId !== null && this.runningId === this.record?.id;
  }

  /** The default space's dimensions for the loaded runtime (the generator switch apart). */
  readonly defaultDimensions: Dimension[] = $derived.by(() => {
    const built = buildSpace(this.descriptors);
    return built.ok ? built.space.dimensions : [];
  });

  /** What the form's template and seeds come to: instances, tuning and held-out blocks; null while the form is wrong. */
  readonly plan: { instances: number; tuningBlocks: number; heldOutBlocks: number } | null = $derived.by(() => {
    try {
      const t = this.template();
      const n =
        t.kind === 'generator'
          ? t.sizes.length * t.instanceSeeds.length
          : t.kind === 'library'
            ? t.files.length
            : t.modelIds.length;
      const seeds = parseWholeList(this.seeds, 'random seeds').length;
      const held = n < 2 ? 0 : Math.min(n - 1, Math.max(1, Math.round(n / 3)));
      return { instances: n, tuningBlocks: (n - held) * seeds, heldOutBlocks: held * seeds };
    } catch {
      return null;
    }
  });

  /** The shown run's race as the view draws it. */
  readonly race: RaceProgress | null = $derived(this.record ? raceProgress(this.record.race) : null);

  /** The shown run's progress bar. */
  readonly progress: TuningProgress | null = $derived.by(() =>
    this.record ? tuningProgress(this.record, this.services.solver.snapshot().maxWorkers) : null,
  );

  /** The template the form describes (throws InvalidSettings naming the field). */
  template(): TemplateSpec {
    if (this.kind === 'generator') {
      const g = generatorInfo(this.generator);
      if (!g)
        throw Object.assign(new Error(`generator: no such generator ${this.generator}`), { name: 'InvalidSettings' });
      return {
        kind: 'generator',
        id: g.id,
        name: g.name,
        generator: g.id,
        sizes: parseWholeList(this.sizes, 'sizes', g.minSize, g.maxSize),
        instanceSeeds: parseWholeList(this.instanceSeeds, 'instance seeds'),
        symmetryBreaking: false,
      };
    }
    if (this.kind === 'library') {
      if (this.libraryFiles.length < 2)
        throw Object.assign(new Error('library: pick at least two models (some are held out)'), {
          name: 'InvalidSettings',
        });
      return { kind: 'library', id: 'library', name: 'Library models', files: [...this.libraryFiles] };
    }
    const ids = Object.keys(this.userFiles);
    if (ids.length < 2)
      throw Object.assign(new Error('model files: add at least two files (some are held out)'), {
        name: 'InvalidSettings',
      });
    return { kind: 'files', id: 'files', name: 'My model files', modelIds: ids };
  }

  /** The blessed-set template of the form's template (as #/parameters names it). */
  blessedTemplate(): string {
    return this.kind === 'generator' ? this.generator : this.kind === 'library' ? 'library' : 'files';
  }

  /** The settings the form describes (throws InvalidSettings naming the field). */
  settings(): TunerSettings {
    const template = this.template();
    const runs = this.budgetRuns.trim() === '' ? null : parseWholeList(this.budgetRuns, 'budget (runs)', 10, 1e6)[0];
    const secs = this.budgetSeconds.trim() === '' ? null : Number(this.budgetSeconds);
    if (secs !== null && !(secs >= 1 && Number.isFinite(secs)))
      throw Object.assign(new Error('budget (seconds): a number ≥ 1'), { name: 'InvalidSettings' });
    const limit = this.timeLimitSeconds.trim() === '' ? null : Number(this.timeLimitSeconds);
    if (limit !== null && !(limit > 0 && Number.isFinite(limit)))
      throw Object.assign(new Error('time limit: a positive number of seconds, or empty for none'), {
        name: 'InvalidSettings',
      });
    let baseline: TunerBaseline = { kind: 'defaults' };
    if (this.baselineKind === 'blessed') {
      const b = this.blessed;
      if (!b)
        throw Object.assign(new Error(`baseline: ${this.blessedTemplate()} has no blessed set; use the defaults`), {
          name: 'InvalidSettings',
        });
      baseline = { kind: 'blessed', setId: b.id, name: b.name, options: { ...b.options } };
    }
    const extend = parseExtensions(this.extra, this.descriptors, this.optIn);
    const all = this.defaultDimensions.map((d) => d.name);
    const kept = this.dimensions.length === 0 ? all : this.dimensions;
    const only =
      kept.length === all.length && extend.length === 0 && !this.symmetryBreaking
        ? undefined
        : [
            ...kept,
            ...extend.map((e) => e.name),
            ...(this.symmetryBreaking && this.kind === 'generator' ? [SYMMETRY_DIMENSION] : []),
          ];
    return {
      template,
      baseline,
      space: {
        ...(only ? { only: only.filter((n, i) => only.indexOf(n) === i) } : {}),
        ...(extend.length ? { extend } : {}),
        ...(this.symmetryBreaking && this.kind === 'generator' ? { symmetryBreaking: true } : {}),
      },
      budget: { runs, timeMs: secs === null ? null : secs * 1000 },
      seeds: parseWholeList(this.seeds, 'random seeds'),
      timeLimitMs: limit === null ? null : limit * 1000,
      seed: parseWholeList(this.tunerSeed, 'tuner seed')[0],
      heldOutShare: 1 / 3,
    };
  }

  /** Loads the descriptors, the library, the stored runs, and resumes a run a reload interrupted (once; later: the runs again). */
  async load(): Promise<void> {
    if (this.loaded) return this.refreshRuns(); // a run may have been imported in #/reports meanwhile
    this.loaded = true;
    try {
      const [descriptors, manifest] = await Promise.all([
        this.services.solver.describeOptions(),
        this.services.library.manifest().then(parseLibrary),
      ]);
      this.descriptors = descriptors;
      this.library = manifest.models.map((m) => m.file);
      if (this.libraryFiles.length === 0)
        this.libraryFiles = manifest.models
          .filter((m) => m.kind !== 'QP')
          .slice(0, 6)
          .map((m) => m.file);
    } catch (e) {
      this.error = shownError(e);
    }
    await Promise.all([this.refreshRuns(), this.refreshBlessed()]);
    const interrupted = this.runs.find((r) => r.state === 'running');
    if (interrupted && !this.session?.running) await this.resume(interrupted.id);
    else if (!this.record && this.runs[0]) this.record = this.runs[0];
  }

  /** Reads the stored runs again. */
  async refreshRuns(): Promise<void> {
    const store = this.services.tuner;
    if (!store) return;
    try {
      this.runs = await store.list();
    } catch (e) {
      this.error = shownError(e);
    }
  }

  /** Reads the active blessed set of the form's template. */
  async refreshBlessed(): Promise<void> {
    const store = this.services.parameters;
    if (!store) return;
    const template = this.blessedTemplate();
    try {
      const sets = await store.listBlessed(template);
      if (template === this.blessedTemplate()) this.blessed = sets.find((s) => s.active) ?? null;
    } catch (e) {
      this.error = shownError(e);
    }
  }

  /** Adds the user's model files (checked as the solver reads them, stored by SHA-256). */
  async addFiles(files: readonly PickedFile[]): Promise<void> {
    const store = this.services.benchmarks;
    if (!store) {
      this.error = { name: 'Unavailable', message: 'model files need the browser database' };
      return;
    }
    this.error = null;
    try {
      for (const f of files) {
        checkInputSize(f.name, f.size);
        const bytes = new Uint8Array(await f.arrayBuffer());
        await prepareModel({ name: f.name, bytes });
        const id = await sha256Hex(bytes);
        await store.putModelFile({ id, name: f.name, bytes, addedAt: Date.now() });
        this.userFiles = { ...this.userFiles, [id]: f.name };
      }
    } catch (e) {
      this.error = shownError(e);
    }
  }

  /** Drops a model file from the tuner's template (the stored file stays). */
  removeFile(id: string): void {
    const { [id]: _gone, ...rest } = this.userFiles;
    this.userFiles = rest;
  }

  /** Starts a tuning run from the form; refused with the field named when the form is wrong. */
  async start(): Promise<void> {
    if (this.session?.running || this.starting) return;
    this.error = null;
    this.promotion = null;
    this.starting = true;
    try {
      const settings = this.settings();
      const session = await TunerSession.create(this.deps(), settings, this.name);
      await this.drive(session);
    } catch (e) {
      this.error = shownError(e);
    } finally {
      this.starting = false;
    }
  }

  /** Resumes a stored run (cancelled, or interrupted by a reload) where it stopped. */
  async resume(id: string): Promise<void> {
    if (this.session?.running) return;
    const store = this.services.tuner;
    const record =
      (await store?.get(id)) ?? this.runs.find((r) => r.id === id) ?? (this.record?.id === id ? this.record : null);
    if (!record) return;
    this.error = null;
    this.record = record;
    await this.drive(new TunerSession(this.deps(), record));
  }

  /** Cancels the running run (what finished is kept; it can be resumed). */
  cancel(): void {
    this.session?.cancel();
  }

  /** Shows a stored run. */
  show(id: string): void {
    const r = this.runs.find((x) => x.id === id);
    if (r) {
      this.record = r;
      this.promotion = null;
    }
  }

  /** Deletes a stored run (not the one running). */
  async remove(id: string): Promise<void> {
    if (this.session?.running && this.session.record.id === id) return;
    try {
      await this.services.tuner?.delete(id);
      if (this.record?.id === id) this.record = null;
      await this.refreshRuns();
    } catch (e) {
      this.error = shownError(e);
    }
  }

  /** A result set as a HiGHS options file: its name and text. */
  optionsFile(setId: string): { name: string; text: string } | null {
    const r = this.record;
    const set = r?.heldOut?.plan.sets.find((s) => s.id === setId);
    if (!r || !set) return null;
    const options = tunedOptions(r, set.changes);
    const text = serializeOptionsFile(options, [
      `found by the tuner for ${r.settings.template.name} (${set.label})`,
      `tuning run ${r.id}, HiGHS ${r.solver.version}`,
    ]);
    return { name: `${blessedTemplateOf(r)}-tuned-${set.id}.set`, text };
  }

  /** The shown run as a report file (the report's optional `tuning` section), or null (and `error`). */
  async exportReport(): Promise<{ name: string; text: string } | null> {
    const r = this.record;
    if (!r) return null;
    try {
      const now = Date.now();
      const text = await summarizerOf(this.services).serializeReport(buildTuningReport([r], now, environment()));
      return { name: reportFileName(now).replace('-report-', '-tuning-'), text };
    } catch (e) {
      this.error = shownError(e);
      return null;
    }
  }

  /** Opens #/parameters with the set as the candidate of its template, to validate it there. */
  validate(setId: string): void {
    const r = this.record;
    const set = r?.heldOut?.plan.sets.find((s) => s.id === setId);
    if (!r || !set) return;
    this.openParameters(blessedTemplateOf(r), tunedOptions(r, set.changes));
  }

  /** Promotes a result set as its template's blessed set, the tuning run its evidence (the blessing flow's refusals apply). */
  async promote(setId: string, name: string): Promise<boolean> {
    const r = this.record;
    this.promotion = null;
    if (!r) return false;
    const v = tuningValidation(r, setId, this.descriptors);
    if (!v) {
      this.promotion = { ok: false, message: 'only a set of a finished tuning run can be promoted' };
      return false;
    }
    const blessed = new BlessedSetsState(this.services);
    blessed.template = v.template;
    blessed.approvedBy = this.approvedBy;
    await blessed.refresh();
    const ok = await blessed.promote(v, name);
    this.promotion = ok
      ? { ok: true, message: `promoted as the blessed set “${name.trim()}” of ${v.template}` }
      : { ok: false, message: blessed.refusal ?? blessed.error?.message ?? 'refused' };
    if (ok) await this.refreshBlessed();
    return ok;
  }

  private deps() {
    return {
      solver: this.services.solver,
      library: this.services.library,
      modelFiles: this.services.benchmarks,
      store: this.services.tuner,
      onSaveError: (e: unknown) => (this.saveError = shownError(e)),
    };
  }

  /**
   * Runs a session under a Web Lock named after its run, so one tab runs a tuning run at a time: a tab that
   * opens #/tune while another runs it (or resumes it) shows the stored record without running it.
   */
  private async drive(session: TunerSession): Promise<void> {
    const l = locks();
    if (!l) return this.driveHeld(session);
    await l.request(`highs-workbench-tuner-${session.record.id}`, { ifAvailable: true }, async (lock) => {
      if (lock) await this.driveHeld(session);
      else this.record = session.record;
    });
  }

  private async driveHeld(session: TunerSession): Promise<void> {
    this.session = session;
    this.record = session.record;
    this.saveError = null;
    const off = session.subscribe((r) => {
      if (this.session === session) this.record = r;
    });
    this.runningId = session.record.id;
    const run = session.run();
    await this.refreshRuns();
    try {
      this.record = await run;
    } finally {
      this.runningId = null;
      off();
      await this.refreshRuns();
    }
  }
}

/** The generators the form offers. */
export const TUNER_GENERATORS = GENERATORS;
