// Checks a primal solution against the model it claims to solve: bounds, rows, integrality and
// the objective recomputed from the data. A solver's word that a point is feasible is not taken
// on trust where the data is at hand (tests, and later the benchmark's correctness check).

/** A sparse matrix, compressed by column (CSC) or by row (CSR), as HiGHS returns it. */
export interface SparseMatrixData {
  /** 'csc': starts per column, indices are rows; 'csr': starts per row, indices are columns. */
  orientation: 'csc' | 'csr';
  starts: ArrayLike<number>;
  indices: ArrayLike<number>;
  values: ArrayLike<number>;
}

/** The linear part of a model: objective, bounds, matrix and integrality (HiGHS codes). */
export interface LinearModelData {
  numCols: number;
  numRows: number;
  offset: number;
  colCost: ArrayLike<number>;
  colLower: ArrayLike<number>;
  colUpper: ArrayLike<number>;
  rowLower: ArrayLike<number>;
  rowUpper: ArrayLike<number>;
  matrix: SparseMatrixData;
  /** 0 continuous, 1 integer, 2 semi-continuous, 3 semi-integer (HighsVarType); empty for LPs. */
  integrality?: ArrayLike<number>;
}

/** How far a point is from feasible, and its objective computed from the data. */
export interface SolutionCheck {
  /** The linear objective recomputed from the data (offset + c·x; a QP's quadratic term is not included). */
  objective: number;
  maxBoundViolation: number;
  maxRowViolation: number;
  maxIntegralityViolation: number;
  feasible: boolean;
}

/** Amount by which v lies outside [lo, hi] (0 inside). */
function outside(v: number, lo: number, hi: number): number {
  return v < lo ? lo - v : v > hi ? v - hi : 0;
}

/** Checks x against the model within an absolute tolerance (HiGHS's default feasibility tolerance is 1e-7; 1e-6 allows for scaling). */
export function checkSolution(m: LinearModelData, x: ArrayLike<number>, tol = 1e-6): SolutionCheck {
  if (x.length !== m.numCols) throw new Error(`solution has ${x.length} values for ${m.numCols} columns`);
  let objective = m.offset;
  let maxBound = 0;
  let maxInt = 0;
  for (let j = 0; j < m.numCols; j++) {
    const v = x[j];
    objective += m.colCost[j] * v;
    const type = m.integrality && m.integrality.length ? m.integrality[j] : 0;
    const semi = type === 2 || type === 3;
    // A semi variable may also be 0 (off), otherwise it lies within its bounds.
    maxBound = Math.max(maxBound, semi && Math.abs(v) <= tol ? 0 : outside(v, m.colLower[j], m.colUpper[j]));
    if (type === 1 || type === 3) maxInt = Math.max(maxInt, Math.abs(v - Math.round(v)));
  }
  const activity = new Float64Array(m.numRows);
  const { orientation, starts, indices, values } = m.matrix;
  const outer = orientation === 'csc' ? m.numCols : m.numRows;
  for (let k = 0; k < outer; k++) {
    for (let p = starts[k]; p < starts[k + 1]; p++) {
      if (orientation === 'csc') activity[indices[p]] += values[p] * x[k];
      else activity[k] += values[p] * x[indices[p]];
    }
  }
  let maxRow = 0;
  for (let i = 0; i < m.numRows; i++) maxRow = Math.max(maxRow, outside(activity[i], m.rowLower[i], m.rowUpper[i]));
  return {
    objective,
    maxBoundViolation: maxBound,
    maxRowViolation: maxRow,
    maxIntegralityViolation: maxInt,
    feasible: maxBound <= tol && maxRow <= tol && maxInt <= tol,
  };
}
