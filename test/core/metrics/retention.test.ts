// Retention: the cutoff below which points are pruned and the check of a user's choice.
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_RETENTION_DAYS,
  PRUNE_BATCH,
  RETENTION_CHOICES_DAYS,
  retentionCutoff,
  validateRetentionDays,
} from '../../../src/core/metrics/retention';

describe('retention', () => {
  it.each([
    [1_000_000_000, 1, 1_000_000_000 - 86_400_000],
    [1_000_000_000, 7, 1_000_000_000 - 604_800_000],
    [10_000_000_000, 90, 10_000_000_000 - 7_776_000_000],
  ])('cutoff of now %d keeping %d days is %d', (now, days, cutoff) => {
    expect(retentionCutoff(now, days)).toBe(cutoff);
  });

  it.each([
    [1, null],
    [7, null],
    [365, null],
    [0, 'between 1 and 365 days (got 0)'],
    [366, 'between 1 and 365 days (got 366)'],
    [-3, 'between 1 and 365 days (got -3)'],
    [1.5, 'whole number of days (got 1.5)'],
    [Number.NaN, 'a number of days'],
    [Infinity, 'a number of days'],
    ['7', 'a number of days'],
    [null, 'a number of days'],
  ])('validateRetentionDays(%s) → %s', (x, message) => {
    const got = validateRetentionDays(x);
    if (message === null) expect(got).toBeNull();
    else expect(got).toContain(message);
  });

  it('offers valid choices, the default among them, and a positive prune batch', () => {
    expect(RETENTION_CHOICES_DAYS).toEqual([1, 7, 30, 90]);
    expect(RETENTION_CHOICES_DAYS).toContain(DEFAULT_RETENTION_DAYS);
    for (const d of RETENTION_CHOICES_DAYS) expect(validateRetentionDays(d)).toBeNull();
    expect(PRUNE_BATCH).toBe(2000);
  });
});
