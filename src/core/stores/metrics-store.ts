// Metric points: the interface every implementation (IndexedDB, memory, files) fits, and its rules, written
// once: a point's key is [t, seq] (a second point with the same key replaces the first), points list oldest
// first by key within a window [from, to) of one kind, the newest solves come newest first, and a prune deletes
// exactly the points with t below the cutoff.
import type { MetricPoint, SolvePoint, SystemPoint, TimeWindow } from '../metrics/types';

/** Metric points: added in batches, read by window, pruned in the background in small batches. */
export interface MetricsStore {
  /** Stores a batch of points (replacing any with the same [t, seq]) as one write. */
  add(points: readonly MetricPoint[]): Promise<void>;
  /** Solve points in [from, to), oldest first. */
  listSolves(window: TimeWindow): Promise<SolvePoint[]>;
  /** System samples in [from, to), oldest first. */
  listSystem(window: TimeWindow): Promise<SystemPoint[]>;
  /** The newest n solve points, newest first. */
  recentSolves(n: number): Promise<SolvePoint[]>;
  /** Deletes points older than the cutoff, `batch` per write, awaiting `pause` between (false stops); returns how many. */
  prune(cutoff: number, batch: number, pause?: () => Promise<boolean | void>): Promise<number>;
  /** How many points are stored. */
  count(): Promise<number>;
}

/** The key order of points: by t, then seq. */
export function byMetricKey(a: MetricPoint, b: MetricPoint): number {
  return a.t - b.t || a.seq - b.seq;
}

/** A point's key as one text (for replacing by key). */
export const metricKeyText = (p: Pick<MetricPoint, 't' | 'seq'>): string => `${p.t}:${p.seq}`;

/** Whether a time is in the window [from, to) (an empty or reversed window holds nothing). */
export function inWindow(t: number, w: TimeWindow): boolean {
  return t >= w.from && t < w.to;
}

/** Whether a point is older than a prune's cutoff (points at the cutoff or later are kept). */
export function prunedBy(p: Pick<MetricPoint, 't'>, cutoff: number): boolean {
  return p.t < cutoff;
}

/** Points merged by key, later ones replacing earlier ones with the same [t, seq], in key order. */
export function mergePoints(stored: readonly MetricPoint[], added: readonly MetricPoint[]): MetricPoint[] {
  const byKey = new Map<string, MetricPoint>();
  for (const p of stored) byKey.set(metricKeyText(p), p);
  for (const p of added) byKey.set(metricKeyText(p), p);
  return [...byKey.values()].sort(byMetricKey);
}

/** The points of one kind in a window, oldest first (`points` in key order). */
export function pointsIn<K extends MetricPoint['kind']>(
  points: readonly MetricPoint[],
  kind: K,
  w: TimeWindow,
): Extract<MetricPoint, { kind: K }>[] {
  return points.filter((p): p is Extract<MetricPoint, { kind: K }> => p.kind === kind && inWindow(p.t, w));
}

/** The newest n solve points, newest first (`points` in key order). */
export function newestSolves(points: readonly MetricPoint[], n: number): SolvePoint[] {
  const out: SolvePoint[] = [];
  for (let i = points.length - 1; i >= 0 && out.length < n; i--) {
    const p = points[i];
    if (p.kind === 'solve') out.push(p);
  }
  return out;
}
