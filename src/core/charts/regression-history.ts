// A template's regression checks over time as a chart: the template time ratio (candidate ÷ baseline) of
// each check in the order the checked benchmarks ran, the baseline at 1 with the threshold band around it,
// the checks that regressed (or were wrong) marked, and the change points of core/regression marked.
import { changePoints, type ChangePoint, type HistoryPoint, type RegressionVerdict } from '../regression';
import type { ChartTable } from './table';

/** One check as the history chart takes it: core's history point, the benchmark checked and the ratio's interval. */
export interface RegressionHistoryInputPoint extends HistoryPoint {
  /** The checked benchmark's name. */
  name: string;
  /** The 95 % interval of the time ratio, or null. */
  ci95: [number, number] | null;
}

/** One drawn check. */
export interface RegressionHistoryPoint {
  /** Position in chronological order (the x axis). */
  index: number;
  id: string;
  at: string;
  name: string;
  verdict: RegressionVerdict;
  timeRatio: number | null;
  ci95: [number, number] | null;
  /** The check regressed or was wrong: marked. */
  flagged: boolean;
  /** Performance changed at this check (a change point): marked. */
  changePoint: boolean;
}

/** The history chart of one template. */
export interface RegressionHistoryChart {
  template: string;
  thresholdPct: number;
  /** The band around the baseline (1): [1 − t, 1 + t]. */
  band: [number, number];
  points: RegressionHistoryPoint[];
  changes: ChangePoint[];
  table: ChartTable;
}

const FLAGGED: ReadonlySet<RegressionVerdict> = new Set(['regressed', 'wrong']);

/** Builds a template's history chart from its checks (any order; drawn chronologically, equal times in given order). */
export function regressionHistoryChart(
  template: string,
  history: readonly RegressionHistoryInputPoint[],
  thresholdPct: number,
): RegressionHistoryChart {
  const changes = changePoints(history, thresholdPct); // validates the threshold
  const sorted = history
    .map((p, i) => ({ p, i, ms: Date.parse(p.at) }))
    .sort((a, b) => (a.ms === b.ms || Number.isNaN(a.ms - b.ms) ? a.i - b.i : a.ms - b.ms))
    .map((x) => x.p);
  const at = new Set(changes.map((c) => c.index));
  const points = sorted.map((p, index) => ({
    index,
    id: p.id,
    at: p.at,
    name: p.name,
    verdict: p.verdict,
    timeRatio: p.timeRatio !== null && Number.isFinite(p.timeRatio) ? p.timeRatio : null,
    ci95: p.ci95 && p.ci95.every(Number.isFinite) ? p.ci95 : null,
    flagged: FLAGGED.has(p.verdict),
    changePoint: at.has(index),
  }));
  const t = thresholdPct / 100;
  return {
    template,
    thresholdPct,
    band: [1 - t, 1 + t],
    points,
    changes,
    table: {
      columns: [
        'check',
        'benchmark ran at',
        'benchmark',
        'verdict',
        'time ratio (candidate / baseline)',
        'ratio 95% CI low',
        'ratio 95% CI high',
        'regressed or wrong',
        'change point',
      ],
      rows: points.map((p) => [
        p.index + 1,
        p.at,
        p.name,
        p.verdict,
        p.timeRatio,
        p.ci95?.[0] ?? null,
        p.ci95?.[1] ?? null,
        p.flagged ? 'yes' : 'no',
        p.changePoint ? 'yes' : 'no',
      ]),
    },
  };
}
