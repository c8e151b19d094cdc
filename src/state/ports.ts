// What the app's state needs from its long-lived services, as small interfaces: the bootstrap
// (src/app) supplies the real pool, database and fetches; tests supply an in-process pool,
// fake-indexeddb and files from disk.
import type { IsolationDiagnosis } from '../core/hosting/isolation';
import type { BenchmarkModel, BenchmarkRun } from '../core/benchmark';
import type { OptionValues, OptionDescriptor } from '../core/options-schema';
import type { RunRecord } from '../core/run-record';
import type { BenchmarkComparison, CompareInput } from '../core/compare';
import type { ParseReportOptions, Report, ReportParseResult } from '../core/report';
import type { BenchmarkSummary, SummaryInput } from '../core/stats';
import type { Baseline, CandidateInput, CheckParameters, RegressionCheck } from '../core/regression';
import type { StoredBenchmark, StoredBenchmarkConfig, StoredModelFile } from '../storage/benchmark-types';
import type { StoredBlessedEvent, StoredBlessedSet, StoredRegressionCheck } from '../storage/parameter-types';
import type { StorageStatus } from '../storage/quota';
import type { Backup, BackupParseResult, BackupStoreName, DamagedRecord, ParseBackupOptions } from '../core/backup';
import type { ClosedReason } from '../storage/errors';
import type { ModelPayload } from '../solver/protocol';
import type { PoolJob, PoolSnapshot, SubmitOptions } from '../solver/pool-types';
import type { MetricPoint, SolvePoint, SystemPoint, TimeWindow } from '../core/metrics/types';
import type { HealthRun } from '../core/health/types';
import type { Alert, AlertRule } from '../core/alerts/types';
import type { MetricsRecorder } from './metrics-recorder';
import type { TuningRecord } from '../core/tuner/record';

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

/** The stored runs, newest first, so the history needs no IndexedDB of its own. */
export interface RunStore {
  /** Stores one run; returns it with its id. */
  add(run: RunRecord): Promise<RunRecord>;
  /** The newest runs first (only runs the app can read). */
  list(): Promise<RunRecord[]>;
  /** Deletes every run. */
  clear(): Promise<void>;
  /** The newest readable runs first, and the damaged ones (absent: a store that cannot hold damaged records). */
  read?(): Promise<{ runs: RunRecord[]; damaged: DamagedRecord[] }>;
  /** Deletes one damaged run by its key. */
  deleteDamaged?(record: DamagedRecord): Promise<void>;
}

/** The benchmark stores as state uses them: benchmarks, their runs (added in batches) and the user's model files. */
export interface BenchmarkStore {
  /** Creates or updates a benchmark's description and state (not its runs). */
  putBenchmark(b: StoredBenchmark): Promise<void>;
  /** One benchmark, or undefined. */
  getBenchmark(id: string): Promise<StoredBenchmark | undefined>;
  /** Every stored benchmark the app can read, newest first. */
  listBenchmarks(): Promise<StoredBenchmark[]>;
  /** Every stored benchmark: the readable ones newest first, and the damaged ones (absent: none can be). */
  readBenchmarks?(): Promise<{ benchmarks: StoredBenchmark[]; damaged: DamagedRecord[] }>;
  /** A benchmark's readable runs in the order they were stored, and its damaged ones. */
  readRuns?(benchmarkId: string): Promise<{ runs: BenchmarkRun[]; damaged: DamagedRecord[] }>;
  /** Deletes one damaged record: a benchmark (with its runs) or one benchmark run. */
  deleteDamaged?(record: DamagedRecord): Promise<void>;
  /** Stores finished runs of a benchmark in one transaction (all or none). */
  addRuns(benchmarkId: string, runs: readonly BenchmarkRun[]): Promise<void>;
  /** A benchmark's readable runs in the order they were stored. */
  listRuns(benchmarkId: string): Promise<BenchmarkRun[]>;
  /** A model file the user added, by the SHA-256 of its bytes, or undefined. */
  getModelFile(id: string): Promise<StoredModelFile | undefined>;
  /** Keeps a model file by the SHA-256 of its bytes. */
  putModelFile(file: StoredModelFile): Promise<void>;
  /** Deletes a benchmark and its runs. */
  deleteBenchmark(id: string): Promise<void>;
  /** Stores whole benchmarks with their runs (an imported report) in one transaction: all, or nothing changed. */
  importBenchmarks(items: readonly { benchmark: StoredBenchmark; runs: readonly BenchmarkRun[] }[]): Promise<void>;
  /** Saves (or replaces, by name) a named benchmark configuration. */
  saveConfig(config: StoredBenchmarkConfig): Promise<void>;
  /** The saved benchmark configurations. */
  listConfigs(): Promise<StoredBenchmarkConfig[]>;
  /** Deletes a saved configuration by name. */
  deleteConfig(name: string): Promise<void>;
}

/**
 * Computes summaries and comparisons and writes report JSON: in a worker in the app (10,000 runs with
 * bootstrap must not block the page, nor 8 MiB of JSON), in-process in tests.
 */
