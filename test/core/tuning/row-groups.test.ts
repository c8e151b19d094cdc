import { describe, expect, it } from 'vitest';
import {
  UNNAMED_GROUP_LABEL,
  emptyPrefixLabel,
  groupLabel,
  groupRows,
  rowGroupPrefix,
} from '../../../src/core/tuning/row-groups';

describe('rowGroupPrefix', () => {
  it.each([
    ['cap_3', 'cap'],
    ['cap[4]', 'cap'],
    ['flow(1,2)', 'flow'],
    ['x12', 'x'],
    ['_a', ''],
    ['3a', ''],
    ['[1]', ''],
    ['noDigits', 'noDigits'],
    ['cap-3', 'cap-'], // a hyphen is not a separator
    ['a.b7', 'a.b'],
    ['débit_3', 'débit'],
    ['容量5', '容量'],
    ['ñ(1)', 'ñ'],
    ['', ''],
  ])('%j → %j', (name, prefix) => {
    expect(rowGroupPrefix(name)).toBe(prefix);
  });
});

describe('groupRows', () => {
  it.each([
    {
      what: 'counts and nonzero sums per prefix, largest nonzeros first',
      names: ['cap_1', 'cap_2', 'flow1', 'x[3]'],
      nnz: [2, 3, 10, 1],
      groups: [
        { prefix: 'flow', rows: 1, nnz: 10 },
        { prefix: 'cap', rows: 2, nnz: 5 }, // 2 + 3
        { prefix: 'x', rows: 1, nnz: 1 },
      ],
      unnamed: false,
    },
    {
      what: 'equal nonzeros: more rows first, then the prefix alphabetically',
      names: ['b1', 'a1', 'c_1', 'c_2'],
      nnz: [2, 2, 1, 1],
      groups: [
        { prefix: 'c', rows: 2, nnz: 2 },
        { prefix: 'a', rows: 1, nnz: 2 },
        { prefix: 'b', rows: 1, nnz: 2 },
      ],
      unnamed: false,
    },
    {
      what: 'names starting with a separator share the empty prefix among named rows',
      names: ['_a', '3b', 'cap1'],
      nnz: [1, 1, 1],
      groups: [
        { prefix: '', rows: 2, nnz: 2, label: '(names starting with a digit or _)' },
        { prefix: 'cap', rows: 1, nnz: 1 },
      ],
      unnamed: false,
    },
    {
      what: 'all names empty: one unnamed group',
      names: ['', '', ''],
      nnz: [4, 5, 6],
      groups: [{ prefix: '', rows: 3, nnz: 15, label: UNNAMED_GROUP_LABEL }],
      unnamed: true,
    },
    {
      what: "HiGHS's generated names (HiGHS_R0, HiGHS_R12) beside empty ones: one unnamed group",
      names: ['HiGHS_R0', 'HiGHS_R12', ''],
      nnz: [1, 2, 3],
      groups: [{ prefix: '', rows: 3, nnz: 6, label: UNNAMED_GROUP_LABEL }],
      unnamed: true,
    },
    {
      what: 'short r0/R12 names are real names, grouped by their prefix',
      names: ['r0', 'R12', 'r3'],
      nnz: [1, 2, 3],
      groups: [
        { prefix: 'r', rows: 2, nnz: 4 },
        { prefix: 'R', rows: 1, nnz: 2 },
      ],
      unnamed: false,
    },
    {
      what: 'a generated name beside a real one is just a name',
      names: ['HiGHS_R0', 'cap1', 'cap2'],
      nnz: [5, 1, 1],
      groups: [
        { prefix: 'HiGHS', rows: 1, nnz: 5 },
        { prefix: 'cap', rows: 2, nnz: 2 },
      ],
      unnamed: false,
    },
    {
      what: 'missing nonzero counts count as 0',
      names: ['a1', 'a2', 'b1'],
      nnz: [3],
      groups: [
        { prefix: 'a', rows: 2, nnz: 3 },
        { prefix: 'b', rows: 1, nnz: 0 },
      ],
      unnamed: false,
    },
    {
      what: 'rows named 1, 2, 3 beside named ones: the group is the digit-named rows, said so (issue 18)',
      names: ['1', '2', '3', 'cap1'],
      nnz: [1, 1, 1, 1],
      groups: [
        { prefix: '', rows: 3, nnz: 3, label: '(names starting with a digit)' },
        { prefix: 'cap', rows: 1, nnz: 1 },
      ],
      unnamed: false,
    },
    { what: 'no rows: no groups', names: [], nnz: [], groups: [], unnamed: true },
  ])('$what', ({ names, nnz, groups, unnamed }) => {
    expect(groupRows(names, nnz)).toEqual({ groups, unnamed });
  });
});

describe('the empty-prefix group is named for what it holds (issue 18: it was "(all rows)")', () => {
  it.each([
    [['1', '22'], '(names starting with a digit)'],
    [['_a', '3b'], '(names starting with a digit or _)'],
    [['[1]', '(2)', '_x', '9'], '(names starting with a digit, _, [ or ()'],
    [['7', ''], '(names starting with a digit, or no name)'],
    [[''], '(rows without a name)'],
  ])('%j → %s', (names, label) => {
    expect(emptyPrefixLabel(names)).toBe(label);
  });

  it.each([
    [{ prefix: 'cap' }, 'cap'],
    [{ prefix: '', label: '(names starting with a digit)' }, '(names starting with a digit)'],
    [{ prefix: '', label: UNNAMED_GROUP_LABEL }, UNNAMED_GROUP_LABEL],
    [{ prefix: '' }, '(no prefix: names starting with a digit, _, [ or (, or no name)'],
  ])('groupLabel(%j) → %s', (group, label) => {
    expect(groupLabel(group)).toBe(label);
  });

  it('never calls the digit-named rows of a named model "(all rows)"', () => {
    const { groups } = groupRows(['1', '2', 'cap1', 'cap2'], [1, 1, 1, 1]);
    expect(groups.map(groupLabel)).not.toContain('(all rows)');
    expect(groups.map(groupLabel)).not.toContain(UNNAMED_GROUP_LABEL);
  });
});
