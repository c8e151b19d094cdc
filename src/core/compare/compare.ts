// Two benchmarks side by side: A (the baseline) and B (the new side). Models are matched by SHA-256 and
// option sets by their options; per matched pair and per matched option set the time and work-counter
// ratios B ÷ A (with a paired bootstrap interval over models), and every correctness difference for the
// same model, option set and seed, most serious first. O(runs) apart from the bootstrap (O(resamples ·
// models)) and sorting each pair's seeds.
import { COUNTER_NAMES, type BenchmarkRun, type CounterName, type Speedup } from '../benchmark';
import { OBJECTIVE_REL_TOL } from '../result-check';
import { bootstrapSpeedup, pairedTerms, type PairedModelTerms } from '../stats/bootstrap';
import { isSolvedRun, toProblem, type Problem } from '../stats/problems';
import { shiftedGeometricMean } from '../stats/sgm';
import { resolveParameters } from '../stats/summary';
import { finiteOrNull, seedDifferences, sideOutcome } from './differences';
import { matchModels, matchOptionSets } from './matching';
import {
  DIFFERENCE_KINDS,
  DIFFERENCE_SEVERITIES,
  type BenchmarkComparison,
  type CompareInput,
  type CompareParameters,
  type ComparedBenchmark,
  type CorrectnessDifference,
  type CounterComparison,
  type OptionSetComparison,
  type PairComparison,
} from './types';

/** At most this many differences (and as many improvements) are listed; the rest are counted. */
export const MAX_LISTED_DIFFERENCES = 1000;

/** The stats' defaults overridden by what was given, plus the objective tolerance; throws RangeError on a bad value. */
export function resolveCompareParameters(given: Partial<CompareParameters> = {}): CompareParameters {
  const { objectiveTolerance = OBJECTIVE_REL_TOL, ...rest } = given;
  if (!Number.isFinite(objectiveTolerance) || objectiveTolerance < 0)
    throw new RangeError(`objectiveTolerance must be a finite number ≥ 0, got ${objectiveTolerance}`);
  return { ...resolveParameters(rest), objectiveTolerance };
}

/** B ÷ A, safe: 1 when both are 0, null when A is 0 and B is not, when either is missing, or not finite. */
export function safeRatio(b: number | null, a: number | null): number | null {
  if (a === null || b === null) return null;
  if (a === 0) return b === 0 ? 1 : null;
  return finiteOrNull(b / a);
}

/** Runs grouped by option set id → model id → seed, for the listed models and option sets only. */
type RunIndex = Map<string, Map<string, Map<number, BenchmarkRun[]>>>;

function indexRuns(bm: ComparedBenchmark, modelIds: ReadonlySet<string>, setIds: ReadonlySet<string>): RunIndex {
  const out: RunIndex = new Map();
  for (const run of bm.runs) {
    if (!setIds.has(run.optionSetId) || !modelIds.has(run.modelId)) continue;
    let bySet = out.get(run.optionSetId);
    if (!bySet) out.set(run.optionSetId, (bySet = new Map()));
    let byModel = bySet.get(run.modelId);
    if (!byModel) bySet.set(run.modelId, (byModel = new Map()));
    let list = byModel.get(run.seed);
    if (!list) byModel.set(run.seed, (list = []));
    list.push(run);
  }
  return out;
}

function checkTimeLimit(side: string, timeLimitMs: number): void {
  if (!Number.isFinite(timeLimitMs) || timeLimitMs <= 0)
    throw new RangeError(`${side}.config.timeLimitMs must be a finite number > 0, got ${timeLimitMs}`);
}

/** Paired values of each counter (both sides non-null), collected over problems. */
type CounterPairs = Record<CounterName, { a: number[]; b: number[] }>;

const emptyCounterPairs = (): CounterPairs =>
  Object.fromEntries(COUNTER_NAMES.map((n) => [n, { a: [], b: [] }])) as unknown as CounterPairs;

function addCounters(into: CounterPairs, pa: Problem, pb: Problem): void {
  for (const n of COUNTER_NAMES) {
    const x = pa.counters[n];
    const y = pb.counters[n];
    if (x === null || y === null) continue;
    into[n].a.push(x);
    into[n].b.push(y);
  }
}

function compareCounters(
  pairs: CounterPairs,
  shifts: Record<CounterName, number>,
): Record<CounterName, CounterComparison> {
  const out = {} as Record<CounterName, CounterComparison>;
  for (const n of COUNTER_NAMES) {
    const a = finiteOrNull(shiftedGeometricMean(pairs[n].a, shifts[n]));
    const b = finiteOrNull(shiftedGeometricMean(pairs[n].b, shifts[n]));
    out[n] = { a, b, ratio: safeRatio(b, a) };
  }
  return out;
}

