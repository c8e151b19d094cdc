// Number syntax as HiGHS's readers take it (src/core/model-input/numbers.ts and its users):
// Fortran D exponents in MPS (free format reads them, fixed format and LP do not), and fields
// that HiGHS would silently misread. Every case is checked against the real HiGHS too.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { highs, STATUS, utf8 } from '../helpers/highs';
import { InvalidModelError, checkNumbers, prepareModel, type ModelFormat } from '../../src/core/model-input';

const FIXTURES_DIR = new URL('../fixtures/', import.meta.url);

/** What HiGHS makes of a model text: status, objective and the costs and bounds it read. */
function solve(format: ModelFormat, text: string) {
  return highs.withModel({ format, data: text }, (m) => {
    m.options.set({ output_flag: false });
    const lp = m.getLp();
    m.run();
    return {
      status: m.getModelStatus() as number,
      objective: m.getObjectiveValue(),
      cols: lp.numCols,
      cost: Array.from(lp.colCost),
      upper: Array.from(lp.colUpper),
      rowUpper: Array.from(lp.rowUpper),
    };
  });
}

/** The InvalidModelError that checkNumbers throws (failing if it accepts the text). */
function rejection(text: string, format: ModelFormat, file: string): InvalidModelError {
  try {
    checkNumbers(text, format, file);
  } catch (err) {
    expect(err).toBeInstanceOf(InvalidModelError);
    return err as InvalidModelError;
  }
  throw new Error('expected an InvalidModelError, but the input was accepted');
}

/** min cost·x  s.t.  c1: x <= rhs,  x <= up: one spelling of a number can go in each place. */
const mps = ({ cost = '-1', rhs = '1e6', up = '1e6' }) =>
  `NAME t\nROWS\n N obj\n L c1\nCOLUMNS\n x obj ${cost} c1 1\nRHS\n rhs c1 ${rhs}\nBOUNDS\n UP bnd x ${up}\nENDATA\n`;

describe('MPS numbers with a Fortran D exponent', () => {
  it('reads the fixture with D exponents in COLUMNS, RHS and BOUNDS, and HiGHS solves it to the hand-computed optimum', async () => {
    const file = 'mps-fortran-exponent.mps';
    const model = await prepareModel({ name: file, bytes: readFileSync(new URL(file, FIXTURES_DIR)) });
    expect(model.warnings).toEqual([]);
    expect(solve('mps', model.text)).toMatchObject({
      status: STATUS.optimal,
      cost: [-1, -2],
      upper: [800, 400],
      rowUpper: [1000, 500],
    });
    expect(solve('mps', model.text).objective).toBeCloseTo(-4000 / 3, 9);
  });

  const spellings: [string, number][] = [
    ['1.0D3', 1000],
    ['1d-2', 0.01],
    ['2.5D+03', 2500],
    ['.5d1', 5],
    ['1.D1', 10],
    ['7D0', 7],
    ['+1.5d+0', 1.5],
    ['3E0', 3],
  ];
  const places: [string, (v: string) => string][] = [
    ['COLUMNS', (v) => mps({ cost: `-${v.replace(/^\+/, '')}`, rhs: '1' })],
    ['RHS', (v) => mps({ rhs: v })],
    ['BOUNDS', (v) => mps({ up: v })],
  ];
  it.each(places.flatMap(([place, model]) => spellings.map(([v, value]) => [v, place, model(v), value] as const)))(
    "accepts '%s' in %s, and HiGHS reads it so",
    (_spelling, _place, text, value) => {
      expect(checkNumbers(text, 'mps', 'd.mps')).toEqual([]);
      const result = solve('mps', text);
      expect(result.status).toBe(STATUS.optimal);
      expect(result.objective).toBeCloseTo(-value, 9);
    },
  );

  // What HiGHS reads instead: atof of the field after its first D (or d) becomes E.
  it.each<[string, number, string]>([
    ['1.0D', 1, "is '1.0D', not a number (HiGHS would read it as 1)"],
    ['1.0E', 1, "is '1.0E', not a number (HiGHS would read it as 1)"],
    ['1D3d', 1000, "is '1D3d', not a number (HiGHS would read it as 1000)"],
    ['1d3D2', 1, "is '1d3D2', not a number (HiGHS would read it as 1)"],
    ['D1', 0, "is 'D1', not a number (HiGHS would read it as 0)"],
    ['1.0Q3', 1, "is '1.0Q3', not a number (HiGHS would read it as 1)"],
    ['0x1D', 30, "is '0x1D', which HiGHS misreads as '0x1E' = 30"],
  ])("rejects '%s', which HiGHS silently reads as %s", (spelling, read, message) => {
    const text = mps({ cost: spelling });
    const err = rejection(text, 'mps', 'bad.mps');
    expect(err.message).toBe(
      `bad.mps, line 6, field 3: coefficient of column x in row obj (the objective) ${message}${spelling === '0x1D' ? ' (it turns the first D into an exponent E); write the number in decimal' : ''}`,
    );
    expect(err).toMatchObject({ line: 6, field: '3' });
    expect(solve('mps', text).cost).toEqual([read]);
  });

  it('rejects an infinite value written with a D exponent where HiGHS needs a finite one', () => {
    const err = rejection(mps({ cost: '1D999' }), 'mps', 'big.mps');
    expect(err.message).toContain("coefficient of column x in row obj (the objective) is '1D999', not finite");
    expect(() => checkNumbers(mps({ up: '1D999' }), 'mps', 'big.mps')).not.toThrow();
  });
});

