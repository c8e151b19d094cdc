// An option set as a HiGHS options file, which native HiGHS reads with `--options_file` or readOptions:
// one `name = value` per line, '#' in the first column starts a comment, empty lines are skipped; HiGHS
// trims blanks and quotes around names and values, reads booleans as true/false (also t/f, on/off, 1/0),
// doubles with `inf`/`-inf`, integers as plain digits and strings unquoted. A line without a value is an
// error there, so empty strings cannot be written. Also the JSON form of a named option set.
import { formatOptionValue, type OptionDescriptor, type OptionValue, type OptionValues } from '../options-schema';
import { decodeOptionValue, encodeOptions, NUMBER_KEY, type EncodedOptionValue } from '../report/option-value';
import { describeJsonError, FORBIDDEN_KEYS } from '../report/json-safety';
import { readOption, validateCandidate, type OptionIssue } from './validate';

/** An option value that native HiGHS could not read back from a file as it is. */
export class OptionsFileError extends Error {
  override name = 'OptionsFileError';
}

/** Characters HiGHS trims around a name and a value in an options file (LoadOptions.cpp's non_chars). */
const TRIMMED = '\t\n\v\f\r"\' ';

function trimHighs(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && TRIMMED.includes(s[a])) a++;
  while (b > a && TRIMMED.includes(s[b - 1])) b--;
  return s.slice(a, b);
}

/** One value as the file's text: true/false, inf/-inf, plain numbers, strings as they are. */
export function optionFileValue(name: string, value: OptionValue): string {
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') {
    if (Number.isNaN(value)) throw new OptionsFileError(`${name}: NaN cannot be written to an options file`);
    // String() writes 1e-7 and 1e+21 in forms HiGHS's double reader accepts; integers are plain digits.
    return formatOptionValue(value);
  }
  if (value === '')
    throw new OptionsFileError(`${name}: an empty value cannot be written (HiGHS reads no value as an error)`);
  if (/[\n\r]/.test(value) || trimHighs(value) !== value)
    throw new OptionsFileError(
      `${name}: ${JSON.stringify(value)} has line breaks, quotes or blanks at its ends that HiGHS would drop`,
    );
  return value;
}

/** The comment lines of a header: every line starts with '#', whatever line breaks the text holds. */
function commentLines(lines: readonly string[]): string[] {
  return lines.flatMap((l) => l.split(/\r\n|\r|\n/)).map((l) => (l === '' ? '#' : `# ${l}`));
}

/**
 * Writes an option set as a HiGHS options file: a header comment (one '#' line per header line), then
 * `name = value` lines sorted by name. Throws OptionsFileError for a value HiGHS could not read back.
 */
export function serializeOptionsFile(options: OptionValues, header: readonly string[] = []): string {
  const names = Object.keys(options).sort();
  const body = names.map((name) => `${name} = ${optionFileValue(name, options[name])}`);
  const lines = [...commentLines(['HiGHS options file', ...header]), ...body];
  return lines.join('\n') + '\n';
}

// HiGHS has about 200 options, so a real options file is a few KB; a larger one is refused before it is read.
/** The largest options file (or option-set JSON) the app reads, bytes. */
export const MAX_OPTIONS_FILE_BYTES = 1024 * 1024;
/** The most errors listed for one file (as report import caps its list); the rest are counted in a last line. */
export const MAX_LISTED_OPTION_ERRORS = 50;

/** The line that stands for the errors not listed. */
const moreLine = (rest: number, max: number) =>
  `… and ${rest.toLocaleString('en')} more error${rest === 1 ? '' : 's'} not listed (the first ${max} are)`;

/** The errors to show: at most MAX_LISTED_OPTION_ERRORS, then one line that counts the rest. */
export function capErrors(errors: readonly string[], max = MAX_LISTED_OPTION_ERRORS): string[] {
  return errors.length <= max ? [...errors] : [...errors.slice(0, max), moreLine(errors.length - max, max)];
}

/** What parseOptionsFile read: the options, and the errors, each with its line number. */
export interface OptionsFileParse {
  ok: boolean;
  options: OptionValues;
  /** `line N: ...`, in line order; at most MAX_LISTED_OPTION_ERRORS, then a line counting the rest. */
  errors: string[];
}

/**
 * Reads a HiGHS options file against the option descriptions: blank lines and '#' comments skipped,
 * blanks and quotes around names and values trimmed as HiGHS does; every error names its line (unknown
 * option with the closest name, an option the browser build cannot use, a value HiGHS would refuse, a
 * line that is not `name = value`, an option set twice with both lines).
 */
