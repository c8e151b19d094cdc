// The pool's waiting jobs: interactive ones before batch ones; batch jobs with a cost longest
// first (LPT), the others in the order they came.
import type { Priority } from './pool-types';

/** What the queue needs to know of a job, so it can order any job type. */
export interface Queued {
  priority: Priority;
  /** Expected cost; batch jobs with a larger cost go first. */
  cost?: number;
}

/** Jobs waiting for a worker, in the order the pool should run them. */
export class JobQueue<T extends Queued> {
  private readonly interactive: T[] = [];
  private readonly batch: T[] = [];

  /** Adds a job behind the others of its priority. */
  push(job: T): void {
    this.lane(job).push(job);
  }

  /** Puts a job in front of the others of its priority (a retry should not wait again). */
  unshift(job: T): void {
    this.lane(job).unshift(job);
  }

  /** The job to run next: the first interactive one, else the costliest batch job (the first among equals). */
  peek(): T | undefined {
    if (this.interactive.length) return this.interactive[0];
    let best = this.batch[0];
    for (const j of this.batch) if ((j.cost ?? 0) > (best.cost ?? 0)) best = j;
    return best;
  }

  /** Takes the job to run next out of the queue. */
  shift(): T | undefined {
    const job = this.peek();
    if (job) this.remove(job);
    return job;
  }

  /** Takes a job out wherever it is (cancelled while waiting); false if it was not queued. */
  remove(job: T): boolean {
    const q = this.lane(job);
    const i = q.indexOf(job);
    if (i >= 0) q.splice(i, 1);
    return i >= 0;
  }

  /** Empties the queue, returning its jobs (interactive first), so they can all be settled. */
  drain(): T[] {
    return [...this.interactive.splice(0), ...this.batch.splice(0)];
  }

  /** How many jobs wait, for scaling and snapshots. */
  get depth(): number {
    return this.interactive.length + this.batch.length;
  }

  private lane(job: T): T[] {
    return job.priority === 'interactive' ? this.interactive : this.batch;
  }
}
