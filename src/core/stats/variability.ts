// How much one model's time varies across seeds under one option set, and whether repeated runs of the
// same (model, option set, seed) did the same work: with a fixed random_seed HiGHS's work counters must be
// identical run to run, so any difference is a loud finding (nondeterminism, or runs mixed up). Identity is
// only claimed from groups that were checked: a (model, option set, seed) with at least two comparable runs;
// a benchmark of one repetition checks nothing, and says so ('unchecked'), never "identical".
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
  /** No repeated runs with the same seed differed in a work counter (also true, vacuously, when repeatedSeeds is 0). */
  countersIdentical: boolean;
  /** Every counter that differed, per seed (empty when identical). */
  counterMismatches: CounterMismatch[];
  /** Seeds with at least two comparable runs (comparableForCounters): the seeds countersIdentical was checked on. */
  repeatedSeeds: number;
}

/** What the counter identity of repeated runs shows: 'unchecked' when no (model, option set, seed) ran twice comparably. */
export type Determinism = 'identical' | 'differ' | 'unchecked';

/** Variability of every (model, option set), and the counter-identity verdict over all of them. */
export interface VariabilitySummary {
  models: ModelVariability[];
  /**
   * False when any repeated runs differed in a work counter: show it loudly. True also when nothing was
   * checked (repeatedGroups 0): claim "identical" or "deterministic" from `determinism`, never from this alone.
   */
  countersIdentical: boolean;
  /** All counter mismatches, for the loud flag. */
  counterMismatches: CounterMismatch[];
  /** (model, option set, seed) groups with at least two comparable runs: how many the identity was checked on. */
  repeatedGroups: number;
  /** 'differ' when any group's counters differed, 'identical' when some were checked and none did, else 'unchecked'. */
  determinism: Determinism;
}

// Which runs are compared for counter identity: runs that ended on their own with an answer (status in
// SOLVED_STATUSES, no error), whatever their verdict. Runs stopped by a time limit, an interrupt or an error
// stop at a wall-clock-dependent point, so their counters may differ legitimately.
/** Which runs are compared for counter identity: those that ended on their own with an answer. */
export function comparableForCounters(run: BenchmarkRun): boolean {
  return run.status !== null && SOLVED_STATUSES.includes(run.status) && run.error === null;
}

/** The groups of comparable runs of one (model, option set, seed) with at least two runs: those a counter check can see. */
export function repeatedRunGroups(runs: readonly BenchmarkRun[]): BenchmarkRun[][] {
  const groups = new Map<string, BenchmarkRun[]>();
  for (const run of runs) {
    if (!comparableForCounters(run)) continue;
    const key = JSON.stringify([run.optionSetId, run.modelId, run.seed]);
    const list = groups.get(key);
    if (list) list.push(run);
    else groups.set(key, [run]);
  }
  return [...groups.values()].filter((list) => list.length >= 2);
}

/** Finds counters that differ between comparable runs of the same (model, option set, seed). */
export function findCounterMismatches(runs: readonly BenchmarkRun[]): CounterMismatch[] {
  return mismatchesOf(repeatedRunGroups(runs));
}

/** Every counter that differs within a group of repeated runs, the runs in repetition order. */
function mismatchesOf(groups: readonly BenchmarkRun[][]): CounterMismatch[] {
  const out: CounterMismatch[] = [];
  for (const list of groups) {
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
  const groups = repeatedRunGroups(runs);
  const mismatches = mismatchesOf(groups);
  const repeatedByPair = new Map<string, number>();
  for (const g of groups) {
    const key = JSON.stringify([g[0].optionSetId, g[0].modelId]);
    repeatedByPair.set(key, (repeatedByPair.get(key) ?? 0) + 1);
  }
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
      const pairKey = JSON.stringify([optionSetId, model.id]);
      const pairMismatches = byPair.get(pairKey) ?? [];
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
        repeatedSeeds: repeatedByPair.get(pairKey) ?? 0,
      });
    }
  }
  return {
    models: out,
    countersIdentical: mismatches.length === 0,
    counterMismatches: mismatches,
    repeatedGroups: groups.length,
    determinism: mismatches.length > 0 ? 'differ' : groups.length > 0 ? 'identical' : 'unchecked',
  };
}
