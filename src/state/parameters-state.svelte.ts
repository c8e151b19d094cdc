// The #/parameters view's state: per template (a generator, or the library), its blessed option sets
// and their history; a candidate option set edited in the run view's option form (or imported from an
// options file or JSON), checked against HiGHS's option descriptions, then measured on a small
// benchmark against the current blessed set (or the defaults); promotion, revocation, rollback, a
// diff of two sets, and the sets as HiGHS options files and JSON.
import type { BenchmarkDefinition, OptionSet, TemplateSpec } from '../core/benchmark';
import { DEFAULT_LIBRARY_FILES } from '../core/default-benchmark';
import { parseLibrary } from '../core/library';
import type { OptionDescriptor, OptionValues } from '../core/options-schema';
import { formatBytes } from '../core/format';
import {
  activeSetId,
  blessedSetFromValidation,
  capErrors,
  MAX_OPTIONS_FILE_BYTES,
  canPromote,
  diffOptionSets,
  optionSetFromJson,
  optionSetToJson,
  parseOptionsFile,
  productionReadiness,
  promote,
  revoke,
  rollBack,
  serializeOptionsFile,
  validateCandidate,
  validationTime,
  type BlessedHistory,
  type BlessedSet,
  type OptionIssue,
  type OptionSetDiff,
  type Readiness,
  type ValidationResult,
} from '../core/parameters';
import { checkAgainstBaseline, DEFAULT_THRESHOLD_PCT, type RegressionCheck } from '../core/regression';
import { GENERATORS, generatorInfo } from '../core/templates';
import type { StoredBlessedEvent, StoredBlessedSet } from '../storage/parameter-types';
import { BenchmarkRunner } from './benchmark-runner.svelte';
import { OptionsState } from './options-state.svelte';
import { benchmarkDataOf } from './report-builder';
import type { AppServices } from './ports';
import { shownError, type ShownError } from './shown-error';
import { summarizerOf } from './summarizer';

/** A template option sets are blessed for: a generator id, or 'library' (the built-in models), as the benchmark editor names them. */
export interface ParameterTemplate {
  id: string;
  name: string;
}

/** The templates of the view: every generator, then the library. */
export const PARAMETER_TEMPLATES: readonly ParameterTemplate[] = [
  ...GENERATORS.map((g) => ({ id: g.id, name: g.name })),
  { id: 'library', name: 'Library models' },
];

/**
 * The candidate's work ÷ the reference's: the largest ratio over the work counters' shifted geometric means that
 * either side has (a counter that is 0 on both sides, e.g. IPM iterations of a MIP, is skipped); null when none.
 */
export function workRatioOf(
  cand: Readonly<Record<string, number | null>>,
  ref: Readonly<Record<string, number | null>>,
): number | null {
  let worst: number | null = null;
  for (const name of Object.keys(cand)) {
    const c = cand[name];
    const r = ref[name];
    if (c === null || r === null || (c === 0 && r === 0)) continue;
    const ratio = r === 0 ? Infinity : c / r;
    worst = worst === null ? ratio : Math.max(worst, ratio);
  }
  return worst;
}

/** How many of a generator's default sizes the validation benchmark uses (the smallest). */
export const VALIDATION_SIZES = 2;
/** HiGHS random_seed values of the validation benchmark. */
export const VALIDATION_SEEDS: readonly number[] = [1, 2];
/** Time limit per run of the validation benchmark, ms. */
export const VALIDATION_TIME_LIMIT_MS = 10_000;

/** The template of a benchmark editor's template (a generator's id, 'library'), or null (the user's files have none). */
export function parameterTemplateOf(t: { kind: string; generator?: string }): string | null {
  if (t.kind === 'generator') return t.generator ?? null;
  return t.kind === 'library' ? 'library' : null;
}

/**
 * The small benchmark that measures a candidate for a template: the generator's smallest default
 * sizes (one instance) or the library's default models; the reference (current blessed set or the
 * defaults) first, then the candidate; two random_seed values, warm-up on.
 */
