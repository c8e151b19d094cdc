// Creates the app's services once, explicitly (called from main.ts): the solver pool (sized as
// the user saved it, tuned by the debug URL parameters), the database, the model library and the
// summary worker's client.
import { createBrowserPool } from '../solver/browser-pool';
import { SummaryClient } from '../solver/summary-client';
import type { WorkerPool } from '../solver/worker-pool';
import { DB_NAME, openWorkbenchDb } from '../storage/db';
import type { AppServices, HostingInfo, TunerStore } from '../state/ports';
import { APP_INFO } from '../state/app-info';
import { benchHooks, type BenchHooks } from './bench-hooks';
import { baselineStoreOf } from './baseline-store';
import { benchmarkStoreOf } from './benchmark-store';
import { parseDebugParams } from './debug-params';
import { parameterStoreOf } from './parameter-store';
import { fetchModelSource } from './model-source';
import { poolSizeStore, readPoolSize } from './pool-size';
import { runStoreOf } from './run-store';
import { MetricsRecorder } from '../state/metrics-recorder';
import { storageEstimateOf } from '../state/health-context';
import { browserNotifier, fetchWebhook } from './alert-channels';
import {
  alertStoreOf,
  healthStoreOf,
  memoryAlertStore,
  memoryHealthStore,
  memoryMetricsStore,
  memorySettingsStore,
  metricsStoreOf,
  settingsStoreOf,
} from './monitoring-stores';
import { backupStoreOf, failWhenClosed, followOpen, storageInfo } from './storage-info';
import {
  memoryBaselineStore,
  memoryBenchmarkStore,
  memoryParameterStore,
  memoryRunStore,
  memoryTunerStore,
  withMemoryFallback,
} from './memory-stores';
import { tunerStoreOf } from '../storage/tuner-repo';

/** What the bootstrap reads from the page; main.ts passes the real ones. */
export interface BootstrapEnv {
  /** `location.search`: the debug parameters. */
  search: string;
  /** localStorage, or null where it is unavailable. */
  storage: Storage | null;
  /** The app's base URL (Vite's BASE_URL), where public/models is served. */
  base: string;
  /** The page's hosting (service worker, isolation), for the health check's reason. */
  hosting?: HostingInfo;
}

/** Starts the pool (it compiles the solver and warms a worker up), opens the database; returns the services. */
export function bootstrap(env: BootstrapEnv): AppServices {
  const { config, faults, bench, metrics, sampleMs } = parseDebugParams(env.search);
  const pool = createBrowserPool({ ...readPoolSize(env.storage), ...config }, faults);
  // One connection for every store. Another tab upgrading the schema closes it and the shell asks
  // for a reload; an open blocked by an older tab says so; without a usable database the run and
  // benchmark, baseline, parameter and tuner stores live in memory (storage-info.ts, memory-stores.ts).
  // A connection closed under the page (another tab upgraded or deleted the database, or the browser
  // closed it) makes every store call say so (StorageClosed) and the shell offer a reload.
  const storage = storageInfo();
  const db = openWorkbenchDb(DB_NAME, {
    onBlocked: () => storage.set({ kind: 'blocked' }),
    onVersionChange: (why) => storage.set({ kind: 'closed', reason: why }),
    onClose: () => storage.set({ kind: 'closed', reason: 'browser' }),
  });
  followOpen(db, storage);
  const stored = <T extends object>(real: T, memory: T): T =>
    withMemoryFallback(db, failWhenClosed(real, storage), memory);
  const services: AppServices = {
    solver: pool,
    runs: stored(runStoreOf(db), memoryRunStore()),
    library: fetchModelSource(env.base),
    poolSize: poolSizeStore(env.storage),
    benchmarks: stored(benchmarkStoreOf(db), memoryBenchmarkStore()),
    baselines: stored(baselineStoreOf(db), memoryBaselineStore()),
    parameters: stored(parameterStoreOf(db), memoryParameterStore()),
    tuner: stored<TunerStore>(tunerStoreOf(db), memoryTunerStore()),
    summarizer: new SummaryClient(), // its worker starts on the first summary
    storage,
    backup: failWhenClosed(backupStoreOf(db, APP_INFO), storage),
    metrics: stored(metricsStoreOf(db), memoryMetricsStore()),
    health: stored(healthStoreOf(db), memoryHealthStore()),
    alerts: stored(alertStoreOf(db), memoryAlertStore()),
    settings: stored(settingsStoreOf(db), memorySettingsStore()),
    webhook: fetchWebhook(),
    notifier: browserNotifier(),
    hosting: env.hosting,
  };
  if (metrics) {
    // Every solve and a system sample every few seconds, written in batches (state/metrics-recorder.ts).
    const recorder = new MetricsRecorder({
      store: services.metrics!,
      settings: services.settings,
      snapshot: () => pool.snapshot(),
      storageEstimate: () => storageEstimateOf(storage),
      jsHeapBytes: () => (performance as { memory?: { usedJSHeapSize?: number } }).memory?.usedJSHeapSize ?? null,
      hardwareConcurrency: navigator.hardwareConcurrency ?? 0,
      crossOriginIsolated: globalThis.crossOriginIsolated === true,
      sampleMs,
    });
    services.observer = recorder;
    services.recorder = recorder;
  }
  if (bench) {
    const g = globalThis as { __workbenchPool?: WorkerPool; __workbenchBench?: BenchHooks };
    g.__workbenchPool = pool;
    g.__workbenchBench = benchHooks(services);
  }
  return services;
}

/** localStorage, or null when the browser denies it (some privacy modes throw on access). */
export function pageStorage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}
