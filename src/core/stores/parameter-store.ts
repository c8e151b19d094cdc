// The blessed option sets per template and their history: the interface every implementation (IndexedDB,
// memory, files) fits, and its rules, written once: an event is about the set it is stored with; at most one
// set per template is active (an active set deactivates the template's others); a rollback names a stored set
// of its template (its event is rewritten to say so); sets list oldest promotion first; the store numbers events
// in the order they happened.
import type { StoredBlessedEvent, StoredBlessedSet } from './parameter-records';

/** The blessed option sets per template and their history, every write durable (a set and its event together). */
export interface ParameterStore {
  /** Stores a blessed set (new, or its active flag changed) with its history event; an active set deactivates the template's others. */
  putBlessed(set: StoredBlessedSet, event: StoredBlessedEvent): Promise<void>;
  /** Blessed sets of one template (or all), oldest promotion first. */
  listBlessed(template?: string): Promise<StoredBlessedSet[]>;
  /** A template's history, in the order it happened. */
  history(template: string): Promise<StoredBlessedEvent[]>;
  /** Makes one set of a template the active one, with its event (a rollback). */
  setActive(template: string, id: string, event?: StoredBlessedEvent): Promise<void>;
}

/** Throws when the event is about another set than the one stored with it (checked before anything is written). */
export function checkBlessedEvent(set: StoredBlessedSet, event: StoredBlessedEvent): void {
  if (event.template !== set.template || event.setId !== set.id)
    throw new Error(`the event is about ${event.template}/${event.setId}, not the set ${set.template}/${set.id}`);
}

/**
 * The sets to write when `set` is stored: itself and, when it is active, every other active set of its
 * template (`stored`: the template's stored sets) deactivated. One active set per template.
 */
export function blessedWrites(set: StoredBlessedSet, stored: readonly StoredBlessedSet[]): StoredBlessedSet[] {
  const others = set.active
    ? stored
        .filter((s) => s.template === set.template && s.id !== set.id && s.active)
        .map((s) => ({ ...s, active: false }))
    : [];
  return [set, ...others];
}

/**
 * The sets to write to make `id` the template's one active set (`stored`: the template's stored sets), only those
 * that change; throws when `id` is not a stored set of the template (then nothing is written).
 */
export function activationWrites(
  template: string,
  id: string,
  stored: readonly StoredBlessedSet[],
): StoredBlessedSet[] {
  const all = stored.filter((s) => s.template === template);
  if (!all.some((s) => s.id === id)) throw new Error(`no blessed set ${id} for the template ${template}`);
  return all.filter((s) => s.active !== (s.id === id)).map((s) => ({ ...s, active: s.id === id }));
}

/** A rollback's event as stored: about the set it activates, whatever it said; without an id (the store numbers events). */
export function activationEvent(template: string, id: string, event: StoredBlessedEvent): StoredBlessedEvent {
  return withoutEventId({ ...event, template, setId: id });
}

/** An event without its id: the store numbers events in the order they are stored. */
export function withoutEventId(event: StoredBlessedEvent): StoredBlessedEvent {
  const { id: _id, ...rest } = event;
  return rest;
}

/** The listing's order: oldest promotion first (ISO 8601 sorts as text), then by id. */
export function blessedOldestFirst(a: StoredBlessedSet, b: StoredBlessedSet): number {
  return a.promotedAt.localeCompare(b.promotedAt) || a.id.localeCompare(b.id);
}

/** Whether a set (or an event) belongs to the template asked for (undefined: every template). */
export const ofTemplate =
  (template: string | undefined) =>
  (x: { template: string }): boolean =>
    template === undefined || x.template === template;