/** A bootstrap result with every number finite, or null. */
function finiteSpeedup(s: Speedup | null): Speedup | null {
  if (!s) return null;
  const [lo, hi] = s.ci95;
  return Number.isFinite(s.ratio) && Number.isFinite(lo) && Number.isFinite(hi) ? s : null;
}

// Definitions (the stats' ones, see src/core/stats): a problem is a (model, seed); its time on a side is the
// median over that side's repetitions of the charged times (unsolved charged that side's time limit), its
// counters the medians over all repetitions. Only seeds that both sides ran are compared. A pair's time is
// the SGM over its common seeds (shift parameters.shiftMs); an option set's time is the SGM over all common
// problems of the matched models, with the bootstrap of the stats resampling models (paired, seeded).
// Counter SGMs are over the problems where both sides have the counter, each with its own shift.
// Runs of models or option sets not listed by their benchmark are ignored; duplicate ids count once.
/** Compares benchmark B (new) with benchmark A (baseline): matches, ratios B ÷ A and correctness differences. */
export function compareBenchmarks(input: CompareInput): BenchmarkComparison {
  const { a, b } = input;
  const parameters = resolveCompareParameters(input.parameters);
  checkTimeLimit('a', a.config.timeLimitMs);
  checkTimeLimit('b', b.config.timeLimitMs);
  const versions = { a: input.solverVersions?.a ?? null, b: input.solverVersions?.b ?? null };

  const models = matchModels(a.models, b.models);
  const optionSets = matchOptionSets(a.optionSets, b.optionSets, {
    a: a.referenceOptionSetId,
    b: b.referenceOptionSetId,
  });
  const matchedIds = new Set(models.matched.map((m) => m.id));
  const runsA = indexRuns(a, matchedIds, new Set(optionSets.matched.map((s) => s.a.id)));
  const runsB = indexRuns(b, matchedIds, new Set(optionSets.matched.map((s) => s.b.id)));

  // Differences bucketed by (severity, kind) so that listing them most serious first stays linear.
  const buckets: CorrectnessDifference[][] = Array.from(
    { length: DIFFERENCE_SEVERITIES.length * DIFFERENCE_KINDS.length },
    () => [],
  );
  const rank = (d: CorrectnessDifference) =>
    DIFFERENCE_SEVERITIES.indexOf(d.severity) * DIFFERENCE_KINDS.length + DIFFERENCE_KINDS.indexOf(d.kind);
  const improvements: CorrectnessDifference[] = [];
  const counts = { error: 0, warning: 0, info: 0, improvements: 0, omitted: 0 };
  let seedsOnlyOneSide = 0;

  const pairs: PairComparison[] = [];
  const summaries: OptionSetComparison[] = [];
  for (const set of optionSets.matched) {
    const bySetA = runsA.get(set.a.id);
    const bySetB = runsB.get(set.b.id);
    const terms: PairedModelTerms[] = [];
    const allA: number[] = [];
    const allB: number[] = [];
    const setCounters = emptyCounterPairs();
    let modelCount = 0;
    let solvedA = 0;
    let solvedB = 0;
    for (const model of models.matched) {
      const seedsA = bySetA?.get(model.id);
      const seedsB = bySetB?.get(model.id);
      if (!seedsA && !seedsB) continue;
      const common = seedsA && seedsB ? [...seedsA.keys()].filter((s) => seedsB.has(s)).sort((x, y) => x - y) : [];
      const onlyA = (seedsA?.size ?? 0) - common.length;
      const onlyB = (seedsB?.size ?? 0) - common.length;
      seedsOnlyOneSide += onlyA + onlyB;
      const timesA: number[] = [];
      const timesB: number[] = [];
      const pairCounters = emptyCounterPairs();
      let pairSolvedA = 0;
      let pairSolvedB = 0;
      for (const seed of common) {
        const listA = seedsA!.get(seed)!;
        const listB = seedsB!.get(seed)!;
        const pa = toProblem(listA, a.config.timeLimitMs);
        const pb = toProblem(listB, b.config.timeLimitMs);
        timesA.push(pa.timeMs);
        timesB.push(pb.timeMs);
        if (pa.solved) pairSolvedA++;
        if (pb.solved) pairSolvedB++;
        addCounters(pairCounters, pa, pb);
        addCounters(setCounters, pa, pb);
        const found = seedDifferences(
          {
            modelId: model.id,
            modelName: model.name,
            isMip: model.isMip,
            optionSetKey: set.key,
            optionSetNames: { a: set.a.name, b: set.b.name },
            seed,
            tolerance: parameters.objectiveTolerance,
            solverVersions: versions,
          },
          sideOutcome(listA, pa, isSolvedRun),
          sideOutcome(listB, pb, isSolvedRun),
        );
        for (const d of found.differences) {
          counts[d.severity]++;
          buckets[rank(d)].push(d);
        }
        for (const d of found.improvements) {
          counts.improvements++;
          if (improvements.length < MAX_LISTED_DIFFERENCES) improvements.push(d);
        }
      }
      const timeA = finiteOrNull(shiftedGeometricMean(timesA, parameters.shiftMs));
      const timeB = finiteOrNull(shiftedGeometricMean(timesB, parameters.shiftMs));
      pairs.push({
        modelId: model.id,
        modelName: model.name,
        optionSetKey: set.key,
        seeds: common.length,
        seedsOnlyInA: onlyA,
        seedsOnlyInB: onlyB,
        timeMs: { a: timeA, b: timeB },
        timeRatio: safeRatio(timeB, timeA),
        speedup: safeRatio(timeA, timeB),
        solved: { a: pairSolvedA, b: pairSolvedB },
        counters: compareCounters(pairCounters, parameters.counterShifts),
      });
      if (common.length > 0) {
        modelCount++;
        solvedA += pairSolvedA;
        solvedB += pairSolvedB;
        for (const t of timesA) allA.push(t);
        for (const t of timesB) allB.push(t);
        terms.push(pairedTerms(timesA, timesB, parameters.shiftMs));
      }
    }
    // The same seed for both directions: the same resamples, so the two intervals mirror each other.
    const speedup = finiteSpeedup(bootstrapSpeedup(terms, parameters.shiftMs, parameters.bootstrap));
    const swapped = terms.map((t) => ({ refLogSum: t.setLogSum, setLogSum: t.refLogSum, count: t.count }));
    const timeRatio = finiteSpeedup(bootstrapSpeedup(swapped, parameters.shiftMs, parameters.bootstrap));
    summaries.push({
      optionSetKey: set.key,
      a: { id: set.a.id, name: set.a.name },
      b: { id: set.b.id, name: set.b.name },
      models: modelCount,
      problems: allA.length,
      solved: { a: solvedA, b: solvedB },
      sgmTimeMs: {
        a: finiteOrNull(shiftedGeometricMean(allA, parameters.shiftMs)),
        b: finiteOrNull(shiftedGeometricMean(allB, parameters.shiftMs)),
      },
      timeRatio,
      speedup,
      counters: compareCounters(setCounters, parameters.counterShifts),
    });
  }

  const differences: CorrectnessDifference[] = [];
  for (const bucket of buckets) {
    for (const d of bucket) {
      if (differences.length >= MAX_LISTED_DIFFERENCES) break;
      differences.push(d);
    }
  }
  counts.omitted =
    counts.error + counts.warning + counts.info - differences.length + (counts.improvements - improvements.length);

  const notes: string[] = [];
  if (a.config.timeLimitMs !== b.config.timeLimitMs)
    notes.push(
      `The time limits differ (A: ${a.config.timeLimitMs} ms, B: ${b.config.timeLimitMs} ms): unsolved runs are charged their own side's limit.`,
    );
  if (versions.a !== null && versions.b !== null && versions.a !== versions.b)
    notes.push(
      `The solver versions differ (A: ${versions.a}, B: ${versions.b}): work counters are expected to change.`,
    );
  if (seedsOnlyOneSide > 0)
    notes.push(`${seedsOnlyOneSide} (model, option set, seed) combinations ran on one side only and are not compared.`);
  if (models.matched.length === 0) notes.push('No model is in both benchmarks (models are matched by SHA-256).');
  if (optionSets.matched.length === 0)
    notes.push('No option set of A has the same options as one of B (option sets are matched by their options).');

  return {
    differences,
    improvements,
    counts,
    a: { id: a.id, name: a.name, timeLimitMs: a.config.timeLimitMs, solverVersion: versions.a },
    b: { id: b.id, name: b.name, timeLimitMs: b.config.timeLimitMs, solverVersion: versions.b },
    parameters,
    notes,
    models,
    optionSets,
    summaries,
    pairs,
  };
}
