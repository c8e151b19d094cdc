// HiGHS's fixed-format MPS reader (highs/io/HMPSIO.cpp). HiGHS switches to it when its
// free-format reader meets what looks like a name with spaces; it then reads every line by
// column position, with atof (no D exponents), only six bound types and a fixed section order.

import { clip, invalid } from './errors';
import { dataLineFault, type LineContext, type LineFault } from './mps-fields';
import { mpsValueFault } from './numbers';
import {
  firstWord,
  firstWordEnd,
  forEachLine,
  highsTrim,
  highsWords,
  isComment,
  isSenseLine,
  sectionKeyword,
} from './mps-syntax';

/** Why HiGHS reads a file with its fixed-format reader: the line that made HMpsFF give up free format, and the reason in words. */
export interface FixedFormatSwitch {
  line: number;
  reason: string;
}

/**
 * Mirrors HMpsFF's switch to fixed format: in ROWS, a row name followed by more text, of at most
 * 8 characters (parseRows); in COLUMNS, a second word that ends before column 9 of the trimmed
 * line and is no row name, with at most 8 characters in the first 10 (parseCols). Null if HiGHS
 * reads the whole file free-format (or fails first, which it reports itself).
 */
export function fixedFormatSwitch(text: string): FixedFormatSwitch | null {
  let section = '';
  const rows = new Set<string>();
  let hasObjective = false;
  let found: FixedFormatSwitch | null = null;
  forEachLine(text, (raw, lineNo) => {
    if (isComment(raw)) return;
    const s = highsTrim(raw);
    if (s === '') return;
    const words = highsWords(s);
    const key = sectionKeyword(words);
    if (key) {
      if (section === 'ROWS' && !hasObjective) rows.add('artificial_empty_objective');
      section = key;
      return key !== 'ENDATA';
    }
    if (isSenseLine(words)) {
      if (section !== 'OBJSENSE') section = ''; // HMpsFF ignores what follows, up to the next section
      return;
    }
    if (section === 'ROWS') {
      if (!'GELN'.includes(s[0])) return false; // HiGHS stops with an error
      hasObjective ||= s[0] === 'N';
      if (firstWordEnd(s, 1) < s.length) {
        const name = highsTrim(s.slice(1));
        if (name.length <= 8)
          found = { line: lineNo, reason: `line ${lineNo} has a row name with a space ('${clip(name)}')` };
        return false;
      }
      rows.add(firstWord(s, 1));
    } else if (section === 'COLUMNS') {
      const end = firstWordEnd(s, 0);
      const row = firstWord(s, end);
      if (row === "'MARKER'") return;
      if (firstWordEnd(s, end) < 9 && !rows.has(row)) {
        const name = highsTrim(s.slice(0, 10));
        if (name.length <= 8) {
          found = {
            line: lineNo,
            reason: `'${clip(row)}' on line ${lineNo} is not a row name, so HiGHS takes '${clip(name)}' for a column name with a space`,
          };
        }
        return false;
      }
    }
  });
  return found;
}

/** The six fields of a fixed-format line, at columns 2-3, 5-12, 15-22, 25-36, 40-47 and 50-61, trimmed. */
function fixedFields(raw: string): string[] {
  return [
    [1, 3],
    [4, 12],
    [14, 22],
    [24, 36],
    [39, 47],
    [49, 61],
  ].map(([a, b]) => raw.slice(a, b).trim());
}

/** HMPSIO's load_mpsLine takes the type from column 3, or column 2 if column 3 is blank. */
const typeLetter = (raw: string) => (raw[2] === ' ' || raw[2] === undefined ? raw[1] : raw[2]);

/** The bound types readMps knows, by the letter it looks at. */
const FIXED_BOUNDS = new Map([
  ['P', 'UP'],
  ['O', 'LO'],
  ['X', 'FX'],
  ['I', 'MI'],
  ['L', 'PL'],
  ['R', 'FR'],
]);

