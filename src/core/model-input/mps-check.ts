// Checks MPS text the way HiGHS will read it: free format (highs/io/HMpsFF.cpp) unless HiGHS
// would switch to its fixed-format reader (see mps-fixed.ts). Rejects NaN, infinite coefficients,
// values HiGHS would misread and lines it would silently ignore; warns where HiGHS reads a file
// differently from other MPS readers.

import { clip, invalid } from './errors';
import { BOUND_TYPES, dataLineFault, type LineContext } from './mps-fields';
import { checkFixedMps, fixedFormatSwitch } from './mps-fixed';
import { forEachLine, highsWords, isComment, isSenseLine, sectionKeyword } from './mps-syntax';
import { atofValue, fortranToC } from './numbers';

/** What the check found in text HiGHS will read: warnings, and the lines HiGHS reads but silently ignores. */
export interface MpsReading {
  /** What HiGHS reads unlike other readers (the answer is still the model as written). */
  warnings: string[];
  /** Lines HiGHS ignores without an error (the answer is of another model than written: suspect). */
  misread: string[];
}

/** Rejects MPS text that HiGHS would refuse late or misread in ways we reject; reports what it reads unlike other readers and the lines it silently ignores. */
export function checkMpsNumbers(text: string, file: string): MpsReading {
  const fixed = fixedFormatSwitch(text);
  if (fixed) {
    checkFixedMps(text, file, fixed);
    return { warnings: [], misread: [] };
  }
  return checkFreeMps(text, file);
}

// A NAME or OBJSENSE line inside a data section (a column or row named so, as in HiGHS's own
// check/instances/silly-names.mps) makes HMpsFF::checkFirstWord open that section: HiGHS reads the file
// with kOk, but ignores every line up to the next section. Such a file is solved as HiGHS reads it and its
// result flagged suspect, naming the ignored lines.
/** A keyword line in a data section and the lines HiGHS ignored after it. */
interface Misreading {
  line: number;
  keyword: string;
  section: string;
  ignored: number[];
}

const lineList = (lines: number[]): string => {
  const parts: string[] = [];
  for (let i = 0; i < lines.length;) {
    let j = i;
    while (j + 1 < lines.length && lines[j + 1] === lines[j] + 1) j++;
    parts.push(i === j ? `${lines[i]}` : `${lines[i]}–${lines[j]}`);
    i = j + 1;
  }
  return parts.join(', ');
};

function misreadNote(file: string, m: Misreading, next: { keyword: string; line: number } | null): string {
  const lines = [m.line, ...m.ignored];
  const upTo = next ? `up to ${next.keyword} on line ${next.line}` : 'to the end of the file';
  return (
    `${file}: HiGHS ignored line${lines.length === 1 ? '' : 's'} ${lineList(lines)}: it reads line ${m.line}, which starts with ` +
    `${m.keyword}, as the ${m.keyword} section (whatever follows, so no column or row may be called ${m.keyword}), ` +
    `which ends the ${m.section} section there, and skips the lines ${upTo}; the model solved is not the one written`
  );
}

/** True where HMpsFF::parseDefault reads the line: before the first section, or after NAME. */
const readByDefault = (section: string) => section === '' || section === 'NAME';

function checkFreeMps(text: string, file: string): MpsReading {
  const ctx: LineContext = { objective: undefined, reader: 'free' };
  const bounds = new LowerBoundNotes();
  const misread: string[] = [];
  let misreading: Misreading | null = null;
  let section = '';
  let sectionLine = 0;
  forEachLine(text, (raw, lineNo) => {
    if (isComment(raw)) return;
    const words = highsWords(raw);
    if (words.length === 0) return;

    const keyword = sectionKeyword(words);
    if (keyword) {
      if (misreading) {
        misread.push(misreadNote(file, misreading, { keyword, line: lineNo }));
        misreading = null;
      }
      if ((keyword === 'NAME' || keyword === 'OBJSENSE') && opensInData(words, section)) {
        misreading = { line: lineNo, keyword, section, ignored: [] };
      } else if (keyword === 'NAME' || keyword === 'OBJSENSE') checkKeywordLine(words, section, file, lineNo);
      section = keyword;
      sectionLine = lineNo;
      return keyword !== 'ENDATA'; // HiGHS stops reading here
    }
    if (misreading) {
      misreading.ignored.push(lineNo);
      return;
    }
    if (isSenseLine(words)) {
      if (section === 'OBJSENSE') return;
      const where = readByDefault(section)
        ? 'HiGHS ignores it here'
        : `HiGHS takes it for the end of the ${section} section and ignores the lines up to the next section`;
      throw invalid(
        file,
        `'${clip(words[0])}' alone on a line sets the objective sense only under OBJSENSE; ${where}`,
        lineNo,
        1,
      );
    }
    if (section === 'OBJSENSE') {
      throw invalid(
        file,
        `HiGHS ignores this line: it is under OBJSENSE (line ${sectionLine}), where HiGHS reads only a word starting with MAX or MIN alone on its line`,
        lineNo,
      );
    }
    if (section === 'ROWS' && words[0] === 'N' && words.length >= 2) ctx.objective ??= words[1];
    if (section === 'COLUMNS' && words[1]?.toUpperCase() === "'MARKER'") {
      if (words[1] === "'MARKER'") return; // integrality markers; HiGHS checks 'INTORG' / 'INTEND' itself
      throw invalid(
        file,
        `HiGHS recognises the integrality marker only as 'MARKER' in upper case; it would read this line as column ${clip(words[0])} with an entry in row ${clip(words[1])}`,
        lineNo,
        2,
      );
    }
    const fault = dataLineFault(section, words, ctx);
    if (fault) throw invalid(file, fault.problem, lineNo, fault.field);
    if (section === 'BOUNDS') bounds.note(words, lineNo);
  });
  if (misreading) misread.push(misreadNote(file, misreading, null));
  return { warnings: bounds.warnings(file), misread };
}

