// The chart builders against hand-computed values (see fixtures.ts for the benchmark and its times).
import { describe, expect, it } from 'vitest';
import type { BenchmarkData } from '../../../src/core/benchmark';
import {
  chartInput,
  defaultGapOverlaySelection,
  gapOverlayChart,
  gapOverlayChoices,
  gapStateMessage,
  profileChart,
  seedSpreadChart,
  speedupBoundMark,
  speedupCharts,
  timeVsSizeCharts,
  toCsv,
} from '../../../src/core/charts';
import { summarize } from '../../../src/core/stats';
import { AFIRO, K10, K20, K40, chartData, run } from './fixtures';

const inputOf = (data: BenchmarkData = chartData()) => chartInput(data, summarize(data));

describe('time against size', () => {
  const [chart] = timeVsSizeCharts(inputOf());

  it('has one chart per generator template, one series per option set', () => {
    expect(timeVsSizeCharts(inputOf()).map((c) => c.template)).toEqual(['knapsack']);
    expect(chart.series.map((s) => s.optionSetId)).toEqual(['ref', 'alt']);
  });

  it('draws every problem of the template (afiro has no size)', () => {
    const ref = chart.series[0];
    expect(ref.totalPoints).toBe(6);
    expect(ref.points.every((p) => p.solved)).toBe(true);
    expect(ref.points.map((p) => [p.size, p.seed, p.timeMs])).toEqual([
      [10, 1, 10],
      [10, 2, 10],
      [20, 1, 40],
      [20, 2, 40],
      [40, 1, 160],
      [40, 2, 160],
    ]);
    expect(ref.sizeMeans).toEqual([
      { size: 10, timeMs: 10, problems: 2, unsolved: 0, censored: false },
      { size: 20, timeMs: 40, problems: 2, unsolved: 0, censored: false },
      { size: 40, timeMs: 160, problems: 2, unsolved: 0, censored: false },
    ]);
    expect(ref.censoredSizes).toEqual([]);
    expect(ref.unsolvedPoints).toBe(0);
  });

  it.each([
    // set, exponent, exp(intercept), line from (10, t) to (40, t)
    ['ref', 2, 0.1, 10, 160],
    ['alt', 1, 0.5, 5, 20],
  ])('fits %s: time = %f·size^… through the summary exponent, endpoints exp(a)·size^b', (set, b, c, t10, t40) => {
    const s = chart.series.find((x) => x.optionSetId === set)!;
    expect(s.fit!.exponent).toBeCloseTo(b, 12);
    expect(s.fit!.r2).toBeCloseTo(1, 12);
    expect(s.fit!.sizes).toEqual([10, 20, 40]);
    expect(Math.exp(s.fit!.intercept)).toBeCloseTo(c, 12);
    expect(s.fit!.from.size).toBe(10);
    expect(s.fit!.from.timeMs).toBeCloseTo(t10, 9);
    expect(s.fit!.to.size).toBe(40);
    expect(s.fit!.to.timeMs).toBeCloseTo(t40, 9);
  });

  it('puts exponent and R² in the legend', () => {
    expect(chart.series.map((s) => s.label)).toEqual([
      'Defaults: time ∝ size^2.00, R² 1.000',
      'Presolve off: time ∝ size^1.00, R² 1.000',
    ]);
  });

  it('tables exactly the drawn numbers: problems, size means and the line endpoints', () => {
    const rows = chart.table.rows;
    expect(chart.table.columns).toEqual(['option set', 'kind', 'model', 'seed', 'size', 'time (ms)', 'exponent', 'R²']);
    expect(rows).toHaveLength(2 * (6 + 3 + 2));
    expect(rows[0]).toEqual(['Defaults', 'problem', 'knapsack-n10', 1, 10, 10, null, null]);
    expect(rows[6]).toEqual(['Defaults', 'size mean', null, null, 10, 10, null, null]);
    expect(rows[9].slice(0, 5)).toEqual(['Defaults', 'fit', null, null, 10]);
    expect(rows[10][5]).toBeCloseTo(160, 9);
  });

  it('has no fit line for a template with one size, and no time-0 point on the log axis', () => {
    const data = chartData();
    data.models = data.models.filter((m) => m.id === K10 || m.id === AFIRO);
    data.runs = data.runs.filter((r) => r.modelId === K10 || r.modelId === AFIRO);
    data.runs[0].timeMs = 0; // K10, seed 1, ref
    const [one] = timeVsSizeCharts(inputOf(data));
    expect(one.series[0].fit).toBeNull();
    expect(one.series[0].label).toBe('Defaults: no fit (fewer than 2 sizes)');
    expect(one.series[0].totalPoints).toBe(2);
    expect(one.series[0].points.map((p) => p.timeMs)).toEqual([10]);
  });

  it('thins a crowded size evenly in time order, keeping the fastest and the slowest', () => {
    const data = chartData();
    const seeds = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    data.config.seeds = seeds;
    data.optionSets = [data.optionSets[0]];
    data.models = [data.models[0]];
    data.runs = seeds.map((seed) => run(K10, 'ref', seed, seed));
    const [thin] = timeVsSizeCharts(inputOf(data), 4);
    expect(thin.series[0].totalPoints).toBe(10);
    expect(thin.series[0].points.map((p) => p.timeMs)).toEqual([1, 4, 7, 10]);
    expect(thin.table.rows.filter((r) => r[1] === 'problem')).toHaveLength(4);
  });
});

