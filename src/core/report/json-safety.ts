// The checks around JSON.parse and JSON.stringify that a schema cannot make: the size cap before
// parsing, where a syntax error is, keys that could reach a prototype, numbers that JSON cannot hold
// (NaN, ±Infinity, BigInt, and 1e999, which JSON.parse turns into Infinity) and absurd nesting.

/** The largest report read by default: 64 MiB. */
export const DEFAULT_MAX_REPORT_BYTES = 64 * 1024 * 1024;

/** Keys refused anywhere in a report: they could reach Object.prototype when copied naively. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** Deeper nesting than this is refused (a report nests about ten levels). */
export const MAX_DEPTH = 64;

/** At most this many errors are listed; the rest are counted. */
export const MAX_ERRORS = 50;

/** A path into a JSON value: object keys and array indices. */
export type JsonPath = readonly (string | number)[];

/** Formats a path as `benchmarks[0].runs[3].timeMs` (keys that are not identifiers as ["key"]). */
export function formatPath(path: JsonPath): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(key)) out += out ? `.${key}` : key;
    else out += `[${JSON.stringify(key)}]`;
  }
  return out || '(top level)';
}

/** A value for an error message, cut short. */
export function preview(text: string, max = 60): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** Keeps the first MAX_ERRORS distinct errors and says how many more there were. */
export function capErrors(errors: readonly string[]): string[] {
  const unique = [...new Set(errors)];
  if (unique.length <= MAX_ERRORS) return unique;
  return [...unique.slice(0, MAX_ERRORS), `… and ${unique.length - MAX_ERRORS} more errors`];
}

