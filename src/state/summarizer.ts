// Where the state computes benchmark summaries and comparisons: the app's Summarizer (a worker, see
// src/solver/summary-client.ts) when the services have one, else the same API on this thread.
import { inProcessSummarizerApi } from '../solver/summary-client';
import type { AppServices, BackupCodec, Summarizer } from './ports';

/** The summary worker's API (workers/summary-api.ts) on this thread, every member present. */
const inProcess = inProcessSummarizerApi();

/** The summary worker's API on the calling thread, as promises (a throw becomes a rejection): tests and the fallback. */
export const inProcessSummarizer: Summarizer = inProcess;

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
  return { serializeBackup: inProcess.serializeBackup, parseBackup: inProcess.parseBackup };
}
