// The time left of a batch of solves (a benchmark's warm-up and timed runs), from what is known before
// they run — each planned job's model size — and what was seen so far: the time per unit of size of the
// jobs that finished, per group (an option set: presolve off is slower per nonzero than the defaults),
// else over all groups. Jobs run side by side on the workers, so the sum is divided by the workers in use;
// the batch cannot end before its longest job. And the countdown a display shows between two estimates.

/** A job's size for the estimate: its nonzeros, else rows × cols, else null (not known yet, e.g. a model not generated). */
export function jobSize(m: { rows: number; cols: number; nnz: number }): number | null {
  if (Number.isFinite(m.nnz) && m.nnz > 0) return m.nnz;
  const area = m.rows * m.cols;
  return Number.isFinite(area) && area > 0 ? area : null;
}

/** A job not finished yet: its group (option set) and its size (null: unknown). */
export interface PendingJob {
  group: string;
  size: number | null;
}

/** A finished job: its group, its size (null: unknown) and the time it took on its worker, ms. */
export interface FinishedJob {
  group: string;
  size: number | null;
  ms: number;
}

/** What the estimate needs: the jobs left, the jobs finished, and how many workers run them. */
export interface EtaInput {
  remaining: readonly PendingJob[];
  finished: readonly FinishedJob[];
  workers: number;
}

/** The observed cost: ms per unit of size (from jobs of known size) and ms per job (from all). */
interface Rate {
  perSize: number | null;
  perJob: number;
}

function rateOf(jobs: readonly FinishedJob[]): Rate | null {
  const usable = jobs.filter((j) => Number.isFinite(j.ms) && j.ms >= 0);
  if (usable.length === 0) return null;
  const sized = usable.filter((j) => j.size !== null && j.size > 0);
  const size = sized.reduce((a, j) => a + j.size!, 0);
  const perSize = sized.length > 0 && size > 0 ? sized.reduce((a, j) => a + j.ms, 0) / size : null;
  return { perSize, perJob: usable.reduce((a, j) => a + j.ms, 0) / usable.length };
}

/**
 * The estimated time left, ms: each remaining job costs its size × the time per unit of size seen in its
 * group (else in all finished jobs; a job of unknown size, or with no sized job seen, costs the mean time
 * per finished job), summed and divided by the workers in use (at most one per remaining job), and never
 * less than the costliest remaining job. 0 when nothing remains; null while no job has finished (nothing
 * to base it on).
 */
export function estimateRemainingMs(input: EtaInput): number | null {
  if (input.remaining.length === 0) return 0;
  const overall = rateOf(input.finished);
  if (!overall) return null;
  const byGroup = new Map<string, Rate | null>();
  const rate = (group: string): Rate => {
    if (!byGroup.has(group)) byGroup.set(group, rateOf(input.finished.filter((j) => j.group === group)));
    return byGroup.get(group) ?? overall;
  };
  let total = 0;
  let longest = 0;
  for (const job of input.remaining) {
    const r = rate(job.group);
    const perSize = r.perSize ?? overall.perSize;
    const cost = job.size !== null && job.size > 0 && perSize !== null ? job.size * perSize : r.perJob;
    total += cost;
    longest = Math.max(longest, cost);
  }
  const workers = Math.max(1, Math.min(Math.floor(input.workers) || 1, input.remaining.length));
  return Math.round(Math.max(total / workers, longest));
}

/** An estimate and when it was made (a clock in ms, e.g. performance.now()). */
export interface Estimate {
  ms: number;
  at: number;
}

/** What a countdown shows at `now`: the estimate less the time since it was made, never below 0; null without an estimate. */
export function countdownMs(estimate: Estimate | null, now: number): number | null {
  if (!estimate) return null;
  return Math.max(0, Math.round(estimate.ms - Math.max(0, now - estimate.at)));
}

/** A time left as a countdown reads it: whole seconds, rounded up ("under 1 s", "12 s", "2 min 05 s"). */
export function formatCountdown(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '–';
  if (ms < 1000) return 'under 1 s';
  const s = Math.ceil(ms / 1000);
  if (s < 60) return `${s} s`;
  return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
}
