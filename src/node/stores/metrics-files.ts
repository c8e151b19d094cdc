// Metric points on disk: one JSON-lines file per UTC day, `<root>/metrics/d<days since 1970>.jsonl`, a batch
// appended with one fsync per file; a window reads only its days, a line at a time; a prune deletes whole days
// below the cutoff and rewrites the cutoff's own day. Core's rules (src/core/stores/metrics-store.ts): the [t, seq]
// key (a later point replaces one with the same key), windows [from, to), the newest solves newest first, a prune
// deletes exactly the points with t below the cutoff. Lines core's schema refuses (a torn last line) are left out.
import { join } from 'node:path';
import { recordProblems } from '../../core/backup';
import type { MetricPoint, SolvePoint } from '../../core/metrics/types';
import { byMetricKey, metricKeyText, newestSolves, pointsIn, prunedBy, type MetricsStore } from '../../core/stores';
import { appendLines, listNames, readLines, removeFiles, serialized, sizeOf, writeAtomic } from './files';
import { decodeRecord, encodeRecord, UnstorableValue } from './record-json';

const DAY_MS = 86_400_000;
const NAME = /^d(-?\d+)\.jsonl$/;
const dayOf = (t: number) => Math.floor(t / DAY_MS);
const nameOf = (day: number) => `d${day}.jsonl`;

/** The metrics store in `dir`. */
export function fileMetricsStore(dir: string): MetricsStore {
  const pathOf = (day: number) => join(dir, nameOf(day));
  const days = async () =>
    (await listNames(dir)).flatMap((n) => (NAME.test(n) ? [Number(NAME.exec(n)![1])] : [])).sort((a, b) => a - b);

  /**
   * One day's readable points in key order, each key once (the last line with it). `size`: how much of the file
   * to read; without it, what was whole when the read began (appends wait for that, then go on).
   */
  async function readDay(day: number, size?: number): Promise<MetricPoint[]> {
    const path = pathOf(day);
    size ??= await serialized(path, () => sizeOf(path));
    const byKey = new Map<string, MetricPoint>();
    for await (const { text } of readLines(path, size)) {
      const decoded = decodeRecord(text);
      if (decoded.ok && recordProblems('metrics', decoded.value).length === 0) {
        const p = decoded.value as MetricPoint;
        byKey.set(metricKeyText(p), p);
      }
    }
    return [...byKey.values()].sort(byMetricKey);
  }

  /** The readable points of the days from `first` to `last` (inclusive), in key order. */
  async function readDays(first: number, last: number): Promise<MetricPoint[]> {
    const out: MetricPoint[] = [];
    for (const day of await days()) if (day >= first && day <= last) out.push(...(await readDay(day)));
    return out;
  }

  return {
    async add(points) {
      const byDay = new Map<number, string[]>();
      for (const p of points) {
        if (!Number.isFinite(p.t) || !Number.isFinite(p.seq))
          throw new UnstorableValue(`a metric point's key [t, seq] must be finite numbers (got [${p.t}, ${p.seq}])`);
        const lines = byDay.get(dayOf(p.t)) ?? [];
        lines.push(`${encodeRecord(p)}\n`); // every point encoded before anything is written
        byDay.set(dayOf(p.t), lines);
      }
      for (const [day, lines] of byDay) {
        const path = pathOf(day);
        await serialized(path, () => appendLines(path, lines.join('')));
      }
    },
    listSolves: async (w) => (w.from < w.to ? pointsIn(await readDays(dayOf(w.from), dayOf(w.to)), 'solve', w) : []),
    listSystem: async (w) => (w.from < w.to ? pointsIn(await readDays(dayOf(w.from), dayOf(w.to)), 'system', w) : []),
    async recentSolves(n) {
      const out: SolvePoint[] = [];
      for (const day of (await days()).reverse()) {
        if (out.length >= n) break;
        out.push(...newestSolves(await readDay(day), n - out.length));
      }
      return out;
    },
    async prune(cutoff, _batch, pause) {
      let deleted = 0;
      for (const day of await days()) {
        if (day * DAY_MS >= cutoff) break; // this day and every later one are kept whole
        const path = pathOf(day);
        deleted += await serialized(path, async () => {
          const points = await readDay(day, await sizeOf(path)); // no append comes between the read and the write
          if ((day + 1) * DAY_MS <= cutoff) {
            await removeFiles(dir, [nameOf(day)]);
            return points.length;
          }
          const kept = points.filter((p) => !prunedBy(p, cutoff));
          if (kept.length < points.length) await writeAtomic(path, kept.map((p) => `${encodeRecord(p)}\n`).join(''));
          return points.length - kept.length;
        });
        if ((await pause?.()) === false) break;
      }
      return deleted;
    },
    async count() {
      let n = 0;
      for (const day of await days()) n += (await readDay(day)).length;
      return n;
    },
  };
}