function mib(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(bytes % (1024 * 1024) === 0 ? 0 : 1)} MiB`;
}

/**
 * Why a report (or another file, `what`) of this many bytes (or this text, measured as UTF-8) is refused,
 * or null when it fits. Decides without copying or parsing the text; a caller holding a File can pass
 * file.size before reading it.
 */
export function reportSizeError(
  input: string | number,
  maxBytes = DEFAULT_MAX_REPORT_BYTES,
  what = 'report',
): string | null {
  const limit = `the limit is ${mib(maxBytes)}`;
  if (typeof input === 'number') {
    return input > maxBytes ? `the ${what} is ${mib(input)}, larger than this app reads (${limit})` : null;
  }
  // Every UTF-16 unit is at least one UTF-8 byte and at most three.
  if (input.length > maxBytes) {
    return `the ${what} is at least ${mib(input.length)}, larger than this app reads (${limit}); it was not read`;
  }
  if (input.length * 3 <= maxBytes) return null;
  let bytes = 0;
  for (let i = 0; i < input.length; i++) {
    const c = input.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < input.length && (input.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
    if (bytes > maxBytes) {
      return `the ${what} is larger than ${mib(maxBytes)}, more than this app reads; it was not read`;
    }
  }
  return null;
}

/** Line and column (1-based, in UTF-16 units) of an offset into a text. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: offset - start + 1 };
}

/** Describes a JSON.parse failure with its line and column (engines disagree on whether they say where). */
export function describeJsonError(text: string, engineMessage: string): string {
  const found = locateJsonError(text);
  if (!found) return `invalid JSON: ${engineMessage}`;
  const { line, column } = lineColumn(text, found.offset);
  return `invalid JSON at line ${line}, column ${column} (offset ${found.offset}): ${found.reason}`;
}

const WS = new Set([' ', '\t', '\n', '\r']);

/**
 * Finds the first syntax error of a JSON text (RFC 8259), or null when there is none. Only called after
 * JSON.parse failed, to say where: V8 names no position for an unexpected token.
 */
export function locateJsonError(text: string): { offset: number; reason: string } | null {
  const n = text.length;
  const stack: ('}' | ']')[] = [];
  let i = 0;
  const skipWs = () => {
    while (i < n && WS.has(text[i])) i++;
  };
  const at = (expected: string) =>
    i >= n ? 'unexpected end of input' : `unexpected ${JSON.stringify(text[i])}, expected ${expected}`;
  /** Scans a string starting at text[i] === '"'; returns an error or null (i then follows the string). */
  const scanString = (): { offset: number; reason: string } | null => {
    i++;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return null;
      }
      if (c < 0x20) return { offset: i, reason: 'unescaped control character in a string' };
      if (c === 0x5c) {
        const e = text[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return { offset: i, reason: 'bad \\u escape' };
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
        else return { offset: i, reason: e === undefined ? 'unexpected end of input' : `bad escape \\${e}` };
      } else i++;
    }
    return { offset: n, reason: 'unexpected end of input in a string' };
  };
  const scanKey = (): { offset: number; reason: string } | null => {
    skipWs();
    if (text[i] !== '"') return { offset: i, reason: at('a property name in double quotes') };
    const bad = scanString();
    if (bad) return bad;
    skipWs();
    if (text[i] !== ':') return { offset: i, reason: at('":"') };
    i++;
    return null;
  };
  const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
  let expectValue = true;
  for (;;) {
    skipWs();
    if (expectValue) {
      const c = text[i];
      if (c === '{' || c === '[') {
        i++;
        skipWs();
        const close = c === '{' ? '}' : ']';
        if (text[i] === close) {
          i++;
          expectValue = false;
        } else {
          stack.push(close);
          if (close === '}') {
            const bad = scanKey();
            if (bad) return bad;
          }
        }
        continue;
      }
      if (c === '"') {
        const bad = scanString();
        if (bad) return bad;
        expectValue = false;
        continue;
      }
      if (c === '-' || (c >= '0' && c <= '9')) {
        NUMBER.lastIndex = i;
        const m = NUMBER.exec(text);
        if (!m) return { offset: i, reason: at('a number') + ' (NaN and Infinity are not JSON)' };
        i += m[0].length;
        expectValue = false;
        continue;
      }
      const word = ['true', 'false', 'null'].find((w) => text.startsWith(w, i));
      if (word) {
        i += word.length;
        expectValue = false;
        continue;
      }
      const hint = c === 'N' || c === 'I' ? ' (NaN and Infinity are not JSON)' : '';
      return { offset: i, reason: at('a value') + hint };
    }
    const close = stack[stack.length - 1];
    if (close === undefined) return i < n ? { offset: i, reason: at('the end after the JSON value') } : null;
    if (text[i] === ',') {
      i++;
      if (close === '}') {
        const bad = scanKey();
        if (bad) return bad;
      }
      expectValue = true;
    } else if (text[i] === close) {
      i++;
      stack.pop();
    } else return { offset: i, reason: at(`"," or "${close}"`) };
  }
}

/** A problem found by checkJsonValue; `forbidden` marks a prototype key. */
export interface JsonValueProblem {
  message: string;
  forbidden: boolean;
}

function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * Walks a value (iteratively, so depth cannot overflow the stack) and lists what JSON cannot carry
 * faithfully or what is unsafe to copy: prototype keys, non-finite numbers, BigInt, functions, symbols,
 * non-plain objects (Date, Map, class instances), undefined in arrays, nesting deeper than MAX_DEPTH.
 * Undefined object properties are allowed (JSON.stringify leaves them out).
 */
export function checkJsonValue(root: unknown): JsonValueProblem[] {
  const problems: JsonValueProblem[] = [];
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value: root, path: [] }];
  while (stack.length > 0 && problems.length <= MAX_ERRORS) {
    const { value, path } = stack.pop()!;
    const problem = (message: string) =>
      problems.push({ message: `${formatPath(path)}: ${message}`, forbidden: false });
    switch (typeof value) {
      case 'string':
      case 'boolean':
        continue;
      case 'number':
        if (!Number.isFinite(value)) problem(`expected a finite number, got ${value}`);
        continue;
      case 'bigint':
        problem(`expected a finite number, got a BigInt (${preview(String(value))}n)`);
        continue;
      case 'undefined':
        problem('undefined cannot be written to JSON');
        continue;
      case 'function':
      case 'symbol':
        problem(`a ${typeof value} cannot be written to JSON`);
        continue;
    }
    if (value === null) continue;
    if (path.length >= MAX_DEPTH) {
      problem(`nested deeper than ${MAX_DEPTH} levels`);
      continue;
    }
    const object = value as object;
    if (Array.isArray(object)) {
      for (let k = object.length - 1; k >= 0; k--) stack.push({ value: object[k], path: [...path, k] });
      continue;
    }
    if (!isPlainObject(object)) {
      problem(`a ${Object.getPrototypeOf(object)?.constructor?.name ?? 'non-plain'} object cannot be written to JSON`);
      continue;
    }
    const keys = Object.keys(object);
    for (let k = keys.length - 1; k >= 0; k--) {
      const key = keys[k];
      if (FORBIDDEN_KEYS.has(key)) {
        problems.push({ message: `${formatPath([...path, key])}: the key "${key}" is not allowed`, forbidden: true });
        continue;
      }
      const child = (object as Record<string, unknown>)[key];
      if (child !== undefined) stack.push({ value: child, path: [...path, key] });
    }
  }
  return problems;
}

/** JSON text read by readJsonText: the value with the problems to list beside the schema's, or why it was refused. */
export type JsonText = { ok: true; data: unknown; problems: string[] } | { ok: false; errors: string[] };

/**
 * Reads an imported JSON file (a report, a backup) the one safe way: the size checked before parsing
 * (`what` names the file in the message), a UTF-8 BOM dropped, a parse error named by line and column,
 * and a prototype key refusing the whole file before anything copies it. Other problems checkJsonValue
 * finds (1e999, absurd nesting) come back in `problems`, to be reported with the schema's errors.
 */
export function readJsonText(text: string, maxBytes: number, what: string): JsonText {
  if (typeof text !== 'string') return { ok: false, errors: [`expected the ${what} as text`] };
  const tooLarge = reportSizeError(text, maxBytes, what);
  if (tooLarge) return { ok: false, errors: [tooLarge] };
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch (e) {
    return { ok: false, errors: [describeJsonError(body, e instanceof Error ? e.message : String(e))] };
  }
  const problems = checkJsonValue(data);
  if (problems.some((p) => p.forbidden))
    return { ok: false, errors: capErrors(problems.filter((p) => p.forbidden).map((p) => p.message)) };
  return { ok: true, data, problems: problems.map((p) => p.message) };
}
