// A tuning run as it is stored, exported in a report and resumed: what the user asked (template, baseline,
// space, budget, seeds, limit), the instances and their split, the race's whole state, the held-out plan with
// the results so far, and the result once it is known. Plain JSON: IndexedDB keeps it as it is, a report
// carries it, a command line writes the same thing.
import type { TemplateSpec } from '../benchmark';
import type { OptionValues } from '../options-schema';
import type { InstanceSplit } from './instances';
import type { RaceState } from './race-state';
import type { HeldOutPlan, TunerResult } from './result';
import type { SpaceExtension } from './space';
import type { TunerRunResult } from './types';

/** The identifier of a stored or exported tuning run. */
export const TUNING_FORMAT = 'highs-workbench/tuning-run';
/** The version of the tuning-run format. */
export const TUNING_VERSION = 1;

/** What the candidates change from: HiGHS's defaults, or a template's blessed set (its options under every job). */
export type TunerBaseline =
  { kind: 'defaults' } | { kind: 'blessed'; setId: string; name: string; options: OptionValues };

/** What the user asked of a tuning run. */
export interface TunerSettings {
  /** The template tuned: a generator (sizes × instance seeds), library files, or the user's model files. */
  template: TemplateSpec;
  baseline: TunerBaseline;
  /** The search space asked for (core/tuner/space's request; `generator` follows the template's kind). */
  space: { only?: string[]; extend?: SpaceExtension[]; symmetryBreaking?: boolean };
  /** Runs and/or total solve time, ms (null: not limited on that count; at least one is set). */
  budget: { runs: number | null; timeMs: number | null };
  /** HiGHS random_seed values: each instance × seed is a block. */
  seeds: number[];
  /** Every run's time limit, ms, or null for none. */
  timeLimitMs: number | null;
  /** The tuner's own seed: the split, the block order and the sampler. */
  seed: number;
  /** Share of the instances held out (default 1/3). */
  heldOutShare: number;
}

/** One instance of the template: its id in blocks (a readable name, unique in the run) and its bytes' SHA-256. */
export interface TuningInstance {
  id: string;
  name: string;
  sha256: string;
}

/** Where a tuning run stands: running (or interrupted by a reload: it resumes), cancelled, finished, failed. */
export type TuningState = 'running' | 'cancelled' | 'finished' | 'failed';

/** The part of the work a run is in: racing on the tuning blocks, checking the finalists on held-out blocks, done. */
export type TuningPhase = 'race' | 'held-out' | 'done';

/** A tuning run, whole (see the top of this file). */
export interface TuningRecord {
  format: typeof TUNING_FORMAT;
  version: typeof TUNING_VERSION;
  id: string;
  name: string;
  /** ISO 8601. */
  createdAt: string;
  /** ISO 8601: the last time its state was written. */
  updatedAt: string;
  state: TuningState;
  phase: TuningPhase;
  /** Why it failed, or null. */
  error: string | null;
  settings: TunerSettings;
  /** The HiGHS version it ran with (a resume refuses another). */
  solver: { name: string; version: string };
  instances: TuningInstance[];
  split: InstanceSplit;
  race: RaceState;
  /** The held-out plan and the results recorded so far (null while racing). */
  heldOut: { plan: HeldOutPlan; results: TunerRunResult[] } | null;
  result: TunerResult | null;
  /** Wall time spent running, ms (over every session of it). */
  elapsedMs: number;
}
