import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { highs, STATUS, utf8 } from '../helpers/highs';
import {
  InvalidModelError,
  MAX_INPUT_BYTES,
  checkNumbers,
  decodeText,
  detectFormat,
  gunzip,
  isGzip,
  looksLikeModel,
  prepareModel,
  stripGzSuffix,
  type ModelFormat,
} from '../../src/core/model-input';

const MODELS_DIR = new URL('../../public/models/', import.meta.url);
const FIXTURES_DIR = new URL('../fixtures/', import.meta.url);
const NOT_MODELS = new Set(['garbage.lp', 'garbage.mps', 'nan0.mps']);

const readModel = (dir: URL, file: string) => readFileSync(new URL(file, dir));
const modelFiles = (dir: URL) => readdirSync(fileURLToPath(dir)).filter((f) => /\.(lp|mps)$/.test(f));

interface Known {
  file: string;
  expectedStatus?: string;
  objective?: number | null;
}
const known: Known[] = JSON.parse(readModel(MODELS_DIR, 'instances.json').toString('utf8')).models;
const knownModel = (file: string) => known.find((m) => m.file === file)!;

async function gzip(bytes: Uint8Array): Promise<Uint8Array> {
  const out = new Response(
    new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new CompressionStream('gzip')),
  );
  return new Uint8Array(await out.arrayBuffer());
}

/** Runs the promise or function and returns the InvalidModelError it throws (failing if it does not). */
async function rejection(run: () => unknown): Promise<InvalidModelError> {
  try {
    await run();
  } catch (err) {
    expect(err).toBeInstanceOf(InvalidModelError);
    expect((err as Error).name).toBe('InvalidModel');
    return err as InvalidModelError;
  }
  throw new Error('expected an InvalidModelError, but the input was accepted');
}

/** What HiGHS makes of a model text: status, objective and size. */
function solve(format: ModelFormat, text: string) {
  return highs.withModel({ format, data: text }, (m) => {
    m.options.set({ output_flag: false });
    m.run();
    const dims = m.getDimensions();
    return {
      status: m.getModelStatus() as number,
      objective: m.getObjectiveValue(),
      rows: dims.numRows,
      cols: dims.numCols,
    };
  });
}

describe('accepts every real model', () => {
  const cases = [
    ...modelFiles(MODELS_DIR).map((f) => ['public/models', MODELS_DIR, f] as const),
    ...modelFiles(FIXTURES_DIR).map((f) => ['test/fixtures', FIXTURES_DIR, f] as const),
  ].filter(([, , f]) => !NOT_MODELS.has(f));

  it('finds the models', () => expect(cases.length).toBeGreaterThanOrEqual(26));

  it.each(cases)('%s/%s', async (_dir, dir, file) => {
    const bytes = readModel(dir, file);
    const { text, warnings } = decodeText(bytes, file);
    const format = detectFormat(file, text);
    expect(format).toBe(file.endsWith('.lp') ? 'lp' : 'mps');
    expect(looksLikeModel(text, format)).toBe(true);
    expect(() => checkNumbers(text, format, file)).not.toThrow();

    const prepared = await prepareModel({ name: file, bytes });
    expect(prepared).toMatchObject({
      name: file,
      format,
      text,
      warnings,
      inputBytes: bytes.length,
      decompressedBytes: bytes.length,
    });
    expect(warnings).toEqual([]);
  });
});

describe('what is accepted is what HiGHS reads', () => {
  it.each([
    'afiro.mps',
    'blending.mps',
    'avgas.mps',
    'small_mip.mps',
    'qjh.mps',
    'galenet.mps',
    'qptestnw.lp',
    'qpunbounded.lp',
    'no-newline-eof.lp',
  ])('%s solves as expected', async (file) => {
    const model = await prepareModel({ name: file, bytes: readModel(MODELS_DIR, file) });
    const expected = knownModel(file);
    const result = solve(model.format, model.text);
    expect(result.status).toBe(STATUS[expected.expectedStatus as keyof typeof STATUS]);
    if (typeof expected.objective === 'number') {
      expect(result.objective).toBeCloseTo(expected.objective, 6);
    }
  });
});

