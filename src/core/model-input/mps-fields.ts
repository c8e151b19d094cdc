// Checks one MPS data line of a section, given its words: the shape of the line and each
// value, with the section's rules from HiGHS's readers (which fields are values, which may be
// infinite, which bound types exist and which of them take a value).

import { clip } from './errors';
import { fieldFault, mpsValueFault, type MpsReader, type NumberFault } from './numbers';
import { QUADRATIC_SECTIONS } from './mps-syntax';

/** What a bound type of HMpsFF::parseBounds does with a value: needs one, ignores one (FR, MI, PL, BV), or semi (SC, SI: HiGHS needs it, but it may be left to HiGHS to say so). */
type BoundValue = 'value' | 'ignored' | 'semi';

/** The bound types HiGHS's free-format reader knows, in upper case only, as it compares them. */
export const BOUND_TYPES: ReadonlyMap<string, BoundValue> = new Map([
  ...(['UP', 'LO', 'FX', 'LI', 'UI'] as const).map((t) => [t, 'value'] as const),
  ...(['FR', 'MI', 'PL', 'BV'] as const).map((t) => [t, 'ignored'] as const),
  ...(['SC', 'SI'] as const).map((t) => [t, 'semi'] as const),
]);

/** What is wrong with a data line: a bad value, or a line of the wrong shape; field is 1-based. */
export interface LineFault {
  fault: NumberFault | 'shape';
  problem: string;
  field?: number;
}

/** What a data line is checked against: the objective row (the first N row) and the reader that converts its numbers. */
export interface LineContext {
  objective: string | undefined;
  reader: MpsReader;
}

/** Checks the value at t[i]; on a fault, describes it with what() (built only then). */
function valueAt(
  t: string[],
  i: number,
  mustBeFinite: boolean,
  ctx: LineContext,
  what: () => string,
): LineFault | null {
  const bad = mpsValueFault(t[i], mustBeFinite, ctx.reader);
  return bad ? { fault: bad.fault, problem: `${what()} ${bad.words}`, field: i + 1 } : null;
}

/** A line of the wrong shape. */
const shape = (problem: string, field?: number): LineFault => ({ fault: 'shape', problem, field });

/** Names the row, marking the objective (the first N row). */
function rowLabel(row: string, objective: string | undefined): string {
  return row === objective ? `row ${clip(row)} (the objective)` : `row ${clip(row)}`;
}

/** COLUMNS: "column row value [row value]"; coefficients must be finite. */
function columnsFault(t: string[], ctx: LineContext): LineFault | null {
  if (t.length !== 3 && t.length !== 5)
    return shape(`expected 'column row value [row value]' but found ${t.length} fields`);
  for (let i = 2; i < t.length; i += 2) {
    const fault = valueAt(
      t,
      i,
      true,
      ctx,
      () => `coefficient of column ${clip(t[0])} in ${rowLabel(t[i - 1], ctx.objective)}`,
    );
    if (fault) return fault;
  }
  return null;
}

/** RHS and RANGES: "[set] row value [row value]"; with 2 or 4 fields there is no set name. */
function rhsFault(t: string[], section: string, ctx: LineContext): LineFault | null {
  if (t.length < 2 || t.length > 5)
    return shape(`expected '[set] row value [row value]' in ${section} but found ${t.length} fields`);
  const objective = ctx.objective;
  for (let i = t.length % 2 === 0 ? 1 : 2; i < t.length; i += 2) {
    const row = t[i - 1];
    // an RHS on the objective row is the objective offset, which must be finite
    const isOffset = section === 'RHS' && row === objective;
    const fault = valueAt(t, i, isOffset, ctx, () =>
      section === 'RANGES'
        ? `range of ${rowLabel(row, objective)}`
        : isOffset
          ? `right-hand side of objective row ${clip(row)} (the objective offset)`
          : `right-hand side of row ${clip(row)}`,
    );
    if (fault) return fault;
  }
  return null;
}

/** The message for a bound type HiGHS does not know; it compares them in upper case only. */
function unknownBoundType(type: string): string {
  const upper = type.toUpperCase();
  return BOUND_TYPES.has(upper)
    ? `unknown bound type '${clip(type)}'; HiGHS reads bound types in upper case only ('${upper}')`
    : `unknown bound type '${clip(type)}'; HiGHS knows ${[...BOUND_TYPES.keys()].join(', ')}`;
}

/** BOUNDS: "type [set] column [value]"; FR, MI, PL and BV ignore a value (only NaN is refused there), SC's and SI's may be left out. */
function boundsFault(t: string[], ctx: LineContext): LineFault | null {
  const type = t[0];
  const kind = BOUND_TYPES.get(type);
  if (!kind) return shape(unknownBoundType(type), 1);
  const check = (i: number) => valueAt(t, i, false, ctx, () => `${type} bound of column ${clip(t[i - 1])}`);
  if (kind === 'value') {
    if (t.length === 3 || t.length === 4) return check(t.length - 1);
    return shape(`expected '${type} [set] column value' but found ${t.length} fields`);
  }
  if (kind === 'ignored') {
    if (t.length === 4 && fieldFault(t[3], false) === 'nan') return check(3);
    if (t.length >= 2 && t.length <= 4) return null;
    return shape(`expected '${type} [set] column' but found ${t.length} fields`);
  }
  if (t.length === 4) return check(3);
  if (t.length === 3 && mpsValueFault(t[2], false, ctx.reader)?.fault !== 'not-a-number') return check(2);
  if (t.length === 2 || t.length === 3) return null;
  return shape(`expected '${type} [set] column value' but found ${t.length} fields`);
}

/** QUADOBJ, QMATRIX, QSECTION, QCMATRIX: "column column value [column value]" (HMpsFF::parseQuadMatrix reads two entries a line); values must be finite. */
function quadraticFault(t: string[], section: string, ctx: LineContext): LineFault | null {
  if (t.length !== 3 && t.length !== 5) {
    return shape(`expected 'column column value [column value]' in ${section} but found ${t.length} fields`);
  }
  for (let i = 2; i < t.length; i += 2) {
    const fault = valueAt(
      t,
      i,
      true,
      ctx,
      () => `quadratic coefficient of columns ${clip(t[0])} and ${clip(t[i - 1])}`,
    );
    if (fault) return fault;
  }
  return null;
}

/** Sections without fixed numeric positions (SOS, INDICATORS, ...): only NaN is looked for. */
function nanFault(t: string[], ctx: LineContext): LineFault | null {
  for (let i = 0; i < t.length; i++) {
    if (fieldFault(t[i], false) === 'nan') return valueAt(t, i, false, ctx, () => 'value');
  }
  return null;
}

/** The fault of a data line given its words (free format) or its fixed-format fields, or null if HiGHS reads it as written. */
export function dataLineFault(section: string, t: string[], ctx: LineContext): LineFault | null {
  if (section === 'COLUMNS') return columnsFault(t, ctx);
  if (section === 'RHS' || section === 'RANGES') return rhsFault(t, section, ctx);
  if (section === 'BOUNDS') return boundsFault(t, ctx);
  if (QUADRATIC_SECTIONS.has(section)) return quadraticFault(t, section, ctx);
  if (section === 'NAME' || section === 'OBJSENSE' || section === 'ROWS') return null;
  return nanFault(t, ctx);
}