describe("HiGHS's fixed-format MPS reader does not read D exponents", () => {
  // Names with spaces make HiGHS switch to its fixed-format reader (HMPSIO.cpp), which uses plain atof.
  const row = (f1: string, f2: string, f3: string, f4: string, f5 = '', f6 = '') =>
    ` ${f1.padEnd(2)} ${f2.padEnd(8)}  ${f3.padEnd(8)}  ${f4.padEnd(12)}   ${f5.padEnd(8)}  ${f6}`.trimEnd();
  const fixed = (cost: string, rhs: string, up: string) =>
    [
      'NAME          SPACES',
      'ROWS',
      ' N  COST',
      ' L  LIM 1',
      'COLUMNS',
      row('', 'X ONE', 'COST', cost, 'LIM 1', '1.0'),
      'RHS',
      row('', 'RHS', 'LIM 1', rhs),
      'BOUNDS',
      row('UP', 'BND', 'X ONE', up),
      'ENDATA',
      '',
    ].join('\n');

  it('accepts E exponents there, and HiGHS solves the file', () => {
    const text = fixed('-1.0', '0.2E1', '3.0E0');
    expect(checkNumbers(text, 'mps', 'fixed.mps')).toEqual([]);
    expect(solve('mps', text)).toMatchObject({ status: STATUS.optimal, objective: -2 });
  });

  it.each<[string, string, number, number, string, (r: ReturnType<typeof solve>) => void]>([
    [
      'RHS',
      fixed('-1.0', '0.2D1', '3.0'),
      8,
      4,
      "right-hand side of row LIM 1 is '0.2D1'",
      (r) => expect(r.rowUpper).toEqual([0.2]),
    ],
    [
      'BOUNDS',
      fixed('-1.0', '4', '3.0D-1'),
      10,
      4,
      "UP bound of column X ONE is '3.0D-1'",
      (r) => expect(r.upper).toEqual([3]),
    ],
    [
      'COLUMNS',
      fixed('-0.5D1', '4', '3'),
      6,
      4,
      "coefficient of column X ONE in row COST (the objective) is '-0.5D1'",
      (r) => expect(r.cost).toEqual([-0.5]),
    ],
  ])('rejects a D exponent in %s, which HiGHS would misread', (_place, text, line, field, message, misread) => {
    const err = rejection(text, 'mps', 'fixed.mps');
    expect(err).toMatchObject({ line, field: String(field) });
    expect(err.message).toContain(message);
    expect(err.message).toContain("a Fortran D exponent, which HiGHS's fixed-format MPS reader does not read");
    expect(err.message).toContain("because line 4 has a row name with a space ('LIM 1')");
    misread(solve('mps', text));
  });
});

describe('LP text with a Fortran D exponent', () => {
  const lp = (objective: string, constraints = ' c: x + y >= 1\n', rest = '') =>
    `Minimize\n obj: ${objective}\nSubject To\n${constraints}${rest}End\n`;

  // HiGHS's LP reader uses strtod, which stops at the D: "1.0D3" is 1.0 times a variable D3.
  it.each<[string, string, number, string, 'aborts' | number]>([
    [
      'before another term',
      lp('1.0D3 x + y'),
      2,
      "coefficient '1.0D3' before x in the objective has a Fortran D exponent",
      3,
    ],
    [
      'with a signed exponent',
      lp('x + 2.5D+03 y'),
      2,
      "coefficient '2.5D+03' before y in the objective has a Fortran D exponent",
      3,
    ],
    [
      'on a right-hand side',
      lp('x', ' c: x + y >= 1d1\n'),
      4,
      "value '1d1' on the right-hand side of constraint c has a Fortran D exponent",
      'aborts',
    ],
    [
      'in a bound',
      lp('x', ' c: x + y >= 1\n', 'Bounds\n x <= -2D1\n'),
      6,
      "value '-2D1' in the Bounds section has a Fortran D exponent",
      'aborts',
    ],
  ])('is rejected %s', (_label, text, line, message, highsReads) => {
    const err = rejection(text, 'lp', 'd.lp');
    expect(err.line).toBe(line);
    expect(err.message).toContain(message);
    expect(err.message).toMatch(/write '-?[\d.]+e[+-]?\d+'$/);
    // what the real HiGHS does with it: reads extra columns, or aborts the runtime
    if (highsReads === 'aborts') expect(() => solve('lp', text)).toThrow(/Aborted/);
    else expect(solve('lp', text).cols).toBe(highsReads);
  });

  it("is allowed where HiGHS's reading is a plain term: '2d1 + x' is 2 times the variable d1", () => {
    const text = lp('2d1 + x', ' c: d1 + x >= 1\n');
    expect(() => checkNumbers(text, 'lp', 'term.lp')).not.toThrow();
    expect(solve('lp', text)).toMatchObject({ status: STATUS.optimal, objective: 1, cost: [2, 1] });
  });

  it('is not needed: E exponents work everywhere', async () => {
    const text = lp('1.0e0 x + 2E+0 y', ' c: x + y >= 1.5e+1\n', 'Bounds\n x <= 2e1\n');
    const model = await prepareModel({ name: 'e.lp', bytes: utf8(text) });
    expect(solve('lp', model.text)).toMatchObject({ status: STATUS.optimal, objective: 15 });
  });
});
