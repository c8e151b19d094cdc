// Every store's contract against the in-memory implementations (a page without IndexedDB), alone and as the
// bootstrap wires them when the database failed to open (withMemoryFallback over a rejected open). Memory holds no
// damaged records: those cases are the IndexedDB and file implementations'.
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
import type { Db } from '../../src/storage/db';
import { StorageUnavailable } from '../../src/storage/errors';
import { tunerStoreOf } from '../../src/storage/tuner-repo';
import { alertStoreContract } from './alert-store.contract';
import { baselineStoreContract } from './baseline-store.contract';
import { benchmarkStoreContract } from './benchmark-store.contract';
import { healthStoreContract } from './health-store.contract';
import { metricsStoreContract } from './metrics-store.contract';
import { parameterStoreContract } from './parameter-store.contract';
import { runStoreContract } from './run-store.contract';
import { settingsStoreContract } from './settings-store.contract';
import { tunerStoreContract } from './tuner-store.contract';

/** A database whose open failed. */
function failedOpen(): Promise<Db> {
  const db = Promise.reject(new StorageUnavailable());
  db.catch(() => {});
  return db;
}

/** The memory store, alone or behind a failed open as the bootstrap wires it. */
function memory<T extends object>(fallback: boolean, real: (db: Promise<Db>) => T, mem: () => T): () => { store: T } {
  return () => {
    if (!fallback) return { store: mem() };
    const db = failedOpen();
    return { store: withMemoryFallback(db, real(db), mem()) };
  };
}

for (const [name, fallback] of [
  ['memory', false],
  ['memory behind a failed open', true],
] as const) {
  runStoreContract(name, memory(fallback, runStoreOf, memoryRunStore));
  benchmarkStoreContract(name, memory(fallback, benchmarkStoreOf, memoryBenchmarkStore));
  parameterStoreContract(name, memory(fallback, parameterStoreOf, memoryParameterStore));
  baselineStoreContract(name, memory(fallback, baselineStoreOf, memoryBaselineStore));
  tunerStoreContract(name, memory(fallback, tunerStoreOf, memoryTunerStore));
  metricsStoreContract(name, memory(fallback, metricsStoreOf, memoryMetricsStore));
  healthStoreContract(name, memory(fallback, healthStoreOf, memoryHealthStore));
  alertStoreContract(name, memory(fallback, alertStoreOf, memoryAlertStore));
  settingsStoreContract(name, memory(fallback, settingsStoreOf, memorySettingsStore));
}
