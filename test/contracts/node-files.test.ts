// Every store's contract against the Node implementations (files under a fresh temp directory each, through
// nodeStores(root) as the command line and the service get them); damaged records are written as files and lines
// past every check, as a hand edit would.
import { appendFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { nodeStores, type NodeStores } from '../../src/node/stores';
import { stemOf } from '../../src/node/stores/file-names';
import { encodeRecord } from '../../src/node/stores/record-json';
import { alertStoreContract } from './alert-store.contract';
import { baselineStoreContract } from './baseline-store.contract';
import { benchmarkStoreContract } from './benchmark-store.contract';
import { healthStoreContract } from './health-store.contract';
import { metricsStoreContract } from './metrics-store.contract';
import { parameterStoreContract } from './parameter-store.contract';
import { runStoreContract } from './run-store.contract';
import { settingsStoreContract } from './settings-store.contract';
import type { BenchmarkDamage, WriteRaw } from './subject';
import { tunerStoreContract } from './tuner-store.contract';

const parent = mkdtemp(join(tmpdir(), 'store-contracts-'));
afterAll(async () => rm(await parent, { recursive: true, force: true }));

/** Fresh stores under a new root. */
async function fresh(): Promise<{ root: string; stores: NodeStores }> {
  const root = await mkdtemp(join(await parent, 'root-'));
  return { root, stores: nodeStores(root) };
}

/** Writes a record's file by hand, encoded as the stores encode (so only what the case broke is damaged). */
async function writeRecord(dir: string, name: string, value: object): Promise<void> {
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, name), encodeRecord(value));
}

const damageRuns =
  (root: string): WriteRaw =>
  async (value) => {
    const id = (value as { id: number }).id;
    await writeRecord(join(root, 'runs'), `${String(id).padStart(16, '0')}.json`, value);
    return id;
  };
const damageTuner =
  (root: string): WriteRaw =>
  async (value) => {
    const id = (value as { id: string }).id;
    await writeRecord(join(root, 'tuner-runs'), `${stemOf(id)}.json`, value);
    return id;
  };
const damageBenchmarks = (root: string): BenchmarkDamage => ({
  async benchmark(value) {
    const id = (value as { id: string }).id;
    await writeRecord(join(root, 'benchmarks'), `${stemOf(id)}.json`, value);
    return id;
  },
  async run(benchmarkId, value) {
    const dir = join(root, 'benchmark-runs');
    const path = join(dir, `${stemOf(benchmarkId)}.jsonl`);
    await mkdir(dir, { recursive: true });
    await appendFile(path, `${encodeRecord(value)}\n`);
    const lines = (await readFile(path, 'utf8')).split('\n').length - 1;
    return [benchmarkId, lines];
  },
});

const NAME = 'files';
runStoreContract(
  NAME,
  async () => {
    const { root, stores } = await fresh();
    return { store: stores.runs, damage: damageRuns(root) };
  },
  true,
);
benchmarkStoreContract(
  NAME,
  async () => {
    const { root, stores } = await fresh();
    return { store: stores.benchmarks, damage: damageBenchmarks(root) };
  },
  true,
);
parameterStoreContract(NAME, async () => ({ store: (await fresh()).stores.parameters }));
baselineStoreContract(NAME, async () => ({ store: (await fresh()).stores.baselines }));
tunerStoreContract(
  NAME,
  async () => {
    const { root, stores } = await fresh();
    return { store: stores.tuner, damage: damageTuner(root) };
  },
  true,
);
metricsStoreContract(NAME, async () => ({ store: (await fresh()).stores.metrics }));
healthStoreContract(NAME, async () => ({ store: (await fresh()).stores.health }));
alertStoreContract(NAME, async () => ({ store: (await fresh()).stores.alerts }));
settingsStoreContract(NAME, async () => ({ store: (await fresh()).stores.settings }));
