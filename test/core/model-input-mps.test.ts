// The MPS dialect as HiGHS 1.15.1 reads it (src/core/model-input/mps-*.ts), compared line by
// line with highs/io/HMpsFF.cpp (free format) and HMPSIO.cpp (fixed format): bound types,
// sections, OBJSENSE, integrality markers and the switch to fixed format. Every case is also
// run through the real HiGHS, to show that what is accepted solves as expected and that what
// is rejected is refused or silently misread by HiGHS.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { highs, STATUS, utf8 } from '../helpers/highs';
import { InvalidModelError, checkNumbers, prepareModel } from '../../src/core/model-input';

const FIXTURES_DIR = new URL('../fixtures/', import.meta.url);

/** What HiGHS makes of an MPS text: status, objective, sense and the columns it read; 'read error' if it refuses the text. */
function solve(text: string) {
  try {
    return highs.withModel({ format: 'mps', data: text }, (m) => {
      m.options.set({ output_flag: false });
      const lp = m.getLp();
      m.run();
      return {
        status: m.getModelStatus() as number,
        objective: m.getObjectiveValue(),
        sense: lp.sense as number,
        cols: lp.numCols,
        lower: Array.from(lp.colLower),
        upper: Array.from(lp.colUpper),
        integrality: Array.from(lp.integrality ?? []),
      };
    });
  } catch (err) {
    if (/readModel failed/.test(String(err))) return 'read error' as const;
    throw err;
  }
}
type Solved = Exclude<ReturnType<typeof solve>, 'read error'>;

/** The InvalidModelError that checkNumbers throws (failing if it accepts the text). */
function rejection(text: string, file: string): InvalidModelError {
  try {
    checkNumbers(text, 'mps', file);
  } catch (err) {
    expect(err).toBeInstanceOf(InvalidModelError);
    return err as InvalidModelError;
  }
  throw new Error('expected an InvalidModelError, but the input was accepted');
}

/** min the costs  s.t.  c1: sum <= 4 (or the rhs given); the columns, bounds and other sections vary. */
const model = (columns: string, rest = '', rhs = ' rhs c1 4\n') =>
  `NAME t\nROWS\n N obj\n L c1\nCOLUMNS\n${columns}RHS\n${rhs}${rest}ENDATA\n`;
/** The same with an objective sense section (or line) before ROWS. */
const withSense = (sense: string) => model(' x obj 1 c1 1\n').replace('ROWS', `${sense}ROWS`);

/** HiGHS's kHighsVarType codes. */
const VAR = { continuous: 0, integer: 1, semiContinuous: 2, semiInteger: 3 } as const;

