// Number literals read the way HiGHS reads them: C's strtod for LP text and, for MPS fields,
// atof after HMpsFF::getValue turns a Fortran exponent D into E (the fixed-format reader does not).

import { clip } from './errors';

/** How a number literal reads: finite, infinite (inf/infinity or a literal that overflows), or NaN. */
export type NumberKind = 'finite' | 'infinite' | 'nan';

const isDigit = (c: number) => c >= 48 && c <= 57;
const isHexDigit = (c: number) => isDigit(c) || ((c | 0x20) >= 97 && (c | 0x20) <= 102);
const isSign = (c: number) => c === 43 || c === 45; // + -

/** Case-insensitive test that s[at..end) starts with the lower-case word w. */
function startsWithCI(s: string, at: number, end: number, w: string): boolean {
  if (at + w.length > end) return false;
  for (let k = 0; k < w.length; k++) {
    if ((s.charCodeAt(at + k) | 0x20) !== w.charCodeAt(k)) return false;
  }
  return true;
}

/**
 * End of the longest number at s[start..end) as strtod reads it (decimal, hexadecimal,
 * inf/infinity, nan or nan(chars), any case; a leading sign only when allowSign), or start if none.
 */
export function scanNumber(s: string, start: number, end: number, allowSign: boolean): number {
  const i = allowSign && start < end && isSign(s.charCodeAt(start)) ? start + 1 : start;
  if (startsWithCI(s, i, end, 'infinity')) return i + 8;
  if (startsWithCI(s, i, end, 'inf')) return i + 3;
  if (startsWithCI(s, i, end, 'nan')) return nanEnd(s, i + 3, end);
  const hex = hexEnd(s, i, end);
  if (hex > i) return hex;
  const dec = decimalEnd(s, i, end);
  return dec > i ? dec : start;
}

/** strtod also accepts "nan(chars)". */
function nanEnd(s: string, i: number, end: number): number {
  if (s[i] !== '(') return i;
  let j = i + 1;
  while (j < end && /\w/.test(s[j])) j++;
  return j < end && s[j] === ')' ? j + 1 : i;
}

/**
 * End of an unsigned number literal at i, or i if there is none: decimal (digits, optional point,
 * optional e-exponent) or, with `hex`, hexadecimal such as 0x1A or 0x1.8p3 (p-exponent).
 */
function literalEnd(s: string, i: number, end: number, hex: boolean): number {
  if (hex && !(s[i] === '0' && (s[i + 1] === 'x' || s[i + 1] === 'X'))) return i;
  const isMantissaDigit = hex ? isHexDigit : isDigit;
  const exponentMark = hex ? 'p' : 'e';
  let j = hex ? i + 2 : i;
  const first = j;
  while (j < end && isMantissaDigit(s.charCodeAt(j))) j++;
  let digits = j - first;
  if (j < end && s[j] === '.') {
    const afterPoint = ++j;
    while (j < end && isMantissaDigit(s.charCodeAt(j))) j++;
    digits += j - afterPoint;
  }
  if (digits === 0) return i;
  if (j < end && s[j].toLowerCase() === exponentMark) {
    let k = j + 1;
    if (k < end && isSign(s.charCodeAt(k))) k++;
    if (k < end && isDigit(s.charCodeAt(k))) {
      while (k < end && isDigit(s.charCodeAt(k))) k++;
      j = k;
    }
  }
  return j;
}

/** End of an unsigned decimal literal at i, or i. */
const decimalEnd = (s: string, i: number, end: number): number => literalEnd(s, i, end, false);
/** End of an unsigned hexadecimal literal at i, or i. */
const hexEnd = (s: string, i: number, end: number): number => literalEnd(s, i, end, true);

/** Classifies the number literal s[start..end) found by scanNumber. */
export function numberKind(s: string, start: number, end: number): NumberKind {
  const i = isSign(s.charCodeAt(start)) ? start + 1 : start;
  const first = s.charCodeAt(i) | 0x20;
  if (first === 105) return 'infinite'; // i
  if (first === 110) return 'nan'; // n
  const body = s.slice(i, end);
  // Short literals without an exponent cannot overflow; only the rest are evaluated.
  if (body.length < 300 && !/[eEpP]/.test(body)) return 'finite';
  return Number.isFinite(literalValue(body)) ? 'finite' : 'infinite';
}

