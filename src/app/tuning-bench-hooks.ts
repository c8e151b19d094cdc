// What `npm run bench -- tune` and `npm run bench -- decide` drive in the built app (under `?bench`, as
// `__workbenchBench.tuning`): a Solve ×N of a library model through the run view's tuning state and the app's
// pool, timed in the page; and one Decide through the same runner as the run view's.
import type { OptionValues } from '../core/options-schema';
import type { SequentialSettings } from '../core/decision';
import { runDecide, type DecideOutcome } from '../state/decide-runner';
import { TuningState } from '../state/tuning-state.svelte';
import type { AppServices } from '../state/ports';

/** The tuning part of the bench hooks. */
export interface TuningBenchHooks {
  /** Solve ×n (random_seed 1..n) of a library model with HiGHS defaults; wall time from start to the last result. */
  solveN(file: string, n: number): Promise<{ wallMs: number; runs: number; statuses: string[]; timesMs: number[] }>;
  /**
   * One Decide of a library model, reference against candidate options; `plant` multiplies the candidate's
   * measured times (a known difference planted into real solves, to measure how many runs Decide needs).
   */
  decide(
    file: string,
    reference: OptionValues,
    candidate: OptionValues,
    settings: Partial<SequentialSettings>,
    plant?: number,
  ): Promise<DecideOutcome>;
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
    async decide(file, reference, candidate, settings, plant = 1) {
      const bytes = await services.library.model(file);
      const workers = Math.max(1, services.solver.snapshot().maxWorkers);
      return runDecide(
        {
          solve: (options, side) => {
            const job = services.solver.submit({ name: file, bytes }, options, {
              priority: 'batch',
              captureLog: false,
            });
            if (side === 'ref' || plant === 1) return job;
            const result = job.result.then((r) => ({ ...r, times: { ...r.times, solveMs: r.times.solveMs * plant } }));
            return { result, cancel: () => job.cancel() };
          },
          workers: () => workers,
          now: () => performance.now(),
        },
        reference,
        candidate,
        settings,
        () => {},
        () => false,
      );
    },
  };
}