/** A NAME line, or an OBJSENSE line with more than a sense, inside a data section: HiGHS opens that section there. */
function opensInData(words: string[], section: string): boolean {
  const inData = !readByDefault(section) && section !== 'OBJSENSE';
  return inData && (words[0].toUpperCase() === 'NAME' || words.length > 2);
}

/** An OBJSENSE line outside a data section: rejects a MAX... word after it that HiGHS would ignore. */
function checkKeywordLine(words: string[], section: string, file: string, lineNo: number): void {
  if (words[0].toUpperCase() !== 'NAME') checkSenseArgument(words, section, file, lineNo);
}

/**
 * "OBJSENSE MAX" on one line: HMpsFF::parseDefault reads MAX or MIN (any case) after OBJSENSE,
 * but only before the first section or after NAME; elsewhere, or for another word such as
 * MAXIMIZE, it ignores the word and minimizes. Rejects a MAX... word that HiGHS would ignore.
 */
function checkSenseArgument(words: string[], section: string, file: string, lineNo: number): void {
  if (words.length < 2) return;
  const sense = words[1].toUpperCase();
  const read = readByDefault(section);
  if ((read && (sense === 'MAX' || sense === 'MIN')) || !sense.startsWith('MAX')) return;
  const word = clip(words[1]);
  const problem = read
    ? `HiGHS reads only MAX or MIN after OBJSENSE on the same line, so it ignores '${word}' and would minimize; write 'OBJSENSE MAX', or put ${word} alone on the next line`
    : `HiGHS reads 'OBJSENSE ${word}' on one line only before the first section (for example right after NAME); here it ignores '${word}' and would minimize; put ${word} alone on the next line`;
  throw invalid(file, problem, lineNo, 2);
}

/** The BOUNDS entries that set a lower bound (HMpsFF::parseBounds: is_lb). */
const SETS_LOWER = new Set(['LO', 'MI', 'FX', 'FR', 'LI', 'BV']);

/**
 * Columns with a negative UP or UI bound and no lower bound: HMpsFF keeps their lower bound 0
 * (so the model is infeasible), where CPLEX and HiGHS's own fixed-format reader make it -inf.
 */
class LowerBoundNotes {
  private readonly hasLower = new Set<string>();
  private readonly negativeUpper = new Map<string, { line: number; type: string; value: number }>();

  note(t: string[], line: number): void {
    const type = t[0];
    const column = BOUND_TYPES.get(type) === 'ignored' ? t[t.length >= 3 ? 2 : 1] : t[t.length === 4 ? 2 : 1];
    if (SETS_LOWER.has(type)) this.hasLower.add(column);
    if ((type === 'UP' || type === 'UI') && (t.length === 3 || t.length === 4) && !this.negativeUpper.has(column)) {
      const value = atofValue(fortranToC(t[t.length - 1]));
      if (value < 0) this.negativeUpper.set(column, { line, type, value });
    }
  }

  warnings(file: string): string[] {
    const out: string[] = [];
    for (const [column, { line, type, value }] of this.negativeUpper) {
      if (this.hasLower.has(column)) continue;
      out.push(
        `${file}, line ${line}: column ${clip(column)} has the negative ${type} bound ${value} but no lower bound; ` +
          'HiGHS keeps the default lower bound 0, so the model is infeasible, where CPLEX and fixed-format readers ' +
          `make the lower bound -inf (add 'MI BND ${clip(column)}' for that)`,
      );
    }
    return out;
  }
}
