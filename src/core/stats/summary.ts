// The benchmark summary: from a benchmark's raw runs to per-option-set shifted geometric means, solved
// counts, paired bootstrap speedups and scaling fits, plus the performance profile, variability across
// seeds and correctness. Pure and synchronous; a caller that must not block runs it in a worker.
import {
  COUNTER_NAMES,
  optionSetRunsOn,
  type BenchmarkConfig,
  type BenchmarkModel,
  type BenchmarkRun,
  type CounterName,
  type OptionSet,
  type OptionSetSummary,
  type SummaryParameters,
} from '../benchmark';
import { DEFAULT_BOOTSTRAP, bootstrapSpeedup, pairedTerms, type PairedModelTerms } from './bootstrap';
import { checkCorrectness, type CorrectnessSummary } from './correctness';
import { indexProblems, type ProblemIndex } from './problems';
import { performanceProfile, type PerformanceProfile } from './profile';
import { scalingFits } from './scaling';
import { DEFAULT_COUNTER_SHIFTS, DEFAULT_SHIFT_MS, shiftedGeometricMean } from './sgm';
import { summarizeVariability, type VariabilitySummary } from './variability';

/** What summarize needs: the benchmark as a report holds it, and optionally parameters other than the defaults. */
export interface SummaryInput {
  config: BenchmarkConfig;
  models: BenchmarkModel[];
  optionSets: OptionSet[];
  referenceOptionSetId: string;
  runs: BenchmarkRun[];
  parameters?: Partial<SummaryParameters>;
}

/** A benchmark's summary: every number finite (or null where a type allows it). */
export interface BenchmarkSummary {
  /** The same as parameters.shiftMs, at the top level where report version 1's summary carries it. */
  shiftMs: number;
  parameters: SummaryParameters;
  /**
   * One per option set, in the given order. An option set without any problem has problems 0, solved 0,
   * and sgmTimeMs and counters null.
   */
  optionSets: OptionSetSummary[];
  profile: PerformanceProfile;
  variability: VariabilitySummary;
  correctness: CorrectnessSummary;
}

/** The default parameters: time shift, counter shifts and bootstrap seed and resamples. */
export const DEFAULT_SUMMARY_PARAMETERS: Readonly<SummaryParameters> = {
  shiftMs: DEFAULT_SHIFT_MS,
  counterShifts: { ...DEFAULT_COUNTER_SHIFTS },
  bootstrap: { ...DEFAULT_BOOTSTRAP },
};

/** The defaults overridden by what was given (counter shifts and bootstrap field by field); throws RangeError on a bad value. */
export function resolveParameters(given: Partial<SummaryParameters> = {}): SummaryParameters {
  const p: SummaryParameters = {
    shiftMs: given.shiftMs ?? DEFAULT_SUMMARY_PARAMETERS.shiftMs,
    counterShifts: { ...DEFAULT_SUMMARY_PARAMETERS.counterShifts, ...given.counterShifts },
    bootstrap: { ...DEFAULT_SUMMARY_PARAMETERS.bootstrap, ...given.bootstrap },
  };
  const shiftOk = (x: number) => Number.isFinite(x) && x >= 0;
  if (!shiftOk(p.shiftMs)) throw new RangeError(`shiftMs must be a finite number ≥ 0, got ${p.shiftMs}`);
  for (const name of COUNTER_NAMES) {
    if (!shiftOk(p.counterShifts[name]))
      throw new RangeError(`counterShifts.${name} must be a finite number ≥ 0, got ${p.counterShifts[name]}`);
  }
  if (!Number.isInteger(p.bootstrap.seed))
    throw new RangeError(`bootstrap.seed must be an integer, got ${p.bootstrap.seed}`);
  if (!Number.isInteger(p.bootstrap.resamples) || p.bootstrap.resamples < 1)
    throw new RangeError(`bootstrap.resamples must be a whole number ≥ 1, got ${p.bootstrap.resamples}`);
  return p;
}

/** The problems' times, in a fixed order. */
function timesOf(index: ProblemIndex): number[] {
  const out: number[] = [];
  for (const seeds of index.values()) for (const p of seeds.values()) out.push(p.timeMs);
  return out;
}

