// A model's data read by the real HiGHS in the test thread, for checking a solver's solution.
import type { LinearModelData } from '../../src/core/solution-check';
import { linearDataOf } from '../../workers/solver-api';
import { highs } from '../helpers/highs';

/** The linear data of an LP/MPS text (matrix by column), for checkSolution. */
export function linearModelOf(format: 'lp' | 'mps', bytes: Uint8Array | string): LinearModelData {
  const data = typeof bytes === 'string' ? bytes : new TextDecoder().decode(bytes);
  return highs.withModel({ format, data }, linearDataOf);
}
