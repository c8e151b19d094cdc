// The comparison chart of two benchmarks: for one matched option set, per matched model the time ratio B ÷ A
// (below 1: B is faster; the figure the comparison's tables lead with), sorted, beside the set's overall
// ratio and its 95 % paired bootstrap interval, with the models whose correctness changed (an error-severity
// difference for that model and set: an objective or a proved status that changed, a run that became wrong)
// marked, so that a model that got faster by getting wrong stands out. Each bar and the overall ratio carry
// the comparison's time decision (core/decision's one rule) and its label: only a real difference is
// "B slower"/"B faster"; one within noise is labelled so, one the rule cannot settle is undetermined.
import type { Speedup } from '../benchmark';
import { timeCallLabel } from '../compare/compare';
import type {
  BenchmarkComparison,
  ComparisonTone,
  DifferenceKind,
  OptionSetComparison,
  SidePair,
  TimeCallLabel,
} from '../compare/types';
import type { TimeDecision } from '../decision';
import { evenlySpacedIndices, type ChartTable } from './table';

// As the speedup chart: thousands of bars are neither readable nor cheap to draw.
/** Most models one comparison chart draws. */
export const MAX_COMPARISON_MODELS = 80;

/** A matched option set the chart can show. */
export interface ComparisonChartChoice {
  optionSetKey: string;
  /** A's name, or "A's / B's" when the two sides name the set differently. */
  name: string;
}

/** One model's bar. */
export interface ComparisonBar {
  modelId: string;
  name: string;
  /** Seeds both sides ran. */
  seeds: number;
  /** The pair's shifted geometric mean times, ms. */
  timeMs: SidePair<number>;
  /** B ÷ A of the times (below 1: B is faster); finite and above 0. */
  timeRatio: number;
  /** True when the comparison lists an error-severity difference for this model and option set. */
  correctnessChanged: boolean;
  /** The kinds of those differences, in the comparison's order (most serious first), each once. */
  errorKinds: DifferenceKind[];
  /** The pair's time decision (core/decision), and its label: the bar's colour follows label.tone. */
  decision: TimeDecision;
  label: TimeCallLabel;
}

/** The comparison chart of one matched option set. */
export interface ComparisonChart {
  optionSetKey: string;
  name: string;
  /** Drawn models, ascending by time ratio (B's biggest gains first). */
  bars: ComparisonBar[];
  /** Models with a drawable ratio, drawn or not. */
  totalModels: number;
  /** Of those, the ones whose correctness changed (all of them are drawn unless they alone exceed the cap). */
  changedModels: number;
  /** Models without a common seed (run by one side only): no ratio. */
  noCommonSeeds: number;
  /** Models with common seeds but no ratio for a log axis (a side's time was 0 ms). */
  zeroTimeModels: number;
  /** Of the models left out (no common seed, 0 ms), those whose correctness changed. */
  changedNotDrawn: number;
  /**
   * False when the comparison counted more error-severity differences than it lists (it lists at most
   * MAX_LISTED_DIFFERENCES), so a model's flag may be missing.
   */
  correctnessComplete: boolean;
  /** The set's overall B ÷ A with its 95 % bootstrap interval; null when it has none. */
  overall: Speedup | null;
  /** The set's time decision (core/decision, paired by (model, seed)) and its label. */
  overallDecision: TimeDecision;
  overallLabel: TimeCallLabel;
  /** Drawable models per tone of their label (drawn or not), for the legend. */
  tones: Record<ComparisonTone, number>;
  table: ChartTable;
}

/** The name the comparison panel gives a matched option set. */
function setName(s: OptionSetComparison): string {
  return s.a.name === s.b.name ? s.a.name : `${s.a.name} / ${s.b.name}`;
}

/** The matched option sets in the comparison's order (A's), for the chart's choice of set. */
export function comparisonChartChoices(comparison: BenchmarkComparison): ComparisonChartChoice[] {
  return comparison.summaries.map((s) => ({ optionSetKey: s.optionSetKey, name: setName(s) }));
}

// Thinning must not hide what the chart is for: every flagged model is kept (evenly spaced among themselves
// only when they alone exceed the cap), and the rest of the cap goes to evenly spaced unflagged models, so the
// sorted distribution keeps its shape.
/** Indices 0..n−1 thinned to at most k, keeping every index with keep[i] (up to k), sorted. */
export function thinKeeping(n: number, k: number, keep: readonly boolean[]): number[] {
  if (n <= k) return Array.from({ length: n }, (_, i) => i);
  const kept: number[] = [];
  const others: number[] = [];
  for (let i = 0; i < n; i++) (keep[i] ? kept : others).push(i);
  if (kept.length >= k) return evenlySpacedIndices(kept.length, k).map((i) => kept[i]);
  const picked = evenlySpacedIndices(others.length, k - kept.length).map((i) => others[i]);
  return [...kept, ...picked].sort((x, y) => x - y);
}

