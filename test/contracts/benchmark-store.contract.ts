// The benchmark store's contract: every implementation (IndexedDB, memory, files) keeps benchmarks, their runs,
// model files and saved configurations by core's rules (src/core/stores/benchmark-store.ts): benchmarks newest
// first, runs in the order stored (a batch all or none), an import all or nothing that never replaces a stored
// benchmark, copies in and out, damaged benchmarks and runs listed apart and deleted by their key.
import { describe, expect, it } from 'vitest';
import type { BenchmarkRun } from '../../src/core/benchmark';
import type { BenchmarkStore, StoredBenchmark, StoredBenchmarkConfig } from '../../src/core/stores';
import { benchmarkRun, SHA, storedBenchmark } from '../core/backup/fixtures';
import { damageOf, onlyWhen, type BenchmarkDamage, type MakeSubject } from './subject';

const bench = (id: string, createdAt = 1, over: Partial<StoredBenchmark> = {}) =>
  storedBenchmark({ id, name: `bench ${id}`, createdAt, state: 'running', ...over });
const run = (seed: number, over: Partial<BenchmarkRun> = {}) => benchmarkRun({ seed, objective: seed, ...over });
const config = (name: string, savedAt = 1): StoredBenchmarkConfig => ({
  name,
  savedAt,
  definition: {
    name,
    templates: [{ kind: 'library', id: 'library', name: 'Library', files: ['afiro.mps'] }],
    optionSets: [{ id: 'defaults', name: 'HiGHS defaults', options: { time_limit: Infinity } }],
    referenceOptionSetId: 'defaults',
    config: { timeLimitMs: 1000, seeds: [1], repetitions: 1, warmup: false },
    workers: 1,
  },
});

