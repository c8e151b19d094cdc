// The blessed option sets and their history. Every write is one readwrite transaction with strict
// durability (flushed to disk before it reports done), so a promotion the user saw succeed survives
// a crash or power loss; a set and the event that records it are written together or not at all. The rules
// (the event is about its set, one active set per template, a rollback's set and event, the listing's order) are
// core's (src/core/stores/parameter-store.ts).
import {
  activationEvent,
  activationWrites,
  blessedOldestFirst,
  blessedWrites,
  checkBlessedEvent,
  withoutEventId,
  type StoredBlessedEvent,
  type StoredBlessedSet,
} from '../core/stores';
import type { Db } from './db';
import { guardQuota } from './quota';
import { queueWrites } from './tx';

/**
 * Stores a blessed set (new or updated, e.g. revoked) and appends its history event, in one strict
 * transaction. An active set deactivates the template's other sets in the same transaction.
 */
export async function putBlessedSet(db: Db, set: StoredBlessedSet, event: StoredBlessedEvent): Promise<void> {
  checkBlessedEvent(set, event);
  const tx = db.transaction(['blessedSets', 'blessedEvents'], 'readwrite', { durability: 'strict' });
  await guardQuota(
    `the blessed set "${set.name}"`,
    async () => {
      const sets = tx.objectStore('blessedSets');
      const writes = blessedWrites(set, set.active ? await sets.index('by-template').getAll(set.template) : []);
      await queueWrites(tx, () => {
        tx.objectStore('blessedEvents')
          .add(withoutEventId(event))
          .catch(() => {}); // failures surface in tx.done
        for (const s of writes) sets.put(s).catch(() => {});
      });
    },
    tx,
  );
}

/** One blessed set by id, or undefined. */
export function getBlessedSet(db: Db, id: string): Promise<StoredBlessedSet | undefined> {
  return db.get('blessedSets', id);
}

/** Blessed sets (of one template, or all), oldest promotion first. */
export async function listBlessed(db: Db, template?: string): Promise<StoredBlessedSet[]> {
  const sets =
    template === undefined
      ? await db.getAll('blessedSets')
      : await db.getAllFromIndex('blessedSets', 'by-template', template);
  return sets.sort(blessedOldestFirst);
}

/** The active blessed set of a template, or undefined (then the defaults apply). */
export async function activeBlessed(db: Db, template: string): Promise<StoredBlessedSet | undefined> {
  return (await db.getAllFromIndex('blessedSets', 'by-template', template)).find((s) => s.active);
}

/** A template's history (promotions, revocations, rollbacks) in the order it happened. */
export function history(db: Db, template: string): Promise<StoredBlessedEvent[]> {
  return db.getAllFromIndex('blessedEvents', 'by-template', template); // keys ascend: insertion order
}

/**
 * Makes one stored set of a template the active one and deactivates the others, in one strict
 * transaction, with an optional history event (a rollback) written in it too. An id that is not a
 * set of the template rejects and changes nothing.
 */
export async function setActive(db: Db, template: string, id: string, event?: StoredBlessedEvent): Promise<void> {
  const tx = db.transaction(['blessedSets', 'blessedEvents'], 'readwrite', { durability: 'strict' });
  await guardQuota(
    'the active blessed set',
    async () => {
      const sets = tx.objectStore('blessedSets');
      let writes: StoredBlessedSet[];
      try {
        writes = activationWrites(template, id, await sets.index('by-template').getAll(template));
      } catch (e) {
        tx.abort();
        await tx.done.catch(() => {});
        throw e;
      }
      await queueWrites(tx, () => {
        if (event)
          tx.objectStore('blessedEvents')
            .add(activationEvent(template, id, event))
            .catch(() => {});
        for (const s of writes) sets.put(s).catch(() => {});
      });
    },
    tx,
  );
}
