// The tuner's runs (#/tune): the interface every implementation (IndexedDB, memory, files) fits, and its rules,
// written once: a run is one whole record by id, replaced as it goes; runs list newest first (createdAt as a
// time, as text where it does not parse, then the larger id); a record core/tuner's readTuningRecord refuses is
// damaged, labelled with its name (or key) and its createdAt when that is a time.
import { damagedRecord, type DamagedRecord, type RecordKey } from '../backup';
import type { TuningRecord } from '../tuner/record';

/** The tuner's runs (#/tune): each a whole record, written as it goes so a reload resumes it. */
export interface TunerStore {
  /** Stores (or replaces, by id) a tuning run. */
  put(record: TuningRecord): Promise<void>;
  /** One tuning run, or undefined (also when it is damaged). */
  get(id: string): Promise<TuningRecord | undefined>;
  /** Every readable tuning run, newest first. */
  list(): Promise<TuningRecord[]>;
  /** Deletes a tuning run. */
  delete(id: string): Promise<void>;
  /** Readable runs newest first, and the damaged ones (absent: a store that cannot hold damaged records). */
  read?(): Promise<TuningRunListing>;
  /** Deletes one damaged record by its key (a damaged record of another store is refused). */
  deleteDamaged?(record: DamagedRecord): Promise<void>;
}

/** The tuning runs the app can read, newest first, and the damaged ones. */
export interface TuningRunListing {
  records: TuningRecord[];
  damaged: DamagedRecord[];
}

/** An ISO 8601 time as ms, or NaN. */
const timeOf = (iso: string) => Date.parse(iso);
const textOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Newest first by createdAt (as a time; as text where it does not parse), then by id. */
export function tuningRunsNewestFirst(a: TuningRecord, b: TuningRecord): number {
  return timeOf(b.createdAt) - timeOf(a.createdAt) || textOrder(b.createdAt, a.createdAt) || textOrder(b.id, a.id);
}

/** The damaged record of a tuning run, labelled with its name (or key) and its createdAt when that is a time. */
export function damagedTuningRun(key: RecordKey, value: unknown, problems: string[]): DamagedRecord {
  const d = damagedRecord('tunerRuns', key, value, problems.length > 0 ? problems : ['refused']);
  const createdAt = typeof value === 'object' && value !== null ? (value as { createdAt?: unknown }).createdAt : null;
  const at = typeof createdAt === 'string' ? new Date(createdAt) : null;
  return at && !isNaN(at.getTime()) ? { ...d, label: `${d.label}, ${at.toISOString()}` } : d;
}
