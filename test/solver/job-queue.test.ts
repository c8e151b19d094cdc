// The job queue on its own: which job comes out next for given arrivals.
import { describe, expect, it } from 'vitest';
import { JobQueue } from '../../src/solver/job-queue';
import type { Priority } from '../../src/solver/pool-types';

interface J {
  id: string;
  priority: Priority;
  cost?: number;
}
/** 'i:a' is interactive job a; 'b:c:5' is batch job c with cost 5; 'b:d' is batch job d without a cost. */
const job = (spec: string): J => {
  const [p, id, cost] = spec.split(':');
  return { id, priority: p === 'i' ? 'interactive' : 'batch', ...(cost !== undefined ? { cost: Number(cost) } : {}) };
};
const drainOrder = (q: JobQueue<J>): string[] => {
  const out: string[] = [];
  for (let j = q.shift(); j; j = q.shift()) out.push(j.id);
  return out;
};

describe('JobQueue', () => {
  it.each<[string, string[], string[]]>([
    ['empty', [], []],
    ['interactive jobs in arrival order', ['i:a', 'i:b', 'i:c'], ['a', 'b', 'c']],
    ['interactive before batch, whenever they came', ['b:x', 'i:a', 'b:y', 'i:b'], ['a', 'b', 'x', 'y']],
    ['batch jobs without a cost in arrival order', ['b:a', 'b:b', 'b:c'], ['a', 'b', 'c']],
    ['batch jobs with a cost longest first (LPT)', ['b:a:3', 'b:b:9', 'b:c:1', 'b:d:5'], ['b', 'd', 'a', 'c']],
    ['equal costs in arrival order', ['b:a:2', 'b:b:2', 'b:c:7', 'b:d:2'], ['c', 'a', 'b', 'd']],
    [
      'with and without costs: costly ones first, then the rest in order',
      ['b:a', 'b:b:4', 'b:c', 'b:d:8'],
      ['d', 'b', 'a', 'c'],
    ],
  ])('%s', (_label, arrivals, expected) => {
    const q = new JobQueue<J>();
    for (const a of arrivals) q.push(job(a));
    expect(q.depth).toBe(arrivals.length);
    expect(drainOrder(q)).toEqual(expected);
    expect(q.depth).toBe(0);
    expect(q.peek()).toBeUndefined();
  });

  it.each<[string, string[], string, string[]]>([
    ['a retried batch job goes first among equals', ['b:a', 'b:b'], 'b:r', ['r', 'a', 'b']],
    ['a retried batch job still yields to a costlier one', ['b:a:5', 'b:b'], 'b:r:1', ['a', 'r', 'b']],
    ['a retried interactive job goes first', ['i:a', 'b:b'], 'i:r', ['r', 'a', 'b']],
  ])('unshift: %s', (_label, arrivals, retried, expected) => {
    const q = new JobQueue<J>();
    for (const a of arrivals) q.push(job(a));
    q.unshift(job(retried));
    expect(drainOrder(q)).toEqual(expected);
  });

  it('removes a job wherever it waits, once; drain empties interactive first', () => {
    const q = new JobQueue<J>();
    const jobs = ['b:a', 'i:b', 'b:c:3', 'i:d'].map(job);
    for (const j of jobs) q.push(j);
    expect(q.remove(jobs[2])).toBe(true);
    expect(q.remove(jobs[2])).toBe(false);
    expect(q.peek()?.id).toBe('b');
    expect(q.depth).toBe(3);
    expect(q.drain().map((j) => j.id)).toEqual(['b', 'd', 'a']);
    expect(q.depth).toBe(0);
  });
});