export function validationBenchmark(
  template: string,
  reference: OptionSet,
  candidate: OptionValues,
  libraryFiles: readonly string[],
  workers: number,
): BenchmarkDefinition {
  const g = generatorInfo(template);
  let spec: TemplateSpec;
  if (g)
    spec = {
      kind: 'generator',
      id: g.id,
      name: g.name,
      generator: g.id,
      sizes: g.defaultSizes.slice(0, VALIDATION_SIZES),
      instanceSeeds: [1],
      symmetryBreaking: false,
    };
  else {
    const files = DEFAULT_LIBRARY_FILES.filter((f) => libraryFiles.includes(f));
    spec = {
      kind: 'library',
      id: 'library',
      name: 'Library models',
      files: files.length ? files : libraryFiles.slice(0, 3),
    };
  }
  return {
    name: `validate ${template} candidate`,
    templates: [spec],
    optionSets: [
      { id: 'reference', name: reference.name, options: { ...reference.options } },
      { id: 'candidate', name: 'candidate', options: { ...candidate } },
    ],
    referenceOptionSetId: 'reference',
    config: { timeLimitMs: VALIDATION_TIME_LIMIT_MS, seeds: [...VALIDATION_SEEDS], repetitions: 1, warmup: true },
    workers: Math.max(1, workers),
  };
}

/** How many instance seeds a template validation solves by default. */
export const TEMPLATE_VALIDATION_COUNT = 5;
/** The time target of a template validation by default: this × the blessed set's estimated solve time. */
export const TEMPLATE_TARGET_FACTOR = 3;
/** The time target when the blessed set has no estimated solve time, ms. */
export const TEMPLATE_TARGET_FALLBACK_MS = 5_000;
/** The option set id of the blessed set in a template validation benchmark. */
export const TEMPLATE_VALIDATION_SET_ID = 'blessed';

/**
 * The benchmark of a template validation: the blessed set alone on N instances of the template — a
 * generator's smallest VALIDATION_SIZES default sizes with instance seeds 1..N, or the library's default
 * models; one random_seed, warm-up on, a time limit of at least twice the target.
 */
export function templateValidationBenchmark(
  template: string,
  blessed: { name: string; options: OptionValues },
  count: number,
  targetMs: number,
  libraryFiles: readonly string[],
  workers: number,
): BenchmarkDefinition {
  const def = validationBenchmark(template, { id: 'reference', name: '', options: {} }, {}, libraryFiles, workers);
  const templates = def.templates.map((t) =>
    t.kind === 'generator' ? { ...t, instanceSeeds: Array.from({ length: count }, (_, i) => i + 1) } : t,
  );
  return {
    name: `validate template ${template}`,
    templates,
    optionSets: [{ id: TEMPLATE_VALIDATION_SET_ID, name: `blessed: ${blessed.name}`, options: { ...blessed.options } }],
    referenceOptionSetId: TEMPLATE_VALIDATION_SET_ID,
    config: {
      timeLimitMs: Math.max(VALIDATION_TIME_LIMIT_MS, Math.ceil(2 * targetMs)),
      seeds: [VALIDATION_SEEDS[0]],
      repetitions: 1,
      warmup: true,
    },
    workers: Math.max(1, workers),
  };
}

/** The default time target of a blessed set's template validation, ms. */
export function defaultTargetMs(set: Pick<BlessedSet, 'estimatedSolveMs'> | null): number {
  const est = set?.estimatedSolveMs;
  return est && est > 0 ? Math.ceil(est * TEMPLATE_TARGET_FACTOR) : TEMPLATE_TARGET_FALLBACK_MS;
}

/** What a template validation found: readiness, and the check against the template's newest baseline (or why none). */
export interface TemplateValidation {
  template: string;
  setName: string;
  benchmarkId: string;
  readiness: Readiness;
  /** The check against the newest baseline, or null (see historyNote). */
  history: RegressionCheck | null;
  /** "no baseline yet", or why the check could not be made; null when it was. */
  historyNote: string | null;
}

