// The racing tuner (iterated F-Race): which option changes make a template's instances faster. Driven by an
// evaluator the caller owns: `next()` says what to run, `record()` takes each answer, and the whole state is
// plain JSON (`toJSON()` / `Race.resume`), so a reload resumes where it stopped.
//
// Iterations. 1: the baseline and every one-option change of it (the space's values). 2: combinations of the
// elites (unions of 2..maxChanges of them that change different options). 3 and on: samples around the elites
// (one dimension of an elite changed, added or dropped; seeded). Elites keep their results; the survivors of an
// iteration that are not elites retire. When nothing new is left to try (or maxIterations ended) with budget
// left, a last 'confirm' iteration races the elites and the baseline on the blocks they have not run, so the
// finalists are told apart on more than the first batch. The race ends when the budget is spent, when the
// confirm iteration has used every block, or when no candidate is left besides the baseline.
//
// Within an iteration, blocks are taken in the config's order from the first: a stage of blocks (the first
// batch, then blocksPerStep at a time) runs first its references — the baseline, whose answers every run is
// checked against, and the incumbent (the best by mean rank so far), whose time sets the cap — then every
// other alive candidate with a time limit of the incumbent's time on that block × capFactor. A capped run
// ranks last on its block without a made-up time. After each stage from the first batch on:
// - a candidate whose work counters equal the baseline's on every block so far, and whose times agree with the
//   baseline's (geometric mean ratio within MERGE_TIME_BAND), is merged with the baseline (it does nothing on
//   this template) and stops running; HiGHS's counters do not count presolve or heuristic work, so identical
//   counters with different times are raced on time like any other candidate;
// - the Friedman test over the alive candidates on their common blocks, and when it rejects at α, Conover's
//   post-hoc test of each against the best, Holm-corrected: the clearly worse are eliminated, with why.
// Every run's answer is compared with the baseline's on the same block (answers.ts): a candidate that changes
// an answer is quarantined at once with the evidence and is never offered as a winner.
//
// Budget: runs and/or total solve time, checked when a stage ends (a stage already started runs to its end,
// so the race may pass its budget by one stage). The first iteration may use half of the budget, each later
// one an equal share of what is left.
import { compareAnswers, type AnswerFacts } from './answers';
import { combinations, samples } from './candidates';
import { conoverVsBest, friedman } from './friedman';
import {
  BASELINE_ID,
  RACE_FORMAT,
  RACE_VERSION,
  raceConfig,
  toRun,
  trainingSpeedup,
  type CandidateOrigin,
  type CandidateProgress,
  type CandidateStatus,
  type RaceCandidate,
  type RaceConfigInput,
  type RaceEvent,
  type RacePhase,
  type RaceProgress,
  type RaceStage,
  type RaceState,
} from './race-state';
import { changesKey, changesLabel, jobSettings, oneChangeCandidates } from './space';
import type { Changes, TunerJob, TunerRun, TunerRunResult } from './types';

const jobId = (candidate: string, block: number) => `${candidate}@${block}`;
const fmt = (x: number) => String(Number(x.toPrecision(3)));
const pText = (p: number) => (p < 0.001 ? 'p < 0.001' : `p = ${fmt(p)}`);

function parseJobId(id: string): { candidate: string; block: number } | null {
  const at = id.lastIndexOf('@');
  if (at <= 0) return null;
  const block = Number(id.slice(at + 1));
  return Number.isSafeInteger(block) && block >= 0 ? { candidate: id.slice(0, at), block } : null;
}

function sameWork(a: TunerRun, b: TunerRun): boolean {
  if (!a.counters || !b.counters || a.noTime || b.noTime || a.status !== b.status) return false;
  const names = new Set([...Object.keys(a.counters), ...Object.keys(b.counters)]);
  if (names.size === 0) return false;
  for (const n of names) if ((a.counters[n] ?? 0) !== (b.counters[n] ?? 0)) return false;
  return true;
}

