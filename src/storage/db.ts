// The IndexedDB schema of the workbench and every migration, in one place.
import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import type { RunRecord } from '../core/run-record';
import type { BenchmarkRun } from '../core/benchmark';
import type { StoredBenchmark, StoredBenchmarkConfig, StoredModelFile } from './benchmark-types';
import type {
  StoredBaseline,
  StoredBlessedEvent,
  StoredBlessedSet,
  StoredRegressionCheck,
  StoredTemplateSettings,
} from './parameter-types';
import type { MetricPoint } from '../core/metrics/types';
import type { HealthRun } from '../core/health/types';
import type { Alert, AlertRule } from '../core/alerts/types';
import type { TuningRecord } from '../core/tuner/record';
import { StorageTooNew, StorageUnavailable, StorageUpgradeFailed } from './errors';

/** The database name; tests pass their own to stay isolated. */
export const DB_NAME = 'highs-workbench';
/** The schema version: the last step of MIGRATIONS. Bump by adding a step. */
export const DB_VERSION = 7;

/** Typed schema (see the idb README). */
export interface WorkbenchDB extends DBSchema {
  runs: {
    key: number;
    value: RunRecord;
    indexes: { 'by-createdAt': number; 'by-model': string };
  };
  /** Benchmarks (run here or imported from a report), without their runs. */
  benchmarks: {
    key: string;
    value: StoredBenchmark;
    indexes: { 'by-createdAt': number };
  };
  /** The runs of every benchmark, written in batches as they finish. */
  benchmarkRuns: {
    key: number;
    value: BenchmarkRun & { benchmarkId: string; id?: number };
    indexes: { 'by-benchmark': string };
  };
  /** Model files the user added, by the SHA-256 of their bytes, so a benchmark re-runs after a reload. */
  modelFiles: {
    key: string;
    value: StoredModelFile;
  };
  /** Named, saved benchmark configurations. */
  benchmarkConfigs: {
    key: string;
    value: StoredBenchmarkConfig;
  };
  /** Blessed option sets, every one ever promoted (at most one active per template). */
  blessedSets: {
    key: string;
    value: StoredBlessedSet;
    indexes: { 'by-template': string };
  };
  /** The history of blessed sets: promotions, revocations, rollbacks, in order. */
  blessedEvents: {
    key: number;
    value: StoredBlessedEvent;
    indexes: { 'by-template': string };
  };
  /** Performance baselines per template and option set (earlier ones are kept). */
  baselines: {
    key: string;
    value: StoredBaseline;
    indexes: { 'by-template': string };
  };
  /** A plain summary of every regression check (what a template's history shows), not its evidence. */
  regressionChecks: {
    key: string;
    value: StoredRegressionCheck;
    indexes: { 'by-template': string };
  };
  /** Per-template settings the user chose in #/regressions (the threshold). */
  templateSettings: {
    key: string;
    value: StoredTemplateSettings;
  };
  /** Metric points (solves and system samples), keyed by [t, seq] so old ones are deleted by one key range. */
  metrics: {
    key: [number, number];
    value: MetricPoint;
    indexes: { 'by-kind-t': [string, number] };
  };
  /** Every run of the health checks (the history), by id. */
  healthRuns: {
    key: string;
    value: HealthRun;
    indexes: { 'by-at': number };
  };
  /** The user's alert rules. */
  alertRules: {
    key: string;
    value: AlertRule;
  };
  /** Raised alerts, active and resolved (the history). */
  alerts: {
    key: string;
    value: Alert;
    indexes: { 'by-raisedAt': number };
  };
  /** App-wide settings by key (metric retention, alert channels with the webhook URL: never exported). */
  appSettings: {
    key: string;
    value: { key: string; value: unknown };
  };
  /** The tuner's runs (#/tune), each one whole record by id, rewritten as the run goes so a reload resumes it. */
  tunerRuns: {
    key: string;
    value: TuningRecord;
    indexes: { 'by-createdAt': string };
  };
}

/** An open database handle. */
export type Db = IDBPDatabase<WorkbenchDB>;

type UpgradeTx = IDBPTransaction<WorkbenchDB, StoreNames<WorkbenchDB>[], 'versionchange'>;

/** One schema step: run when the stored version is below `version`, inside the upgrade transaction. */
interface Migration {
  version: number;
  run(db: Db, tx: UpgradeTx, oldVersion: number): void | Promise<void>;
}

