import { describe, expect, it } from 'vitest';
import { checkSolution, type LinearModelData } from '../../src/core/solution-check';

// max x + 2y  s.t.  c1: x + y <= 4,  c2: x - y >= -2,  0 <= x <= 3, 0 <= y <= 10, y integer
const csc: LinearModelData = {
  numCols: 2,
  numRows: 2,
  offset: 1,
  colCost: [1, 2],
  colLower: [0, 0],
  colUpper: [3, 10],
  rowLower: [-Infinity, -2],
  rowUpper: [4, Infinity],
  matrix: { orientation: 'csc', starts: [0, 2, 4], indices: [0, 1, 0, 1], values: [1, 1, 1, -1] },
  integrality: [0, 1],
};
const csr: LinearModelData = {
  ...csc,
  matrix: { orientation: 'csr', starts: [0, 2, 4], indices: [0, 1, 0, 1], values: [1, 1, 1, -1] },
};

describe('checkSolution', () => {
  it.each([
    ['the optimum', [1, 3], { objective: 8, feasible: true, maxRowViolation: 0 }],
    ['a row violated', [2, 3], { feasible: false, maxRowViolation: 1 }],
    ['a bound violated', [-0.5, 1], { feasible: false, maxBoundViolation: 0.5 }],
    ['integrality violated', [1, 2.5], { feasible: false, maxIntegralityViolation: 0.5 }],
    ['within tolerance', [1 + 1e-9, 3 - 1e-9], { feasible: true }],
  ] as const)('%s', (_label, x, expected) => {
    for (const m of [csc, csr]) expect(checkSolution(m, x)).toMatchObject(expected);
  });

  it('lets a semi-integer column be 0 or an integer within its bounds', () => {
    const m: LinearModelData = { ...csc, colLower: [0, 2], integrality: [0, 3] };
    expect(checkSolution(m, [0, 0]).feasible).toBe(true);
    expect(checkSolution(m, [0, 1]).maxBoundViolation).toBe(1);
    expect(checkSolution(m, [0, 2]).feasible).toBe(true);
  });

  it('refuses a solution of the wrong length', () => {
    expect(() => checkSolution(csc, [1])).toThrow(/1 values for 2 columns/);
  });
});
