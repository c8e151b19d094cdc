// A record's key as a file name, the same on every file system: lower-case letters, digits, '-' and '_' as they
// are, every other byte of its UTF-8 as %XX (upper-case hex), so names differ even where case does not count and
// none starts with a dot; a name that would be long is cut and ends in '~' and a SHA-256 of the key (such a name
// is not read back as a key: the record inside says its key).
import { createHash } from 'node:crypto';

/** The longest name kept readable (file systems allow 255 bytes; the suffix and temp names need room). */
const MAX_STEM = 150;

const LITERAL = /^[a-z0-9_-]$/;

/** The file name (without extension) of a key; throws for an empty key. */
export function stemOf(key: string): string {
  if (key === '') throw new RangeError('an empty key cannot name a file');
  let stem = '';
  for (const byte of new TextEncoder().encode(key)) {
    const c = String.fromCharCode(byte);
    stem += LITERAL.test(c) ? c : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  if (stem.length <= MAX_STEM) return stem;
  return `${stem.slice(0, 100)}~${createHash('sha256').update(key).digest('hex').slice(0, 32)}`;
}

/** The key a file name stands for, or undefined for a cut name (its record says its key) or a name not made by stemOf. */
export function keyOfStem(stem: string): string | undefined {
  if (stem.includes('~') || !/^(?:[a-z0-9_-]|%[0-9A-F]{2})+$/.test(stem)) return undefined;
  const bytes: number[] = [];
  for (let i = 0; i < stem.length; i++) {
    if (stem[i] === '%') {
      bytes.push(parseInt(stem.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(stem.charCodeAt(i));
  }
  try {
    const key = new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array(bytes));
    return stemOf(key) === stem ? key : undefined;
  } catch {
    return undefined;
  }
}
