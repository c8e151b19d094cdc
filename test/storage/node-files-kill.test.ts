// Durability of the file stores against a kill -9: a process writing benchmark runs in batches and runs of the
// history (node-files-writer.ts, bundled for Node) is killed with SIGKILL mid-way, and what it reported stored is
// read back whole, in order, by a fresh process's stores: no finished run lost, at most one torn last line (listed
// as damaged, not a crash), and writing goes on after it.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeStores } from '../../src/node/stores';
import { benchmarkRun } from '../core/backup/fixtures';

const HERE = dirname(fileURLToPath(import.meta.url));
const BATCH = 50; // node-files-writer.ts's
let work: string;
let writer: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'store-kill-'));
  const outDir = join(work, 'bundle');
  await build({
    configFile: false,
    root: join(HERE, '../..'),
    logLevel: 'error',
    publicDir: false,
    ssr: { noExternal: true },
    build: {
      ssr: join(HERE, 'node-files-writer.ts'),
      outDir,
      emptyOutDir: true,
      target: 'node20',
      minify: false,
      rolldownOptions: { external: [/^node:/], output: { entryFileNames: 'writer.mjs', codeSplitting: false } },
    },
  });
  writer = join(outDir, 'writer.mjs');
});
afterAll(async () => rm(work, { recursive: true, force: true }));

/** Starts the writer on `root` and kills it (SIGKILL) once it reported `batches` batches stored; returns how many it reported. */
function writeThenKill(root: string, batches: number, first = 0): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [writer, root, String(first)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let reported = 0;
    let errors = '';
    let buffered = '';
    child.stderr.on('data', (d: Buffer) => (errors += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      buffered += d.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop()!;
      reported += lines.filter((l) => l.startsWith('stored ')).length;
      if (reported >= batches) child.kill('SIGKILL');
    });
    child.on('exit', (code, signal) =>
      signal === 'SIGKILL' ? resolve(reported) : reject(new Error(`the writer ended by itself (${code}): ${errors}`)),
    );
  });
}

describe('a kill -9 while writing', () => {
  it('loses no run it reported stored; a torn last line is damaged, not a crash; writing goes on after', async () => {
    const root = join(work, 'root');
    const reported = await writeThenKill(root, 25);
    expect(reported).toBeGreaterThanOrEqual(25);

    const stores = nodeStores(root);
    const { runs, damaged } = await stores.benchmarks.readRuns('b1');
    // Every batch reported, whole and in order; the batch being written at the kill may be there too, whole or cut.
    expect(runs.length).toBeGreaterThanOrEqual(reported * BATCH);
    expect(runs.map((r) => r.seed)).toEqual(runs.map((_, i) => i));
    expect(damaged.length).toBeLessThanOrEqual(1);
    const history = await stores.runs.list();
    expect(history.length).toBeGreaterThanOrEqual(reported);
    expect(
      history
        .map((r) => r.createdAt)
        .reverse()
        .slice(0, reported),
    ).toEqual(Array.from({ length: reported }, (_, i) => i));
    expect((await stores.runs.read()).damaged).toEqual([]); // a run's file is whole or absent

    // A restart appends after whatever the kill left: the new batch reads back whole.
    const next = Array.from({ length: 3 }, (_, i) => benchmarkRun({ seed: 100_000 + i }));
    await stores.benchmarks.addRuns('b1', next);
    const after = await stores.benchmarks.readRuns('b1');
    expect(after.runs.slice(-3)).toEqual(next);
    expect(after.damaged.length).toBe(damaged.length);
  });
});
