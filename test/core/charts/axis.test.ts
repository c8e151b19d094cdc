// Log axes that neither clip nor crowd: padded 1–2–5 bounds and the ticks that get a label.
import { describe, expect, it } from 'vitest';
import { logAxisBounds, logTickLabel, niceAbove, niceBelow } from '../../../src/core/charts';

describe('niceBelow / niceAbove', () => {
  it.each([
    [1, 1, 1],
    [1.5, 1, 2],
    [3, 2, 5],
    [7, 5, 10],
    [100, 100, 100],
    [120, 100, 200],
    [0.03, 0.02, 0.05],
    [0.0999, 0.05, 0.1],
  ])('%f lies in [%f, %f]', (x, below, above) => {
    expect(niceBelow(x)).toBe(below);
    expect(niceAbove(x)).toBe(above);
  });
});

describe('logAxisBounds', () => {
  it.each([
    // values, min, max: the Spread-across-seeds screenshot had its top box at 120 ms touching an axis ending at 120
    { values: [0.12, 120], min: 0.1, max: 200 },
    { values: [1, 8.5], min: 0.5, max: 10 },
    { values: [0.8, 1.2], min: 0.5, max: 2 },
    { values: [100], min: 50, max: 200 },
    { values: [0, -1, NaN, Infinity, 3], min: 2, max: 5 },
  ])('$values → [$min, $max]', ({ values, min, max }) => {
    expect(logAxisBounds(values)).toEqual({ min, max });
  });

  it('leaves room around every value: the largest is below max ÷ 1.15, the smallest above min × 1.15', () => {
    for (const values of [
      [0.12, 120],
      [1, 9.9],
      [3.3, 3.4],
      [1e-4, 1e4],
    ]) {
      const b = logAxisBounds(values)!;
      expect(Math.max(...values) * 1.15).toBeLessThanOrEqual(b.max);
      expect(Math.min(...values) / 1.15).toBeGreaterThanOrEqual(b.min);
    }
  });

  it('is null without a positive finite value', () => {
    expect(logAxisBounds([0, -2, NaN])).toBeNull();
    expect(logAxisBounds([])).toBeNull();
  });
});

describe('logTickLabel', () => {
  it.each([
    // value, axis min, max, label
    [100, 0.1, 200, '100'], // 3.3 decades: powers of ten only
    [70, 0.1, 200, ''], // the "70.0" that overlapped "100.0"
    [200, 0.1, 200, ''],
    [0.1, 0.1, 200, '0.1'],
    [100, 1, 200, '100'], // 2.3 decades: 1–2–5
    [70, 1, 200, ''],
    [80, 1, 200, ''],
    [200, 1, 200, '200'],
    [50, 1, 200, '50'],
    [3, 1, 200, ''],
    [0.2, 0.1, 50, '0.2'],
    [20, 0.01, 1e4, ''], // more than three decades: powers of ten only
    [1000, 0.01, 1e4, '1000'],
    [0.01, 0.01, 1e4, '0.01'],
    [1, 0.5, 2, '1'],
    [0.5, 0.5, 2, '0.5'],
  ])('%f on [%f, %f] → %j', (value, min, max, label) => {
    expect(logTickLabel(value, min, max)).toBe(label);
  });

  it('labels no two adjacent ticks of a decade closer than a factor 2 (no overlap)', () => {
    const ticks = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100];
    const shown = ticks.filter((t) => logTickLabel(t, 1, 100) !== '');
    expect(shown).toEqual([1, 2, 5, 10, 20, 50, 100]);
    for (let i = 1; i < shown.length; i++) expect(shown[i] / shown[i - 1]).toBeGreaterThanOrEqual(2);
  });
});
