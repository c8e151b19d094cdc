// The runs repository over IndexedDB, what only it does: the schema's version, a batch of runs in one transaction
// (all or nothing), the listing's limit as a parameter, the v1 → v2 migration. (What every run store does,
// IndexedDB, memory and files alike, is test/contracts/run-store.contract.ts.)
import 'fake-indexeddb/auto';
import { describe, expect, it, beforeEach } from 'vitest';
import { openWorkbenchDb, DB_VERSION, type Db } from '../../src/storage/db';
import { addRun, addRuns, countRuns, listRuns } from '../../src/storage/runs-repo';
import type { RunRecord } from '../../src/core/run-record';
import { sha256Hex } from '../../src/core/run-record';

let n = 0;
function run(patch: Partial<RunRecord> = {}): RunRecord {
  n++;
  return {
    createdAt: 1_700_000_000_000 + n,
    modelId: 'abc',
    modelName: `m${n}.mps`,
    origin: 'library',
    format: 'mps',
    size: { rows: 1, cols: 2, nnz: 2, integers: 0 },
    options: { presolve: 'off' },
    seed: 0,
    status: 'optimal',
    runStatus: 'ok',
    error: null,
    objective: n,
    knownObjective: null,
    verdict: 'ok',
    flags: [],
    mipGap: null,
    mipDualBound: null,
    times: { readMs: 1, solveMs: 2, highsRunMs: 2, validateMs: 0 },
    counters: {
      simplexIterations: 3,
      ipmIterations: 0,
      crossoverIterations: 0,
      qpIterations: 0,
      pdlpIterations: 0,
      mipNodes: 0,
      mipLpIterations: 0,
    },
    wasmMemoryBytes: 1 << 24,
    warm: true,
    cancelMode: null,
    highsVersion: '1.15.1',
    ...patch,
  };
}

describe('runs repository', () => {
  let db: Db;
  beforeEach(async () => {
    db = await openWorkbenchDb(`test-${Math.random()}`);
  });

  it('creates the schema at the current version', () => {
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames]).toContain('runs');
  });

  it('writes a batch in one transaction and respects the list limit', async () => {
    const ids = await addRuns(
      db,
      Array.from({ length: 25 }, () => run()),
    );
    expect(ids).toHaveLength(25);
    expect(await countRuns(db)).toBe(25);
    expect(await listRuns(db, 10)).toHaveLength(10);
  });

  it('a failed batch (a bad record) writes nothing and keeps what was stored', async () => {
    await addRun(db, run());
    const bad = { ...run(), id: undefined, createdAt: Symbol('not cloneable') } as unknown as RunRecord;
    await expect(addRuns(db, [run(), bad])).rejects.toThrow();
    expect(await countRuns(db)).toBe(1);
  });
});

describe('migrations', () => {
  it('v1 → v2: stored runs keep every field and gain runStatus ok and error null', async () => {
    const name = `migrate-${Math.random()}`;
    const { openDB } = await import('idb');
    const v1 = await openDB(name, 1, {
      upgrade(db) {
        const runs = db.createObjectStore('runs', { keyPath: 'id', autoIncrement: true });
        runs.createIndex('by-createdAt', 'createdAt');
        runs.createIndex('by-model', 'modelId');
      },
    });
    const { runStatus: _r, error: _e, ...old } = run({ objective: 42 });
    await v1.add('runs', old);
    v1.close();
    const db = await openWorkbenchDb(name);
    const [r] = await listRuns(db);
    expect(r).toMatchObject({ ...old, runStatus: 'ok', error: null, objective: 42 });
    expect(r.id).toBe(1);
    db.close();
  });
});

describe('sha256Hex', () => {
  it.each([
    ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
  ])('hashes %j', async (text, hex) => {
    expect(await sha256Hex(new TextEncoder().encode(text))).toBe(hex);
  });
});