describe('accepts what HiGHS reads, and HiGHS solves it as expected', () => {
  it('reads the semi-integer fixture (SI bounds) and HiGHS solves it to the known optimum', async () => {
    const file = 'mps-semi-integer.mps';
    const prepared = await prepareModel({ name: file, bytes: readFileSync(new URL(file, FIXTURES_DIR)) });
    expect(prepared.warnings).toEqual([]);
    const result = solve(prepared.text) as Solved;
    expect(result).toMatchObject({ status: STATUS.optimal, integrality: [VAR.semiInteger, VAR.semiInteger] });
    expect(result.objective).toBeCloseTo(-4, 9);
  });

  it.each<[string, string, number, Partial<Solved>?]>([
    // HMpsFF::parseBounds: SI makes a semi-integer column (x = 0 or an integer in [lower, value])
    [
      'SI without LO (x integer in [0, 10])',
      model(' x obj -1 c1 1\n', 'BOUNDS\n SI bnd x 10\n', ' rhs c1 2.5\n'),
      -2,
      { integrality: [VAR.semiInteger] },
    ],
    [
      'SI with LO above the constraint (x = 0)',
      model(' x obj -1 c1 1\n y obj 1\n', 'BOUNDS\n LO bnd x 3\n SI bnd x 1d1\n', ' rhs c1 2.5\n'),
      0,
    ],
    [
      'SC in the 3-field form "SC column value"',
      model(' x obj -1 c1 1\n', 'BOUNDS\n SC x 3\n'),
      -3,
      { integrality: [VAR.semiContinuous] },
    ],
    // FR, MI, PL and BV take no value: HiGHS ignores whatever follows the column
    ['MI with a value that HiGHS ignores', model(' x obj -1 c1 1\n', 'BOUNDS\n MI bnd x ignored\n UP bnd x 3\n'), -3],
    [
      'BV with a value that HiGHS ignores',
      model(' x obj -1 c1 1\n', 'BOUNDS\n BV bnd x 5\n'),
      -1,
      { integrality: [VAR.integer] },
    ],
    [
      'a negative UP bound with an MI lower bound',
      model(' x obj 1\n', 'BOUNDS\n MI bnd x\n UP bnd x -3\n LO bnd y -10\n').replace(' x obj 1\n', ' x obj 1 c1 -1\n'),
      -4,
    ],
    // HMpsFF::parseQuadMatrix reads up to two entries a line
    [
      'QUADOBJ with two entries on a line',
      model(' x obj -1 c1 1\n y obj -1 c1 1\n', 'QUADOBJ\n x x 2 y 1\n y y 2\n'),
      -1 / 3,
    ],
    // HMpsFF::parseCols: integer columns between 'MARKER' lines are binary unless bounded
    [
      "'MARKER' lines around an integer column",
      model(" M1 'MARKER' 'INTORG'\n x obj -1 c1 1\n M2 'MARKER' 'INTEND'\n", '', ' rhs c1 2.5\n'),
      -1,
      { integrality: [VAR.integer] },
    ],
    // HMpsFF::parseDefault reads "OBJSENSE MAX" (MAX or MIN, any case) before the first section
    [
      'OBJSENSE MAX as the first line, without NAME',
      withSense('').replace('NAME t\n', 'OBJSENSE MAX\n'),
      4,
      { sense: -1 },
    ],
    ['OBJSENSE max in lower case on the same line', withSense('OBJSENSE max\n'), 4, { sense: -1 }],
    // HMpsFF::parseObjsense: a word starting with MAX or MIN alone on a line
    ['OBJSENSE, then MAXIMIZE on the next line', withSense('OBJSENSE\n    MAXIMIZE\n'), 4, { sense: -1 }],
    [
      'OBJSENSE after ROWS with MAX on its own line',
      model(' x obj 1 c1 1\n').replace('COLUMNS', 'OBJSENSE\n  MAX\nCOLUMNS'),
      4,
      { sense: -1 },
    ],
    ['OBJSENSE MAX, then MIN on the next line', withSense('OBJSENSE MAX\n    MIN\n'), 0, { sense: 1 }],
  ])('%s', async (_label, text, objective, expected = {}) => {
    const prepared = await prepareModel({ name: 'case.mps', bytes: utf8(text) });
    expect(prepared.warnings).toEqual([]);
    const result = solve(prepared.text) as Solved;
    expect(result).toMatchObject({ status: STATUS.optimal, ...expected });
    expect(result.objective).toBeCloseTo(objective, 9);
  });
});