/**
 * How far a candidate's times may lie from the baseline's (geometric mean of the ratios over its blocks) for
 * identical work counters to mean it does nothing: within ×1.1 either way. Presolve off on an LP that presolve
 * does not shrink, or a heuristic switched off, leaves the counters as they were and still changes the time.
 */
export const MERGE_TIME_BAND = 1.1;

/** Do paired times (candidate, baseline) agree within MERGE_TIME_BAND (geometric mean of the ratios)? */
function sameTimes(pairs: readonly [number, number][]): boolean {
  const logs = pairs.filter(([a, b]) => a > 0 && b > 0).map(([a, b]) => Math.log(a / b));
  if (logs.length === 0) return true;
  const mean = logs.reduce((x, y) => x + y, 0) / logs.length;
  return Math.abs(mean) <= Math.log(MERGE_TIME_BAND);
}

/** A new race: the baseline and every one-option change, iteration 1. */
export function startRace(given: RaceConfigInput): RaceState {
  const config = raceConfig(given);
  const state: RaceState = {
    format: RACE_FORMAT,
    version: RACE_VERSION,
    config,
    rng: config.seed >>> 0,
    nextId: 1,
    candidates: [],
    iteration: {
      number: 1,
      phase: 'one-change',
      members: [],
      blocksDone: 0,
      leader: BASELINE_ID,
      startRuns: 0,
      startTimeMs: 0,
      shareRuns: null,
      shareTimeMs: null,
      lastTest: null,
    },
    stage: null,
    issued: [],
    runs: 0,
    timeMs: 0,
    discarded: { runs: 0, timeMs: 0 },
    events: [],
    anytime: [],
    done: null,
  };
  const base = addCandidate(state, {}, 'baseline', BASELINE_ID)!;
  const members = [base.id];
  for (const changes of oneChangeCandidates(config.space)) {
    const c = addCandidate(state, changes, 'one-change');
    if (c) members.push(c.id);
  }
  state.iteration.members = members;
  setShares(state);
  state.events.push({
    kind: 'iteration',
    iteration: 1,
    runs: 0,
    candidate: null,
    message: `iteration 1: the baseline and ${members.length - 1} one-option changes on ${config.blocks.length} blocks`,
  });
  return state;
}

function addCandidate(state: RaceState, changes: Changes, origin: CandidateOrigin, id?: string): RaceCandidate | null {
  const key = changesKey(changes);
  if (state.candidates.some((c) => c.key === key)) return null;
  const c: RaceCandidate = {
    id: id ?? `c${state.nextId++}`,
    key,
    changes: { ...changes },
    label: changesLabel(changes),
    origin,
    iteration: state.iteration.number,
    status: 'alive',
    elite: false,
    why: null,
    runs: {},
    quarantine: null,
  };
  state.candidates.push(c);
  return c;
}

function setShares(state: RaceState): void {
  const it = state.iteration;
  const { budget, maxIterations } = state.config;
  const part = it.number === 1 ? 0.5 : 1 / Math.max(1, maxIterations - it.number + 1);
  it.startRuns = state.runs;
  it.startTimeMs = state.timeMs;
  it.shareRuns = budget.runs === null ? null : Math.max(0, budget.runs - state.runs) * part;
  it.shareTimeMs = budget.timeMs === null ? null : Math.max(0, budget.timeMs - state.timeMs) * part;
}

/** The race has a budget (runs or time): a confirm iteration needs one to end before the last block. */
function anyBudget(state: RaceState): boolean {
  return state.config.budget.runs !== null || state.config.budget.timeMs !== null;
}

function budgetUsed(state: RaceState): boolean {
  const { runs, timeMs } = state.config.budget;
  return (runs !== null && state.runs >= runs) || (timeMs !== null && state.timeMs >= timeMs);
}

