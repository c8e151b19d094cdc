// What a benchmark stopped by a failed write (a full disk, a closed database) tells the user: exactly what
// is stored and what is not, from the runner's own count of what it wrote, since the store's generic
// message ("nothing already stored was changed") is about the one write that failed, not the benchmark.
import { shownError, type ShownError } from './shown-error';

/** What the runner knows it wrote when a write failed. */
export interface WrittenSoFar {
  /** The benchmark's name. */
  name: string;
  /** Whether the benchmark record itself is stored. */
  benchmarkStored: boolean;
  /** Its state as stored now ('interrupted' when marking it worked, else what it was: 'running' is found as interrupted later). */
  storedState: string;
  /** Runs stored (earlier sessions' included). */
  storedRuns: number;
  /** Runs that finished but could not be stored. */
  unstoredRuns: number;
  /** Every planned run. */
  total: number;
}

/** Whether a failure is a storage write failure the benchmark reports with its counts. */
export function isWriteFailure(e: unknown): boolean {
  const name = shownError(e).name;
  return name === 'StorageFull' || name === 'StorageClosed';
}

const runs = (n: number) => `${n} run${n === 1 ? '' : 's'}`;

/** The error to show for a benchmark stopped by a failed write: its cause, then what is stored and what is not. */
export function writeFailureError(e: unknown, w: WrittenSoFar): ShownError {
  const cause = shownError(e);
  const why =
    cause.name === 'StorageFull'
      ? "The browser's storage for this site is full"
      : `A write failed (${cause.name}: ${cause.message})`;
  if (!w.benchmarkStored)
    return {
      name: cause.name,
      message: `${why}: the benchmark "${w.name}" could not be stored; nothing of it was kept.`,
    };
  const notRun = Math.max(0, w.total - w.storedRuns - w.unstoredRuns);
  const stored =
    w.storedRuns === w.total
      ? `the benchmark "${w.name}" and all ${w.total} of its runs were stored, but not that it finished`
      : `the benchmark "${w.name}" and ${w.storedRuns} of its ${w.total} runs were stored`;
  const lost = w.unstoredRuns > 0 ? `; ${runs(w.unstoredRuns)} that finished could not be stored` : '';
  const left = notRun > 0 ? `; ${runs(notRun)} did not run` : '';
  const next =
    cause.name === 'StorageFull'
      ? `It is kept as ${w.storedState === 'interrupted' ? 'interrupted' : 'interrupted (after a reload)'}: make room (back up, then delete old benchmarks or runs) and resume it to run what is missing.`
      : 'Reload, then resume it to run what is missing.';
  return { name: cause.name, message: `${why}: ${stored}${lost}${left}. ${next}` };
}
