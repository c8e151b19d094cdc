// A template's checks over time, one series per option set checked, reduced to the steps where its performance
// changed: where the verdict changed, or where the time ratio moved by at least the threshold from the level it
// last settled at — each within its own series, so switching from one option set to another is no change. The
// points a history chart marks.
import type { RegressionVerdict } from './verdict';

/** One check of a template in a history: when, which option set, its verdict and its template time ratio (candidate ÷ baseline). */
export interface HistoryPoint {
  /** The check's id, to link a point to its evidence. */
  id: string;
  /** When the checked benchmark ran (ISO 8601). */
  at: string;
  /** The series: the identity of the option set checked (its options key; an older check's option set id; 'unknown'). */
  optionSet: string;
  verdict: RegressionVerdict;
  /** Null when the check had no time ratio. */
  timeRatio: number | null;
}

/** A step in a history where performance changed. */
export interface ChangePoint {
  /** Index of the point (in the chronological order of the whole history) where the change shows. */
  index: number;
  id: string;
  at: string;
  /** The series (option set) the change is in. */
  optionSet: string;
  verdictChanged: boolean;
  /** The time ratio moved by at least the threshold from the level (null when it did not). */
  timeChange: { from: number; to: number; relative: number } | null;
  /** The previous point of the same series, and this one. */
  from: { verdict: RegressionVerdict; timeRatio: number | null };
  to: { verdict: RegressionVerdict; timeRatio: number | null };
}

/** The points sorted by time (stable, so equal or unreadable times keep their given order). */
export function chronological<T extends { at: string }>(history: readonly T[]): T[] {
  return history
    .map((p, i) => ({ p, i, ms: Date.parse(p.at) }))
    .sort((a, b) => (a.ms === b.ms || Number.isNaN(a.ms - b.ms) ? a.i - b.i : a.ms - b.ms))
    .map((x) => x.p);
}

// Within one series (the points of one option set, in time order), a change point is a step where the verdict
// differs from the series' previous point's, or where the time ratio differs from the level by at least the
// threshold: to / level − 1 ≥ t or ≤ −t. The level is the ratio of the series' first point that has one, and is
// reset to the new ratio at each time change, so a slow drift (5 % a step) shows once it adds up to the
// threshold, not never. Points without a ratio change the level of nothing.
/** The change points of a template's check history, per option set, in time order; thresholdPct as the template's. */
export function changePoints(history: readonly HistoryPoint[], thresholdPct: number): ChangePoint[] {
  if (!Number.isFinite(thresholdPct) || thresholdPct <= 0)
    throw new RangeError(`thresholdPct must be a finite number > 0, got ${thresholdPct}`);
  const t = thresholdPct / 100;
  const series = new Map<string, { point: HistoryPoint; index: number }[]>();
  chronological(history).forEach((point, index) => {
    const list = series.get(point.optionSet);
    if (list) list.push({ point, index });
    else series.set(point.optionSet, [{ point, index }]);
  });
  const out: ChangePoint[] = [];
  for (const [optionSet, points] of series) {
    let level: number | null = null;
    for (let i = 0; i < points.length; i++) {
      const cur = points[i].point;
      const ratio =
        cur.timeRatio !== null && Number.isFinite(cur.timeRatio) && cur.timeRatio > 0 ? cur.timeRatio : null;
      if (i === 0) {
        level = ratio;
        continue;
      }
      const prev = points[i - 1].point;
      const verdictChanged = cur.verdict !== prev.verdict;
      let timeChange: ChangePoint['timeChange'] = null;
      if (ratio !== null) {
        if (level === null) level = ratio;
        else {
          const relative = ratio / level - 1;
          if (relative >= t || relative <= -t) {
            timeChange = { from: level, to: ratio, relative };
            level = ratio;
          }
        }
      }
      if (verdictChanged || timeChange) {
        out.push({
          index: points[i].index,
          id: cur.id,
          at: cur.at,
          optionSet,
          verdictChanged,
          timeChange,
          from: { verdict: prev.verdict, timeRatio: prev.timeRatio },
          to: { verdict: cur.verdict, timeRatio: cur.timeRatio },
        });
      }
    }
  }
  return out.sort((a, b) => a.index - b.index);
}