function shareUsed(state: RaceState): boolean {
  const it = state.iteration;
  return (
    (it.shareRuns !== null && state.runs - it.startRuns >= it.shareRuns) ||
    (it.shareTimeMs !== null && state.timeMs - it.startTimeMs >= it.shareTimeMs)
  );
}

const candidateMap = (state: RaceState) => new Map(state.candidates.map((c) => [c.id, c]));

function aliveMembers(state: RaceState): RaceCandidate[] {
  const byId = candidateMap(state);
  return state.iteration.members.map((id) => byId.get(id)!).filter((c) => c.status === 'alive');
}

/** Blocks 0..n−1 that every given candidate has a run on. */
function commonBlocks(cands: readonly RaceCandidate[], total: number): number {
  let n = 0;
  while (n < total && cands.every((c) => c.runs[n] !== undefined)) n++;
  return n;
}

const rankValue = (r: TunerRun) => (r.noTime ? Infinity : r.timeMs);

/** The alive members ranked by mean rank on their common blocks (best first; ties by creation order). */
function ranking(state: RaceState): { id: string; meanRank: number }[] {
  const alive = aliveMembers(state);
  const n = commonBlocks(alive, state.config.blocks.length);
  if (alive.length === 0) return [];
  if (alive.length === 1 || n === 0) {
    const lead = alive.find((c) => c.id === state.iteration.leader) ?? alive[0];
    return [lead, ...alive.filter((c) => c !== lead)].map((c) => ({ id: c.id, meanRank: NaN }));
  }
  const matrix = Array.from({ length: n }, (_, b) => alive.map((c) => rankValue(c.runs[b])));
  const f = friedman(matrix);
  const order = alive.map((c, i) => ({ id: c.id, meanRank: f.meanRanks[i], i }));
  order.sort((a, b) => a.meanRank - b.meanRank || a.i - b.i);
  return order.map(({ id, meanRank }) => ({ id, meanRank }));
}

function setStatus(state: RaceState, c: RaceCandidate, status: CandidateStatus, why: string, kind: RaceEvent['kind']) {
  c.status = status;
  c.why = why;
  state.events.push({
    kind,
    iteration: state.iteration.number,
    runs: state.runs,
    candidate: c.id,
    message: `${c.label}: ${why}`,
  });
}

function checkAnswer(state: RaceState, cand: RaceCandidate, block: number): void {
  if (cand.id === BASELINE_ID || cand.status !== 'alive') return;
  const base = state.candidates.find((c) => c.id === BASELINE_ID)!;
  const ref = base.runs[block];
  const run = cand.runs[block];
  if (!ref || !run) return;
  const diff = compareAnswers(ref, run, state.config.objectiveTolerance);
  if (!diff) return;
  const b = state.config.blocks[block];
  const facts = (r: TunerRun): AnswerFacts => ({
    status: r.status,
    objective: r.objective,
    dualBound: r.dualBound,
    feasible: r.feasible,
    error: r.error,
  });
  cand.quarantine = {
    block,
    instance: b.instance,
    seed: b.seed,
    issue: diff.issue,
    message: diff.message,
    baseline: facts(ref),
    candidate: facts(run),
  };
  setStatus(
    state,
    cand,
    'quarantined',
    `changes the answer on ${b.instance} (seed ${b.seed}): ${diff.message}`,
    'quarantined',
  );
}

function referenceIds(state: RaceState, stage: RaceStage): string[] {
  const byId = candidateMap(state);
  const ids = [BASELINE_ID];
  if (stage.incumbent !== BASELINE_ID && byId.get(stage.incumbent)?.status === 'alive') ids.push(stage.incumbent);
  return ids;
}

/** Missing (candidate, block) pairs of the stage's current step, alive candidates only. */
function missing(state: RaceState): { candidate: RaceCandidate; block: number }[] {
  const stage = state.stage;
  if (!stage) return [];
  const byId = candidateMap(state);
  const who =
    stage.step === 'reference'
      ? referenceIds(state, stage).map((id) => byId.get(id)!)
      : aliveMembers(state).filter((c) => c.status === 'alive');
  const out: { candidate: RaceCandidate; block: number }[] = [];
  for (const block of stage.blocks)
    for (const c of who) if (c.runs[block] === undefined) out.push({ candidate: c, block });
  return out;
}

