// The monitoring vocabulary: time-stamped metric points (one per solve, one per system sample), what a
// template's summary over a window says, and the families the Prometheus export writes. Types only;
// the behaviour is in summary.ts, prometheus.ts and points.ts.

/** Where a solve came from, so a user can tell a benchmark's load from interactive solves. */
export type SolveSource = 'run' | 'benchmark' | 'health';

/** How a solve ended, for success and error rates: solved, ended without an answer (limit, cancel), or an error / wrong answer. */
export type SolveOutcome = 'ok' | 'unsolved' | 'error';

/** One solve, recorded as it finishes: a point with its labels (template, model, option set, status) and its values. */
export interface SolvePoint {
  kind: 'solve';
  /** Epoch ms when the solve finished (the first half of the store's key). */
  t: number;
  /** Tie-breaker of points at the same ms (the second half of the key): random in [0, 1). */
  seq: number;
  source: SolveSource;
  /** The template (model family); interactive solves of a file use 'run'. */
  template: string;
  /** The model's name. */
  model: string;
  /** The option set's id ('run' for an interactive solve's own options). */
  optionSet: string;
  /** HiGHS's model status text, or 'error' when the run failed without one. */
  status: string;
  outcome: SolveOutcome;
  /** Wall time of the solve, ms. */
  timeMs: number;
  rows: number;
  cols: number;
  nnz: number;
  /** WASM heap of the worker after the solve, bytes (0 when unknown). */
  wasmMemoryBytes: number;
  /** null when there is none or it is not finite. */
  objective: number | null;
}

/** One worker's memory in a system sample. */
export interface WorkerMemory {
  slot: number;
  workerId: number;
  wasmMemoryBytes: number;
}

/** The runtime sampled while the app is open: the pool, memory, storage and the page's capabilities. */
export interface SystemPoint {
  kind: 'system';
  t: number;
  seq: number;
  /** Busy workers ÷ workers, 0..1. */
  poolUtilization: number;
  queueDepth: number;
  running: number;
  workers: number;
  /** Jobs finished per second over the pool's last 10 s. */
  throughput: number;
  /** Worker restarts since the pool started (a counter: it only grows within one page). */
  workerRestarts: number;
  /** Jobs completed since the pool started (a counter). */
  jobsCompleted: number;
  /** Jobs failed since the pool started (a counter). */
  jobsFailed: number;
  workerMemory: WorkerMemory[];
  /** performance.memory.usedJSHeapSize where the browser exposes it, else null. */
  jsHeapBytes: number | null;
  storageUsedBytes: number | null;
  storageQuotaBytes: number | null;
  hardwareConcurrency: number;
  crossOriginIsolated: boolean;
  /** Whether a benchmark was running when sampled (its load explains the pool figures). */
  benchmarkRunning: boolean;
}

/** What the store keeps: solves and system samples, keyed by [t, seq]. */
export type MetricPoint = SolvePoint | SystemPoint;

/** A time window [from, to) in epoch ms. */
export interface TimeWindow {
  from: number;
  to: number;
}

/** Which way a template's solve times moved over the window. */
export type TrendDirection = 'slower' | 'faster' | 'flat' | 'unknown';

/**
 * Whether a template is getting slower: each solve's time relative to the median of its (model, option set),
 * the later half of the window against the earlier half.
 */
export interface Trend {
  direction: TrendDirection;
  /** Median relative time of the later half ÷ the earlier half (above 1: slower); null with too few solves. */
  ratio: number | null;
  /** Solves that had a (model, option set) peer to compare with. */
  compared: number;
}

/** One template over a window: what the health view's table and the Prometheus summary show. */
export interface TemplateSummary {
  template: string;
  count: number;
  ok: number;
  unsolved: number;
  errors: number;
  /** ok ÷ count (0 when count is 0). */
  successRate: number;
  /** errors ÷ count (0 when count is 0). */
  errorRate: number;
  /** Solve time quantiles, ms (null without solves). */
  p50Ms: number | null;
  p95Ms: number | null;
  maxMs: number | null;
  trend: Trend;
}

/** One bucket of a template's time series (the trend charts): median time and error rate per bucket. */
export interface TrendBucket {
  /** Start of the bucket, epoch ms. */
  t: number;
  count: number;
  p50Ms: number | null;
  errorRate: number;
}

/** The metrics JSON export: self-describing, versioned, filtered like the Prometheus one. */
export interface MetricsExport {
  schema: 'highs-workbench/metrics';
  version: 1;
  createdAt: string;
  app: { version: string };
  filter: { template: string | null; from: string; to: string };
  summaries: TemplateSummary[];
  solves: SolvePoint[];
  system: SystemPoint[];
}
