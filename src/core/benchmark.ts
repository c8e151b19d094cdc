// The shapes of a benchmark as the report (a public interface) carries them: config, models,
// option sets, runs and the summary computed from them. Field names here are binding for report
// version 1 (see the README's report section); a change to them is a new report version.
import type { RunStatus } from './model-status';
import type { OptionValues } from './options-schema';
import type { Verdict } from './result-check';
import type { RunError, WorkCounters } from './run-record';

/** Statuses that count as solved (when the run's verdict is not wrong or failed): the solver proved an answer. */
export const SOLVED_STATUSES: readonly RunStatus[] = ['optimal', 'infeasible', 'unbounded', 'unbounded-or-infeasible'];

/** The work counters a benchmark summarises, in report order. */
export const COUNTER_NAMES = ['simplexIterations', 'ipmIterations', 'mipNodes', 'mipLpIterations'] as const;

/** One summarised work counter. */
export type CounterName = (typeof COUNTER_NAMES)[number];

/** How a benchmark is run. */
export interface BenchmarkConfig {
  /** Time limit per run, ms (passed to HiGHS as time_limit; a run that hits it is charged this). */
  timeLimitMs: number;
  /** HiGHS random_seed values (not the generators' seeds). */
  seeds: number[];
  repetitions: number;
  /** An untimed first solve of each model with each option set on each worker before timed runs. */
  warmup: boolean;
}

/** One model of a benchmark, identified by the SHA-256 of its bytes. */
export interface BenchmarkModel {
  id: string;
  name: string;
  /** The template (model family) it belongs to. */
  template: string;
  /** The generator's size (its natural count) for generated models, else null. */
  size: number | null;
  rows: number;
  cols: number;
  nnz: number;
  integers: number;
  knownObjective: number | null;
}

/** A named option set compared in a benchmark. */
export interface OptionSet {
  id: string;
  name: string;
  /** Options that differ from HiGHS's defaults ({} is the defaults). */
  options: OptionValues;
  /**
   * The templates (their ids in this benchmark) it runs on, e.g. a template's blessed set on its own template;
   * absent: every template. Absent in definitions and reports made before it existed.
   */
  templates?: string[];
}

/** Does this option set run on a model of this template (the set's `templates`, or every template when it has none)? */
export function optionSetRunsOn(set: Pick<OptionSet, 'templates'>, template: string): boolean {
  return !set.templates || set.templates.includes(template);
}

/** What a benchmark was run for: `validation` for #/parameters' validation benchmarks (absent: an ordinary benchmark). */
export type BenchmarkPurpose = 'validation';

/** The purposes a benchmark may name (the report accepts exactly these). */
export const BENCHMARK_PURPOSES: readonly BenchmarkPurpose[] = ['validation'];

/** One run of a benchmark: one model, one option set, one seed, one repetition. */
export interface BenchmarkRun {
  modelId: string;
  optionSetId: string;
  seed: number;
  repetition: number;
  /** HiGHS's model status; null when the run failed without one (error says why). */
  status: RunStatus | null;
  objective: number | null;
  /** The MIP dual bound HiGHS reported, for MIPs; else null. */
  mipDualBound: number | null;
  /** Wall time of the solve, ms. */
  timeMs: number;
  counters: WorkCounters;
  /** Largest bound violation of the returned solution, computed in core from the model; null without a solution. */
  maxBoundViolation: number | null;
  /** Largest row violation of the returned solution, computed in core from the model; null without a solution. */
  maxRowViolation: number | null;
  verdict: Verdict;
  error: RunError | null;
  /**
   * A MIP run's bounds over time, thinned to at most GAP_TRACE_MAX_POINTS points (first, last and where the
   * gap moved most); absent for LPs, failed runs and runs recorded before the field existed.
   */
  gapTrace?: GapTracePoint[] | null;
  /**
   * HiGHS's own largest primal infeasibility of the returned solution (info max_primal_infeasibility), shown
   * beside core's maxBoundViolation and maxRowViolation; null without a solution or a finite value, absent
   * in runs recorded before the field existed.
   */
  highsMaxPrimalInfeasibility?: number | null;
}

