// How a stored record is written to a file: JSON, with what JSON cannot carry encoded as the backup file does
// (core/backup/encoding.ts): a non-finite number as {"$number": "Infinity" | "-Infinity" | "NaN"}, bytes (a model
// file's) as {"$bytes": base64}. A value IndexedDB could not store either (a function, a symbol, a BigInt) is
// refused, so a write that IndexedDB refuses is refused here too and changes nothing.
import { base64ToBytes, bytesToBase64, decodedNumber, encodeNumber, isBase64 } from '../../core/backup/encoding';

/** Whether a decoded value is a plain object (a record), not null, an array or a scalar. */
export function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** The key of encoded bytes. */
const BYTES_KEY = '$bytes';

/** A value a store cannot write (as IndexedDB's DataCloneError). */
export class UnstorableValue extends Error {
  override name = 'DataCloneError';
}

function replacer(this: unknown, key: string, value: unknown): unknown {
  switch (typeof value) {
    case 'number':
      return Number.isFinite(value) ? value : encodeNumber(value);
    case 'bigint':
    case 'function':
    case 'symbol':
      throw new UnstorableValue(`"${key}" is a ${typeof value}, which cannot be stored`);
  }
  if (value instanceof Uint8Array) return { [BYTES_KEY]: bytesToBase64(value) };
  return value;
}

function reviver(_key: string, value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const n = decodedNumber(value);
  if (n !== undefined) return n;
  const keys = Object.keys(value);
  const text = (value as Record<string, unknown>)[BYTES_KEY];
  if (keys.length === 1 && keys[0] === BYTES_KEY && typeof text === 'string' && isBase64(text))
    return base64ToBytes(text);
  return value;
}

/** A record as one line of JSON (no newline in it); throws UnstorableValue for what cannot be stored. */
export function encodeRecord(value: unknown): string {
  const text = JSON.stringify(value, replacer);
  if (text === undefined) throw new UnstorableValue(`a ${typeof value} cannot be stored`);
  return text;
}

/** What a file's text holds: the record, or why it cannot be read (not JSON: a hand edit, a torn write). */
export type Decoded = { ok: true; value: unknown } | { ok: false; problem: string };

/** A record read back from its JSON text. */
export function decodeRecord(text: string): Decoded {
  try {
    return { ok: true, value: JSON.parse(text, reviver) };
  } catch (e) {
    return { ok: false, problem: `not a whole JSON record (${e instanceof Error ? e.message : String(e)})` };
  }
}
