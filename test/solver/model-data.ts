// A model's data read by the real HiGHS in the test thread, for checking a solver's solution.
import type { LinearModelData } from '../../src/core/solution-check';
import { highs } from '../helpers/highs';

/** The linear data of an LP/MPS text (matrix by column), for checkSolution. */
export function linearModelOf(format: 'lp' | 'mps', bytes: Uint8Array | string): LinearModelData {
  const data = typeof bytes === 'string' ? bytes : new TextDecoder().decode(bytes);
  return highs.withModel({ format, data }, (m) => {
    const d = m.getModel('csc');
    return {
      numCols: d.numCols,
      numRows: d.numRows,
      offset: d.offset,
      colCost: d.colCost,
      colLower: d.colLower,
      colUpper: d.colUpper,
      rowLower: d.rowLower,
      rowUpper: d.rowUpper,
      matrix: {
        orientation: 'csc' as const,
        starts: d.matrix.starts,
        indices: d.matrix.indices,
        values: d.matrix.values,
      },
      integrality: d.integrality,
    };
  });
}
