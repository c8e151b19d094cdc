import { describe, expect, it } from 'vitest';
import { changePoints, type HistoryPoint } from '../../../src/core/regression/history';
import type { RegressionVerdict } from '../../../src/core/regression/verdict';

/** History points of one option set on consecutive days from [verdict, ratio] pairs. */
const hist = (...steps: [RegressionVerdict, number | null][]): HistoryPoint[] =>
  mixed(...steps.map(([verdict, ratio]): [string, RegressionVerdict, number | null] => ['A', verdict, ratio]));

/** History points on consecutive days from [option set, verdict, ratio] triples. */
const mixed = (...steps: [string, RegressionVerdict, number | null][]): HistoryPoint[] =>
  steps.map(([optionSet, verdict, timeRatio], i) => ({
    id: `c${i}`,
    at: new Date(Date.UTC(2026, 10, 1 + i)).toISOString(),
    optionSet,
    verdict,
    timeRatio,
  }));

describe('changePoints', () => {
  it.each([
    { name: 'flat history: none', h: hist(['unchanged', 1], ['unchanged', 1.05], ['unchanged', 0.97]), at: [] },
    { name: 'a verdict change', h: hist(['unchanged', 1], ['regressed', 1.02], ['regressed', 1.01]), at: [1] },
    { name: 'a time step beyond 20 %', h: hist(['unchanged', 1], ['unchanged', 1.3], ['unchanged', 1.32]), at: [1] },
    { name: 'a step down', h: hist(['unchanged', 1], ['unchanged', 0.75]), at: [1] },
    {
      name: 'a slow drift shows once it adds up to the threshold, then from the new level',
      h: hist(['unchanged', 1], ['unchanged', 1.08], ['unchanged', 1.16], ['unchanged', 1.24], ['unchanged', 1.3]),
      at: [3],
    },
    { name: 'back and forth', h: hist(['unchanged', 1], ['regressed', 1.5], ['unchanged', 1]), at: [1, 2] },
    { name: 'points without a ratio', h: hist(['unchanged', null], ['unchanged', 1], ['unchanged', 1.5]), at: [2] },
    { name: 'empty', h: [], at: [] },
  ])('$name', ({ h, at }) => {
    expect(changePoints(h, 20).map((c) => c.index)).toEqual(at);
  });

  it('describes each change: verdicts, ratios and the relative move from the level', () => {
    const [c] = changePoints(hist(['unchanged', 1], ['regressed', 1.5]), 20);
    expect(c).toEqual({
      index: 1,
      id: 'c1',
      at: '2026-11-02T00:00:00.000Z',
      optionSet: 'A',
      verdictChanged: true,
      timeChange: { from: 1, to: 1.5, relative: 0.5 },
      from: { verdict: 'unchanged', timeRatio: 1 },
      to: { verdict: 'regressed', timeRatio: 1.5 },
    });
  });

  // Three option sets checked in turn: A (defaults), B (presolve off, faster and flagged), C (another level).
  it.each([
    {
      name: 'switching option sets is no change point: each series is steady',
      h: mixed(['A', 'unchanged', 1], ['B', 'inconclusive', 0.79], ['C', 'regressed', 1.5], ['A', 'unchanged', 1.02]),
      at: [] as number[],
    },
    {
      name: 'alternating sets: no change, though consecutive checks differ by 90 %',
      h: mixed(['A', 'unchanged', 1], ['B', 'unchanged', 1.9], ['A', 'unchanged', 1.01], ['B', 'unchanged', 1.88]),
      at: [],
    },
    {
      name: 'a change within one series shows where it happens, whatever came between',
      h: mixed(['A', 'unchanged', 1], ['B', 'unchanged', 0.8], ['A', 'regressed', 1.5], ['B', 'unchanged', 0.81]),
      at: [2],
    },
    {
      name: 'a series compares with its own previous point, not with the check before it',
      h: mixed(['A', 'unchanged', 1], ['B', 'wrong', null], ['A', 'wrong', 1]),
      at: [2],
    },
    {
      name: 'changes in two series, in time order',
      h: mixed(['B', 'unchanged', 1], ['A', 'unchanged', 1], ['B', 'unchanged', 1.3], ['A', 'unchanged', 0.7]),
      at: [2, 3],
    },
  ])('per option set: $name', ({ h, at }) => {
    const cps = changePoints(h, 20);
    expect(cps.map((c) => c.index)).toEqual(at);
    for (const c of cps) expect(c.optionSet).toBe(h[c.index].optionSet);
  });

  it('per option set: from is the previous point of the same series', () => {
    const [c] = changePoints(mixed(['A', 'unchanged', 1], ['B', 'regressed', 1.6], ['A', 'unchanged', 1.4]), 20);
    expect(c).toMatchObject({
      index: 2,
      optionSet: 'A',
      verdictChanged: false,
      from: { verdict: 'unchanged', timeRatio: 1 },
      to: { verdict: 'unchanged', timeRatio: 1.4 },
    });
    expect(c.timeChange!.relative).toBeCloseTo(0.4, 12);
  });

  it('honours the threshold: +15 % is a step at 10 %, not at 20 %', () => {
    const h = hist(['unchanged', 1], ['unchanged', 1.15]);
    expect(changePoints(h, 10)).toHaveLength(1);
    expect(changePoints(h, 20)).toHaveLength(0);
  });

  it('orders the points by time first', () => {
    const h = hist(['unchanged', 1], ['regressed', 1.5]).reverse();
    const [c] = changePoints(h, 20);
    expect(c.from.verdict).toBe('unchanged');
    expect(c.to.verdict).toBe('regressed');
  });

  it('refuses a threshold that is not positive', () => {
    expect(() => changePoints([], 0)).toThrow(RangeError);
  });
});
