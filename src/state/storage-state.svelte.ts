// The state of the storage panel and the shell's storage banners: what the browser says about this
// site's storage (used, available, persistent), the database connection (blocked by an older tab,
// closed under the page because another tab upgraded or deleted the database or the browser closed it,
// or unusable so the app keeps everything in memory), and backup and restore of the whole workspace
// (metrics only when asked for) with a confirm step before a restore replaces what the backup holds.
import {
  backupCounts,
  backupFileName,
  backupStoresOf,
  DEFAULT_MAX_BACKUP_BYTES,
  type Backup,
  type BackupStoreName,
} from '../core/backup';
import { closedReasonText } from '../storage/errors';
import type { StorageStatus } from '../storage/quota';
import type { AppServices, BackupCodec, StorageConnection } from './ports';
import { shownError, type ShownError } from './shown-error';
import { backupCodecOf } from './summarizer';

/** What restore needs of a picked file (a browser File fits). */
export interface BackupFileInput {
  name: string;
  size: number;
  text(): Promise<string>;
}

/** A backup read and validated, waiting for the user to confirm that it replaces what it holds. */
export interface PendingRestore {
  file: string;
  createdAt: string;
  counts: Record<BackupStoreName, number>;
  /** The stores it holds (a restore replaces these and leaves the others as they are). */
  stores: BackupStoreName[];
  /** Its format version (1: made before alert rules, alerts, settings and health runs were backed up). */
  version: number;
  backup: Backup;
}

/** How the stores are named to the user, in messages. */
const STORE_WORDS: Record<BackupStoreName, string> = {
  runs: 'runs',
  benchmarks: 'benchmarks',
  benchmarkRuns: 'benchmark runs',
  modelFiles: 'model files',
  benchmarkConfigs: 'saved configurations',
  blessedSets: 'blessed sets',
  blessedEvents: 'blessed-set events',
  baselines: 'baselines',
  regressionChecks: 'regression checks',
  templateSettings: 'template settings',
  tunerRuns: 'tuning runs',
  alertRules: 'alert rules',
  alerts: 'alerts',
  appSettings: 'settings',
  healthRuns: 'health runs',
  metrics: 'metric points',
};

/** "3 runs, 1 benchmarks, …" for the stores given, in store order. */
export function describeCounts(counts: Record<BackupStoreName, number>, stores: readonly BackupStoreName[]): string {
  return stores.map((s) => `${counts[s]} ${STORE_WORDS[s]}`).join(', ');
}

/** What the banner says about a closed connection, in words. */
export function closedMessage(reason: Parameters<typeof closedReasonText>[0]): string {
  return `This tab can no longer read or store anything: ${closedReasonText(reason)}. Reload to continue.`;
}

/** At most this many of a backup's errors are listed in the message; the rest are counted. */
export const MAX_SHOWN_BACKUP_ERRORS = 12;

/** Options (tests pass a smaller cap and a clock). */
export interface StorageStateOptions {
  maxBytes?: number;
  /** The clock, epoch ms (default Date.now). */
  now?: () => number;
}

/** The storage panel's and banners' state; `watch` starts following the connection. */
export class StorageState {
  /** The database connection as the bootstrap reported it. */
  connection = $state.raw<StorageConnection>({ kind: 'opening' });
  /** Storage used / available / persistent, null until read. */
  status = $state.raw<StorageStatus | null>(null);
  /** The answer to the last request for persistent storage (null: not asked, or the browser did not say). */
  persistAnswer = $state.raw<boolean | null>(null);
  /** A backup read and waiting for confirmation. */
  pending = $state.raw<PendingRestore | null>(null);
  /** What went wrong with the last backup or restore. */
  error = $state.raw<ShownError | null>(null);
  /** What the last backup or restore did. */
  notice = $state.raw<string | null>(null);
  busy = $state(false);
  /** Whether the next backup includes the metric points (they can be large). */
  includeMetrics = $state(false);

  private readonly codec: BackupCodec;
  private readonly maxBytes: number;
  private readonly now: () => number;
  private unwatch: (() => void) | null = null;

  constructor(
    private readonly services: Pick<AppServices, 'storage' | 'backup' | 'summarizer'>,
    opts: StorageStateOptions = {},
  ) {
    this.codec = backupCodecOf(services);
    this.maxBytes = opts.maxBytes ?? DEFAULT_MAX_BACKUP_BYTES;
    this.now = opts.now ?? Date.now;
    this.unwatch = services.storage?.watch((c) => (this.connection = c)) ?? null;
  }

  /** Whether the app keeps everything in memory only (no usable database). */
  get inMemory(): boolean {
    return this.connection.kind === 'memory';
  }

