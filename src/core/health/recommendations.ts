// Recommendations drawn from what was measured on this machine, each with the numbers behind it: the worker
// count that gave the best throughput, WASM memory that keeps growing across recycles, templates whose error
// rate rose or that got slower, and the page's isolation and storage.
import type { SolvePoint, SystemPoint } from '../metrics/types';
import type { Recommendation } from './types';
import { median } from '../stats/descriptive';
import { ISOLATION_HEADERS_TEXT } from '../hosting/isolation';
import { mib, percent } from './checks/shared';

/** Samples a worker count needs (taken under load) before its median throughput is trusted. */
export const MIN_WORKER_GROUP_SAMPLES = 3;
/** Successive worker peaks that must strictly grow, and how much the last must exceed the first of them. */
export const MEMORY_GROWTH_MIN_PEAKS = 3;
export const MEMORY_GROWTH_FACTOR = 1.5;
/** Solves each half of a template's history needs, and the rise in error rate that is worth a warning. */
export const ERROR_RISE_MIN_HALF = 10;
export const ERROR_RISE_DELTA = 0.1;
/** Solves with a (model, option set) peer needed for a slowdown, and the later ÷ earlier ratio that counts as slower. */
export const SLOWER_MIN_COMPARED = 8;
export const SLOWER_RATIO = 1.25;
/** Storage usage ÷ quota above which cleaning up is recommended. */
export const STORAGE_RECOMMEND_RATIO = 0.8;

/** What recommendations are computed from (the metrics of the chosen window and the page's state). */
export interface RecommendationInput {
  system: readonly SystemPoint[];
  solves: readonly SolvePoint[];
  crossOriginIsolated: boolean;
  /** Epoch ms; points after it are ignored. */
  now: number;
  storage: { usage: number; quota: number } | null;
}

/** Points in time order (t, then seq), so halves and "most recent" mean the same everywhere. */
function byTime<T extends { t: number; seq: number }>(points: readonly T[], now: number): T[] {
  return points.filter((p) => p.t <= now).sort((a, b) => a.t - b.t || a.seq - b.seq);
}

/** Splits a time-ordered list into its earlier half and its later half (the later gets the odd one). */
function halves<T>(list: readonly T[]): [T[], T[]] {
  const mid = Math.floor(list.length / 2);
  return [list.slice(0, mid), list.slice(mid)];
}

/** Groups values by a key, keeping first-seen order. */
function groupBy<T, K>(list: readonly T[], key: (v: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const v of list) {
    const g = groups.get(key(v));
    if (g) g.push(v);
    else groups.set(key(v), [v]);
  }
  return groups;
}

/** The worker count whose samples under load had the best median throughput, when it is not the one in use. */
export function recommendWorkerCount(system: readonly SystemPoint[]): Recommendation | null {
  if (system.length === 0) return null;
  const current = system[system.length - 1].workers;
  const loaded = system.filter((s) => s.workers > 0 && (s.queueDepth > 0 || s.running === s.workers));
  const groups = [...groupBy(loaded, (s) => s.workers).entries()]
    .map(([workers, samples]) => ({
      workers,
      samples: samples.length,
      median: median(samples.map((s) => s.throughput)) ?? 0,
    }))
    .sort((a, b) => a.workers - b.workers);
  const trusted = groups.filter((g) => g.samples >= MIN_WORKER_GROUP_SAMPLES);
  if (trusted.length < 2) return null;
  // The best median; on a tie the fewer workers (same throughput for less memory).
  const best = trusted.reduce((a, b) => (b.median > a.median ? b : a));
  if (best.workers === current) return null;
  return {
    id: 'worker-count',
    title: `Use ${best.workers} workers`,
    text:
      `Under load, ${best.workers} workers gave the best median throughput on this machine ` +
      `(${best.median.toFixed(2)} jobs/s); the pool now runs ${current}.`,
    evidence: [
      ...groups.map(
        (g) =>
          `${g.workers} workers: median throughput ${g.median.toFixed(2)} jobs/s over ${g.samples} sample${g.samples === 1 ? '' : 's'}` +
          (g.samples < MIN_WORKER_GROUP_SAMPLES ? ' (too few to compare)' : ''),
      ),
      `workers in use now: ${current}`,
    ],
    severity: 'info',
  };
}

/** A warning when each recycled worker's peak WASM heap is higher than the last (a leak that recycling only postpones). */
export function recommendMemory(system: readonly SystemPoint[]): Recommendation | null {
  const peaks = new Map<number, number>();
  for (const s of system) {
    for (const w of s.workerMemory) {
      if (w.wasmMemoryBytes > 0) peaks.set(w.workerId, Math.max(peaks.get(w.workerId) ?? 0, w.wasmMemoryBytes));
    }
  }
  const ordered = [...peaks.entries()].sort((a, b) => a[0] - b[0]);
  // The run of strictly increasing peaks that ends at the newest worker.
  let start = ordered.length - 1;
  while (start > 0 && ordered[start - 1][1] < ordered[start][1]) start--;
  const run = ordered.slice(Math.max(0, start));
  if (run.length < MEMORY_GROWTH_MIN_PEAKS) return null;
  const first = run[0][1];
  const last = run[run.length - 1][1];
  if (last < MEMORY_GROWTH_FACTOR * first) return null;
  return {
    id: 'memory-growth',
    title: 'WASM memory keeps growing across worker recycles',
    text:
      `The peak WASM heap grew with each of the last ${run.length} workers (×${(last / first).toFixed(2)}). ` +
      'Lower the worker memory budget so workers recycle sooner, and check that every model is disposed after its solve.',
    evidence: run.map(([id, bytes]) => `worker ${id}: peak ${mib(bytes)}`),
    severity: 'warning',
  };
}

