// What changed between A and B for one model, option set and seed: objectives, statuses, solved or wrong
// answers, and work counters (identical for the same solver, options, model and seed).
import { SOLVED_STATUSES, type BenchmarkRun } from '../benchmark';
import { STOPPED_EARLY, type RunStatus } from '../model-status';
import { inBracket, mipBracket, relativeDifference } from '../result-check';
import { WORK_COUNTER_NAMES } from '../run-record';
import type { Problem } from '../stats/problems';
import type {
  CorrectnessDifference,
  CounterChange,
  DifferenceKind,
  DifferenceSeverity,
  SideOutcome,
  WorkCounterName,
} from './types';

/** The number when it is a finite number, else null (so nothing non-finite leaves the comparison). */
export function finiteOrNull(x: unknown): number | null {
  return typeof x === 'number' && Number.isFinite(x) ? x : null;
}

/** One side's outcome for a seed, with the run it shows (internal: the run is not part of the output). */
export interface Side {
  outcome: SideOutcome;
  run: BenchmarkRun;
}

/** The lower-repetition run of two (the first when equal): a fixed choice whatever the order of the runs. */
const earlier = (x: BenchmarkRun | undefined, y: BenchmarkRun) =>
  x === undefined || y.repetition < x.repetition ? y : x;

// The run shown for a seed: the lowest-repetition solved run when the problem is solved (so its status,
// objective and counters are a solved answer), else the lowest-repetition wrong one when any is wrong, else
// the lowest-repetition run with a status and no error, else the lowest-repetition run.
/** What one side said for one seed: its repetitions (runs, non-empty) counted and one of them shown. */
export function sideOutcome(
  runs: readonly BenchmarkRun[],
  problem: Problem,
  isSolved: (r: BenchmarkRun) => boolean,
): Side {
  let solvedRun: BenchmarkRun | undefined;
  let wrongRun: BenchmarkRun | undefined;
  let answerRun: BenchmarkRun | undefined;
  let anyRun: BenchmarkRun | undefined;
  let wrongRepetitions = 0;
  for (const r of runs) {
    anyRun = earlier(anyRun, r);
    if (isSolved(r)) solvedRun = earlier(solvedRun, r);
    if (r.verdict === 'wrong') {
      wrongRepetitions++;
      wrongRun = earlier(wrongRun, r);
    }
    if (r.status !== null && r.error === null) answerRun = earlier(answerRun, r);
  }
  const run = (problem.solved ? solvedRun : undefined) ?? wrongRun ?? answerRun ?? anyRun!;
  const counters = {} as Record<WorkCounterName, number | null>;
  for (const name of WORK_COUNTER_NAMES) counters[name] = finiteOrNull(run.counters?.[name]);
  return {
    run,
    outcome: {
      optionSetId: run.optionSetId,
      repetitions: problem.repetitions,
      solvedRepetitions: problem.solvedRepetitions,
      wrongRepetitions,
      solved: problem.solved,
      repetition: run.repetition,
      status: run.status,
      objective: finiteOrNull(run.objective),
      mipDualBound: finiteOrNull(run.mipDualBound),
      verdict: run.verdict,
      counters,
    },
  };
}

/** What a run asserts about the optimum: a value (optimal), an interval (a MIP stopped early), or nothing. */
function objectiveClaim(side: Side, isMip: boolean): [number, number] | null {
  const { run, outcome } = side;
  if (run.error !== null || run.verdict === 'failed' || outcome.objective === null) return null;
  if (outcome.status === 'optimal') {
    return (
      (isMip ? mipBracket(outcome.objective, outcome.mipDualBound) : null) ?? [outcome.objective, outcome.objective]
    );
  }
  if (isMip && outcome.status !== null && STOPPED_EARLY.has(outcome.status))
    return mipBracket(outcome.objective, outcome.mipDualBound);
  return null;
}

/** Two proved statuses that can both be right: "unbounded or infeasible" against either of the two. */
function compatibleStatuses(x: RunStatus, y: RunStatus): boolean {
  const vague = (s: RunStatus) => s === 'unbounded-or-infeasible';
  const specific = (s: RunStatus) => s === 'infeasible' || s === 'unbounded';
  return (vague(x) && specific(y)) || (vague(y) && specific(x));
}

/** Who and where, for messages. */
export interface SeedContext {
  modelId: string;
  modelName: string;
  isMip: boolean;
  optionSetKey: string;
  optionSetNames: { a: string; b: string };
  seed: number;
  tolerance: number;
  solverVersions: { a: string | null; b: string | null };
}

const fmt = (x: number | null) => (x === null ? 'none' : String(x));
const said = (o: SideOutcome) => o.status ?? 'no status (the run failed)';

