// Per-model speedup of each non-reference option set against the reference, sorted, beside the overall
// ratio and its 95 % bootstrap interval from the summary. A model's speedup is the reference's shifted
// geometric mean ÷ the set's over the seeds both ran (the summary's shift), so above 1 is faster.
//
// Per model, the chart shows the range of the per-seed ratios (reference time ÷ set time on each seed), not
// a confidence interval: a model has only a handful of seeds (2–5), too few for a bootstrap over seeds to
// mean anything; the range says honestly how much the seeds disagree.
import type { Speedup } from '../benchmark';
import { shiftedGeometricMean } from '../stats/sgm';
import type { ChartInput } from './context';
import { evenlySpacedIndices, type ChartTable } from './table';

// Thousands of bars are neither readable nor cheap: past this many models the chart draws evenly spaced
// models of the sorted list (the slowest and the fastest included), which keeps the distribution's shape.
/** Most models one speedup chart draws. */
export const MAX_SPEEDUP_MODELS = 80;

/** One model's speedup. */
export interface ModelSpeedup {
  modelId: string;
  name: string;
  /** Seeds both the reference and the set ran. */
  seeds: number;
  /** Reference SGM ÷ set SGM over those seeds. */
  ratio: number;
  /** Smallest and largest per-seed ratio (reference time ÷ set time); null when no seed has one. */
  seedLow: number | null;
  seedHigh: number | null;
}

/** The speedup chart of one option set against the reference. */
export interface SpeedupChart {
  optionSetId: string;
  name: string;
  referenceName: string;
  /** Drawn models, ascending by ratio. */
  models: ModelSpeedup[];
  /** Models with a defined speedup in all, drawn or not. */
  totalModels: number;
  /** Models left out because the set's time was 0 while the reference's was not (no finite ratio). */
  undefinedModels: number;
  /** The summary's overall speedup and interval; null when it has none. */
  overall: Speedup | null;
  table: ChartTable;
}

/** a ÷ b for times: 1 when both are 0, null when only b is 0 (as the summary's ratio). */
function timeRatio(a: number, b: number): number | null {
  if (b === 0) return a === 0 ? 1 : null;
  const r = a / b;
  return Number.isFinite(r) ? r : null;
}

/** One speedup chart per non-reference option set, in the listed order. */
export function speedupCharts(input: ChartInput, maxModels: number = MAX_SPEEDUP_MODELS): SpeedupChart[] {
  const refId = input.data.referenceOptionSetId;
  const ref = input.problems.get(refId);
  if (!ref) return [];
  const shift = input.summary.shiftMs;
  return input.optionSets
    .filter((s) => s.id !== refId)
    .map((set): SpeedupChart => {
      const index = input.problems.get(set.id)!;
      const all: ModelSpeedup[] = [];
      let undefinedModels = 0;
      for (const m of input.models) {
        const refSeeds = ref.get(m.id);
        const setSeeds = index.get(m.id);
        if (!refSeeds || !setSeeds) continue;
        const refTimes: number[] = [];
        const setTimes: number[] = [];
        const perSeed: number[] = [];
        for (const [seed, p] of refSeeds) {
          const q = setSeeds.get(seed);
          if (!q) continue;
          refTimes.push(p.timeMs);
          setTimes.push(q.timeMs);
          const r = timeRatio(p.timeMs, q.timeMs);
          if (r !== null) perSeed.push(r);
        }
        if (refTimes.length === 0) continue;
        const ratio = timeRatio(shiftedGeometricMean(refTimes, shift)!, shiftedGeometricMean(setTimes, shift)!);
        if (ratio === null) {
          undefinedModels++;
          continue;
        }
        all.push({
          modelId: m.id,
          name: m.name,
          seeds: refTimes.length,
          ratio,
          seedLow: perSeed.length > 0 ? Math.min(...perSeed) : null,
          seedHigh: perSeed.length > 0 ? Math.max(...perSeed) : null,
        });
      }
      all.sort((a, b) => a.ratio - b.ratio);
      const models = evenlySpacedIndices(all.length, maxModels).map((i) => all[i]);
      const overall = input.summary.optionSets.find((s) => s.optionSetId === set.id)?.speedup ?? null;
      // low/high: a model's range over seeds; the overall row's 95 % bootstrap interval.
      const rows: ChartTable['rows'] = models.map((m) => ['model', m.name, m.seeds, m.ratio, m.seedLow, m.seedHigh]);
      if (overall) rows.push(['overall', null, null, overall.ratio, overall.ci95[0], overall.ci95[1]]);
      return {
        optionSetId: set.id,
        name: set.name,
        referenceName: input.setName(refId),
        models,
        totalModels: all.length,
        undefinedModels,
        overall,
        table: { columns: ['kind', 'model', 'seeds', 'speedup', 'low', 'high'], rows },
      };
    });
}
