// Rule warnings: thresholds a metric can never (or always) meet, `==` with a fraction on whole-number values, and
// labels or check ids that name nothing known; rules that can fire get none.
import { describe, expect, it } from 'vitest';
import {
  comparisonOverRange,
  lintCondition,
  lintConditionText,
  metricRange,
  parseCondition,
  type Comparator,
  type MetricRange,
  type RuleWarning,
} from '../../../src/core/alerts';

const kinds = (ws: RuleWarning[]) => ws.map((w) => w.kind);
const CONTEXT = { templates: ['knapsack', 'run', 'transportation'], checks: ['sanity-solve', 'solver-loads'] };

describe('lintConditionText', () => {
  it.each([
    // Fractions written as percent numbers.
    { text: 'error_rate > 5', want: ['never'] },
    { text: 'error_rate > 5 over 30m', want: ['never'] },
    { text: 'success_rate < -0.1', want: ['never'] },
    { text: 'pool_utilization > 80', want: ['never'] },
    { text: 'storage_used_ratio >= 1.5', want: ['never'] },
    { text: 'error_rate > 5%', want: [] },
    { text: 'error_rate > 0.05', want: [] },
    { text: 'error_rate >= 1', want: [] },
    { text: 'error_rate > 1', want: ['never'] },
    { text: 'error_rate >= 0', want: ['always'] },
    { text: 'error_rate <= 100%', want: ['always'] },
    { text: 'error_rate < 0', want: ['never'] },
    { text: 'error_rate == 2', want: ['never'] },
    { text: 'error_rate != 2', want: ['always'] },
    // Counts: a window without solves has no value.
    { text: 'solve_count > 0 over 1h', want: [] },
    { text: 'solve_count >= 1', want: [] },
    { text: 'solve_count < 1', want: ['never'] },
    { text: 'solve_count == 0', want: ['never'] },
    { text: 'solve_count == 2.5', want: ['never'] },
    { text: 'solve_count < 3', want: [] },
    { text: 'count(solve_time_ms) <= 0', want: ['never'] },
    // Times, memory, whole-number system metrics.
    { text: 'p95(solve_time_ms) > 500ms', want: [] },
    { text: 'p95(solve_time_ms) < 0ms', want: ['never'] },
    { text: 'max(solve_time_ms) >= 0', want: ['always'] },
    { text: 'last(wasm_memory_bytes) > 1.5GiB', want: [] },
    { text: 'last(wasm_memory_bytes) > 3GiB', want: ['never'] },
    { text: 'last(wasm_memory_bytes) <= 0', want: ['never'] },
    { text: 'last(wasm_memory_bytes) > 0', want: ['always'] },
    { text: 'last(queue_depth) == 1.5', want: ['never'] },
    { text: 'avg(queue_depth) == 1.5', want: [] },
    { text: 'max(worker_restarts) > 0 over 1d', want: [] },
    { text: 'last(worker_restarts) < 0', want: ['never'] },
    { text: 'last(js_heap_bytes) > 100MiB', want: [] },
    // Labels and checks.
    { text: 'p95(solve_time_ms{template="knapsack"}) > 500ms over 1h', want: [] },
    { text: 'p95(solve_time_ms{template="knapsak"}) > 500ms over 1h', want: ['unknown-template'] },
    { text: 'error_rate{template="nope"} > 5', want: ['never', 'unknown-template'] },
    { text: 'solve_count{source="benchmark"} > 0', want: [] },
    { text: 'solve_count{source="bench"} > 0', want: ['unknown-source'] },
    { text: 'check(sanity-solve) == fail', want: [] },
    { text: 'check(sanity-solv) == fail', want: ['unknown-check'] },
    // Text that does not parse: the parser's error says it, not a warning.
    { text: 'error_rate >> 5', want: [] },
    { text: '', want: [] },
  ])('$text → $want', ({ text, want }) => {
    expect(kinds(lintConditionText(text, CONTEXT))).toEqual(want);
  });

  it('says what a fraction is and how to write a percent', () => {
    const [w] = lintConditionText('error_rate > 5', CONTEXT);
    expect(w.message).toContain('a fraction from 0% to 100%');
    expect(w.message).toContain('can never fire');
    expect(w.message).toContain('Write 5% for 5 percent');
  });

  it('lists the known templates in an unknown-template warning', () => {
    const [w] = lintConditionText('solve_count{template="knapsak"} > 0', CONTEXT);
    expect(w.message).toContain('"knapsak"');
    expect(w.message).toContain('knapsack, run, transportation');
  });

  it.each([
    { name: 'templates unknown (null)', context: { templates: null, checks: null } },
    { name: 'no context', context: undefined },
  ])('names are not checked with $name', ({ context }) => {
    expect(lintConditionText('solve_count{template="anything"} > 0', context)).toEqual([]);
    expect(lintConditionText('check(anything) == fail', context)).toEqual([]);
  });

  it('lintCondition takes a parsed condition', () => {
    const parsed = parseCondition('pool_utilization > 80');
    if (!parsed.ok) throw new Error('must parse');
    expect(kinds(lintCondition(parsed.condition))).toEqual(['never']);
  });
});

