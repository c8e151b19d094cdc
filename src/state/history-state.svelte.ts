// The run history: the stored runs newest first, storing one run, clearing them all. Survives
// reloads because the store does (IndexedDB in the app).
import type { RunRecord } from '../core/run-record';
import type { RunStore } from './ports';

const reason = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** Rune state of the history table. */
export class HistoryState {
  runs = $state.raw<RunRecord[]>([]);
  /** Why the history could not be read or written, or null. */
  error = $state<string | null>(null);
  count = $derived(this.runs.length);

  constructor(private readonly runStore: RunStore) {}

  /** Reads the stored runs again. */
  async refresh(): Promise<void> {
    try {
      this.runs = await this.runStore.list();
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
