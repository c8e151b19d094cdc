// The built-in health checks in the order the view lists them: registering a new check is one line here.
import type { HealthCheck } from './types';
import { solverLoadsCheck } from './checks/solver-loads';
import { sanitySolveCheck } from './checks/sanity-solve';
import { workersProgressCheck } from './checks/workers-progress';
import { storageReadWriteCheck } from './checks/storage-readwrite';
import { storageHeadroomCheck } from './checks/storage-headroom';
import { crossOriginIsolationCheck } from './checks/cross-origin-isolation';
import { wasmMemoryHeadroomCheck } from './checks/wasm-memory-headroom';
import { noRegressionCheck } from './checks/no-regression';
import { recentErrorRateCheck } from './checks/recent-error-rate';
import { blessedValidCheck } from './checks/blessed-valid';

/** Every built-in check, critical runtime checks first; ids are unique. */
export const BUILTIN_CHECKS: readonly HealthCheck[] = Object.freeze([
  solverLoadsCheck,
  sanitySolveCheck,
  workersProgressCheck,
  storageReadWriteCheck,
  storageHeadroomCheck,
  crossOriginIsolationCheck,
  wasmMemoryHeadroomCheck,
  noRegressionCheck,
  recentErrorRateCheck,
  blessedValidCheck,
]);

/** A built-in check by id (the view's "run this one" and tests), or undefined. */
export function builtinCheck(id: string): HealthCheck | undefined {
  return BUILTIN_CHECKS.find((c) => c.id === id);
}