/** The comparison chart of the matched option set optionSetKey; null when the comparison has no such set. */
export function comparisonChart(
  comparison: BenchmarkComparison,
  optionSetKey: string,
  maxModels: number = MAX_COMPARISON_MODELS,
): ComparisonChart | null {
  const summary = comparison.summaries.find((s) => s.optionSetKey === optionSetKey);
  if (!summary) return null;

  const errorKinds = new Map<string, DifferenceKind[]>();
  let listedErrors = 0;
  for (const d of comparison.differences) {
    if (d.severity !== 'error') continue;
    listedErrors++;
    if (d.optionSetKey !== optionSetKey) continue;
    const kinds = errorKinds.get(d.modelId) ?? [];
    if (!kinds.includes(d.kind)) kinds.push(d.kind);
    errorKinds.set(d.modelId, kinds);
  }

  const all: ComparisonBar[] = [];
  let noCommonSeeds = 0;
  let zeroTimeModels = 0;
  let changedNotDrawn = 0;
  for (const p of comparison.pairs) {
    if (p.optionSetKey !== optionSetKey) continue;
    const kinds = errorKinds.get(p.modelId) ?? [];
    const drawable = p.timeRatio !== null && p.timeRatio > 0 && p.timeMs.a !== null && p.timeMs.b !== null;
    if (!drawable) {
      if (p.seeds === 0) noCommonSeeds++;
      else zeroTimeModels++;
      if (kinds.length > 0) changedNotDrawn++;
      continue;
    }
    all.push({
      modelId: p.modelId,
      name: p.modelName,
      seeds: p.seeds,
      timeMs: { a: p.timeMs.a!, b: p.timeMs.b! },
      timeRatio: p.timeRatio!,
      correctnessChanged: kinds.length > 0,
      errorKinds: kinds,
      decision: p.decision,
      label: timeCallLabel(p.decision),
    });
  }
  // Stable: equal ratios keep A's model order.
  all.sort((x, y) => x.timeRatio - y.timeRatio);
  const bars = thinKeeping(
    all.length,
    maxModels,
    all.map((b) => b.correctnessChanged),
  ).map((i) => all[i]);

  const overall = summary.timeRatio;
  const overallLabel = timeCallLabel(summary.decision);
  const tones: Record<ComparisonTone, number> = { slower: 0, faster: 0, noise: 0, undetermined: 0 };
  for (const b of all) tones[b.label.tone]++;
  // The decision's columns: its call and label, its ratio with its 95 % interval and p (empty without an
  // interval), and its n: runs of A and B and, when paired, the (model, seed) pairs.
  const decisionCells = (d: TimeDecision, label: TimeCallLabel): ChartTable['rows'][number] => [
    d.call,
    label.text,
    d.ratio,
    d.ci95?.[0] ?? null,
    d.ci95?.[1] ?? null,
    d.p,
    d.n.ref,
    d.n.cand,
    d.method === 'paired' ? d.n.pairs : null,
  ];
  // problems: a model's common seeds, or the set's common (model, seed) pairs; low/high: only the overall row
  // has an interval (the set's 95 % bootstrap interval of B ÷ A).
  const rows: ChartTable['rows'] = bars.map((b) => [
    'model',
    b.name,
    b.modelId,
    b.seeds,
    b.timeMs.a,
    b.timeMs.b,
    b.timeRatio,
    null,
    null,
    b.correctnessChanged ? 'changed' : 'same',
    b.errorKinds.join(' '),
    ...decisionCells(b.decision, b.label),
  ]);
  if (overall)
    rows.push([
      'overall',
      null,
      null,
      summary.problems,
      summary.sgmTimeMs.a,
      summary.sgmTimeMs.b,
      overall.ratio,
      overall.ci95[0],
      overall.ci95[1],
      null,
      null,
      ...decisionCells(summary.decision, overallLabel),
    ]);
  return {
    optionSetKey,
    name: setName(summary),
    bars,
    totalModels: all.length,
    changedModels: all.filter((b) => b.correctnessChanged).length,
    noCommonSeeds,
    zeroTimeModels,
    changedNotDrawn,
    correctnessComplete: listedErrors >= comparison.counts.error,
    overall,
    overallDecision: summary.decision,
    overallLabel,
    tones,
    table: {
      columns: [
        'kind',
        'model',
        'model id',
        'problems',
        'time A (ms)',
        'time B (ms)',
        'time ratio B ÷ A',
        'low',
        'high',
        'correctness',
        'error kinds',
        'call',
        'decision',
        'decision ratio',
        'decision low',
        'decision high',
        'p',
        'runs A',
        'runs B',
        'pairs',
      ],
      rows,
    },
  };
}
