// Turning what a solve left behind (a benchmark run, an interactive run record) into one metric point
// with its labels, and the one rule that says whether a solve counts as ok, unsolved or an error.
import { SOLVED_STATUSES, type BenchmarkModel, type BenchmarkRun } from '../benchmark';
import { FAILED, type RunStatus } from '../model-status';
import type { RunRecord } from '../run-record';
import type { SolveOutcome, SolvePoint } from './types';

/**
 * How a solve ended, for success and error rates: 'error' with an error, without a status, with a verdict of
 * wrong/failed or a status that means the solver failed (not-set, solve-error, ...); 'ok' for a solved status
 * (optimal, infeasible, unbounded, ...); else 'unsolved' (time limit, iteration limit, interrupted, ...).
 */
export function solveOutcomeOf(status: string | null, verdict?: string, hasError?: boolean): SolveOutcome {
  if (hasError || status === null || verdict === 'wrong' || verdict === 'failed') return 'error';
  if (FAILED.has(status as RunStatus)) return 'error';
  if ((SOLVED_STATUSES as readonly string[]).includes(status)) return 'ok';
  return 'unsolved';
}

/** A finite number or null, so a NaN or infinite objective never reaches a point. */
function finiteOrNull(x: number | null | undefined): number | null {
  return typeof x === 'number' && Number.isFinite(x) ? x : null;
}

/** A finite, non-negative number or 0, for times, sizes and memory that must stay plain numbers. */
function nonNegative(x: number | null | undefined): number {
  return typeof x === 'number' && Number.isFinite(x) && x > 0 ? x : 0;
}

/** The point of one benchmark run, labelled with its model's template and name and the option set. */
export function solvePointOfBenchmarkRun(
  run: BenchmarkRun,
  model: BenchmarkModel,
  optionSetId: string,
  wasmMemoryBytes: number,
  t: number,
  seq: number,
): SolvePoint {
  return {
    kind: 'solve',
    t,
    seq,
    source: 'benchmark',
    template: model.template,
    model: model.name,
    optionSet: optionSetId,
    status: run.status ?? 'error',
    outcome: solveOutcomeOf(run.status, run.verdict, run.error !== null),
    timeMs: nonNegative(run.timeMs),
    rows: nonNegative(model.rows),
    cols: nonNegative(model.cols),
    nnz: nonNegative(model.nnz),
    wasmMemoryBytes: nonNegative(wasmMemoryBytes),
    objective: finiteOrNull(run.objective),
  };
}

/** The point of one interactive solve (template, option set 'run'); its time is the solve's wall time. */
export function solvePointOfRunRecord(r: RunRecord, t: number, seq: number): SolvePoint {
  return {
    kind: 'solve',
    t,
    seq,
    source: 'run',
    template: 'run',
    model: r.modelName,
    optionSet: 'run',
    status: r.status ?? 'error',
    outcome: solveOutcomeOf(r.status, r.verdict, r.error !== null),
    timeMs: nonNegative(r.times.solveMs),
    rows: nonNegative(r.size?.rows),
    cols: nonNegative(r.size?.cols),
    nnz: nonNegative(r.size?.nnz),
    wasmMemoryBytes: nonNegative(r.wasmMemoryBytes),
    objective: finiteOrNull(r.objective),
  };
}

/** The tie-breaker of points recorded in the same ms (the second half of the store's key), made in one place. */
export function newSeq(): number {
  return Math.random();
}
