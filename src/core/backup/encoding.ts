// How a backup carries what JSON cannot: non-finite numbers as {"$number": "Infinity" | "-Infinity" |
// "NaN"} (the report's NUMBER_KEY encoding, extended to NaN because stored records may hold it), and a
// model file's bytes as base64 text.
import { NUMBER_KEY } from '../report/option-value';

/** The encoded form of a number JSON cannot hold. */
export type EncodedNumber = { [NUMBER_KEY]: 'Infinity' | '-Infinity' | 'NaN' };

const NON_FINITE: ReadonlyMap<string, number> = new Map([
  ['Infinity', Infinity],
  ['-Infinity', -Infinity],
  ['NaN', NaN],
]);

/** A non-finite number's encoding. */
export function encodeNumber(n: number): EncodedNumber {
  return { [NUMBER_KEY]: Number.isNaN(n) ? 'NaN' : n > 0 ? 'Infinity' : '-Infinity' };
}

/** The number an object encodes, or undefined when it is not exactly {"$number": <known name>}. */
export function decodedNumber(value: object): number | undefined {
  const keys = Object.keys(value);
  if (keys.length !== 1 || keys[0] !== NUMBER_KEY) return undefined;
  const name = (value as Record<string, unknown>)[NUMBER_KEY];
  return typeof name === 'string' ? NON_FINITE.get(name) : undefined;
}

const CHUNK = 0x8000;

/** Bytes as standard base64 (RFC 4648, with padding). */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  }
  return btoa(binary);
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Whether a text is standard, padded base64. */
export function isBase64(text: string): boolean {
  return BASE64.test(text);
}

/** The bytes of a (valid) base64 text. */
export function base64ToBytes(text: string): Uint8Array {
  const binary = atob(text);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}