/** Warnings for templates whose error rate in the later half of their solves rose against the earlier half. */
export function recommendErrorRates(solves: readonly SolvePoint[]): Recommendation[] {
  const out: Recommendation[] = [];
  for (const [template, list] of groupBy(solves, (s) => s.template)) {
    const [earlier, later] = halves(list);
    if (earlier.length < ERROR_RISE_MIN_HALF || later.length < ERROR_RISE_MIN_HALF) continue;
    const errs = (l: SolvePoint[]) => l.filter((s) => s.outcome === 'error').length;
    const e1 = errs(earlier);
    const e2 = errs(later);
    const r1 = e1 / earlier.length;
    const r2 = e2 / later.length;
    if (r2 - r1 < ERROR_RISE_DELTA - 1e-12) continue;
    out.push({
      id: `error-rate-rose:${template}`,
      title: `Error rate of ${template} rose`,
      text: `The error rate of ${template} rose from ${percent(r1)} to ${percent(r2)}: look at its newest failed solves.`,
      evidence: [
        `earlier: ${e1} of ${earlier.length} solves failed (${percent(r1)})`,
        `later: ${e2} of ${later.length} solves failed (${percent(r2)})`,
      ],
      severity: 'warning',
    });
  }
  return out;
}

/**
 * Info for templates getting slower: each solved run's time ÷ the median of its (model, option set) group
 * (groups of one have no peer and are left out), the later half's median against the earlier half's.
 */
export function recommendSlower(solves: readonly SolvePoint[]): Recommendation[] {
  const out: Recommendation[] = [];
  for (const [template, list] of groupBy(
    solves.filter((s) => s.outcome === 'ok'),
    (s) => s.template,
  )) {
    const peers = groupBy(list, (s) => `${s.model}\u0000${s.optionSet}`);
    const medians = new Map(
      [...peers.entries()].map(([k, g]) => [k, g.length >= 2 ? median(g.map((s) => s.timeMs)) : null]),
    );
    const relative = list.flatMap((s) => {
      const m = medians.get(`${s.model}\u0000${s.optionSet}`);
      return m !== null && m !== undefined && m > 0 ? [s.timeMs / m] : [];
    });
    if (relative.length < SLOWER_MIN_COMPARED) continue;
    const [earlier, later] = halves(relative);
    const m1 = median(earlier);
    const m2 = median(later);
    if (m1 === null || m2 === null || m1 <= 0) continue;
    const ratio = m2 / m1;
    if (!(ratio > SLOWER_RATIO)) continue;
    out.push({
      id: `slower:${template}`,
      title: `${template} is getting slower`,
      text: `Solves of ${template} take ×${ratio.toFixed(2)} as long as earlier on the same models and options.`,
      evidence: [
        `median relative time: earlier ${m1.toFixed(2)} (${earlier.length} solves), later ${m2.toFixed(2)} (${later.length} solves)`,
        `ratio ×${ratio.toFixed(2)} over ${relative.length} compared solves`,
      ],
      severity: 'info',
    });
  }
  return out;
}

/** Every recommendation the measurements support, in a fixed order: workers, memory, error rates, slowdowns, page. */
export function recommend(input: RecommendationInput): Recommendation[] {
  const system = byTime(input.system, input.now);
  const solves = byTime(input.solves, input.now);
  const out: Recommendation[] = [];
  const workers = recommendWorkerCount(system);
  if (workers) out.push(workers);
  const memory = recommendMemory(system);
  if (memory) out.push(memory);
  out.push(...recommendErrorRates(solves), ...recommendSlower(solves));
  if (!input.crossOriginIsolated) {
    out.push({
      id: 'cross-origin-isolation',
      title: 'Serve the page cross-origin isolated',
      text: `Cancelling a solve now terminates its worker. The host must send ${ISOLATION_HEADERS_TEXT}, or the page must be served over https so its service worker isolates it.`,
      evidence: [
        'crossOriginIsolated: false',
        'Cross-Origin-Opener-Policy: same-origin',
        'Cross-Origin-Embedder-Policy: require-corp',
      ],
      severity: 'info',
    });
  }
  if (input.storage && input.storage.quota > 0) {
    const ratio = input.storage.usage / input.storage.quota;
    if (ratio > STORAGE_RECOMMEND_RATIO) {
      out.push({
        id: 'storage',
        title: 'Storage is filling up',
        text: 'Shorten the metrics retention window or delete old benchmarks and exports you no longer need.',
        evidence: [`${mib(input.storage.usage)} of ${mib(input.storage.quota)} used (${percent(ratio)})`],
        severity: 'warning',
      });
    }
  }
  return out;
}