function startStage(state: RaceState): void {
  const it = state.iteration;
  const { firstBatch, blocksPerStep, blocks } = state.config;
  const from = it.blocksDone;
  const count = from < firstBatch ? firstBatch - from : blocksPerStep;
  const to = Math.min(blocks.length, from + count);
  const lead = ranking(state)[0]?.id ?? BASELINE_ID;
  state.stage = {
    blocks: Array.from({ length: to - from }, (_, i) => from + i),
    incumbent: it.blocksDone === 0 ? it.leader : lead,
    step: 'reference',
    caps: null,
  };
}

function setCaps(state: RaceState, stage: RaceStage): void {
  const byId = candidateMap(state);
  const { capFactor, minCapMs, timeLimitMs } = state.config;
  const inc = byId.get(stage.incumbent);
  const base = byId.get(BASELINE_ID)!;
  const caps: Record<string, number | null> = {};
  for (const b of stage.blocks) {
    const from = [inc?.status === 'alive' ? inc.runs[b] : undefined, base.runs[b]].find((r) => r && !r.noTime);
    if (!from) {
      caps[b] = null;
      continue;
    }
    const cap = Math.max(minCapMs, from.timeMs * capFactor);
    caps[b] = timeLimitMs !== null && cap >= timeLimitMs ? null : cap;
  }
  stage.caps = caps;
}

function testAndEliminate(state: RaceState): void {
  const it = state.iteration;
  const { blocks, firstBatch, alpha } = state.config;
  const byId = candidateMap(state);
  const base = byId.get(BASELINE_ID)!;
  if (it.blocksDone < Math.min(firstBatch, blocks.length)) return;
  for (const c of aliveMembers(state)) {
    if (c.id === BASELINE_ID) continue;
    const own = Object.keys(c.runs).filter((b) => Number(b) < blocks.length);
    if (own.length < Math.min(firstBatch, blocks.length)) continue;
    if (
      own.every((b) => base.runs[b] !== undefined && sameWork(c.runs[b], base.runs[b])) &&
      sameTimes(own.map((b) => [c.runs[b].timeMs, base.runs[b].timeMs]))
    )
      setStatus(
        state,
        c,
        'merged',
        `identical work counters to the baseline on all ${own.length} blocks: it does nothing on this template`,
        'merged',
      );
  }
  const alive = aliveMembers(state);
  if (alive.length < 2) return;
  const n = commonBlocks(alive, blocks.length);
  const matrix = Array.from({ length: n }, (_, b) => alive.map((c) => rankValue(c.runs[b])));
  const f = friedman(matrix);
  const post = conoverVsBest(f, alpha);
  const best = alive[post.best];
  it.lastTest = {
    blocks: n,
    statistic: f.statistic,
    p: f.p,
    meanRanks: Object.fromEntries(alive.map((c, i) => [c.id, f.meanRanks[i]])),
    best: best.id,
  };
  if (f.p > alpha) return;
  const head = `Friedman χ² = ${fmt(f.statistic)}, ${pText(f.p)} on ${n} blocks`;
  for (const cmp of post.comparisons) {
    const c = alive[cmp.index];
    if (!cmp.worse || c.id === BASELINE_ID) continue;
    setStatus(
      state,
      c,
      'eliminated',
      `${head}; mean rank ${fmt(f.meanRanks[cmp.index])} against ${fmt(f.meanRanks[post.best])} of the best (${best.label}): Conover t = ${fmt(cmp.t)}, Holm-adjusted ${pText(cmp.pHolm)}`,
      'eliminated',
    );
  }
}

