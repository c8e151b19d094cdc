// The comparison chart against hand-computed values: a small comparison built with compareBenchmarks.
import { describe, expect, it } from 'vitest';
import type { BenchmarkRun, OptionSet } from '../../../src/core/benchmark';
import {
  comparisonChart,
  comparisonChartChoices,
  thinKeeping,
  toCsv,
  type Cell,
  type ComparisonChart,
} from '../../../src/core/charts';
import { compareBenchmarks, optionSetKey, type BenchmarkComparison } from '../../../src/core/compare';
import { bench, model, run } from '../compare/fixtures';

// Shift 1 ms, limit 100 ms, seed 1 only, so a pair's time is the run's time and its ratio B ÷ A is tB / tA.
// Option set "Defaults" ({}):
//   A: P 3, Q 3, R 3;  B: P 3, Q 7, R 1 with objective 5 instead of 1 (objective-changed: an error).
//   Ratios: P 1, Q 7/3, R 1/3 → sorted R (changed: faster but wrong), P, Q.
//   Overall: A (4·4·4)^(1/3) − 1 = 3, B (4·8·2)^(1/3) − 1 = 3 → B ÷ A = 1.
// Option set {presolve: off} ("Presolve off", B names it "Presolve off (B)"):
//   A: P 1, Q 0, R 3 (5 simplex iterations), T 2;  B: P 7, Q 1 with objective 9 (an error), R 3 (6 simplex
//   iterations: counters-changed, a warning only), T not run.
//   Ratios: P 7, R 1; Q none (A's time is 0 ms: 1 ÷ 0), T none (no common seed).
//   Overall over P, Q, R: A (2·1·4)^(1/3) − 1 = 1, B (8·2·4)^(1/3) − 1 = 3 → B ÷ A = 3.
const DEF: OptionSet = { id: 'd', name: 'Defaults', options: {} };
const OFF_A: OptionSet = { id: 'o', name: 'Presolve off', options: { presolve: 'off' } };
const OFF_B: OptionSet = { id: 'o2', name: 'Presolve off (B)', options: { presolve: 'off' } };
const OFF_KEY = optionSetKey({ presolve: 'off' });
const models = ['P', 'Q', 'R', 'T'].map((id) => model(id, { name: `model ${id}` }));
const r = (optionSetId: string, modelId: string, timeMs: number, over: Parameters<typeof run>[0] = {}): BenchmarkRun =>
  run({ optionSetId, modelId, timeMs, ...over });

function handComparison(): BenchmarkComparison {
  const a = bench('A', {
    models,
    optionSets: [DEF, OFF_A],
    timeLimitMs: 100,
    runs: [
      r('d', 'P', 3),
      r('d', 'Q', 3),
      r('d', 'R', 3),
      r('o', 'P', 1),
      r('o', 'Q', 0),
      r('o', 'R', 3, { counters: { simplexIterations: 5 } }),
      r('o', 'T', 2),
    ],
  });
  const b = bench('B', {
    models,
    optionSets: [DEF, OFF_B],
    timeLimitMs: 100,
    runs: [
      r('d', 'P', 3),
      r('d', 'Q', 7),
      r('d', 'R', 1, { objective: 5 }),
      r('o2', 'P', 7),
      r('o2', 'Q', 1, { objective: 9 }),
      r('o2', 'R', 3, { counters: { simplexIterations: 6 } }),
    ],
  });
  return compareBenchmarks({ a, b, parameters: { shiftMs: 1 } });
}

const comparison = handComparison();
const chartOf = (key: string, max?: number): ComparisonChart => comparisonChart(comparison, key, max)!;

/** Cells equal, numbers to 12 digits. */
function expectRows(actual: Cell[][], expected: Cell[][]): void {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((row, i) => {
    expect(row).toHaveLength(expected[i].length);
    row.forEach((cell, j) => {
      const want = expected[i][j];
      if (typeof want === 'number') expect(cell as number).toBeCloseTo(want, 12);
      else expect(cell).toBe(want);
    });
  });
}

