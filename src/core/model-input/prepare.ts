// The whole check of an uploaded model, from bytes to text that HiGHS reads as written:
// size cap, gunzip, UTF-8/BOM, format, "is there a model", and the numbers.

import { MAX_DECOMPRESSED_BYTES, MAX_INPUT_BYTES, decodeText, gunzip, isGzip } from './bytes';
import { MIB, formatLimit, invalid } from './errors';
import { detectFormat, isBlankModel, looksLikeModel, type ModelFormat } from './format';
import { checkLpNumbers } from './lp-check';
import { checkMpsNumbers, type MpsReading } from './mps-check';

/** A model that passed every check: the text to hand to HiGHS, plus warnings and sizes to show the user. */
export interface PreparedModel {
  name: string;
  format: ModelFormat;
  text: string;
  warnings: string[];
  /** Lines HiGHS reads without an error but ignores (see MpsReading): the result is flagged suspect. */
  misread: string[];
  inputBytes: number;
  decompressedBytes: number;
}

/** Rejects NaN anywhere, infinite or overflowing numbers where HiGHS needs a finite coefficient, and numbers or lines HiGHS would misread; throws at the first problem with its 1-based line, and returns what HiGHS reads unlike other solvers and the lines it ignores. */
export function checkModelText(text: string, format: ModelFormat, file: string): MpsReading {
  if (format === 'lp') {
    checkLpNumbers(text, file);
    return { warnings: [], misread: [] };
  }
  return checkMpsNumbers(text, file);
}

/** checkModelText's warnings, for callers that solve nothing (the lines HiGHS ignores are in checkModelText). */
export function checkNumbers(text: string, format: ModelFormat, file: string): string[] {
  return checkModelText(text, format, file).warnings;
}

/** The size cap on a file as given; the page checks it before reading a file, the worker again. */
export function checkInputSize(name: string, size: number): void {
  if (size > MAX_INPUT_BYTES) {
    throw invalid(name, `file is ${(size / MIB).toFixed(1)} MiB, over the ${formatLimit(MAX_INPUT_BYTES)} limit`);
  }
}

/** The whole pipeline: size cap → gunzip if needed → decode/BOM → format → looksLikeModel (non-blank only) → checkNumbers. */
export async function prepareModel(input: {
  name: string;
  bytes: Uint8Array;
  format?: ModelFormat;
}): Promise<PreparedModel> {
  const { name, bytes } = input;
  checkInputSize(name, bytes.length);
  const compressed = isGzip(bytes) || name.toLowerCase().endsWith('.gz');
  const raw = compressed ? await gunzip(bytes, name, MAX_DECOMPRESSED_BYTES) : bytes;
  const { text, warnings } = decodeText(raw, name);
  const format = input.format ?? detectFormat(name, text);

  if (isBlankModel(text, format)) throw invalid(name, 'file is empty (only whitespace or comments)');
  if (!looksLikeModel(text, format)) {
    throw invalid(
      name,
      format === 'lp'
        ? 'no LP model found (no Minimize/Maximize/Subject To/End section); is this an LP file?'
        : 'no MPS model found (no ROWS section); is this an MPS file?',
    );
  }
  const reading = checkModelText(text, format, name);
  warnings.push(...reading.warnings);
  return {
    name,
    format,
    text,
    warnings,
    misread: reading.misread,
    inputBytes: bytes.length,
    decompressedBytes: raw.length,
  };
}