// A tuple, not an object, to keep a 10,000-run report small: 4 numbers per point, no repeated keys.
/** One point of a run's gap trace: [ms since the solve started, relative gap (0.01 = 1 %), primal bound, dual bound]. */
export type GapTracePoint = [tMs: number, gap: number | null, primal: number | null, dual: number | null];

/** The most points a run's gap trace keeps (enough for a curve's shape; 32 × 4 numbers per MIP run in a report). */
export const GAP_TRACE_MAX_POINTS = 32;

/** A benchmark's raw data: what a report carries beside its summary, and what a comparison takes. */
export interface BenchmarkData {
  id: string;
  name: string;
  config: BenchmarkConfig;
  /** The option set the others are compared with. */
  referenceOptionSetId: string;
  models: BenchmarkModel[];
  optionSets: OptionSet[];
  runs: BenchmarkRun[];
  /** When it started where it ran (ISO 8601); absent in reports written before it existed. */
  startedAt?: string;
  /** What it was run for; absent: an ordinary benchmark. */
  purpose?: BenchmarkPurpose;
}

/** How far a scaling fit can be read (see stats/scaling.ts): 'ok', 'poor' (R² too low) or 'two-sizes' (R² 1 by construction). */
export type ScalingFitQuality = 'ok' | 'poor' | 'two-sizes';

/** A least-squares fit of log(time) against log(size) for one generator template and option set. */
export interface ScalingFit {
  template: string;
  /** The slope on log–log axes: time grows like size^exponent. */
  exponent: number;
  r2: number;
  /** The sizes fitted: those where every problem was solved. */
  sizes: number[];
  // The three fields below were added within report version 1: absent in files written before them.
  /** Sizes left out of the fit because a problem there was unsolved (charged the limit, a censored time). */
  censoredSizes?: number[];
  /** The unsolved problems at those sizes. */
  censoredProblems?: number;
  /** 'poor': R² below POOR_FIT_R2, do not read the exponent; 'two-sizes': the line passes through both points. */
  quality?: ScalingFitQuality;
}

/** A ratio with its 95 % bootstrap confidence interval. */
export interface Speedup {
  /** The reference's shifted geometric mean ÷ this set's (above 1: faster). */
  ratio: number;
  ci95: [number, number];
}

/** The summary of one option set. */
export interface OptionSetSummary {
  optionSetId: string;
  /** Shifted geometric mean of the problems' times (unsolved charged the time limit), ms; null without problems. */
  sgmTimeMs: number | null;
  solved: number;
  problems: number;
  /** Against the reference set; null for the reference itself. */
  speedup: Speedup | null;
  scaling: ScalingFit[];
  /** Shifted geometric mean of each work counter over the problems (with its own shift); null without problems. */
  counters: Record<CounterName, number | null>;
}

/** How the summary was computed, so anyone can recompute it from the raw runs. */
export interface SummaryParameters {
  /** The shift of the shifted geometric mean of times, ms. */
  shiftMs: number;
  /** The shift of each counter's shifted geometric mean. */
  counterShifts: Record<CounterName, number>;
  bootstrap: { seed: number; resamples: number };
}

/** A template (model family) of a benchmark: built-in library files, the user's files (by SHA-256), or a generator. */
export type TemplateSpec =
  | { kind: 'library'; id: string; name: string; files: string[] }
  | { kind: 'files'; id: string; name: string; modelIds: string[] }
  | {
      kind: 'generator';
      id: string;
      name: string;
      /** A generator id of src/core/templates. */
      generator: string;
      sizes: number[];
      /** The generator's seeds (which instance), not HiGHS's random_seed. */
      instanceSeeds: number[];
      symmetryBreaking: boolean;
    };

/** Everything needed to run a benchmark again: what to solve, with which option sets, how. */
export interface BenchmarkDefinition {
  name: string;
  templates: TemplateSpec[];
  optionSets: OptionSet[];
  referenceOptionSetId: string;
  config: BenchmarkConfig;
  /** Workers to use (the pool's ceiling while the benchmark runs). */
  workers: number;
}