/** The sections in the order readMps reads them (it goes by position, not by name); a Q section may be QUADOBJ, QMATRIX or QSECTION. */
const FIXED_ORDER = ['NAME', 'OBJSENSE', 'ROWS', 'COLUMNS', 'RHS', 'RANGES', 'BOUNDS', 'Q', 'ENDATA'];
const OPTIONAL_SECTIONS = new Set(['OBJSENSE', 'RANGES', 'BOUNDS', 'Q']);
const ORDER_WORDS = 'NAME, [OBJSENSE], ROWS, COLUMNS, RHS, [RANGES], [BOUNDS], [QUADOBJ], ENDATA';

/** The fault of a data line as readMps reads it, with fixed-format field numbers, or null. */
function fixedLineFault(raw: string, section: string, ctx: LineContext): LineFault | null {
  const f = fixedFields(raw);
  if (section === 'BOUNDS') {
    const type = f[0];
    if (![...FIXED_BOUNDS.values()].includes(type)) {
      const readAs = FIXED_BOUNDS.get(typeLetter(raw));
      const effect = readAs ? `reads it as ${readAs}` : 'ignores the line';
      return {
        fault: 'shape',
        problem: `bound type '${clip(type)}' is not read by HiGHS's fixed-format MPS reader, which ${effect}`,
        field: 1,
      };
    }
    if (type !== 'UP' && type !== 'LO' && type !== 'FX') return null;
    const bad = mpsValueFault(f[3], false, 'fixed');
    return bad && { fault: bad.fault, problem: `${type} bound of column ${clip(f[2])} ${bad.words}`, field: 4 };
  }
  if (section === 'COLUMNS' && raw[14] === "'" && raw.slice(15, 21) === 'MARKER') return null;
  const twoEntries = raw.trimEnd().length > 39;
  const fault = dataLineFault(section, twoEntries ? f.slice(1, 6) : f.slice(1, 4), ctx);
  return fault && { ...fault, field: fault.field === undefined ? undefined : fault.field + 1 };
}

/** Checks a file that HiGHS reads with its fixed-format reader: the section order, bound types and every value as HMPSIO reads it. */
export function checkFixedMps(text: string, file: string, why: FixedFormatSwitch): void {
  const because = ` (HiGHS reads this file with its fixed-format MPS reader because ${why.reason})`;
  const ctx: LineContext = { objective: undefined, reader: 'fixed' };
  let at = -1; // index in FIXED_ORDER of the current section
  let linesInSection = 0;
  forEachLine(text, (raw, lineNo) => {
    if (isComment(raw) || raw.trim() === '') return;
    if (raw[0] !== ' ') {
      const word = highsWords(raw)[0];
      const slot = /^Q/.test(word) ? 'Q' : word;
      const next = FIXED_ORDER.indexOf(slot);
      const skipped = FIXED_ORDER.slice(at + 1, next);
      const inOrder = next > at && skipped.every((s) => OPTIONAL_SECTIONS.has(s) || (s === 'RHS' && slot === 'ENDATA'));
      if (!inOrder || (at === 1 && linesInSection !== 1) || (at === 0 && linesInSection > 0)) {
        const problem =
          FIXED_ORDER.includes(slot) || sectionKeyword([word])
            ? `section ${clip(word)} is out of place: HiGHS's fixed-format MPS reader takes the sections by position, in the order ${ORDER_WORDS}, with one line under OBJSENSE`
            : `'${clip(word)}' is no section name: in fixed-format MPS, section names are in upper case and data lines start with a space`;
        throw invalid(file, problem + because, lineNo);
      }
      at = next;
      linesInSection = 0;
      return slot !== 'ENDATA';
    }
    linesInSection++;
    if (at < 0) throw invalid(file, `fixed-format MPS starts with the NAME line${because}`, lineNo);
    const section = FIXED_ORDER[at] === 'Q' ? 'QUADOBJ' : FIXED_ORDER[at];
    if (section === 'ROWS' && typeLetter(raw) === 'N') ctx.objective ??= raw.slice(4, 12).trim();
    const fault = fixedLineFault(raw, section, ctx);
    if (fault) throw invalid(file, fault.problem + because, lineNo, fault.field);
  });
}
