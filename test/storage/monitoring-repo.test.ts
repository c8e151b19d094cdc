// The monitoring repository over fake-indexeddb, what only it does: windows as key ranges (an empty or reversed one
// never reaches IDBKeyRange), the newest solves by cursor, pruning by key range in batches with its pause and early
// stop. (What every metrics and health store does, IndexedDB, memory and files alike, is test/contracts/.)
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { openWorkbenchDb, type Db } from '../../src/storage/db';
import {
  addMetricPoints,
  countMetricPoints,
  listSolvePoints,
  listSystemPoints,
  pruneMetricPoints,
  recentSolvePoints,
} from '../../src/storage/monitoring-repo';
import type { MetricPoint } from '../../src/core/metrics/types';
import { sample, solve } from '../core/metrics/fixtures';

let n = 0;
let db: Db;
beforeEach(async () => {
  db = await openWorkbenchDb(`monitoring-repo-${process.pid}-${++n}`);
});

/** Solves at t = 10, 20, 30, 40 and samples at t = 15, 25, 35 (seq 0.5 each). */
const MIXED: MetricPoint[] = [
  ...[10, 20, 30, 40].map((t) => solve({ t, seq: 0.5, model: `m${t}` })),
  ...[15, 25, 35].map((t) =>
    sample({ t, seq: 0.5, queueDepth: t, workerMemory: [{ slot: 0, workerId: 1, wasmMemoryBytes: t }] }),
  ),
];

describe('metric points', () => {
  it.each([
    ['the whole range', 0, 100, [10, 20, 30, 40], [15, 25, 35]],
    ['from is inclusive', 20, 100, [20, 30, 40], [25, 35]],
    ['to is exclusive', 0, 30, [10, 20], [15, 25]],
    ['an inner window', 15, 35, [20, 30], [15, 25]],
    ['an empty window', 41, 1000, [], []],
    // An empty or reversed window is empty (IDBKeyRange.bound throws on it: the repository must not pass it on).
    ['from equal to to', 20, 20, [], []],
    ['to before from', 30, 20, [], []],
  ])('windows honour [from, to) and kind: %s', async (_name, from, to, solves, system) => {
    await addMetricPoints(db, MIXED);
    const s = await listSolvePoints(db, { from, to });
    const y = await listSystemPoints(db, { from, to });
    expect(s.map((p) => [p.kind, p.t])).toEqual(solves.map((t) => ['solve', t]));
    expect(y.map((p) => [p.kind, p.t])).toEqual(system.map((t) => ['system', t]));
  });

  it.each([
    [0, []],
    [1, [40]],
    [3, [40, 30, 20]],
    [10, [40, 30, 20, 10]],
  ])('recentSolvePoints(%i) gives the newest solves first, never samples', async (count, ts) => {
    await addMetricPoints(db, MIXED);
    expect((await recentSolvePoints(db, count)).map((p) => p.t)).toEqual(ts);
  });
});

describe('pruneMetricPoints', () => {
  /** 10,000 points: t = 0..9999, solves at even t and samples at odd t. */
  const many = (): MetricPoint[] =>
    Array.from({ length: 10_000 }, (_, t) => (t % 2 === 0 ? solve({ t, seq: 0.25 }) : sample({ t, seq: 0.75 })));

  it('deletes exactly the points before the cutoff over several batches, pausing after each full batch', async () => {
    await addMetricPoints(db, many());
    // A point AT the cutoff with the smallest seq stays; one just below it goes.
    await addMetricPoints(db, [solve({ t: 8000, seq: 0 }), solve({ t: 7999.5, seq: 0.99 })]);
    let pauses = 0;
    const deleted = await pruneMetricPoints(db, 8000, {
      batch: 700,
      pause: async () => {
        pauses++;
      },
    });
    expect(deleted).toBe(8001); // t = 0..7999 and 7999.5
    expect(pauses).toBe(Math.floor(8001 / 700)); // 11 full batches, then a short one ends it
    expect(await countMetricPoints(db)).toBe(10_002 - 8001);
    const left = [
      ...(await listSolvePoints(db, { from: 0, to: 1e9 })),
      ...(await listSystemPoints(db, { from: 0, to: 1e9 })),
    ];
    expect(Math.min(...left.map((p) => p.t))).toBe(8000);
    expect(
      left
        .filter((p) => p.t === 8000)
        .map((p) => p.seq)
        .sort(),
    ).toEqual([0, 0.25]);
  });

  it('stops early when pause resolves false', async () => {
    await addMetricPoints(db, many().slice(0, 3000));
    let pauses = 0;
    const deleted = await pruneMetricPoints(db, 2500, {
      batch: 700,
      pause: async () => {
        pauses++;
        return pauses < 2;
      },
    });
    expect(deleted).toBe(1400);
    expect(pauses).toBe(2);
    expect(await countMetricPoints(db)).toBe(1600);
    expect((await listSolvePoints(db, { from: 0, to: 1e9 }))[0].t).toBe(1400);
  });

  it.each([
    ['nothing older', 0, 0],
    ['everything older', 1e9, 3000],
    ['a batch-sized count exactly', 700, 700],
  ])('returns how many were deleted: %s', async (_name, cutoff, expected) => {
    await addMetricPoints(db, many().slice(0, 3000));
    expect(await pruneMetricPoints(db, cutoff, { batch: 700 })).toBe(expected);
    expect(await countMetricPoints(db)).toBe(3000 - expected);
  });
});
