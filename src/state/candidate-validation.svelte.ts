// A candidate option set for a template in #/parameters: edited in the option form (or imported from an
// options file or JSON), checked against HiGHS's option descriptions, then measured on a small benchmark
// against the template's active blessed set (or the defaults); a diff of two sets, and the candidate or a
// set exported as a HiGHS options file or JSON.
import type { OptionSet } from '../core/benchmark';
import { formatBytes } from '../core/format';
import type { OptionDescriptor, OptionValues } from '../core/options-schema';
import {
  capErrors,
  diffOptionSets,
  exportFileName,
  MAX_OPTIONS_FILE_BYTES,
  optionSetFromJson,
  optionSetToJson,
  parseOptionsFile,
  serializeOptionsFile,
  validateCandidate,
  validationBenchmark,
  validationTime,
  workRatioOf,
  type OptionIssue,
  type OptionSetDiff,
  type ValidationResult,
} from '../core/parameters';
import { OptionsState } from './options-state.svelte';
import { shownError } from './shown-error';
import { summarizerOf } from './summarizer';
import { isoOf, runToEnd, type ValidationContext } from './validation-context';

/** Where the candidate is: idle, measuring its benchmark, or done (a result to show). */
export type ValidationPhase = 'idle' | 'measuring' | 'done';

/** Rune state of the candidate: its form, its validation, its diff with other sets, its import and export. */
export class CandidateValidationState {
  /** HiGHS's option descriptors, once the solver described them. */
  descriptors = $state.raw<OptionDescriptor[]>([]);
  /** The candidate's option form. */
  readonly form = new OptionsState();
  phase = $state<ValidationPhase>('idle');
  /** The last validation (static check and measurement), or null. */
  result = $state.raw<ValidationResult | null>(null);
  /** The name the promoted set gets. */
  name = $state('');
  /** What the last options-file or JSON import found wrong (file errors name their line). */
  importErrors = $state.raw<string[]>([]);
  /** The two sets diffed: a set id, 'candidate' or 'defaults'. */
  diffA = $state('defaults');
  diffB = $state('candidate');

  constructor(private readonly ctx: ValidationContext) {}

  /** The candidate as typed: changed fields' typed values, or their text when it does not read (validation names it). */
  readonly candidate: Record<string, unknown> = $derived.by(() => {
    const c: Record<string, unknown> = {};
    for (const f of this.form.fields) if (f.changed) c[f.desc.name] = f.value ?? f.input;
    return c;
  });

  /** The options of a diff side. */
  optionsOf(side: string): OptionValues {
    if (side === 'defaults') return {};
    if (side === 'candidate') return validateCandidate(this.descriptors, this.candidate).options;
    return this.ctx.blessed.sets.find((s) => s.id === side)?.options ?? {};
  }

  /** The diff of the two picked sets. */
  readonly diff: OptionSetDiff = $derived(diffOptionSets(this.optionsOf(this.diffA), this.optionsOf(this.diffB)));

  /** Asks the solver for its option descriptions (for the check and the form); a failure is the view's error. */
  loadDescriptors(): void {
    void this.ctx.services.solver
      .describeOptions()
      .then((d) => {
        this.descriptors = d;
        this.form.setDescriptors(d);
      })
      .catch((e) => (this.ctx.blessed.error = shownError(e)));
  }

  /** Drops the result (another template was picked). */
  reset(): void {
    this.result = null;
    this.phase = 'idle';
  }

  /**
   * Validates the candidate: the static check, then (when it passed) its benchmark against the active
   * set or the defaults; the result says valid or not, errors, warnings, speedup, time and correctness.
   */
  async validate(): Promise<ValidationResult | null> {
    const { ctx } = this;
    const blessed = ctx.blessed;
    if (ctx.busy()) return null;
    blessed.refusal = null;
    blessed.error = null;
    const template = blessed.template;
    const check = validateCandidate(this.descriptors, this.candidate);
    const active = blessed.active;
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
      solverVersion: ctx.services.solver.snapshot().runtime?.highsVersion ?? '',
      validatedAt: isoOf(ctx.now()),
    };
    if (!check.valid || !ctx.runner) {
      this.result = base;
      this.phase = 'done';
      if (!ctx.runner) blessed.error = { name: 'Unavailable', message: 'measuring needs the browser database' };
      return base;
    }
    this.result = null;
    this.phase = 'measuring';
    try {
      const files = await ctx.library();
      const referenceSet: OptionSet = active
        ? { id: 'reference', name: `blessed: ${active.name}`, options: active.options }
        : { id: 'reference', name: 'HiGHS defaults', options: {} };
      const def = validationBenchmark(
        template,
        referenceSet,
        check.options,
        files,
        ctx.services.solver.snapshot().maxWorkers,
      );
      const { id, benchmark: b, runs } = await runToEnd(ctx.runner, def, 'validation');
      const summary = await summarizerOf(ctx.services).summarize({
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
      if (template === blessed.template) this.result = result;
      return result;
    } catch (e) {
      blessed.error = shownError(e);
      this.result = base.valid ? null : base;
      return null;
    } finally {
      this.phase = 'done';
    }
  }

  /** A set (or the candidate) as a HiGHS options file: its name and text; an error when a value cannot be written. */
  optionsFile(setId: string | 'candidate'): { name: string; text: string } | null {
    const { name, options, header } = this.exported(setId);
    try {
      return {
        name: exportFileName(this.ctx.blessed.template, name, 'highs.txt'),
        text: serializeOptionsFile(options, header),
      };
    } catch (e) {
      this.ctx.blessed.error = shownError(e);
      return null;
    }
  }

  /** A set (or the candidate) as option-set JSON: its file name and text. */
  optionsJson(setId: string | 'candidate'): { name: string; text: string } {
    const { name, options } = this.exported(setId);
    return { name: exportFileName(this.ctx.blessed.template, name, 'json'), text: optionSetToJson(name, options) };
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
        header: [`candidate for template ${this.ctx.blessed.template}`],
      };
    const s = this.ctx.blessed.sets.find((x) => x.id === setId);
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
}
