// The metrics JSON export: the solves and system samples of a window (solves also by template), with the
// template summaries, every number finite so the file parses anywhere.
import { inWindow, summarizeTemplates } from './summary';
import type { MetricsExport, SolvePoint, SystemPoint, TimeWindow } from './types';

/** What an export is made of. */
export interface MetricsExportInput {
  solves: readonly SolvePoint[];
  system: readonly SystemPoint[];
  window: TimeWindow;
  /** Only this template's solves (null: all). */
  template: string | null;
  appVersion: string;
  now: number;
}

/** The latest time a Date can hold, ms (ECMAScript's limit). */
const MAX_DATE_MS = 8.64e15;

/** An ISO time for any epoch ms (clamped into the Date range, so an open window never throws). */
function isoOf(ms: number): string {
  const clamped = Number.isNaN(ms) ? 0 : Math.min(MAX_DATE_MS, Math.max(-MAX_DATE_MS, ms));
  return new Date(clamped).toISOString();
}

/** A finite number, else 0. */
function num(x: number): number {
  return Number.isFinite(x) ? x : 0;
}

/** A finite number or null. */
function numOrNull(x: number | null): number | null {
  return x !== null && Number.isFinite(x) ? x : null;
}

/** A copy of a solve with every number finite (a non-finite objective becomes null, other numbers 0). */
function cleanSolve(s: SolvePoint): SolvePoint {
  return {
    ...s,
    t: num(s.t),
    seq: num(s.seq),
    timeMs: num(s.timeMs),
    rows: num(s.rows),
    cols: num(s.cols),
    nnz: num(s.nnz),
    wasmMemoryBytes: num(s.wasmMemoryBytes),
    objective: numOrNull(s.objective),
  };
}

/** A copy of a system sample with every number finite (nullable ones null, the others 0). */
function cleanSystem(p: SystemPoint): SystemPoint {
  return {
    ...p,
    t: num(p.t),
    seq: num(p.seq),
    poolUtilization: num(p.poolUtilization),
    queueDepth: num(p.queueDepth),
    running: num(p.running),
    workers: num(p.workers),
    throughput: num(p.throughput),
    workerRestarts: num(p.workerRestarts),
    jobsCompleted: num(p.jobsCompleted),
    jobsFailed: num(p.jobsFailed),
    workerMemory: p.workerMemory.map((w) => ({
      slot: num(w.slot),
      workerId: num(w.workerId),
      wasmMemoryBytes: num(w.wasmMemoryBytes),
    })),
    jsHeapBytes: numOrNull(p.jsHeapBytes),
    storageUsedBytes: numOrNull(p.storageUsedBytes),
    storageQuotaBytes: numOrNull(p.storageQuotaBytes),
    hardwareConcurrency: num(p.hardwareConcurrency),
  };
}

/** The JSON export of the window's metrics, filtered by template like the Prometheus export. */
export function metricsExport(input: MetricsExportInput): MetricsExport {
  const { window, template } = input;
  const solves = inWindow(input.solves, window)
    .filter((s) => template === null || s.template === template)
    .map(cleanSolve);
  return {
    schema: 'highs-workbench/metrics',
    version: 1,
    createdAt: isoOf(input.now),
    app: { version: input.appVersion },
    filter: { template, from: isoOf(window.from), to: isoOf(window.to) },
    summaries: summarizeTemplates(solves, window, template),
    solves,
    system: inWindow(input.system, window).map(cleanSystem),
  };
}
