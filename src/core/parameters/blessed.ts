// Blessed option sets: the set approved for a template, with its evidence and provenance, and the rules
// for promoting, revoking and rolling back, as pure functions over one template's history (its sets and
// the events that made one of them active). Whether a candidate was slower than its reference is core/decision's
// one rule (decideTime), as everywhere. Storage keeps what these return; nothing here mutates.
import type { BenchmarkRun, Speedup } from '../benchmark';
import { decideTime, type TimeDecision } from '../decision';
import { sameOptionValue, type OptionValue, type OptionValues } from '../options-schema';
import { benchmarkTimedRun, checkedOptionsKey } from '../regression/verdict';
import type { OptionIssue } from './validate';

/** The performance a blessed set showed on its evidence benchmark: what later runs are compared with. */
export interface BaselineSummary {
  /** Shifted geometric mean of the problems' times, ms (null without problems). */
  sgmTimeMs: number | null;
  solved: number;
  problems: number;
}

/** An option set approved for a template, with the evidence it was approved on. */
export interface BlessedSet {
  id: string;
  template: string;
  name: string;
  options: OptionValues;
  /** The name the approver typed. */
  approvedBy: string;
  /** When the evidence was measured (ISO 8601). */
  validatedAt: string;
  /** When it was promoted (ISO 8601). */
  promotedAt: string;
  solverVersion: string;
  /** Against what it was measured with (the blessed set then, or the defaults); null when not measured side by side. */
  speedup: Speedup | null;
  estimatedSolveMs: number | null;
  /** The benchmark that is its evidence. */
  evidenceBenchmarkId: string;
  baseline: BaselineSummary;
}

/** What the candidate was measured against. */
export type ValidationReference = { kind: 'blessed'; setId: string } | { kind: 'defaults' };

/** A candidate's static check (validateCandidate) together with its measured benchmark. */
export interface ValidationResult {
  template: string;
  options: OptionValues;
  valid: boolean;
  errors: OptionIssue[];
  warnings: OptionIssue[];
  reference: ValidationReference;
  /** Reference SGM ÷ candidate SGM with its 95 % interval (above 1: the candidate is faster); null if not measured. */
  speedup: Speedup | null;
  /** The candidate's estimated solve time per problem, ms. */
  estimatedSolveMs: number | null;
  /** Objectives and feasibility against the reference's. */
  correctness: { ok: boolean; disagreements: number };
  /** The candidate's own summary on the benchmark. */
  baseline: BaselineSummary;
  /** The reference's summary on the same benchmark, when measured. */
  referenceBaseline: BaselineSummary | null;
  /**
   * The candidate's work ÷ the reference's: the largest ratio of the work counters' shifted geometric means (the
   * same solver, seeds and problems, so noise-free); null when not measured or no counter moved on either side.
   * Evidence only: with other options than the reference's, counters do not stand for time. Absent in
   * validations made before it existed.
   */
  workRatio?: number | null;
  /**
   * The candidate's time against the reference's by core/decision's rule (validationTime): what decides whether
   * it was slower, and the label shown beside its speedup; null when not measured. Absent in validations made
   * before it existed (then no time refusal).
   */
  time?: TimeDecision | null;
  benchmarkId: string;
  solverVersion: string;
  /** ISO 8601. */
  validatedAt: string;
}

/** One entry of a template's blessed history. */
export interface BlessedEvent {
  kind: 'promoted' | 'revoked' | 'rolled-back';
  /** ISO 8601. */
  at: string;
  by: string;
  setId: string;
  /** Why (a revocation's and a rollback's reason, as the user typed it). */
  reason?: string;
  /** The id of the set a promotion replaced (events stored before it existed say `replaces <id>` in `reason`). */
  replaces?: string;
}

/** One template's blessed sets and the events, oldest first; which set is active follows from the events. */
export interface BlessedHistory {
  template: string;
  sets: readonly BlessedSet[];
  events: readonly BlessedEvent[];
}

/** A permitted step, or why not (a sentence for the user). */
export type Decision = { ok: true } | { ok: false; reason: string };

/** The new state after a promotion, revocation or rollback. */
export type HistoryChange =
  { ok: true; active: BlessedSet | null; history: BlessedHistory; event: BlessedEvent } | { ok: false; reason: string };

// Both sides ran on one benchmark, so on one solver; the options differ unless the candidate is the reference's
// own set. The practical threshold is the rule's default (5 %). The validation benchmark's few (model, seed)
// pairs are often too few for an interval: then the decision is `too-few`, says how many more it needs, and
// refuses nothing.
/** The candidate's time against the reference's on a validation benchmark, by core/decision's one rule (candidate ÷ reference). */
export function validationTime(
  runs: readonly BenchmarkRun[],
  sets: { reference: { id: string; options: OptionValues }; candidate: { id: string; options: OptionValues } },
  timeLimitMs: number,
): TimeDecision {
  const timed = (id: string) => runs.filter((r) => r.optionSetId === id).map((r) => benchmarkTimedRun(r, timeLimitMs));
  return decideTime(timed(sets.reference.id), timed(sets.candidate.id), {
    sameOptions: checkedOptionsKey(sets.reference.options) === checkedOptionsKey(sets.candidate.options),
    sameSolver: true,
  });
}

