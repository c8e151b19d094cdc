// How much one model's time varies across seeds under one option set, and whether repeated runs of the
// same (model, option set, seed) did the same work: with a fixed random_seed HiGHS's work counters must be
// identical run to run, so any difference is a loud finding (nondeterminism, or runs mixed up).
import { SOLVED_STATUSES, type BenchmarkModel, type BenchmarkRun } from '../benchmark';
import { WORK_COUNTER_NAMES, type WorkCounters } from '../run-record';
import { coefficientOfVariation, quantileSorted, sortedCopy } from './descriptive';
import type { ProblemIndex } from './problems';

/** One counter that differed between repetitions of the same model, option set and seed. */
export interface CounterMismatch {
  modelId: string;
  optionSetId: string;
  seed: number;
  counter: keyof WorkCounters;
  /** The compared runs' repetition numbers, ascending, and the counter's value in each. */
  repetitions: number[];
  values: number[];
}

/** Spread of one model's times across seeds under one option set, and its counter identity. */
export interface ModelVariability {
  modelId: string;
  optionSetId: string;
  /** How many seeds (problems) the figures are over. */
  seeds: number;
  /** Over the problems' times (median over repetitions of the charged times, ms). */
  medianMs: number;
  minMs: number;
  maxMs: number;
  /** Q3 − Q1, quantiles by linear interpolation (type 7); 0 for one seed. */
  iqrMs: number;
  /** Sample standard deviation ÷ mean of the times; null for one seed or a mean of 0. */
  cv: number | null;
  /** Did repeated runs with the same seed have identical work counters? */
  countersIdentical: boolean;
  /** Every counter that differed, per seed (empty when identical). */
  counterMismatches: CounterMismatch[];
}

/** Variability of every (model, option set), and the counter-identity verdict over all of them. */
export interface VariabilitySummary {
  models: ModelVariability[];
  /** False when any repeated runs differed in a work counter: show it loudly. */
  countersIdentical: boolean;
  /** All counter mismatches, for the loud flag. */
  counterMismatches: CounterMismatch[];
}

// Which runs are compared for counter identity: runs that ended on their own with an answer (status in
// SOLVED_STATUSES, no error), whatever their verdict. Runs stopped by a time limit, an interrupt or an error
// stop at a wall-clock-dependent point, so their counters may differ legitimately.
/** Which runs are compared for counter identity: those that ended on their own with an answer. */
export function comparableForCounters(run: BenchmarkRun): boolean {
  return run.status !== null && SOLVED_STATUSES.includes(run.status) && run.error === null;
}

/** Finds counters that differ between comparable runs of the same (model, option set, seed). */
export function findCounterMismatches(runs: readonly BenchmarkRun[]): CounterMismatch[] {
  const groups = new Map<string, BenchmarkRun[]>();
  for (const run of runs) {
    if (!comparableForCounters(run)) continue;
    const key = JSON.stringify([run.optionSetId, run.modelId, run.seed]);
    const list = groups.get(key);
    if (list) list.push(run);
    else groups.set(key, [run]);
  }
  const out: CounterMismatch[] = [];
  for (const list of groups.values()) {
    if (list.length < 2) continue;
    const sorted = [...list].sort((a, b) => a.repetition - b.repetition);
    for (const counter of WORK_COUNTER_NAMES) {
      const v0 = sorted[0].counters[counter];
      if (sorted.every((r) => r.counters[counter] === v0)) continue;
      out.push({
        modelId: sorted[0].modelId,
        optionSetId: sorted[0].optionSetId,
        seed: sorted[0].seed,
        counter,
        repetitions: sorted.map((r) => r.repetition),
        values: sorted.map((r) => r.counters[counter]),
      });
    }
  }
  return out;
}

// Variability per model and option set (option sets in the given order, then models in the given order),
// for every pair with at least one problem, and the counter identity of repeated runs.
/** Variability across seeds per model and option set, and the counter identity of repeated runs. */
export function summarizeVariability(
  models: readonly BenchmarkModel[],
  optionSetIds: readonly string[],
  problems: ReadonlyMap<string, ProblemIndex>,
  runs: readonly BenchmarkRun[],
): VariabilitySummary {
  const mismatches = findCounterMismatches(runs);
  const byPair = new Map<string, CounterMismatch[]>();
  for (const m of mismatches) {
    const key = JSON.stringify([m.optionSetId, m.modelId]);
    const list = byPair.get(key);
    if (list) list.push(m);
    else byPair.set(key, [m]);
  }
  const out: ModelVariability[] = [];
  const seenModels = new Set<string>();
  const uniqueModels = models.filter((m) => !seenModels.has(m.id) && seenModels.add(m.id));
  for (const optionSetId of optionSetIds) {
    const index = problems.get(optionSetId);
    if (!index) continue;
    for (const model of uniqueModels) {
      const seeds = index.get(model.id);
      if (!seeds || seeds.size === 0) continue;
      const times = [...seeds.values()].map((p) => p.timeMs);
      const sorted = sortedCopy(times);
      const pairMismatches = byPair.get(JSON.stringify([optionSetId, model.id])) ?? [];
      out.push({
        modelId: model.id,
        optionSetId,
        seeds: sorted.length,
        medianMs: quantileSorted(sorted, 0.5)!,
        minMs: sorted[0],
        maxMs: sorted[sorted.length - 1],
        iqrMs: quantileSorted(sorted, 0.75)! - quantileSorted(sorted, 0.25)!,
        cv: coefficientOfVariation(times),
        countersIdentical: pairMismatches.length === 0,
        counterMismatches: pairMismatches,
      });
    }
  }
  return { models: out, countersIdentical: mismatches.length === 0, counterMismatches: mismatches };
}