/** Per model (in the listed order), the log-sum terms of the problems both the reference and the set ran. */
function pairedModelTerms(
  modelIds: readonly string[],
  ref: ProblemIndex,
  set: ProblemIndex,
  shiftMs: number,
): PairedModelTerms[] {
  const out: PairedModelTerms[] = [];
  for (const modelId of modelIds) {
    const refSeeds = ref.get(modelId);
    const setSeeds = set.get(modelId);
    if (!refSeeds || !setSeeds) continue;
    const refTimes: number[] = [];
    const setTimes: number[] = [];
    for (const [seed, p] of refSeeds) {
      const q = setSeeds.get(seed);
      if (!q) continue;
      refTimes.push(p.timeMs);
      setTimes.push(q.timeMs);
    }
    if (refTimes.length > 0) out.push(pairedTerms(refTimes, setTimes, shiftMs));
  }
  return out;
}

// A profile compares the sets on the same problems. A set scoped to some templates (a template's blessed set)
// ran on their models only; with it in, the profile would shrink to those models for every set. So it is
// left out of the profile (its summary row, speedup and charts keep it) unless every set is scoped.
/** The option sets the performance profile is drawn for: those that run on every model of the benchmark. */
function profileSetIds(optionSets: readonly OptionSet[], models: readonly BenchmarkModel[]): string[] {
  const everywhere = optionSets.filter((s) => models.every((m) => optionSetRunsOn(s, m.template)));
  return (everywhere.length > 0 ? everywhere : optionSets).map((s) => s.id);
}

// Summarises a benchmark. Definitions (see problems.ts, sgm.ts, bootstrap.ts, scaling.ts, profile.ts,
// variability.ts, correctness.ts): a problem is a (model, seed); its time is the median over repetitions of
// the charged times; an option set's sgmTimeMs is the shifted geometric mean over its problems, beside its
// solved count; each counter's mean is over the problems' median counters of all runs, solved or not; the
// speedup is over the problems both it and the reference ran (the ratio of the two sgmTimeMs when both ran
// the same problems), null for the reference itself, without a reference or without common problems.
// Runs whose model or option set is not listed are ignored; duplicate ids count once.
/** Summarises a benchmark from its raw runs: the one entry point of the stats (run it in a worker to keep a page responsive). */
export function summarize(input: SummaryInput): BenchmarkSummary {
  const parameters = resolveParameters(input.parameters);
  const { timeLimitMs } = input.config;
  if (!Number.isFinite(timeLimitMs) || timeLimitMs <= 0)
    throw new RangeError(`config.timeLimitMs must be a finite number > 0, got ${timeLimitMs}`);

  const seenModels = new Set<string>();
  const models = input.models.filter((m) => !seenModels.has(m.id) && seenModels.add(m.id));
  const modelIds = models.map((m) => m.id);
  const seenSets = new Set<string>();
  const optionSets = input.optionSets.filter((s) => !seenSets.has(s.id) && seenSets.add(s.id));
  const setIds = optionSets.map((s) => s.id);
  const runs = input.runs.filter((r) => seenModels.has(r.modelId) && seenSets.has(r.optionSetId));

  const problems = indexProblems(runs, seenModels, setIds, timeLimitMs);
  const ref = problems.get(input.referenceOptionSetId);

  const summaries = setIds.map((optionSetId): OptionSetSummary => {
    const index = problems.get(optionSetId)!;
    let solved = 0;
    let count = 0;
    const counterValues = Object.fromEntries(COUNTER_NAMES.map((n) => [n, [] as number[]])) as Record<
      CounterName,
      number[]
    >;
    for (const seeds of index.values()) {
      for (const p of seeds.values()) {
        count++;
        if (p.solved) solved++;
        for (const name of COUNTER_NAMES) {
          const v = p.counters[name];
          if (v !== null) counterValues[name].push(v);
        }
      }
    }
    const counters = Object.fromEntries(
      COUNTER_NAMES.map((n) => [n, shiftedGeometricMean(counterValues[n], parameters.counterShifts[n])]),
    ) as Record<CounterName, number | null>;
    const speedup =
      optionSetId === input.referenceOptionSetId || !ref
        ? null
        : bootstrapSpeedup(
            pairedModelTerms(modelIds, ref, index, parameters.shiftMs),
            parameters.shiftMs,
            parameters.bootstrap,
          );
    return {
      optionSetId,
      sgmTimeMs: shiftedGeometricMean(timesOf(index), parameters.shiftMs),
      solved,
      problems: count,
      speedup,
      scaling: scalingFits(models, index, parameters.shiftMs),
      counters,
    };
  });

  return {
    shiftMs: parameters.shiftMs,
    parameters,
    optionSets: summaries,
    profile: performanceProfile(profileSetIds(optionSets, models), problems),
    variability: summarizeVariability(models, setIds, problems, runs),
    correctness: checkCorrectness(models, setIds, runs),
  };
}