  /** Whether backup and restore can be used now. */
  get canBackup(): boolean {
    return !!this.services.backup && this.connection.kind === 'ready';
  }

  /** Reads storage used, available and persistence from the browser. */
  async refresh(): Promise<void> {
    if (!this.services.storage) return;
    this.status = await this.services.storage.status();
  }

  /** Asks the browser for persistent storage, then re-reads the status. */
  async persist(): Promise<void> {
    if (!this.services.storage) return;
    this.persistAnswer = await this.services.storage.persist();
    await this.refresh();
    if (this.persistAnswer !== null && this.status) this.status = { ...this.status, persisted: this.persistAnswer };
  }

  /** The whole workspace as a backup file (name and JSON text), or null with `error` set. */
  async backup(): Promise<{ name: string; text: string } | null> {
    const store = this.services.backup;
    if (!store) return null;
    this.busy = true;
    this.error = null;
    this.notice = null;
    try {
      const { leftOut, ...backup } = await store.exportBackup({ metrics: this.includeMetrics });
      const text = await this.codec.serializeBackup(backup);
      const counts = backupCounts(backup);
      const left = Object.entries(leftOut ?? {}).map(([s, n]) => `${n} ${STORE_WORDS[s as BackupStoreName]}`);
      this.notice =
        `Backed up ${describeCounts(counts, backupStoresOf(backup))}` +
        (this.includeMetrics ? '.' : ' (metrics not included).') +
        (left.length ? ` Left out, because they are damaged: ${left.join(', ')}.` : '');
      return { name: backupFileName(this.now()), text };
    } catch (e) {
      this.error = { name: 'BackupFailed', message: `The backup could not be made: ${describe(e)}` };
      return null;
    } finally {
      this.busy = false;
    }
  }

  /** Reads and validates a backup file (off the main thread where a worker is available); nothing is changed yet. */
  async choose(file: BackupFileInput): Promise<boolean> {
    this.pending = null;
    this.error = null;
    this.notice = null;
    this.busy = true;
    try {
      if (file.size > this.maxBytes) {
        this.error = invalid(file.name, [
          `the file is ${file.size} bytes, more than this app reads (${this.maxBytes})`,
        ]);
        return false;
      }
      let text: string;
      try {
        text = await file.text();
      } catch (e) {
        this.error = invalid(file.name, [`the file could not be read: ${describe(e)}`]);
        return false;
      }
      const parsed = await this.codec.parseBackup(text, { maxBytes: this.maxBytes });
      if (!parsed.ok) {
        this.error = invalid(file.name, parsed.errors);
        return false;
      }
      const { backup } = parsed;
      this.pending = {
        file: file.name,
        createdAt: backup.createdAt,
        counts: backupCounts(backup),
        stores: backupStoresOf(backup),
        version: backup.version,
        backup,
      };
      return true;
    } catch (e) {
      this.error = invalid(file.name, [describe(e)]);
      return false;
    } finally {
      this.busy = false;
    }
  }

  /** Drops the pending restore. */
  cancel(): void {
    this.pending = null;
  }

  /** Replaces what the pending backup holds (one transaction: on failure nothing changed). */
  async confirm(): Promise<boolean> {
    const pending = this.pending;
    const store = this.services.backup;
    if (!pending || !store) return false;
    this.busy = true;
    this.error = null;
    try {
      await store.restoreBackup(pending.backup);
      this.pending = null;
      this.notice = `Restored "${pending.file}": ${describeCounts(pending.counts, pending.stores)}. Reload to see them everywhere.`;
      void this.refresh().catch(() => {});
      return true;
    } catch (e) {
      const why = shownError(e);
      this.error = {
        name: why.name === 'StorageFull' ? 'StorageFull' : 'RestoreFailed',
        message: `"${pending.file}" could not be restored; nothing stored was changed. ${why.name}: ${why.message}`,
      };
      return false;
    } finally {
      this.busy = false;
    }
  }

  /** Stops following the connection. */
  dispose(): void {
    this.unwatch?.();
    this.unwatch = null;
  }
}

function describe(e: unknown): string {
  const s = shownError(e);
  return `${s.name}: ${s.message}`;
}

/** A ShownError named InvalidBackup: the file and what is wrong with it, one reason a line. */
function invalid(file: string, errors: readonly string[]): ShownError {
  const shown = errors.slice(0, MAX_SHOWN_BACKUP_ERRORS);
  const more = errors.length - shown.length;
  return {
    name: 'InvalidBackup',
    message: `"${file}" is not a backup this app can restore; nothing was changed.\n${shown.join('\n')}${more > 0 ? `\n… and ${more} more` : ''}`,
  };
}
