// The exportable health report: the latest results, a compact history and the recommendations, versioned.
import type { HealthCheckResult, HealthReport, HealthRun, OverallStatus, Recommendation } from './types';
import { overallStatus } from './runner';

/** How many history runs a report carries at most. */
export const REPORT_HISTORY_LIMIT = 100;

/** What a report is built from (plain data; the state layer gathers it). */
export interface HealthReportInput {
  results: readonly HealthCheckResult[];
  history: readonly HealthRun[];
  recommendations: readonly Recommendation[];
  appVersion: string;
  environment: HealthReport['environment'];
  /** Epoch ms of the export. */
  now: number;
  /** The overall status of `results` (default: computed from them). */
  overall?: OverallStatus;
}

/** Builds the report: history newest first, at most REPORT_HISTORY_LIMIT runs, each with its failed check ids. */
export function healthReport(input: HealthReportInput): HealthReport {
  const history = [...input.history]
    .sort((a, b) => b.at - a.at)
    .slice(0, REPORT_HISTORY_LIMIT)
    .map((run) => ({
      at: new Date(run.at).toISOString(),
      overall: run.overall,
      failed: run.results.filter((r) => r.status === 'fail').map((r) => r.id),
    }));
  return {
    schema: 'highs-workbench/health',
    version: 1,
    createdAt: new Date(input.now).toISOString(),
    app: { version: input.appVersion },
    environment: { ...input.environment },
    overall: input.overall ?? overallStatus(input.results),
    results: input.results.map((r) => ({ ...r, details: { ...r.details } })),
    history,
    recommendations: input.recommendations.map((r) => ({ ...r, evidence: [...r.evidence] })),
  };
}