// Compares A's and B's outcome of one seed. Differences (most serious first):
// - objective-changed (error): both assert an objective (optimal, or a MIP stopped early with an incumbent and a
//   dual bound) and they differ by more than the tolerance relative to A's, unless, for a MIP, the intervals
//   [objective, dual bound] of A and B overlap (the optimum can lie in both: the change is within the gaps);
// - status-changed: both proved a status (SOLVED_STATUSES) and they differ (error; a warning when one is
//   'unbounded-or-infeasible' and the other infeasible or unbounded); other status changes are info, left out
//   when a solved/unsolved change below already tells it;
// - became-wrong (error): a repetition of B has the verdict 'wrong' and none of A has;
// - became-unsolved (warning): A solved the seed, B did not (and did not become wrong);
// - counters-changed: both solved and a work counter differs; info when the solver versions are known and
//   differ (a new solver explains it), else a warning (the same solver would give identical counters).
// Improvements, separately (info): no-longer-wrong, became-solved.
/** The differences and improvements between A's and B's outcome of one model, option set and seed. */
export function seedDifferences(
  ctx: SeedContext,
  a: Side,
  b: Side,
): { differences: CorrectnessDifference[]; improvements: CorrectnessDifference[] } {
  const differences: CorrectnessDifference[] = [];
  const improvements: CorrectnessDifference[] = [];
  const setName =
    ctx.optionSetNames.a === ctx.optionSetNames.b
      ? `"${ctx.optionSetNames.a}"`
      : `"${ctx.optionSetNames.a}" (B: "${ctx.optionSetNames.b}")`;
  const where = `Model "${ctx.modelName}", option set ${setName}, seed ${ctx.seed}`;
  const make = (
    kind: DifferenceKind,
    severity: DifferenceSeverity,
    message: string,
    extra: Partial<Pick<CorrectnessDifference, 'relativeDifference' | 'changedCounters'>> = {},
  ): CorrectnessDifference => ({
    kind,
    severity,
    modelId: ctx.modelId,
    modelName: ctx.modelName,
    optionSetKey: ctx.optionSetKey,
    seed: ctx.seed,
    a: a.outcome,
    b: b.outcome,
    message: `${where}: ${message}`,
    relativeDifference: extra.relativeDifference ?? null,
    changedCounters: extra.changedCounters ?? [],
  });
  const oa = a.outcome;
  const ob = b.outcome;

  const ca = objectiveClaim(a, ctx.isMip);
  const cb = objectiveClaim(b, ctx.isMip);
  if (ca && cb) {
    const rd = relativeDifference(ob.objective!, oa.objective!);
    const overlap = inBracket(ca[0], cb, ctx.tolerance) || inBracket(cb[0], ca, ctx.tolerance);
    if (rd > ctx.tolerance && !(ctx.isMip && overlap)) {
      const gaps = ctx.isMip
        ? `; the intervals [${ca[0]}, ${ca[1]}] and [${cb[0]}, ${cb[1]}] between objective and dual bound do not overlap`
        : '';
      differences.push(
        make(
          'objective-changed',
          'error',
          `the objective changed from ${fmt(oa.objective)} in A to ${fmt(ob.objective)} in B (relative difference ${finiteOrNull(rd)?.toExponential(2) ?? 'unbounded'} > ${ctx.tolerance})${gaps}`,
          { relativeDifference: finiteOrNull(rd) },
        ),
      );
    }
  }

  const becameWrong = ob.wrongRepetitions > 0 && oa.wrongRepetitions === 0;
  const noLongerWrong = oa.wrongRepetitions > 0 && ob.wrongRepetitions === 0;
  const becameUnsolved = oa.solved && !ob.solved && !becameWrong;
  const becameSolved = !oa.solved && ob.solved && !noLongerWrong;

  if (oa.status !== null && ob.status !== null && oa.status !== ob.status) {
    const proved = (s: RunStatus) => SOLVED_STATUSES.includes(s);
    const message = `the status changed from ${oa.status} in A to ${ob.status} in B`;
    if (proved(oa.status) && proved(ob.status)) {
      differences.push(make('status-changed', compatibleStatuses(oa.status, ob.status) ? 'warning' : 'error', message));
    } else if (!(oa.solved !== ob.solved || becameWrong || noLongerWrong)) {
      differences.push(make('status-changed', 'info', message));
    }
  }

  if (becameWrong) {
    differences.push(
      make(
        'became-wrong',
        'error',
        `the answer became wrong: ${ob.wrongRepetitions} of ${ob.repetitions} repetitions in B have the verdict 'wrong' (${said(ob)}, objective ${fmt(ob.objective)}), none in A (${said(oa)}, objective ${fmt(oa.objective)})`,
      ),
    );
  }
  if (becameUnsolved) {
    differences.push(
      make(
        'became-unsolved',
        'warning',
        `solved in A (${said(oa)}, ${oa.solvedRepetitions} of ${oa.repetitions} repetitions) but not in B (${said(ob)}, ${ob.solvedRepetitions} of ${ob.repetitions} repetitions solved)`,
      ),
    );
  }

  if (oa.solved && ob.solved) {
    const changed: CounterChange[] = [];
    for (const name of WORK_COUNTER_NAMES) {
      if (oa.counters[name] !== ob.counters[name]) changed.push({ name, a: oa.counters[name], b: ob.counters[name] });
    }
    if (changed.length > 0) {
      const { a: va, b: vb } = ctx.solverVersions;
      const versionsDiffer = va !== null && vb !== null && va !== vb;
      const why = versionsDiffer
        ? `the solver changed (A: ${va}, B: ${vb}), which explains different counters`
        : va !== null && va === vb
          ? `with the same solver version (${va}), the same options, model and seed would give identical counters: the solver build, the options' effect or the model changed`
          : 'the same solver version would give identical counters, so the solver, the options or the model changed';
      const list = changed.map((c) => `${c.name} ${fmt(c.a)} → ${fmt(c.b)}`).join(', ');
      differences.push(
        make(
          'counters-changed',
          versionsDiffer ? 'info' : 'warning',
          `work counters changed for the same seed (${list}): ${why}`,
          {
            changedCounters: changed,
          },
        ),
      );
    }
  }

  if (noLongerWrong) {
    improvements.push(
      make(
        'no-longer-wrong',
        'info',
        `no longer wrong: ${oa.wrongRepetitions} of ${oa.repetitions} repetitions in A had the verdict 'wrong', none in B (${said(ob)}, objective ${fmt(ob.objective)})`,
      ),
    );
  }
  if (becameSolved) {
    improvements.push(
      make(
        'became-solved',
        'info',
        `unsolved in A (${said(oa)}) but solved in B (${said(ob)}, ${ob.solvedRepetitions} of ${ob.repetitions} repetitions)`,
      ),
    );
  }
  return { differences, improvements };
}
