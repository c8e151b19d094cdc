// Per-model speedup of each non-reference option set against the reference, sorted, beside the overall
// ratio and its 95 % bootstrap interval from the summary. A model's speedup is the reference's shifted
// geometric mean ÷ the set's over the seeds both ran (the summary's shift), so above 1 the set is faster:
// the chart's legend says "reference time ÷ set time", the direction the bars are drawn in.
//
// Per model, the chart shows the range of the per-seed ratios (reference time ÷ set time on each seed), not
// a confidence interval: a model has only a handful of seeds (2–5), too few for a bootstrap over seeds to
// mean anything; the range says honestly how much the seeds disagree.
//
// Unsolved problems are charged the time limit, so a ratio with an unsolved side is a bound, not a
// measurement (as in Mittelmann's and Gurobi's benchmark tables): a seed unsolved by both sets says nothing
// about speed and is left out; a model with no other seed is listed apart ("unsolved by both"), never drawn
// as a plain 1.0×; a model where only one side hit the limit on some seed is marked ≤ (the set's time is at
// least what is charged, so the speedup is at most the bar) or ≥ (the reference's), and ± when both did on
// different seeds.
import type { Speedup } from '../benchmark';
import { shiftedGeometricMean } from '../stats/sgm';
import { logAxisBounds } from './axis';
import type { ChartInput } from './context';
import { evenlySpacedIndices, type ChartTable } from './table';

// Thousands of bars are neither readable nor cheap: past this many models the chart draws evenly spaced
// models of the sorted list (the slowest and the fastest included), which keeps the distribution's shape.
/** Most models one speedup chart draws. */
export const MAX_SPEEDUP_MODELS = 80;

/**
 * What a model's ratio is, given the seeds that hit the limit: 'exact' (every compared seed solved on both
 * sides), 'at-most' (the set was unsolved on some seed), 'at-least' (the reference was), 'mixed' (both, on
 * different seeds: no direction).
 */
export type SpeedupBound = 'exact' | 'at-most' | 'at-least' | 'mixed';

/** One model's speedup. */
export interface ModelSpeedup {
  modelId: string;
  name: string;
  /** Seeds compared: both sets ran them and at least one solved them. */
  seeds: number;
  /** Reference SGM ÷ set SGM over those seeds (above 1: the set is faster). */
  ratio: number;
  /** 'faster' above 1, 'slower' below, 'same' at exactly 1: the bar's colour and legend entry. */
  tone: 'faster' | 'slower' | 'same';
  /** Smallest and largest per-seed ratio (reference time ÷ set time); null when no seed has one. */
  seedLow: number | null;
  seedHigh: number | null;
  /** Compared seeds where only the reference, or only the set, was unsolved (charged the limit). */
  unsolved: { reference: number; set: number };
  bound: SpeedupBound;
}

/** A model left out because every seed both sets ran was unsolved by both. */
export interface UnsolvedModel {
  modelId: string;
  name: string;
  seeds: number;
}

/** The legend entries, worded in the direction the bars are drawn. */
export interface SpeedupLegend {
  /** What a bar is: "HiGHS defaults time ÷ presolve off time". */
  ratio: string;
  faster: string;
  slower: string;
  same: string;
  seedRange: string;
}

/** The speedup chart of one option set against the reference. */
export interface SpeedupChart {
  optionSetId: string;
  name: string;
  referenceName: string;
  legend: SpeedupLegend;
  /** Drawn models, ascending by ratio. */
  models: ModelSpeedup[];
  /** Models with a defined speedup in all, drawn or not. */
  totalModels: number;
  /** Models left out because the set's time was 0 while the reference's was not (no finite ratio). */
  undefinedModels: number;
  /** Models left out because both sets left every common seed unsolved (no ratio to draw). */
  unsolvedByBoth: UnsolvedModel[];
  /** The summary's overall speedup and interval; null when it has none. */
  overall: Speedup | null;
  /** The value axis (log): 1, every bar, seed range and the overall interval, with room around them. */
  yRange: { min: number; max: number };
  table: ChartTable;
}

/** a ÷ b for times: 1 when both are 0, null when only b is 0 (as the summary's ratio). */
function timeRatio(a: number, b: number): number | null {
  if (b === 0) return a === 0 ? 1 : null;
  const r = a / b;
  return Number.isFinite(r) ? r : null;
}

