// The IndexedDB schema of the workbench and every migration, in one place.
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { RunRecord } from '../core/run-record';
import type { BenchmarkRun } from '../core/benchmark';
import type { StoredBenchmark, StoredBenchmarkConfig, StoredModelFile } from './benchmark-types';

/** The database name; tests pass their own to stay isolated. */
export const DB_NAME = 'highs-workbench';
/** Bump with one `if (oldVersion < n)` step below per version. */
export const DB_VERSION = 3;

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
}

/** An open database handle. */
export type Db = IDBPDatabase<WorkbenchDB>;

/** Opens (and migrates) the database. `onBlocked` tells the user another tab holds an old version. */
export function openWorkbenchDb(name = DB_NAME, onBlocked?: () => void): Promise<Db> {
  return openDB<WorkbenchDB>(name, DB_VERSION, {
    async upgrade(db, oldVersion, _newVersion, tx) {
      if (oldVersion < 1) {
        const runs = db.createObjectStore('runs', { keyPath: 'id', autoIncrement: true });
        runs.createIndex('by-createdAt', 'createdAt');
        runs.createIndex('by-model', 'modelId');
      }
      if (oldVersion >= 1 && oldVersion < 2) {
        // v2: runs record HiGHS's run() status and, for failed solves, the error. Version-1 runs
        // were all answers that HiGHS returned without an error.
        let cursor = await tx.objectStore('runs').openCursor();
        while (cursor) {
          const r = cursor.value as Partial<RunRecord>;
          await cursor.update({ ...cursor.value, runStatus: r.runStatus ?? 'ok', error: r.error ?? null });
          cursor = await cursor.continue();
        }
      }
      if (oldVersion < 3) {
        // v3: benchmarks, their runs, the user's model files and saved benchmark configurations.
        db.createObjectStore('benchmarks', { keyPath: 'id' }).createIndex('by-createdAt', 'createdAt');
        const runs = db.createObjectStore('benchmarkRuns', { keyPath: 'id', autoIncrement: true });
        runs.createIndex('by-benchmark', 'benchmarkId');
        db.createObjectStore('modelFiles', { keyPath: 'id' });
        db.createObjectStore('benchmarkConfigs', { keyPath: 'name' });
      }
    },
    blocked: onBlocked,
    blocking() {
      // Another tab wants a newer schema: let it, this tab reloads into the new version.
      // https://github.com/jakearchibald/idb#opendb
    },
  });
}