describe('rejects bad input with the file, line and field', () => {
  const lp = (body: string) => `Maximize\n obj: x + y\nSubject To\n${body}End\n`;
  const mps = (columns: string, rest = '') =>
    `NAME t\nROWS\n N obj\n L c1\nCOLUMNS\n${columns}RHS\n rhs c1 4\n${rest}ENDATA\n`;

  it.each<[string, string, string, number | undefined, number | undefined, string]>([
    [
      'nan0.mps',
      readModel(MODELS_DIR, 'nan0.mps').toString('utf8'),
      'mps',
      8,
      3,
      "coefficient of column P1 in row INCOME (the objective) is 'nan', not a number",
    ],
    [
      'nan.lp',
      lp(' c1: x + nan y <= 4\n'),
      'lp',
      4,
      undefined,
      "coefficient 'nan' before y in constraint c1 is not a number",
    ],
    [
      'nanrhs.lp',
      lp(' c1: x + y <= -NaN\n'),
      'lp',
      4,
      undefined,
      "value '-NaN' on the right-hand side of constraint c1 is not a number",
    ],
    [
      'nanbound.lp',
      lp(' c1: x + y <= 4\nBounds\n x <= nan\n'),
      'lp',
      6,
      undefined,
      "value 'nan' in the Bounds section is not a number",
    ],
    [
      'model.lp',
      'Maximize\n obj: inf x1 + x2\nSubject To\n c: x1 + x2 <= 4\nEnd\n',
      'lp',
      2,
      undefined,
      "coefficient 'inf' before x1 in the objective is not finite",
    ],
    [
      'big.lp',
      'Minimize\n obj: 1e999 x + y\nSubject To\n c: x + y >= 1\nEnd\n',
      'lp',
      2,
      undefined,
      "coefficient '1e999' before x in the objective is not finite",
    ],
    [
      'negbig.lp',
      lp(' c1: x - 1e400 y <= 4\n'),
      'lp',
      4,
      undefined,
      "coefficient '-1e400' before y in constraint c1 is not finite",
    ],
    [
      'infcon.lp',
      lp(' c1: x\n  - Infinity y <= 4\n'),
      'lp',
      5,
      undefined,
      "coefficient '-Infinity' before y in constraint c1 is not finite",
    ],
    [
      'objconst.lp',
      'Maximize\n obj: x + y + inf\nSubject To\n c: x + y <= 4\nEnd\n',
      'lp',
      2,
      undefined,
      "constant term 'inf' in the objective is not finite",
    ],
    [
      'lhsconst.lp',
      lp(' c1: x + y - inf <= 4\n'),
      'lp',
      4,
      undefined,
      "constant term '-inf' in constraint c1 is not finite",
    ],
    [
      'quad.lp',
      'Minimize\n obj: x + [ inf x * x ]/2\nSubject To\n c: x >= 1\nEnd\n',
      'lp',
      2,
      undefined,
      "coefficient 'inf' before x in the quadratic part of the objective is not finite",
    ],
    [
      'name.lp',
      lp(' c1: x + infeasible <= 4\n'),
      'lp',
      4,
      undefined,
      "HiGHS reads 'infeasible' as the number 'inf' followed by the name 'easible'",
    ],
    ['inf.mps', mps(' x obj 1 c1 Inf\n'), 'mps', 6, 5, "coefficient of column x in row c1 is 'Inf', not finite"],
    [
      'big.mps',
      mps(' x obj -1e999\n x c1 1\n'),
      'mps',
      6,
      3,
      "coefficient of column x in row obj (the objective) is '-1e999', not finite",
    ],
    ['word.mps', mps(' x obj 1 c1 one\n'), 'mps', 6, 5, "coefficient of column x in row c1 is 'one', not a number"],
    ['comma.mps', mps(' x obj 1,5\n'), 'mps', 6, 3, "is '1,5', not a number"],
    [
      'short.mps',
      mps(' x obj 1 c1\n'),
      'mps',
      6,
      undefined,
      "expected 'column row value [row value]' but found 4 fields",
    ],
    [
      'rhsnan.mps',
      mps(' x obj 1 c1 1\n').replace(' rhs c1 4', ' rhs c1 nan'),
      'mps',
      8,
      3,
      "right-hand side of row c1 is 'nan', not a number",
    ],
    [
      'offset.mps',
      mps(' x obj 1 c1 1\n').replace(' rhs c1 4', ' obj -inf'),
      'mps',
      8,
      2,
      "right-hand side of objective row obj (the objective offset) is '-inf', not finite",
    ],
    [
      'bound.mps',
      mps(' x obj 1 c1 1\n', 'BOUNDS\n UP bnd x abc\n'),
      'mps',
      10,
      4,
      "UP bound of column x is 'abc', not a number",
    ],
    ['boundtype.mps', mps(' x obj 1 c1 1\n', 'BOUNDS\n XX bnd x 1\n'), 'mps', 10, 1, "unknown bound type 'XX'"],
    [
      'range.mps',
      mps(' x obj 1 c1 1\n', 'RANGES\n rng c1 NAN\n'),
      'mps',
      10,
      3,
      "range of row c1 is 'NAN', not a number",
    ],
    [
      'quad.mps',
      mps(' x obj 1 c1 1\n', 'QUADOBJ\n x x infinity\n'),
      'mps',
      10,
      3,
      "quadratic coefficient of columns x and x is 'infinity', not finite",
    ],
    [
      'sos.mps',
      mps(' x obj 1 c1 1\n', 'SOS\n S1 SOS s1 1\n    x:1 NaN\n'),
      'mps',
      11,
      2,
      "value is 'NaN', not a number",
    ],
    [
      'sos.lp',
      lp(' c1: x + y <= 4\nSOS\n s1: S1:: x:1 y:nan\n'),
      'lp',
      6,
      undefined,
      "value 'nan' in the SOS section is not a number",
    ],
    [
      'long.lp',
      lp(` c1: x + ${'9'.repeat(400)} y <= 4\n`),
      'lp',
      4,
      undefined,
      `coefficient '${'9'.repeat(40)}…' before y in constraint c1 is not finite`,
    ],
  ])('%s', async (file, text, format, line, field, message) => {
    const err = await rejection(() => checkNumbers(text, format as ModelFormat, file));
    expect(err.message).toContain(message);
    expect(err.message.startsWith(file)).toBe(true);
    expect(err.file).toBe(file);
    expect(err.line).toBe(line);
    if (line !== undefined) expect(err.message).toContain(`line ${line}`);
    expect(err.field).toBe(field === undefined ? undefined : String(field));
    if (field !== undefined) expect(err.message).toContain(`${file}, line ${line}, field ${field}: `);
  });

  it.each<[string, () => Promise<Uint8Array>, string]>([
    ['nan0.mps', async () => readModel(MODELS_DIR, 'nan0.mps'), 'nan0.mps, line 8, field 3: coefficient of column P1'],
    [
      'garbage.lp',
      async () => readModel(MODELS_DIR, 'garbage.lp'),
      'garbage.lp: no LP model found (no Minimize/Maximize/Subject To/End section); is this an LP file?',
    ],
    [
      'garbage.mps',
      async () => readModel(MODELS_DIR, 'garbage.mps'),
      'garbage.mps: no MPS model found (no ROWS section)',
    ],
    ['blank.lp', async () => utf8('  \n\t\r\n\n'), 'blank.lp: file is empty'],
    ['comments.lp', async () => utf8('\\ just a comment\n   \\ another\n'), 'comments.lp: file is empty'],
    ['comments.mps', async () => utf8('* nothing here\n\n'), 'comments.mps: file is empty'],
    ['nothing.mps', async () => new Uint8Array(0), 'nothing.mps: file is empty'],
    [
      'a.lp',
      async () => Uint8Array.of(...utf8('Minimize\n obj: x\n c'), 0xe9, ...utf8('\nEnd\n')),
      'a.lp, line 3: not valid UTF-8 text',
    ],
    ['big.mps', async () => new Uint8Array(MAX_INPUT_BYTES + 1), 'big.mps: file is 64.0 MiB, over the 64 MiB limit'],
    ['huge.mps', async () => new Uint8Array(70 * 1024 * 1024), 'huge.mps: file is 70.0 MiB, over the 64 MiB limit'],
    [
      'b.lp.gz',
      async () => Uint8Array.of(0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 1, 2, 3, 4, 5, 6, 7, 8, 9),
      'b.lp.gz: not valid gzip data (',
    ],
    [
      'cut.mps.gz',
      async () => (await gzip(readModel(MODELS_DIR, 'afiro.mps'))).slice(0, 200),
      'cut.mps.gz: not valid gzip data (',
    ],
    [
      'plain.mps.gz',
      async () => readModel(MODELS_DIR, 'afiro.mps'),
      'plain.mps.gz: not valid gzip data (it does not start with the gzip signature 1f 8b)',
    ],
    ['sniffed', async () => gzip(utf8('*** not a model ***\n')), 'sniffed: no LP model found'],
    ['sniffed.mps.gz', async () => gzip(utf8('*** not a model ***\n')), 'sniffed.mps.gz: file is empty'],
  ])('prepareModel rejects %s', async (name, bytes, message) => {
    const input = { name, bytes: await bytes() };
    const err = await rejection(() => prepareModel(input));
    expect(err.message).toContain(message);
    expect(err.file).toBe(name);
  });

  it('stops inflating a gzip bomb as soon as it passes the cap', async () => {
    const bomb = await gzip(new Uint8Array(8 * 1024 * 1024).fill(0x20));
    expect(bomb.length).toBeLessThan(64 * 1024);
    const err = await rejection(() => gunzip(bomb, 'bomb.lp.gz', 1024 * 1024));
    expect(err.message).toBe('bomb.lp.gz: decompresses to more than 1 MiB, over the limit');
    expect(await gunzip(bomb, 'bomb.lp.gz', 8 * 1024 * 1024)).toHaveLength(8 * 1024 * 1024);
  });
});