describe('performance profile', () => {
  // Best per problem: knapsacks — alt (ref ratios 2, 4, 8, each for 2 seeds); afiro seed 1 — ref (alt 1.5),
  // seed 2 — alt (ref 2). ref ratios 1, 2, 2, 2, 4, 4, 8, 8; alt 1 ×7, 1.5. τ max = 8 · 1.25 = 10.
  const chart = profileChart(inputOf());

  it('steps from τ = 1 to past the largest ratio with the exact fractions', () => {
    expect(chart.problems).toBe(8);
    expect(chart.tauMax).toBe(10);
    expect(chart.series[0].points).toEqual([
      { tau: 1, fraction: 1 / 8 },
      { tau: 2, fraction: 4 / 8 },
      { tau: 4, fraction: 6 / 8 },
      { tau: 8, fraction: 1 },
      { tau: 10, fraction: 1 },
    ]);
    expect(chart.series[1].points).toEqual([
      { tau: 1, fraction: 7 / 8 },
      { tau: 1.5, fraction: 1 },
      { tau: 10, fraction: 1 },
    ]);
  });

  it('starts at ρ(1) = 0 for a set that is never the best, and tables the drawn points', () => {
    const data = chartData();
    data.runs = data.runs.filter((r) => r.modelId !== AFIRO);
    const c = profileChart(inputOf(data));
    expect(c.series[0].points).toEqual([
      { tau: 1, fraction: 0 },
      { tau: 2, fraction: 2 / 6 },
      { tau: 4, fraction: 4 / 6 },
      { tau: 8, fraction: 1 },
      { tau: 10, fraction: 1 },
    ]);
    expect(c.table.rows[0]).toEqual(['Defaults', 1, 0]);
    expect(c.table.rows).toHaveLength(5 + 2);
  });

  it('keeps the last breakpoint of each log-τ bucket past the cap (exact fractions, still monotone)', () => {
    const c = profileChart(inputOf(), 2);
    // ref breakpoints τ 1, 2, 4, 8 in 2 buckets on log₈ τ: [1, 2.83) and [2.83, 8] → first, 2, 8 kept.
    expect(c.series[0].points).toEqual([
      { tau: 1, fraction: 1 / 8 },
      { tau: 2, fraction: 4 / 8 },
      { tau: 8, fraction: 1 },
      { tau: 10, fraction: 1 },
    ]);
  });

  it('is flat at 0 when nothing was solved', () => {
    const data = chartData();
    data.runs = data.runs.map((r) => ({ ...r, status: 'time-limit' as const }));
    const c = profileChart(inputOf(data));
    expect(c.tauMax).toBe(2);
    expect(c.series[0].points).toEqual([
      { tau: 1, fraction: 0 },
      { tau: 2, fraction: 0 },
    ]);
  });
});

