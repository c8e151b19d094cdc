// The tuner's vocabulary, shared by the space, the race and the result: what a candidate changes, what a
// block is, what the race asks an evaluator to run and what the evaluator answers. Plain data only (the
// race's state is JSON, so a reload resumes it).
import type { RunStatus } from '../model-status';
import type { OptionValue, OptionValues } from '../options-schema';

/** A candidate's changes from the defaults: option name (or SYMMETRY_DIMENSION) → value; the baseline is {}. */
export type Changes = Record<string, OptionValue>;

/** One block: an instance of the template solved with one HiGHS random_seed; candidates are ranked within it. */
export interface Block {
  /** The instance's id (a model id, or a generator instance such as `knapsack-n50-s3`). */
  instance: string;
  /** HiGHS's random_seed for every run of this block. */
  seed: number;
}

/** One run the race (or the held-out evaluation) asks for. */
export interface TunerJob {
  /** Unique within its race or plan: `<candidate>@<block>` (held-out: `h:<set>@<block>`). */
  id: string;
  /** The candidate (or held-out set) it runs. */
  candidate: string;
  /** The block's index in the race's (or the plan's) block list. */
  block: number;
  instance: string;
  /** HiGHS random_seed, also set in `options`. */
  seed: number;
  /** The HiGHS options to set: the candidate's option changes and random_seed (the generator switch is apart). */
  options: OptionValues;
  /** Build the instance with the generator's symmetry-breaking constraints (generator templates). */
  symmetryBreaking: boolean;
  /** The run's time limit, ms, or null for none; set it as HiGHS's time_limit. */
  timeLimitMs: number | null;
  /** The limit is the race's cap (the incumbent's time on the block × the cap factor), not the user's limit. */
  capped: boolean;
}

/** What the evaluator reports for one job. */
export interface TunerRunResult {
  jobId: string;
  status: RunStatus;
  /** Wall time of the solve, ms (a run stopped on its limit reports about the limit). */
  timeMs: number;
  objective: number | null;
  /** The MIP dual bound HiGHS reports; null for an LP or when unknown. */
  dualBound: number | null;
  /** Work counters (iterations, nodes); null when unknown. */
  counters: Record<string, number> | null;
  /** The evaluator's verdict on the solution (e.g. solution-check against the model): null when not checked. */
  feasible: boolean | null;
  /** The run failed with an error (no answer). */
  error?: string | null;
}

/** A recorded run, as the race keeps it (numbers finite or null: the state is JSON). */
export interface TunerRun {
  status: RunStatus;
  timeMs: number;
  objective: number | null;
  dualBound: number | null;
  counters: Record<string, number> | null;
  feasible: boolean | null;
  error: string | null;
  /** No usable time: stopped on the cap or the time limit (ranks last on its block). */
  noTime: boolean;
  /** The time limit the run had, ms (null: none). */
  limitMs: number | null;
}