describe('accepts infinite bounds and right-hand sides, and what HiGHS reads agrees', () => {
  const lp = (constraints: string, rest = '') => `Maximize\n obj: x + y\nSubject To\n${constraints}${rest}End\n`;
  const mps = (rhs: string, rest = '') =>
    `NAME t\nROWS\n N obj\n L c1\nCOLUMNS\n x obj -1 c1 1\n y obj -1 c1 1\nRHS\n${rhs}${rest}ENDATA\n`;

  it.each<[string, string, ModelFormat, number, number]>([
    [
      'LP infinite bounds',
      lp(' c: x + y <= 4\n', 'Bounds\n -inf <= x <= inf\n y >= -infinity\n y <= 3\n'),
      'lp',
      STATUS.optimal,
      4,
    ],
    ['LP +inf right-hand side', lp(' c: x + y <= +inf\n d: x <= 3\n e: y <= 2\n'), 'lp', STATUS.optimal, 5],
    ['LP overflowing right-hand side', lp(' c: x + y >= -1e999\n d: x + y <= 3\n'), 'lp', STATUS.optimal, 3],
    ['LP infinite bound by overflow', lp(' c: x + y <= 4\n', 'Bounds\n x <= 1E+400\n'), 'lp', STATUS.optimal, 4],
    ['LP nan and inf in comments', lp(' c: x + y <= 4 \\ nan inf x\n', '\\ 1e999 y\n'), 'lp', STATUS.optimal, 4],
    [
      'LP quadratic objective',
      'min\n -2 x1 - 5 x2 + [ 2 x1 * x1 + 2 x2 ^ 2 ]/2\ns.t.\n c: x1 + x2 <= 1\nend\n',
      'lp',
      STATUS.optimal,
      -4,
    ],
    [
      'LP integers and names with symbols',
      'Maximize\n obj: x + y_{2}\nSubject To\n c.1: x + y_{2} <= 4.5\nGenerals\n x\nEnd\n',
      'lp',
      STATUS.optimal,
      4.5,
    ],
    [
      'MPS Inf in RHS and BOUNDS',
      mps(' rhs c1 Inf\n', 'BOUNDS\n UP bnd x 3\n MI bnd y\n UP bnd y 2\n'),
      'mps',
      STATUS.optimal,
      -5,
    ],
    [
      'MPS PL, FR and Inf bounds',
      mps(' rhs c1 4\n', 'BOUNDS\n PL bnd x\n FR bnd y\n UP bnd y Inf\n LO bnd y 0\n'),
      'mps',
      STATUS.optimal,
      -4,
    ],
    ['MPS -Inf lower bound', mps(' rhs c1 4\n', 'BOUNDS\n LO bnd x -Inf\n UP bnd x 1\n'), 'mps', STATUS.optimal, -4],
    ['MPS RHS without set name', mps(' c1 4\n'), 'mps', STATUS.optimal, -4],
    ['MPS infinite range', mps(' rhs c1 4\n', 'RANGES\n rng c1 infinity\n'), 'mps', STATUS.optimal, -4],
    ['LP with CRLF line ends', lp(' c: x + y <= 4\n').replace(/\n/g, '\r\n'), 'lp', STATUS.optimal, 4],
    ['LP block comment', lp(' c: x + y <= 4 /* nan, inf x */\n'), 'lp', STATUS.optimal, 4],
    ['MPS with CRLF line ends', mps(' rhs c1 4\n').replace(/\n/g, '\r\n'), 'mps', STATUS.optimal, -4],
    [
      'MPS lower-case sections',
      mps(' rhs c1 4\n').replace(/^[A-Z]+/gm, (w) => w.toLowerCase()),
      'mps',
      STATUS.optimal,
      -4,
    ],
    ['MPS finite objective offset', mps(' rhs c1 4\n rhs obj -2.5\n'), 'mps', STATUS.optimal, -1.5],
    [
      'MPS OBJSENSE on its own line',
      mps(' rhs c1 4\n').replace('ROWS', 'OBJSENSE\n    MAX\nROWS'),
      'mps',
      STATUS.optimal,
      0,
    ],
    [
      'MPS OBJSENSE MAX on the same line',
      mps(' rhs c1 4\n').replace('ROWS', 'OBJSENSE MAX\nROWS'),
      'mps',
      STATUS.optimal,
      0,
    ],
  ])('%s', async (_label, text, format, status, objective) => {
    const name = `case.${format}`;
    const model = await prepareModel({ name, bytes: utf8(text) });
    expect(model.format).toBe(format);
    const result = solve(format, model.text);
    expect(result.status).toBe(status);
    if (status === STATUS.optimal) expect(result.objective).toBeCloseTo(objective, 9);
  });

  it.each([
    [
      'number-like names',
      'NAME t\nROWS\n N 1e999\n L nan\nCOLUMNS\n inf 1e999 1 nan 2\nRHS\n 1e999 nan 4\nENDATA\n',
      'mps',
    ],
    [
      'MARKER lines and names with quotes',
      "NAME t\nROWS\n N obj\nCOLUMNS\n M1 'MARKER' 'INTORG'\n x obj 1\n M2 'MARKER' 'INTEND'\nENDATA\n",
      'mps',
    ],
    [
      'BV, SC and FR bounds',
      'NAME t\nROWS\n N obj\nCOLUMNS\n x obj 1\nBOUNDS\n BV b x\n SC b x 5\n SC b x\n FR x\n UP x 3\nENDATA\n',
      'mps',
    ],
    ['text after ENDATA', 'NAME t\nROWS\n N obj\nCOLUMNS\n x obj 1\nENDATA\n x obj nan\n', 'mps'],
    ['LP names with symbols', 'Minimize\n obj: a!"#$%&()/,.;?@_`\'{}|~ + x.1\nSubject To\n r_1: x.1 >= 1\nEnd\n', 'lp'],
    [
      'LP labels that look like numbers or keywords',
      'Minimize\n obj: x\nSubject To\n 1e999: x >= 1\n nan: x >= 0\n max: x <= 5\nEnd\n',
      'lp',
    ],
    [
      'LP hexadecimal and exponents',
      'Minimize\n obj: 0x1p3 x + 1e308 y + 1E-999 z\nSubject To\n c: x + y + z >= 1\nEnd\n',
      'lp',
    ],
  ] as const)('checkNumbers accepts %s', (_label, text, format) => {
    expect(() => checkNumbers(text, format, `ok.${format}`)).not.toThrow();
  });

  it('accepts a fixed-format MPS whose names contain spaces', () => {
    // fields at columns 2-3, 5-12, 15-22, 25-36, 40-47, 50-61
    const row = (f1: string, f2: string, f3: string, f4: string, f5 = '', f6 = '') =>
      ` ${f1.padEnd(2)} ${f2.padEnd(8)}  ${f3.padEnd(8)}  ${f4.padEnd(12)}   ${f5.padEnd(8)}  ${f6}`.trimEnd();
    const text = [
      'NAME          SPACES',
      'ROWS',
      ' N  COST',
      ' L  LIM 1',
      'COLUMNS',
      row('', 'X ONE', 'COST', '-1.0', 'LIM 1', '1.0'),
      'RHS',
      row('', 'RHS', 'LIM 1', '4.0'),
      'BOUNDS',
      row('UP', 'BND', 'X ONE', '3.0'),
      'ENDATA',
      '',
    ].join('\n');
    expect(() => checkNumbers(text, 'mps', 'spaces.mps')).not.toThrow();
    expect(solve('mps', text)).toMatchObject({ status: STATUS.optimal, objective: -3 });
    const bad = text.replace('-1.0', 'nan ');
    expect(() => checkNumbers(bad, 'mps', 'spaces.mps')).toThrow(
      /^spaces\.mps, line 6, field 4: .*'nan', not a number/,
    );
  });
});

