// What the tuner concludes, judged on instances it never tuned on. After the race, heldOutPlan picks the
// sets to check — the best (by training speedup) among the race's finalists (alive at the end, retired, or
// once an elite and beaten later by a better set) with 1, 2, 3… options changed,
// and the ablation path from the baseline to the race's best (its changes added one at a time, the one that
// helped most alone first) — and asks for each of them and the baseline on every held-out block, with the
// user's time limit only (no cap). tunerResult then gives each set its held-out speedup (baseline ÷ set) with
// the one decision rule's paired 95 % interval (core/decision: Hodges–Lehmann on log times paired by
// instance and seed; with too few blocks the rule says how many more it needs), the training speedup beside
// it, and what each step of the ablation path brings. A change is recommended only when some set's held-out
// interval lies above 1 by more than the rule's practical threshold and it changed no answer; among those,
// the one with the fewest changes, unless a set with more changes is really faster than it (the same rule,
// on the held-out blocks, set against set). Otherwise: no change recommended.
import { decideTime, decisionSettings, type DecisionSettings, type TimeCall, type TimedRun } from '../decision';
import { compareAnswers } from './answers';
import { raceBest } from './race';
import { BASELINE_ID, toRun, trainingSpeedup, type RaceState, type TrainingSpeedup } from './race-state';
import { changesKey, changesLabel, jobSettings } from './space';
import type { Block, Changes, TunerJob, TunerRun, TunerRunResult } from './types';

/** Why a set is checked on the held-out blocks. */
export type HeldOutRole = 'baseline' | 'best-of-k' | 'race-best' | 'ablation';

/** One option set checked on the held-out blocks. */
export interface HeldOutSet {
  id: string;
  changes: Changes;
  label: string;
  /** Options changed. */
  k: number;
  roles: HeldOutRole[];
  /** The race's candidate with these changes, or null (an ablation step the race never ran). */
  candidate: string | null;
  training: TrainingSpeedup | null;
}

/** The held-out evaluation to run: its blocks, sets and jobs. */
export interface HeldOutPlan {
  blocks: Block[];
  sets: HeldOutSet[];
  jobs: TunerJob[];
  /** The ablation path: the race best's changes in the order they are added. */
  ablationOrder: { name: string; value: Changes[string] }[];
}

/** A held-out figure of one set against a reference: the speedup with the rule's interval and call. */
export interface HeldOutFigure {
  /** Reference ÷ set (above 1: faster); null without times. */
  speedup: number | null;
  ci95: [number, number] | null;
  /** The rule's call on the set's time against the reference's ('faster' is a real speedup). */
  call: TimeCall;
  real: boolean | null;
  /** The rule's label and reasons. */
  label: string;
  why: string;
  pairs: number;
}

/** The best set with k options changed. */
export interface ResultRow {
  k: number;
  set: string;
  changes: Changes;
  label: string;
  heldOut: HeldOutFigure;
  training: TrainingSpeedup | null;
  /** How it changed an answer on a held-out block, or null. */
  answer: string | null;
}

/** One step of the ablation path: what adding one change brings. */
export interface AblationStep {
  step: number;
  name: string;
  value: Changes[string];
  /** The changes up to and including this step. */
  changes: Changes;
  label: string;
  /** This step's set against the baseline. */
  fromBaseline: HeldOutFigure;
  /** This step's set against the previous step's (the first step: the baseline). */
  fromPrevious: HeldOutFigure;
  answer: string | null;
}

/** The tuner's recommendation. */
export type Recommendation =
  | {
      kind: 'change';
      set: string;
      changes: Changes;
      label: string;
      speedup: number;
      ci95: [number, number];
      why: string;
    }
  | { kind: 'no-change'; why: string };

/** What the tuner concludes (see the top of this file). */
export interface TunerResult {
  heldOutBlocks: number;
  rows: ResultRow[];
  ablation: AblationStep[];
  recommendation: Recommendation;
  /** Candidates quarantined for changing an answer, with the evidence in words. */
  quarantined: { id: string; label: string; why: string }[];
  notes: string[];
  thresholdPct: number;
}

const fmt = (x: number) => String(Number(x.toPrecision(3)));
/** The held-out job id of a set on a block. */
export const heldJobId = (set: string, block: number) => `h:${set}@${block}`;

