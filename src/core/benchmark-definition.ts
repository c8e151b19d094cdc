// A benchmark definition checked field by field: what the editor shows next to each field and what
// the runner refuses (benchmark-session's checkDefinition throws the first issue found here), so the
// form and the runner can never disagree. Also the editor's text form of a definition (lists and
// numbers as typed) read back into a definition, the number of runs a definition plans, and what
// differs between two definitions (the note that results on screen ran an earlier one).
import { optionSetRunsOn, type BenchmarkDefinition, type OptionSet, type TemplateSpec } from './benchmark';
import type { OptionValues } from './options-schema';
import { generatorInfo } from './templates';

/** One thing wrong with a definition: the field it is about (a path such as `templates.0.sizes`) and what is wrong. */
export interface DefinitionIssue {
  field: string;
  message: string;
}

/** What the check may know besides the definition: the library's files (absent: library files are not checked). */
export interface DefinitionContext {
  libraryFiles?: readonly string[];
}

/** HiGHS's random_seed range (kHighsIInf is 2^31 − 1). */
export const RANDOM_SEED_MAX = 2_147_483_647;
/** The generators' instanceSeed range. */
export const INSTANCE_SEED_MAX = 0xffffffff;
/** Most repetitions of each run. */
export const MAX_REPETITIONS = 100;
/** Most workers a benchmark asks for. */
export const MAX_WORKERS = 64;
/** Longest time limit per run, ms (one day). */
export const MAX_TIME_LIMIT_MS = 86_400_000;
/** Most runs one benchmark may plan (a larger plan is refused before anything runs). */
export const MAX_PLANNED_RUNS = 100_000;
/** Longest benchmark, template and option set name. */
export const MAX_NAME_LENGTH = 200;

const SHA256_RE = /^[0-9a-f]{64}$/;

/**
 * What a definition plans: the distinct models, and the runs (models × option sets × seeds × repetitions,
 * where an option set scoped to templates counts only on their models).
 */
export interface PlannedRuns {
  models: number;
  optionSets: number;
  seeds: number;
  repetitions: number;
  /** Option sets scoped to some of the templates (they run only on those templates' models). */
  scopedOptionSets: number;
  runs: number;
}

/**
 * The runs a definition plans. Models are counted by their source (library file, stored file id,
 * generator × size × instanceSeed × switch), each once under its first template, as the runner keeps
 * each model once; an option set scoped to templates counts only on their models, as the plan runs it.
 */
export function plannedRuns(def: BenchmarkDefinition): PlannedRuns {
  const templateOf = new Map<string, string>();
  const add = (key: string, template: string) => {
    if (!templateOf.has(key)) templateOf.set(key, template);
  };
  for (const t of def.templates) {
    if (t.kind === 'library') for (const f of t.files) add(`library:${f}`, t.id);
    else if (t.kind === 'files') for (const id of t.modelIds) add(`file:${id}`, t.id);
    else
      for (const size of t.sizes)
        for (const s of t.instanceSeeds) add(`gen:${t.generator}:${size}:${s}:${t.symmetryBreaking}`, t.id);
  }
  const optionSets = def.optionSets.length;
  const seeds = def.config.seeds.length;
  const repetitions = Number.isInteger(def.config.repetitions) ? Math.max(0, def.config.repetitions) : 0;
  let pairs = 0;
  for (const template of templateOf.values())
    pairs += def.optionSets.filter((o) => optionSetRunsOn(o, template)).length;
  const templateIds = def.templates.map((t) => t.id);
  const scopedOptionSets = def.optionSets.filter((o) => templateIds.some((t) => !optionSetRunsOn(o, t))).length;
  return {
    models: templateOf.size,
    optionSets,
    seeds,
    repetitions,
    scopedOptionSets,
    runs: pairs * seeds * repetitions,
  };
}

/** Repeated entries of a list, each once, in first-seen order. */
function repeats<T>(xs: readonly T[]): T[] {
  const seen = new Set<T>();
  const out = new Set<T>();
  for (const x of xs) (seen.has(x) ? out : seen).add(x);
  return [...out];
}

