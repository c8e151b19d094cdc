// Spread of each model's time across seeds, per option set: a box from Q1 to Q3 with whiskers from min
// to max and the median marked, from the summary's variability (Q1 from the same problems, type-7
// quantile, so Q3 = Q1 + IQR as the summary reports it). The value axis (log) reaches past the lowest
// minimum and the highest maximum drawn (axis.ts), so no box or whisker touches the frame.
import { quantileSorted, sortedCopy } from '../stats/descriptive';
import { logAxisBounds } from './axis';
import type { ChartInput } from './context';
import type { ChartTable } from './table';

// A category axis of thousands of models is unreadable and slow; past this many, the chart shows the models
// whose spread is widest relative to their median (IQR ÷ median, largest over the option sets; ties in the
// order models are listed), which are the ones the chart is for, in the order models are listed.
/** Most models one seed-spread chart draws. */
export const MAX_SPREAD_MODELS = 60;

/** One model's spread under one option set, ms. */
export interface SpreadBox {
  seeds: number;
  minMs: number;
  q1Ms: number;
  medianMs: number;
  q3Ms: number;
  maxMs: number;
  iqrMs: number;
  cv: number | null;
}

/** One option set: a box per drawn model (null where the set has no problem of that model). */
export interface SpreadSeries {
  optionSetId: string;
  name: string;
  boxes: (SpreadBox | null)[];
}

/** The seed-spread chart: the drawn models (categories) and one series per option set. */
export interface SeedSpreadChart {
  models: { id: string; name: string }[];
  /** Models with a spread in all, drawn or not. */
  totalModels: number;
  series: SpreadSeries[];
  /** The value axis (log): every drawn minimum and maximum with room around them; null with nothing drawn. */
  yRange: { min: number; max: number } | null;
  table: ChartTable;
}

/** The seed-spread chart from the summary's variability. */
export function seedSpreadChart(input: ChartInput, maxModels: number = MAX_SPREAD_MODELS): SeedSpreadChart {
  const boxes = new Map<string, SpreadBox>();
  const key = (setId: string, modelId: string) => JSON.stringify([setId, modelId]);
  const widest = new Map<string, number>();
  for (const v of input.summary.variability.models) {
    const seeds = input.problems.get(v.optionSetId)?.get(v.modelId);
    const times = seeds ? sortedCopy([...seeds.values()].map((p) => p.timeMs)) : [];
    const q1 = quantileSorted(times, 0.25) ?? Math.max(v.minMs, v.medianMs - v.iqrMs / 2);
    boxes.set(key(v.optionSetId, v.modelId), {
      seeds: v.seeds,
      minMs: v.minMs,
      q1Ms: q1,
      medianMs: v.medianMs,
      q3Ms: q1 + v.iqrMs,
      maxMs: v.maxMs,
      iqrMs: v.iqrMs,
      cv: v.cv,
    });
    const relative = v.medianMs > 0 ? v.iqrMs / v.medianMs : v.iqrMs > 0 ? Infinity : 0;
    widest.set(v.modelId, Math.max(widest.get(v.modelId) ?? 0, relative));
  }
  const withSpread = input.models.filter((m) => widest.has(m.id));
  let drawn = withSpread;
  if (withSpread.length > maxModels) {
    const order = withSpread.map((m, i) => ({ id: m.id, i, w: widest.get(m.id)! }));
    order.sort((a, b) => b.w - a.w || a.i - b.i);
    const keep = new Set(order.slice(0, maxModels).map((x) => x.id));
    drawn = withSpread.filter((m) => keep.has(m.id));
  }
  const models = drawn.map((m) => ({ id: m.id, name: m.name }));
  const series = input.optionSets.map((set): SpreadSeries => ({
    optionSetId: set.id,
    name: set.name,
    boxes: models.map((m) => boxes.get(key(set.id, m.id)) ?? null),
  }));
  const rows: ChartTable['rows'] = [];
  for (const s of series) {
    s.boxes.forEach((b, i) => {
      if (b) rows.push([models[i].name, s.name, b.seeds, b.minMs, b.q1Ms, b.medianMs, b.q3Ms, b.maxMs, b.iqrMs, b.cv]);
    });
  }
  const ends = series.flatMap((s) => s.boxes.flatMap((b) => (b ? [b.minMs, b.maxMs] : [])));
  return {
    models,
    totalModels: withSpread.length,
    series,
    yRange: logAxisBounds(ends),
    table: {
      columns: [
        'model',
        'option set',
        'seeds',
        'min (ms)',
        'Q1 (ms)',
        'median (ms)',
        'Q3 (ms)',
        'max (ms)',
        'IQR (ms)',
        'CV',
      ],
      rows,
    },
  };
}