/** Declares the benchmark store's cases for one implementation (`holdsDamaged`: it can hold records the app cannot read). */
export function benchmarkStoreContract(
  name: string,
  make: MakeSubject<BenchmarkStore, BenchmarkDamage>,
  holdsDamaged = false,
): void {
  describe(`BenchmarkStore: ${name}`, () => {
    it('stores a benchmark and updates its state; lists newest first (same ms: the larger id first); unknown is undefined', async () => {
      const { store } = await make();
      await store.putBenchmark(bench('old', 1));
      await store.putBenchmark(bench('new', 3));
      await store.putBenchmark(bench('a-tie', 2));
      await store.putBenchmark(bench('b-tie', 2));
      await store.putBenchmark(bench('old', 1, { state: 'interrupted' }));
      expect((await store.listBenchmarks()).map((b) => b.id)).toEqual(['new', 'b-tie', 'a-tie', 'old']);
      expect(await store.getBenchmark('old')).toEqual(bench('old', 1, { state: 'interrupted' }));
      expect((await store.getBenchmark('old'))!.optionSets[0].options.time_limit).toBe(Infinity);
      expect(await store.getBenchmark('nope')).toBeUndefined();
      expect(await store.readBenchmarks!()).toEqual({ benchmarks: await store.listBenchmarks(), damaged: [] });
    });

    it('adds runs in batches and lists them per benchmark in the order stored, without storage fields', async () => {
      const { store } = await make();
      await store.addRuns('b1', [run(1), run(2)]);
      await store.addRuns('b2', [run(9)]);
      await store.addRuns('b1', []);
      await store.addRuns('b1', [run(3, { objective: null, mipDualBound: -2.5 })]);
      expect(await store.listRuns('b1')).toEqual([run(1), run(2), run(3, { objective: null, mipDualBound: -2.5 })]);
      expect(await store.listRuns('b2')).toEqual([run(9)]);
      expect(await store.listRuns('none')).toEqual([]);
      expect(await store.readRuns!('b1')).toEqual({ runs: await store.listRuns('b1'), damaged: [] });
    });

    it('a batch with a run that cannot be stored writes none of it', async () => {
      const { store } = await make();
      await store.addRuns('b1', [run(1)]);
      const bad = { ...run(2), timeMs: Symbol('not storable') } as unknown as BenchmarkRun;
      await expect(store.addRuns('b1', [run(3), bad])).rejects.toThrow();
      expect(await store.listRuns('b1')).toEqual([run(1)]);
    });

    it('copies in and out: later changes by the caller or a reader change nothing stored', async () => {
      const { store } = await make();
      const b = bench('b1');
      const r = run(1);
      await store.putBenchmark(b);
      await store.addRuns('b1', [r]);
      b.name = 'changed';
      r.counters.simplexIterations = 999;
      const got = (await store.getBenchmark('b1'))!;
      expect(got).toEqual(bench('b1'));
      got.optionSets.length = 0;
      const [gotRun] = await store.listRuns('b1');
      expect(gotRun).toEqual(run(1));
      gotRun.seed = 42;
      expect((await store.listBenchmarks())[0]).toEqual(bench('b1'));
      expect(await store.listRuns('b1')).toEqual([run(1)]);
    });

    it('deletes a benchmark with its runs, and nothing else', async () => {
      const { store } = await make();
      await store.putBenchmark(bench('b1'));
      await store.putBenchmark(bench('b2'));
      await store.addRuns('b1', [run(1), run(2)]);
      await store.addRuns('b2', [run(3)]);
      await store.deleteBenchmark('b1');
      await store.deleteBenchmark('unknown');
      expect(await store.getBenchmark('b1')).toBeUndefined();
      expect(await store.listRuns('b1')).toEqual([]);
      expect((await store.listBenchmarks()).map((b) => b.id)).toEqual(['b2']);
      expect(await store.listRuns('b2')).toEqual([run(3)]);
    });

    it('an import is all or nothing: an id already stored refuses it whole, with the reason', async () => {
      const { store } = await make();
      await store.putBenchmark(bench('b1'));
      await store.addRuns('b1', [run(1)]);
      await expect(
        store.importBenchmarks([
          { benchmark: bench('b2'), runs: [run(5)] },
          { benchmark: bench('b1'), runs: [run(6)] },
        ]),
      ).rejects.toMatchObject({ name: 'ConstraintError' });
      expect((await store.listBenchmarks()).map((b) => b.id)).toEqual(['b1']);
      expect(await store.listRuns('b1')).toEqual([run(1)]);
      expect(await store.listRuns('b2')).toEqual([]);
      const imported = bench('b2', 2, { state: 'imported' });
      await store.importBenchmarks([{ benchmark: imported, runs: [run(5), run(6)] }]);
      expect(await store.getBenchmark('b2')).toEqual(imported);
      expect(await store.listRuns('b2')).toEqual([run(5), run(6)]);
    });

    it('an import naming one benchmark twice is refused whole', async () => {
      const { store } = await make();
      await expect(
        store.importBenchmarks([
          { benchmark: bench('b1'), runs: [run(1)] },
          { benchmark: bench('b1'), runs: [run(2)] },
        ]),
      ).rejects.toMatchObject({ name: 'ConstraintError' });
      expect(await store.listBenchmarks()).toEqual([]);
      expect(await store.listRuns('b1')).toEqual([]);
    });

    it('an import with a run that cannot be stored changes nothing', async () => {
      const { store } = await make();
      const bad = { ...run(2), timeMs: Symbol('not storable') } as unknown as BenchmarkRun;
      await expect(
        store.importBenchmarks([
          { benchmark: bench('b1'), runs: [run(1)] },
          { benchmark: bench('b2'), runs: [run(1), bad] },
        ]),
      ).rejects.toThrow();
      expect(await store.listBenchmarks()).toEqual([]);
      expect(await store.listRuns('b1')).toEqual([]);
      expect(await store.listRuns('b2')).toEqual([]);
    });

    it('imports many runs, all of them in order', async () => {
      const { store } = await make();
      const many = Array.from({ length: 1201 }, (_, i) => run(i));
      await store.importBenchmarks([{ benchmark: bench('big'), runs: many }]);
      expect(await store.listRuns('big')).toEqual(many);
    });

    it('keeps model files by SHA-256 (the same file twice is stored once), bytes as bytes', async () => {
      const { store } = await make();
      const bytes = new TextEncoder().encode('Minimize\n obj: x\nEnd\n');
      await store.putModelFile({ id: SHA, name: 'x.lp', bytes, addedAt: 1 });
      await store.putModelFile({ id: SHA, name: 'x-again.lp', bytes, addedAt: 2 });
      const got = await store.getModelFile(SHA);
      expect(got).toEqual({ id: SHA, name: 'x-again.lp', bytes, addedAt: 2 });
      expect(got!.bytes).toBeInstanceOf(Uint8Array);
      expect(await store.getModelFile('b'.repeat(64))).toBeUndefined();
    });

    it('saves configurations by name (replaced by name), lists them by name, deletes one', async () => {
      const { store } = await make();
      await store.saveConfig(config('nightly'));
      await store.saveConfig(config('adhoc'));
      await store.saveConfig(config('nightly', 9));
      expect(await store.listConfigs()).toEqual([config('adhoc'), config('nightly', 9)]);
      await store.deleteConfig('adhoc');
      await store.deleteConfig('unknown');
      expect(await store.listConfigs()).toEqual([config('nightly', 9)]);
    });

    it("deleteDamaged refuses another store's damaged record", async () => {
      const { store } = await make();
      await expect(
        store.deleteDamaged!({ store: 'tunerRuns', key: 'bad', label: 'x', problems: ['p'] }),
      ).rejects.toThrow(/a damaged record of tunerRuns is not deleted here/);
    });

    onlyWhen(holdsDamaged)(
      'a damaged benchmark is listed apart with its key; getBenchmark says there is none; deleteDamaged removes it with its runs',
      async () => {
        const subject = await make();
        const { store } = subject;
        const damage = damageOf(subject);
        await store.putBenchmark(bench('ok', 1));
        const key = await damage.benchmark({ id: 'bad', name: 'broken', createdAt: 2, state: 'finished' });
        await store.addRuns('bad', [run(1)]);
        await store.addRuns('ok', [run(2)]);
        const { benchmarks, damaged } = await store.readBenchmarks!();
        expect(benchmarks.map((b) => b.id)).toEqual(['ok']);
        expect(damaged).toEqual([
          {
            store: 'benchmarks',
            key,
            label: 'broken, 1970-01-01T00:00:00.002Z',
            problems: ['(top level): missing config, referenceOptionSetId, models, optionSets and 2 more fields'],
          },
        ]);
        expect((await store.listBenchmarks()).map((b) => b.id)).toEqual(['ok']);
        expect(await store.getBenchmark('bad')).toBeUndefined();
        await store.deleteDamaged!(damaged[0]);
        expect(await store.readBenchmarks!()).toEqual({ benchmarks, damaged: [] });
        expect(await store.listRuns('bad')).toEqual([]);
        expect(await store.listRuns('ok')).toEqual([run(2)]);
      },
    );

    onlyWhen(holdsDamaged)(
      'a damaged run is listed apart with its key; the others read in order; deleteDamaged removes only it',
      async () => {
        const subject = await make();
        const { store } = subject;
        const damage = damageOf(subject);
        await store.putBenchmark(bench('b1'));
        await store.addRuns('b1', [run(1)]);
        const key = await damage.run('b1', { ...run(2), counters: null });
        await store.addRuns('b1', [run(3)]);
        const { runs, damaged } = await store.readRuns!('b1');
        expect(runs).toEqual([run(1), run(3)]);
        expect(damaged.map((d) => [d.store, d.key, d.problems[0]])).toEqual([
          ['benchmarkRuns', key, 'counters: expected an object, got null'],
        ]);
        expect(await store.listRuns('b1')).toEqual(runs);
        await store.deleteDamaged!(damaged[0]);
        expect(await store.readRuns!('b1')).toEqual({ runs, damaged: [] });
        await store.addRuns('b1', [run(4)]);
        expect(await store.listRuns('b1')).toEqual([run(1), run(3), run(4)]);
      },
    );
  });
}
