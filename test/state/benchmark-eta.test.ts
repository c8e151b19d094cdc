// The time-left sample of finished jobs: every job up to the cap, then an even sample in bounded memory.
import { describe, expect, it } from 'vitest';
import type { FinishedJob } from '../../src/core/eta';
import { FinishedSample } from '../../src/state/benchmark-eta';

const job = (group: string, i: number): FinishedJob => ({ group, size: 10 + (i % 7), ms: 5 + (i % 3) });

describe('FinishedSample', () => {
  it('keeps every job below the cap, in each group', () => {
    const s = new FinishedSample(8);
    const all = [
      ...Array.from({ length: 7 }, (_, i) => job('a', i)),
      ...Array.from({ length: 3 }, (_, i) => job('b', i)),
    ];
    for (const j of all) s.add(j);
    expect([...s.jobs()].sort((x, y) => x.group.localeCompare(y.group))).toEqual(all);
    expect(new FinishedSample().empty).toBe(true);
    expect(s.empty).toBe(false);
  });

  it.each([
    [8, 8, [0, 2, 4, 6]],
    [8, 10, [0, 2, 4, 6, 8]],
    [8, 16, [0, 4, 8, 12]],
    [8, 33, [0, 8, 16, 24, 32]],
  ])('cap %i, %i jobs of one group: keeps the jobs %j, evenly spread', (cap, n, kept) => {
    const s = new FinishedSample(cap);
    for (let i = 0; i < n; i++) s.add(job('a', i));
    expect(s.jobs()).toEqual(kept.map((i) => job('a', i)));
  });

  it('stays under its cap per group however many jobs finish', () => {
    const s = new FinishedSample(64);
    for (let i = 0; i < 100_000; i++) s.add(job(i % 3 ? 'a' : 'b', i));
    expect(s.jobs().filter((j) => j.group === 'a').length).toBeLessThan(64);
    expect(s.jobs().filter((j) => j.group === 'b').length).toBeLessThan(64);
  });
});