/** Every schema step, in order. A step only creates stores or rewrites records; it never deletes data. */
const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    run(db) {
      const runs = db.createObjectStore('runs', { keyPath: 'id', autoIncrement: true });
      runs.createIndex('by-createdAt', 'createdAt');
      runs.createIndex('by-model', 'modelId');
    },
  },
  {
    // v2: runs record HiGHS's run() status and, for failed solves, the error. Version-1 runs
    // were all answers that HiGHS returned without an error.
    version: 2,
    async run(_db, tx, oldVersion) {
      if (oldVersion < 1) return; // a new database has no runs to rewrite
      let cursor = await tx.objectStore('runs').openCursor();
      while (cursor) {
        const r = cursor.value as Partial<RunRecord>;
        await cursor.update({ ...cursor.value, runStatus: r.runStatus ?? 'ok', error: r.error ?? null });
        cursor = await cursor.continue();
      }
    },
  },
  {
    // v3: benchmarks, their runs, the user's model files and saved benchmark configurations.
    version: 3,
    run(db) {
      db.createObjectStore('benchmarks', { keyPath: 'id' }).createIndex('by-createdAt', 'createdAt');
      const runs = db.createObjectStore('benchmarkRuns', { keyPath: 'id', autoIncrement: true });
      runs.createIndex('by-benchmark', 'benchmarkId');
      db.createObjectStore('modelFiles', { keyPath: 'id' });
      db.createObjectStore('benchmarkConfigs', { keyPath: 'name' });
    },
  },
  {
    // v4: blessed option sets with their history, and performance baselines.
    version: 4,
    run(db) {
      db.createObjectStore('blessedSets', { keyPath: 'id' }).createIndex('by-template', 'template');
      const events = db.createObjectStore('blessedEvents', { keyPath: 'id', autoIncrement: true });
      events.createIndex('by-template', 'template');
      db.createObjectStore('baselines', { keyPath: 'id' }).createIndex('by-template', 'template');
    },
  },
  {
    // v5: the regression checks' summaries (each template's history) and per-template settings.
    version: 5,
    run(db) {
      db.createObjectStore('regressionChecks', { keyPath: 'id' }).createIndex('by-template', 'template');
      db.createObjectStore('templateSettings', { keyPath: 'template' });
    },
  },
  {
    // v6: monitoring (metric points, health-check runs), alert rules and alerts, and app-wide settings.
    version: 6,
    run(db) {
      db.createObjectStore('metrics', { keyPath: ['t', 'seq'] }).createIndex('by-kind-t', ['kind', 't']);
      db.createObjectStore('healthRuns', { keyPath: 'id' }).createIndex('by-at', 'at');
      db.createObjectStore('alertRules', { keyPath: 'id' });
      db.createObjectStore('alerts', { keyPath: 'id' }).createIndex('by-raisedAt', 'raisedAt');
      db.createObjectStore('appSettings', { keyPath: 'key' });
    },
  },
  {
    // v7: the tuner's runs (createdAt is an ISO 8601 string: the index orders it as text).
    version: 7,
    run(db) {
      db.createObjectStore('tunerRuns', { keyPath: 'id' }).createIndex('by-createdAt', 'createdAt');
    },
  },
];

/** How the app hears about other tabs, and a test seam. */
export interface OpenOptions {
  /** This page wants a newer schema but another tab holds an older connection open; the open keeps waiting. */
  onBlocked?: (versions: { oldVersion: number; newVersion: number | null }) => void;
  /**
   * Another tab wants a newer schema (`upgraded`) or deletes the database (`deleted`): this connection
   * has closed itself so that tab can proceed; this page should ask for a reload.
   */
  onVersionChange?: (why: 'upgraded' | 'deleted') => void;
  /** The browser closed the connection by itself (the user cleared the site's data, a storage failure). */
  onClose?: () => void;
  /** Test seam: called inside the upgrade after each step; a throw aborts the whole upgrade. */
  onUpgradeStep?: (version: number) => void | Promise<void>;
}

/**
 * Opens (and migrates) the database. The upgrade runs in one transaction: if any step fails, it is
 * rolled back and the open rejects with StorageUpgradeFailed (the older data is intact). Without
 * IndexedDB it rejects with StorageUnavailable. The second argument may be just `onBlocked`.
 */
export async function openWorkbenchDb(name = DB_NAME, options: OpenOptions | (() => void) = {}): Promise<Db> {
  const { onBlocked, onVersionChange, onClose, onUpgradeStep }: OpenOptions =
    typeof options === 'function' ? { onBlocked: options } : options;
  const factory = (globalThis as { indexedDB?: IDBFactory }).indexedDB;
  if (!factory) throw new StorageUnavailable();
  let upgrade: { from: number; failure?: unknown } | null = null;
  try {
    return await openDB<WorkbenchDB>(name, DB_VERSION, {
      upgrade(db, oldVersion, _newVersion, tx) {
        upgrade = { from: oldVersion };
        const state = upgrade;
        tx.done.catch(() => {}); // an aborted upgrade is reported by the open, below
        void (async () => {
          for (const step of MIGRATIONS) {
            if (oldVersion >= step.version) continue;
            await step.run(db, tx, oldVersion);
            await onUpgradeStep?.(step.version);
          }
        })().catch((e: unknown) => {
          state.failure = e;
          try {
            tx.abort(); // rolls back every step: the stored version and data stay as they were
          } catch {
            // already finished: the open reports the failure below
          }
        });
      },
      blocked(oldVersion, newVersion) {
        onBlocked?.({ oldVersion, newVersion });
      },
      blocking(_current, blocked, event) {
        // Another tab wants a newer schema (blocked: its version) or deletes the database (blocked: null):
        // let it, and tell this page (it should reload).
        (event.target as IDBDatabase).close();
        onVersionChange?.(blocked === null ? 'deleted' : 'upgraded');
      },
      terminated() {
        onClose?.();
      },
    });
  } catch (e) {
    const failed = upgrade as { from: number; failure?: unknown } | null;
    if (failed) throw new StorageUpgradeFailed(failed.from, DB_VERSION, failed.failure ?? e);
    if (e instanceof DOMException && e.name === 'VersionError') throw new StorageTooNew(DB_VERSION, e);
    throw new StorageUnavailable(e);
  }
}