/**
 * May this validated candidate become the blessed set? Refused, with the reason, when validation found
 * errors, when it was never measured, when any answer disagreed with the reference, when it solved
 * fewer problems than the reference, when core/decision's rule calls its time slower than the reference's
 * (the decision's ratio, interval, n and p in the reason), or when nobody is named as approving it.
 */
export function canPromote(validation: ValidationResult, approvedBy: string): Decision {
  if (!validation.valid || validation.errors.length > 0) {
    const first = validation.errors.slice(0, 3).map((e) => e.message);
    const more = validation.errors.length > 3 ? ` and ${validation.errors.length - 3} more` : '';
    const detail = first.length > 0 ? `: ${first.join('; ')}${more}` : '';
    return { ok: false, reason: `the option set failed validation${detail}` };
  }
  if (validation.benchmarkId.trim() === '' || validation.baseline.problems === 0)
    return { ok: false, reason: 'the option set has not been measured: run its validation benchmark first' };
  if (!validation.correctness.ok || validation.correctness.disagreements > 0) {
    const n = validation.correctness.disagreements;
    return {
      ok: false,
      reason: `correctness: ${n} ${n === 1 ? 'answer disagrees' : 'answers disagree'} with the reference`,
    };
  }
  const ref = validation.referenceBaseline;
  if (ref && validation.baseline.solved < ref.solved)
    return {
      ok: false,
      reason: `it solved ${validation.baseline.solved} of ${validation.baseline.problems} problems, the ${referenceName(validation.reference)} ${ref.solved} of ${ref.problems}`,
    };
  const time = validation.time;
  if (time?.call === 'slower')
    return {
      ok: false,
      reason: `it was slower than the ${referenceName(validation.reference)} (time, candidate ÷ reference): ${time.why}`,
    };
  if (approvedBy.trim() === '') return { ok: false, reason: 'type the name of who approves it' };
  return { ok: true };
}

function referenceName(r: ValidationReference): string {
  return r.kind === 'blessed' ? 'current blessed set' : 'defaults';
}

/** The blessed set a permitted promotion stores, built from its validation (canPromote decides first). */
export function blessedSetFromValidation(
  validation: ValidationResult,
  ids: { id: string; name: string },
  approvedBy: string,
  now: string,
): { ok: true; set: BlessedSet } | { ok: false; reason: string } {
  const decision = canPromote(validation, approvedBy);
  if (!decision.ok) return decision;
  return {
    ok: true,
    set: {
      id: ids.id,
      template: validation.template,
      name: ids.name,
      options: { ...validation.options },
      approvedBy: approvedBy.trim(),
      validatedAt: validation.validatedAt,
      promotedAt: now,
      solverVersion: validation.solverVersion,
      speedup: validation.speedup ? { ratio: validation.speedup.ratio, ci95: [...validation.speedup.ci95] } : null,
      estimatedSolveMs: validation.estimatedSolveMs,
      evidenceBenchmarkId: validation.benchmarkId,
      baseline: { ...validation.baseline },
    },
  };
}

/** An empty history for a template: no set blessed, the defaults in use. */
export function emptyHistory(template: string): BlessedHistory {
  return { template, sets: [], events: [] };
}

/** The id of the active set after the events, in order: promoted and rolled-back make a set active, revoking the active one leaves none. */
export function activeSetId(events: readonly BlessedEvent[]): string | null {
  let active: string | null = null;
  for (const e of events) {
    if (e.kind === 'promoted' || e.kind === 'rolled-back') active = e.setId;
    else if (e.kind === 'revoked' && e.setId === active) active = null;
  }
  return active;
}

/** The active blessed set of a history, or null (the defaults). */
export function activeSet(history: BlessedHistory): BlessedSet | null {
  const id = activeSetId(history.events);
  return id === null ? null : (history.sets.find((s) => s.id === id) ?? null);
}

/** Has this set been revoked (and not promoted again or rolled back to since)? */
export function isRevoked(history: BlessedHistory, setId: string): boolean {
  let revoked = false;
  for (const e of history.events) if (e.setId === setId) revoked = e.kind === 'revoked';
  return revoked;
}

/** The events of one set, oldest first: its own history. */
export function eventsOf(history: BlessedHistory, setId: string): BlessedEvent[] {
  return history.events.filter((e) => e.setId === setId);
}

function checkActor(by: string): Decision {
  return by.trim() === '' ? { ok: false, reason: 'type the name of who does this' } : { ok: true };
}

function append(history: BlessedHistory, event: BlessedEvent, newSet?: BlessedSet): HistoryChange {
  const next: BlessedHistory = {
    template: history.template,
    sets: newSet ? [...history.sets, newSet] : [...history.sets],
    events: [...history.events, event],
  };
  return { ok: true, active: activeSet(next), history: next, event };
}

