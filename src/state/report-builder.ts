// One builder of report files for every view that exports (#/benchmark, #/reports, #/tune): stored benchmarks
// with their runs and summaries → a Report (version REPORT_VERSION) → JSON text and a file name. A
// report names one environment and one solver, so benchmarks that ran in different ones are refused
// here with a clear message rather than silently labelled with the first one's.
import type { BenchmarkData, BenchmarkRun } from '../core/benchmark';
import { REPORT_SCHEMA, REPORT_VERSION, serializeReport, type Report, type ReportSummary } from '../core/report';
import type { TuningRecord } from '../core/tuner';
import type { StoredBenchmark } from '../storage/benchmark-types';
import { APP_INFO } from './app-info';
import { purposeOf, ranAtOf } from './benchmark-fields';

/** One benchmark to export: as stored, its runs and its summary. */
export interface ReportItem {
  benchmark: StoredBenchmark;
  runs: readonly BenchmarkRun[];
  summary: ReportSummary;
}

/** A report as a file: what the download is called and its JSON text. */
export interface ReportFile {
  name: string;
  text: string;
}

/** A timestamp in ISO 8601 (UTC). */
const isoTime = (ms: number): string => new Date(ms).toISOString();

/** An Error named ReportExportRefused: the selection cannot go into one report. */
function refused(message: string): Error {
  const e = new Error(message);
  e.name = 'ReportExportRefused';
  return e;
}

const environmentText = (e: StoredBenchmark['environment']) =>
  `${e.userAgent || 'unknown browser'}, ${e.hardwareConcurrency} cores, ${e.crossOriginIsolated ? '' : 'not '}cross-origin isolated`;

const sameEnvironment = (x: StoredBenchmark['environment'], y: StoredBenchmark['environment']) =>
  x.userAgent === y.userAgent &&
  x.hardwareConcurrency === y.hardwareConcurrency &&
  x.crossOriginIsolated === y.crossOriginIsolated;

/**
 * The report of the given benchmarks (in the given order), created at `now`. Its environment and solver
 * are the benchmarks' own (where they ran, not where they are exported); throws ReportExportRefused
 * when there is nothing to export or the benchmarks ran in different environments or solver versions.
 */
export function buildReport(items: readonly ReportItem[], now: number): Report {
  if (items.length === 0) throw refused('no benchmark to export: select one or more');
  const first = items[0].benchmark;
  for (const { benchmark: b } of items.slice(1)) {
    if (!sameEnvironment(b.environment, first.environment))
      throw refused(
        `"${b.name}" ran in another environment (${environmentText(b.environment)}) than "${first.name}" ` +
          `(${environmentText(first.environment)}); a report carries one environment: export them separately`,
      );
    if (b.solver.name !== first.solver.name || b.solver.version !== first.solver.version)
      throw refused(
        `"${b.name}" ran on ${b.solver.name} ${b.solver.version} and "${first.name}" on ${first.solver.name} ` +
          `${first.solver.version}; a report carries one solver: export them separately`,
      );
  }
  return {
    schema: REPORT_SCHEMA,
    version: REPORT_VERSION,
    createdAt: isoTime(now),
    app: { ...APP_INFO },
    solver: { ...first.solver },
    environment: { ...first.environment },
    benchmarks: items.map(({ benchmark, runs, summary }) => ({ ...benchmarkDataOf(benchmark, [...runs]), summary })),
  };
}

/**
 * A stored benchmark with its runs as core's benchmark data (what reports, summaries, charts and comparisons
 * take), with when it started where it ran (when known) and its purpose (when it has one).
 */
export function benchmarkDataOf(b: StoredBenchmark, runs: BenchmarkRun[]): BenchmarkData {
  const { id, name, config, referenceOptionSetId, models, optionSets } = b;
  const data: BenchmarkData = { id, name, config, referenceOptionSetId, models, optionSets, runs };
  const ran = ranAtOf(b);
  if (!ran.before) data.startedAt = isoTime(ran.ms);
  const purpose = purposeOf(b);
  if (purpose) data.purpose = purpose;
  return data;
}

/**
 * A report that carries tuning runs (and no benchmark): the solver is the runs' own, the environment this
 * page's (a tuning run does not record where it ran; it is exported from the browser that ran it). Throws
 * ReportExportRefused when the runs ran on different solver versions.
 */
export function buildTuningReport(records: readonly TuningRecord[], now: number, env: Report['environment']): Report {
  if (records.length === 0) throw refused('no tuning run to export');
  const first = records[0];
  for (const r of records.slice(1))
    if (r.solver.version !== first.solver.version)
      throw refused(`"${r.name}" ran on HiGHS ${r.solver.version} and "${first.name}" on ${first.solver.version}`);
  return {
    schema: REPORT_SCHEMA,
    version: REPORT_VERSION,
    createdAt: isoTime(now),
    app: { ...APP_INFO },
    solver: { ...first.solver },
    environment: { ...env },
    benchmarks: [],
    tuning: records.map((r) => structuredClone(r)),
  };
}

/** The download name of a report created at `now`: highs-workbench-report-YYYY-MM-DD.json. */
export function reportFileName(now: number): string {
  return `highs-workbench-report-${isoTime(now).slice(0, 10)}.json`;
}

/**
 * The report of the given benchmarks as a file, its JSON written by `serialize` (the app's summary
 * worker; default core's serializeReport on this thread); rejects with ReportExportRefused or
 * ReportExportError (core) when it cannot be written.
 */
export async function buildReportFile(
  items: readonly ReportItem[],
  now: number,
  serialize: (report: Report) => Promise<string> = async (r) => serializeReport(r),
): Promise<ReportFile> {
  const report = buildReport(items, now);
  return { name: reportFileName(now), text: await serialize(report) };
}