describe('seed spread', () => {
  const chart = seedSpreadChart(inputOf());

  it('has one box per model and option set: min, Q1, median, Q3, max over seeds', () => {
    expect(chart.models.map((m) => m.name)).toEqual(['knapsack-n10', 'knapsack-n20', 'knapsack-n40', 'afiro.mps']);
    const afiroRef = chart.series[0].boxes[3]!;
    // afiro ref seeds 2 and 6: median 4, Q1 = 2 + 0.25·4 = 3, Q3 = 5, IQR 2, CV = sd 2.828… ÷ mean 4.
    expect(afiroRef).toEqual({
      seeds: 2,
      minMs: 2,
      q1Ms: 3,
      medianMs: 4,
      q3Ms: 5,
      maxMs: 6,
      iqrMs: 2,
      cv: (Math.SQRT2 * 2) / 4,
    });
    expect(chart.series[1].boxes[0]).toMatchObject({ minMs: 5, q1Ms: 5, medianMs: 5, q3Ms: 5, maxMs: 5, cv: 0 });
  });

  it('tables every drawn box', () => {
    expect(chart.table.rows).toHaveLength(8);
    expect(chart.table.rows[3]).toEqual(['afiro.mps', 'Defaults', 2, 2, 3, 4, 5, 6, 2, Math.SQRT2 / 2]);
  });

  it('keeps the models with the widest relative spread past the cap', () => {
    const c = seedSpreadChart(inputOf(), 1);
    expect(c.totalModels).toBe(4);
    expect(c.models.map((m) => m.id)).toEqual([AFIRO]);
    expect(c.table.rows.map((r) => r[0])).toEqual(['afiro.mps', 'afiro.mps']);
  });
});

describe('per-model speedup', () => {
  // Shift 10. knapsacks: 10/5 = 2, 40/10 = 4, 160/20 = 8 (equal seeds). afiro: ref SGM √(12·16) − 10,
  // alt 3 → (√192 − 10)/3 = 1.2854…; per-seed ratios 2/3 and 6/3.
  const [chart] = speedupCharts(inputOf());
  const afiro = (Math.sqrt(192) - 10) / 3;

  it('has one chart per non-reference set, models sorted by ratio', () => {
    expect(speedupCharts(inputOf()).map((c) => [c.optionSetId, c.referenceName])).toEqual([['alt', 'Defaults']]);
    expect(chart.models.map((m) => m.modelId)).toEqual([AFIRO, K10, K20, K40]);
    expect(chart.models[0].ratio).toBeCloseTo(afiro, 12);
    expect(chart.models.slice(1).map((m) => m.ratio)).toEqual([2, 4, 8]);
    expect(chart.models[0].seedLow).toBeCloseTo(2 / 3, 12);
    expect(chart.models[0].seedHigh).toBe(2);
    expect(chart.models[1]).toMatchObject({ seeds: 2, seedLow: 2, seedHigh: 2 });
  });

  it('carries the summary’s overall ratio and interval, and tables them after the models', () => {
    const summary = summarize(chartData());
    expect(chart.overall).toEqual(summary.optionSets[1].speedup);
    expect(chart.table.columns).toEqual([
      'kind',
      'model',
      'seeds',
      'speedup (reference ÷ set)',
      'low',
      'high',
      'unsolved seeds (reference)',
      'unsolved seeds (set)',
      'bound',
    ]);
    expect(chart.table.rows[1]).toEqual(['model', 'knapsack-n10', 2, 2, 2, 2, 0, 0, 'exact']);
    expect(chart.table.rows[4]).toEqual([
      'overall',
      null,
      null,
      chart.overall!.ratio,
      chart.overall!.ci95[0],
      chart.overall!.ci95[1],
      null,
      null,
      null,
    ]);
  });

  it('thins evenly in sorted order past the cap, keeping the slowest and the fastest', () => {
    const [c] = speedupCharts(inputOf(), 2);
    expect(c.totalModels).toBe(4);
    expect(c.models.map((m) => m.modelId)).toEqual([AFIRO, K40]);
  });

  it('leaves out a model whose set time is 0 while the reference’s is not; 0 against 0 is 1', () => {
    const data = chartData();
    for (const r of data.runs) {
      if (r.modelId === K40 && r.optionSetId === 'alt') r.timeMs = 0;
      if (r.modelId === K10) r.timeMs = 0;
    }
    const [c] = speedupCharts(inputOf(data));
    expect(c.undefinedModels).toBe(1);
    expect(c.models.map((m) => [m.modelId, m.ratio])).toContainEqual([K10, 1]);
    expect(c.models.map((m) => m.modelId)).not.toContain(K40);
  });
});