/** An epoch time as ISO 8601, as core's blessed sets carry dates. */
const isoOf = (ms: number): string => new Date(ms).toISOString();

/** The file name an exported set gets: `<template>-<name>` with anything but letters, digits, '-' and '_' made '-'. */
export function exportFileName(template: string, name: string, ext: string): string {
  const safe = `${template}-${name}`.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/-+/g, '-');
  return `${safe}.${ext}`;
}

/** The core history of stored sets and events. */
function historyOf(
  template: string,
  sets: readonly StoredBlessedSet[],
  events: readonly StoredBlessedEvent[],
): BlessedHistory {
  return {
    template,
    sets: sets.map(({ active: _a, ...s }) => s),
    events: events.map(({ id: _i, template: _t, ...e }) => e),
  };
}

/** Where the candidate is: idle, measuring its benchmark, or done (a result to show). */
export type ValidationPhase = 'idle' | 'measuring' | 'done';

/**
 * Runs `def` through `runner` to its end, stored as a validation (kept apart from the user's benchmarks in
 * #/reports and #/regressions): the stored benchmark and its runs; throws the runner's error, or how the run ended.
 */
async function runToEnd(runner: BenchmarkRunner, def: BenchmarkDefinition, what: string) {
  const id = await runner.start(def, { purpose: 'validation' });
  const benchmark = runner.benchmark;
  if (!id || !benchmark || runner.state !== 'finished') {
    throw runner.error
      ? Object.assign(new Error(runner.error.message), { name: runner.error.name })
      : new Error(`the ${what} benchmark ended ${runner.state}`);
  }
  return { id, benchmark, runs: runner.runs };
}

/** Rune state of the parameters view. */
export class ParametersState {
  template = $state<string>(PARAMETER_TEMPLATES[0].id);
  /** The template's blessed sets, oldest promotion first. */
  sets = $state.raw<StoredBlessedSet[]>([]);
  /** The template's history, oldest first. */
  events = $state.raw<StoredBlessedEvent[]>([]);
  /** HiGHS's option descriptors, once the solver described them. */
  descriptors = $state.raw<OptionDescriptor[]>([]);
  /** The candidate's option form. */
  readonly form = new OptionsState();
  phase = $state<ValidationPhase>('idle');
  /** The last validation (static check and measurement), or null. */
  result = $state.raw<ValidationResult | null>(null);
  /** The name the promoted set gets. */
  name = $state('');
  /** Who approves (promotes, revokes, rolls back). */
  approvedBy = $state('');
  /** Why revoking. */
  revokeReason = $state('');
  /** Why rolling back (asked when a rollback is confirmed). */
  rollbackReason = $state('');
  /** Why the last promotion, revocation or rollback was refused, or null. */
  refusal = $state<string | null>(null);
  /** What the last options-file or JSON import found wrong (file errors name their line). */
  importErrors = $state.raw<string[]>([]);
  /** Storage, solver or benchmark failures. */
  error = $state.raw<ShownError | null>(null);
  /** The two sets diffed: a set id, 'candidate' or 'defaults'. */
  diffA = $state('defaults');
  diffB = $state('candidate');
  /** Template validation: how many instance seeds, as typed. */
  validateCount = $state(String(TEMPLATE_VALIDATION_COUNT));
  /** Template validation: the time target in ms as typed (blank: the blessed set's default). */
  validateTarget = $state('');
  /** Template validation running? */
  validatingTemplate = $state(false);
  /** The last template validation of the selected template, or null. */
  templateValidation = $state.raw<TemplateValidation | null>(null);
  /** Why the template validation could not start or run, or null. */
  templateError = $state.raw<ShownError | null>(null);

  /** The candidate validation's runner (the app asks whether it is busy). */
  readonly runner: BenchmarkRunner | null;
  private libraryFiles: string[] | null = null;
  private started = false;

