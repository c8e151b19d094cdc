// Where the state computes benchmark summaries and comparisons: the app's Summarizer (a worker, see
// src/solver/summary-client.ts) when the services have one, else core's functions on this thread.
import { compareBenchmarks } from '../core/compare';
import { parseReport, serializeReport } from '../core/report';
import { summarize } from '../core/stats';
import { checkAgainstBaseline } from '../core/regression';
import { parseBackup, serializeBackup } from '../core/backup';
import type { AppServices, BackupCodec, Summarizer } from './ports';

/** Core's summarize, compareBenchmarks, serializeReport and parseReport on the calling thread, as promises (a throw becomes a rejection): tests and the fallback. */
export const inProcessSummarizer: Summarizer = {
  summarize: async (input) => summarize(input),
  compare: async (input) => compareBenchmarks(input),
  serializeReport: async (report) => serializeReport(report),
  parseReport: async (text, opts) => parseReport(text, opts),
  checkRegression: async ({ baseline, candidate, params }) => checkAgainstBaseline(baseline, candidate, params),
  serializeBackup: async (backup) => serializeBackup(backup),
  parseBackup: async (text, opts) => parseBackup(text, opts),
};

/** The services' summarizer, or the in-process one when they have none. */
export function summarizerOf(services: Pick<AppServices, 'summarizer'>): Summarizer {
  return services.summarizer ?? inProcessSummarizer;
}

/** The services' backup codec (the summary worker's when it has one), else core's on this thread. */
export function backupCodecOf(services: Pick<AppServices, 'summarizer'>): BackupCodec {
  const s = services.summarizer;
  if (s?.serializeBackup && s.parseBackup) {
    return { serializeBackup: (b) => s.serializeBackup!(b), parseBackup: (t, o) => s.parseBackup!(t, o) };
  }
  return { serializeBackup: async (b) => serializeBackup(b), parseBackup: async (t, o) => parseBackup(t, o) };
}
