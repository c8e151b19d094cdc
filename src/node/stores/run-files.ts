// The run history on disk: one file per run, `<root>/runs/<id, 16 digits>.json`, created exclusively (an id is
// never reused, even by another process) and flushed before add resolves. Reading checks every run with core's
// record schema; the history is core's (the newest RUN_HISTORY_LIMIT, newest first), kept while reading one file
// at a time, so memory stays at the history's size however many runs are stored.
import { join } from 'node:path';
import { damagedRecord, recordProblems, type DamagedRecord } from '../../core/backup';
import type { RunRecord } from '../../core/run-record';
import { checkOwnDamaged, MAX_DAMAGED_LISTED, newestRunsKeeper, withoutRunId, type RunStore } from '../../core/stores';
import { clearDir, createExclusive, listNames, readText, removeFiles, serialized } from './files';
import { decodeRecord, encodeRecord, isObject } from './record-json';

const NAME = /^(\d{16})\.json$/;
const nameOf = (id: number) => `${String(id).padStart(16, '0')}.json`;

/** The run store over the directory `dir`. */
export function fileRunStore(dir: string): Required<RunStore> {
  let next: number | undefined; // the next id to try (found from the directory on the first add)
  const ids = async () => (await listNames(dir)).flatMap((n) => (NAME.test(n) ? [Number(NAME.exec(n)![1])] : []));

  async function read() {
    const kept = newestRunsKeeper();
    const damaged: DamagedRecord[] = [];
    for (const id of await ids()) {
      const text = await readText(join(dir, nameOf(id)));
      if (text === undefined) continue; // deleted meanwhile
      const decoded = decodeRecord(text);
      // The file's name is the run's key: its id is the name's, whatever the text says.
      const value = decoded.ok && isObject(decoded.value) ? { ...decoded.value, id } : decoded.ok ? decoded.value : {};
      const problems = decoded.ok ? recordProblems('runs', value) : [decoded.problem];
      if (problems.length === 0) kept.add(value as RunRecord);
      else if (damaged.length < MAX_DAMAGED_LISTED) damaged.push(damagedRecord('runs', id, value, problems));
    }
    return { runs: kept.runs(), damaged };
  }

  return {
    add: async (run) =>
      serialized(`${dir}#add`, async () => {
        const rest = withoutRunId(run);
        encodeRecord(rest); // what cannot be stored is refused before an id is taken
        next ??= (await ids()).reduce((a, b) => Math.max(a, b), 0) + 1;
        for (;;) {
          const id = next++;
          if (await createExclusive(join(dir, nameOf(id)), encodeRecord({ ...rest, id }))) return { ...rest, id };
        }
      }),
    list: async () => (await read()).runs,
    clear: async () => serialized(`${dir}#add`, () => clearDir(dir)),
    read,
    deleteDamaged: async (record) => {
      checkOwnDamaged(record, 'runs');
      if (typeof record.key !== 'number') throw new Error(`no run has the key ${JSON.stringify(record.key)}`);
      await removeFiles(dir, [nameOf(record.key)]);
    },
  };
}
