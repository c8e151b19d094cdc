// The racing tuner's state and settings: plain JSON (a reload resumes a race from it), with the settings'
// defaults and validation, how a result is kept, and a candidate's training speedup over the baseline.
import { pairedShift } from '../decision';
import { FAILED } from '../model-status';
import { OBJECTIVE_REL_TOL } from '../result-check';
import type { AnswerFacts, AnswerIssue } from './answers';
import type { SearchSpace } from './space';
import type { Block, Changes, TunerRun, TunerRunResult } from './types';

/** The identifier of the race's state format (checked on resume). */
export const RACE_FORMAT = 'highs-workbench/tuner-race';
/** The version of the race's state format. */
export const RACE_VERSION = 1;
/** The longest error text a run keeps. */
export const MAX_ERROR_CHARS = 500;
/** The baseline's candidate id. */
export const BASELINE_ID = 'baseline';

/** The race's settings. */
export interface RaceConfig {
  space: SearchSpace;
  /** The tuning blocks, in race order (instances.makeBlocks). */
  blocks: Block[];
  /** Seed of the sampler. */
  seed: number;
  /** Blocks before the first test. */
  firstBatch: number;
  /** Blocks per stage after the first batch. */
  blocksPerStep: number;
  /** Level of the Friedman test and of the Holm-corrected post-hoc tests. */
  alpha: number;
  /** A run's limit is the incumbent's time on the block × this factor. */
  capFactor: number;
  /** No cap below this, ms (tiny times are mostly noise). */
  minCapMs: number;
  /** The user's time limit of every run, ms, or null for none. */
  timeLimitMs: number | null;
  /** The race's budget: runs and/or total solve time in ms (null: not limited on that count). */
  budget: { runs: number | null; timeMs: number | null };
  /** Candidates carried into the next iteration. */
  eliteCount: number;
  /** The most options a candidate changes. */
  maxChanges: number;
  /** New candidates per sampling iteration. */
  samplesPerIteration: number;
  maxIterations: number;
  /** Relative tolerance of the objective comparison with the baseline (and at the ends of a MIP bracket). */
  objectiveTolerance: number;
}

/** What a caller gives: the space and blocks, and any setting to change. */
export type RaceConfigInput = Pick<RaceConfig, 'space' | 'blocks'> & Partial<Omit<RaceConfig, 'space' | 'blocks'>>;

/** The settings' defaults. */
export const RACE_DEFAULTS: Omit<RaceConfig, 'space' | 'blocks'> = {
  seed: 1,
  firstBatch: 5,
  blocksPerStep: 1,
  alpha: 0.05,
  capFactor: 2,
  minCapMs: 100,
  timeLimitMs: null,
  budget: { runs: null, timeMs: null },
  eliteCount: 4,
  maxChanges: 3,
  samplesPerIteration: 8,
  maxIterations: 5,
  objectiveTolerance: OBJECTIVE_REL_TOL,
};

/** The settings with defaults; throws RangeError naming a bad one. */
export function raceConfig(given: RaceConfigInput): RaceConfig {
  const c: RaceConfig = {
    ...RACE_DEFAULTS,
    ...given,
    budget: { ...RACE_DEFAULTS.budget, ...given.budget },
  };
  const whole = (name: string, v: number, min: number) => {
    if (!(Number.isSafeInteger(v) && v >= min))
      throw new RangeError(`${name} must be a whole number ≥ ${min}, got ${v}`);
  };
  if (c.space.dimensions.length === 0) throw new RangeError('the space is empty');
  if (c.blocks.length === 0) throw new RangeError('no tuning block');
  whole('seed', c.seed, 0);
  whole('firstBatch', c.firstBatch, 2);
  whole('blocksPerStep', c.blocksPerStep, 1);
  whole('eliteCount', c.eliteCount, 1);
  whole('maxChanges', c.maxChanges, 1);
  whole('samplesPerIteration', c.samplesPerIteration, 1);
  whole('maxIterations', c.maxIterations, 1);
  if (!(c.alpha > 0 && c.alpha < 1)) throw new RangeError(`alpha must lie in (0, 1), got ${c.alpha}`);
  if (!(c.capFactor > 1 && Number.isFinite(c.capFactor)))
    throw new RangeError(`the cap factor must be a number above 1, got ${c.capFactor}`);
  if (!(c.minCapMs >= 0 && Number.isFinite(c.minCapMs)))
    throw new RangeError(`minCapMs must be ≥ 0, got ${c.minCapMs}`);
  if (c.timeLimitMs !== null && !(c.timeLimitMs > 0 && Number.isFinite(c.timeLimitMs)))
    throw new RangeError(`the time limit must be a positive number of ms, got ${c.timeLimitMs}`);
  if (c.budget.runs !== null) whole('the run budget', c.budget.runs, 1);
  if (c.budget.timeMs !== null && !(c.budget.timeMs > 0 && Number.isFinite(c.budget.timeMs)))
    throw new RangeError(`the time budget must be a positive number of ms, got ${c.budget.timeMs}`);
  if (!(c.objectiveTolerance >= 0 && c.objectiveTolerance < 1))
    throw new RangeError(`the objective tolerance must lie in [0, 1), got ${c.objectiveTolerance}`);
  return c;
}

