// What the app's state needs from its long-lived services, as small interfaces: the bootstrap
// (src/app) supplies the real pool, database and fetches; tests supply an in-process pool,
// fake-indexeddb and files from disk.
import type { IsolationDiagnosis } from '../core/hosting/isolation';
import type { BenchmarkModel, BenchmarkRun } from '../core/benchmark';
import type { OptionValues, OptionDescriptor } from '../core/options-schema';
import type { RunRecord } from '../core/run-record';
import type { StorageStatus } from '../storage/quota';
import type { Backup, BackupStoreName } from '../core/backup';
import type { SummarizerApi } from '../solver/summary-client';
import type { ClosedReason } from '../storage/errors';
import type { ModelPayload } from '../solver/protocol';
import type { PoolJob, PoolSnapshot, SubmitOptions } from '../solver/pool-types';
import type {
  AlertStore,
  BaselineStore,
  BenchmarkStore,
  HealthStore,
  MetricsStore,
  ParameterStore,
  RunStore,
  SettingsStore,
  TunerStore,
} from '../core/stores';
import type { MetricsRecorder } from './metrics-recorder';

// The stores' interfaces live in core (src/core/stores), each with its invariants, whatever the runtime:
// re-exported here so state's imports stay as they were.
export type {
  AlertStore,
  BaselineStore,
  BenchmarkStore,
  HealthStore,
  MetricsStore,
  ParameterStore,
  RunStore,
  SettingsStore,
  TunerStore,
} from '../core/stores';

/** The solver as state uses it (the WorkerPool fits it), so state classes run against any pool. */
export interface Solver {
  /** Queues one solve. */
  submit(model: ModelPayload, options: OptionValues, o?: SubmitOptions): PoolJob;
  /** HiGHS's option descriptors, once a worker is ready. */
  describeOptions(): Promise<OptionDescriptor[]>;
  /** The pool's state now. */
  snapshot(): PoolSnapshot;
  /** Live snapshots; returns the unsubscribe. */
  subscribe(fn: (s: PoolSnapshot) => void): () => void;
  /** Changes the floor and ceiling of the pool. */
  resize(minWorkers: number, maxWorkers: number): void;
  /** Cancels every queued and running job of a batch at once; returns how many. */
  cancelBatch(batchId: string): number;
}

/**
 * Computes summaries and comparisons and writes report JSON: in a worker in the app (10,000 runs with
 * bootstrap must not block the page, nor 8 MiB of JSON), in-process in tests.
 */
export type Summarizer = Omit<SummarizerApi, OptionalSummarizerMember> &
  Partial<Pick<SummarizerApi, OptionalSummarizerMember>>;
/** The Summarizer's members a test double (or an older caller) may leave out: the caller then works in-process. */
type OptionalSummarizerMember = 'checkRegression' | keyof BackupCodec;

/** The built-in model library: its manifest and its model files, so tests can serve them from disk. */
export interface ModelSource {
  /** The manifest JSON (instances.json), not yet validated. */
  manifest(): Promise<unknown>;
  /** The bytes of one library file; rejects with a message saying why it could not be loaded. */
  model(file: string): Promise<Uint8Array>;
}

/** The user's pool size, as the pool panel sets it. */
export interface PoolSize {
  min: number;
  max: number;
}

/** Where the pool size is remembered across reloads. */
export interface PoolSizeStore {
  save(size: PoolSize): void;
}