  constructor(
    private readonly services: AppServices,
    private readonly now: () => number = Date.now,
    private readonly newId: () => string = () => crypto.randomUUID(),
  ) {
    this.runner = services.benchmarks
      ? new BenchmarkRunner({
          solver: services.solver,
          store: services.benchmarks,
          library: services.library,
          observer: services.observer,
        })
      : null;
  }

  /** The active blessed set of the template, or null (the defaults). */
  readonly active: StoredBlessedSet | null = $derived(this.sets.find((s) => s.active) ?? null);

  /** The candidate as typed: changed fields' typed values, or their text when it does not read (validation names it). */
  readonly candidate: Record<string, unknown> = $derived.by(() => {
    const c: Record<string, unknown> = {};
    for (const f of this.form.fields) if (f.changed) c[f.desc.name] = f.value ?? f.input;
    return c;
  });

  /** Progress of the measuring benchmark. */
  get progress(): { done: number; total: number } {
    return { done: this.runner?.done ?? 0, total: this.runner?.total ?? 0 };
  }

  /** The options of a diff side. */
  optionsOf(side: string): OptionValues {
    if (side === 'defaults') return {};
    if (side === 'candidate') return validateCandidate(this.descriptors, this.candidate).options;
    return this.sets.find((s) => s.id === side)?.options ?? {};
  }

  /** The diff of the two picked sets. */
  readonly diff: OptionSetDiff = $derived(diffOptionSets(this.optionsOf(this.diffA), this.optionsOf(this.diffB)));

  /** Loads the descriptors and the first template's sets (once). */
  async load(): Promise<void> {
    if (this.started) return;
    this.started = true;
    void this.services.solver
      .describeOptions()
      .then((d) => {
        this.descriptors = d;
        this.form.setDescriptors(d);
      })
      .catch((e) => (this.error = shownError(e)));
    await this.refresh();
  }

  /** Switches the template: its sets and history; the candidate's result is dropped. */
  async selectTemplate(template: string): Promise<void> {
    this.template = template;
    this.result = null;
    this.templateValidation = null;
    this.templateError = null;
    this.validateTarget = '';
    this.phase = 'idle';
    this.refusal = null;
    await this.refresh();
  }

  /** Reads the template's sets and history again. */
  async refresh(): Promise<void> {
    const store = this.services.parameters;
    if (!store) {
      this.error = { name: 'Unavailable', message: 'blessed sets need the browser database, which is not available' };
      return;
    }
    const template = this.template;
    try {
      const [sets, events] = await Promise.all([store.listBlessed(template), store.history(template)]);
      if (template !== this.template) return;
      this.sets = sets;
      this.events = events;
    } catch (e) {
      this.error = shownError(e);
    }
  }

