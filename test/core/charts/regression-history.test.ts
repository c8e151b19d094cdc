// The regression history chart's numbers: chronological order, flagged checks, change points, the
// threshold band and the CSV table, on constructed checks.
import { describe, expect, it } from 'vitest';
import { regressionHistoryChart, toCsv, type RegressionHistoryInputPoint } from '../../../src/core/charts';
import type { RegressionVerdict } from '../../../src/core/regression';

const point = (
  id: string,
  day: number,
  verdict: RegressionVerdict,
  timeRatio: number | null,
  ci95: [number, number] | null = null,
  optionSet = '{}',
  optionSetName = 'HiGHS defaults',
): RegressionHistoryInputPoint => ({
  id,
  at: `2026-11-${String(day).padStart(2, '0')}T00:00:00.000Z`,
  optionSet,
  optionSetName,
  verdict,
  timeRatio,
  name: `bench ${id}`,
  ci95,
});

/** A check of the presolve-off set. */
const off = (id: string, day: number, verdict: RegressionVerdict, timeRatio: number | null) =>
  point(id, day, verdict, timeRatio, null, '{"presolve":"off"}', 'presolve off');

describe('regressionHistoryChart', () => {
  it.each([
    {
      name: 'steady history: nothing flagged, no change point',
      history: [point('a', 1, 'unchanged', 1), point('b', 2, 'unchanged', 1.05), point('c', 3, 'unchanged', 0.97)],
      order: ['a', 'b', 'c'],
      flagged: [] as string[],
      changes: [] as string[],
    },
    {
      name: 'a regression, given out of order: sorted by time, flagged, a change point where it starts and ends',
      history: [point('c', 3, 'unchanged', 1), point('a', 1, 'unchanged', 1), point('b', 2, 'regressed', 1.6)],
      order: ['a', 'b', 'c'],
      flagged: ['b'],
      changes: ['b', 'c'],
    },
    {
      name: 'a wrong answer with no time ratio is flagged and drawn without a ratio',
      history: [point('a', 1, 'unchanged', 1), point('b', 2, 'wrong', null)],
      order: ['a', 'b'],
      flagged: ['b'],
      changes: ['b'],
    },
  ])('$name', ({ history, order, flagged, changes }) => {
    const chart = regressionHistoryChart('knap', history, 20);
    expect(chart.points.map((p) => p.id)).toEqual(order);
    expect(chart.points.map((p) => p.index)).toEqual(order.map((_, i) => i));
    expect(chart.points.filter((p) => p.flagged).map((p) => p.id)).toEqual(flagged);
    expect(chart.points.filter((p) => p.changePoint).map((p) => p.id)).toEqual(changes);
    expect(chart.changes.map((c) => c.id)).toEqual(changes);
    expect(chart.table.rows).toHaveLength(history.length);
    expect(chart.series).toHaveLength(1);
  });

  it('draws one series per option set and finds change points within each, not from switching sets', () => {
    const history = [
      point('a', 1, 'unchanged', 1),
      off('b', 2, 'inconclusive', 0.79),
      point('c', 3, 'unchanged', 1.02),
      off('d', 4, 'inconclusive', 0.8),
      point('e', 5, 'unchanged', 1.5),
    ];
    const chart = regressionHistoryChart('knap', history, 20);
    expect(chart.series).toEqual([
      { optionSet: '{}', name: 'HiGHS defaults', points: 3 },
      { optionSet: '{"presolve":"off"}', name: 'presolve off', points: 2 },
    ]);
    expect(chart.points.map((p) => p.series)).toEqual([0, 1, 0, 1, 0]);
    // Only the defaults' step from ×1.02 to ×1.5; the switches between ×1 and ×0.8 are none.
    expect(chart.changes.map((c) => [c.id, c.optionSet])).toEqual([['e', '{}']]);
    expect(chart.points.filter((p) => p.changePoint).map((p) => p.id)).toEqual(['e']);
    expect(toCsv(chart.table).split('\r\n')[2]).toBe(
      '2,2026-11-02T00:00:00.000Z,bench b,presolve off,inconclusive,0.79,,,no,no',
    );
  });

  it('names a series by its newest check', () => {
    const chart = regressionHistoryChart(
      'knap',
      [point('a', 1, 'unchanged', 1, null, 'k', 'old name'), point('b', 2, 'unchanged', 1, null, 'k', 'new name')],
      20,
    );
    expect(chart.series).toEqual([{ optionSet: 'k', name: 'new name', points: 2 }]);
    expect(chart.points.map((p) => p.optionSetName)).toEqual(['old name', 'new name']);
  });

  it('draws the threshold band around the baseline and writes every number to the CSV', () => {
    const chart = regressionHistoryChart('knap', [point('a', 1, 'regressed', 1.5, [1.3, 1.7])], 25);
    expect(chart.band).toEqual([0.75, 1.25]);
    expect(chart.points[0].ci95).toEqual([1.3, 1.7]);
    const csv = toCsv(chart.table).split('\r\n');
    expect(csv[0]).toContain('time ratio (candidate / baseline)');
    expect(csv[1]).toBe('1,2026-11-01T00:00:00.000Z,bench a,HiGHS defaults,regressed,1.5,1.3,1.7,yes,no');
  });

  it('drops a non-finite ratio or interval and refuses a bad threshold', () => {
    const chart = regressionHistoryChart('knap', [point('a', 1, 'inconclusive', Number.NaN, [1, Infinity])], 20);
    expect(chart.points[0].timeRatio).toBeNull();
    expect(chart.points[0].ci95).toBeNull();
    expect(() => regressionHistoryChart('knap', [], 0)).toThrow(RangeError);
  });
});
