// The Node runtime (src/node): the browser's pool over worker_threads solving library models with one
// compiled module, the browser's SummaryClient over a summary worker thread answering exactly as the
// in-process summarizer, every call pending on a thread rejected when it exits, and the bundler
// keeping bundles built from the same sources.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createNodePool, createNodeSolverWorker, nodeSolverModule } from '../../src/node/node-pool';
import { createNodeSummaryClient, createNodeSummaryWorker } from '../../src/node/summary';
import { bundleNodeEntries } from '../../src/node/bundle';
import { NODE_ENTRIES, SOURCE_RUN_BUNDLES, nodeEntryFile } from '../../src/node/entries';
import type { NodeWorker } from '../../src/node/node-worker';
import { SUMMARY_WORKER_CRASHED, SummaryClient } from '../../src/solver/summary-client';
import { WorkerHandle } from '../../src/solver/worker-handle';
import { inProcessSummarizer } from '../../src/state/summarizer';
import { parseLibrary } from '../../src/core/library';
import { objectiveMatches } from '../../src/core/result-check';
import { compareInputOf, summaryInputOf, syntheticBenchmark } from '../solver/summary-data';
import { tiny, until } from '../solver/pools';

const models = new URL('../../public/models/', import.meta.url);
const library = parseLibrary(JSON.parse(readFileSync(new URL('instances.json', models), 'utf8')));
/** A library model's bytes and known objective. */
function libraryModel(file: string): { model: { name: string; bytes: Uint8Array }; objective: number } {
  const known = library.models.find((m) => m.file === file)!;
  return {
    model: { name: file, bytes: new Uint8Array(readFileSync(new URL(file, models))) },
    objective: known.objective!,
  };
}

describe('createNodePool', () => {
  it('solves library models on two worker threads that share one compiled module', async () => {
    expect(nodeSolverModule()).toBe(nodeSolverModule()); // compiled once per process
    const pool = createNodePool({ minWorkers: 2, maxWorkers: 2, warmup: false });
    try {
      await pool.ready();
      await until(() => pool.snapshot().slots.filter((s) => s.state === 'idle').length === 2, 'both workers ready');
      const cases = ['afiro.mps', 'adlittle.mps'].map(libraryModel);
      const results = await Promise.all(cases.map((c) => pool.submit(c.model, {}).result));
      results.forEach((r, i) => {
        expect(r.status).toBe('optimal');
        expect(objectiveMatches(r.objective!, cases[i].objective)).toBe(true);
      });
      expect(new Set(results.map((r) => r.workerId)).size).toBe(2);
      expect(pool.snapshot().runtime?.highsVersion).toMatch(/^\d+\.\d+/);
    } finally {
      pool.dispose();
    }
  });
});

describe('the SummaryClient over a Node summary worker', () => {
  it('summarises and compares exactly as the in-process summarizer', async () => {
    const client = createNodeSummaryClient();
    try {
      const input = summaryInputOf(syntheticBenchmark('tiny', 48));
      const cmp = compareInputOf(64);
      expect(await client.summarize(input)).toStrictEqual(await inProcessSummarizer.summarize(input));
      expect(await client.compare(cmp)).toStrictEqual(await inProcessSummarizer.compare(cmp));
      await expect(client.summarize({ ...input, config: { ...input.config, timeLimitMs: 0 } })).rejects.toMatchObject({
        name: 'RangeError',
      });
      expect(client.workersStarted).toBe(1);
    } finally {
      client.dispose();
    }
  });
});

describe('a worker thread that exits rejects every call pending on it', () => {
  it('the summary worker: pending calls reject, the next call starts a new thread', async () => {
    const made: NodeWorker[] = [];
    const client = new SummaryClient(() => {
      made.push(createNodeSummaryWorker());
      return made[made.length - 1];
    });
    try {
      const input = summaryInputOf(syntheticBenchmark('x', 400));
      const pending = [client.summarize(input), client.compare(compareInputOf(200))];
      void made[0].worker.terminate(); // from outside: the client hears only the 'exit' event
      for (const p of pending) {
        await expect(p).rejects.toMatchObject({ name: SUMMARY_WORKER_CRASHED, message: 'the summary worker exited' });
      }
      expect(await client.summarize(input)).toStrictEqual(await inProcessSummarizer.summarize(input));
      expect(made).toHaveLength(2);
    } finally {
      client.dispose();
    }
  });

  it('the solver worker: a thread that ends itself mid-solve rejects both solves', async () => {
    const w = createNodeSolverWorker('exit-on-solve');
    const h = new WorkerHandle(w);
    await h.init(await nodeSolverModule(), false);
    const pending = ['a', 'b'].map((jobId, k) => h.solve({ jobId, model: tiny(k), options: {} }));
    for (const p of pending) {
      await expect(p).rejects.toMatchObject({ name: 'WorkerCrashed', message: `solver worker ${h.id} exited` });
    }
    expect(h.alive).toBe(false);
    await until(() => w.exited, 'the thread to end');
  });
});

describe('bundleNodeEntries', () => {
  it('builds each entry into one self-contained .mjs, and nothing again from the same sources', async () => {
    const out = mkdtempSync(join(tmpdir(), 'highs-workbench-bundle-'));
    try {
      expect(await bundleNodeEntries(out)).toEqual(Object.keys(NODE_ENTRIES));
      expect(readdirSync(out).sort()).toEqual(
        Object.keys(NODE_ENTRIES)
          .map((n) => `${n}.mjs`)
          .sort(),
      );
      // Other work in this tree may edit the sources meanwhile: then it builds again, once.
      let rebuilt = await bundleNodeEntries(out);
      for (let tries = 1; rebuilt.length > 0 && tries < 3; tries++) rebuilt = await bundleNodeEntries(out);
      expect(rebuilt).toEqual([]);
      const code = readFileSync(join(out, 'summary.worker.mjs'), 'utf8');
      // Self-contained but for highs, comlink and Node's builtins.
      const imports = [...code.matchAll(/^import .* from "([^"]+)";$/gm)].map((m) => m[1]);
      expect(imports.length).toBeGreaterThan(0);
      expect(imports.filter((s) => !/^(comlink|comlink\/.*|highs|node:.*)$/.test(s))).toEqual([]);
      expect(code).toMatch(/\n\/\/ highs-workbench node bundle [0-9a-f]{64}\n$/);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 120_000);

  it('finds the bundles in the cache the global setup fills when run from the sources', () => {
    expect(nodeEntryFile('solver.worker')).toBe(join(SOURCE_RUN_BUNDLES, 'solver.worker.mjs'));
    expect(statSync(nodeEntryFile('summary.worker')).isFile()).toBe(true);
  });
});
