// What `npm run bench -- tune` drives in the built app (under `?bench`, as `__workbenchBench.tuning`): a Solve ×N
// of a library model through the run view's tuning state and the app's pool, timed in the page.
import { TuningState } from '../state/tuning-state.svelte';
import type { AppServices } from '../state/ports';

/** The tuning part of the bench hooks. */
export interface TuningBenchHooks {
  /** Solve ×n (random_seed 1..n) of a library model with HiGHS defaults; wall time from start to the last result. */
  solveN(file: string, n: number): Promise<{ wallMs: number; runs: number; statuses: string[]; timesMs: number[] }>;
}

/** The tuning bench hooks over the app's services (runs are not stored). */
export function tuningBenchHooks(services: AppServices): TuningBenchHooks {
  return {
    async solveN(file, n) {
      const tuning = new TuningState({
        solver: services.solver,
        choice: () => ({ name: file, origin: 'library' }),
        bytesOf: () => services.library.model(file),
        options: () => ({}),
        applyOption: () => {},
        storeRun: async (r) => r,
      });
      const t0 = performance.now();
      await tuning.solveN(n);
      const wallMs = performance.now() - t0;
      if (tuning.error) throw new Error(`${tuning.error.name}: ${tuning.error.message}`);
      return {
        wallMs,
        runs: tuning.solveNRuns.length,
        statuses: tuning.solveNRuns.map((r) => r.status ?? 'error'),
        timesMs: tuning.solveNRuns.map((r) => r.times.solveMs),
      };
    },
  };
}
