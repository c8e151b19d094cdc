// Drives a race with an asynchronous evaluator (the worker pool, a CLI's solver): keeps up to `concurrency`
// jobs in flight, records each result as it comes, and stops on an abort with the race still resumable (jobs
// not run are given back, so they are asked again).
import type { Race } from './race';
import type { RaceProgress } from './race-state';
import type { TunerJob, TunerRunResult } from './types';

/** Runs one job: the caller's solver (pool, worker, simulation). */
export type Evaluate = (job: TunerJob, signal?: AbortSignal) => Promise<TunerRunResult>;

/** How runRace drives the evaluator. */
export interface RunRaceOptions {
  /** Jobs in flight at once (the pool's size). */
  concurrency?: number;
  signal?: AbortSignal;
  onProgress?: (progress: RaceProgress) => void;
}

/** Drives a race to its end (or until aborted: the race stays resumable) with up to `concurrency` jobs in flight. */
export async function runRace(race: Race, evaluate: Evaluate, options: RunRaceOptions = {}): Promise<RaceProgress> {
  const concurrency = Math.max(1, Math.floor(options.concurrency ?? 1));
  const { signal, onProgress } = options;
  const queue: TunerJob[] = [];
  const inFlight = new Map<string, Promise<void>>();
  let failure: { error: unknown } | null = null;
  const launch = (job: TunerJob) => {
    const p = evaluate(job, signal)
      .then(
        (r) => {
          race.record({ ...r, jobId: job.id });
          onProgress?.(race.progress());
        },
        (error: unknown) => {
          race.release(job.id);
          failure ??= { error };
        },
      )
      .finally(() => inFlight.delete(job.id));
    inFlight.set(job.id, p);
  };
  for (;;) {
    if (signal?.aborted || failure) break;
    if (queue.length === 0) {
      const jobs = race.next();
      if (jobs === null && inFlight.size === 0) break;
      if (jobs) queue.push(...jobs);
    }
    while (queue.length > 0 && inFlight.size < concurrency) launch(queue.shift()!);
    if (inFlight.size === 0) throw new Error('the race asked for nothing while nothing runs');
    await Promise.race(inFlight.values());
  }
  await Promise.allSettled([...inFlight.values()]);
  for (const job of queue) race.release(job.id);
  if (failure) throw (failure as { error: unknown }).error;
  return race.progress();
}
