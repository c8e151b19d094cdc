// The summary worker's client under Node (for the command line): the page's SummaryClient over a
// worker thread running ./summary.worker.ts.
import { SummaryClient } from '../solver/summary-client';
import { nodeEntryFile } from './entries';
import { NodeWorker } from './node-worker';

/** A summary worker thread. */
export function createNodeSummaryWorker(): NodeWorker {
  return new NodeWorker(nodeEntryFile('summary.worker'));
}

/** A SummaryClient whose worker is a thread; dispose() it when done, as a live thread keeps the process running. */
export function createNodeSummaryClient(): SummaryClient {
  return new SummaryClient(createNodeSummaryWorker);
}