describe('rejects what HiGHS refuses or silently misreads, naming the line', () => {
  // fixed-format lines: fields at columns 2-3, 5-12, 15-22, 25-36, 40-47, 50-61
  const row = (f1: string, f2: string, f3: string, f4 = '', f5 = '', f6 = '') =>
    ` ${f1.padEnd(2)} ${f2.padEnd(8)}  ${f3.padEnd(8)}  ${f4.padEnd(12)}   ${f5.padEnd(8)}  ${f6}`.trimEnd();
  const fixed = (rest: string[], rhs = ['RHS', row('', 'RHS', 'LIM 1', '4')], cost = '-1') =>
    [
      'NAME          SPACES',
      'ROWS',
      ' N  COST',
      ' L  LIM 1',
      'COLUMNS',
      row('', 'X ONE', 'COST', cost, 'LIM 1', '1'),
      ...rhs,
      ...rest,
      'ENDATA',
      '',
    ].join('\n');
  const becauseFixed = "because line 4 has a row name with a space ('LIM 1')";

  it.each<[string, string, number, number | undefined, string, (highs: ReturnType<typeof solve>) => void]>([
    [
      'a bound type in lower case',
      model(' x obj -1 c1 1\n', 'BOUNDS\n up bnd x 3\n'),
      10,
      1,
      "unknown bound type 'up'; HiGHS reads bound types in upper case only ('UP')",
      (r) => expect(r).toBe('read error'),
    ],
    [
      'an unknown bound type',
      model(' x obj -1 c1 1\n', 'BOUNDS\n XX bnd x 3\n'),
      10,
      1,
      "unknown bound type 'XX'; HiGHS knows UP, LO, FX, LI, UI, FR, MI, PL, BV, SC, SI",
      (r) => expect(r).toBe('read error'),
    ],
    [
      'OBJSENSE MAXIMIZE on one line',
      withSense('OBJSENSE MAXIMIZE\n'),
      2,
      2,
      "HiGHS reads only MAX or MIN after OBJSENSE on the same line, so it ignores 'MAXIMIZE' and would minimize",
      (r) => expect(r).toMatchObject({ sense: 1, objective: 0 }),
    ],
    [
      'OBJSENSE MAX on one line after ROWS',
      model(' x obj 1 c1 1\n').replace('COLUMNS', 'OBJSENSE MAX\nCOLUMNS'),
      5,
      2,
      "HiGHS reads 'OBJSENSE MAX' on one line only before the first section",
      (r) => expect(r).toMatchObject({ sense: 1, objective: 0 }),
    ],
    [
      'a line under OBJSENSE that HiGHS ignores',
      withSense('OBJSENSE\n    MAX  * maximize\n'),
      3,
      undefined,
      'HiGHS ignores this line: it is under OBJSENSE (line 2), where HiGHS reads only a word starting with MAX or MIN alone on its line',
      (r) => expect(r).toMatchObject({ sense: 1, objective: 0 }),
    ],
    [
      'MAX alone outside OBJSENSE',
      withSense('MAX\n'),
      2,
      1,
      "'MAX' alone on a line sets the objective sense only under OBJSENSE; HiGHS ignores it here",
      (r) => expect(r).toMatchObject({ sense: 1 }),
    ],
    [
      'a MAX... line inside COLUMNS',
      model(' x obj -1 c1 1\nMAXIMUM\n y obj -5 c1 1\n'),
      7,
      1,
      'HiGHS takes it for the end of the COLUMNS section and ignores the lines up to the next section',
      (r) => expect(r).toMatchObject({ cols: 1, objective: -4 }),
    ],
    [
      "'marker' in lower case",
      model(" M1 'marker' 'INTORG'\n x obj -1 c1 1\n M2 'marker' 'INTEND'\n", '', ' rhs c1 2.5\n'),
      6,
      2,
      "HiGHS recognises the integrality marker only as 'MARKER' in upper case; it would read this line as column M1",
      (r) => expect(r).toMatchObject({ cols: 3, objective: -2.5 }),
    ],
    [
      'a short line naming an undefined row, which makes HiGHS read the file as fixed format',
      model(' x obj -1 c1 1\n y c2 1\n'),
      6,
      4,
      "is '', not a number (HiGHS would read it as 0) (HiGHS reads this file with its fixed-format MPS reader because 'c2' on line 7 is not a row name",
      (r) => expect(r).toMatchObject({ objective: 0, cols: 2 }),
    ],
    [
      'SI in a fixed-format file',
      fixed(['BOUNDS', row('SI', 'BND', 'X ONE', '3')]),
      10,
      1,
      `bound type 'SI' is not read by HiGHS's fixed-format MPS reader, which reads it as MI (HiGHS reads this file with its fixed-format MPS reader ${becauseFixed})`,
      (r) => expect(r).toMatchObject({ lower: [-Infinity], integrality: [VAR.continuous] }),
    ],
    [
      'BV in a fixed-format file',
      fixed(['BOUNDS', row('BV', 'BND', 'X ONE')]),
      10,
      1,
      "bound type 'BV' is not read by HiGHS's fixed-format MPS reader, which ignores the line",
      (r) => expect(r).toMatchObject({ objective: -4, integrality: [VAR.continuous] }),
    ],
    // min x s.t. x <= 0, x >= -2 gives -2; HiGHS reads the BOUNDS line as an RHS line, so x >= 0
    [
      'a fixed-format file without RHS before BOUNDS',
      fixed([row('LO', 'BND', 'X ONE', '-2')], ['BOUNDS'], '1'),
      7,
      undefined,
      "section BOUNDS is out of place: HiGHS's fixed-format MPS reader takes the sections by position, in the order NAME, [OBJSENSE], ROWS, COLUMNS, RHS",
      (r) => expect(r).toMatchObject({ objective: 0, lower: [0] }),
    ],
    [
      'a fixed-format UP bound without a value',
      fixed(['BOUNDS', row('UP', 'BND', 'X ONE')]),
      10,
      4,
      "UP bound of column X ONE is '', not a number (HiGHS would read it as 0)",
      (r) => expect(r).toMatchObject({ upper: [0] }),
    ],
  ])('%s', (_label, text, line, field, message, highsDoes) => {
    const err = rejection(text, 'case.mps');
    expect(err.message).toContain(message);
    expect(err).toMatchObject({ line, field: field === undefined ? undefined : String(field) });
    highsDoes(solve(text));
  });
});