/** Where a candidate stands. */
export type CandidateStatus = 'alive' | 'eliminated' | 'quarantined' | 'merged' | 'retired';
/** How a candidate was made. */
export type CandidateOrigin = 'baseline' | 'one-change' | 'combination' | 'sample';
/** What an iteration makes ('confirm': no new candidate, the elites race on the blocks left with the budget left). */
export type RacePhase = 'one-change' | 'combinations' | 'samples' | 'confirm';

/** The evidence that a candidate changed an answer. */
export interface Quarantine {
  block: number;
  instance: string;
  seed: number;
  issue: AnswerIssue;
  message: string;
  baseline: AnswerFacts;
  candidate: AnswerFacts;
}

/** One candidate with its runs by block index. */
export interface RaceCandidate {
  id: string;
  key: string;
  changes: Changes;
  label: string;
  origin: CandidateOrigin;
  /** The iteration that made it. */
  iteration: number;
  status: CandidateStatus;
  /** It was carried into a later iteration as an elite (a finalist even if a better set beat it later). */
  elite: boolean;
  /** Why it is no longer alive, or null. */
  why: string | null;
  runs: Record<string, TunerRun>;
  quarantine: Quarantine | null;
}

/** The last test of an iteration. */
export interface RaceTest {
  blocks: number;
  statistic: number;
  p: number;
  /** Mean ranks by candidate id over the test's blocks. */
  meanRanks: Record<string, number>;
  best: string;
}

/** One iteration of the race. */
export interface RaceIteration {
  number: number;
  phase: RacePhase;
  members: string[];
  /** Blocks 0..blocksDone−1 are done by every alive member. */
  blocksDone: number;
  /** The best when the iteration began (the incumbent until the first test). */
  leader: string;
  startRuns: number;
  startTimeMs: number;
  /** The iteration's share of the budget (null: not limited on that count). */
  shareRuns: number | null;
  shareTimeMs: number | null;
  lastTest: RaceTest | null;
}

/** The stage in progress: its blocks, the incumbent, and whether the references or the rest are running. */
export interface RaceStage {
  blocks: number[];
  incumbent: string;
  step: 'reference' | 'rest';
  /** Time limits of the rest by block index (null: the user's limit), set when the references are done. */
  caps: Record<string, number | null> | null;
}

/** What happened, for the progress log. */
export interface RaceEvent {
  kind: 'iteration' | 'eliminated' | 'quarantined' | 'merged' | 'retired' | 'done';
  iteration: number;
  /** Runs done when it happened. */
  runs: number;
  candidate: string | null;
  message: string;
}

/** One point of the anytime curve: the best so far and its training speedup after so many runs. */
export interface AnytimePoint {
  runs: number;
  timeMs: number;
  best: string;
  label: string;
  /** Baseline ÷ best on the training blocks (paired Hodges–Lehmann); null without pairs. */
  speedup: number | null;
  blocks: number;
}

/** The whole race as JSON. */
export interface RaceState {
  format: typeof RACE_FORMAT;
  version: typeof RACE_VERSION;
  config: RaceConfig;
  /** The sampler's generator state. */
  rng: number;
  nextId: number;
  candidates: RaceCandidate[];
  iteration: RaceIteration;
  stage: RaceStage | null;
  /** Jobs handed out and not yet recorded, with their time limits (dropped on resume: they are asked again). */
  issued: { id: string; limitMs: number | null }[];
  /** Runs recorded, and their solve time: what the budget counts. */
  runs: number;
  timeMs: number;
  /**
   * Results that came back for a candidate no longer alive (quarantined or merged while its jobs were in
   * flight): kept out of the race and its budget, so a resumed race (which never asks for them) decides alike.
   */
  discarded: { runs: number; timeMs: number };
  events: RaceEvent[];
  anytime: AnytimePoint[];
  /** Why the race ended, or null while it runs. */
  done: string | null;
}

