// One row of the constraint-group ablation: the model solved without a group against the full model. The
// time ratio comes with the one rule's label (core/decision): a single solve against a single solve decides
// nothing about time, so every ratio says "undetermined" beside it rather than passing noise off as a cost.
// The objective change is given only when both solves are optimal: a model that becomes unbounded or
// infeasible without the group has no objective to compare (HiGHS still reports a number), and says so.
import { decideTime, type TimeDecision } from '../decision';
import type { RunStatus } from '../model-status';
import { groupLabel } from './row-groups';
import type { AblationOutcome, AblationRow, RowGroup } from './types';

/** One solve of the ablation, as the row needs it. */
export interface AblationSolve {
  status: RunStatus | null;
  objective: number | null;
  /** Solve time, ms. */
  timeMs: number;
  /** The solve failed (an error, no answer). */
  failed: boolean;
  seed: number;
  counters: Readonly<Record<string, number>> | null;
}

/** The outcomes that mean "without this group the model is not a bounded, feasible problem". */
export const BROKEN_OUTCOMES: readonly AblationOutcome[] = ['unbounded', 'infeasible', 'unbounded-or-infeasible'];

/** What a solve came to (see AblationOutcome). */
export function ablationOutcome(solve: AblationSolve | null): AblationOutcome {
  if (!solve || solve.failed || solve.status === null) return 'failed';
  switch (solve.status) {
    case 'optimal':
    case 'unbounded':
    case 'infeasible':
    case 'unbounded-or-infeasible':
      return solve.status;
    default:
      return 'other';
  }
}

/** The one rule on one solve without the group against one solve of the full model (different models: never "identical work"). */
export function ablationDecision(full: AblationSolve, without: AblationSolve): TimeDecision {
  const timed = (s: AblationSolve) => ({ timeMs: s.timeMs, model: 'ablation', seed: s.seed, counters: s.counters });
  return decideTime([timed(full)], [timed(without)], { sameOptions: false, sameSolver: true });
}

/** The ablation row of one group from the full model's solve and the solve without the group. */
export function ablationRow(group: RowGroup, full: AblationSolve | null, without: AblationSolve | null): AblationRow {
  const outcome = ablationOutcome(without);
  const fullOk = full !== null && !full.failed;
  const timed = fullOk && without !== null && !without.failed && full.timeMs > 0;
  const bothOptimal = fullOk && full.status === 'optimal' && outcome === 'optimal';
  return {
    group: group.prefix,
    label: groupLabel(group),
    rows: group.rows,
    nnz: group.nnz,
    timeRatio: timed ? without!.timeMs / full!.timeMs : null,
    objectiveChange:
      bothOptimal && full.objective !== null && without!.objective !== null
        ? without!.objective - full.objective
        : null,
    status: without?.status ?? null,
    outcome,
    decision: timed ? ablationDecision(full!, without!) : null,
  };
}

/** Rows sorted by time ratio, the costliest group (lowest ratio without it) first; rows without a ratio last. */
export function sortAblationRows(rows: readonly AblationRow[]): AblationRow[] {
  return [...rows].sort((a, b) =>
    a.timeRatio === null ? (b.timeRatio === null ? 0 : 1) : b.timeRatio === null ? -1 : a.timeRatio - b.timeRatio,
  );
}