  /**
   * Validates the candidate: the static check, then (when it passed) its benchmark against the active
   * set or the defaults; the result says valid or not, errors, warnings, speedup, time and correctness.
   */
  async validate(): Promise<ValidationResult | null> {
    if (this.phase === 'measuring' || this.validatingTemplate) return null;
    this.refusal = null;
    this.error = null;
    const template = this.template;
    const check = validateCandidate(this.descriptors, this.candidate);
    const active = this.active;
    const reference: ValidationResult['reference'] = active
      ? { kind: 'blessed', setId: active.id }
      : { kind: 'defaults' };
    const base: ValidationResult = {
      template,
      options: check.options,
      valid: check.valid,
      errors: check.errors,
      warnings: check.warnings,
      reference,
      speedup: null,
      estimatedSolveMs: null,
      correctness: { ok: false, disagreements: 0 },
      baseline: { sgmTimeMs: null, solved: 0, problems: 0 },
      referenceBaseline: null,
      time: null,
      benchmarkId: '',
      solverVersion: this.services.solver.snapshot().runtime?.highsVersion ?? '',
      validatedAt: isoOf(this.now()),
    };
    if (!check.valid || !this.runner) {
      this.result = base;
      this.phase = 'done';
      if (!this.runner) this.error = { name: 'Unavailable', message: 'measuring needs the browser database' };
      return base;
    }
    this.result = null;
    this.phase = 'measuring';
    try {
      const files = await this.library();
      const referenceSet: OptionSet = active
        ? { id: 'reference', name: `blessed: ${active.name}`, options: active.options }
        : { id: 'reference', name: 'HiGHS defaults', options: {} };
      const def = validationBenchmark(
        template,
        referenceSet,
        check.options,
        files,
        this.services.solver.snapshot().maxWorkers,
      );
      const { id, benchmark: b, runs } = await runToEnd(this.runner, def, 'validation');
      const summary = await summarizerOf(this.services).summarize({
        config: b.config,
        models: b.models,
        optionSets: b.optionSets,
        referenceOptionSetId: b.referenceOptionSetId,
        runs,
      });
      const cand = summary.optionSets.find((s) => s.optionSetId === 'candidate');
      const ref = summary.optionSets.find((s) => s.optionSetId === 'reference');
      const wrong = runs.filter((r) => r.optionSetId === 'candidate' && r.verdict === 'wrong').length;
      const disagreements = summary.correctness.disagreements.length + summary.correctness.omitted + wrong;
      const result: ValidationResult = {
        ...base,
        speedup: cand?.speedup ?? null,
        estimatedSolveMs: cand?.sgmTimeMs ?? null,
        correctness: { ok: summary.correctness.consistent && wrong === 0, disagreements },
        baseline: { sgmTimeMs: cand?.sgmTimeMs ?? null, solved: cand?.solved ?? 0, problems: cand?.problems ?? 0 },
        referenceBaseline: ref ? { sgmTimeMs: ref.sgmTimeMs, solved: ref.solved, problems: ref.problems } : null,
        workRatio: cand && ref ? workRatioOf(cand.counters, ref.counters) : null,
        time: validationTime(
          runs,
          { reference: referenceSet, candidate: { id: 'candidate', options: check.options } },
          b.config.timeLimitMs,
        ),
        benchmarkId: id,
        solverVersion: b.solver.version || base.solverVersion,
      };
      if (template === this.template) this.result = result;
      return result;
    } catch (e) {
      this.error = shownError(e);
      this.result = base.valid ? null : base;
      return null;
    } finally {
      this.phase = 'done';
    }
  }

  /** The time target a template validation uses, ms: the typed one, else the blessed set's default. */
  get targetMs(): number {
    const t = this.validateTarget.trim();
    return t === '' ? defaultTargetMs(this.active) : Number(t);
  }

  /**
   * Template validation: solves N instances of the template with its active blessed set, judges readiness for
   * production use (core's productionReadiness) and checks the run against the template's newest baseline.
   */
  async validateTemplate(): Promise<TemplateValidation | null> {
    if (this.validatingTemplate || this.phase === 'measuring') return null;
    this.templateError = null;
    const template = this.template;
    const active = this.active;
    const count = Number(this.validateCount.trim());
    const targetMs = this.targetMs;
    const refuse = (message: string): null => {
      this.templateError = { name: 'Refused', message };
      return null;
    };
    if (!active) return refuse('the template has no blessed set to validate');
    if (!Number.isInteger(count) || count < 1 || count > 50)
      return refuse('the number of instances must be a whole number from 1 to 50');
    if (!Number.isFinite(targetMs) || targetMs <= 0) return refuse('the time target must be a number of ms above 0');
    if (!this.runner) return refuse('template validation needs the browser database');
    this.validatingTemplate = true;
    this.templateValidation = null;
    try {
      const files = await this.library();
      const def = templateValidationBenchmark(
        template,
        active,
        count,
        targetMs,
        files,
        this.services.solver.snapshot().maxWorkers,
      );
      const { id, benchmark: b, runs } = await runToEnd(this.runner, def, 'template validation');
      const data = benchmarkDataOf(b, [...runs]);
      const readiness = productionReadiness(data, TEMPLATE_VALIDATION_SET_ID, { targetMs });
      let history: RegressionCheck | null = null;
      let historyNote: string | null = null;
      const store = this.services.baselines;
      if (!store) historyNote = 'no baseline yet (baselines need the browser database)';
      else {
        const baselines = await store.list(template);
        const newest = baselines[baselines.length - 1];
        if (!newest) historyNote = 'no baseline yet';
        else
          try {
            {
              const input = {
                baseline: newest,
                candidate: { data, optionSetId: TEMPLATE_VALIDATION_SET_ID, solverVersion: b.solver.version },
                params: { thresholdPct: newest.thresholdPct ?? DEFAULT_THRESHOLD_PCT },
              };
              const summarizer = summarizerOf(this.services);
              history = summarizer.checkRegression
                ? await summarizer.checkRegression(input)
                : checkAgainstBaseline(input.baseline, input.candidate, input.params);
            }
          } catch (e) {
            historyNote = `not compared with the baseline: ${shownError(e).message}`;
          }
      }
      const result: TemplateValidation = {
        template,
        setName: active.name,
        benchmarkId: id,
        readiness,
        history,
        historyNote,
      };
      if (template === this.template) this.templateValidation = result;
      return result;
    } catch (e) {
      this.templateError = shownError(e);
      return null;
    } finally {
      this.validatingTemplate = false;
    }
  }

