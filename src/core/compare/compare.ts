// Two benchmarks side by side: A (the baseline) and B (the new side). Models are matched by SHA-256 and
// option sets by their options; per matched pair and per matched option set the time and work-counter
// ratios B ÷ A (with a paired bootstrap interval over models), whether the time difference is real (core/
// decision's one rule: its call is what every label and colour shows), and every correctness difference for
// the same model, option set and seed, most serious first. O(runs) apart from the bootstrap (O(resamples ·
// models)), the rule's rank intervals (O(runs · log) each) and sorting each pair's seeds.
import { COUNTER_NAMES, type BenchmarkRun, type CounterName, type Speedup } from '../benchmark';
import { decideTime, decisionSettings, type DecisionContext, type TimeDecision, type TimedRun } from '../decision';
import { OBJECTIVE_REL_TOL } from '../result-check';
import { bootstrapSpeedup, pairedTerms, type PairedModelTerms } from '../stats/bootstrap';
import { chargedTimeMs, isSolvedRun, toProblem, type Problem } from '../stats/problems';
import { shiftedGeometricMean } from '../stats/sgm';
import { resolveParameters } from '../stats/summary';
import { comparableForCounters } from '../stats/variability';
import { finiteOrNull, seedDifferences, sideOutcome } from './differences';
import { matchModels, matchOptionSets } from './matching';
import {
  DIFFERENCE_KINDS,
  DIFFERENCE_SEVERITIES,
  type BenchmarkComparison,
  type CompareInput,
  type CompareParameterInput,
  type CompareParameters,
  type ComparedBenchmark,
  type ComparedEnvironment,
  type CorrectnessDifference,
  type CounterComparison,
  type OptionSetComparison,
  type PairComparison,
  type TimeCallLabel,
} from './types';

const fmt3 = (x: number) => String(Number(x.toPrecision(3)));

// The evidence beside a label, always with n: the rule's ratio with its 95 % interval and p when it has one;
// for noise, that the counters were identical.
/** The decision's evidence in a few words, e.g. "×1.12 [1.06, 1.19], p = 0.003, A 8 / B 8 runs". */
export function decisionEvidence(d: TimeDecision): string {
  const n = `A ${d.n.ref} / B ${d.n.cand} runs${d.method === 'paired' ? `, ${d.n.pairs} pairs` : ''}`;
  const ratio = d.ratio === null ? '' : `×${fmt3(d.ratio)} `;
  if (d.ci95 && d.p !== null) {
    const p = d.p < 0.001 ? 'p < 0.001' : `p = ${fmt3(d.p)}`;
    return `${ratio}[${fmt3(d.ci95[0])}, ${fmt3(d.ci95[1])}], ${p}, ${n}`;
  }
  if (d.call === 'noise') return `${ratio}identical work counters, ${n}`;
  return `${ratio}no interval, ${n}`;
}

// One mapping from the rule's call to what a comparison says, shared by its tables and its chart, so that a
// bar's colour and a row's label cannot disagree: "B slower"/"B faster" only for a real difference.
/** The label of a time decision in a comparison: its tone (colour), its words and its evidence. */
export function timeCallLabel(d: TimeDecision): TimeCallLabel {
  const evidence = decisionEvidence(d);
  switch (d.call) {
    case 'slower':
      return { tone: 'slower', text: 'B slower (real)', evidence };
    case 'faster':
      return { tone: 'faster', text: 'B faster (real)', evidence };
    case 'noise':
      return { tone: 'noise', text: 'within noise: identical work', evidence };
    case 'equivalent':
      return { tone: 'noise', text: `within noise: ±${d.thresholdPct} %`, evidence };
    default:
      return { tone: 'undetermined', text: d.label, evidence };
  }
}

/** At most this many differences (and as many improvements) are listed; the rest are counted. */
export const MAX_LISTED_DIFFERENCES = 1000;