describe('metricRange', () => {
  it.each([
    { metric: 'error_rate', agg: 'avg', want: { min: 0, max: 1, integer: false } },
    { metric: 'solve_count', agg: 'count', want: { min: 1, max: Infinity, integer: true } },
    { metric: 'solve_time_ms', agg: 'count', want: { min: 1, max: Infinity, integer: true } },
    { metric: 'solve_time_ms', agg: 'p95', want: { min: 0, max: Infinity, integer: false } },
    { metric: 'queue_depth', agg: 'last', want: { min: 0, max: Infinity, integer: true } },
    { metric: 'queue_depth', agg: 'p50', want: { min: 0, max: Infinity, integer: false } },
    { metric: 'wasm_memory_bytes', agg: 'max', want: { min: 0, max: 2 ** 31, integer: false, minOpen: true } },
  ] as const)('$metric as $agg', ({ metric, agg, want }) => {
    expect(metricRange(metric, agg)).toMatchObject(want);
  });
});

describe('comparisonOverRange', () => {
  const unit: MetricRange = { min: 0, max: 1, minOpen: false, maxOpen: false, integer: false };
  const open: MetricRange = { ...unit, minOpen: true, maxOpen: true };
  it.each([
    { r: unit, cmp: '>', t: 1, want: { possible: false, certain: false } },
    { r: unit, cmp: '>', t: 0.5, want: { possible: true, certain: false } },
    { r: unit, cmp: '>', t: -1, want: { possible: true, certain: true } },
    { r: open, cmp: '>', t: 0, want: { possible: true, certain: true } },
    { r: unit, cmp: '>=', t: 1, want: { possible: true, certain: false } },
    { r: open, cmp: '>=', t: 1, want: { possible: false, certain: false } },
    { r: unit, cmp: '<', t: 0, want: { possible: false, certain: false } },
    { r: open, cmp: '<', t: 1, want: { possible: true, certain: true } },
    { r: unit, cmp: '<=', t: 0, want: { possible: true, certain: false } },
    { r: unit, cmp: '<=', t: 1, want: { possible: true, certain: true } },
    { r: unit, cmp: '==', t: 0.5, want: { possible: true, certain: false } },
    { r: open, cmp: '==', t: 0, want: { possible: false, certain: false } },
    { r: unit, cmp: '!=', t: 2, want: { possible: true, certain: true } },
    { r: { ...unit, max: 0 }, cmp: '!=', t: 0, want: { possible: false, certain: false } },
  ] as { r: MetricRange; cmp: Comparator; t: number; want: object }[])(
    'value in $r.min..$r.max $cmp $t',
    ({ r, cmp, t, want }) => {
      expect(comparisonOverRange(r, cmp, t)).toEqual(want);
    },
  );
});