/** What a ratio is worth, from the seeds where only one side was unsolved. */
function boundOf(unsolved: { reference: number; set: number }): SpeedupBound {
  if (unsolved.reference === 0 && unsolved.set === 0) return 'exact';
  if (unsolved.reference === 0) return 'at-most';
  if (unsolved.set === 0) return 'at-least';
  return 'mixed';
}

/** The mark before a bound model's name on the axis: ≤, ≥ or ± ('' for an exact ratio). */
export function speedupBoundMark(bound: SpeedupBound): string {
  return bound === 'at-most' ? '≤' : bound === 'at-least' ? '≥' : bound === 'mixed' ? '±' : '';
}

/** The legend of a set against the reference, in the bars' direction (reference time ÷ set time). */
export function speedupLegend(name: string, referenceName: string): SpeedupLegend {
  const ratio = `${referenceName} time ÷ ${name} time`;
  return {
    ratio,
    faster: `${name} faster (${ratio} above 1)`,
    slower: `${name} slower (${ratio} below 1)`,
    same: `no difference (${ratio} = 1)`,
    seedRange: 'range of the per-seed ratios',
  };
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
      const unsolvedByBoth: UnsolvedModel[] = [];
      let undefinedModels = 0;
      for (const m of input.models) {
        const refSeeds = ref.get(m.id);
        const setSeeds = index.get(m.id);
        if (!refSeeds || !setSeeds) continue;
        const refTimes: number[] = [];
        const setTimes: number[] = [];
        const perSeed: number[] = [];
        const unsolved = { reference: 0, set: 0 };
        let common = 0;
        for (const [seed, p] of refSeeds) {
          const q = setSeeds.get(seed);
          if (!q) continue;
          common++;
          if (!p.solved && !q.solved) continue; // both charged the limit: nothing to compare
          if (!p.solved) unsolved.reference++;
          if (!q.solved) unsolved.set++;
          refTimes.push(p.timeMs);
          setTimes.push(q.timeMs);
          const r = timeRatio(p.timeMs, q.timeMs);
          if (r !== null) perSeed.push(r);
        }
        if (common === 0) continue;
        if (refTimes.length === 0) {
          unsolvedByBoth.push({ modelId: m.id, name: m.name, seeds: common });
          continue;
        }
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
          tone: ratio > 1 ? 'faster' : ratio < 1 ? 'slower' : 'same',
          seedLow: perSeed.length > 0 ? Math.min(...perSeed) : null,
          seedHigh: perSeed.length > 0 ? Math.max(...perSeed) : null,
          unsolved,
          bound: boundOf(unsolved),
        });
      }
      all.sort((a, b) => a.ratio - b.ratio);
      const models = evenlySpacedIndices(all.length, maxModels).map((i) => all[i]);
      const overall = input.summary.optionSets.find((s) => s.optionSetId === set.id)?.speedup ?? null;
      // low/high: a model's range over seeds; the overall row's 95 % bootstrap interval.
      const rows: ChartTable['rows'] = models.map((m) => [
        'model',
        m.name,
        m.seeds,
        m.ratio,
        m.seedLow,
        m.seedHigh,
        m.unsolved.reference,
        m.unsolved.set,
        m.bound,
      ]);
      for (const u of unsolvedByBoth)
        rows.push(['unsolved by both', u.name, u.seeds, null, null, null, u.seeds, u.seeds, null]);
      if (overall)
        rows.push(['overall', null, null, overall.ratio, overall.ci95[0], overall.ci95[1], null, null, null]);
      const drawn = [1, ...(overall ? overall.ci95 : [])];
      for (const m of models) drawn.push(m.ratio, m.seedLow ?? m.ratio, m.seedHigh ?? m.ratio);
      return {
        optionSetId: set.id,
        name: set.name,
        referenceName: input.setName(refId),
        legend: speedupLegend(set.name, input.setName(refId)),
        models,
        totalModels: all.length,
        undefinedModels,
        unsolvedByBoth,
        overall,
        yRange: logAxisBounds(drawn)!,
        table: {
          columns: [
            'kind',
            'model',
            'seeds',
            'speedup (reference ÷ set)',
            'low',
            'high',
            'unsolved seeds (reference)',
            'unsolved seeds (set)',
            'bound',
          ],
          rows,
        },
      };
    });
}
