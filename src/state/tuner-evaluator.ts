// The racing tuner's evaluator over the solver pool (core/tuner's Evaluate): each job's instance built or read
// (through `instance`, so generator templates, the library and the user's files all fit), solved with the job's
// options, random_seed and time limit as a batch job, its solution checked against the model in core, its answer
// judged by the one path every solve is recorded through (recordSolve: the known objective, the expected status,
// NaN, a model misread) — a wrong answer is no answer (an error: it ranks last, and a candidate with one is
// quarantined) — and the outcome answered in the race's terms. A plain module (no runes): the #/tune state and a
// command line use it. Its runs are kept in the tuning record, not in the run history.
import { MAX_ERROR_CHARS, type Evaluate, type TunerJob, type TunerRunResult } from '../core/tuner';
import type { OptionValues } from '../core/options-schema';
import type { ModelPayload } from '../solver/protocol';
import type { ModelOrigin } from '../core/run-record';
import type { Solver } from './ports';
import { shownError } from './shown-error';
import { recordSolve } from './record-solve';

/** Bound and row violations above this make a returned solution infeasible (as the regression checks judge it). */
export const FEASIBILITY_TOLERANCE = 1e-6;

/** What the evaluator needs: the pool, and an instance's bytes by its id (with the generator's switch). */
export interface TunerEvaluatorDeps {
  solver: Pick<Solver, 'submit'>;
  instance: (id: string, symmetryBreaking: boolean) => Promise<ModelPayload>;
  /** Every job is submitted under this batch id, so one cancelBatch stops the tuner's runs. */
  batchId: string;
  /** What is known about an instance (its name, known objective, expected status) for judging its answers. */
  known?: (id: string) => InstanceFacts | undefined;
}

/** What is known about one instance, to judge an answer on it. */
export interface InstanceFacts {
  name: string;
  origin: ModelOrigin;
  knownObjective: number | null;
  expectedStatus: string | null;
}

/** The HiGHS options of a job: its changes and seed, and its time limit in seconds. */
export function jobOptions(job: TunerJob): OptionValues {
  return job.timeLimitMs === null ? { ...job.options } : { ...job.options, time_limit: job.timeLimitMs / 1000 };
}

/** The tuner's evaluator over the pool; a failed solve is an answer (status null-like: error), a cancelled one rejects. */
export function poolEvaluator(deps: TunerEvaluatorDeps): Evaluate {
  return async (job, signal) => {
    const model = await deps.instance(job.instance, job.symmetryBreaking);
    const pj = deps.solver.submit(model, jobOptions(job), {
      priority: 'batch',
      batchId: deps.batchId,
      captureLog: false,
      checkSolution: true,
    });
    const onAbort = () => pj.cancel();
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      const r = await pj.result;
      const facts = deps.known?.(job.instance);
      const judged = await recordSolve(
        {
          createdAt: 0,
          modelId: job.instance,
          modelName: facts?.name ?? job.instance,
          origin: facts?.origin ?? 'file',
          options: jobOptions(job),
          knownObjective: facts?.knownObjective ?? null,
          expectedStatus: facts?.expectedStatus ?? null,
          highsVersion: '',
        },
        { result: r },
        async () => null,
      );
      const wrong =
        judged.check?.verdict === 'wrong'
          ? `wrong answer: ${judged.check.flags
              .filter((f) => f.severity === 'error')
              .map((f) => f.message)
              .join('; ')}`
          : null;
      const check = r.solutionCheck;
      const out: TunerRunResult = {
        jobId: job.id,
        status: r.status,
        timeMs: r.times.solveMs,
        objective: r.objective,
        dualBound: r.mipDualBound,
        counters: { ...r.counters },
        feasible: check
          ? check.maxBoundViolation <= FEASIBILITY_TOLERANCE && check.maxRowViolation <= FEASIBILITY_TOLERANCE
          : null,
        error:
          (r.runStatus === 'error' ? (r.runError ?? 'HiGHS returned an error') : wrong)?.slice(0, MAX_ERROR_CHARS) ??
          null,
      };
      return out;
    } catch (e) {
      const err = shownError(e);
      if (err.name === 'Cancelled' || signal?.aborted) throw e; // not an answer: the race asks again on resume
      return {
        jobId: job.id,
        status: 'solve-error',
        timeMs: 0,
        objective: null,
        dualBound: null,
        counters: null,
        feasible: null,
        error: `${err.name}: ${err.message}`.slice(0, MAX_ERROR_CHARS),
      };
    } finally {
      signal?.removeEventListener('abort', onAbort);
    }
  };
}
