// What the parameter and baseline stores hold: blessed option sets per template with their history
// of promotions and revocations, and performance baselines taken from finished benchmarks. Plain
// data (structured-clone safe), so a backup is these records as they are.
import type { BenchmarkConfig, BenchmarkModel, BenchmarkRun } from '../core/benchmark';
import type { OptionValues } from '../core/options-schema';
import type { BlessedEvent, BlessedSet } from '../core/parameters/blessed';

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
