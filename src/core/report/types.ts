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

/** A report: the JSON export of one or more benchmarks and, optionally, tuning runs. */
export interface Report {
  schema: 'highs-workbench/report';
  version: typeof REPORT_VERSION;
  /** ISO 8601 timestamp. */
  createdAt: string;
  app: { name: string; version: string };
  solver: { name: string; version: string };
  environment: { userAgent: string; hardwareConcurrency: number; crossOriginIsolated: boolean };
  benchmarks: ReportBenchmark[];
  /** Tuning runs, whole (absent in reports without one, and in files written before the field existed). */
  tuning?: TuningRecord[];
}

/** The result of reading a report: the report, or every reason it was refused. */
export type ReportParseResult = { ok: true; report: Report } | { ok: false; errors: string[] };