/** Issues with a list of whole numbers in [min, max]: empty, not whole, out of range, repeated. */
function integerListIssues(
  field: string,
  what: string,
  xs: readonly number[],
  min: number,
  max: number,
): DefinitionIssue[] {
  if (!Array.isArray(xs) || xs.length === 0) return [{ field, message: `${what}: give at least one value` }];
  const bad = xs.filter((x) => !Number.isInteger(x) || x < min || x > max);
  if (bad.length)
    return [{ field, message: `${what}: ${bad.join(', ')} — each must be a whole number in [${min}, ${max}]` }];
  const rep = repeats(xs);
  if (rep.length) return [{ field, message: `${what}: ${rep.join(', ')} repeated` }];
  return [];
}

function nameIssues(field: string, what: string, name: unknown): DefinitionIssue[] {
  if (typeof name !== 'string' || !name.trim()) return [{ field, message: `${what}: give a name` }];
  if (name.length > MAX_NAME_LENGTH) return [{ field, message: `${what}: at most ${MAX_NAME_LENGTH} characters` }];
  return [];
}

function templateIssues(t: TemplateSpec, i: number, ctx: DefinitionContext): DefinitionIssue[] {
  const at = `templates.${i}`;
  const label = `template '${t.name}'`;
  const out = nameIssues(`${at}.name`, `template ${i + 1}`, t.name);
  if (t.kind === 'library') {
    if (!t.files.length) out.push({ field: `${at}.files`, message: `${label}: pick at least one library model` });
    const rep = repeats(t.files);
    if (rep.length) out.push({ field: `${at}.files`, message: `${label}: ${rep.join(', ')} repeated` });
    if (ctx.libraryFiles) {
      const known = new Set(ctx.libraryFiles);
      const missing = t.files.filter((f) => !known.has(f));
      if (missing.length)
        out.push({ field: `${at}.files`, message: `${label}: ${missing.join(', ')} not in the model library` });
    }
  } else if (t.kind === 'files') {
    if (!t.modelIds.length) out.push({ field: `${at}.files`, message: `${label}: add at least one model file` });
    const bad = t.modelIds.filter((id) => !SHA256_RE.test(id));
    if (bad.length)
      out.push({ field: `${at}.files`, message: `${label}: ${bad.length} model id(s) are not SHA-256 hex digests` });
    if (repeats(t.modelIds).length) out.push({ field: `${at}.files`, message: `${label}: a model file is repeated` });
  } else {
    const g = generatorInfo(t.generator);
    if (!g) {
      out.push({ field: `${at}.generator`, message: `${label}: unknown generator '${t.generator}'` });
      return out;
    }
    out.push(...integerListIssues(`${at}.sizes`, `${label}: sizes (${g.sizeUnit})`, t.sizes, g.minSize, g.maxSize));
    out.push(
      ...integerListIssues(`${at}.instanceSeeds`, `${label}: instance seeds`, t.instanceSeeds, 0, INSTANCE_SEED_MAX),
    );
    if (typeof t.symmetryBreaking !== 'boolean')
      out.push({ field: `${at}.symmetryBreaking`, message: `${label}: symmetry breaking must be on or off` });
  }
  return out;
}

/** Issues with an option set's templates: an empty list, or a template the benchmark does not have. */
function scopeIssues(field: string, set: OptionSet, templates: readonly TemplateSpec[]): DefinitionIssue[] {
  if (set.templates === undefined) return [];
  if (!Array.isArray(set.templates) || set.templates.length === 0)
    return [
      { field, message: `option set '${set.name}': it runs on no template (remove it, or run it on every template)` },
    ];
  const known = new Set(templates.map((t) => t.id));
  const unknown = set.templates.filter((t) => !known.has(t));
  return unknown.length
    ? [{ field, message: `option set '${set.name}': runs on ${unknown.join(', ')}, not a template of this benchmark` }]
    : [];
}

