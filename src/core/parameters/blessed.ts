// Blessed option sets: the set approved for a template, with its evidence and provenance, and the rules
// for promoting, revoking and rolling back, as pure functions over one template's history (its sets and
// the events that made one of them active). Storage keeps what these return; nothing here mutates.
import type { Speedup } from '../benchmark';
import { sameOptionValue, type OptionValue, type OptionValues } from '../options-schema';
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
   * Absent in validations made before it existed.
   */
  workRatio?: number | null;
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
  reason?: string;
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

const fmt = (x: number) => (Math.abs(x) >= 100 ? x.toFixed(0) : x.toPrecision(3));

/** How much more work (counters) than the reference makes a wall-time slowdown count: 2 %. */
export const WORK_TOLERANCE = 0.02;

/**
 * May this validated candidate become the blessed set? Refused, with the reason, when validation found
 * errors, when it was never measured, when any answer disagreed with the reference, when it solved
 * fewer problems than the reference, when it was slower than the reference beyond its 95 % interval
 * and its work counters show it (as in the regression rules, a wall-time change the counters do not
 * show is machine noise: a small validation benchmark of millisecond solves is dominated by it), or
 * when nobody is named as approving it.
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
  const s = validation.speedup;
  const w = validation.workRatio;
  const noiseOnly = w !== undefined && w !== null && w <= 1 + WORK_TOLERANCE;
  if (s && s.ci95[1] < 1 && !noiseOnly)
    return {
      ok: false,
      reason: `it was slower than the ${referenceName(validation.reference)} beyond its confidence interval: speedup ${fmt(s.ratio)}× (95 % CI ${fmt(s.ci95[0])}–${fmt(s.ci95[1])})`,
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
  if (activeId !== null) event.reason = `replaces ${activeId}`;
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

/** Makes an earlier set of the history active again (not a revoked one, not the one already active). */
export function rollBack(
  history: BlessedHistory,
  toSetId: string,
  by: string,
  now: string,
  reason?: string,
): HistoryChange {
  const actor = checkActor(by);
  if (!actor.ok) return actor;
  if (!history.sets.some((s) => s.id === toSetId))
    return { ok: false, reason: `no blessed set '${toSetId}' in this history` };
  if (activeSetId(history.events) === toSetId)
    return { ok: false, reason: `set '${toSetId}' is already the active one` };
  if (isRevoked(history, toSetId))
    return { ok: false, reason: `set '${toSetId}' was revoked; validate and promote it again instead` };
  const event: BlessedEvent = { kind: 'rolled-back', at: now, by: by.trim(), setId: toSetId };
  if (reason && reason.trim() !== '') event.reason = reason.trim();
  return append(history, event);
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