describe('gap overlay', () => {
  const input = inputOf();

  it('offers the MIP models, the seeds and the option sets; opens on the first traced run, reference vs the other', () => {
    expect(gapOverlayChoices(input)).toEqual({
      models: [
        { id: K10, name: 'knapsack-n10' },
        { id: K20, name: 'knapsack-n20' },
        { id: K40, name: 'knapsack-n40' },
      ],
      seeds: [1, 2],
      optionSets: [
        { id: 'ref', name: 'Defaults' },
        { id: 'alt', name: 'Presolve off' },
      ],
    });
    expect(defaultGapOverlaySelection(input)).toEqual({ modelId: K20, seed: 1, setA: 'ref', setB: 'alt' });
  });

  it('draws both traces, gap in percent, and tables them', () => {
    const chart = gapOverlayChart(input, { modelId: K20, seed: 1, setA: 'ref', setB: 'alt' });
    expect(chart.series.map((s) => [s.state, s.repetition])).toEqual([
      ['ok', 0],
      ['ok', 0],
    ]);
    expect(chart.series[0].points).toEqual([
      { tMs: 0, gapPct: null, primal: null, dual: 1 },
      { tMs: 5, gapPct: 50, primal: 2, dual: 1 },
      { tMs: 40, gapPct: 0, primal: 2, dual: 2 },
    ]);
    expect(chart.series[1].points[0]).toEqual({ tMs: 0, gapPct: 100, primal: 4, dual: 2 });
    expect(chart.table.rows).toEqual([
      ['Defaults', 0, 0, null, null, 1],
      ['Defaults', 0, 5, 50, 2, 1],
      ['Defaults', 0, 40, 0, 2, 2],
      ['Presolve off', 0, 0, 100, 4, 2],
      ['Presolve off', 0, 10, 0, 2, 2],
    ]);
    expect(toCsv(chart.table).split('\r\n')[1]).toBe('Defaults,0,0,,,1');
  });

  it('says why a side has no curve: no trace kept, failed, none reported, no run', () => {
    const data = chartData();
    data.runs.push(
      run(K40, 'ref', 3, 1000, {
        status: null,
        verdict: 'failed',
        error: { name: 'Timeout', message: 'x' },
        objective: null,
      }),
      run(K40, 'alt', 3, 12, { gapTrace: [] }),
    );
    const i = inputOf(data);
    const older = gapOverlayChart(i, { modelId: K10, seed: 1, setA: 'ref', setB: 'alt' });
    expect(older.series.map((s) => s.state)).toEqual(['no-trace', 'no-trace']);
    expect(gapStateMessage(older.series[0])).toBe(
      'Defaults: no gap trace recorded for this run (a report from before gap traces were kept).',
    );
    const odd = gapOverlayChart(i, { modelId: K40, seed: 3, setA: 'ref', setB: 'alt' });
    expect(odd.series.map((s) => s.state)).toEqual(['failed', 'empty']);
    expect(gapStateMessage(odd.series[0])).toBe('Defaults: the run failed (Timeout); no gap trace.');
    const none = gapOverlayChart(i, { modelId: K40, seed: 9, setA: 'ref', setB: 'ref' });
    expect(none.series.map((s) => s.state)).toEqual(['no-run', 'no-run']);
    expect(none.table.rows).toEqual([]);
  });

  it('draws the first repetition present', () => {
    const data = chartData();
    const again = data.runs.find((r) => r.modelId === K20 && r.seed === 1 && r.optionSetId === 'ref')!;
    data.runs.unshift({ ...again, repetition: 1, gapTrace: [[1, 0.2, 3, 2]] });
    const chart = gapOverlayChart(inputOf(data), { modelId: K20, seed: 1, setA: 'ref', setB: 'ref' });
    expect(chart.series[0].repetition).toBe(0);
    expect(chart.series[0].points).toHaveLength(3);
  });

  it('has no default without a MIP model', () => {
    const data = chartData();
    data.models = data.models.filter((m) => m.id === AFIRO);
    data.runs = data.runs.filter((r) => r.modelId === AFIRO);
    expect(defaultGapOverlaySelection(inputOf(data))).toBeNull();
    expect(gapOverlayChoices(inputOf(data)).models).toEqual([]);
  });
});

