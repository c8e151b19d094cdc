// The object the summary worker exposes with Comlink: core's summary, comparison, report writer and
// reader, unchanged. The
// client's remote type (src/solver/summary-client.ts) is derived from it, and tests call it directly.
import { summarize, type BenchmarkSummary, type SummaryInput } from '../src/core/stats';
import { compareBenchmarks, type BenchmarkComparison, type CompareInput } from '../src/core/compare';
import {
  parseReport,
  serializeReport,
  type ParseReportOptions,
  type Report,
  type ReportParseResult,
} from '../src/core/report';
import {
  parseBackup,
  serializeBackup,
  type Backup,
  type BackupParseResult,
  type ParseBackupOptions,
} from '../src/core/backup';
import {
  checkAgainstBaseline,
  type Baseline,
  type CandidateInput,
  type CheckParameters,
  type RegressionCheck,
} from '../src/core/regression';

/** Builds the summary worker's API: plain structured-clone data in and out (errors cross as {name, message}). */
export function createSummaryApi() {
  return {
    /** The benchmark summary of core/stats (bootstrap included). */
    summarize(input: SummaryInput): BenchmarkSummary {
      return summarize(input);
    },
    /** The comparison of two benchmarks of core/compare. */
    compare(input: CompareInput): BenchmarkComparison {
      return compareBenchmarks(input);
    },
    /** A report's JSON text (core/report's serializeReport): 8 MiB for 10,000 runs is a long task on a page. */
    serializeReport(report: Report): string {
      return serializeReport(report);
    },
    /** A report read from its text (core/report's parseReport): validating 10,000 runs is a long task on a page. */
    parseReport(text: string, opts?: ParseReportOptions): ReportParseResult {
      return parseReport(text, opts);
    },
    /** A backup's JSON text (core/backup): 10,000 runs are a long task on a page. */
    serializeBackup(backup: Backup): string {
      return serializeBackup(backup);
    },
    /** A backup read from its text (core/backup): parsing and validating it is a long task on a page. */
    parseBackup(text: string, opts?: ParseBackupOptions): BackupParseResult {
      return parseBackup(text, opts);
    },
    /** A benchmark checked against a baseline (core/regression's checkAgainstBaseline): 10,000 runs with bootstrap. */
    checkRegression(input: {
      baseline: Baseline;
      candidate: CandidateInput;
      params?: Partial<CheckParameters>;
    }): RegressionCheck {
      return checkAgainstBaseline(input.baseline, input.candidate, input.params);
    },
  };
}

/** The summary worker's API as the client sees it through Comlink.Remote. */
export type SummaryWorkerApi = ReturnType<typeof createSummaryApi>;
