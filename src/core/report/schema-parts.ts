// The pieces every valibot schema of the app's files shares (the report, the backup's records, a tuning run):
// the error messages, so a field is described alike wherever it is read; the schema of a benchmark template
// (TemplateSpec), which a stored benchmark definition and a tuning run both hold; and how one valibot issue
// becomes `path: message, got value`. Nothing here imports the readers that use it (no import cycles).
import * as v from 'valibot';
import { formatPath, preview, type JsonPath } from './json-safety';

/** The message of a number that must be finite. */
export const FINITE = 'expected a finite number';
/** The message of a number that must be ≥ 0. */
export const NON_NEGATIVE = 'expected a number ≥ 0';
/** The message of a whole number that must be ≥ 0. */
export const WHOLE = 'expected a whole number ≥ 0';
/** The message of a string field. */
export const TEXT = 'expected a string';
/** The message of a boolean field. */
export const BOOL = 'expected true or false';
/** The message of a string that must not be empty. */
export const NON_EMPTY = 'expected a non-empty string';

/** How long a template's texts and lists may be (unlimited by default: stored definitions never had a cap). */
export interface TemplateSpecCaps {
  /** The longest id, name, file name or model id. */
  maxText?: number;
  /** The most files, model ids, sizes or instance seeds. */
  maxItems?: number;
}

/**
 * The schema of a template (benchmark.ts's TemplateSpec): library files, the user's files or a generator.
 * Loose objects (fields the app does not know are kept); the caps are for readers of untrusted files.
 */
export function templateSpecSchema({ maxText = Infinity, maxItems = Infinity }: TemplateSpecCaps = {}) {
  const long = `expected at most ${maxText} characters`;
  const many = `expected at most ${maxItems} items`;
  const text = () => v.pipe(v.string(TEXT), v.maxLength(maxText, long));
  const key = () => v.pipe(v.string(TEXT), v.minLength(1, NON_EMPTY), v.maxLength(maxText, long));
  const list = <T extends v.GenericSchema>(item: T) =>
    v.pipe(v.array(item, 'expected an array'), v.maxLength(maxItems, many));
  const finite = () => v.pipe(v.number(FINITE), v.finite(FINITE));
  const record = <T extends v.ObjectEntries>(entries: T) => v.looseObject(entries, 'expected an object');
  return v.variant(
    'kind',
    [
      record({ kind: v.literal('library'), id: key(), name: text(), files: list(text()) }),
      record({ kind: v.literal('files'), id: key(), name: text(), modelIds: list(text()) }),
      record({
        kind: v.literal('generator'),
        id: key(),
        name: text(),
        generator: text(),
        sizes: list(finite()),
        instanceSeeds: list(finite()),
        symmetryBreaking: v.boolean(BOOL),
      }),
    ],
    'expected a template with kind "library", "files" or "generator"',
  );
}

/** Whether an issue is a missing field: its last path item is a key whose value is absent. */
export function isMissingIssue(issue: v.BaseIssue<unknown>): boolean {
  const last = issue.path?.[issue.path.length - 1];
  return last?.origin === 'key' && issue.input === undefined;
}

/** One valibot issue as `path: message, got value` (`path: missing` for an absent field), under `prefix`. */
export function describeIssue(issue: v.BaseIssue<unknown>, prefix: JsonPath = []): string {
  const path = formatPath([...prefix, ...(issue.path ?? []).map((item) => item.key as string | number)]);
  if (isMissingIssue(issue)) return `${path}: missing`;
  if (issue.type === 'check') return `${path}: ${issue.message}`;
  return `${path}: ${issue.message}, got ${preview(issue.received)}`;
}
