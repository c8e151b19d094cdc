// The shapes of a comparison of two benchmarks: A (the baseline) and B (the new side). Every number is
// finite or null, so a comparison can be stored or exported as JSON as it is.
import type { BenchmarkData, CounterName, Speedup, SummaryParameters } from '../benchmark';
import type { DecisionSettings, TimeDecision } from '../decision';
import type { RunStatus } from '../model-status';
import type { Verdict } from '../result-check';
import type { WorkCounters } from '../run-record';

/** One side of a comparison: a benchmark as it is run or as a report carries it. */
export type ComparedBenchmark = BenchmarkData;

/** How the comparison is computed: the summary's parameters plus the objective tolerance. */
export interface CompareParameters extends SummaryParameters {
  /** Relative tolerance beyond which two objectives differ (relativeDifference, scaled by max(1, |A's|)). */
  objectiveTolerance: number;
  /** The decision rule's practical threshold and significance level (core/decision's defaults unless given). */
  decision: DecisionSettings;
}

/** Parameters as given: any of them, the decision rule's settings each on its own. */
export type CompareParameterInput = Partial<Omit<CompareParameters, 'decision'>> & {
  decision?: Partial<DecisionSettings>;
};

/** What compareBenchmarks needs. */
export interface CompareInput {
  /** The baseline. */
  a: ComparedBenchmark;
  /** The new side. */
  b: ComparedBenchmark;
  /** Parameters other than the defaults (those of the stats summary, OBJECTIVE_REL_TOL and the decision rule's). */
  parameters?: CompareParameterInput;
  /** The solver versions that produced A and B (e.g. a report's solver.version), when known. */
  solverVersions?: { a?: string | null; b?: string | null };
  /** Where A and B ran (a report's or stored benchmark's environment), when known: other machines are flagged. */
  environments?: { a?: ComparedEnvironment | null; b?: ComparedEnvironment | null };
}

/** Where a benchmark ran, as a comparison tells two apart: a browser's user agent, or Node with its OS and CPU. */
export interface ComparedEnvironment {
  userAgent: string;
  hardwareConcurrency: number;
  runtime?: 'browser' | 'node';
  os?: string;
  cpu?: string;
}

/** One benchmark's identity in a comparison. */
export interface ComparedSide {
  id: string;
  name: string;
  timeLimitMs: number;
  solverVersion: string | null;
}

/** A model found in both benchmarks (same SHA-256). */
export interface ModelMatch {
  id: string;
  /** A's name. */
  name: string;
  /** B's name (models are matched by content; the names may differ). */
  nameB: string;
  isMip: boolean;
}

/** A model found in one benchmark only. */
export interface UnmatchedModel {
  id: string;
  name: string;
}

/** An option set found in both benchmarks (the same option values, whatever their ids and names). */
export interface OptionSetMatch {
  /** The canonical text of the options (optionSetKey): how the sets were matched; "{}" is the defaults. */
  key: string;
  a: { id: string; name: string; reference: boolean };
  b: { id: string; name: string; reference: boolean };
}

/** An option set of one benchmark without a partner in the other. */
export interface UnmatchedOptionSet {
  key: string;
  id: string;
  name: string;
  /** 'no-match': the other side has no set with these options; 'duplicate-options': an earlier set of this side has them. */
  reason: 'no-match' | 'duplicate-options';
}

/** A work counter's shifted geometric means on both sides and their ratio B ÷ A. */
export interface CounterComparison {
  a: number | null;
  b: number | null;
  /** B ÷ A; 1 when both are 0; null when A's is 0 and B's is not, or a side has no value. */
  ratio: number | null;
}

/** A and B's values of one figure. */
export interface SidePair<T> {
  a: T;
  b: T;
}

/** One matched model under one matched option set. */
export interface PairComparison {
  modelId: string;
  modelName: string;
  optionSetKey: string;
  /** Seeds (HiGHS random_seed) both sides ran; every figure below is over these. */
  seeds: number;
  seedsOnlyInA: number;
  seedsOnlyInB: number;
  /** SGM over the common seeds of each seed's median charged time, ms; null without common seeds. */
  timeMs: SidePair<number | null>;
  /** B ÷ A of timeMs (below 1: B is faster). */
  timeRatio: number | null;
  /** A ÷ B of timeMs (above 1: B is faster). */
  speedup: number | null;
  /** Solved seeds (problems) of the common ones. */
  solved: SidePair<number>;
  counters: Record<CounterName, CounterComparison>;
  /**
   * Whether B's time differs from A's for real, by core/decision's one rule over the model's runs of the
   * common seeds (charged times; paired by seed from MIN_PAIRS seeds up, else unpaired): every label and
   * colour of this pair follows it, never timeRatio alone.
   */
  decision: TimeDecision;
}

