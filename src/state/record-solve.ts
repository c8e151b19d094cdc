// The one path from a solve's outcome to a stored run: judge the answer (core's judgeSolve), build the run record
// (solved or failed), store it. The run view's solve, the tuning batches and the tuner all record through it, so a
// run is recorded alike wherever it was solved.
import {
  failedRunRecord,
  judgeSolve,
  solvedRunRecord,
  type RunContext,
  type RunError,
  type RunRecord,
  type SolveFacts,
} from '../core/run-record';
import type { ResultFlag, Verdict } from '../core/result-check';

/** How a solve ended: with HiGHS's result, or with an error after `elapsedMs` (and how it was cancelled, if it was). */
export type SolveOutcome =
  { result: SolveFacts } | { error: RunError; elapsedMs: number; cancelMode?: 'graceful' | 'terminated' | null };

/** Stores one run; resolves to it as stored (with its id), or null when it could not be stored. */
export type StoreRun = (run: RunRecord) => Promise<RunRecord | null>;

/** The recorded run (null when the store could not keep it) and the check of a result (null for a failure). */
export interface RecordedSolve {
  run: RunRecord | null;
  record: RunRecord;
  check: { verdict: Verdict; flags: ResultFlag[] } | null;
}

/** Judges, records and stores one solve's outcome. */
export async function recordSolve(ctx: RunContext, outcome: SolveOutcome, store: StoreRun): Promise<RecordedSolve> {
  if ('result' in outcome) {
    const check = judgeSolve(ctx, outcome.result);
    const record = solvedRunRecord(ctx, outcome.result, check);
    return { run: await store(record), record, check };
  }
  const record = failedRunRecord(ctx, outcome.error, outcome.elapsedMs, outcome.cancelMode ?? null);
  return { run: await store(record), record, check: null };
}
