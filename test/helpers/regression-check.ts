// A stored regression check summary for the storage and store tests.
import type { StoredRegressionCheck } from '../../src/storage/parameter-types';

/** A check summary of `template` made at minute `minute` of 2026-11-01. */
export const checkSummary = (id: string, template = 'knapsack', minute = 0): StoredRegressionCheck => ({
  id,
  template,
  checkedAt: new Date(Date.UTC(2026, 10, 1, 0, minute)).toISOString(),
  at: '2026-10-31T00:00:00.000Z',
  baselineId: 'bl',
  candidateId: 'bench-2',
  candidateName: 'rerun',
  optionSetId: 'defaults',
  solverVersion: '1.15.3',
  thresholdPct: 20,
  verdict: 'unchanged',
  label: null,
  timeRatio: 1.03,
  ci95: [0.97, 1.1],
  counts: { wrong: 0, regressed: 0, inconclusive: 1, improved: 0, unchanged: 2 },
});