function optionValuesIssues(field: string, set: OptionSet): DefinitionIssue[] {
  const o: OptionValues = set.options;
  if (!o || typeof o !== 'object' || Array.isArray(o))
    return [{ field, message: `option set '${set.name}': options must be an object` }];
  const bad = Object.entries(o).filter(
    ([, v]) => !(typeof v === 'boolean' || typeof v === 'string' || (typeof v === 'number' && !Number.isNaN(v))),
  );
  return bad.length
    ? [{ field, message: `option set '${set.name}': ${bad.map(([k]) => k).join(', ')} not a boolean, number or text` }]
    : [];
}

/**
 * Everything wrong with a definition, each issue with its field; [] when it can be planned and run.
 * The runner checks the same (benchmark-session's checkDefinition), without the library's files.
 */
export function validateDefinition(def: BenchmarkDefinition, ctx: DefinitionContext = {}): DefinitionIssue[] {
  const out: DefinitionIssue[] = nameIssues('name', 'benchmark', def.name);
  if (!def.templates.length)
    out.push({ field: 'templates', message: 'the benchmark has no templates: add models or a generator' });
  const tids = repeats(def.templates.map((t) => t.id));
  if (tids.length) out.push({ field: 'templates', message: `template ids repeat: ${tids.join(', ')}` });
  def.templates.forEach((t, i) => out.push(...templateIssues(t, i, ctx)));

  if (!def.optionSets.length) out.push({ field: 'optionSets', message: 'the benchmark has no option sets' });
  const ids = def.optionSets.map((o) => o.id);
  const rids = repeats(ids);
  if (rids.length) out.push({ field: 'optionSets', message: `option set ids repeat: ${rids.join(', ')}` });
  def.optionSets.forEach((o, i) => {
    out.push(...nameIssues(`optionSets.${i}.name`, `option set ${i + 1}`, o.name));
    out.push(...optionValuesIssues(`optionSets.${i}.options`, o));
    out.push(...scopeIssues(`optionSets.${i}.templates`, o, def.templates));
  });
  const names = repeats(def.optionSets.map((o) => o.name.trim()).filter(Boolean));
  if (names.length) out.push({ field: 'optionSets', message: `option set names repeat: ${names.join(', ')}` });
  if (def.optionSets.length && !ids.includes(def.referenceOptionSetId))
    out.push({
      field: 'referenceOptionSetId',
      message: `the reference option set '${def.referenceOptionSetId}' is not among the option sets: pick one`,
    });
  const reference = def.optionSets.find((o) => o.id === def.referenceOptionSetId);
  const missed = reference ? def.templates.filter((t) => !optionSetRunsOn(reference, t.id)) : [];
  if (missed.length)
    out.push({
      field: 'referenceOptionSetId',
      message: `the reference '${reference!.name}' must run on every template, not only on some (it skips ${missed.map((t) => t.name).join(', ')}): pick another reference`,
    });

  const { config } = def;
  out.push(...integerListIssues('config.seeds', 'HiGHS random_seed values', config.seeds, 0, RANDOM_SEED_MAX));
  if (!Number.isInteger(config.repetitions) || config.repetitions < 1 || config.repetitions > MAX_REPETITIONS)
    out.push({ field: 'config.repetitions', message: `repetitions must be a whole number in [1, ${MAX_REPETITIONS}]` });
  if (!Number.isFinite(config.timeLimitMs) || config.timeLimitMs <= 0 || config.timeLimitMs > MAX_TIME_LIMIT_MS)
    out.push({
      field: 'config.timeLimitMs',
      message: `the time limit per run must be a positive number of milliseconds, at most ${MAX_TIME_LIMIT_MS} (one day)`,
    });
  if (typeof config.warmup !== 'boolean') out.push({ field: 'config.warmup', message: 'warm-up must be on or off' });
  if (!Number.isInteger(def.workers) || def.workers < 1 || def.workers > MAX_WORKERS)
    out.push({ field: 'workers', message: `workers must be a whole number in [1, ${MAX_WORKERS}]` });

  if (!out.length) {
    const plan = plannedRuns(def);
    if (plan.runs > MAX_PLANNED_RUNS)
      out.push({ field: 'plan', message: `${plan.runs} planned runs: at most ${MAX_PLANNED_RUNS} in one benchmark` });
  }
  return out;
}