/** A candidate's training speedup over the baseline. */
export interface TrainingSpeedup {
  /** Baseline ÷ candidate: exp(Hodges–Lehmann of the paired log-time differences). */
  speedup: number;
  /** The signed-rank 95 % interval, or null with too few blocks. */
  ci95: [number, number] | null;
  blocks: number;
  /** Blocks where the candidate was capped: counted at its limit (a bound, it was slower). */
  cappedBlocks: number;
}

/** One candidate as the progress view shows it. */
export interface CandidateProgress {
  id: string;
  label: string;
  changes: Changes;
  origin: CandidateOrigin;
  status: CandidateStatus;
  why: string | null;
  /** Blocks it has a run on. */
  blocks: number;
  /** Mean rank in the current iteration (alive members), or null. */
  meanRank: number | null;
  training: TrainingSpeedup | null;
}

/** The race's progress: runs against the budget, who is alive, the ranks, who went and why, the best so far. */
export interface RaceProgress {
  runs: number;
  timeMs: number;
  /** Results discarded: they came back for a candidate already quarantined or merged. */
  discardedRuns: number;
  budget: { runs: number | null; timeMs: number | null };
  /** The larger share of the budget used (runs or time), or null without a budget. */
  used: number | null;
  iteration: number;
  phase: RacePhase;
  blocksDone: number;
  blocksTotal: number;
  alive: number;
  candidates: CandidateProgress[];
  events: RaceEvent[];
  best: CandidateProgress | null;
  anytime: AnytimePoint[];
  /** Runs of every candidate made so far on every block: what a full evaluation would cost. */
  fullEvaluationRuns: number;
  done: boolean;
  why: string | null;
}

const finiteOrNull = (x: number | null | undefined) => (typeof x === 'number' && Number.isFinite(x) ? x : null);

/** A result as the race keeps it: finite numbers or null, and whether it has a usable time. */
export function toRun(r: TunerRunResult, limitMs: number | null): TunerRun {
  const timeOk = typeof r.timeMs === 'number' && Number.isFinite(r.timeMs) && r.timeMs >= 0;
  // Capped: a stored record refuses longer texts (record-schema.ts), and quarantine evidence quotes it twice.
  const error = r.error ? String(r.error).slice(0, MAX_ERROR_CHARS) : timeOk ? null : 'no valid solve time';
  let counters: Record<string, number> | null = null;
  if (r.counters) {
    counters = {};
    for (const [k, v] of Object.entries(r.counters)) if (Number.isFinite(v)) counters[k] = v;
  }
  return {
    status: r.status,
    timeMs: timeOk ? r.timeMs : 0,
    objective: finiteOrNull(r.objective),
    dualBound: finiteOrNull(r.dualBound),
    counters,
    feasible: typeof r.feasible === 'boolean' ? r.feasible : null,
    error,
    noTime: !!error || r.status === 'time-limit' || r.status === 'interrupted' || FAILED.has(r.status),
    limitMs,
  };
}

/** The training speedup of a candidate over the baseline on the blocks both ran (see TrainingSpeedup). */
export function trainingSpeedup(state: RaceState, id: string): TrainingSpeedup | null {
  const base = state.candidates.find((c) => c.id === BASELINE_ID)!;
  const cand = state.candidates.find((c) => c.id === id);
  if (!cand) return null;
  const d: number[] = [];
  let capped = 0;
  for (const [b, run] of Object.entries(cand.runs)) {
    const ref = base.runs[b];
    if (!ref || ref.noTime || !(ref.timeMs > 0)) continue;
    let t: number;
    if (!run.noTime) t = run.timeMs;
    else if ((run.status === 'time-limit' || run.status === 'interrupted') && !run.error && run.limitMs !== null) {
      t = run.limitMs;
      capped++;
    } else continue;
    if (!(t > 0)) continue;
    d.push(Math.log(ref.timeMs) - Math.log(t));
  }
  const est = pairedShift(d);
  if (!est) return null;
  return {
    speedup: Math.exp(est.estimate),
    ci95: est.ci ? [Math.exp(est.ci[0]), Math.exp(est.ci[1])] : null,
    blocks: d.length,
    cappedBlocks: capped,
  };
}