describe('warns where HiGHS reads a file unlike other MPS readers', () => {
  it.each<[string, string, number, number | null]>([
    ['UP', model(' x obj 1 c1 1\n', 'BOUNDS\n UP bnd x -3\n'), 10, STATUS.infeasible],
    ['UI, in D notation', model(' x obj 1 c1 1\n', 'BOUNDS\n UI bnd x -3D0\n'), 10, STATUS.infeasible],
    ['UP in the 3-field form', model(' x obj 1 c1 1\n', 'BOUNDS\n UP x -3\n'), 10, STATUS.infeasible],
  ])(
    'a negative %s bound without a lower bound: HiGHS keeps the lower bound 0, so the model is infeasible',
    async (_type, text, line, status) => {
      const prepared = await prepareModel({ name: 'neg.mps', bytes: utf8(text) });
      expect(prepared.warnings).toHaveLength(1);
      expect(prepared.warnings[0]).toMatch(
        new RegExp(
          `^neg\\.mps, line ${line}: column x has the negative U[PI] bound -3 but no lower bound; HiGHS keeps the default lower bound 0`,
        ),
      );
      expect(prepared.warnings[0]).toContain("add 'MI BND x' for that");
      expect(solve(text)).toMatchObject({ status, lower: [0] });
    },
  );

  it.each([
    ['with MI', model(' x obj 1 c1 1\n', 'BOUNDS\n MI bnd x\n UP bnd x -3\n')],
    ['with LO after it', model(' x obj 1 c1 1\n', 'BOUNDS\n UP bnd x -3\n LO bnd x -5\n')],
    ['with FR', model(' x obj 1 c1 1\n', 'BOUNDS\n FR bnd x\n')],
    ['for a non-negative UP', model(' x obj 1 c1 1\n', 'BOUNDS\n UP bnd x 0\n')],
  ])('not %s', (_label, text) => {
    expect(checkNumbers(text, 'mps', 'ok.mps')).toEqual([]);
  });
});

// HMpsFF::checkFirstWord: NAME and OBJSENSE open their section whatever follows them. HiGHS reads such a file
// with kOk but ignores the lines up to the next section: it is solved as HiGHS reads it, the result flagged.
describe('a column called NAME or OBJSENSE: solved as HiGHS reads it, the ignored lines named', () => {
  // HiGHS's own check/instances/silly-names.mps (ERGO-Code/HiGHS, MIT licence).
  const SILLY_NAMES = [
    'NAME          SILLY-NAMES',
    'OBJSENSE MIN',
    'ROWS',
    ' G  R0',
    ' N  COST',
    'COLUMNS',
    '    C0        R0           -1.0        COST       -1.0',
    '    OBJSENSE  R0           -1.0        COST       -1.0',
    '    RANGES    R0           -1.0        COST       -1.0',
    '    RHS       R0           -1.0        COST       -1.0',
    '    C1        R0           -1.0        COST       -1.0',
    'RHS',
    '    DEMANDS   R0           -1.0',
    'ENDATA',
    '',
  ].join('\n');

  it.each([
    {
      what: 'silly-names.mps: lines 8–11 ignored, one column read',
      text: SILLY_NAMES,
      lines:
        /ignored lines 8–11: it reads line 8, which starts with OBJSENSE, as the OBJSENSE section .* up to RHS on line 12/,
      cols: 1,
    },
    {
      what: 'a column called NAME',
      text: model(' x obj -1 c1 1\n NAME obj -5 c1 1\n y obj -3 c1 1\n'),
      lines: /ignored lines 7–8: it reads line 7, which starts with NAME, as the NAME section/,
      cols: 1,
    },
    {
      what: 'a column called OBJSENSE at the end of COLUMNS',
      text: model(' x obj -1 c1 1\n OBJSENSE obj -5 c1 1\n'),
      lines: /ignored line 7: it reads line 7, which starts with OBJSENSE/,
      cols: 1,
    },
  ])('$what', async ({ text, lines, cols }) => {
    const prepared = await prepareModel({ name: 't.mps', bytes: utf8(text) });
    expect(prepared.misread).toHaveLength(1);
    expect(prepared.misread[0]).toMatch(lines);
    expect(prepared.misread[0]).toMatch(/the model solved is not the one written/);
    // HiGHS reads it without an error, with the columns before the keyword line only.
    const r = solve(text);
    expect(r).not.toBe('read error');
    expect((r as Solved).cols).toBe(cols);
  });

  it('a file without such lines has nothing misread', async () => {
    const prepared = await prepareModel({ name: 't.mps', bytes: utf8(model(' x obj -1 c1 1\n')) });
    expect(prepared.misread).toEqual([]);
  });
});
