// Template validation in #/parameters: solves N instances of a template with its active blessed set, judges
// readiness for production use (core's productionReadiness) and checks the run against the template's newest
// baseline.
import {
  defaultTargetMs,
  productionReadiness,
  TEMPLATE_VALIDATION_COUNT,
  TEMPLATE_VALIDATION_SET_ID,
  templateValidationBenchmark,
  type Readiness,
} from '../core/parameters';
import { checkAgainstBaseline, DEFAULT_THRESHOLD_PCT, type RegressionCheck } from '../core/regression';
import { benchmarkDataOf } from './report-builder';
import { shownError, type ShownError } from './shown-error';
import { summarizerOf } from './summarizer';
import { runToEnd, type ValidationContext } from './validation-context';

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

/** Rune state of a template validation: its inputs as typed, whether it runs, its last result or why it failed. */
export class TemplateValidationState {
  /** How many instance seeds, as typed. */
  count = $state(String(TEMPLATE_VALIDATION_COUNT));
  /** The time target in ms as typed (blank: the blessed set's default). */
  target = $state('');
  /** Running? */
  validating = $state(false);
  /** The last template validation of the selected template, or null. */
  result = $state.raw<TemplateValidation | null>(null);
  /** Why the template validation could not start or run, or null. */
  error = $state.raw<ShownError | null>(null);

  constructor(private readonly ctx: ValidationContext) {}

  /** The time target a template validation uses, ms: the typed one, else the blessed set's default. */
  get targetMs(): number {
    const t = this.target.trim();
    return t === '' ? defaultTargetMs(this.ctx.blessed.active) : Number(t);
  }

  /** Drops the result, the error and the typed target (another template was picked). */
  reset(): void {
    this.result = null;
    this.error = null;
    this.target = '';
  }

  /** Validates the template's active blessed set (refused with the reason when there is none or an input is wrong). */
  async validate(): Promise<TemplateValidation | null> {
    const { ctx } = this;
    if (ctx.busy()) return null;
    this.error = null;
    const template = ctx.blessed.template;
    const active = ctx.blessed.active;
    const count = Number(this.count.trim());
    const targetMs = this.targetMs;
    const refuse = (message: string): null => {
      this.error = { name: 'Refused', message };
      return null;
    };
    if (!active) return refuse('the template has no blessed set to validate');
    if (!Number.isInteger(count) || count < 1 || count > 50)
      return refuse('the number of instances must be a whole number from 1 to 50');
    if (!Number.isFinite(targetMs) || targetMs <= 0) return refuse('the time target must be a number of ms above 0');
    if (!ctx.runner) return refuse('template validation needs the browser database');
    this.validating = true;
    this.result = null;
    try {
      const files = await ctx.library();
      const def = templateValidationBenchmark(
        template,
        active,
        count,
        targetMs,
        files,
        ctx.services.solver.snapshot().maxWorkers,
      );
      const { id, benchmark: b, runs } = await runToEnd(ctx.runner, def, 'template validation');
      const data = benchmarkDataOf(b, [...runs]);
      const readiness = productionReadiness(data, TEMPLATE_VALIDATION_SET_ID, { targetMs });
      let history: RegressionCheck | null = null;
      let historyNote: string | null = null;
      const store = ctx.services.baselines;
      if (!store) historyNote = 'no baseline yet (baselines need the browser database)';
      else {
        const baselines = await store.list(template);
        const newest = baselines[baselines.length - 1];
        if (!newest) historyNote = 'no baseline yet';
        else
          try {
            const input = {
              baseline: newest,
              candidate: { data, optionSetId: TEMPLATE_VALIDATION_SET_ID, solverVersion: b.solver.version },
              params: { thresholdPct: newest.thresholdPct ?? DEFAULT_THRESHOLD_PCT },
            };
            const summarizer = summarizerOf(ctx.services);
            history = summarizer.checkRegression
              ? await summarizer.checkRegression(input)
              : checkAgainstBaseline(input.baseline, input.candidate, input.params);
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
      if (template === ctx.blessed.template) this.result = result;
      return result;
    } catch (e) {
      this.error = shownError(e);
      return null;
    } finally {
      this.validating = false;
    }
  }
}