/** The value of an unsigned decimal or hexadecimal literal. */
function literalValue(body: string): number {
  if (!/^0x/i.test(body)) return Number(body);
  const [mantissa, exponent = '0'] = body.slice(2).split(/p/i);
  const [whole, fraction = ''] = mantissa.split('.');
  return parseInt(whole + fraction || '0', 16) * 2 ** (Number(exponent) - 4 * fraction.length);
}

/** What C's atof returns for the text: the value of its longest number prefix, or 0 if it has none; shown when HiGHS would misread a field. */
export function atofValue(text: string): number {
  const end = scanNumber(text, 0, text.length, true);
  if (end === 0) return 0;
  const i = isSign(text.charCodeAt(0)) ? 1 : 0;
  const kind = numberKind(text, 0, end);
  const value =
    kind === 'nan' ? NaN : (text.charCodeAt(i) | 0x20) === 105 ? Infinity : literalValue(text.slice(i, end));
  return text[0] === '-' ? -value : value;
}

/** What can be wrong with a field that should be a number. */
export type NumberFault = 'not-a-number' | 'nan' | 'infinite';

/** What is wrong with a whole field as a strtod number, or null if it is one (finite, unless infinity is allowed). */
export function fieldFault(text: string, mustBeFinite: boolean): NumberFault | null {
  const end = scanNumber(text, 0, text.length, true);
  if (end === 0 || end !== text.length) return 'not-a-number';
  const kind = numberKind(text, 0, end);
  if (kind === 'nan') return 'nan';
  return kind === 'infinite' && mustBeFinite ? 'infinite' : null;
}

const INFINITE_ALLOWED = 'only bounds and right-hand sides (RHS, RANGES, BOUNDS) may be infinite';

/** The words for a bad value: "is 'x', not a number" or "is 'inf', not finite (...)". */
export function faultWords(fault: NumberFault, text: string): string {
  const quoted = `'${clip(text)}'`;
  return fault === 'infinite' ? `is ${quoted}, not finite; ${INFINITE_ALLOWED}` : `is ${quoted}, not a number`;
}

// ----- MPS fields ------------------------------------------------------------

/** Which HiGHS MPS reader reads a file: 'free' (HMpsFF, the default) or 'fixed' (HMPSIO, used once names with spaces are seen). */
export type MpsReader = 'free' | 'fixed';

/** HMpsFF::getValue's dD2e: the first 'D', or failing that the first 'd', becomes 'E', so 1.0D3 reads as 1.0E3. */
export function fortranToC(text: string): string {
  let at = text.indexOf('D');
  if (at < 0) at = text.indexOf('d');
  return at < 0 ? text : `${text.slice(0, at)}E${text.slice(at + 1)}`;
}

/** A bad MPS value: its fault, and the words that follow the description of the field. */
export interface ValueFault {
  fault: NumberFault;
  words: string;
}

const isHexLiteral = (text: string) => /^[+-]?0x/i.test(text);

/**
 * Checks an MPS field as the reader converts it (free: D→E, then atof; fixed: atof alone),
 * accepting exactly the fields HiGHS reads as written; null if the value is fine.
 */
export function mpsValueFault(text: string, mustBeFinite: boolean, reader: MpsReader): ValueFault | null {
  const quoted = `'${clip(text)}'`;
  const converted = fortranToC(text);
  if (reader === 'free') {
    if (converted !== text && isHexLiteral(text)) {
      const misread = `'${clip(converted)}' = ${atofValue(converted)}`;
      return {
        fault: 'not-a-number',
        words: `is ${quoted}, which HiGHS misreads as ${misread} (it turns the first D into an exponent E); write the number in decimal`,
      };
    }
    const fault = fieldFault(converted, mustBeFinite);
    return fault && { fault, words: faultWords(fault, text) + readAs(fault, converted) };
  }
  const fault = fieldFault(text, mustBeFinite);
  if (fault === 'not-a-number' && converted !== text && fieldFault(converted, false) !== 'not-a-number') {
    return {
      fault,
      words: `is ${quoted}, a Fortran D exponent, which HiGHS's fixed-format MPS reader does not read (it would read ${atofValue(text)}); write '${clip(converted)}'`,
    };
  }
  return fault && { fault, words: faultWords(fault, text) + readAs(fault, text) };
}

/** For a field that is not a number: what atof, and so HiGHS, would silently make of it. */
function readAs(fault: NumberFault, atofText: string): string {
  return fault === 'not-a-number' ? ` (HiGHS would read it as ${atofValue(atofText)})` : '';
}