/** Everything the bootstrap creates once and hands to the app through context. */
export interface AppServices {
  solver: Solver;
  runs: RunStore;
  library: ModelSource;
  poolSize: PoolSizeStore;
  /** The benchmark stores (absent where a test or shell does not supply them). */
  benchmarks?: BenchmarkStore;
  /** Where summaries are computed (absent: in-process, on the calling thread). */
  summarizer?: Summarizer;
  /** The stored baselines (absent where a test or shell does not supply them). */
  baselines?: BaselineStore;
  /** The blessed option sets (absent where a test or shell does not supply them). */
  parameters?: ParameterStore;
  /** The tuner's runs (absent where a test or shell does not supply them: runs live in memory). */
  tuner?: TunerStore;
  /** The browser's storage: status, persistence, the database connection's state (absent in tests that do not need it). */
  storage?: StorageInfo;
  /** Backup and restore of everything stored (absent without IndexedDB). */
  backup?: BackupStore;
  /** Metric points (absent: nothing is recorded). */
  metrics?: MetricsStore;
  /** Health-check runs (absent: the history lives in memory). */
  health?: HealthStore;
  /** Alert rules and alerts (absent: alerts live in memory). */
  alerts?: AlertStore;
  /** App-wide settings (retention, channels). */
  settings?: SettingsStore;
  /** Delivers an alert to a webhook (absent: webhooks are not offered). */
  webhook?: WebhookSender;
  /** The browser's notifications (absent: not offered). */
  notifier?: Notifier;
  /** Hears every finished solve (the metrics recorder; absent: solves are not recorded). */
  observer?: SolveObserver;
  /** The metrics recorder itself (the same object as `observer`): the health view flushes, samples and prunes through it. */
  recorder?: MetricsRecorder;
  /** The page's hosting: why it is or is not cross-origin isolated (absent: the health check says only whether). */
  hosting?: HostingInfo;
}

/** Why the page is (not) cross-origin isolated, for the health check; src/state/hosting-state.svelte.ts has it. */
export interface HostingInfo {
  readonly isolation: IsolationDiagnosis;
}

/** Hears finished solves with their labels, so metrics are recorded where a solve's template and option set are known. */
export interface SolveObserver {
  /** A benchmark run finished (failed ones too), with its model and the worker's WASM heap after it (0 when unknown). */
  benchmarkRun(run: BenchmarkRun, model: BenchmarkModel, wasmMemoryBytes: number): void;
  /** An interactive solve was stored. */
  runRecord(run: RunRecord): void;
}

/** What one webhook POST came to: the HTTP status (null: a network error) and a short text. */
export interface WebhookResponse {
  status: number | null;
  detail: string;
}

/** Posts JSON to a webhook URL (fetch in the app; a local server in tests). */
export interface WebhookSender {
  post(url: string, body: string): Promise<WebhookResponse>;
}

/** The browser's notifications: the permission, asking for it, and showing one. */
export interface Notifier {
  permission(): 'granted' | 'denied' | 'default' | 'unsupported';
  request(): Promise<'granted' | 'denied' | 'default' | 'unsupported'>;
  show(title: string, body: string, tag: string): void;
}

/** What the database connection is doing, for the banners of the shell. */
export type StorageConnection =
  | { kind: 'opening' }
  | { kind: 'ready' }
  /** Our open (an upgrade) waits for another tab of an older version to close its connection. */
  | { kind: 'blocked' }
  /**
   * The connection closed under this page: another tab upgraded the database to a newer version or deleted
   * it, or the browser closed it. Nothing can be stored until a reload.
   */
  | { kind: 'closed'; reason: ClosedReason }
  /** No usable database (unavailable, upgrade failed, too new): the app keeps everything in memory. */
  | { kind: 'memory'; error: { name: string; message: string } };

/** The browser's storage as the app shows it. */
export interface StorageInfo {
  /** Storage used and available, and whether it is persistent. */
  status(): Promise<StorageStatus>;
  /** Asks the browser for persistent storage: granted or not, null when the browser cannot say. */
  persist(): Promise<boolean | null>;
  /** Calls fn with the connection's state now and on every change; returns the unsubscribe. */
  watch(fn: (c: StorageConnection) => void): () => void;
}

/** Everything stored, as one backup, and its restore (all or nothing). */
export interface BackupStore {
  /**
   * Reads every store (one transaction), metrics only when asked; `leftOut` counts damaged records left
   * out (absent: none).
   */
  exportBackup(opts?: { metrics?: boolean }): Promise<Backup & { leftOut?: Partial<Record<BackupStoreName, number>> }>;
  /** Replaces everything stored by the backup, in one transaction: on failure nothing changed. */
  restoreBackup(backup: Backup): Promise<void>;
}

/** Writing and reading backup files off the main thread (the summary worker); absent: in-process. */
export type BackupCodec = Pick<SummarizerApi, 'serializeBackup' | 'parseBackup'>;