describe('BOM', () => {
  const text = 'Maximize\n obj: x + y\nSubject To\n c: x + y <= 4\nEnd\n';

  it('is removed by decodeText', () => {
    const decoded = decodeText(Uint8Array.of(0xef, 0xbb, 0xbf, ...utf8(text)), 'bom.lp');
    expect(decoded.text).toBe(text);
    expect(decoded.warnings).toEqual([expect.stringContaining('byte-order mark (BOM)')]);
  });

  it('is stripped with a warning', async () => {
    const model = await prepareModel({ name: 'bom.lp', bytes: Uint8Array.of(0xef, 0xbb, 0xbf, ...utf8(text)) });
    expect(model.text).toBe(text);
    expect(model.text.charCodeAt(0)).not.toBe(0xfeff);
    expect(model.warnings).toHaveLength(1);
    expect(model.warnings[0]).toMatch(/^bom\.lp: .*BOM.*drop the objective/);
  });

  it('makes HiGHS drop the objective unless stripped', () => {
    expect(solve('lp', text)).toMatchObject({ status: STATUS.optimal, objective: 4 });
    expect(solve('lp', '\ufeff' + text).objective).not.toBe(4);
  });
});

describe('gzip', () => {
  it('round-trips afiro.mps.gz', async () => {
    const bytes = readModel(MODELS_DIR, 'afiro.mps');
    const gz = await gzip(bytes);
    expect(isGzip(gz)).toBe(true);
    const model = await prepareModel({ name: 'afiro.mps.gz', bytes: gz });
    expect(model).toMatchObject({
      format: 'mps',
      inputBytes: gz.length,
      decompressedBytes: bytes.length,
      warnings: [],
    });
    expect(model.text).toBe(bytes.toString('utf8'));
    expect(solve('mps', model.text).objective).toBeCloseTo(knownModel('afiro.mps').objective as number, 6);
  });

  it('is recognised by its signature whatever the name', async () => {
    const gz = await gzip(readModel(MODELS_DIR, 'qptestnw.lp'));
    expect((await prepareModel({ name: 'upload', bytes: gz })).format).toBe('lp');
  });

  it.each([
    [[0x1f, 0x8b, 8], true],
    [[0x1f, 0x8b], true],
    [[0x1f], false],
    [[0x8b, 0x1f], false],
    [[], false],
  ])('isGzip(%j) is %s', (bytes, expected) => {
    expect(isGzip(Uint8Array.from(bytes))).toBe(expected);
  });

  it.each([
    ['a.mps.gz', 'a.mps'],
    ['A.LP.GZ', 'A.LP'],
    ['a.mps', 'a.mps'],
    ['gz', 'gz'],
    ['a.tar.gz.lp', 'a.tar.gz.lp'],
  ])('stripGzSuffix(%s) is %s', (name, expected) => {
    expect(stripGzSuffix(name)).toBe(expected);
  });
});