/** The held-out sets and their jobs for a finished race (see the top of this file). */
export function heldOutPlan(
  state: RaceState,
  blocks: readonly Block[],
  timeLimitMs: number | null = state.config.timeLimitMs,
): HeldOutPlan {
  const byKey = new Map(state.candidates.map((c) => [c.key, c]));
  const minBlocks = Math.min(state.config.firstBatch, state.config.blocks.length);
  const finalists = state.candidates.filter(
    (c) =>
      c.id !== BASELINE_ID &&
      (c.status === 'alive' || c.status === 'retired' || (c.status === 'eliminated' && c.elite)) &&
      Object.keys(c.runs).length >= minBlocks,
  );
  const sets: HeldOutSet[] = [];
  const add = (changes: Changes, role: HeldOutRole, id?: string) => {
    const key = changesKey(changes);
    const found = sets.find((s) => changesKey(s.changes) === key);
    if (found) {
      if (!found.roles.includes(role)) found.roles.push(role);
      return;
    }
    const cand = byKey.get(key) ?? null;
    sets.push({
      id: id ?? cand?.id ?? `path-${sets.length}`,
      changes: { ...changes },
      label: changesLabel(changes),
      k: Object.keys(changes).length,
      roles: [role],
      candidate: cand?.id ?? null,
      training: cand && cand.id !== BASELINE_ID ? trainingSpeedup(state, cand.id) : null,
    });
  };
  add({}, 'baseline', BASELINE_ID);
  for (let k = 1; k <= state.config.maxChanges; k++) {
    const withK = finalists
      .filter((c) => Object.keys(c.changes).length === k)
      .map((c) => ({ c, t: trainingSpeedup(state, c.id) }))
      .sort(
        (a, b) =>
          (b.t?.speedup ?? 0) - (a.t?.speedup ?? 0) ||
          (b.t?.blocks ?? 0) - (a.t?.blocks ?? 0) ||
          state.candidates.indexOf(a.c) - state.candidates.indexOf(b.c),
      );
    if (withK[0]) add(withK[0].c.changes, 'best-of-k');
  }
  const best = raceBest(state);
  const order = Object.entries(best.changes)
    .map(([name, value]) => {
      const single = byKey.get(changesKey({ [name]: value }));
      return { name, value, alone: single ? (trainingSpeedup(state, single.id)?.speedup ?? 0) : 0 };
    })
    .sort((a, b) => b.alone - a.alone || a.name.localeCompare(b.name));
  const prefix: Changes = {};
  for (const step of order) {
    prefix[step.name] = step.value;
    add(prefix, Object.keys(prefix).length === order.length ? 'race-best' : 'ablation');
  }
  const jobs: TunerJob[] = [];
  blocks.forEach((b, i) => {
    for (const s of sets) {
      const { options, symmetryBreaking } = jobSettings(s.changes);
      jobs.push({
        id: heldJobId(s.id, i),
        candidate: s.id,
        block: i,
        instance: b.instance,
        seed: b.seed,
        options: { ...options, random_seed: b.seed },
        symmetryBreaking,
        timeLimitMs,
        capped: false,
      });
    }
  });
  return {
    blocks: [...blocks],
    sets,
    jobs,
    ablationOrder: order.map(({ name, value }) => ({ name, value })),
  };
}

/** The held-out results as the race keeps runs, by job id (the first answer of a job counts). */
export function heldOutRuns(plan: HeldOutPlan, results: readonly TunerRunResult[]): Map<string, TunerRun> {
  const limitOf = new Map(plan.jobs.map((j) => [j.id, j.timeLimitMs]));
  const runs = new Map<string, TunerRun>();
  for (const r of results)
    if (limitOf.has(r.jobId) && !runs.has(r.jobId)) runs.set(r.jobId, toRun(r, limitOf.get(r.jobId)!));
  return runs;
}

/** A set's timed held-out runs as the decision rule takes them: a run stopped on its limit is charged the limit. */
export function timedHeldOut(plan: HeldOutPlan, runs: ReadonlyMap<string, TunerRun>, setId: string): TimedRun[] {
  const out: TimedRun[] = [];
  plan.blocks.forEach((b, i) => {
    const r = runs.get(heldJobId(setId, i));
    if (!r || r.error) return;
    const timeMs = r.noTime && r.limitMs !== null ? Math.max(r.timeMs, r.limitMs) : r.timeMs;
    if (timeMs > 0) out.push({ timeMs, model: b.instance, seed: b.seed, counters: r.counters });
  });
  return out;
}

/** The held-out job id of a set on a block. */
export function figure(ref: readonly TimedRun[], cand: readonly TimedRun[], s: DecisionSettings): HeldOutFigure {
  const d = decideTime(ref, cand, { sameOptions: false, sameSolver: true }, s);
  return {
    speedup: d.ratio === null || !(d.ratio > 0) ? null : 1 / d.ratio,
    ci95: d.ci95 ? [1 / d.ci95[1], 1 / d.ci95[0]] : null,
    call: d.call,
    real: d.real,
    label: d.label,
    why: d.why,
    pairs: d.n.pairs,
  };
}