describe('the comparison the chart is built from', () => {
  it('flags what the chart expects (objective changes are errors, counter changes warnings)', () => {
    expect(comparison.counts.error).toBe(2);
    expect(comparison.counts.warning).toBe(1);
    expect(comparison.differences.map((d) => [d.severity, d.kind, d.modelId])).toEqual([
      ['error', 'objective-changed', 'R'],
      ['error', 'objective-changed', 'Q'],
      ['warning', 'counters-changed', 'R'],
    ]);
  });
});

describe('comparisonChartChoices', () => {
  it('lists the matched option sets in A order, named as the panel names them', () => {
    expect(comparisonChartChoices(comparison)).toEqual([
      { optionSetKey: '{}', name: 'Defaults' },
      { optionSetKey: OFF_KEY, name: 'Presolve off / Presolve off (B)' },
    ]);
  });
});

describe('comparisonChart: hand-computed bars, overall and table', () => {
  it.each([
    // key, bars (model, ratio, changed), total, changed, no common seed, zero time, changed not drawn, overall
    [
      '{}',
      [
        ['R', 1 / 3, true],
        ['P', 1, false],
        ['Q', 7 / 3, false],
      ],
      3,
      1,
      0,
      0,
      0,
      1,
    ],
    [
      OFF_KEY,
      [
        ['R', 1, false],
        ['P', 7, false],
      ],
      2,
      0,
      1,
      1,
      1,
      3,
    ],
  ] as [string, [string, number, boolean][], number, number, number, number, number, number][])(
    'set %s: bars sorted by B ÷ A, the error-flagged models marked, the rest counted',
    (key, bars, total, changed, noCommon, zeroTime, changedNotDrawn, overall) => {
      const chart = chartOf(key);
      expect(chart.bars.map((b) => [b.modelId, b.correctnessChanged])).toEqual(bars.map(([m, , c]) => [m, c]));
      chart.bars.forEach((b, i) => expect(b.timeRatio).toBeCloseTo(bars[i][1], 12));
      expect(chart.totalModels).toBe(total);
      expect(chart.changedModels).toBe(changed);
      expect(chart.noCommonSeeds).toBe(noCommon);
      expect(chart.zeroTimeModels).toBe(zeroTime);
      expect(chart.changedNotDrawn).toBe(changedNotDrawn);
      expect(chart.correctnessComplete).toBe(true);
      expect(chart.overall!.ratio).toBeCloseTo(overall, 12);
      // The line and band are the comparison's own figures for the set (its paired bootstrap interval).
      const summary = comparison.summaries.find((s) => s.optionSetKey === key)!;
      expect(chart.overall).toEqual(summary.timeRatio);
      expect(chart.overall!.ci95[0]).toBeLessThanOrEqual(chart.overall!.ratio);
      expect(chart.overall!.ci95[1]).toBeGreaterThanOrEqual(chart.overall!.ratio);
    },
  );

  it('gives the set its name and the changed model its error kinds', () => {
    const chart = chartOf('{}');
    expect(chart.name).toBe('Defaults');
    expect(chart.bars[0]).toMatchObject({ name: 'model R', seeds: 1, errorKinds: ['objective-changed'] });
    expect(chart.bars[0].timeMs.a).toBeCloseTo(3, 12);
    expect(chart.bars[0].timeMs.b).toBeCloseTo(1, 12);
    // A warning (counters-changed on R under presolve off) does not mark a model.
    expect(chartOf(OFF_KEY).bars[0]).toMatchObject({ modelId: 'R', correctnessChanged: false, errorKinds: [] });
    expect(chartOf(OFF_KEY).name).toBe('Presolve off / Presolve off (B)');
  });

  it('has one table row per drawn bar and one for the overall ratio with its interval', () => {
    const chart = chartOf('{}');
    const [low, high] = chart.overall!.ci95;
    expect(chart.table.columns).toEqual([
      'kind',
      'model',
      'model id',
      'problems',
      'time A (ms)',
      'time B (ms)',
      'time ratio B ÷ A',
      'low',
      'high',
      'correctness',
      'error kinds',
      'call',
      'decision',
      'decision ratio',
      'decision low',
      'decision high',
      'p',
      'runs A',
      'runs B',
      'pairs',
    ]);
    // No solver versions, one run a side per model: the rule cannot decide (one run against one run; three
    // (model, seed) pairs where 12 are needed), whatever the ratio.
    const one = 'undetermined: 3 more runs a side';
    expectRows(chart.table.rows, [
      ['model', 'model R', 'R', 1, 3, 1, 1 / 3, null, null, 'changed', 'objective-changed'].concat([
        'too-few',
        one,
        1 / 3,
        null,
        null,
        null,
        1,
        1,
        null,
      ]),
      ['model', 'model P', 'P', 1, 3, 3, 1, null, null, 'same', ''].concat([
        'too-few',
        one,
        1,
        null,
        null,
        null,
        1,
        1,
        null,
      ]),
      ['model', 'model Q', 'Q', 1, 3, 7, 7 / 3, null, null, 'same', ''].concat([
        'too-few',
        one,
        7 / 3,
        null,
        null,
        null,
        1,
        1,
        null,
      ]),
      ['overall', null, null, 3, 3, 3, 1, low, high, null, null].concat([
        'too-few',
        'undetermined: 9 more pairs',
        1,
        null,
        null,
        null,
        3,
        3,
        null,
      ]),
    ]);
  });

  it('writes the table as CSV, the changed model marked', () => {
    const lines = toCsv(chartOf('{}').table).split('\r\n');
    expect(lines[0]).toBe(
      'kind,model,model id,problems,time A (ms),time B (ms),time ratio B ÷ A,low,high,correctness,error kinds,' +
        'call,decision,decision ratio,decision low,decision high,p,runs A,runs B,pairs',
    );
    expect(lines[1]).toMatch(
      /^model,model R,R,1,3,1,0\.333\d*,,,changed,objective-changed,too-few,undetermined: 3 more runs a side,0\.333\d*,,,,1,1,$/,
    );
    expect(lines[2]).toMatch(/^model,model P,P,1,3,3,1,,,same,,too-few,undetermined: 3 more runs a side,1,,,,1,1,$/);
    expect(lines).toHaveLength(6); // header, 4 rows, and the empty string after the last CRLF
  });

  it('returns null for an option set the comparison did not match', () => {
    expect(comparisonChart(comparison, '{"presolve":"on"}')).toBeNull();
  });

  it('says when the comparison listed fewer errors than it counted', () => {
    const capped = { ...comparison, counts: { ...comparison.counts, error: comparison.counts.error + 1 } };
    expect(comparisonChart(capped, '{}')!.correctnessComplete).toBe(false);
  });

  it('has no overall row when the set has no overall ratio', () => {
    const none = {
      ...comparison,
      summaries: comparison.summaries.map((s) => ({ ...s, timeRatio: null })),
    };
    const chart = comparisonChart(none, '{}')!;
    expect(chart.overall).toBeNull();
    expect(chart.table.rows.map((row) => row[0])).toEqual(['model', 'model', 'model']);
  });
});

