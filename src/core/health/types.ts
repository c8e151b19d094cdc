// The health-check vocabulary: one small interface every check implements (so a new check is one
// module), the context of probes the app supplies, results, and the overall status. Types only.
import type { SolvePoint } from '../metrics/types';

/** A check's outcome. `unknown` when it could not be run (no database, no solver yet). */
export type CheckStatus = 'pass' | 'warning' | 'fail' | 'unknown';

/** How much a failing check matters: a failed critical check makes the app critical, a failed warning check a warning. */
export type CheckSeverity = 'critical' | 'warning' | 'info';

/** The app's overall health, as `health-status` shows it. */
export type OverallStatus = 'healthy' | 'warning' | 'critical' | 'unknown';

/** Plain details of a result (rendered as a key/value list and exported). */
export type CheckDetails = Record<string, string | number | boolean | null>;

/** What a check's run returns; the runner adds the name, severity, time and duration. */
export interface CheckOutcome {
  status: CheckStatus;
  message: string;
  details?: CheckDetails;
}

/** One check's result as stored and shown. */
export interface HealthCheckResult {
  id: string;
  name: string;
  severity: CheckSeverity;
  status: CheckStatus;
  message: string;
  details: CheckDetails;
  /** Epoch ms when it started. */
  at: number;
  durationMs: number;
}

/** One run of every check: the history keeps these. */
export interface HealthRun {
  id: string;
  at: number;
  /** 'manual' (the button) or 'scheduled'. */
  trigger: 'manual' | 'scheduled';
  overall: OverallStatus;
  results: HealthCheckResult[];
}

/** A worker as the checks see it (the pool's slot snapshot, reduced). */
export interface WorkerView {
  slot: number;
  workerId: number;
  state: 'starting' | 'idle' | 'busy' | 'recovering' | 'stopping';
  jobId: string | null;
  /** Epoch ms of the current job's last progress callback, or null. */
  lastProgressAt: number | null;
  /** Epoch ms when the current job started on this worker, or null. */
  jobStartedAt: number | null;
  wasmMemoryBytes: number;
}

/** The newest regression check of a template. */
export interface TemplateVerdict {
  template: string;
  verdict: string;
  checkedAt: string;
}

/** An active blessed set as the checks see it. */
export interface BlessedView {
  template: string;
  name: string;
  options: Record<string, unknown>;
  /** The solver version it was blessed on. */
  solverVersion: string;
}

/**
 * The probes a check may use, supplied by the app (state layer) and by tests. A probe that is not
 * available is absent: a check that needs it reports `unknown`.
 */
export interface HealthContext {
  now(): number;
  /** Loads the solver (waits for a ready worker); its version. Rejects when it cannot load. */
  loadSolver?(): Promise<{ version: string }>;
  /** Solves the sanity model (the afiro LP) and returns what HiGHS said. */
  sanitySolve?(): Promise<{ status: string; objective: number | null; knownObjective: number }>;
  /** The pool's workers now. */
  workers?(): WorkerView[];
  /** Writes, reads back and deletes a probe record; resolves with what was read. */
  storageRoundTrip?(probe: string): Promise<string | undefined>;
  /** Storage used and quota, bytes; null when the browser cannot say. */
  storageEstimate?(): Promise<{ usage: number; quota: number } | null>;
  crossOriginIsolated?: boolean;
  /** Why the page is not isolated (src/core/hosting/isolation.ts diagnoseIsolation), when the app knows. */
  isolationReason?: string;
  /** The newest regression check per template. */
  latestVerdicts?(): Promise<TemplateVerdict[]>;
  /** The last n solves, newest first. */
  recentSolves?(n: number): Promise<SolvePoint[]>;
  /** The active blessed sets. */
  blessedSets?(): Promise<BlessedView[]>;
  /** Validates option values against the running solver's descriptors: the problems (empty when valid). */
  validateOptions?(options: Record<string, unknown>): Promise<string[]>;
  /** The running solver's version, or null before it is ready. */
  solverVersion?(): string | null;
}

/** What every health check is: a new check is one module exporting one of these. */
export interface HealthCheck {
  id: string;
  name: string;
  severity: CheckSeverity;
  /** Whether it submits solver work (a scheduled run defers it while a benchmark runs, not to disturb its timings). */
  usesSolver: boolean;
  run(ctx: HealthContext): Promise<CheckOutcome>;
}

/** One recommendation drawn from what was measured, with its evidence. */
export interface Recommendation {
  id: string;
  title: string;
  text: string;
  /** The measured facts behind it, as short lines. */
  evidence: string[];
  severity: 'info' | 'warning';
}

/** The exportable health report. */
export interface HealthReport {
  schema: 'highs-workbench/health';
  version: 1;
  createdAt: string;
  app: { version: string };
  environment: { userAgent: string; hardwareConcurrency: number; crossOriginIsolated: boolean };
  overall: OverallStatus;
  results: HealthCheckResult[];
  history: { at: string; overall: OverallStatus; failed: string[] }[];
  recommendations: Recommendation[];
}
