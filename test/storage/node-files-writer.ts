// A process that stores finished work through the file stores and reports each write only once it resolved, as
// the monitoring service reports a run: batches of benchmark runs (50 each) and one run of the history per batch.
// test/storage/node-files-kill.test.ts bundles it, kills it with SIGKILL mid-way and reads back what it reported.
import { argv, stdout } from 'node:process';
import { nodeStores } from '../../src/node/stores';
import { benchmarkRun, runRecord, storedBenchmark } from '../core/backup/fixtures';

/** Runs per batch (node-files-kill.test.ts counts on it). */
const BATCH = 50;

const stores = nodeStores(argv[2]);
const first = Number(argv[3] ?? 0);
await stores.benchmarks.putBenchmark(storedBenchmark({ id: 'b1' }));
stdout.write('ready\n');
for (let batch = first; ; batch++) {
  const runs = Array.from({ length: BATCH }, (_, i) => benchmarkRun({ seed: batch * BATCH + i }));
  await stores.benchmarks.addRuns('b1', runs);
  const { id: _id, ...run } = runRecord({ createdAt: batch });
  await stores.runs.add(run);
  stdout.write(`stored ${batch}\n`);
}
