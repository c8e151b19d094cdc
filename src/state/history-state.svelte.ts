// The run history: the stored runs newest first, storing one run, clearing them all. Survives
// reloads because the store does (IndexedDB in the app). A stored run the app cannot read (an older
// version's bug, a hand edit) is listed apart as damaged, with a delete, and never reaches the table's rows.
import type { DamagedRecord } from '../core/backup';
import type { RunRecord } from '../core/run-record';
import type { RunStore } from './ports';

const reason = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** Rune state of the history table. */
export class HistoryState {
  runs = $state.raw<RunRecord[]>([]);
  /** Stored runs the app cannot read, shown as damaged rows with a delete. */
  damaged = $state.raw<DamagedRecord[]>([]);
  /** Why the history could not be read or written, or null. */
  error = $state<string | null>(null);
  count = $derived(this.runs.length);

  constructor(private readonly runStore: RunStore) {}

  /** Reads the stored runs again. */
  async refresh(): Promise<void> {
    try {
      const store = this.runStore;
      const listing = store.read ? await store.read() : { runs: await store.list(), damaged: [] };
      this.runs = listing.runs;
      this.damaged = listing.damaged;
      this.error = null;
    } catch (e) {
      this.error = `history unavailable: ${reason(e)}`;
    }
  }

  /** Stores one run and shows it; returns it with its id, or null when it could not be stored. */
  async store(run: RunRecord): Promise<RunRecord | null> {
    try {
      const stored = await this.runStore.add(run);
      await this.refresh();
      return stored;
    } catch (e) {
      this.error = `the run could not be stored: ${reason(e)}`;
      return null;
    }
  }

  /** Deletes one damaged run, then reads the history again. */
  async deleteDamaged(record: DamagedRecord): Promise<void> {
    try {
      await this.runStore.deleteDamaged?.(record);
    } catch (e) {
      this.error = `the damaged run could not be deleted: ${reason(e)}`;
      return;
    }
    await this.refresh();
  }

  /** Deletes every stored run. */
  async clear(): Promise<void> {
    try {
      await this.runStore.clear();
    } catch (e) {
      this.error = `the history could not be cleared: ${reason(e)}`;
      return;
    }
    await this.refresh();
  }
}