/** One matched option set over all matched models. */
export interface OptionSetComparison {
  optionSetKey: string;
  a: { id: string; name: string };
  b: { id: string; name: string };
  /** Matched models with at least one common seed. */
  models: number;
  /** Common (model, seed) problems. */
  problems: number;
  solved: SidePair<number>;
  /** SGM of the common problems' times, ms; null without problems. */
  sgmTimeMs: SidePair<number | null>;
  /** B ÷ A of the SGMs with a 95 % paired bootstrap interval resampling models (below 1: B is faster). */
  timeRatio: Speedup | null;
  /** A ÷ B with its interval, the same resamples (above 1: B is faster). */
  speedup: Speedup | null;
  counters: Record<CounterName, CounterComparison>;
  /**
   * Whether B's time differs from A's for real, by core/decision's one rule over the runs of the common
   * (model, seed) problems, paired by (model, seed): the set's label and colour follow it.
   */
  decision: TimeDecision;
}

/**
 * How a comparison shows a time decision: 'slower'/'faster' only when the rule calls the difference real,
 * 'noise' when it calls it noise or equivalent (within the practical threshold), 'undetermined' otherwise.
 */
export type ComparisonTone = 'slower' | 'faster' | 'noise' | 'undetermined';

/** The tone and the words of a time decision as a comparison labels it (B against A). */
export interface TimeCallLabel {
  tone: ComparisonTone;
  /** E.g. "B slower (real)", "within noise: identical work", "undetermined: 3 more runs a side". */
  text: string;
  /** The evidence shown beside the label: the rule's ratio and interval, p and n. */
  evidence: string;
}

/** The kinds of difference, most serious first within a severity. */
export const DIFFERENCE_KINDS = [
  'objective-changed',
  'status-changed',
  'became-wrong',
  'became-unsolved',
  'counters-changed',
  'became-solved',
  'no-longer-wrong',
] as const;

/** What changed between A and B for one model, option set and seed. */
export type DifferenceKind = (typeof DIFFERENCE_KINDS)[number];

/** How serious a difference is, most serious first. */
export const DIFFERENCE_SEVERITIES = ['error', 'warning', 'info'] as const;

/** How serious a difference is. */
export type DifferenceSeverity = (typeof DIFFERENCE_SEVERITIES)[number];

/** Every work counter a run records. */
export type WorkCounterName = keyof WorkCounters;

/** What one side said for one model, option set and seed: its repetitions counted, one of them shown. */
export interface SideOutcome {
  optionSetId: string;
  repetitions: number;
  solvedRepetitions: number;
  wrongRepetitions: number;
  /** Solved when more than half of the repetitions are (the stats' rule). */
  solved: boolean;
  /** The repetition whose answer is shown: a solved one when solved, else a wrong one, else one with a status. */
  repetition: number;
  status: RunStatus | null;
  objective: number | null;
  mipDualBound: number | null;
  verdict: Verdict;
  counters: Record<WorkCounterName, number | null>;
}

/** One changed work counter. */
export interface CounterChange {
  name: WorkCounterName;
  a: number | null;
  b: number | null;
}

/** A difference between A and B for the same model, option set and seed. */
export interface CorrectnessDifference {
  kind: DifferenceKind;
  severity: DifferenceSeverity;
  modelId: string;
  modelName: string;
  optionSetKey: string;
  seed: number;
  a: SideOutcome;
  b: SideOutcome;
  message: string;
  /** For 'objective-changed': relativeDifference(B's, A's); else null. */
  relativeDifference: number | null;
  /** For 'counters-changed': the counters that differ; else empty. */
  changedCounters: CounterChange[];
}

/** Two benchmarks side by side. */
export interface BenchmarkComparison {
  /** Regressions and contradictions, most serious first (error, warning, info; then by kind); at most MAX_LISTED_DIFFERENCES. */
  differences: CorrectnessDifference[];
  /** Runs that got better in B (became solved, no longer wrong), severity 'info'; at most MAX_LISTED_DIFFERENCES. */
  improvements: CorrectnessDifference[];
  /** Every difference found, counted (also those beyond the listed ones). */
  counts: { error: number; warning: number; info: number; improvements: number; omitted: number };
  a: ComparedSide;
  b: ComparedSide;
  parameters: CompareParameters;
  /** Plain sentences on what limits the comparison (different time limits, solver versions, seeds). */
  notes: string[];
  models: { matched: ModelMatch[]; onlyInA: UnmatchedModel[]; onlyInB: UnmatchedModel[] };
  optionSets: { matched: OptionSetMatch[]; onlyInA: UnmatchedOptionSet[]; onlyInB: UnmatchedOptionSet[] };
  /** One per matched option set, in A's order. */
  summaries: OptionSetComparison[];
  /** Per matched option set (A's order), per matched model (A's order) that either side ran with it. */
  pairs: PairComparison[];
}