function anytimePoint(state: RaceState): void {
  const top = ranking(state)[0];
  if (!top) return;
  const c = state.candidates.find((x) => x.id === top.id)!;
  const t = top.id === BASELINE_ID ? null : trainingSpeedup(state, top.id);
  state.anytime.push({
    runs: state.runs,
    timeMs: state.timeMs,
    best: c.id,
    label: c.label,
    speedup: top.id === BASELINE_ID ? 1 : (t?.speedup ?? null),
    blocks: top.id === BASELINE_ID ? state.iteration.blocksDone : (t?.blocks ?? 0),
  });
}

function finishRace(state: RaceState, why: string): void {
  state.done = why;
  state.stage = null;
  state.events.push({
    kind: 'done',
    iteration: state.iteration.number,
    runs: state.runs,
    candidate: null,
    message: why,
  });
}

function endIteration(state: RaceState, why: string): void {
  const it = state.iteration;
  const ranked = ranking(state);
  const byId = candidateMap(state);
  const contenders = ranked.filter((r) => r.id !== BASELINE_ID).map((r) => byId.get(r.id)!);
  const elites = contenders.slice(0, state.config.eliteCount);
  for (const e of elites) e.elite = true;
  for (const c of contenders.slice(state.config.eliteCount))
    setStatus(
      state,
      c,
      'retired',
      `not among the ${state.config.eliteCount} elites at the end of iteration ${it.number}`,
      'retired',
    );
  state.events.push({
    kind: 'iteration',
    iteration: it.number,
    runs: state.runs,
    candidate: null,
    message: `iteration ${it.number} ended (${why}) after ${it.blocksDone} blocks; elites: ${elites.map((e) => e.label).join('; ') || 'none'}`,
  });
  state.stage = null;
  if (budgetUsed(state)) return finishRace(state, 'the budget is used');
  if (elites.length === 0)
    return finishRace(state, 'no candidate is left besides the baseline: the defaults are best on the tuning blocks');
  if (it.phase === 'confirm') return finishRace(state, `the elites raced on every block they could (${why})`);
  const known = new Set(state.candidates.map((c) => c.key));
  let phase: RacePhase = it.phase === 'one-change' ? 'combinations' : 'samples';
  let made: Changes[] = [];
  if (it.number < state.config.maxIterations) {
    made = phase === 'combinations' ? combinations(state, elites).filter((ch) => !known.has(changesKey(ch))) : [];
    if (made.length === 0) {
      phase = 'samples';
      made = samples(state, elites);
    }
  }
  if (made.length === 0) {
    // Nothing new to try (or the last iteration ended) with budget left: the elites race on more blocks, so the
    // finalists are told apart on more than the first batch.
    if (
      !anyBudget(state) ||
      commonBlocks([byId.get(BASELINE_ID)!, ...elites], state.config.blocks.length) >= state.config.blocks.length
    )
      return finishRace(
        state,
        it.number >= state.config.maxIterations
          ? `the last iteration (${it.number}) ended`
          : 'nothing new is left to try',
      );
    phase = 'confirm';
  }
  const leader = ranked[0]?.id ?? BASELINE_ID;
  state.iteration = {
    number: it.number + 1,
    phase,
    members: [],
    blocksDone: 0,
    leader,
    startRuns: state.runs,
    startTimeMs: state.timeMs,
    shareRuns: null,
    shareTimeMs: null,
    lastTest: null,
  };
  const added = made
    .map((ch) => addCandidate(state, ch, phase === 'combinations' ? 'combination' : 'sample'))
    .filter((c): c is RaceCandidate => c !== null);
  state.iteration.members = [BASELINE_ID, ...elites.map((e) => e.id), ...added.map((c) => c.id)];
  setShares(state);
  state.events.push({
    kind: 'iteration',
    iteration: state.iteration.number,
    runs: state.runs,
    candidate: null,
    message:
      phase === 'confirm'
        ? `iteration ${state.iteration.number} (confirm): the ${elites.length} elites race on the blocks left with the budget left`
        : `iteration ${state.iteration.number} (${phase}): ${elites.length} elites and ${added.length} new candidates`,
  });
}