  /** Why the current result cannot be promoted now, or null when it can. */
  get promoteRefusal(): string | null {
    if (!this.result) return 'validate the candidate first';
    const d = canPromote(this.result, this.approvedBy);
    if (!d.ok) return d.reason;
    return this.name.trim() === '' ? 'give the set a name' : null;
  }

  /** Promotes the validated candidate (refused with the reason: failed validation, no approver, …); returns whether it was stored. */
  async promote(): Promise<boolean> {
    const store = this.services.parameters;
    const v = this.result;
    const refusal = this.promoteRefusal;
    if (refusal !== null || !v || !store) {
      this.refusal = refusal ?? 'blessed sets need the browser database';
      return false;
    }
    const now = isoOf(this.now());
    const built = blessedSetFromValidation(v, { id: this.newId(), name: this.name.trim() }, this.approvedBy, now);
    if (!built.ok) return this.refuse(built.reason);
    const change = promote(this.history(), this.active, built.set, this.approvedBy, now);
    if (!change.ok) return this.refuse(change.reason);
    return this.persist(() =>
      store.putBlessed({ ...built.set, active: true }, { ...change.event, template: v.template }),
    );
  }

  /** Revokes a set (the template falls back to the defaults when it was the active one). */
  async revoke(setId: string): Promise<boolean> {
    const store = this.services.parameters;
    const set = this.sets.find((s) => s.id === setId);
    if (!store || !set) return this.refuse('no such blessed set');
    const change = revoke(this.history(), setId, this.approvedBy, isoOf(this.now()), this.revokeReason);
    if (!change.ok) return this.refuse(change.reason);
    return this.persist(async () => {
      await store.putBlessed({ ...set, active: false }, { ...change.event, template: set.template });
      this.revokeReason = '';
    });
  }

  /** Makes an earlier (not revoked) set active again, with `rollbackReason` as why (refused without one). */
  async rollBack(setId: string): Promise<boolean> {
    const store = this.services.parameters;
    if (!store) return this.refuse('blessed sets need the browser database');
    const change = rollBack(this.history(), setId, this.approvedBy, isoOf(this.now()), this.rollbackReason);
    if (!change.ok) return this.refuse(change.reason);
    return this.persist(async () => {
      await store.setActive(this.template, setId, { ...change.event, template: this.template });
      this.rollbackReason = '';
    });
  }

  /** Runs one write of a promotion, revocation or rollback; then clears the refusal and reloads, or shows why it failed. */
  private async persist(write: () => Promise<void>): Promise<boolean> {
    try {
      await write();
      this.refusal = null;
      await this.refresh();
      return true;
    } catch (e) {
      this.error = shownError(e);
      return false;
    }
  }

  /** Is this set active according to the history (the stored flag agrees)? */
  isActive(setId: string): boolean {
    return activeSetId(this.history().events) === setId;
  }

