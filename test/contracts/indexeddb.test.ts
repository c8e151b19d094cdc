// Every store's contract against the IndexedDB implementations (a fresh fake-indexeddb database each), alone and
// as the bootstrap wires them (behind failWhenClosed and withMemoryFallback over a database that opened); damaged
// records are written straight into the object stores, past every check.
import 'fake-indexeddb/auto';
import { baselineStoreOf } from '../../src/app/baseline-store';
import { benchmarkStoreOf } from '../../src/app/benchmark-store';
import {
  memoryBaselineStore,
  memoryBenchmarkStore,
  memoryParameterStore,
  memoryRunStore,
  memoryTunerStore,
  withMemoryFallback,
} from '../../src/app/memory-stores';
import {
  alertStoreOf,
  healthStoreOf,
  memoryAlertStore,
  memoryHealthStore,
  memoryMetricsStore,
  memorySettingsStore,
  metricsStoreOf,
  settingsStoreOf,
} from '../../src/app/monitoring-stores';
import { parameterStoreOf } from '../../src/app/parameter-store';
import { runStoreOf } from '../../src/app/run-store';
import { failWhenClosed, storageInfo } from '../../src/app/storage-info';
import type { RecordKey } from '../../src/core/backup';
import { openWorkbenchDb, type Db } from '../../src/storage/db';
import { tunerStoreOf } from '../../src/storage/tuner-repo';
import { alertStoreContract } from './alert-store.contract';
import { baselineStoreContract } from './baseline-store.contract';
import { benchmarkStoreContract } from './benchmark-store.contract';
import { healthStoreContract } from './health-store.contract';
import { metricsStoreContract } from './metrics-store.contract';
import { parameterStoreContract } from './parameter-store.contract';
import { runStoreContract } from './run-store.contract';
import { settingsStoreContract } from './settings-store.contract';
import type { BenchmarkDamage, WriteRaw } from './subject';
import { tunerStoreContract } from './tuner-store.contract';

let n = 0;
const fresh = () => openWorkbenchDb(`contracts-${process.pid}-${++n}`);

/** Writes a value into an object store past every check; returns its key. */
async function raw(db: Promise<Db>, store: 'runs' | 'benchmarks' | 'tunerRuns', value: object): Promise<RecordKey> {
  return (await db).put(store, value as never);
}
const damageRuns =
  (db: Promise<Db>): WriteRaw =>
  (value) =>
    raw(db, 'runs', value);
const damageTuner =
  (db: Promise<Db>): WriteRaw =>
  (value) =>
    raw(db, 'tunerRuns', value);
const damageBenchmarks = (db: Promise<Db>): BenchmarkDamage => ({
  benchmark: (value) => raw(db, 'benchmarks', value),
  run: async (benchmarkId, value) => (await db).add('benchmarkRuns', { ...value, benchmarkId } as never),
});

/** The store as the bootstrap wires it: calls checked against the connection's state, the memory store unused. */
function wired<T extends object>(db: Promise<Db>, real: T, memory: T): T {
  return withMemoryFallback(db, failWhenClosed(real, storageInfo()), memory);
}

for (const [name, wire] of [
  ['IndexedDB', false],
  ['IndexedDB as the bootstrap wires it', true],
] as const) {
  runStoreContract(
    name,
    () => {
      const db = fresh();
      return { store: wire ? wired(db, runStoreOf(db), memoryRunStore()) : runStoreOf(db), damage: damageRuns(db) };
    },
    true,
  );
  benchmarkStoreContract(
    name,
    () => {
      const db = fresh();
      const store = wire ? wired(db, benchmarkStoreOf(db), memoryBenchmarkStore()) : benchmarkStoreOf(db);
      return { store, damage: damageBenchmarks(db) };
    },
    true,
  );
  parameterStoreContract(name, () => {
    const db = fresh();
    return { store: wire ? wired(db, parameterStoreOf(db), memoryParameterStore()) : parameterStoreOf(db) };
  });
  baselineStoreContract(name, () => {
    const db = fresh();
    return { store: wire ? wired(db, baselineStoreOf(db), memoryBaselineStore()) : baselineStoreOf(db) };
  });
  tunerStoreContract(
    name,
    () => {
      const db = fresh();
      return {
        store: wire ? wired(db, tunerStoreOf(db), memoryTunerStore()) : tunerStoreOf(db),
        damage: damageTuner(db),
      };
    },
    true,
  );
  metricsStoreContract(name, () => {
    const db = fresh();
    return { store: wire ? wired(db, metricsStoreOf(db), memoryMetricsStore()) : metricsStoreOf(db) };
  });
  healthStoreContract(name, () => {
    const db = fresh();
    return { store: wire ? wired(db, healthStoreOf(db), memoryHealthStore()) : healthStoreOf(db) };
  });
  alertStoreContract(name, () => {
    const db = fresh();
    return { store: wire ? wired(db, alertStoreOf(db), memoryAlertStore()) : alertStoreOf(db) };
  });
  settingsStoreContract(name, () => {
    const db = fresh();
    return { store: wire ? wired(db, settingsStoreOf(db), memorySettingsStore()) : settingsStoreOf(db) };
  });
}