/** The tuner's result from the race and the held-out results (see the top of this file). */
export function tunerResult(
  state: RaceState,
  plan: HeldOutPlan,
  results: readonly TunerRunResult[],
  given: Partial<DecisionSettings> = {},
): TunerResult {
  const settings = decisionSettings(given);
  const runs = heldOutRuns(plan, results);
  const timed = (setId: string): TimedRun[] => timedHeldOut(plan, runs, setId);
  const answerIssue = (setId: string): string | null => {
    for (let i = 0; i < plan.blocks.length; i++) {
      const base = runs.get(heldJobId(BASELINE_ID, i));
      const run = runs.get(heldJobId(setId, i));
      if (!base || !run) continue;
      const diff = compareAnswers(base, run, state.config.objectiveTolerance);
      if (diff) return `${plan.blocks[i].instance} (seed ${plan.blocks[i].seed}): ${diff.message}`;
    }
    return null;
  };

  const baseRuns = timed(BASELINE_ID);
  const bySet = new Map(plan.sets.map((s) => [s.id, s]));
  const figures = new Map<string, HeldOutFigure>();
  const answers = new Map<string, string | null>();
  for (const s of plan.sets) {
    if (s.id === BASELINE_ID) continue;
    figures.set(s.id, figure(baseRuns, timed(s.id), settings));
    answers.set(s.id, answerIssue(s.id));
  }

  const rows: ResultRow[] = plan.sets
    .filter((s) => s.roles.includes('best-of-k'))
    .sort((a, b) => a.k - b.k)
    .map((s) => ({
      k: s.k,
      set: s.id,
      changes: s.changes,
      label: s.label,
      heldOut: figures.get(s.id)!,
      training: s.training,
      answer: answers.get(s.id) ?? null,
    }));

  const ablation: AblationStep[] = [];
  let previous = BASELINE_ID;
  const prefix: Changes = {};
  for (const [i, step] of plan.ablationOrder.entries()) {
    prefix[step.name] = step.value;
    const set = plan.sets.find((s) => changesKey(s.changes) === changesKey(prefix));
    if (!set) break;
    ablation.push({
      step: i + 1,
      name: step.name,
      value: step.value,
      changes: { ...prefix },
      label: set.label,
      fromBaseline: figures.get(set.id)!,
      fromPrevious: previous === BASELINE_ID ? figures.get(set.id)! : figure(timed(previous), timed(set.id), settings),
      answer: answers.get(set.id) ?? null,
    });
    previous = set.id;
  }

  const eligible = [...figures.entries()]
    .filter(([id, f]) => f.call === 'faster' && f.speedup !== null && f.ci95 !== null && !answers.get(id))
    .map(([id, f]) => ({ set: bySet.get(id)!, f }));
  const notes: string[] = [];
  const capped = state.candidates.reduce((n, c) => n + Object.values(c.runs).filter((r) => r.noTime).length, 0);
  if (capped > 0) notes.push(`${capped} race runs stopped on the cap (they rank last on their block, without a time)`);
  if (plan.blocks.length === 0) notes.push('no held-out block: the result cannot be checked on unseen instances');

  let recommendation: Recommendation;
  if (eligible.length > 0) {
    eligible.sort((a, b) => a.set.k - b.set.k || b.f.speedup! - a.f.speedup!);
    let pick = eligible[0];
    for (const e of eligible)
      if (e.set.k > pick.set.k && figure(timed(pick.set.id), timed(e.set.id), settings).call === 'faster') pick = e;
    const larger = eligible
      .filter((e) => e.set.k > pick.set.k)
      .map((e) => `${e.set.label}: ${figure(timed(pick.set.id), timed(e.set.id), settings).label}`);
    const ci = pick.f.ci95!;
    recommendation = {
      kind: 'change',
      set: pick.set.id,
      changes: pick.set.changes,
      label: pick.set.label,
      speedup: pick.f.speedup!,
      ci95: ci,
      why: `×${fmt(pick.f.speedup!)} faster on ${pick.f.pairs} held-out blocks (95 % CI ${fmt(ci[0])}–${fmt(ci[1])}), above the ${settings.thresholdPct} % threshold${larger.length ? `; more changes are not really faster than this (${larger.join('; ')})` : ''}`,
    };
  } else {
    const others = [...figures.entries()].filter(([id]) => id !== BASELINE_ID);
    const clean = others.filter(([id]) => !answers.get(id));
    let why: string;
    if (others.length === 0) why = 'no candidate survived the race: the defaults are best on the tuning blocks';
    else if (clean.length === 0) why = 'every set changed an answer on a held-out block';
    else {
      const [id, f] = clean.sort((a, b) => (b[1].speedup ?? 0) - (a[1].speedup ?? 0))[0];
      const s = bySet.get(id)!;
      why =
        f.call === 'too-few'
          ? `too few held-out blocks to confirm any change (${f.why})`
          : `no set's held-out interval lies above 1 by more than ${settings.thresholdPct} %: the fastest, ${s.label}, is ×${f.speedup === null ? '?' : fmt(f.speedup)}${f.ci95 ? ` (95 % CI ${fmt(f.ci95[0])}–${fmt(f.ci95[1])})` : ''}`;
    }
    recommendation = { kind: 'no-change', why };
  }

  return {
    heldOutBlocks: plan.blocks.length,
    rows,
    ablation,
    recommendation,
    quarantined: state.candidates
      .filter((c) => c.status === 'quarantined')
      .map((c) => ({ id: c.id, label: c.label, why: c.why ?? '' })),
    notes,
    thresholdPct: settings.thresholdPct,
  };
}