function finishStage(state: RaceState): void {
  const it = state.iteration;
  const stage = state.stage!;
  it.blocksDone = stage.blocks[stage.blocks.length - 1] + 1;
  state.stage = null;
  testAndEliminate(state);
  anytimePoint(state);
  const total = state.config.blocks.length;
  const contenders = aliveMembers(state).filter((c) => c.id !== BASELINE_ID).length;
  const tested = it.blocksDone >= Math.min(state.config.firstBatch, total);
  if (budgetUsed(state)) return finishRace(state, 'the budget is used');
  if (it.blocksDone >= total) return endIteration(state, 'every tuning block is used');
  if (contenders === 0) return endIteration(state, 'only the baseline is left');
  if (it.phase === 'confirm') return; // on to the budget's end or the last block
  if (tested && contenders <= state.config.eliteCount) return endIteration(state, `${contenders} candidates left`);
  if (tested && shareUsed(state)) return endIteration(state, 'its share of the budget is used');
}

/** Moves the race on as far as the recorded results allow (stage steps, tests, iterations). */
function advance(state: RaceState): void {
  for (let guard = 0; guard < 100_000 && !state.done; guard++) {
    if (!state.stage) startStage(state);
    const stage = state.stage!;
    if (stage.blocks.length === 0) return finishRace(state, 'no block is left');
    if (missing(state).length > 0) return;
    if (stage.step === 'reference') {
      setCaps(state, stage);
      stage.step = 'rest';
      continue;
    }
    finishStage(state);
  }
}

/** The jobs to run now (those not handed out yet); [] while waiting for results; null when the race is over. */
export function nextJobs(state: RaceState): TunerJob[] | null {
  advance(state);
  if (state.done) return null;
  const stage = state.stage!;
  const issued = new Set(state.issued.map((j) => j.id));
  const jobs: TunerJob[] = [];
  for (const { candidate, block } of missing(state)) {
    const id = jobId(candidate.id, block);
    if (issued.has(id)) continue;
    const b = state.config.blocks[block];
    const cap = stage.step === 'rest' ? (stage.caps?.[block] ?? null) : null;
    const limitMs = cap ?? state.config.timeLimitMs;
    const { options, symmetryBreaking } = jobSettings(candidate.changes);
    jobs.push({
      id,
      candidate: candidate.id,
      block,
      instance: b.instance,
      seed: b.seed,
      options: { ...options, random_seed: b.seed },
      symmetryBreaking,
      timeLimitMs: limitMs,
      capped: cap !== null,
    });
    state.issued.push({ id, limitMs });
  }
  return jobs;
}

/** Records one result (true), or ignores a result for a job not handed out or already recorded (false). */
export function recordResult(state: RaceState, result: TunerRunResult): boolean {
  const at = state.issued.findIndex((j) => j.id === result.jobId);
  const parsed = parseJobId(result.jobId);
  if (at < 0 || !parsed) return false;
  const [{ limitMs }] = state.issued.splice(at, 1);
  const cand = state.candidates.find((c) => c.id === parsed.candidate);
  if (!cand || cand.runs[parsed.block] !== undefined) return false;
  const run = toRun(result, limitMs);
  if (cand.status !== 'alive') {
    state.discarded.runs += 1;
    state.discarded.timeMs += run.timeMs;
    return true;
  }
  cand.runs[parsed.block] = run;
  state.runs += 1;
  state.timeMs += run.timeMs;
  if (cand.id === BASELINE_ID) for (const c of state.candidates) checkAnswer(state, c, parsed.block);
  else checkAnswer(state, cand, parsed.block);
  advance(state);
  return true;
}

