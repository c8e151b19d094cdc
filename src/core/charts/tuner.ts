// The tuner's two charts as data: the anytime curve (the best set's training speedup over the baseline after
// so many runs, a step each time the best changes or its estimate moves) and the gain against options changed
// (each count's best set: its held-out speedup with the rule's 95 % interval, and its training speedup beside
// it), each with the table of numbers it draws.
import type { AnytimePoint, ResultRow } from '../tuner';
import type { ChartTable } from './table';

/** The anytime curve: points (runs, speedup), the labels of the best set at each point, and its table. */
export interface AnytimeChart {
  points: { x: number; y: number }[];
  labels: string[];
  table: ChartTable;
}

/**
 * Points of the anytime curve; a point without a speedup (no pairs yet) is left out; at most 2,000 points (the
 * latest kept). The last best holds until `endRuns` (the runs spent so far), so a best that never changed is a
 * line, not a dot.
 */
export function anytimeChart(anytime: readonly AnytimePoint[], endRuns?: number): AnytimeChart {
  const usable = anytime.filter((p) => p.speedup !== null && Number.isFinite(p.speedup)).slice(-2000);
  const points = usable.map((p) => ({ x: p.runs, y: p.speedup! }));
  const labels = usable.map((p) => p.label);
  const last = usable.at(-1);
  if (last && endRuns !== undefined && endRuns > last.runs) {
    points.push({ x: endRuns, y: last.speedup! });
    labels.push(last.label);
  }
  return {
    points,
    labels,
    table: {
      columns: ['runs', 'solve time (s)', 'best so far', 'training speedup', 'blocks'],
      rows: anytime.map((p) => [p.runs, p.timeMs / 1000, p.label, p.speedup, p.blocks]),
    },
  };
}

/** The gain chart: per count of options changed, held-out speedup with its interval, and the training speedup. */
export interface GainChart {
  labels: string[];
  heldOut: { x: number; y: number; low: number | null; high: number | null }[];
  training: { x: number; y: number }[];
  table: ChartTable;
}

/** The gain against options changed, from the result's rows (see the top of this file). */
export function gainChart(rows: readonly ResultRow[]): GainChart {
  const heldOut: GainChart['heldOut'] = [];
  const training: GainChart['training'] = [];
  for (const r of rows) {
    if (r.heldOut.speedup !== null)
      heldOut.push({
        x: r.k,
        y: r.heldOut.speedup,
        low: r.heldOut.ci95?.[0] ?? null,
        high: r.heldOut.ci95?.[1] ?? null,
      });
    if (r.training) training.push({ x: r.k, y: r.training.speedup });
  }
  return {
    labels: rows.map((r) => `${r.k}: ${r.label}`),
    heldOut,
    training,
    table: {
      columns: ['options changed', 'set', 'held-out speedup', 'CI low', 'CI high', 'call', 'training speedup'],
      rows: rows.map((r) => [
        r.k,
        r.label,
        r.heldOut.speedup,
        r.heldOut.ci95?.[0] ?? null,
        r.heldOut.ci95?.[1] ?? null,
        r.heldOut.call,
        r.training?.speedup ?? null,
      ]),
    },
  };
}
