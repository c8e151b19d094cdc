// How HiGHS's free-format MPS reader (highs/io/HMpsFF.cpp) cuts a file: lines, comments,
// words split on "\t\n\v\f\r " (util/stringutil), and which lines are section keywords.

/** Calls fn with each line (without its "\n") and its 1-based number; stops early when fn returns false. */
export function forEachLine(text: string, fn: (raw: string, lineNo: number) => boolean | void): void {
  let lineNo = 0;
  for (let start = 0; start <= text.length;) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const raw = text.slice(start, end);
    start = end + 1;
    if (fn(raw, ++lineNo) === false) return;
  }
}

/** HMpsFF::getMpsLine skips a line that starts with "*" in column 1. */
export const isComment = (raw: string) => raw.startsWith('*');

const HIGHS_BLANKS = /[\t\n\v\f\r ]+/;
const HIGHS_TRIM = /^[\t\n\v\f\r ]+|[\t\n\v\f\r ]+$/g;

/** The line without HiGHS's blanks at either end (its trim). */
export const highsTrim = (raw: string) => raw.replace(HIGHS_TRIM, '');

/** The words of a line as HiGHS splits them; [] for a blank line. */
export function highsWords(raw: string): string[] {
  const line = highsTrim(raw);
  return line === '' ? [] : line.split(HIGHS_BLANKS);
}

const isBlank = (c: string | undefined) => c !== undefined && '\t\n\v\f\r '.includes(c);

/** stringutil's first_word_end: the end of the word at or after start, or the line's length. */
export function firstWordEnd(s: string, start: number): number {
  let i = start;
  while (i < s.length && isBlank(s[i])) i++;
  while (i < s.length && !isBlank(s[i])) i++;
  return i;
}

/** stringutil's first_word: the word at or after start, or "" past the end. */
export function firstWord(s: string, start: number): string {
  if (start >= s.length) return '';
  let i = start;
  while (i < s.length && isBlank(s[i])) i++;
  return s.slice(i, firstWordEnd(s, i));
}

/** Section keywords that may carry arguments on their line (HMpsFF::checkFirstWord). */
export const MPS_SECTIONS_WITH_ARGS = new Set(['NAME', 'OBJSENSE', 'QSECTION', 'QCMATRIX', 'CSECTION']);

/** Every section keyword HMpsFF knows; of these, HiGHS itself refuses DELAYEDROWS, MODELCUTS, USERCUTS, INDICATORS, GENCONS and the PWL sections. */
export const MPS_SECTIONS = new Set([
  ...MPS_SECTIONS_WITH_ARGS,
  ...['ROWS', 'COLUMNS', 'RHS', 'RANGES', 'BOUNDS', 'SOS', 'SETS', 'QUADOBJ', 'QMATRIX', 'INDICATORS', 'ENDATA'],
  ...['DELAYEDROWS', 'MODELCUTS', 'USERCUTS', 'GENCONS', 'PWLOBJ', 'PWLNAM', 'PWLCON'],
]);

/** The sections holding a quadratic objective or quadratic rows: "column column value [column value]". */
export const QUADRATIC_SECTIONS = new Set(['QUADOBJ', 'QMATRIX', 'QSECTION', 'QCMATRIX']);

/** The section a line opens, as HMpsFF::checkFirstWord sees it (any case; alone on its line unless it takes arguments), or null. */
export function sectionKeyword(words: string[]): string | null {
  if (words.length === 0) return null;
  const head = words[0].toUpperCase();
  return MPS_SECTIONS.has(head) && (words.length === 1 || MPS_SECTIONS_WITH_ARGS.has(head)) ? head : null;
}

/** True for a word alone on its line that HMpsFF takes for an objective sense (it starts with MAX or MIN, any case), wherever it is. */
export function isSenseLine(words: string[]): boolean {
  return words.length === 1 && words[0].length > 1 && /^(?:max|min)/i.test(words[0]);
}
