// The blessed option sets and their history on disk: one file, `<root>/parameters/blessed.json` ({sets, events}),
// replaced whole by every write, so a set, the sets it deactivates and its event are stored together or not at all.
// Core's rules (src/core/stores/parameter-store.ts) decide what is written. Records are checked with core's record
// schemas: a damaged one is left out of what is read and kept as it is in the file (never silently dropped); a file
// that is not JSON is refused with its path (nothing is written over it).
import { join } from 'node:path';
import { recordProblems } from '../../core/backup';
import {
  activationEvent,
  activationWrites,
  blessedOldestFirst,
  blessedWrites,
  checkBlessedEvent,
  ofTemplate,
  withoutEventId,
  type ParameterStore,
  type StoredBlessedEvent,
  type StoredBlessedSet,
} from '../../core/stores';
import { readText, serialized, writeAtomic } from './files';
import { decodeRecord, encodeRecord, isObject } from './record-json';

/** The file as stored: its records as they are (readable or not). */
interface BlessedFile {
  sets: unknown[];
  events: unknown[];
}

/** The blessed sets' store in `dir`. */
export function fileParameterStore(dir: string): ParameterStore {
  const path = join(dir, 'blessed.json');

  async function load(): Promise<BlessedFile> {
    const text = await readText(path);
    if (text === undefined) return { sets: [], events: [] };
    const decoded = decodeRecord(text);
    if (!decoded.ok || !isObject(decoded.value))
      throw new Error(
        `${path} is not readable (${decoded.ok ? 'not an object' : decoded.problem}): move it away or fix it`,
      );
    const { sets, events } = decoded.value;
    return { sets: Array.isArray(sets) ? sets : [], events: Array.isArray(events) ? events : [] };
  }
  const readableSets = (f: BlessedFile) =>
    f.sets.filter((s): s is StoredBlessedSet => recordProblems('blessedSets', s).length === 0);
  const readableEvents = (f: BlessedFile) =>
    f.events.filter((e): e is StoredBlessedEvent => recordProblems('blessedEvents', e).length === 0);

  /** Reads the file, changes it (sets replaced by id, events appended with the next ids) and writes it back whole. */
  const change = (fn: (f: BlessedFile) => { sets: StoredBlessedSet[]; events: StoredBlessedEvent[] }) =>
    serialized(path, async () => {
      const f = await load();
      const { sets, events } = fn(f);
      const byId = new Map(sets.map((s) => [s.id, s]));
      const next = f.sets.map((s) => {
        const id = isObject(s) ? s.id : undefined;
        const replaced = typeof id === 'string' ? byId.get(id) : undefined;
        if (replaced && typeof id === 'string') byId.delete(id);
        return replaced ?? s;
      });
      let lastId = f.events.reduce<number>(
        (m, e) => (isObject(e) && typeof e.id === 'number' ? Math.max(m, e.id) : m),
        0,
      );
      const text = encodeRecord({
        sets: [...next, ...byId.values()],
        events: [...f.events, ...events.map((e) => ({ ...withoutEventId(e), id: ++lastId }))],
      });
      await writeAtomic(path, text);
    });

  return {
    async putBlessed(set, event) {
      checkBlessedEvent(set, event);
      encodeRecord([set, event]); // what cannot be stored is refused before anything is read or written
      await change((f) => ({ sets: blessedWrites(set, readableSets(f)), events: [event] }));
    },
    listBlessed: async (template) =>
      readableSets(await load())
        .filter(ofTemplate(template))
        .sort(blessedOldestFirst),
    history: async (template) =>
      readableEvents(await load())
        .filter(ofTemplate(template))
        .sort((a, b) => (a.id ?? 0) - (b.id ?? 0)),
    async setActive(template, id, event) {
      if (event) encodeRecord(event);
      await change((f) => ({
        sets: activationWrites(template, id, readableSets(f)),
        events: event ? [activationEvent(template, id, event)] : [],
      }));
    },
  };
}