describe('time against size: censored points and poor fits (issue 18)', () => {
  // ref's K40 seed 2 hits the time limit (charged 1000 ms): a censored point and a censored size.
  const censoredData = () => {
    const data = chartData();
    const r = data.runs.find((x) => x.modelId === K40 && x.optionSetId === 'ref' && x.seed === 2)!;
    Object.assign(r, { status: 'time-limit', objective: null, timeMs: 1000.4 });
    return data;
  };

  it('marks the unsolved problem and its size, and fits only the sizes solved throughout', () => {
    const [c] = timeVsSizeCharts(inputOf(censoredData()));
    const ref = c.series[0];
    expect(ref.points.filter((p) => !p.solved).map((p) => [p.size, p.seed, p.timeMs])).toEqual([[40, 2, 1000]]);
    expect(ref.unsolvedPoints).toBe(1);
    expect(ref.sizeMeans.map((p) => [p.size, p.censored, p.unsolved])).toEqual([
      [10, false, 0],
      [20, false, 0],
      [40, true, 1],
    ]);
    expect(ref.censoredSizes).toEqual([40]);
    // Through 10 and 20 only: 10 → 40 ms is still size², not bent by the limit.
    expect(ref.fit!.sizes).toEqual([10, 20]);
    expect(ref.fit!.exponent).toBeCloseTo(2, 12);
    expect(ref.fit!.quality).toBe('two-sizes');
    // alt is untouched: all three sizes fitted.
    expect(c.series[1].fit!.sizes).toEqual([10, 20, 40]);
    expect(c.series[1].censoredSizes).toEqual([]);
  });

  it('says how many sizes and problems the fit left out, and that two sizes fit exactly', () => {
    const [c] = timeVsSizeCharts(inputOf(censoredData()));
    expect(c.series[0].label).toBe(
      'Defaults: time ∝ size^2.00, R² 1.000 — 2 sizes only, R² is 1 by construction; 1 size left out (1 unsolved problem)',
    );
    expect(c.series[1].label).toBe('Presolve off: time ∝ size^1.00, R² 1.000');
  });

  it('tables the censored point and size mean as such', () => {
    const [c] = timeVsSizeCharts(inputOf(censoredData()));
    const kinds = c.table.rows.filter((r) => r[0] === 'Defaults').map((r) => [r[1], r[4]]);
    expect(kinds).toContainEqual(['unsolved problem (time limit charged)', 40]);
    expect(kinds).toContainEqual(['censored size mean (not fitted)', 40]);
    expect(kinds.filter(([k]) => k === 'fit')).toHaveLength(2);
  });

  it('has no fit when fewer than two sizes were solved throughout, and says why', () => {
    const data = censoredData();
    const r = data.runs.find((x) => x.modelId === K20 && x.optionSetId === 'ref' && x.seed === 1)!;
    Object.assign(r, { status: 'time-limit', objective: null, timeMs: 1000 });
    const [c] = timeVsSizeCharts(inputOf(data));
    expect(c.series[0].fit).toBeNull();
    expect(c.series[0].label).toBe(
      'Defaults: no fit (fewer than 2 sizes with every problem solved; 2 sizes left out (2 unsolved problems))',
    );
  });

  it('flags a fit too poor to read (R² below 0.9 over three sizes)', () => {
    const data = chartData();
    const noisy: Record<string, number> = { [K10]: 20, [K20]: 60, [K40]: 25 };
    for (const r of data.runs) if (r.optionSetId === 'ref' && noisy[r.modelId]) r.timeMs = noisy[r.modelId];
    const [c] = timeVsSizeCharts(inputOf(data));
    expect(c.series[0].fit!.quality).toBe('poor');
    expect(c.series[0].fit!.r2).toBeLessThan(0.9);
    expect(c.series[0].label).toMatch(
      /^Defaults: time ∝ size\^0\.\d\d, R² 0\.\d{3} — poor fit, do not read the exponent$/,
    );
  });
});

