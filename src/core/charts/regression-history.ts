// A template's regression checks over time as a chart: the template time ratio (candidate ÷ baseline) of
// each check in the order the checked benchmarks ran, one series per option set checked (checks of different
// option sets are never one line), the baseline at 1 with the threshold band around it, the checks that
// regressed (or were wrong) marked, and the change points of core/regression — computed per series — marked.
import {
  changePoints,
  chronological,
  type ChangePoint,
  type HistoryPoint,
  type RegressionVerdict,
} from '../regression';
import type { ChartTable } from './table';

/** One check as the history chart takes it: core's history point, the benchmark checked, the set's name and the ratio's interval. */
export interface RegressionHistoryInputPoint extends HistoryPoint {
  /** The checked benchmark's name. */
  name: string;
  /** The option set's name, for the legend (the newest name of a series names it). */
  optionSetName: string;
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
  /** Index into the chart's series, and the option set's name at this check. */
  series: number;
  optionSetName: string;
  verdict: RegressionVerdict;
  timeRatio: number | null;
  ci95: [number, number] | null;
  /** The check regressed or was wrong: marked. */
  flagged: boolean;
  /** Performance changed at this check within its series (a change point): marked. */
  changePoint: boolean;
}

/** One option set's line: its identity, its name, and how many checks it has. */
export interface RegressionHistorySeries {
  optionSet: string;
  name: string;
  points: number;
}

/** The history chart of one template. */
export interface RegressionHistoryChart {
  template: string;
  thresholdPct: number;
  /** The band around the baseline (1): [1 − t, 1 + t]. */
  band: [number, number];
  /** The option sets checked, in the order of their first check. */
  series: RegressionHistorySeries[];
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
  const sorted = chronological(history);
  const series: RegressionHistorySeries[] = [];
  const seriesIndex = new Map<string, number>();
  for (const p of sorted) {
    const i = seriesIndex.get(p.optionSet);
    if (i === undefined) {
      seriesIndex.set(p.optionSet, series.length);
      series.push({ optionSet: p.optionSet, name: p.optionSetName, points: 1 });
    } else {
      series[i].points++;
      series[i].name = p.optionSetName;
    }
  }
  const at = new Set(changes.map((c) => c.index));
  const points = sorted.map((p, index) => ({
    index,
    id: p.id,
    at: p.at,
    name: p.name,
    series: seriesIndex.get(p.optionSet)!,
    optionSetName: p.optionSetName,
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
    series,
    points,
    changes,
    table: {
      columns: [
        'check',
        'benchmark ran at',
        'benchmark',
        'option set',
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
        p.optionSetName,
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
