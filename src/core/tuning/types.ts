// The tuning vocabulary of the run view: a solve's profile (row groups, memory, timed log lines), the
// phases drawn from it, distributions of repeated solves, deltas against a pinned reference, sweep
// points and ablation rows. Types only; the behaviour is in the modules beside it.
import type { TimeDecision } from '../decision';
import type { RunStatus } from '../model-status';

/** Rows grouped by their name's prefix (rowGroupPrefix): how many and how many nonzeros. */
export interface RowGroup {
  /**
   * The prefix: what the worker drops the group by. '' for the single group of a model without row names (see
   * unnamed), and, among named rows, for the rows whose names start with a digit, `_`, `[` or `(` or are empty.
   */
  prefix: string;
  rows: number;
  nnz: number;
  /** What the group holds when its prefix does not say it (the '' group): "(names starting with a digit)". */
  label?: string;
}

/** The row groups of a model. */
export interface RowGroups {
  groups: RowGroup[];
  /** The model has no row names (or HiGHS's generated ones only): one group of every row, said plainly. */
  unnamed: boolean;
}

/** One log line of a profiled solve with when it arrived (ms since the solve started). */
export interface TimedLine {
  tMs: number;
  line: string;
}

/** What a profiled solve reports beside its result. */
export interface SolveProfile {
  rowGroups: RowGroups;
  memory: {
    /** WASM heap before the model was read, after it was read, and after the solve, bytes. */
    beforeReadBytes: number;
    afterReadBytes: number;
    afterSolveBytes: number;
  };
  /** The solve's log lines with their arrival times (at most PROFILE_MAX_LINES, the phase markers kept). */
  lines: TimedLine[];
  /** The solve's length as the profile measured it, ms (the last phase ends here). */
  solveMs: number;
}

/** One phase of a solve. */
export interface Phase {
  name: 'reading' | 'presolve' | 'solve' | 'postsolve';
  /** ms; null when HiGHS did not report the phase (e.g. presolve off). */
  ms: number | null;
  /** Plain facts of the phase, e.g. presolve's rows, columns and nonzeros removed. */
  details: Record<string, number | string>;
}

/** A distribution of one figure over repeated solves. */
export interface Distribution {
  n: number;
  values: number[];
  min: number;
  q1: number;
  median: number;
  q3: number;
  max: number;
  mean: number;
  /** Standard deviation ÷ mean (0 for one value). */
  cv: number;
}

/** One compared figure of a candidate against the pinned reference. */
export interface Delta {
  /** The figure: 'time', a work counter name, 'objective', 'mipGap', 'memory'. */
  name: string;
  /** A ratio (candidate ÷ reference) for times, counters and memory; a difference for objective and gap. */
  kind: 'ratio' | 'difference';
  /** null when either side has no value. */
  value: number | null;
  /** Real (the one rule for times; changed at all for counters and objective), not real, or null: undetermined. */
  real: boolean | null;
  /** Why it is (not) real, in a few words. */
  why: string;
  /** The time row's decision by the one rule (interval, n, p), for the label beside it. */
  decision?: TimeDecision;
}

/** One point of a one-option sweep: the value and the runs over the chosen seeds. */
export interface SweepPoint {
  value: string | number | boolean;
  timesMs: number[];
  /** The runs' objectives (null where none). */
  objectives: (number | null)[];
  /** The runs' random_seed values, aligned with timesMs (to say which seed ended worse). */
  seeds?: number[];
  /** The runs' MIP dual bounds (null where none), aligned with objectives: they tell the objective sense. */
  dualBounds?: (number | null)[];
  /** Work counters summed per run, e.g. simplex + IPM iterations + MIP nodes (for the chart's second line). */
  work: number[];
  /** Runs that ended with a solved status. */
  solved: number;
}

/**
 * What the model without a group came to: 'optimal' (the objective change means something); 'unbounded',
 * 'infeasible' or 'unbounded-or-infeasible' (the group was what bounded the model, or removing it broke
 * something: no objective to compare); 'other' (stopped early or not proven: no objective to compare);
 * 'failed' (no answer).
 */
export type AblationOutcome = 'optimal' | 'unbounded' | 'infeasible' | 'unbounded-or-infeasible' | 'other' | 'failed';

/** One constraint group's ablation: the model solved without it, against the full model. */
export interface AblationRow {
  /** The group's prefix (what the worker dropped). */
  group: string;
  /** The group's name as shown (groupLabel). */
  label?: string;
  rows: number;
  nnz: number;
  /** Solve time without the group ÷ with it (null when either failed). */
  timeRatio: number | null;
  /** Objective without the group − with it: only when both solves are optimal (null otherwise). */
  objectiveChange: number | null;
  /** The status without the group (a removed group can make a model unbounded). */
  status: RunStatus | string | null;
  /** What the solve without the group came to (see AblationOutcome); absent: not judged. */
  outcome?: AblationOutcome;
  /** The one rule's decision on the time ratio (one solve against one: undetermined); null without a ratio. */
  decision?: TimeDecision | null;
}
