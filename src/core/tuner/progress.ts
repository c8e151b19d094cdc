// How far a tuning run is and how long it has left, from its record: the race counts against its budget
// (runs, or solve time, whichever is further along), the held-out check counts its jobs; the time left is the
// mean solve time seen so far times the runs left, divided by the workers that run them side by side.
import type { TuningRecord } from './record';

/** A tuning run's progress as a bar shows it: a phase, done of total in that phase's unit, and the time left. */
export interface TuningProgress {
  phase: 'race' | 'held-out' | 'done';
  /** Done and total in `unit` (the bar's aria-valuenow and aria-valuemax). */
  done: number;
  total: number;
  unit: 'runs' | 'seconds';
  /** Estimated ms left for the whole run (race and held-out check), or null before anything finished. */
  etaMs: number | null;
  /** Runs recorded so far: the race's and the held-out check's. */
  runs: number;
}

/** The held-out runs a race's end is expected to ask for (baseline, one best set per count, the ablation path). */
export function expectedHeldOutRuns(record: TuningRecord, heldOutBlocks: number): number {
  return heldOutBlocks * (record.race.config.maxChanges + 2);
}

/** The progress of a tuning run (see the top of this file). */
export function tuningProgress(record: TuningRecord, workers: number): TuningProgress {
  const race = record.race;
  const heldBlocks = record.split.heldOut.length * record.settings.seeds.length;
  const heldResults = record.heldOut?.results.length ?? 0;
  const heldTotal = record.heldOut?.plan.jobs.length ?? expectedHeldOutRuns(record, heldBlocks);
  const runs = race.runs + race.discarded.runs + heldResults;
  const solveMs =
    race.timeMs + race.discarded.timeMs + (record.heldOut?.results ?? []).reduce((a, r) => a + r.timeMs, 0);
  const perRun = runs > 0 ? solveMs / runs : null;
  const w = Math.max(1, workers);
  const heldLeftMs = (left: number) => (perRun === null ? null : (Math.max(0, left) * perRun) / w);

  if (record.phase === 'done') return { phase: 'done', done: 1, total: 1, unit: 'runs', etaMs: 0, runs };
  if (record.phase === 'held-out') {
    const left = heldTotal - heldResults;
    return {
      phase: 'held-out',
      done: heldResults,
      total: Math.max(1, heldTotal),
      unit: 'runs',
      etaMs: heldLeftMs(left),
      runs,
    };
  }
  const { budget } = race.config;
  const runShare = budget.runs === null ? null : race.runs / budget.runs;
  const timeShare = budget.timeMs === null ? null : race.timeMs / budget.timeMs;
  const byTime = runShare === null || (timeShare !== null && timeShare > runShare);
  let raceLeftMs: number | null;
  if (byTime && budget.timeMs !== null) raceLeftMs = Math.max(0, budget.timeMs - race.timeMs) / w;
  else raceLeftMs = heldLeftMs((budget.runs ?? race.runs) - race.runs);
  const heldMs = heldLeftMs(heldTotal);
  const etaMs = raceLeftMs === null || heldMs === null || race.runs === 0 ? null : raceLeftMs + heldMs;
  return byTime && budget.timeMs !== null
    ? {
        phase: 'race',
        done: Math.min(Math.round(race.timeMs / 1000), Math.round(budget.timeMs / 1000)),
        total: Math.max(1, Math.round(budget.timeMs / 1000)),
        unit: 'seconds',
        etaMs,
        runs,
      }
    : {
        phase: 'race',
        done: Math.min(race.runs, budget.runs ?? race.runs),
        total: Math.max(1, budget.runs ?? race.runs),
        unit: 'runs',
        etaMs,
        runs,
      };
}
