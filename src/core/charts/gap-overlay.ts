// MIP gap over time of two runs overlaid: the same MIP model and seed under two option sets (first
// repetition), from the runs' thinned gap traces. A run recorded before traces were kept (an older report)
// has none, and the chart says so rather than drawing nothing.
import type { BenchmarkRun } from '../benchmark';
import type { ChartInput } from './context';
import type { ChartTable } from './table';

/** What the user picks: a MIP model, a seed and two option sets. */
export interface GapOverlaySelection {
  modelId: string;
  seed: number;
  setA: string;
  setB: string;
}

/** The choices offered: MIP models (integers > 0), the seeds and the option sets. */
export interface GapOverlayChoices {
  models: { id: string; name: string }[];
  seeds: number[];
  optionSets: { id: string; name: string }[];
}

/** Why a side of the overlay has no curve, or 'ok'. */
export type GapTraceState = 'ok' | 'no-run' | 'failed' | 'no-trace' | 'empty';

/** One drawn point: time, gap in percent (null while unknown), bounds. */
export interface GapPoint {
  tMs: number;
  gapPct: number | null;
  primal: number | null;
  dual: number | null;
}

/** One side of the overlay: the run found and its curve. */
export interface GapSeries {
  optionSetId: string;
  name: string;
  state: GapTraceState;
  /** The repetition drawn (the first one present), null without a run. */
  repetition: number | null;
  /** The run's error name when it failed. */
  error: string | null;
  points: GapPoint[];
}

/** The overlay of two runs. */
export interface GapOverlayChart {
  modelName: string;
  seed: number;
  series: [GapSeries, GapSeries];
  table: ChartTable;
}

/** The models (MIPs), seeds and option sets the overlay can show. */
export function gapOverlayChoices(input: ChartInput): GapOverlayChoices {
  const mips = input.models.filter((m) => m.integers > 0);
  const mipIds = new Set(mips.map((m) => m.id));
  const seeds = [...input.data.config.seeds];
  for (const r of input.data.runs) if (mipIds.has(r.modelId) && !seeds.includes(r.seed)) seeds.push(r.seed);
  return {
    models: mips.map((m) => ({ id: m.id, name: m.name })),
    seeds,
    optionSets: input.optionSets.map((s) => ({ id: s.id, name: s.name })),
  };
}

// The defaults: the first MIP model with a recorded, non-empty trace (else the first MIP model), the first
// seed that model ran, the reference set against the first other set (the reference twice when alone).
/** The selection the overlay opens with; null when the benchmark has no MIP model or no option set. */
export function defaultGapOverlaySelection(input: ChartInput): GapOverlaySelection | null {
  const { models, optionSets } = gapOverlayChoices(input);
  if (models.length === 0 || optionSets.length === 0) return null;
  const ids = new Set(models.map((m) => m.id));
  const traced = input.data.runs.find((r) => ids.has(r.modelId) && (r.gapTrace?.length ?? 0) > 0);
  const modelId = traced?.modelId ?? models[0].id;
  const ranSeeds = new Set(input.data.runs.filter((r) => r.modelId === modelId).map((r) => r.seed));
  const seed =
    input.data.config.seeds.find((s) => ranSeeds.has(s)) ?? [...ranSeeds][0] ?? input.data.config.seeds[0] ?? 0;
  const refId = input.data.referenceOptionSetId;
  const setA = optionSets.some((s) => s.id === refId) ? refId : optionSets[0].id;
  const setB = optionSets.find((s) => s.id !== setA)?.id ?? setA;
  return { modelId, seed, setA, setB };
}

/** The run of (model, set, seed) with the lowest repetition, or null. */
function firstRun(runs: readonly BenchmarkRun[], modelId: string, setId: string, seed: number): BenchmarkRun | null {
  let best: BenchmarkRun | null = null;
  for (const r of runs) {
    if (r.modelId !== modelId || r.optionSetId !== setId || r.seed !== seed) continue;
    if (!best || r.repetition < best.repetition) best = r;
  }
  return best;
}

/** One side of the overlay. */
function seriesOf(input: ChartInput, sel: GapOverlaySelection, setId: string): GapSeries {
  const run = firstRun(input.data.runs, sel.modelId, setId, sel.seed);
  const base = { optionSetId: setId, name: input.setName(setId), points: [] as GapPoint[] };
  if (!run) return { ...base, state: 'no-run', repetition: null, error: null };
  const error = run.error?.name ?? null;
  const trace = run.gapTrace;
  if (trace === undefined || trace === null) {
    return { ...base, state: run.status === null ? 'failed' : 'no-trace', repetition: run.repetition, error };
  }
  if (trace.length === 0) return { ...base, state: 'empty', repetition: run.repetition, error };
  const points = trace.map(([tMs, gap, primal, dual]) => ({
    tMs,
    gapPct: gap === null ? null : gap * 100,
    primal,
    dual,
  }));
  return { ...base, state: 'ok', repetition: run.repetition, error, points };
}

/** The two runs' curves and their table. */
export function gapOverlayChart(input: ChartInput, sel: GapOverlaySelection): GapOverlayChart {
  const series: [GapSeries, GapSeries] = [seriesOf(input, sel, sel.setA), seriesOf(input, sel, sel.setB)];
  const rows: ChartTable['rows'] = [];
  for (const s of series)
    for (const p of s.points) rows.push([s.name, s.repetition, p.tMs, p.gapPct, p.primal, p.dual]);
  return {
    modelName: input.modelName(sel.modelId),
    seed: sel.seed,
    series,
    table: { columns: ['option set', 'repetition', 'time (ms)', 'gap (%)', 'primal bound', 'dual bound'], rows },
  };
}

/** A sentence for a side without a curve (null for 'ok'). */
export function gapStateMessage(s: GapSeries): string | null {
  switch (s.state) {
    case 'ok':
      return null;
    case 'no-run':
      return `${s.name}: no run of this model and seed.`;
    case 'failed':
      return `${s.name}: the run failed${s.error ? ` (${s.error})` : ''}; no gap trace.`;
    case 'no-trace':
      return `${s.name}: no gap trace recorded for this run (a report from before gap traces were kept).`;
    case 'empty':
      return `${s.name}: the solver reported no bounds during the solve (solved before branching).`;
  }
}