describe('per-model speedup: legend, colours and unsolved models (issue 18)', () => {
  it('words the legend in the bars’ direction: reference time ÷ set time, above 1 the set is faster', () => {
    const [c] = speedupCharts(inputOf());
    expect(c.legend).toEqual({
      ratio: 'Defaults time ÷ Presolve off time',
      faster: 'Presolve off faster (Defaults time ÷ Presolve off time above 1)',
      slower: 'Presolve off slower (Defaults time ÷ Presolve off time below 1)',
      same: 'no difference (Defaults time ÷ Presolve off time = 1)',
      seedRange: 'range of the per-seed ratios',
    });
    // knapsack-n10: Defaults 10 ms, Presolve off 5 ms → 10 ÷ 5 = 2, and Presolve off is the faster one.
    const k10 = c.models.find((m) => m.modelId === K10)!;
    expect(k10.ratio).toBe(2);
    expect(k10.tone).toBe('faster');
  });

  it.each([
    // alt's K10 time, the ratio 10 ÷ it, tone
    [5, 2, 'faster'],
    [20, 0.5, 'slower'],
    [10, 1, 'same'],
  ])('alt at %f ms on knapsack-n10: ratio %f, tone %s', (altMs, ratio, tone) => {
    const data = chartData();
    for (const r of data.runs) if (r.modelId === K10 && r.optionSetId === 'alt') r.timeMs = altMs;
    const k10 = speedupCharts(inputOf(data))[0].models.find((m) => m.modelId === K10)!;
    expect(k10.ratio).toBeCloseTo(ratio, 12);
    expect(k10.tone).toBe(tone);
  });

  it('never draws a model unsolved by both sets as 1.0×: it is listed apart and tabled without a ratio', () => {
    const data = chartData();
    for (const r of data.runs) if (r.modelId === K40) Object.assign(r, { status: 'time-limit', timeMs: 1000 });
    const [c] = speedupCharts(inputOf(data));
    expect(c.models.map((m) => m.modelId)).not.toContain(K40);
    expect(c.unsolvedByBoth).toEqual([{ modelId: K40, name: 'knapsack-n40', seeds: 2 }]);
    expect(c.table.rows).toContainEqual(['unsolved by both', 'knapsack-n40', 2, null, null, null, 2, 2, null]);
    expect(c.totalModels).toBe(3);
  });

  it.each([
    // who times out on knapsack-n20 seed 1, the bound, compared seeds, (reference, set) unsolved
    { who: ['alt'], bound: 'at-most', seeds: 2, unsolved: { reference: 0, set: 1 } },
    { who: ['ref'], bound: 'at-least', seeds: 2, unsolved: { reference: 1, set: 0 } },
    { who: ['ref', 'alt'], bound: 'exact', seeds: 1, unsolved: { reference: 0, set: 0 } },
  ])('a seed unsolved by $who: bound $bound over $seeds seed(s)', ({ who, bound, seeds, unsolved }) => {
    const data = chartData();
    for (const r of data.runs)
      if (r.modelId === K20 && r.seed === 1 && who.includes(r.optionSetId))
        Object.assign(r, { status: 'time-limit', timeMs: 1000 });
    const k20 = speedupCharts(inputOf(data))[0].models.find((m) => m.modelId === K20)!;
    expect(k20.bound).toBe(bound);
    expect(k20.seeds).toBe(seeds);
    expect(k20.unsolved).toEqual(unsolved);
    expect(speedupBoundMark(k20.bound)).toBe({ 'at-most': '≤', 'at-least': '≥', exact: '', mixed: '±' }[bound]);
  });

  it('gives a log axis that holds 1, every bar, every seed range and the interval, with room', () => {
    const [c] = speedupCharts(inputOf());
    const values = [1, ...c.models.flatMap((m) => [m.ratio, m.seedLow!, m.seedHigh!]), ...c.overall!.ci95];
    expect(c.yRange.min).toBeLessThan(Math.min(...values));
    expect(c.yRange.max).toBeGreaterThan(Math.max(...values));
  });
});

describe('seed spread: axis (issue 18)', () => {
  it('reaches past the highest maximum and below the lowest minimum, so no box is clipped', () => {
    const chart = seedSpreadChart(inputOf());
    // Drawn: 2 ms (afiro's fastest) … 160 ms (knapsack-n40 under Defaults).
    expect(chart.yRange).toEqual({ min: 1, max: 200 });
    for (const s of chart.series)
      for (const b of s.boxes) {
        expect(b!.maxMs * 1.15).toBeLessThanOrEqual(chart.yRange!.max);
        expect(b!.minMs / 1.15).toBeGreaterThanOrEqual(chart.yRange!.min);
      }
  });
});