/**
 * Makes a candidate the template's blessed set. `current` is the active set the user saw: if another
 * promotion happened meanwhile, the step is refused instead of silently replacing a set nobody reviewed.
 */
export function promote(
  history: BlessedHistory,
  current: BlessedSet | null,
  candidate: BlessedSet,
  by: string,
  now: string,
): HistoryChange {
  const actor = checkActor(by);
  if (!actor.ok) return actor;
  if (candidate.template !== history.template)
    return {
      ok: false,
      reason: `the set is for template '${candidate.template}', not '${history.template}'`,
    };
  if (history.sets.some((s) => s.id === candidate.id))
    return { ok: false, reason: `a set with id '${candidate.id}' is already in the history; roll back to it instead` };
  const activeId = activeSetId(history.events);
  if ((current?.id ?? null) !== activeId)
    return {
      ok: false,
      reason: `the blessed set changed meanwhile (now ${activeId === null ? 'none' : `'${activeId}'`}); reload and review it first`,
    };
  const event: BlessedEvent = { kind: 'promoted', at: now, by: by.trim(), setId: candidate.id };
  if (activeId !== null) event.replaces = activeId;
  return append(history, event, candidate);
}

/** Withdraws a set: if it is the active one, the template falls back to the defaults; a revoked set cannot be rolled back to. */
export function revoke(history: BlessedHistory, setId: string, by: string, now: string, reason: string): HistoryChange {
  const actor = checkActor(by);
  if (!actor.ok) return actor;
  if (!history.sets.some((s) => s.id === setId))
    return { ok: false, reason: `no blessed set '${setId}' in this history` };
  if (isRevoked(history, setId)) return { ok: false, reason: `set '${setId}' is already revoked` };
  if (reason.trim() === '') return { ok: false, reason: 'say why the set is revoked' };
  return append(history, { kind: 'revoked', at: now, by: by.trim(), setId, reason: reason.trim() });
}

/**
 * Makes an earlier set of the history active again (not a revoked one, not the one already active), with
 * the reason why, as a revocation has: it changes what every later run of the template uses.
 */
export function rollBack(
  history: BlessedHistory,
  toSetId: string,
  by: string,
  now: string,
  reason: string,
): HistoryChange {
  const actor = checkActor(by);
  if (!actor.ok) return actor;
  if (!history.sets.some((s) => s.id === toSetId))
    return { ok: false, reason: `no blessed set '${toSetId}' in this history` };
  if (activeSetId(history.events) === toSetId)
    return { ok: false, reason: `set '${toSetId}' is already the active one` };
  if (isRevoked(history, toSetId))
    return { ok: false, reason: `set '${toSetId}' was revoked; validate and promote it again instead` };
  if (reason.trim() === '') return { ok: false, reason: 'say why you roll back to this set' };
  return append(history, { kind: 'rolled-back', at: now, by: by.trim(), setId: toSetId, reason: reason.trim() });
}

/** A set of the history by its name, for the user (a set no longer in the history is said to be so, never shown by id). */
export function historySetName(sets: readonly Pick<BlessedSet, 'id' | 'name'>[], setId: string): string {
  const s = sets.find((x) => x.id === setId);
  return s ? `“${s.name}”` : 'a set no longer stored';
}

/**
 * The reason of an event as the history shows it, sets named, never by id: a promotion's `replaces “name”`
 * (from `replaces`, or from the `replaces <id>` reason of events stored before it), else the typed reason; null without one.
 */
export function blessedEventReason(
  event: Pick<BlessedEvent, 'kind' | 'reason' | 'replaces'>,
  sets: readonly Pick<BlessedSet, 'id' | 'name'>[],
): string | null {
  if (event.replaces !== undefined) return `replaces ${historySetName(sets, event.replaces)}`;
  const legacy = event.kind === 'promoted' ? /^replaces (\S+)$/.exec(event.reason ?? '') : null;
  if (legacy && sets.some((s) => s.id === legacy[1])) return `replaces ${historySetName(sets, legacy[1])}`;
  return event.reason ?? null;
}

/** The difference of two option sets, by option name (sorted). */
export interface OptionSetDiff {
  added: { option: string; value: OptionValue }[];
  removed: { option: string; value: OptionValue }[];
  changed: { option: string; from: OptionValue; to: OptionValue }[];
  unchanged: string[];
}

/** What B adds to, removes from and changes in A (a number and the same text differ: types matter). */
export function diffOptionSets(a: OptionValues, b: OptionValues): OptionSetDiff {
  const has = (o: OptionValues, k: string) => Object.prototype.hasOwnProperty.call(o, k);
  const names = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  const diff: OptionSetDiff = { added: [], removed: [], changed: [], unchanged: [] };
  for (const option of names) {
    if (!has(a, option)) diff.added.push({ option, value: b[option] });
    else if (!has(b, option)) diff.removed.push({ option, value: a[option] });
    else if (sameOptionValue(a[option], b[option])) diff.unchanged.push(option);
    else diff.changed.push({ option, from: a[option], to: b[option] });
  }
  return diff;
}
