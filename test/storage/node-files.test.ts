// What only the file implementations (src/node/stores) do, beyond the contracts every store keeps: the layout
// under one root, the record encoding and the file names, atomic writes (no temp file left, a crashed one
// ignored), torn and hand-edited lines of a benchmark's runs, reads during appends, ids never reused by a second
// process, long keys, an unreadable parameters file, metric day files, and a 10,000-run benchmark streamed.
import { appendFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { BenchmarkRun } from '../../src/core/benchmark';
import { nodeStores } from '../../src/node/stores';
import { keyOfStem, stemOf } from '../../src/node/stores/file-names';
import { decodeRecord, encodeRecord } from '../../src/node/stores/record-json';
import { benchmarkRun, runRecord, storedBenchmark } from '../core/backup/fixtures';
import { solve } from '../core/metrics/fixtures';
import { checkSummary } from '../helpers/regression-check';
import { tuningRecord } from './tuning-record';

const parent = mkdtemp(join(tmpdir(), 'node-files-'));
afterAll(async () => rm(await parent, { recursive: true, force: true }));
const freshRoot = async () => mkdtemp(join(await parent, 'root-'));
const run = (seed: number): BenchmarkRun => benchmarkRun({ seed });
const DAY = 86_400_000;

describe('record encoding', () => {
  it.each([
    ['non-finite numbers', { a: Infinity, b: -Infinity, c: NaN, d: [1, Infinity] }],
    ['bytes', { bytes: new Uint8Array([0, 1, 254, 255]) }],
    ['nested plain data', { x: { y: [null, true, 'text', 0.5] } }],
    ['a number', 3],
  ])('%s read back as written', (_case, value) => {
    const text = encodeRecord(value);
    expect(text).not.toContain('\n');
    expect(decodeRecord(text)).toEqual({ ok: true, value });
  });

  it.each([
    ['a function', { f: () => 1 }],
    ['a symbol', { s: Symbol('x') }],
    ['a BigInt', { n: 1n }],
    ['undefined alone', undefined],
  ])('refuses %s, as IndexedDB refuses to clone it', (_case, value) => {
    expect(() => encodeRecord(value)).toThrow(expect.objectContaining({ name: 'DataCloneError' }));
  });

  it('a text that is not JSON is a problem, not a throw', () => {
    expect(decodeRecord('{"id": "b1", "na')).toMatchObject({ ok: false, problem: /^not a whole JSON record/ });
  });
});

describe('file names of keys', () => {
  it.each([
    ['b1', 'b1'],
    ['Bench A', '%42ench%20%41'],
    ['a/b\\..', 'a%2Fb%5C%2E%2E'],
    ['ü', '%C3%BC'],
    ['~x', '%7Ex'],
  ])('%j is the file name %j and back', (key, stem) => {
    expect(stemOf(key)).toBe(stem);
    expect(keyOfStem(stem)).toBe(key);
  });

  it('keys differing only in case get names differing in more than case', () => {
    expect(stemOf('A').toLowerCase()).not.toBe(stemOf('a').toLowerCase());
  });

  it('a long key gets a cut name (with a hash) that does not read back; an empty key is refused', () => {
    const long = 'x'.repeat(300);
    expect(stemOf(long).length).toBeLessThanOrEqual(150);
    expect(stemOf(long)).not.toBe(stemOf(`${long}y`));
    expect(keyOfStem(stemOf(long))).toBeUndefined();
    expect(() => stemOf('')).toThrow(RangeError);
  });

  it.each([[''], ['a%4'], ['A'], ['a.b'], ['%c3%bc'], ['%FF']])('%j is not a name stemOf makes', (stem) => {
    expect(keyOfStem(stem)).toBeUndefined();
  });
});

describe('the files under one root', () => {
  it('each store has its directory; no temp file is left after the writes', async () => {
    const root = await freshRoot();
    const s = nodeStores(root);
    const { id: _id, ...r } = runRecord();
    await s.runs.add(r);
    await s.benchmarks.putBenchmark(storedBenchmark());
    await s.benchmarks.addRuns('b1', [run(1)]);
    await s.benchmarks.putModelFile({ id: 'a'.repeat(64), name: 'm.lp', bytes: new Uint8Array([1]), addedAt: 1 });
    await s.baselines.addCheck(checkSummary('c1'));
    await s.baselines.setThreshold('knapsack', 20);
    await s.tuner.put(tuningRecord());
    await s.metrics.add([solve({ t: 1, seq: 0.5 })]);
    await s.health.addRun({ id: 'h', at: 1, trigger: 'manual', overall: 'healthy', results: [] }, 5);
    await s.settings.put('k', 1);
    expect((await readdir(root)).sort()).toEqual([
      'benchmark-runs',
      'benchmarks',
      'health-runs',
      'metrics',
      'model-files',
      'regression-checks',
      'runs',
      'settings',
      'template-settings',
      'tuner-runs',
    ]);
    for (const dir of await readdir(root))
      expect((await readdir(join(root, dir))).filter((name) => name.startsWith('.'))).toEqual([]);
    expect(await readdir(join(root, 'benchmark-runs'))).toEqual(['b1.jsonl']);
    expect(await readdir(join(root, 'metrics'))).toEqual(['d0.jsonl']);
  });

  it('a temp file a crash left behind is ignored', async () => {
    const root = await freshRoot();
    const s = nodeStores(root);
    await s.tuner.put(tuningRecord({ id: 't1' }));
    await writeFile(join(root, 'tuner-runs', '.t2.json.123.tmp'), '{"id": "t2", "half');
    expect((await s.tuner.read()).damaged).toEqual([]);
    expect((await s.tuner.list()).map((t) => t.id)).toEqual(['t1']);
  });
});

describe("a benchmark's runs file", () => {
  it('a torn last line (a kill mid-write) is one damaged run with its line; the next batch goes on its own line', async () => {
    const root = await freshRoot();
    const store = nodeStores(root).benchmarks;
    await store.addRuns('b1', [run(1), run(2)]);
    await appendFile(join(root, 'benchmark-runs', 'b1.jsonl'), encodeRecord(run(3)).slice(0, 40));
    const torn = await store.readRuns('b1');
    expect(torn.runs).toEqual([run(1), run(2)]);
    expect(torn.damaged).toMatchObject([{ store: 'benchmarkRuns', key: ['b1', 3] }]);
    expect(torn.damaged[0].problems[0]).toMatch(/^line 3: not a whole JSON record/);
    await store.addRuns('b1', [run(4)]);
    expect(await store.readRuns('b1')).toEqual({ runs: [run(1), run(2), run(4)], damaged: torn.damaged });
    await store.deleteDamaged(torn.damaged[0]);
    expect(await store.readRuns('b1')).toEqual({ runs: [run(1), run(2), run(4)], damaged: [] });
    expect((await readFile(join(root, 'benchmark-runs', 'b1.jsonl'), 'utf8')).split('\n')).toHaveLength(4);
  });

  it('empty lines are skipped; a line that is JSON but not a run is damaged with its problem', async () => {
    const root = await freshRoot();
    const store = nodeStores(root).benchmarks;
    await mkdir(join(root, 'benchmark-runs'), { recursive: true });
    await writeFile(
      join(root, 'benchmark-runs', 'b1.jsonl'),
      `${encodeRecord(run(1))}\n\n[1, 2]\n${encodeRecord({ ...run(2), seed: -1 })}\n`,
    );
    const { runs, damaged } = await store.readRuns('b1');
    expect(runs).toEqual([run(1)]);
    expect(damaged.map((d) => d.key)).toEqual([
      ['b1', 3],
      ['b1', 4],
    ]);
    expect(damaged[1].problems[0]).toMatch(/^seed: /);
  });

  it('reads while batches are appended see whole batches only: each what was stored when it began', async () => {
    const store = nodeStores(await freshRoot()).benchmarks;
    const reads: Promise<{ runs: BenchmarkRun[]; damaged: unknown[] }>[] = [];
    const writes: Promise<void>[] = [];
    for (let b = 0; b < 20; b++) {
      writes.push(
        store.addRuns(
          'b1',
          Array.from({ length: 100 }, (_, i) => run(b * 100 + i)),
        ),
      );
      reads.push(store.readRuns('b1'));
    }
    const got = await Promise.all(reads);
    await Promise.all(writes);
    expect(got.map((r) => [r.runs.length, r.damaged.length])).toEqual(got.map((_, b) => [(b + 1) * 100, 0]));
    expect((await store.listRuns('b1')).map((r) => r.seed)).toEqual(Array.from({ length: 2000 }, (_, i) => i));
  });

  it('10,000 runs written in batches of 500 stream back one at a time, in order', async () => {
    const store = nodeStores(await freshRoot()).benchmarks;
    for (let b = 0; b < 20; b++)
      await store.addRuns(
        'big',
        Array.from({ length: 500 }, (_, i) => run(b * 500 + i)),
      );
    let next = 0;
    for await (const line of store.eachRun('big')) {
      expect('run' in line && line.run.seed).toBe(next);
      next++;
    }
    expect(next).toBe(10_000);
  });
});

describe('keys and processes', () => {
  it('two stores over one root (two processes) never give one id twice', async () => {
    const root = await freshRoot();
    const [a, b] = [nodeStores(root).runs, nodeStores(root).runs];
    const { id: _id, ...r } = runRecord();
    const added = await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? a : b).add({ ...r, createdAt: i })));
    expect(new Set(added.map((x) => x.id)).size).toBe(10);
    expect(await a.list()).toHaveLength(10);
  });

  it('a benchmark with a long id (a cut file name) is stored, listed and deleted; damaged, it is deleted by its file', async () => {
    const root = await freshRoot();
    const store = nodeStores(root).benchmarks;
    const id = 'B'.repeat(200);
    await store.putBenchmark(storedBenchmark({ id }));
    await store.addRuns(id, [run(1)]);
    expect((await store.getBenchmark(id))!.id).toBe(id);
    expect((await store.listBenchmarks()).map((b) => b.id)).toEqual([id]);
    const [name] = await readdir(join(root, 'benchmarks'));
    await writeFile(join(root, 'benchmarks', name), '{"id": "cut');
    const { damaged } = await store.readBenchmarks();
    expect(damaged.map((d) => d.key)).toEqual([['file', name]]);
    await store.deleteDamaged(damaged[0]);
    expect(await readdir(join(root, 'benchmarks'))).toEqual([]);
    expect(await store.listRuns(id)).toEqual([]);
  });
});

