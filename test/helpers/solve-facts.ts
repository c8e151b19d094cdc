// One solve's facts as a worker reports them (afiro, optimal, 20 simplex iterations), for tests that record runs
// without solving: the recorder's and recordSolve's.
import { NO_COUNTERS, type SolveFacts } from '../../src/core/run-record';

/** afiro solved to its optimum, with any field patched. */
export const afiroFacts = (patch: Partial<SolveFacts> = {}): SolveFacts => ({
  status: 'optimal',
  runStatus: 'ok',
  runError: null,
  objective: -464.75314285714285,
  objectiveNotFinite: false,
  mipGap: null,
  mipDualBound: null,
  size: { rows: 27, cols: 32, nnz: 83, integers: 0 },
  format: 'mps',
  counters: { ...NO_COUNTERS, simplexIterations: 20 },
  times: { readMs: 1, solveMs: 7.5, highsRunMs: 6, validateMs: 0.5 },
  wasmMemoryBytes: 16_777_216,
  warm: true,
  warnings: [],
  ...patch,
});
