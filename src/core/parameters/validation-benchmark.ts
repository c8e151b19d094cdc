// The pure parts of #/parameters' validations: the templates option sets are blessed for, the small
// benchmark that measures a candidate against a reference, the benchmark and time target of a template
// validation, the work ratio of two summaries' counters, and the file names of exported sets.
import type { BenchmarkDefinition, OptionSet, TemplateSpec } from '../benchmark';
import { DEFAULT_LIBRARY_FILES } from '../default-benchmark';
import type { OptionValues } from '../options-schema';
import { GENERATORS, generatorInfo } from '../templates';
import type { BlessedSet } from './blessed';

/** A template option sets are blessed for: a generator id, or 'library' (the built-in models), as the benchmark editor names them. */
export interface ParameterTemplate {
  id: string;
  name: string;
}

/** The templates of the view: every generator, then the library. */
export const PARAMETER_TEMPLATES: readonly ParameterTemplate[] = [
  ...GENERATORS.map((g) => ({ id: g.id, name: g.name })),
  { id: 'library', name: 'Library models' },
];

/**
 * The candidate's work ÷ the reference's: the largest ratio over the work counters' shifted geometric means that
 * either side has (a counter that is 0 on both sides, e.g. IPM iterations of a MIP, is skipped); null when none.
 */
export function workRatioOf(
  cand: Readonly<Record<string, number | null>>,
  ref: Readonly<Record<string, number | null>>,
): number | null {
  let worst: number | null = null;
  for (const name of Object.keys(cand)) {
    const c = cand[name];
    const r = ref[name];
    if (c === null || r === null || (c === 0 && r === 0)) continue;
    const ratio = r === 0 ? Infinity : c / r;
    worst = worst === null ? ratio : Math.max(worst, ratio);
  }
  return worst;
}

/** How many of a generator's default sizes the validation benchmark uses (the smallest). */
export const VALIDATION_SIZES = 2;
/** HiGHS random_seed values of the validation benchmark. */
export const VALIDATION_SEEDS: readonly number[] = [1, 2];
/** Time limit per run of the validation benchmark, ms. */
export const VALIDATION_TIME_LIMIT_MS = 10_000;

/** The template of a benchmark editor's template (a generator's id, 'library'), or null (the user's files have none). */
export function parameterTemplateOf(t: { kind: string; generator?: string }): string | null {
  if (t.kind === 'generator') return t.generator ?? null;
  return t.kind === 'library' ? 'library' : null;
}

/**
 * The small benchmark that measures a candidate for a template: the generator's smallest default
 * sizes (one instance) or the library's default models; the reference (current blessed set or the
 * defaults) first, then the candidate; two random_seed values, warm-up on.
 */
export function validationBenchmark(
  template: string,
  reference: OptionSet,
  candidate: OptionValues,
  libraryFiles: readonly string[],
  workers: number,
): BenchmarkDefinition {
  const g = generatorInfo(template);
  let spec: TemplateSpec;
  if (g)
    spec = {
      kind: 'generator',
      id: g.id,
      name: g.name,
      generator: g.id,
      sizes: g.defaultSizes.slice(0, VALIDATION_SIZES),
      instanceSeeds: [1],
      symmetryBreaking: false,
    };
  else {
    const files = DEFAULT_LIBRARY_FILES.filter((f) => libraryFiles.includes(f));
    spec = {
      kind: 'library',
      id: 'library',
      name: 'Library models',
      files: files.length ? files : libraryFiles.slice(0, 3),
    };
  }
  return {
    name: `validate ${template} candidate`,
    templates: [spec],
    optionSets: [
      { id: 'reference', name: reference.name, options: { ...reference.options } },
      { id: 'candidate', name: 'candidate', options: { ...candidate } },
    ],
    referenceOptionSetId: 'reference',
    config: { timeLimitMs: VALIDATION_TIME_LIMIT_MS, seeds: [...VALIDATION_SEEDS], repetitions: 1, warmup: true },
    workers: Math.max(1, workers),
  };
}

/** How many instance seeds a template validation solves by default. */
export const TEMPLATE_VALIDATION_COUNT = 5;
/** The time target of a template validation by default: this × the blessed set's estimated solve time. */
export const TEMPLATE_TARGET_FACTOR = 3;
/** The time target when the blessed set has no estimated solve time, ms. */
export const TEMPLATE_TARGET_FALLBACK_MS = 5_000;
/** The option set id of the blessed set in a template validation benchmark. */
export const TEMPLATE_VALIDATION_SET_ID = 'blessed';

/**
 * The benchmark of a template validation: the blessed set alone on N instances of the template — a
 * generator's smallest VALIDATION_SIZES default sizes with instance seeds 1..N, or the library's default
 * models; one random_seed, warm-up on, a time limit of at least twice the target.
 */
export function templateValidationBenchmark(
  template: string,
  blessed: { name: string; options: OptionValues },
  count: number,
  targetMs: number,
  libraryFiles: readonly string[],
  workers: number,
): BenchmarkDefinition {
  const def = validationBenchmark(template, { id: 'reference', name: '', options: {} }, {}, libraryFiles, workers);
  const templates = def.templates.map((t) =>
    t.kind === 'generator' ? { ...t, instanceSeeds: Array.from({ length: count }, (_, i) => i + 1) } : t,
  );
  return {
    name: `validate template ${template}`,
    templates,
    optionSets: [{ id: TEMPLATE_VALIDATION_SET_ID, name: `blessed: ${blessed.name}`, options: { ...blessed.options } }],
    referenceOptionSetId: TEMPLATE_VALIDATION_SET_ID,
    config: {
      timeLimitMs: Math.max(VALIDATION_TIME_LIMIT_MS, Math.ceil(2 * targetMs)),
      seeds: [VALIDATION_SEEDS[0]],
      repetitions: 1,
      warmup: true,
    },
    workers: Math.max(1, workers),
  };
}

/** The default time target of a blessed set's template validation, ms. */
export function defaultTargetMs(set: Pick<BlessedSet, 'estimatedSolveMs'> | null): number {
  const est = set?.estimatedSolveMs;
  return est && est > 0 ? Math.ceil(est * TEMPLATE_TARGET_FACTOR) : TEMPLATE_TARGET_FALLBACK_MS;
}

/** The file name an exported set gets: `<template>-<name>` with anything but letters, digits, '-' and '_' made '-'. */
export function exportFileName(template: string, name: string, ext: string): string {
  const safe = `${template}-${name}`.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/-+/g, '-');
  return `${safe}.${ext}`;
}