export interface Summarizer extends Partial<BackupCodec> {
  summarize(input: SummaryInput): Promise<BenchmarkSummary>;
  compare(input: CompareInput): Promise<BenchmarkComparison>;
  /** core's serializeReport (throws its ReportExportError for a value JSON cannot carry). */
  serializeReport(report: Report): Promise<string>;
  /** core's parseReport: the report, or every reason it was refused. */
  parseReport(text: string, opts?: ParseReportOptions): Promise<ReportParseResult>;
  /** core's checkAgainstBaseline (absent: the caller checks in-process). */
  checkRegression?(input: {
    baseline: Baseline;
    candidate: CandidateInput;
    params?: Partial<CheckParameters>;
  }): Promise<RegressionCheck>;
}

/** The stored performance baselines (core's Baseline), kept with strict durability; earlier ones are kept. */
export interface BaselineStore {
  /** Stores (or replaces, by id) a baseline. */
  put(baseline: Baseline): Promise<void>;
  /** One baseline by id, or undefined. */
  get(id: string): Promise<Baseline | undefined>;
  /** Baselines of one template (or all), oldest first. */
  list(template?: string): Promise<Baseline[]>;
  /** Deletes a baseline by id. */
  delete(id: string): Promise<void>;
  /** Keeps the summary of one regression check (a template's history), strict durability. */
  addCheck(check: StoredRegressionCheck): Promise<void>;
  /** The checks of one template (or all), in the order they were made. */
  listChecks(template?: string): Promise<StoredRegressionCheck[]>;
  /** The threshold the user set for a template, percent, or undefined. */
  getThreshold(template: string): Promise<number | undefined>;
  /** Every threshold the user set, by template. */
  listThresholds(): Promise<Record<string, number>>;
  /** Keeps the threshold the user set for a template, strict durability. */
  setThreshold(template: string, pct: number): Promise<void>;
}

/** The blessed option sets per template and their history, every write strict-durability (a set and its event together). */
export interface ParameterStore {
  /** Stores a blessed set (new, or its active flag changed) with its history event; an active set deactivates the template's others. */
  putBlessed(set: StoredBlessedSet, event: StoredBlessedEvent): Promise<void>;
  /** Blessed sets of one template (or all), oldest promotion first. */
  listBlessed(template?: string): Promise<StoredBlessedSet[]>;
  /** A template's history, in the order it happened. */
  history(template: string): Promise<StoredBlessedEvent[]>;
  /** Makes one set of a template the active one, with its event (a rollback). */
  setActive(template: string, id: string, event?: StoredBlessedEvent): Promise<void>;
}

/** The tuner's runs (#/tune): each a whole record, written as it goes so a reload resumes it. */
export interface TunerStore {
  /** Stores (or replaces, by id) a tuning run. */
  put(record: TuningRecord): Promise<void>;
  /** One tuning run, or undefined. */
  get(id: string): Promise<TuningRecord | undefined>;
  /** Every readable tuning run, newest first. */
  list(): Promise<TuningRecord[]>;
  /** Deletes a tuning run. */
  delete(id: string): Promise<void>;
  /** Readable runs newest first, and the damaged ones (absent: a store that cannot hold damaged records). */
  read?(): Promise<{ records: TuningRecord[]; damaged: DamagedRecord[] }>;
  /** Deletes one damaged record by its key. */
  deleteDamaged?(record: DamagedRecord): Promise<void>;
}

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

/** Metric points: added in batches, read by window, pruned in the background in small transactions. */
export interface MetricsStore {
  /** Stores a batch of points in one transaction. */
  add(points: readonly MetricPoint[]): Promise<void>;
  /** Solve points in [from, to), oldest first. */
  listSolves(window: TimeWindow): Promise<SolvePoint[]>;
  /** System samples in [from, to), oldest first. */
  listSystem(window: TimeWindow): Promise<SystemPoint[]>;
  /** The newest n solve points, newest first. */
  recentSolves(n: number): Promise<SolvePoint[]>;
  /** Deletes points older than the cutoff, `batch` keys per transaction, awaiting `pause` between; returns how many. */
  prune(cutoff: number, batch: number, pause?: () => Promise<boolean | void>): Promise<number>;
  /** How many points are stored. */
  count(): Promise<number>;
}

/** The health checks' history. */
export interface HealthStore {
  /** Stores a run, keeping the newest `keep`. */
  addRun(run: HealthRun, keep: number): Promise<void>;
  /** The newest runs first. */
  listRuns(limit: number): Promise<HealthRun[]>;
}

/** Alert rules and raised alerts (the history). */
export interface AlertStore {
  listRules(): Promise<AlertRule[]>;
  putRule(rule: AlertRule): Promise<void>;
  deleteRule(id: string): Promise<void>;
  /** Every alert, oldest first. */
  listAlerts(): Promise<Alert[]>;
  /** Stores (or replaces) alerts in one transaction. */
  putAlerts(alerts: readonly Alert[]): Promise<void>;
}

/** App-wide settings by key; values are plain JSON-like data. */
export interface SettingsStore {
  get(key: string): Promise<unknown>;
  put(key: string, value: unknown): Promise<void>;
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
export interface BackupCodec {
  /** core's serializeBackup (throws its BackupExportError). */
  serializeBackup(backup: Backup): Promise<string>;
  /** core's parseBackup: the backup, or every reason it was refused. */
  parseBackup(text: string, opts?: ParseBackupOptions): Promise<BackupParseResult>;
}