describe('the parameters file', () => {
  it('not JSON: every call rejects naming it, and nothing is written over it', async () => {
    const root = await freshRoot();
    await mkdir(join(root, 'parameters'));
    await writeFile(join(root, 'parameters', 'blessed.json'), '{"sets": [');
    const store = nodeStores(root).parameters;
    await expect(store.listBlessed()).rejects.toThrow(/parameters\/blessed\.json is not readable/);
    await expect(store.setActive('knapsack', 'a')).rejects.toThrow(/blessed\.json/);
    expect(await readFile(join(root, 'parameters', 'blessed.json'), 'utf8')).toBe('{"sets": [');
  });

  it('a damaged set is left out of what is read and kept in the file through later writes', async () => {
    const root = await freshRoot();
    await mkdir(join(root, 'parameters'));
    const damaged = { id: 'broken', template: 'knapsack' };
    await writeFile(join(root, 'parameters', 'blessed.json'), encodeRecord({ sets: [damaged], events: [] }));
    const store = nodeStores(root).parameters;
    expect(await store.listBlessed()).toEqual([]);
    await expect(store.setActive('knapsack', 'broken')).rejects.toThrow(/no blessed set broken/);
    const text = await readFile(join(root, 'parameters', 'blessed.json'), 'utf8');
    expect(decodeRecord(text)).toEqual({ ok: true, value: { sets: [damaged], events: [] } });
  });
});

describe('metric day files', () => {
  it('a torn line is left out; a prune deletes whole days and rewrites only the cutoff day', async () => {
    const root = await freshRoot();
    const store = nodeStores(root).metrics;
    await store.add([solve({ t: 1, seq: 0 }), solve({ t: DAY + 1, seq: 0 }), solve({ t: DAY + 5, seq: 0 })]);
    await appendFile(join(root, 'metrics', `d1.jsonl`), '{"kind": "solve", "t"');
    expect(await store.count()).toBe(3);
    expect(await store.prune(DAY + 2, 100)).toBe(2);
    expect((await readdir(join(root, 'metrics'))).sort()).toEqual(['d1.jsonl']);
    expect((await store.listSolves({ from: 0, to: 2 * DAY })).map((p) => p.t)).toEqual([DAY + 5]);
  });

  it('refuses a point whose key is not finite, and stores none of its batch', async () => {
    const store = nodeStores(await freshRoot()).metrics;
    await expect(store.add([solve({ t: 1, seq: 0 }), solve({ t: NaN, seq: 0 })])).rejects.toThrow(/finite/);
    expect(await store.count()).toBe(0);
  });
});
