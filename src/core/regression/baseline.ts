// A baseline: what one finished benchmark of a template under one option set keeps, so any later benchmark
// (or imported report) of that template can be checked against it — the raw runs and models (the verdict
// recomputes every statistic from them), the option set, and the solver and environment they were made on.
import type { BenchmarkConfig, BenchmarkData, BenchmarkModel, BenchmarkRun } from '../benchmark';
import type { OptionValues } from '../options-schema';

/** The option set id every baseline run carries, whatever the benchmark called its set. */
export const BASELINE_OPTION_SET_ID = 'baseline';

// 20 %: the seeds' default. Work counters are exact, so the threshold only says how large a change matters.
/** Default regression threshold, percent: a change of at least this much sets a verdict. */
export const DEFAULT_THRESHOLD_PCT = 20;

/** The machine and browser a baseline (or report) was made on. */
export interface BaselineEnvironment {
  userAgent: string;
  hardwareConcurrency: number;
  crossOriginIsolated: boolean;
}

/** A stored baseline of one template under one option set: the evidence later benchmarks are checked against. */
export interface Baseline {
  id: string;
  template: string;
  optionSet: { name: string; options: OptionValues };
  /** When the baseline was established (ISO 8601). */
  createdAt: string;
  benchmarkId: string;
  benchmarkName: string;
  solver: { name: string; version: string };
  environment: BaselineEnvironment;
  config: BenchmarkConfig;
  /** The template's models that have runs in the baseline. */
  models: BenchmarkModel[];
  /** The runs of those models under the option set, optionSetId rewritten to BASELINE_OPTION_SET_ID. */
  runs: BenchmarkRun[];
  /** Regression threshold of the template, percent (> 0). */
  thresholdPct: number;
}

/** What a baseline needs beyond the benchmark's data: who, when, on what. */
export interface BaselineMeta {
  id: string;
  createdAt: string;
  solver: { name: string; version: string };
  environment: BaselineEnvironment;
  /** Defaults to DEFAULT_THRESHOLD_PCT. */
  thresholdPct?: number;
}

/** Throws a RangeError unless the threshold is a finite percentage > 0 and < 100. */
export function assertThresholdPct(pct: number): void {
  if (!Number.isFinite(pct) || pct <= 0 || pct >= 100)
    throw new RangeError(`the regression threshold must be a percentage above 0 and below 100, got ${pct}`);
}

// A run is finished when the solver gave it a status (optimal, infeasible, a limit, …); a run that failed
// before HiGHS answered (status null) is kept in the baseline, where it counts as unsolved, but a baseline of
// such runs only would be no evidence of anything.
/** Extracts the baseline of one template and option set from a finished benchmark; throws an Error saying what is missing. */
export function baselineFrom(data: BenchmarkData, meta: BaselineMeta, template: string, optionSetId: string): Baseline {
  const thresholdPct = meta.thresholdPct ?? DEFAULT_THRESHOLD_PCT;
  assertThresholdPct(thresholdPct);
  const set = data.optionSets.find((s) => s.id === optionSetId);
  if (!set) {
    const known = data.optionSets.map((s) => `"${s.id}"`).join(', ') || 'none';
    throw new Error(
      `cannot establish a baseline: benchmark "${data.name}" has no option set "${optionSetId}" (it has ${known})`,
    );
  }
  const templateModels = data.models.filter((m) => m.template === template);
  if (templateModels.length === 0)
    throw new Error(`cannot establish a baseline: benchmark "${data.name}" has no model of template "${template}"`);
  const ids = new Set(templateModels.map((m) => m.id));
  const runs = data.runs.filter((r) => r.optionSetId === optionSetId && ids.has(r.modelId));
  if (!runs.some((r) => r.status !== null))
    throw new Error(
      `cannot establish a baseline: benchmark "${data.name}" has no finished run of template "${template}" with option set "${set.name}"`,
    );
  const withRuns = new Set(runs.map((r) => r.modelId));
  return {
    id: meta.id,
    template,
    optionSet: { name: set.name, options: { ...set.options } },
    createdAt: meta.createdAt,
    benchmarkId: data.id,
    benchmarkName: data.name,
    solver: { ...meta.solver },
    environment: { ...meta.environment },
    config: { ...data.config, seeds: [...data.config.seeds] },
    models: templateModels.filter((m) => withRuns.has(m.id)).map((m) => ({ ...m })),
    runs: runs.map((r) => ({ ...r, optionSetId: BASELINE_OPTION_SET_ID })),
    thresholdPct,
  };
}
