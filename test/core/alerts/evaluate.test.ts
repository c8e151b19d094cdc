import { describe, expect, it } from 'vitest';
import {
  aggregate,
  evaluateCondition,
  parseCondition,
  ruleSignal,
  type AlertCondition,
  type AlertRule,
  type EvaluationData,
} from '../../../src/core/alerts';
import type { HealthCheckResult } from '../../../src/core/health/types';
import type { SolvePoint, SystemPoint } from '../../../src/core/metrics/types';
import { sample as baseSample, solve as baseSolve } from '../metrics/fixtures';

const NOW = 1_700_000_000_000;
const MIN = 60_000;

function solve(ago: number, over: Partial<SolvePoint> = {}): SolvePoint {
  return baseSolve({
    t: NOW - ago,
    seq: 0.5,
    source: 'run',
    template: 'knapsack',
    model: 'k1',
    optionSet: 'default',
    status: 'Optimal',
    timeMs: 100,
    rows: 10,
    cols: 10,
    nnz: 20,
    wasmMemoryBytes: 16 * 1024 ** 2,
    ...over,
  });
}

function sys(ago: number, over: Partial<SystemPoint> = {}): SystemPoint {
  return baseSample({ t: NOW - ago, seq: 0.5, poolUtilization: 0.5, running: 1, throughput: 1, ...over });
}

function check(id: string, status: HealthCheckResult['status'], at: number): HealthCheckResult {
  return {
    id,
    name: id,
    severity: 'critical',
    status,
    message: `${id} said ${status}`,
    details: {},
    at,
    durationMs: 3,
  };
}

function cond(text: string): AlertCondition {
  const r = parseCondition(text);
  if (!r.ok) throw new Error(r.error.message);
  return r.condition;
}

const data: EvaluationData = {
  solves: [
    // Outside a 1h window (61 min ago) and in the future: never counted.
    solve(61 * MIN, { timeMs: 99_999, outcome: 'error' }),
    solve(-1, { timeMs: 99_999, outcome: 'error' }),
    // Exactly at the window's start: counted.
    solve(60 * MIN, { timeMs: 100 }),
    solve(30 * MIN, { timeMs: 200, outcome: 'error', status: 'error', wasmMemoryBytes: 0 }),
    solve(20 * MIN, {
      timeMs: 300,
      template: 'tsp',
      model: 't1',
      optionSet: 'fast',
      outcome: 'unsolved',
      status: 'Time limit reached',
    }),
    solve(10 * MIN, { timeMs: 400, source: 'benchmark', wasmMemoryBytes: 32 * 1024 ** 2 }),
    solve(0, { timeMs: 500, optionSet: 'fast' }),
  ],
  system: [
    sys(90 * MIN, { poolUtilization: 1, queueDepth: 50 }),
    sys(50 * MIN, {
      poolUtilization: 0.2,
      queueDepth: 1,
      workerRestarts: 1,
      jsHeapBytes: 100 * 1024 ** 2,
      storageUsedBytes: 10,
      storageQuotaBytes: 100,
    }),
    sys(5 * MIN, {
      poolUtilization: 0.9,
      queueDepth: 4,
      workerRestarts: 3,
      jsHeapBytes: null,
      storageUsedBytes: 95,
      storageQuotaBytes: 100,
    }),
    sys(1 * MIN, { poolUtilization: 0.6, queueDepth: 2, workerRestarts: 3, storageUsedBytes: 5, storageQuotaBytes: 0 }),
  ],
  checks: [
    check('sanity-solve', 'pass', NOW - 20 * MIN),
    check('sanity-solve', 'fail', NOW - MIN),
    check('idb', 'pass', NOW - 2 * MIN),
  ],
};

describe('aggregate', () => {
  it.each([
    ['p50', 3],
    ['p95', 4.8],
    ['p99', 4.96],
    ['max', 5],
    ['min', 1],
    ['avg', 3],
    ['count', 5],
    ['last', 2],
  ] as const)('%s of [1, 3, 4, 5, 2] is %d', (agg, expected) => {
    expect(aggregate([1, 3, 4, 5, 2], agg)).toBeCloseTo(expected, 10);
  });

  it('is null for no values', () => {
    expect(aggregate([], 'max')).toBeNull();
  });
});

