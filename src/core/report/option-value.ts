// HiGHS option values are boolean | number | string, and a double option may be ±Infinity (time_limit,
// objective_bound, ...). JSON has no Infinity (JSON.stringify would silently write null), so the report
// writes it as an object that no plain option value can be: {"$number": "Infinity"}. A string such as
// "inf" would be ambiguous with a string option whose value is "inf".
import type { OptionValue, OptionValues } from '../options-schema';

/** The key of the encoded non-finite number. */
export const NUMBER_KEY = '$number';

/** An option value as the file holds it. */
export type EncodedOptionValue = boolean | number | string | { [NUMBER_KEY]: 'Infinity' | '-Infinity' };

/** The encoding, as the JSON Schema's description states it. */
export const OPTION_VALUE_ENCODING =
  'An option value is a boolean, a finite number or a string; an option value of +Infinity or -Infinity ' +
  '(e.g. time_limit) is written as {"$number": "Infinity"} or {"$number": "-Infinity"} and read back as that number. ' +
  'NaN has no encoding and is never written.';

/** Encodes one option value for the file: ±Infinity becomes {"$number": ...}; anything else is left as it is. */
export function encodeOptionValue(value: OptionValue): EncodedOptionValue {
  if (value === Infinity) return { [NUMBER_KEY]: 'Infinity' };
  if (value === -Infinity) return { [NUMBER_KEY]: '-Infinity' };
  return value;
}

/** Decodes one option value read from a (validated) file. */
export function decodeOptionValue(value: EncodedOptionValue): OptionValue {
  if (typeof value !== 'object') return value;
  return value[NUMBER_KEY] === 'Infinity' ? Infinity : -Infinity;
}

/** Encodes a set of option values (own data properties only: a "__proto__" key stays a plain key). */
export function encodeOptions(options: OptionValues): Record<string, EncodedOptionValue> {
  return Object.fromEntries(Object.entries(options).map(([k, value]) => [k, encodeOptionValue(value)]));
}

/** Decodes a set of option values read from a (validated) file. */
export function decodeOptions(options: Record<string, EncodedOptionValue>): OptionValues {
  return Object.fromEntries(Object.entries(options).map(([k, value]) => [k, decodeOptionValue(value)]));
}

/** Nesting below which encodeInfinities stops (deeper values are left for the JSON walk to refuse). */
const ENCODE_DEPTH = 64;

/**
 * A copy of a plain JSON-like value with every ±Infinity written as {"$number": ...}, wherever it is: for a
 * tuning run, whose option values sit in many places (a blessed baseline, the space, every set of changes).
 * The file's schema accepts the encoding at option values only, so an infinite number anywhere else is
 * refused by path. Never mutates its input; NaN is left for the JSON walk to refuse.
 */
export function encodeInfinities(value: unknown, depth = 0): unknown {
  if (value === Infinity || value === -Infinity) return encodeOptionValue(value);
  if (typeof value !== 'object' || value === null || depth >= ENCODE_DEPTH) return value;
  if (Array.isArray(value)) return value.map((x) => encodeInfinities(x, depth + 1));
  if (Object.getPrototypeOf(value) !== Object.prototype && Object.getPrototypeOf(value) !== null) return value;
  return Object.fromEntries(Object.entries(value).map(([k, x]) => [k, encodeInfinities(x, depth + 1)]));
}

/** The inverse of encodeInfinities on a value its schema validated: every {"$number": "±Infinity"} a number again. */
export function decodeInfinities(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map(decodeInfinities);
  const keys = Object.keys(value);
  const encoded = keys.length === 1 && keys[0] === NUMBER_KEY ? (value as Record<string, unknown>)[NUMBER_KEY] : null;
  if (encoded === 'Infinity' || encoded === '-Infinity') return decodeOptionValue(value as EncodedOptionValue);
  return Object.fromEntries(keys.map((k) => [k, decodeInfinities((value as Record<string, unknown>)[k])]));
}
