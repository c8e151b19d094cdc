import { describe, expect, it } from 'vitest';
import { BASELINE_OPTION_SET_ID, DEFAULT_THRESHOLD_PCT, baselineFrom } from '../../../src/core/regression/baseline';
import { bench, meta, model, run } from './fixtures';

describe('baselineFrom', () => {
  const models = [model('a'), model('b'), model('c', { template: 'other-template' }), model('d')];
  const runs = [
    run({ modelId: 'a', optionSetId: 's', seed: 1, timeMs: 5 }),
    run({ modelId: 'a', optionSetId: 's', seed: 2, timeMs: 6 }),
    run({ modelId: 'b', optionSetId: 's', seed: 1, status: 'time-limit', objective: null }),
    run({ modelId: 'a', optionSetId: 'other', seed: 1 }),
    run({ modelId: 'c', optionSetId: 's', seed: 1 }),
  ];

  it('keeps the template’s runs of the option set, rewritten to the baseline id, and the models that have them', () => {
    const b = baselineFrom(bench(runs, models), meta('1.15.1'), 't', 's');
    expect(b.models.map((m) => m.id)).toEqual(['a', 'b']);
    expect(b.runs).toHaveLength(3);
    expect(b.runs.every((r) => r.optionSetId === BASELINE_OPTION_SET_ID)).toBe(true);
    expect(b.runs.map((r) => [r.modelId, r.seed])).toEqual([
      ['a', 1],
      ['a', 2],
      ['b', 1],
    ]);
    expect(b).toMatchObject({
      id: 'base-1',
      template: 't',
      optionSet: { name: 'blessed', options: { presolve: 'on' } },
      createdAt: '2026-11-01T00:00:00.000Z',
      benchmarkId: 'bench-1',
      benchmarkName: 'nightly',
      solver: { name: 'HiGHS', version: '1.15.1' },
      environment: { userAgent: 'test', hardwareConcurrency: 2, crossOriginIsolated: true },
      config: { timeLimitMs: 10_000, seeds: [1], repetitions: 1, warmup: true },
      thresholdPct: DEFAULT_THRESHOLD_PCT,
    });
  });

  it('copies what it keeps: changing the benchmark later leaves the baseline alone', () => {
    const data = bench(runs, models);
    const b = baselineFrom(data, meta(), 't', 's');
    data.runs[0].timeMs = 999;
    data.config.seeds.push(7);
    data.optionSets[0].options.presolve = 'off';
    expect(b.runs[0].timeMs).toBe(5);
    expect(b.config.seeds).toEqual([1]);
    expect(b.optionSet.options).toEqual({ presolve: 'on' });
    expect(data.runs[0].optionSetId).toBe('s');
  });

  it('takes the template’s threshold from the metadata', () => {
    expect(baselineFrom(bench(runs, models), meta('1', 10), 't', 's').thresholdPct).toBe(10);
  });

  it.each([
    { name: 'unknown option set', template: 't', set: 'nope', msg: /no option set "nope"/ },
    { name: 'unknown template', template: 'zzz', set: 's', msg: /no model of template "zzz"/ },
    { name: 'no run of the template with that set', template: 'other-template', set: 'other', msg: /no finished run/ },
  ])('throws a clear error: $name', ({ template, set, msg }) => {
    expect(() => baselineFrom(bench(runs, models), meta(), template, set)).toThrow(msg);
  });

  it('throws when every run failed before the solver answered', () => {
    const failed = [run({ modelId: 'a', optionSetId: 's', status: null, error: { name: 'Error', message: 'x' } })];
    expect(() => baselineFrom(bench(failed, models), meta(), 't', 's')).toThrow(
      /no finished run of template "t" with option set "blessed"/,
    );
  });

  it.each([0, -5, 100, NaN])('refuses the threshold %f', (pct) => {
    expect(() => baselineFrom(bench(runs, models), meta('1', pct), 't', 's')).toThrow(RangeError);
  });
});