describe('thinning keeps every changed model', () => {
  it('draws at most the cap: the changed model and evenly spaced others', () => {
    const chart = chartOf('{}', 2);
    expect(chart.bars.map((b) => b.modelId)).toEqual(['R', 'P']);
    expect(chart.totalModels).toBe(3);
    expect(chart.table.rows).toHaveLength(3);
  });

  const flags = (n: number, on: number[]) => Array.from({ length: n }, (_, i) => on.includes(i));
  it.each([
    // n, cap, kept, expected
    [3, 5, [], [0, 1, 2]],
    [3, 3, [1], [0, 1, 2]],
    [10, 4, [], [0, 3, 6, 9]],
    [10, 4, [5], [0, 4, 5, 9]],
    [5, 3, [0, 4], [0, 1, 4]],
    [5, 2, [1, 2, 3], [1, 3]],
    [5, 2, [1, 2], [1, 2]],
    [4, 0, [], []],
  ])('n %i, cap %i, keeping %j → %j', (n, k, kept, expected) => {
    expect(thinKeeping(n, k, flags(n, kept))).toEqual(expected);
  });
});

describe('bars and the overall ratio follow the time decision (issue 17)', () => {
  // Model X at ×1.48 and model Y at ×1, seeds 1–4 × 2 repetitions; B's counters are A's ('same work') or not.
  const runsOf = (set: string, factor: number, counters: number): BenchmarkRun[] =>
    ['X', 'Y'].flatMap((m) =>
      [1, 2, 3, 4].flatMap((seed) =>
        [0, 1].map((repetition) =>
          r(set, m, (m === 'X' ? factor : 1) * (100 + 3 * seed + repetition), {
            seed,
            repetition,
            counters: { simplexIterations: counters + seed },
          }),
        ),
      ),
    );
  const two = ['X', 'Y'].map((id) => model(id, { name: `model ${id}` }));
  const side = (id: string, factor: number, counters: number) =>
    bench(id, { models: two, optionSets: [DEF], timeLimitMs: 10_000, runs: runsOf('d', factor, counters) });
  const chartFor = (counters: number, versions: { a?: string; b?: string }) =>
    comparisonChart(
      compareBenchmarks({ a: side('A', 1, 50), b: side('B', 1.48, counters), solverVersions: versions }),
      '{}',
    )!;
  const csvRow = (chart: ComparisonChart, id: string) => {
    const row = chart.table.rows.find((cells) => cells[2] === id)!;
    return Object.fromEntries(chart.table.columns.map((c, i) => [c, row[i]]));
  };

  it.each([
    // case, B's counters, versions, X's tone and text, X's call, Y's call, overall tone
    [
      'two reruns, identical counters: within noise',
      50,
      { a: '1.15.1', b: '1.15.1' },
      'noise',
      'within noise: identical work',
      'noise',
      'noise',
      'noise',
    ],
    [
      'different work, 8 runs a side: X really slower',
      90,
      { a: '1.15.1', b: '1.15.1' },
      'slower',
      'B slower (real)',
      'slower',
      'equivalent',
      'undetermined',
    ],
    [
      'identical counters, solver unknown: judged by time',
      50,
      {},
      'slower',
      'B slower (real)',
      'slower',
      'equivalent',
      'undetermined',
    ],
  ] as const)('%s', (_case, counters, versions, tone, text, callX, callY, overallTone) => {
    const chart = chartFor(counters, versions);
    const x = chart.bars.find((b) => b.modelId === 'X')!;
    expect(x.timeRatio).toBeGreaterThan(1.4);
    expect(x.label.tone).toBe(tone);
    expect(x.label.text).toBe(text);
    expect(x.decision.call).toBe(callX);
    expect(chart.bars.find((b) => b.modelId === 'Y')!.decision.call).toBe(callY);
    expect(chart.overallLabel.tone).toBe(overallTone);
    // The CSV carries the call, the label and the evidence (interval, p, n) beside the ratio.
    const row = csvRow(chart, 'X');
    expect(row).toMatchObject({ call: callX, decision: text, 'runs A': 8, 'runs B': 8 });
    if (callX === 'noise') expect([row['decision low'], row['decision high'], row.p]).toEqual([null, null, null]);
    else expect(row['decision low'] as number).toBeGreaterThan(1.05);
    // Every tone is counted once per drawable model.
    expect(Object.values(chart.tones).reduce((s, n) => s + n, 0)).toBe(chart.totalModels);
    expect(chart.tones[tone]).toBeGreaterThanOrEqual(1);
  });

  it("never labels a bar 'B slower' or 'B faster' unless its decision is real", () => {
    for (const chart of [chartFor(50, { a: '1', b: '1' }), chartFor(90, { a: '1', b: '1' }), chartOf('{}')])
      for (const b of chart.bars) {
        expect(/^B (slower|faster)/.test(b.label.text), b.modelId).toBe(b.decision.real === true);
        expect(['slower', 'faster'].includes(b.label.tone), b.modelId).toBe(b.decision.real === true);
      }
  });
});
