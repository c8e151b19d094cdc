// What a tuning run is asked to do, as values and as a file: the checks of TunerSettings' values (the form of
// #/tune and a command line's file refuse alike), and the tuner configuration file `highs-workbench tune CONFIG`
// reads — the settings with option values encoded as in reports (±Infinity as {"$number": "Infinity"}) and, for a
// files template, the files' paths relative to the file.
import * as v from 'valibot';
import { capErrors, formatPath } from '../report/json-safety';
import { decodeInfinities } from '../report/option-value';
import { describeIssue, TEXT } from '../report/schema-parts';
import type { TunerSettings } from './record';
import { tunerSettingsSchema } from './record-schema';

/** Every value of the settings that is out of range, each as `field: why` (empty: they are fine). */
export function settingsIssues(s: TunerSettings): string[] {
  const out: string[] = [];
  if (s.budget.runs === null && s.budget.timeMs === null)
    out.push('budget: give a number of runs or a total solve time');
  if (s.budget.runs !== null && !(Number.isSafeInteger(s.budget.runs) && s.budget.runs >= 10))
    out.push(`budget.runs: a whole number ≥ 10, got ${s.budget.runs}`);
  if (s.budget.timeMs !== null && !(s.budget.timeMs >= 1000 && Number.isFinite(s.budget.timeMs)))
    out.push('budget.time: at least 1 s');
  if (s.seeds.length === 0) out.push('seeds: at least one random_seed');
  if (s.timeLimitMs !== null && !(s.timeLimitMs > 0 && Number.isFinite(s.timeLimitMs)))
    out.push('timeLimit: a positive number of seconds, or none');
  if (!(s.heldOutShare > 0 && s.heldOutShare < 1)) out.push('heldOutShare: between 0 and 1');
  if (!(Number.isSafeInteger(s.seed) && s.seed >= 0)) out.push('seed: a whole number ≥ 0');
  return out;
}

/** The identifier of a tuner configuration file. */
export const TUNER_CONFIG_FORMAT = 'highs-workbench/tuner-config';

const EncodedOptionValue = v.union(
  [
    v.boolean(),
    v.pipe(v.number(), v.finite()),
    v.pipe(v.string(TEXT), v.maxLength(300)),
    v.strictObject({ $number: v.picklist(['Infinity', '-Infinity']) }),
  ],
  'expected true/false, a finite number, a string or {"$number": "Infinity"}',
);

const TunerConfigSchema = v.object(
  {
    format: v.literal(TUNER_CONFIG_FORMAT, `expected "${TUNER_CONFIG_FORMAT}"`),
    version: v.literal(1, 'expected 1'),
    name: v.pipe(v.string(TEXT), v.maxLength(300)),
    settings: tunerSettingsSchema(EncodedOptionValue),
    paths: v.optional(v.pipe(v.array(v.pipe(v.string(TEXT), v.maxLength(1000))), v.maxLength(10_000))),
  },
  'expected an object',
);

/** A tuner configuration as read: its name, settings (option values decoded) and a files template's paths. */
export interface TunerConfigFile {
  name: string;
  settings: TunerSettings;
  paths: string[] | null;
}

/** Reads a tuner configuration file's text; every error with its path. */
export function parseTunerConfigFile(
  text: string,
): { ok: true; config: TunerConfigFile } | { ok: false; errors: string[] } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { ok: false, errors: [`not JSON: ${e instanceof Error ? e.message : String(e)}`] };
  }
  const shape = v.safeParse(TunerConfigSchema, json);
  if (!shape.success) return { ok: false, errors: capErrors(shape.issues.map((i) => describeIssue(i))) };
  const settings = decodeInfinities(shape.output.settings) as TunerSettings;
  const errors = settingsIssues(settings).map((e) => `settings.${e}`);
  const t = settings.template;
  const paths = shape.output.paths ?? null;
  if (t.kind === 'files' && t.modelIds.length === 0 && !paths?.length)
    errors.push(`${formatPath(['settings', 'template'])}: a files template needs "paths" (or model ids)`);
  if (t.kind !== 'files' && paths) errors.push('paths: only a files template has paths');
  if (errors.length > 0) return { ok: false, errors: capErrors(errors) };
  return { ok: true, config: { name: shape.output.name, settings, paths } };
}
