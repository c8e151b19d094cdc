// The benchmark the #/benchmark view's editor opens on ("Quick start"): a few small library models and
// small generated knapsacks, HiGHS's defaults against presolve off, two seeds. Small enough to finish
// in well under a minute in a browser; the editor starts from it after every reload.
import type { BenchmarkDefinition, OptionSet, TemplateSpec } from './benchmark';

/** The library models it uses when the library has them (the first few found, in this order). */
export const DEFAULT_LIBRARY_FILES: readonly string[] = ['afiro.mps', 'blending.mps', 'flugpl.mps'];

/** The knapsack sizes (items) it generates. */
export const DEFAULT_KNAPSACK_SIZES: readonly number[] = [10, 20, 30];

/** The option sets it compares; the first is the reference. */
export const DEFAULT_OPTION_SETS: readonly OptionSet[] = [
  { id: 'defaults', name: 'HiGHS defaults', options: {} },
  { id: 'no-presolve', name: 'presolve off', options: { presolve: 'off' } },
];

/**
 * The "Quick start" benchmark: of `libraryFiles` (the library's file names) those of
 * DEFAULT_LIBRARY_FILES it has, plus knapsacks; run on `workers` workers (at least 1).
 */
export function defaultBenchmark(libraryFiles: readonly string[], workers: number): BenchmarkDefinition {
  const available = new Set(libraryFiles);
  const files = DEFAULT_LIBRARY_FILES.filter((f) => available.has(f));
  const templates: TemplateSpec[] = [];
  if (files.length) templates.push({ kind: 'library', id: 'library', name: 'Library models', files });
  templates.push({
    kind: 'generator',
    id: 'knapsack',
    name: '0-1 knapsack',
    generator: 'knapsack',
    sizes: [...DEFAULT_KNAPSACK_SIZES],
    instanceSeeds: [1],
    symmetryBreaking: false,
  });
  return {
    name: 'Quick start',
    templates,
    optionSets: DEFAULT_OPTION_SETS.map((o) => ({ ...o, options: { ...o.options } })),
    referenceOptionSetId: DEFAULT_OPTION_SETS[0].id,
    config: { timeLimitMs: 10_000, seeds: [1, 2], repetitions: 1, warmup: true },
    workers: Math.max(1, Math.floor(Number.isFinite(workers) ? workers : 1)),
  };
}
