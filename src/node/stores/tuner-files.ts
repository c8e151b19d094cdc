// The tuner's runs on disk: `<root>/tuner-runs/<id>.json`, one whole record each, replaced atomically as the run
// goes (flushed before put resolves, so a restart resumes from the last write). Every record read is checked with
// core/tuner's readTuningRecord: a damaged one is listed apart with its key (core's label), never returned whole;
// runs list in core's order (src/core/stores/tuner-store.ts).
import { readTuningRecord } from '../../core/tuner/record-schema';
import type { DamagedRecord } from '../../core/backup';
import {
  checkOwnDamaged,
  damagedTuningRun,
  tuningRunsNewestFirst,
  type TunerStore,
  type TuningRunListing,
} from '../../core/stores';
import type { TuningRecord } from '../../core/tuner/record';
import { recordDir } from './record-dir';

/** The tuner store in `dir`. */
export function fileTunerStore(dir: string): Required<TunerStore> {
  const records = recordDir(dir);
  async function read(): Promise<TuningRunListing> {
    const readable: TuningRecord[] = [];
    const damaged: DamagedRecord[] = [];
    for await (const { key, decoded } of records.files()) {
      if (!decoded.ok) {
        damaged.push(damagedTuningRun(key, {}, [decoded.problem]));
        continue;
      }
      const got = readTuningRecord(decoded.value);
      if (got.ok) readable.push(got.record);
      else damaged.push(damagedTuningRun(key, decoded.value, got.errors));
    }
    return { records: readable.sort(tuningRunsNewestFirst), damaged };
  }
  return {
    put: async (record) => records.put(record.id, record),
    async get(id) {
      const decoded = await records.get(id);
      const got = decoded?.ok ? readTuningRecord(decoded.value) : undefined;
      return got?.ok ? got.record : undefined;
    },
    list: async () => (await read()).records,
    delete: async (id) => records.remove(records.nameOf(id)),
    read,
    async deleteDamaged(record) {
      checkOwnDamaged(record, 'tunerRuns');
      const name = records.nameOfKey(record.key);
      if (name === undefined) throw new Error(`no tuning run has the key ${JSON.stringify(record.key)}`);
      await records.remove(name);
    },
  };
}