describe('detectFormat', () => {
  const mpsText = 'NAME test\nROWS\n N obj\nENDATA\n';
  const lpText = 'Minimize\n obj: x\nEnd\n';
  it.each<[string, string, ModelFormat]>([
    ['a.lp', mpsText, 'lp'],
    ['a.mps', lpText, 'mps'],
    ['a.lp.gz', mpsText, 'lp'],
    ['a.mps.gz', lpText, 'mps'],
    ['A.LP', mpsText, 'lp'],
    ['B.MPS', lpText, 'mps'],
    ['C.Mps.Gz', lpText, 'mps'],
    ['noext', mpsText, 'mps'],
    ['noext', '* comment\nrows\n N obj\n', 'mps'],
    ['noext', lpText, 'lp'],
    ['model.txt', 'name: x + y\n', 'lp'],
    ['model.gz', mpsText, 'mps'],
    ['', '', 'lp'],
  ])('%s with %j → %s', (name, text, expected) => {
    expect(detectFormat(name, text)).toBe(expected);
  });
});

describe('looksLikeModel', () => {
  it.each<[string, ModelFormat, boolean]>([
    ['Minimize\n obj: x\n', 'lp', true],
    ['maximise\n x\n', 'lp', true],
    ['MAX x + y\n', 'lp', true],
    ['  minimum\r\n x\r\n', 'lp', true],
    ['\\ comment\nSubject To\n c: x <= 1\n', 'lp', true],
    ['subject   to\n', 'lp', true],
    ['such that\n', 'lp', true],
    ['s.t.\n', 'lp', true],
    ['st\n', 'lp', true],
    ['Bounds\n x <= 1\n', 'lp', true],
    ['general\n x\n', 'lp', true],
    ['Binaries\n x\n', 'lp', true],
    ['semi-continuous\n x\n', 'lp', true],
    ['END', 'lp', true],
    ['\\ Minimize\n\\ End\n', 'lp', false],
    ['x + y <= 4 minimize\n', 'lp', false],
    ['maxim x\n', 'lp', false],
    ['max: x\n', 'lp', false],
    ['endless\n', 'lp', false],
    [readModel(MODELS_DIR, 'garbage.lp').toString('utf8'), 'lp', false],
    ['NAME x\nROWS\n N obj\n', 'mps', true],
    ['rows\n', 'mps', true],
    ['ROWS  \r\n', 'mps', true],
    ['NAME x\n', 'mps', false],
    ['* ROWS\n', 'mps', false],
    ['ROWS x\n', 'mps', false],
    [readModel(MODELS_DIR, 'garbage.mps').toString('utf8'), 'mps', false],
  ])('%j as %s → %s', (text, format, expected) => {
    expect(looksLikeModel(text, format)).toBe(expected);
  });

  it('is needed: HiGHS reads garbage.lp as an empty model', () => {
    const result = solve('lp', readModel(MODELS_DIR, 'garbage.lp').toString('utf8'));
    expect(result).toMatchObject({ rows: 0, cols: 0 });
  });
});