/** The stats' defaults overridden by what was given, plus the objective tolerance and the decision rule's settings; throws RangeError on a bad value. */
export function resolveCompareParameters(given: CompareParameterInput = {}): CompareParameters {
  const { objectiveTolerance = OBJECTIVE_REL_TOL, decision, ...rest } = given;
  if (!Number.isFinite(objectiveTolerance) || objectiveTolerance < 0)
    throw new RangeError(`objectiveTolerance must be a finite number ≥ 0, got ${objectiveTolerance}`);
  return { ...resolveParameters(rest), objectiveTolerance, decision: decisionSettings(decision) };
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

// What the decision rule sees of a run: its charged time (the one every mean here uses), its model and seed to
// pair it by, and its work counters when they speak for the work (a run that ended on its own with an answer:
// a run stopped by the time limit or an error stopped at a wall-clock-dependent point).
/** One run as core/decision's rule sees it. */
function timedRun(run: BenchmarkRun, timeLimitMs: number): TimedRun {
  return {
    timeMs: chargedTimeMs(run, timeLimitMs),
    model: run.modelId,
    seed: run.seed,
    counters: comparableForCounters(run) ? { ...run.counters } : null,
  };
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
// Whether a time difference is real is core/decision's one rule over the runs of the common seeds (each run's
// charged time): a pair's runs are of one model, so they pair by seed from MIN_PAIRS seeds up and are compared
// unpaired below that; a set's runs pair by (model, seed). Matched sets have the same options, and the solver is
// the same when both versions are known and equal: then identical work counters make the difference noise.
/** An environment in words: "Node v20 on Linux x64, AMD EPYC (2 cores)" or the browser's user agent. */
export function environmentText(e: ComparedEnvironment): string {
  const cores = `${e.hardwareConcurrency} cores`;
  if (e.runtime === 'node') return [e.userAgent, e.os, e.cpu].filter(Boolean).join(', ') + ` (${cores})`;
  return `${e.userAgent} (${cores})`;
}

/**
 * The note a comparison carries when A and B ran in different environments (another runtime, machine or
 * browser): allowed, but wall times then compare machines as much as solvers. Null when they match or are unknown.
 */
export function environmentNote(a: ComparedEnvironment | null, b: ComparedEnvironment | null): string | null {
  if (!a || !b) return null;
  const same =
    (a.runtime ?? 'browser') === (b.runtime ?? 'browser') &&
    a.userAgent === b.userAgent &&
    a.hardwareConcurrency === b.hardwareConcurrency &&
    (a.os ?? '') === (b.os ?? '') &&
    (a.cpu ?? '') === (b.cpu ?? '');
  if (same) return null;
  return `A and B ran in different environments (A: ${environmentText(a)}; B: ${environmentText(b)}): wall times compare the machines as much as the solver; work counters do not depend on them.`;
}

/** Compares benchmark B (new) with benchmark A (baseline): matches, ratios B ÷ A and correctness differences. */
export function compareBenchmarks(input: CompareInput): BenchmarkComparison {
  const { a, b } = input;
  const parameters = resolveCompareParameters(input.parameters);
  checkTimeLimit('a', a.config.timeLimitMs);
  checkTimeLimit('b', b.config.timeLimitMs);
  const versions = { a: input.solverVersions?.a ?? null, b: input.solverVersions?.b ?? null };
  // Matched option sets have the same options by construction; the solver is the same only when both are known.
  const context: DecisionContext = {
    sameOptions: true,
    sameSolver: versions.a !== null && versions.b !== null && versions.a === versions.b,
  };
  const decide = (ref: readonly TimedRun[], cand: readonly TimedRun[]): TimeDecision =>
    decideTime(ref, cand, context, parameters.decision);

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
    const setRunsA: TimedRun[] = [];
    const setRunsB: TimedRun[] = [];
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
      const pairRunsA: TimedRun[] = [];
      const pairRunsB: TimedRun[] = [];
      let pairSolvedA = 0;
      let pairSolvedB = 0;
      for (const seed of common) {
        const listA = seedsA!.get(seed)!;
        const listB = seedsB!.get(seed)!;
        const pa = toProblem(listA, a.config.timeLimitMs);
        const pb = toProblem(listB, b.config.timeLimitMs);
        timesA.push(pa.timeMs);
        timesB.push(pb.timeMs);
        for (const r of listA) pairRunsA.push(timedRun(r, a.config.timeLimitMs));
        for (const r of listB) pairRunsB.push(timedRun(r, b.config.timeLimitMs));
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
        decision: decide(pairRunsA, pairRunsB),
      });
      if (common.length > 0) {
        modelCount++;
        for (const r of pairRunsA) setRunsA.push(r);
        for (const r of pairRunsB) setRunsB.push(r);
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
      decision: decide(setRunsA, setRunsB),
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
  const envNote = environmentNote(input.environments?.a ?? null, input.environments?.b ?? null);
  if (envNote) notes.push(envNote);
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