  /** A set (or the candidate) as a HiGHS options file: its name and text; an error when a value cannot be written. */
  optionsFile(setId: string | 'candidate'): { name: string; text: string } | null {
    const { name, options, header } = this.exported(setId);
    try {
      return { name: exportFileName(this.template, name, 'highs.txt'), text: serializeOptionsFile(options, header) };
    } catch (e) {
      this.error = shownError(e);
      return null;
    }
  }

  /** A set (or the candidate) as option-set JSON: its file name and text. */
  optionsJson(setId: string | 'candidate'): { name: string; text: string } {
    const { name, options } = this.exported(setId);
    return { name: exportFileName(this.template, name, 'json'), text: optionSetToJson(name, options) };
  }

  /** Reads a picked options file, refusing one over MAX_OPTIONS_FILE_BYTES before reading it (see importOptions). */
  async importOptionsFile(file: { name: string; size: number; text(): Promise<string> }): Promise<boolean> {
    if (file.size > MAX_OPTIONS_FILE_BYTES) {
      this.importErrors = [
        `${file.name}: the file is ${formatBytes(file.size)}, over the ${formatBytes(MAX_OPTIONS_FILE_BYTES)} limit for an options file (HiGHS has about 200 options: a real options file is a few KB); nothing was read`,
      ];
      return false;
    }
    return this.importOptions(file.name, await file.text());
  }

  /** Reads an options file (or option-set JSON) into the candidate form; errors (with line numbers, at most 50 listed) leave the form as it was. */
  importOptions(fileName: string, text: string): boolean {
    const json = /\.json$/i.test(fileName) || text.trimStart().startsWith('{');
    let options: OptionValues;
    if (json) {
      const r = optionSetFromJson(text, this.descriptors);
      if (!r.ok) {
        this.importErrors = capErrors(r.errors.map((e: OptionIssue) => e.message));
        return false;
      }
      options = r.options;
      if (this.name.trim() === '') this.name = r.name;
    } else {
      const r = parseOptionsFile(text, this.descriptors);
      if (!r.ok) {
        this.importErrors = r.errors;
        return false;
      }
      options = r.options;
    }
    this.importErrors = [];
    this.form.resetAll();
    for (const [k, v] of Object.entries(options)) this.form.set(k, typeof v === 'boolean' ? v : String(v));
    this.result = null;
    this.phase = 'idle';
    return true;
  }

  private exported(setId: string): { name: string; options: OptionValues; header: string[] } {
    if (setId === 'candidate')
      return {
        name: this.name.trim() || 'candidate',
        options: validateCandidate(this.descriptors, this.candidate).options,
        header: [`candidate for template ${this.template}`],
      };
    const s = this.sets.find((x) => x.id === setId);
    if (!s) return { name: 'defaults', options: {}, header: [] };
    return {
      name: s.name,
      options: s.options,
      header: [
        `blessed set "${s.name}" for template ${s.template}`,
        `approved by ${s.approvedBy}, promoted ${s.promotedAt}, HiGHS ${s.solverVersion || 'unknown'}`,
      ],
    };
  }

  private history(): BlessedHistory {
    return historyOf(this.template, this.sets, this.events);
  }

  private refuse(reason: string): false {
    this.refusal = reason;
    return false;
  }

  private async library(): Promise<string[]> {
    if (this.libraryFiles === null) {
      const lib = parseLibrary(await this.services.library.manifest());
      this.libraryFiles = lib.models.map((m) => m.file);
    }
    return this.libraryFiles;
  }
}

/** The active blessed set of every template (for the benchmark editor), keyed by template; failures give none. */
export async function activeBlessedSets(
  services: Pick<AppServices, 'parameters'>,
): Promise<Record<string, BlessedSet>> {
  const store = services.parameters;
  if (!store) return {};
  const out: Record<string, BlessedSet> = {};
  for (const s of await store.listBlessed()) if (s.active) out[s.template] = s;
  return out;
}
