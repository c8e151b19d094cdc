// What the parameter and baseline stores hold: blessed option sets per template with their history
// of promotions and revocations, and performance baselines taken from finished benchmarks. Plain
// data (structured-clone safe), so a backup is these records as they are.
import type { BenchmarkConfig, BenchmarkModel, BenchmarkRun } from '../benchmark';
import type { OptionValues } from '../options-schema';
import type { BlessedEvent, BlessedSet } from '../parameters/blessed';
import type { RegressionVerdict } from '../regression';

/**
 * An option set promoted for a template, stored as core's BlessedSet (ISO dates, baseline, evidence)
 * plus whether it is the set in use: at most one per template is active.
 */
export interface StoredBlessedSet extends BlessedSet {
  active: boolean;
}

/** What happened to a blessed set. */
export type BlessedEventKind = BlessedEvent['kind'];

/** One entry of a template's blessed-set history: core's BlessedEvent with its template (the store assigns `id`, in order). */
export interface StoredBlessedEvent extends BlessedEvent {
  id?: number;
  template: string;
}

/** A performance baseline of a template and option set, taken from a finished benchmark. */
export interface StoredBaseline {
  id: string;
  template: string;
  optionSetName: string;
  options: OptionValues;
  createdAt: number;
  benchmarkId: string;
  benchmarkName: string;
  solver: { name: string; version: string };
  /** The environment the benchmark ran in, so a later comparison can tell a different machine. */
  environment: { userAgent: string; hardwareConcurrency: number; crossOriginIsolated: boolean };
  config: BenchmarkConfig;
  models: BenchmarkModel[];
  runs: BenchmarkRun[];
  /** Relative change that counts as a regression, percent (default 20). */
  thresholdPct: number;
}

/**
 * The plain summary of one regression check, kept so a template's history outlives a reload: what the
 * history chart and a list show, not the per-model evidence (records stay small).
 */
export interface StoredRegressionCheck {
  id: string;
  template: string;
  /** When the check was made, ISO 8601. */
  checkedAt: string;
  /** When the checked benchmark ran, ISO 8601 (the history's time axis). */
  at: string;
  baselineId: string;
  candidateId: string;
  candidateName: string;
  /** The candidate's option set that was checked. */
  optionSetId: string;
  /** Its name and the canonical text of its options (random_seed aside): the history's series. Absent in checks stored before they existed. */
  optionSetName?: string;
  optionSetKey?: string;
  /** It ran the baseline's options (so the counters could decide). Absent in checks stored before it existed. */
  sameOptions?: boolean;
  solverVersion: string;
  thresholdPct: number;
  verdict: RegressionVerdict;
  /** The noise label of an `unchanged` verdict, or null. */
  label: string | null;
  /** Template-wide wall-time ratio (SGMs) with its bootstrap interval, or null without one. */
  timeRatio: number | null;
  ci95: [number, number] | null;
  /** How many models got each verdict. */
  counts: Record<RegressionVerdict, number>;
}

/** What the user set for one template in #/regressions. */
export interface StoredTemplateSettings {
  template: string;
  /** Relative change that counts as a regression, percent. */
  thresholdPct: number;
}
