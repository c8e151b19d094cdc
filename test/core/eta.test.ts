import { describe, expect, it } from 'vitest';
import { countdownMs, estimateRemainingMs, formatCountdown, jobSize, type EtaInput } from '../../src/core/eta';

const job = (group: string, size: number | null) => ({ group, size });
const done = (group: string, size: number | null, ms: number) => ({ group, size, ms });

describe('jobSize', () => {
  it.each([
    ['nonzeros', { rows: 10, cols: 20, nnz: 55 }, 55],
    ['rows × cols without nonzeros', { rows: 10, cols: 20, nnz: 0 }, 200],
    ['unknown (a model not generated yet)', { rows: 0, cols: 0, nnz: 0 }, null],
  ])('%s', (_label, m, size) => {
    expect(jobSize(m)).toBe(size);
  });
});

describe('estimateRemainingMs', () => {
  it.each<[string, EtaInput, number | null]>([
    ['nothing finished yet: unknown', { remaining: [job('A', 100)], finished: [], workers: 1 }, null],
    ['nothing left: 0', { remaining: [], finished: [], workers: 4 }, 0],
    [
      'size-proportional: 10 ms per 100 nonzeros, a 1000-nonzero job left',
      { remaining: [job('A', 1000)], finished: [done('A', 100, 10)], workers: 1 },
      100,
    ],
    [
      // The mean time per job (10 ms) would say 20 ms; the sizes say the big ones are left.
      'big jobs left after small ones: by size, not by count',
      { remaining: [job('A', 1000), job('A', 1000)], finished: [done('A', 100, 10)], workers: 1 },
      200,
    ],
    [
      'divided by the workers',
      {
        remaining: [job('A', 100), job('A', 100), job('A', 100), job('A', 100)],
        finished: [done('A', 100, 10)],
        workers: 2,
      },
      20,
    ],
    [
      'no more workers than jobs left, and not shorter than the longest job',
      { remaining: [job('A', 1000), job('A', 100)], finished: [done('A', 100, 10)], workers: 8 },
      100,
    ],
    [
      'each option set at its own rate (presolve off is 3× slower here)',
      {
        remaining: [job('A', 100), job('B', 100)],
        finished: [done('A', 100, 10), done('B', 100, 30)],
        workers: 1,
      },
      40,
    ],
    [
      'a set with no finished job uses the rate of all',
      { remaining: [job('C', 200)], finished: [done('A', 100, 10), done('B', 100, 30)], workers: 1 },
      40,
    ],
    [
      'a job of unknown size costs the mean time per job of its set',
      { remaining: [job('A', null)], finished: [done('A', 100, 10), done('A', 300, 50)], workers: 1 },
      30,
    ],
    [
      'no sized job seen: the mean time per job',
      { remaining: [job('A', 500), job('A', 500)], finished: [done('A', null, 7)], workers: 1 },
      14,
    ],
  ])('%s', (_label, input, expected) => {
    expect(estimateRemainingMs(input)).toBe(expected);
  });

  it('counts down as jobs finish at the rate seen (it does not jump up when the rate holds)', () => {
    const sizes = [100, 200, 400, 800];
    let last = Infinity;
    for (let k = 1; k < sizes.length; k++) {
      const finished = sizes.slice(0, k).map((s) => done('A', s, s / 10));
      const eta = estimateRemainingMs({ remaining: sizes.slice(k).map((s) => job('A', s)), finished, workers: 1 })!;
      expect(eta).toBe(sizes.slice(k).reduce((a, s) => a + s / 10, 0));
      expect(eta).toBeLessThan(last);
      last = eta;
    }
  });
});

describe('countdownMs', () => {
  it.each<[string, { ms: number; at: number } | null, number, number | null]>([
    ['no estimate', null, 1000, null],
    ['at the estimate', { ms: 5000, at: 1000 }, 1000, 5000],
    ['1.5 s later', { ms: 5000, at: 1000 }, 2500, 3500],
    ['past it: 0, never negative', { ms: 5000, at: 1000 }, 9000, 0],
    ['a clock that went back counts as no time passed', { ms: 5000, at: 1000 }, 500, 5000],
  ])('%s', (_label, estimate, now, expected) => {
    expect(countdownMs(estimate, now)).toBe(expected);
  });
});

describe('formatCountdown', () => {
  it.each([
    [400, 'under 1 s'],
    [1000, '1 s'],
    [10_700, '11 s'],
    [59_999, '1 min 00 s'],
    [125_000, '2 min 05 s'],
    [NaN, '–'],
  ])('%d ms → %s', (ms, text) => {
    expect(formatCountdown(ms)).toBe(text);
  });
});
