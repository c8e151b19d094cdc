// From uploaded bytes to model text: size caps, gzip (with a cap while inflating, against
// gzip bombs), strict UTF-8 and a leading byte-order mark.

import { formatLimit, invalid } from './errors';

/** Largest file accepted as given (compressed or not), so a huge upload fails fast instead of exhausting memory. */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;

/** Largest model text accepted after gunzip, so a gzip bomb is stopped while it inflates. */
export const MAX_DECOMPRESSED_BYTES = 256 * 1024 * 1024;

/** True if the bytes start with the gzip signature 1f 8b, so compressed uploads are found whatever they are called. */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** The name without a trailing ".gz" (any case), so "a.mps.gz" is recognised as MPS. */
export function stripGzSuffix(name: string): string {
  return name.toLowerCase().endsWith('.gz') ? name.slice(0, -3) : name;
}

/** Inflates gzip data with the web-standard DecompressionStream, stopping as soon as the output passes maxBytes. */
export async function gunzip(
  bytes: Uint8Array,
  file: string,
  maxBytes: number = MAX_DECOMPRESSED_BYTES,
): Promise<Uint8Array> {
  if (!isGzip(bytes)) {
    throw invalid(file, 'not valid gzip data (it does not start with the gzip signature 1f 8b)');
  }
  const stream = new DecompressionStream('gzip');
  const writer = stream.writable.getWriter();
  const reader = stream.readable.getReader();
  // Feed the input in the background; its failures surface through the reader too.
  writer
    .write(bytes as Uint8Array<ArrayBuffer>)
    .then(() => writer.close())
    .catch(() => undefined);

  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    let chunk: ReadableStreamReadResult<Uint8Array>;
    try {
      chunk = await reader.read();
    } catch (err) {
      throw invalid(file, `not valid gzip data (${errorText(err)})`);
    }
    if (chunk.done) break;
    total += chunk.value.length;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw invalid(file, `decompresses to more than ${formatLimit(maxBytes)}, over the limit`);
    }
    chunks.push(chunk.value);
  }
  return concatBytes(chunks, total);
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

function concatBytes(chunks: Uint8Array[], total: number): Uint8Array {
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** Decodes strict UTF-8 (rejecting anything else, naming the file and line) and strips a leading BOM with a warning. */
export function decodeText(bytes: Uint8Array, file: string): { text: string; warnings: string[] } {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    const line = at < 0 ? undefined : lineOfByte(bytes, at);
    const detail = at < 0 ? '' : ` (bad byte 0x${bytes[at].toString(16).padStart(2, '0')} at offset ${at})`;
    throw invalid(file, `not valid UTF-8 text${detail}; save the file as UTF-8`, line);
  }
  const warnings: string[] = [];
  if (text.charCodeAt(0) === 0xfeff) {
    text = text.slice(1);
    warnings.push(
      `${file}: removed a UTF-8 byte-order mark (BOM) at the start of the file; ` +
        'HiGHS would misread the first line and silently drop the objective',
    );
  }
  return { text, warnings };
}

/** Offset of the first byte that breaks UTF-8 (RFC 3629: no overlongs, surrogates or > U+10FFFF), or -1. */
function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i];
    if (c < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) need = 1;
    else if (c >= 0xe0 && c <= 0xef) {
      need = 2;
      if (c === 0xe0) lo = 0xa0;
      if (c === 0xed) hi = 0x9f;
    } else if (c >= 0xf0 && c <= 0xf4) {
      need = 3;
      if (c === 0xf0) lo = 0x90;
      if (c === 0xf4) hi = 0x8f;
    } else return i;
    for (let k = 1; k <= need; k++) {
      const d = b[i + k];
      if (d === undefined || d < (k === 1 ? lo : 0x80) || d > (k === 1 ? hi : 0xbf)) return i;
    }
    i += need + 1;
  }
  return -1;
}

function lineOfByte(b: Uint8Array, at: number): number {
  let line = 1;
  for (let i = 0; i < at; i++) if (b[i] === 0x0a) line++;
  return line;
}
