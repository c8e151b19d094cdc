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
): RegressionHistoryInputPoint => ({
  id,
  at: `2026-11-${String(day).padStart(2, '0')}T00:00:00.000Z`,
  verdict,
  timeRatio,
  name: `bench ${id}`,
  ci95,
});

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
  });

  it('draws the threshold band around the baseline and writes every number to the CSV', () => {
    const chart = regressionHistoryChart('knap', [point('a', 1, 'regressed', 1.5, [1.3, 1.7])], 25);
    expect(chart.band).toEqual([0.75, 1.25]);
    expect(chart.points[0].ci95).toEqual([1.3, 1.7]);
    const csv = toCsv(chart.table).split('\r\n');
    expect(csv[0]).toContain('time ratio (candidate / baseline)');
    expect(csv[1]).toBe('1,2026-11-01T00:00:00.000Z,bench a,regressed,1.5,1.3,1.7,yes,no');
  });

  it('drops a non-finite ratio or interval and refuses a bad threshold', () => {
    const chart = regressionHistoryChart('knap', [point('a', 1, 'inconclusive', Number.NaN, [1, Infinity])], 20);
    expect(chart.points[0].timeRatio).toBeNull();
    expect(chart.points[0].ci95).toBeNull();
    expect(() => regressionHistoryChart('knap', [], 0)).toThrow(RangeError);
  });
});