describe('decodeText', () => {
  it('keeps plain UTF-8 text, names included', () => {
    expect(decodeText(utf8('Minimize\n obj: café\nEnd\n'), 'x.lp')).toEqual({
      text: 'Minimize\n obj: café\nEnd\n',
      warnings: [],
    });
  });

  it.each([
    ['overlong', [0xc0, 0xaf]],
    ['surrogate', [0xed, 0xa0, 0x80]],
    ['truncated', [0xe2, 0x82]],
    ['latin-1', [0x63, 0x61, 0x66, 0xe9]],
  ])('rejects %s bytes', async (_label, bytes) => {
    const err = await rejection(() => decodeText(Uint8Array.from(bytes), 'enc.lp'));
    expect(err.message).toMatch(/^enc\.lp, line 1: not valid UTF-8 text/);
  });
});

describe('large input', () => {
  // Speed is never asserted in tests (shared, noisy machines); this checks correctness at size.
  it('scans ~16 MiB of LP and MPS without a false alarm', () => {
    const lpLines = ['Minimize', ' obj: x0 + 2 x1 + 3.5e-1 x2', 'Subject To'];
    for (let i = 0, size = 0; size < 16 * 1024 * 1024; i += 1) {
      const line = ` c${i}: 1.5 x${i} - 2 x${i + 1} + [ x${i} * x${i + 1} ] >= -${i}.25`;
      lpLines.push(line);
      size += line.length + 1;
    }
    lpLines.push('Bounds', ' -inf <= x0 <= inf', 'End', '');
    const lpText = lpLines.join('\n');
    const mpsLines = ['NAME big', 'ROWS', ' N obj', ' L c', 'COLUMNS'];
    for (let i = 0; mpsLines.length < 400_000; i += 1)
      mpsLines.push(`    x${i}        obj       ${i}.5        c         -1.25e-3`);
    mpsLines.push('RHS', '    rhs       c        Inf', 'ENDATA', '');
    const mpsText = mpsLines.join('\n');

    expect(() => checkNumbers(lpText, 'lp', 'big.lp')).not.toThrow();
    expect(() => checkNumbers(mpsText, 'mps', 'big.mps')).not.toThrow();
    expect(() => checkNumbers(lpText.replace(' c7: 1.5 x7', ' c7: nan x7'), 'lp', 'big.lp')).toThrow(
      /big\.lp, line 11\b/,
    );
  });
});
