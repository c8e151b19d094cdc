// What the parameter and baseline stores hold: blessed option sets per template with their history
// of promotions and revocations, and performance baselines taken from finished benchmarks. Plain
// data (structured-clone safe), so a backup is these records as they are.
import type { BenchmarkConfig, BenchmarkModel, BenchmarkRun } from '../core/benchmark';
import type { OptionValues } from '../core/options-schema';

/** An option set promoted for a template (model family), with the evidence it was promoted on. */
export interface StoredBlessedSet {
  id: string;
  template: string;
  name: string;
  options: OptionValues;
  /** The name the user typed when approving it. */
  approvedBy: string;
  /** When its validation ran (epoch ms). */
  validatedAt: number;
  /** When it was promoted (epoch ms). */
  promotedAt: number;
  /** The HiGHS version it was validated on. */
  solverVersion: string;
  /** Speedup over what it replaced (ratio of shifted geometric means, with its 95 % interval), null if not measured. */
  speedup: { ratio: number; ci95: [number, number] } | null;
  /** Estimated solve time of the template's instances with it, ms; null if not measured. */
  estimatedSolveMs: number | null;
  /** The benchmark that is its evidence. */
  evidenceBenchmarkId: string;
  /** The set in use for its template: at most one per template is active. */
  active: boolean;
}

/** What happened to a blessed set. */
export type BlessedEventKind = 'promoted' | 'revoked' | 'rolled-back';

/** One entry of a template's blessed-set history (the store assigns `id`, in order). */
export interface StoredBlessedEvent {
  id?: number;
  template: string;
  kind: BlessedEventKind;
  /** Epoch ms. */
  at: number;
  /** Who did it (a name the user typed). */
  by: string;
  setId: string;
  reason?: string;
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