// ---- the editor's text form --------------------------------------------------------------------

/** A list as the user types it ("10, 20 30"): whole numbers separated by commas or spaces. */
export type ParsedList = { ok: true; values: number[] } | { ok: false; error: string };

/** Reads whole numbers separated by commas, semicolons or spaces; names the first entry that is not one. */
export function parseIntegerList(text: string): ParsedList {
  const parts = text
    .split(/[\s,;]+/)
    .map((s) => s.trim())
    .filter(Boolean);
  const values: number[] = [];
  for (const p of parts) {
    if (!/^[+-]?\d+$/.test(p)) return { ok: false, error: `'${p}' is not a whole number` };
    const v = Number(p);
    if (!Number.isSafeInteger(v)) return { ok: false, error: `'${p}' is too large` };
    values.push(v);
  }
  return { ok: true, values };
}

/** The time limit's unit in the editor. */
export type TimeUnit = 's' | 'ms';

/** A generator template in the editor: sizes and instance seeds as typed. */
export interface GeneratorDraft {
  kind: 'generator';
  id: string;
  name: string;
  generator: string;
  sizes: string;
  instanceSeeds: string;
  symmetryBreaking: boolean;
}

/** A template in the editor. */
export type TemplateDraft = Exclude<TemplateSpec, { kind: 'generator' }> | GeneratorDraft;

/** An option set in the editor, with what its option form found wrong (field by field). */
export interface OptionSetDraft extends OptionSet {
  optionErrors?: readonly string[];
}

/** A definition as the editor holds it: lists and numbers as typed. */
export interface DefinitionDraft {
  name: string;
  templates: TemplateDraft[];
  optionSets: OptionSetDraft[];
  referenceOptionSetId: string;
  /** HiGHS random_seed values. */
  seeds: string;
  repetitions: string;
  timeLimit: string;
  timeUnit: TimeUnit;
  warmup: boolean;
  workers: string;
}

const listText = (xs: readonly number[]): string => xs.join(', ');

/** An option set's id, name and (when scoped) its templates, copied. */
const setFields = (o: OptionSet): Omit<OptionSet, 'options'> =>
  o.templates === undefined ? { id: o.id, name: o.name } : { id: o.id, name: o.name, templates: [...o.templates] };

/** The editor's form of a definition (time limit in seconds when it is whole seconds). */
export function draftOf(def: BenchmarkDefinition): DefinitionDraft {
  const ms = def.config.timeLimitMs;
  const inSeconds = Number.isFinite(ms) && ms >= 1000 && ms % 1000 === 0;
  return {
    name: def.name,
    templates: def.templates.map((t) =>
      t.kind === 'generator'
        ? { ...t, sizes: listText(t.sizes), instanceSeeds: listText(t.instanceSeeds) }
        : t.kind === 'library'
          ? { ...t, files: [...t.files] }
          : { ...t, modelIds: [...t.modelIds] },
    ),
    optionSets: def.optionSets.map((o) => ({ ...setFields(o), options: { ...o.options } })),
    referenceOptionSetId: def.referenceOptionSetId,
    seeds: listText(def.config.seeds),
    repetitions: String(def.config.repetitions),
    timeLimit: String(inSeconds ? ms / 1000 : ms),
    timeUnit: inSeconds ? 's' : 'ms',
    warmup: def.config.warmup,
    workers: String(def.workers),
  };
}

/** A decimal number as typed, or NaN. */
function parseDecimal(text: string): number {
  const s = text.trim();
  return /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s) ? Number(s) : NaN;
}

/** A whole number as typed, or NaN. */
function parseWhole(text: string): number {
  const s = text.trim();
  return /^[+-]?\d+$/.test(s) ? Number(s) : NaN;
}

