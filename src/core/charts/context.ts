// What every chart builder starts from, computed once per benchmark: the problems (model, seed) per option
// set exactly as the summary defines them, and the names to label them with.
import type { BenchmarkData, BenchmarkModel, OptionSet } from '../benchmark';
import { indexProblems, type ProblemIndex } from '../stats/problems';
import type { BenchmarkSummary } from '../stats/summary';

/** A benchmark prepared for its charts: raw data, summary, problems per option set and names. */
export interface ChartInput {
  data: BenchmarkData;
  summary: BenchmarkSummary;
  /** The listed models, first of each id. */
  models: BenchmarkModel[];
  /** The listed option sets, first of each id. */
  optionSets: OptionSet[];
  /** Option set id → model id → seed → problem (the summary's definition: median of charged times). */
  problems: Map<string, ProblemIndex>;
  modelName(id: string): string;
  setName(id: string): string;
}

/** Prepares a benchmark for its charts (one pass over the runs, shared by every builder). */
export function chartInput(data: BenchmarkData, summary: BenchmarkSummary): ChartInput {
  const seenModels = new Set<string>();
  const models = data.models.filter((m) => !seenModels.has(m.id) && seenModels.add(m.id));
  const seenSets = new Set<string>();
  const optionSets = data.optionSets.filter((s) => !seenSets.has(s.id) && seenSets.add(s.id));
  const problems = indexProblems(
    data.runs,
    seenModels,
    optionSets.map((s) => s.id),
    data.config.timeLimitMs,
  );
  const modelNames = new Map(models.map((m) => [m.id, m.name]));
  const setNames = new Map(optionSets.map((s) => [s.id, s.name]));
  return {
    data,
    summary,
    models,
    optionSets,
    problems,
    modelName: (id) => modelNames.get(id) ?? id,
    setName: (id) => setNames.get(id) ?? id,
  };
}
