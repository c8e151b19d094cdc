// The report as the app holds it (option values decoded: ±Infinity is a number again). Built from the
// binding shapes of benchmark.ts; parseReport returns it whatever version the file had.
import type { BenchmarkData, OptionSetSummary } from '../benchmark';
import type { TuningRecord } from '../tuner/record';

/** The newest report version this app writes and reads. */
export const REPORT_VERSION = 1;

/** One option set's summary, as far as report version 1 checks it (a summary may carry more fields). */
export type ReportOptionSetSummary = Omit<OptionSetSummary, 'counters'>;

/** A benchmark's summary, as far as report version 1 checks it; further fields are carried as they are. */
export interface ReportSummary {
  shiftMs: number;
  optionSets: ReportOptionSetSummary[];
}

/** One benchmark of a report: its raw data and its summary. */
export interface ReportBenchmark extends BenchmarkData {
  summary: ReportSummary;
}

/** Where a report's benchmarks ran: the browser (its user agent), or Node (the command line) with its version, OS and CPU. */
export interface ReportEnvironment {
  /** The browser's user agent; in Node, e.g. "Node.js v20.20.2 (linux x64)". */
  userAgent: string;
  /** Logical cores. */
  hardwareConcurrency: number;
  crossOriginIsolated: boolean;
  /** 'browser' or 'node'; absent in files written before it existed (then: a browser). */
  runtime?: 'browser' | 'node';
  /** Node's version (Node only). */
  node?: string;
  /** The operating system, e.g. "Linux 6.1.0 x64" (Node only). */
  os?: string;
  /** The CPU model (Node only; a browser does not say). */
  cpu?: string;
}

/** What a shard's report says about the shard it is (core/headless/shard.ts). */
export interface ShardManifest {
  /** 1-based: shard `index` of `count`. */
  index: number;
  count: number;
  /** SHA-256 of the benchmark definition's canonical JSON (the worker count aside). */
  definitionHash: string;
  /** SHA-256 of the whole plan's job keys, in order (every shard of one benchmark has the same). */
  planHash: string;
  /** Jobs of the whole plan, and of this shard. */
  planJobs: number;
  shardJobs: number;
}

/** A report: the JSON export of one or more benchmarks and, optionally, tuning runs. */
export interface Report {
  schema: 'highs-workbench/report';
  version: typeof REPORT_VERSION;
  /** ISO 8601 timestamp. */
  createdAt: string;
  app: { name: string; version: string };
  solver: { name: string; version: string };
  environment: ReportEnvironment;
  benchmarks: ReportBenchmark[];
  /** Which shard of a sharded benchmark this report is (absent: not a shard, or merged). */
  shard?: ShardManifest;
  /** Tuning runs, whole (absent in reports without one, and in files written before the field existed). */
  tuning?: TuningRecord[];
}

/** The result of reading a report: the report, or every reason it was refused. */
export type ReportParseResult = { ok: true; report: Report } | { ok: false; errors: string[] };
