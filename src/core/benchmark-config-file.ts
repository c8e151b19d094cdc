// A benchmark definition as a file: what the benchmark editor exports and imports and what
// `highs-workbench bench CONFIG` runs, one format both ways. A model-files template names its files by path
// (relative to the config file) beside their SHA-256 (`modelIds`): the command line reads the paths, the
// browser finds the bytes it stored by their hashes, and each checks the other's half when it has it. Option
// values are encoded as in reports (±Infinity as {"$number": "Infinity"}). Reading checks the shape field by
// field (valibot), then the values with the editor's own rules (validateDefinition), every error with its path.
import * as v from 'valibot';
import type { BenchmarkDefinition, TemplateSpec } from './benchmark';
import { validateDefinition, type DefinitionContext } from './benchmark-definition';
import { capErrors, formatPath } from './report/json-safety';
import { decodeOptions, encodeOptions, type EncodedOptionValue } from './report/option-value';
import { describeIssue, templateSpecSchema, TEXT } from './report/schema-parts';

/** The identifier of a benchmark configuration file. */
export const CONFIG_FORMAT = 'highs-workbench/benchmark-config';
/** Its version. */
export const CONFIG_VERSION = 1;
/** The largest configuration file read, bytes. */
export const MAX_CONFIG_BYTES = 1024 * 1024;

/** A model-files template in a file: its models' SHA-256 and, for a command line, their paths. */
export type FileTemplate = Extract<TemplateSpec, { kind: 'files' }> & { paths?: string[] };

/** A benchmark configuration as read from a file (option values decoded). */
export interface BenchmarkConfigFile {
  name: string;
  definition: BenchmarkDefinition;
  /** Per files-template id, the paths its file names (relative to the config file), when it gave them. */
  paths: Record<string, string[]>;
}

const MAX_TEXT = 1000;
const MAX_ITEMS = 10_000;
const text = () => v.pipe(v.string(TEXT), v.maxLength(MAX_TEXT, `expected at most ${MAX_TEXT} characters`));
const list = <T extends v.GenericSchema>(item: T) =>
  v.pipe(v.array(item, 'expected an array'), v.maxLength(MAX_ITEMS, `expected at most ${MAX_ITEMS} items`));
const finite = () => v.pipe(v.number('expected a finite number'), v.finite('expected a finite number'));
const OptionValueSchema = v.union(
  [
    v.boolean(),
    finite(),
    text(),
    v.strictObject({ $number: v.picklist(['Infinity', '-Infinity']) }, 'expected {"$number": "Infinity"}'),
  ],
  'expected true/false, a number, a string or {"$number": "Infinity"}',
);
const TemplateSchema = v.intersect([
  templateSpecSchema({ maxText: MAX_TEXT, maxItems: MAX_ITEMS }),
  v.looseObject({ paths: v.optional(list(text())) }),
]);

const ConfigFileSchema = v.object(
  {
    format: v.literal(CONFIG_FORMAT, `expected "${CONFIG_FORMAT}"`),
    version: v.literal(CONFIG_VERSION, `expected ${CONFIG_VERSION}`),
    name: text(),
    definition: v.object(
      {
        name: text(),
        templates: list(TemplateSchema),
        optionSets: list(
          v.object(
            {
              id: text(),
              name: text(),
              options: v.record(v.string(), OptionValueSchema, 'expected an object of option values'),
              templates: v.optional(list(text())),
            },
            'expected an object',
          ),
        ),
        referenceOptionSetId: text(),
        config: v.object(
          {
            timeLimitMs: finite(),
            seeds: list(finite()),
            repetitions: finite(),
            warmup: v.boolean('expected true or false'),
          },
          'expected an object',
        ),
        workers: finite(),
      },
      'expected an object',
    ),
  },
  'expected an object',
);

/** The result of reading a configuration file: it, or every reason it was refused (each with its path). */
export type ConfigReadResult = { ok: true; config: BenchmarkConfigFile } | { ok: false; errors: string[] };

/** Reads a configuration file's text (see the top of this file); `ctx` lets the editor's checks know the library. */
export function parseBenchmarkConfigFile(text: string, ctx: DefinitionContext = {}): ConfigReadResult {
  if (text.length > MAX_CONFIG_BYTES)
    return { ok: false, errors: [`the file is larger than ${MAX_CONFIG_BYTES / 1024 / 1024} MiB`] };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { ok: false, errors: [`not JSON: ${e instanceof Error ? e.message : String(e)}`] };
  }
  const shape = v.safeParse(ConfigFileSchema, json);
  if (!shape.success) return { ok: false, errors: capErrors(shape.issues.map((i) => describeIssue(i))) };
  const file = shape.output;
  const paths: Record<string, string[]> = {};
  const errors: string[] = [];
  const templates = file.definition.templates.map((t, i): TemplateSpec => {
    if (t.kind !== 'files') return t as TemplateSpec;
    const { paths: p, ...spec } = t as FileTemplate;
    if (p) {
      paths[spec.id] = p;
      if (spec.modelIds.length > 0 && spec.modelIds.length !== p.length)
        errors.push(
          `${formatPath(['definition', 'templates', i, 'paths'])}: ${p.length} paths for ${spec.modelIds.length} model ids (give one path per model, in order)`,
        );
    } else if (spec.modelIds.length === 0)
      errors.push(
        `${formatPath(['definition', 'templates', i])}: a files template needs its files' paths or model ids`,
      );
    return spec;
  });
  const definition: BenchmarkDefinition = {
    ...file.definition,
    templates,
    optionSets: file.definition.optionSets.map((s) => ({
      ...s,
      options: decodeOptions(s.options as Record<string, EncodedOptionValue>),
    })),
  };
  // A files template given by paths only has its model ids once the files are read: check the rest now.
  const checked: BenchmarkDefinition = {
    ...definition,
    templates: definition.templates.map((t) =>
      t.kind === 'files' && t.modelIds.length === 0
        ? { ...t, modelIds: (paths[t.id] ?? []).map((_, k) => k.toString(16).padStart(64, '0')) }
        : t,
    ),
  };
  for (const issue of validateDefinition(checked, ctx)) errors.push(`definition.${issue.field}: ${issue.message}`);
  if (errors.length > 0) return { ok: false, errors: capErrors(errors) };
  return { ok: true, config: { name: file.name, definition, paths } };
}

/**
 * A configuration file's text for a definition: a files template names its files by `fileNames` (model id →
 * the name the user added it under, the path a command line reads next to the file) beside their SHA-256.
 */
export function serializeBenchmarkConfigFile(
  name: string,
  definition: BenchmarkDefinition,
  fileNames: Readonly<Record<string, string>> = {},
): string {
  const templates = definition.templates.map((t) =>
    t.kind === 'files' ? { ...t, paths: t.modelIds.map((id) => fileNames[id] ?? `${id}.lp`) } : t,
  );
  const file = {
    format: CONFIG_FORMAT,
    version: CONFIG_VERSION,
    name,
    definition: {
      ...definition,
      templates,
      optionSets: definition.optionSets.map((s) => ({ ...s, options: encodeOptions(s.options) })),
    },
  };
  return JSON.stringify(file, null, 2) + '\n';
}
