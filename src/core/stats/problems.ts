// From raw runs to problems: a problem is a (model, seed) pair, and its time for an option set is the
// median over repetitions of the runs' charged times. Every later statistic starts from these.
import { COUNTER_NAMES, SOLVED_STATUSES, type BenchmarkRun, type CounterName } from '../benchmark';
import { median } from './descriptive';

// Is a run solved? Its status is one of SOLVED_STATUSES (the solver proved an answer), its verdict is not
// 'wrong' or 'failed', it carries no error, and its time is a finite number ≥ 0. Anything else — a time
// limit, an error, a wrong answer — is unsolved.
/** Whether a run counts as solved: the one rule behind solved counts, charged times and the profile. */
export function isSolvedRun(run: BenchmarkRun): boolean {
  return (
    run.status !== null &&
    SOLVED_STATUSES.includes(run.status) &&
    run.verdict !== 'wrong' &&
    run.verdict !== 'failed' &&
    run.error === null &&
    Number.isFinite(run.timeMs) &&
    run.timeMs >= 0
  );
}

// The time a run is charged, ms: min(timeMs, limit) when solved (a solve that ends just past the limit,
// its overhead included, is not charged more than an unsolved run), the time limit when unsolved. So every
// charged time lies in [0, limit] and solved repetitions always sort before unsolved ones.
/** The time a run is charged in every mean, ms: its own time when solved, the time limit when not. */
export function chargedTimeMs(run: BenchmarkRun, timeLimitMs: number): number {
  return isSolvedRun(run) ? Math.min(run.timeMs, timeLimitMs) : timeLimitMs;
}

/** One problem (model, seed) under one option set, aggregated over its repetitions. */
export interface Problem {
  modelId: string;
  seed: number;
  optionSetId: string;
  repetitions: number;
  solvedRepetitions: number;
  /**
   * Solved when more than half of the repetitions are solved. Since unsolved repetitions are charged the
   * limit, which no solved one exceeds, the median of a solved problem is made of solved repetitions only:
   * for an odd count the median repetition is solved, for an even count both middle ones are.
   */
  solved: boolean;
  /**
   * Median of the repetitions' charged times, ms (mean of the two middle ones for an even count). An
   * unsolved problem with exactly half its repetitions solved thus has a time between the solved one and the
   * limit; otherwise an unsolved problem is charged the limit.
   */
  timeMs: number;
  /** Median of each work counter over all repetitions, solved or not (null when no repetition had a finite value). */
  counters: Record<CounterName, number | null>;
}

/** Aggregates the runs of one (model, seed, option set) into a problem; runs must be non-empty. */
export function toProblem(runs: readonly BenchmarkRun[], timeLimitMs: number): Problem {
  const first = runs[0];
  const charged: number[] = [];
  let solvedRepetitions = 0;
  for (const run of runs) {
    charged.push(chargedTimeMs(run, timeLimitMs));
    if (isSolvedRun(run)) solvedRepetitions++;
  }
  const counters = {} as Record<CounterName, number | null>;
  for (const name of COUNTER_NAMES) {
    const values: number[] = [];
    for (const run of runs) {
      const v = run.counters[name];
      if (typeof v === 'number' && Number.isFinite(v)) values.push(v);
    }
    counters[name] = median(values);
  }
  return {
    modelId: first.modelId,
    seed: first.seed,
    optionSetId: first.optionSetId,
    repetitions: runs.length,
    solvedRepetitions,
    solved: solvedRepetitions * 2 > runs.length,
    timeMs: median(charged) ?? timeLimitMs,
    counters,
  };
}

/** Problems of one option set: model id → seed → problem (insertion order: the order of the runs). */
export type ProblemIndex = Map<string, Map<number, Problem>>;

// Groups runs into problems per option set: option set id → model id → seed → problem. Runs whose model or
// option set is not in the given lists are ignored (they cannot be attributed).
/** Groups runs into problems per option set (set id → model id → seed → problem), the input of every statistic. */
export function indexProblems(
  runs: readonly BenchmarkRun[],
  modelIds: ReadonlySet<string>,
  optionSetIds: readonly string[],
  timeLimitMs: number,
): Map<string, ProblemIndex> {
  const grouped = new Map<string, Map<string, Map<number, BenchmarkRun[]>>>();
  for (const id of optionSetIds) grouped.set(id, new Map());
  for (const run of runs) {
    const bySet = grouped.get(run.optionSetId);
    if (!bySet || !modelIds.has(run.modelId)) continue;
    let byModel = bySet.get(run.modelId);
    if (!byModel) bySet.set(run.modelId, (byModel = new Map()));
    let list = byModel.get(run.seed);
    if (!list) byModel.set(run.seed, (list = []));
    list.push(run);
  }
  const out = new Map<string, ProblemIndex>();
  for (const [setId, bySet] of grouped) {
    const index: ProblemIndex = new Map();
    for (const [modelId, byModel] of bySet) {
      const seeds = new Map<number, Problem>();
      for (const [seed, list] of byModel) seeds.set(seed, toProblem(list, timeLimitMs));
      index.set(modelId, seeds);
    }
    out.set(setId, index);
  }
  return out;
}