/**
 * The definition a draft stands for and everything wrong with it (what could not be read as typed,
 * then what validateDefinition finds, one issue per field at most from the reading).
 */
export function readDraft(
  draft: DefinitionDraft,
  ctx: DefinitionContext = {},
): { definition: BenchmarkDefinition; issues: DefinitionIssue[] } {
  const readIssues: DefinitionIssue[] = [];
  const list = (field: string, what: string, text: string): number[] => {
    const r = parseIntegerList(text);
    if (r.ok) return r.values;
    readIssues.push({ field, message: `${what}: ${r.error}` });
    return [];
  };
  const templates: TemplateSpec[] = draft.templates.map((t, i) =>
    t.kind === 'generator'
      ? {
          kind: 'generator',
          id: t.id,
          name: t.name,
          generator: t.generator,
          sizes: list(`templates.${i}.sizes`, `template '${t.name}': sizes`, t.sizes),
          instanceSeeds: list(`templates.${i}.instanceSeeds`, `template '${t.name}': instance seeds`, t.instanceSeeds),
          symmetryBreaking: t.symmetryBreaking,
        }
      : t,
  );
  draft.optionSets.forEach((o, i) => {
    if (o.optionErrors?.length)
      readIssues.push({
        field: `optionSets.${i}.options`,
        message: `option set '${o.name}': ${o.optionErrors.join('; ')}`,
      });
  });
  const seeds = list('config.seeds', 'HiGHS random_seed values', draft.seeds);
  const limit = parseDecimal(draft.timeLimit);
  const timeLimitMs = draft.timeUnit === 's' ? limit * 1000 : limit;
  if (Number.isNaN(limit))
    readIssues.push({
      field: 'config.timeLimitMs',
      message: `time limit per run: '${draft.timeLimit}' is not a number of ${draft.timeUnit === 's' ? 'seconds' : 'milliseconds'}`,
    });
  const definition: BenchmarkDefinition = {
    name: draft.name.trim(),
    templates,
    optionSets: draft.optionSets.map((o) => ({ ...setFields(o), name: o.name.trim(), options: { ...o.options } })),
    referenceOptionSetId: draft.referenceOptionSetId,
    config: {
      timeLimitMs: Number.isFinite(timeLimitMs) ? Math.round(timeLimitMs * 1000) / 1000 : timeLimitMs,
      seeds,
      repetitions: parseWhole(draft.repetitions),
      warmup: draft.warmup,
    },
    workers: parseWhole(draft.workers),
  };
  const read = new Set(readIssues.map((x) => x.field));
  const issues = [...readIssues, ...validateDefinition(definition, ctx).filter((x) => !read.has(x.field))];
  return { definition, issues };
}

// ---- what differs between two definitions ------------------------------------------------------

/** A part of a definition, as the note that results ran an earlier definition names it. */
export type DefinitionPart =
  'name' | 'templates' | 'option sets' | 'reference' | 'seeds' | 'repetitions' | 'time limit' | 'warm-up' | 'workers';

/** A value as canonical JSON: object keys sorted, so two equal definitions give the same text. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : v,
  );
}

/**
 * The parts in which definition `b` differs from `a`, in the editor's order ([] when they would run the
 * same benchmark). Option sets are compared with their names, options and templates; key order does not count.
 */
export function definitionChanges(a: BenchmarkDefinition, b: BenchmarkDefinition): DefinitionPart[] {
  const parts: [DefinitionPart, (d: BenchmarkDefinition) => unknown][] = [
    ['name', (d) => d.name],
    ['templates', (d) => d.templates],
    ['option sets', (d) => d.optionSets],
    ['reference', (d) => d.referenceOptionSetId],
    ['seeds', (d) => d.config.seeds],
    ['repetitions', (d) => d.config.repetitions],
    ['time limit', (d) => d.config.timeLimitMs],
    ['warm-up', (d) => d.config.warmup],
    ['workers', (d) => d.workers],
  ];
  return parts.filter(([, of]) => canonical(of(a)) !== canonical(of(b))).map(([part]) => part);
}
