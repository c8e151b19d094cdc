// What the metric points say over a window: per-template counts, rates and solve-time quantiles, whether a
// template is getting slower, time-bucketed series for the trend charts (over the window, or over the span of a
// template's own solves) and the recent error rate. Quantiles are core/stats's type 7 (linear interpolation, as R and NumPy).
import { median, quantileSorted, sortedCopy } from '../stats/descriptive';
import type { SolvePoint, TemplateSummary, TimeWindow, Trend, TrendBucket } from './types';

/** How far the later half's median relative time may move from the earlier half's before a trend is called. */
export const TREND_TOLERANCE = 0.1;

/** The points in [from, to): from inclusive, to exclusive. */
export function inWindow<P extends { t: number }>(points: readonly P[], window: TimeWindow): P[] {
  return points.filter((p) => p.t >= window.from && p.t < window.to);
}

/** Solves of one template (all when template is null or undefined). */
function ofTemplate(solves: readonly SolvePoint[], template: string | null | undefined): SolvePoint[] {
  return template == null ? [...solves] : solves.filter((s) => s.template === template);
}

/** Plain string order (not locale), so summaries sort the same everywhere. */
function byString(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Points in time order, ties by seq. */
function byTime(a: { t: number; seq: number }, b: { t: number; seq: number }): number {
  return a.t - b.t || a.seq - b.seq;
}

/**
 * Whether solves are getting slower: each non-error solve's time ÷ the median time of its (template, model,
 * option set, source) group (groups of one, or with a median of 0, are not compared); the compared solves in
 * time order are split into an earlier and a later half (the middle one dropped for an odd count); ratio =
 * median relative time of the later half ÷ the earlier half. Needs 4 compared solves, else 'unknown'.
 */
export function trendOf(solves: readonly SolvePoint[]): Trend {
  const groups = new Map<string, SolvePoint[]>();
  for (const s of solves) {
    if (s.outcome === 'error' || !Number.isFinite(s.timeMs)) continue;
    const key = JSON.stringify([s.template, s.model, s.optionSet, s.source]);
    const g = groups.get(key);
    if (g) g.push(s);
    else groups.set(key, [s]);
  }
  const rel: { t: number; seq: number; r: number }[] = [];
  for (const g of groups.values()) {
    if (g.length < 2) continue;
    const m = median(g.map((s) => s.timeMs))!;
    if (!(m > 0)) continue;
    for (const s of g) rel.push({ t: s.t, seq: s.seq, r: s.timeMs / m });
  }
  rel.sort(byTime);
  const compared = rel.length;
  const half = Math.floor(compared / 2);
  if (compared < 4 || half < 2) return { direction: 'unknown', ratio: null, compared };
  const earlier = median(rel.slice(0, half).map((x) => x.r))!;
  const later = median(rel.slice(compared - half).map((x) => x.r))!;
  if (!(earlier > 0)) return { direction: 'unknown', ratio: null, compared };
  const ratio = later / earlier;
  const direction = ratio > 1 + TREND_TOLERANCE ? 'slower' : ratio < 1 - TREND_TOLERANCE ? 'faster' : 'flat';
  return { direction, ratio, compared };
}

/** The summary of one template's solves (already in the window); times are every solve's, errors included. */
function summarizeOne(template: string, solves: readonly SolvePoint[]): TemplateSummary {
  const count = solves.length;
  let ok = 0;
  let unsolved = 0;
  let errors = 0;
  for (const s of solves) {
    if (s.outcome === 'ok') ok++;
    else if (s.outcome === 'unsolved') unsolved++;
    else errors++;
  }
  const times = sortedCopy(solves.map((s) => s.timeMs).filter(Number.isFinite));
  return {
    template,
    count,
    ok,
    unsolved,
    errors,
    successRate: count === 0 ? 0 : ok / count,
    errorRate: count === 0 ? 0 : errors / count,
    p50Ms: quantileSorted(times, 0.5),
    p95Ms: quantileSorted(times, 0.95),
    maxMs: times.length === 0 ? null : times[times.length - 1],
    trend: trendOf(solves),
  };
}

/**
 * One summary per template of the solves in the window, sorted by template. With a template given, exactly one
 * summary (a count of 0 when it had no solves), so a filtered view always has its row.
 */
export function summarizeTemplates(
  solves: readonly SolvePoint[],
  window: TimeWindow,
  template?: string | null,
): TemplateSummary[] {
  const chosen = ofTemplate(inWindow(solves, window), template);
  if (template != null) return [summarizeOne(template, chosen)];
  const groups = new Map<string, SolvePoint[]>();
  for (const s of chosen) {
    const g = groups.get(s.template);
    if (g) g.push(s);
    else groups.set(s.template, [s]);
  }
  return [...groups.keys()].sort(byString).map((t) => summarizeOne(t, groups.get(t)!));
}

/**
 * The window cut into `buckets` equal-width buckets (the last one ends at `to`), each with its solve count,
 * median time of all its solves, errors included (null when empty) and error rate (0 when empty); [] for a
 * bad bucket count or an empty window.
 */
export function trendBuckets(
  solves: readonly SolvePoint[],
  window: TimeWindow,
  buckets: number,
  template?: string | null,
): TrendBucket[] {
  const span = window.to - window.from;
  if (!Number.isInteger(buckets) || buckets < 1 || !(span > 0) || !Number.isFinite(span)) return [];
  const width = span / buckets;
  const members: SolvePoint[][] = Array.from({ length: buckets }, () => []);
  for (const s of ofTemplate(inWindow(solves, window), template)) {
    const i = Math.min(buckets - 1, Math.floor((s.t - window.from) / width));
    members[i].push(s);
  }
  return members.map((m, i) => {
    const errors = m.filter((s) => s.outcome === 'error').length;
    return {
      t: window.from + i * width,
      count: m.length,
      p50Ms: median(m.map((s) => s.timeMs).filter(Number.isFinite)),
      errorRate: m.length === 0 ? 0 : errors / m.length,
    };
  });
}

/** The most solves a trend bucket is meant to hold on average when solves are few (so a handful still makes a line). */
export const SOLVES_PER_BUCKET = 2;

/**
 * A template's trend buckets over the span of its own solves in the window, [first solve, last solve], cut into
 * ⌈solves ÷ SOLVES_PER_BUCKET⌉ buckets, at most maxBuckets: a burst of solves (a benchmark of a few minutes) is a
 * line of buckets however long the window, not one bucket of the window's width. [] without solves.
 */
export function spanTrendBuckets(
  solves: readonly SolvePoint[],
  window: TimeWindow,
  maxBuckets: number,
  template?: string | null,
): TrendBucket[] {
  const mine = ofTemplate(inWindow(solves, window), template);
  if (mine.length === 0 || !(maxBuckets >= 1)) return [];
  let first = Infinity;
  let last = -Infinity;
  for (const s of mine) {
    first = Math.min(first, s.t);
    last = Math.max(last, s.t);
  }
  const buckets = Math.max(1, Math.min(Math.floor(maxBuckets), Math.ceil(mine.length / SOLVES_PER_BUCKET)));
  // The span ends 1 ms after the last solve (windows exclude their end); one solve gives a 1 ms bucket.
  return trendBuckets(mine, { from: first, to: last + 1 }, buckets);
}

/** The error rate of the last n solves (given newest first): how many were looked at, how many failed. */
export function recentErrorRate(
  solves: readonly SolvePoint[],
  n: number,
): { count: number; errors: number; rate: number } {
  const recent = solves.slice(0, Math.max(0, Math.floor(n)));
  const errors = recent.filter((s) => s.outcome === 'error').length;
  return { count: recent.length, errors, rate: recent.length === 0 ? 0 : errors / recent.length };
}