/** The race's progress (see RaceProgress). */
export function raceProgress(state: RaceState): RaceProgress {
  const ranked = ranking(state);
  const ranks = new Map(ranked.map((r) => [r.id, r.meanRank]));
  const view = (c: RaceCandidate): CandidateProgress => ({
    id: c.id,
    label: c.label,
    changes: c.changes,
    origin: c.origin,
    status: c.status,
    why: c.why,
    blocks: Object.keys(c.runs).length,
    meanRank: Number.isFinite(ranks.get(c.id)) ? ranks.get(c.id)! : null,
    training: c.id === BASELINE_ID ? null : trainingSpeedup(state, c.id),
  });
  const { runs, timeMs } = state.config.budget;
  const shares = [runs === null ? null : state.runs / runs, timeMs === null ? null : state.timeMs / timeMs].filter(
    (x): x is number => x !== null,
  );
  const top = ranked[0] ? state.candidates.find((c) => c.id === ranked[0].id)! : null;
  return {
    runs: state.runs,
    timeMs: state.timeMs,
    discardedRuns: state.discarded.runs,
    budget: { runs, timeMs },
    used: shares.length ? Math.max(...shares) : null,
    iteration: state.iteration.number,
    phase: state.iteration.phase,
    blocksDone: state.iteration.blocksDone,
    blocksTotal: state.config.blocks.length,
    alive: aliveMembers(state).length,
    candidates: state.candidates.map(view),
    events: state.events,
    best: top ? view(top) : null,
    anytime: state.anytime,
    fullEvaluationRuns: state.candidates.length * state.config.blocks.length,
    done: state.done !== null,
    why: state.done,
  };
}

/** The race's best: the alive candidate with the best mean rank (the baseline when the defaults win). */
export function raceBest(state: RaceState): RaceCandidate {
  const top = ranking(state)[0]?.id ?? BASELINE_ID;
  return state.candidates.find((c) => c.id === top)!;
}

/** Checks a saved state's shape and clears the jobs that were in flight (they are asked again). */
export function resumeState(json: unknown): RaceState {
  const s = json as Partial<RaceState> | null;
  if (!s || typeof s !== 'object' || s.format !== RACE_FORMAT)
    throw new Error('not a saved tuner race (format highs-workbench/tuner-race expected)');
  if (s.version !== RACE_VERSION)
    throw new Error(`tuner race version ${String(s.version)} is not supported (${RACE_VERSION} is)`);
  if (!s.config || !Array.isArray(s.candidates) || !s.iteration || !s.candidates.some((c) => c.id === BASELINE_ID))
    throw new Error('the saved tuner race is incomplete');
  const state = JSON.parse(JSON.stringify(s)) as RaceState;
  state.config = raceConfig(state.config);
  state.issued = [];
  return state;
}

/** The race as an object: next / record / progress, and toJSON / resume for a reload. */
export class Race {
  private constructor(private readonly state: RaceState) {}

  /** A new race over a space and blocks. */
  static start(config: RaceConfigInput): Race {
    return new Race(startRace(config));
  }

  /** A race from its saved JSON (jobs that were in flight are asked again). */
  static resume(json: unknown): Race {
    return new Race(resumeState(json));
  }

  /** The jobs to run now; [] while waiting for results; null when the race is over. */
  next(): TunerJob[] | null {
    return nextJobs(this.state);
  }

  /** Records a result; false when it was not asked for or is already recorded. */
  record(result: TunerRunResult): boolean {
    return recordResult(this.state, result);
  }

  /** Gives back a job that was handed out but will not run (it is asked again). */
  release(jobId: string): void {
    const at = this.state.issued.findIndex((j) => j.id === jobId);
    if (at >= 0) this.state.issued.splice(at, 1);
  }

  /** Progress for the view. */
  progress(): RaceProgress {
    return raceProgress(this.state);
  }

  /** The race is over (see progress().why). */
  get done(): boolean {
    return this.state.done !== null;
  }

  /** A deep copy of the state (plain JSON). */
  toJSON(): RaceState {
    return JSON.parse(JSON.stringify(this.state)) as RaceState;
  }
}