describe('evaluateCondition on metrics', () => {
  it.each<[string, boolean, number | null]>([
    // Window [NOW − 1h, NOW]: times 100, 200, 300, 400, 500.
    ['p50(solve_time_ms) > 299', true, 300],
    ['max(solve_time_ms) >= 500', true, 500],
    ['min(solve_time_ms) == 100', true, 100],
    ['avg(solve_time_ms) != 300', false, 300],
    ['last(solve_time_ms) < 500', false, 500],
    ['count(solve_time_ms) == 5', true, 5],
    ['p95(solve_time_ms) > 479', true, 480],
    ['solve_time_ms > 500ms over 15m', false, 495],
    ['max(solve_time_ms{template="knapsack"}) > 450', true, 500],
    ['max(solve_time_ms{template="tsp"}) > 450', false, 300],
    ['max(solve_time_ms{option_set="fast", template="knapsack"}) == 500', true, 500],
    ['max(solve_time_ms{model="k1", source="benchmark"}) == 400', true, 400],
    ['max(solve_time_ms{status="Time limit reached"}) == 300', true, 300],
    ['solve_count >= 5', true, 5],
    ['solve_count{template="knapsack"} > 4', false, 4],
    ['error_rate > 10%', true, 0.2],
    ['error_rate{template="tsp"} > 0', false, 0],
    ['success_rate < 60%', false, 0.6],
    ['success_rate{template="knapsack"} == 0.75', true, 0.75],
    ['error_rate > 0 over 5m', false, 0],
    // A 0 (unknown) memory reading is left out: 16, 16, 32, 16 MiB.
    ['max(wasm_memory_bytes) > 16MiB', true, 32 * 1024 ** 2],
    ['min(wasm_memory_bytes) < 16MiB', false, 16 * 1024 ** 2],
    // System samples in the window: 50, 5 and 1 min ago.
    ['pool_utilization > 50%', true, 0.6],
    ['max(pool_utilization) > 95%', false, 0.9],
    ['avg(queue_depth) > 2', true, 7 / 3],
    ['max(queue_depth) > 10 over 2h', true, 50],
    ['worker_restarts >= 3', true, 3],
    ['js_heap_bytes > 50MiB', true, 100 * 1024 ** 2],
    // A quota of 0 is not a ratio: the newest usable sample is 95/100.
    ['storage_used_ratio > 90%', true, 0.95],
    ['min(storage_used_ratio) < 0.2', true, 0.1],
  ])('%s → firing %s, value %s', (text, firing, value) => {
    const r = evaluateCondition(cond(text), data, NOW);
    expect(r.firing).toBe(firing);
    if (value === null) expect(r.value).toBeNull();
    else expect(r.value as number).toBeCloseTo(value, 10);
    expect(r.text).toMatch(/ is /);
  });

  it.each([
    'solve_time_ms{template="tsp"} > 0 over 5m',
    'error_rate{model="none"} > 0',
    'max(solve_time_ms{template="none"}) > 0',
    'solve_count{template="none"} < 1',
    'max(wasm_memory_bytes{status="error"}) > 0',
    'js_heap_bytes > 0 over 3m',
    'pool_utilization > 0 over 30s',
  ])('%s: no data in the window → not firing, value null', (text) => {
    const r = evaluateCondition(cond(text), data, NOW);
    expect(r).toEqual({ firing: false, value: null, text: expect.stringContaining('no data in the window') });
  });

  it('reads nothing from an empty data set', () => {
    const empty = { solves: [], system: [], checks: [] };
    expect(evaluateCondition(cond('error_rate > 0'), empty, NOW).value).toBeNull();
    expect(evaluateCondition(cond('queue_depth > 0'), empty, NOW).firing).toBe(false);
  });
});

describe('evaluateCondition on checks', () => {
  it.each<[string, boolean, string | null]>([
    ['check(sanity-solve) == fail', true, 'fail'],
    ['check(sanity-solve) != fail', false, 'fail'],
    ['check(sanity-solve) == pass', false, 'fail'],
    ['check(idb) != pass', false, 'pass'],
    ['check(idb) == pass', true, 'pass'],
    ['check(never-run) == fail', false, null],
    ['check(never-run) != pass', false, null],
  ])('%s → firing %s', (text, firing, value) => {
    const r = evaluateCondition(cond(text), data, NOW);
    expect(r.firing).toBe(firing);
    expect(r.value).toBe(value);
  });
});

describe('ruleSignal', () => {
  const rule: AlertRule = {
    id: 'r7',
    name: 'Slow knapsack',
    condition: 'max(solve_time_ms{template="knapsack"}) > 450 over 30m',
    severity: 'critical',
    channels: ['app', 'webhook'],
    cooldownMs: 60_000,
    enabled: true,
    createdAt: NOW - 1000,
  };

  it('carries the key, severity, channels, cooldown, template, value, threshold and window', () => {
    const c = cond(rule.condition);
    const e = evaluateCondition(c, data, NOW);
    const s = ruleSignal(rule, c, e);
    expect(s).toMatchObject({
      key: 'rule:r7',
      source: 'rule',
      severity: 'critical',
      template: 'knapsack',
      title: 'Slow knapsack',
      channels: ['app', 'webhook'],
      cooldownMs: 60_000,
      message: e.text,
    });
    expect(s.details).toMatchObject({ value: 500, threshold: 450, window: '30m', windowMs: 30 * MIN, comparator: '>' });
  });

  it('uses the status as the threshold of a check rule, with no window or template', () => {
    const c = cond('check(sanity-solve) == fail');
    const s = ruleSignal({ ...rule, condition: 'check(sanity-solve) == fail' }, c, evaluateCondition(c, data, NOW));
    expect(s.template).toBeNull();
    expect(s.details).toMatchObject({ value: 'fail', threshold: 'fail', window: null });
  });
});