export function parseOptionsFile(text: string, descriptors: readonly OptionDescriptor[]): OptionsFileParse {
  const byName = new Map(descriptors.map((d) => [d.name, d]));
  const options: OptionValues = {};
  const errors: string[] = [];
  let unlisted = 0;
  const firstLine = new Map<string, number>();
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  // Errors past the listed ones are only counted (a file of 350,000 bad lines must not build 350,000 messages).
  const push = (message: () => string) => {
    if (errors.length < MAX_LISTED_OPTION_ERRORS) errors.push(message());
    else unlisted++;
  };
  lines.forEach((raw, i) => {
    const n = i + 1;
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const eq = line.indexOf('=');
    if (eq === -1) {
      push(() => `line ${n}: expected 'name = value', got '${preview(line)}'`);
      return;
    }
    const name = trimHighs(line.slice(0, eq));
    const value = trimHighs(line.slice(eq + 1));
    if (name === '') {
      push(() => `line ${n}: no option name before '='`);
      return;
    }
    if (value === '') {
      push(() => `line ${n}: no value for option '${name}'`);
      return;
    }
    const first = firstLine.get(name);
    if (first !== undefined) {
      push(() => `line ${n}: duplicate option '${name}' (already set on line ${first})`);
      return;
    }
    firstLine.set(name, n);
    const r = readOption(descriptors, byName, name, value);
    if (r.ok) options[name] = r.value;
    else if (r.kind === 'unknown')
      push(() => `line ${n}: unknown option '${name}'${r.suggestion ? ` (did you mean '${r.suggestion}'?)` : ''}`);
    else if (r.kind === 'unsupported') push(() => `line ${n}: option '${name}' is not supported in the browser build`);
    else push(() => `line ${n}: ${r.message}`);
  });
  if (unlisted > 0) errors.push(moreLine(unlisted, MAX_LISTED_OPTION_ERRORS));
  return { ok: errors.length === 0, options, errors };
}

function preview(s: string, max = 40): string {
  return s.length > max ? `${s.slice(0, max)}…` : s;
}

/** The tag of an exported option set, so a file says what it is. */
export const OPTION_SET_SCHEMA = 'highs-workbench/option-set';

/** The JSON form of a named option set (±Infinity encoded as the report does: {"$number": "Infinity"}). */
export interface OptionSetJson {
  schema: typeof OPTION_SET_SCHEMA;
  version: 1;
  name: string;
  options: Record<string, EncodedOptionValue>;
}

/** Writes a named option set as JSON (two-space indented, keys sorted). */
export function optionSetToJson(name: string, options: OptionValues): string {
  const sorted = Object.fromEntries(
    Object.keys(options)
      .sort()
      .map((k) => [k, options[k]]),
  );
  const out: OptionSetJson = { schema: OPTION_SET_SCHEMA, version: 1, name, options: encodeOptions(sorted) };
  return JSON.stringify(out, null, 2) + '\n';
}

/** What optionSetFromJson read: the name, the typed options, and errors and warnings per option. */
export interface OptionSetImport {
  ok: boolean;
  name: string;
  options: OptionValues;
  errors: OptionIssue[];
  warnings: OptionIssue[];
}

/** The largest option-set JSON read: an option set is a few kilobytes. */
export const MAX_OPTION_SET_JSON_CHARS = 1024 * 1024;

const isEncodedInfinity = (v: unknown): v is EncodedOptionValue =>
  typeof v === 'object' &&
  v !== null &&
  Object.keys(v).length === 1 &&
  ((v as Record<string, unknown>)[NUMBER_KEY] === 'Infinity' ||
    (v as Record<string, unknown>)[NUMBER_KEY] === '-Infinity');

/**
 * Reads a named option set from JSON (`{ name, options }`, with or without the schema tag) and checks
 * it with validateCandidate, so an import says what validation says.
 */
export function optionSetFromJson(text: string, descriptors: readonly OptionDescriptor[]): OptionSetImport {
  const fail = (message: string): OptionSetImport => ({
    ok: false,
    name: '',
    options: {},
    errors: [{ option: '', message }],
    warnings: [],
  });
  if (text.length > MAX_OPTION_SET_JSON_CHARS)
    return fail(`the file is larger than ${MAX_OPTION_SET_JSON_CHARS} characters`);
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return fail(describeJsonError(text, e instanceof Error ? e.message : String(e)));
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    return fail('expected an object { "name": ..., "options": { ... } }');
  const obj = data as Record<string, unknown>;
  if ('schema' in obj && obj.schema !== OPTION_SET_SCHEMA)
    return fail(`schema is '${String(obj.schema)}', expected '${OPTION_SET_SCHEMA}'`);
  if ('version' in obj && obj.version !== 1)
    return fail(`version ${String(obj.version)} is not supported (expected 1)`);
  if (typeof obj.name !== 'string' || obj.name.trim() === '') return fail('name: expected a non-empty string');
  const raw = obj.options;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return fail('options: expected an object');
  const forbidden = Object.keys(raw).filter((k) => FORBIDDEN_KEYS.has(k));
  if (forbidden.length > 0) return fail(`options: the key '${forbidden[0]}' is not allowed`);
  const decoded: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(raw)) decoded[k] = isEncodedInfinity(v) ? decodeOptionValue(v) : v;
  const check = validateCandidate(descriptors, decoded);
  return {
    ok: check.valid,
    name: obj.name.trim(),
    options: check.options,
    errors: check.errors,
    warnings: check.warnings,
  };
}
