// The CSV of a chart's numbers: RFC 4180 quoting, formula-looking text defused, numbers as numbers.
import { describe, expect, it } from 'vitest';
import { csvField, csvFileName, evenlySpacedIndices, toCsv, type Cell } from '../../../src/core/charts';

describe('csvField', () => {
  it.each([
    [null, ''],
    [1.5, '1.5'],
    [-2, '-2'],
    [1e-7, '1e-7'],
    [NaN, ''],
    [Infinity, ''],
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['line\nbreak', '"line\nbreak"'],
    ['cr\rlf', '"cr\rlf"'],
    [' padded ', '" padded "'],
    ['=HYPERLINK("x")', `"'=HYPERLINK(""x"")"`],
    ['+1', "'+1"],
    ['-1 text', "'-1 text"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=cmd', "'\t=cmd"],
    ['模型 ü', '模型 ü'],
    ['', ''],
  ] as [Cell, string][])('%j → %s', (cell, expected) => {
    expect(csvField(cell)).toBe(expected);
  });
});

describe('toCsv', () => {
  it('writes a header row and CRLF line ends, quoting only where needed', () => {
    const csv = toCsv({
      columns: ['model', 'time (ms)', 'note'],
      rows: [
        ['knapsack-n10.lp', 12.5, null],
        ['a, "b"', 0, 'x'],
      ],
    });
    expect(csv).toBe('model,time (ms),note\r\nknapsack-n10.lp,12.5,\r\n"a, ""b""",0,x\r\n');
  });

  it('writes only the header for no rows', () => {
    expect(toCsv({ columns: ['a', 'b'], rows: [] })).toBe('a,b\r\n');
  });
});

describe('csvFileName', () => {
  it.each([
    ['time vs size knapsack', 'Quick start', 'quick-start-time-vs-size-knapsack.csv'],
    ['speedup', '../../etc/passwd', 'etc-passwd-speedup.csv'],
    ['profile', '', 'profile.csv'],
    ['', '模型', 'chart.csv'],
  ])('%s of %s → %s', (chart, bench, expected) => {
    expect(csvFileName(chart, bench)).toBe(expected);
  });
});

describe('evenlySpacedIndices', () => {
  it.each([
    [3, 5, [0, 1, 2]],
    [10, 4, [0, 3, 6, 9]],
    [5, 2, [0, 4]],
    [5, 1, [0]],
    [5, 0, []],
    [0, 3, []],
    [7, 3, [0, 3, 6]],
  ])('n=%i, k=%i → %j', (n, k, expected) => {
    expect(evenlySpacedIndices(n, k)).toEqual(expected);
  });
});
