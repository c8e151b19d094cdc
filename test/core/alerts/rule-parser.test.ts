import { describe, expect, it } from 'vitest';
import {
  DEFAULT_WINDOW_MS,
  describeParseError,
  parseCondition,
  printCondition,
  validateRule,
  type AlertCondition,
  type MetricCondition,
} from '../../../src/core/alerts';

const H = 3_600_000;

/** A metric condition with the parser's defaults, overridden. */
function m(over: Partial<MetricCondition> & Pick<MetricCondition, 'metric'>): MetricCondition {
  return {
    kind: 'metric',
    aggregation: 'last',
    labels: {},
    comparator: '>',
    threshold: 0,
    windowMs: DEFAULT_WINDOW_MS,
    ...over,
  };
}

function parsed(text: string): AlertCondition {
  const r = parseCondition(text);
  if (!r.ok) throw new Error(`${text}: ${r.error.message} at ${r.error.position}`);
  return r.condition;
}

describe('parseCondition accepts the grammar', () => {
  it.each<[string, AlertCondition]>([
    [
      'p95(solve_time_ms{template="knapsack"}) > 500 over 1h',
      m({ metric: 'solve_time_ms', aggregation: 'p95', labels: { template: 'knapsack' }, threshold: 500, windowMs: H }),
    ],
    ['solve_time_ms > 500', m({ metric: 'solve_time_ms', aggregation: 'p95', threshold: 500 })],
    ['solve_time_ms >= 1.5s', m({ metric: 'solve_time_ms', aggregation: 'p95', comparator: '>=', threshold: 1500 })],
    [
      'max(solve_time_ms) > 2e3ms over 15m',
      m({ metric: 'solve_time_ms', aggregation: 'max', threshold: 2000, windowMs: 15 * 60_000 }),
    ],
    [
      '  p50 ( solve_time_ms )<=10   over   30s ',
      m({ metric: 'solve_time_ms', aggregation: 'p50', comparator: '<=', threshold: 10, windowMs: 30_000 }),
    ],
    ['error_rate > 5%', m({ metric: 'error_rate', aggregation: 'avg', threshold: 0.05 })],
    [
      'error_rate{template="a",model="m1"} >= 0.1 over 1d',
      m({
        metric: 'error_rate',
        aggregation: 'avg',
        comparator: '>=',
        labels: { template: 'a', model: 'm1' },
        threshold: 0.1,
        windowMs: 24 * H,
      }),
    ],
    [
      'success_rate < 90% over 2h',
      m({ metric: 'success_rate', aggregation: 'avg', comparator: '<', threshold: 0.9, windowMs: 2 * H }),
    ],
    [
      'solve_count{source="benchmark"} == 0',
      m({
        metric: 'solve_count',
        aggregation: 'count',
        comparator: '==',
        labels: { source: 'benchmark' },
        threshold: 0,
      }),
    ],
    [
      'wasm_memory_bytes{option_set="fast", status="Optimal"} > 1GiB',
      m({ metric: 'wasm_memory_bytes', labels: { option_set: 'fast', status: 'Optimal' }, threshold: 1024 ** 3 }),
    ],
    [
      'avg(pool_utilization) > 90% over 5m',
      m({ metric: 'pool_utilization', aggregation: 'avg', threshold: 0.9, windowMs: 300_000 }),
    ],
    ['queue_depth != 3', m({ metric: 'queue_depth', comparator: '!=', threshold: 3 })],
    [
      'count(worker_restarts) > 2 over 90d',
      m({ metric: 'worker_restarts', aggregation: 'count', threshold: 2, windowMs: 90 * 24 * H }),
    ],
    ['p99(js_heap_bytes) > 512MiB', m({ metric: 'js_heap_bytes', aggregation: 'p99', threshold: 512 * 1024 ** 2 })],
    [
      'min(js_heap_bytes) < 64KiB over 1s',
      m({ metric: 'js_heap_bytes', aggregation: 'min', comparator: '<', threshold: 65536, windowMs: 1000 }),
    ],
    ['storage_used_ratio > 0.8', m({ metric: 'storage_used_ratio', threshold: 0.8 })],
    ['queue_depth < -1', m({ metric: 'queue_depth', comparator: '<', threshold: -1 })],
    [
      'solve_time_ms{template="say \\"hi\\" \\\\ x"} > 1',
      m({ metric: 'solve_time_ms', aggregation: 'p95', labels: { template: 'say "hi" \\ x' }, threshold: 1 }),
    ],
    [
      'solve_time_ms{template="{}), > 1 over"} > 1',
      m({ metric: 'solve_time_ms', aggregation: 'p95', labels: { template: '{}), > 1 over' }, threshold: 1 }),
    ],
    ['check(sanity-solve) == fail', { kind: 'check', checkId: 'sanity-solve', comparator: '==', status: 'fail' }],
    ['check ( idb-2 ) != pass', { kind: 'check', checkId: 'idb-2', comparator: '!=', status: 'pass' }],
    ['check(x)==unknown', { kind: 'check', checkId: 'x', comparator: '==', status: 'unknown' }],
  ])('%s', (text, expected) => {
    expect(parsed(text)).toEqual(expected);
  });
});

describe('parseCondition refuses bad input with a message and the offending position', () => {
  const long = `solve_time_ms > ${'1'.repeat(490)}`;
  it.each<[string, string, number, RegExp]>([
    ['empty input', '', 0, /expected a metric.*found end of input/],
    ['blank input', '   ', 3, /found end of input/],
    ['unknown metric', 'solve_time > 5', 0, /expected a metric.*found 'solve_time'/],
    ['keyword case', 'P95(solve_time_ms) > 5', 0, /found 'P95'/],
    [
      'aggregation without (',
      'p95 solve_time_ms > 5',
      4,
      /expected '\(' after the aggregation 'p95', found 'solve_time_ms'/,
    ],
    ['unknown metric in aggregation', 'p95(cpu) > 5', 4, /expected a metric .*found 'cpu'/],
    ['missing )', 'p95(solve_time_ms > 1', 18, /expected '\)' closing p95\(, found '>'/],
    ['aggregation on a rate', 'p95(error_rate) > 1', 0, /error_rate takes no aggregation/],
    ['aggregation on a count', 'count(solve_count) > 1', 0, /solve_count takes no aggregation/],
    ['labels on a system metric', 'pool_utilization{template="a"} > 1', 16, /labels apply only to solve metrics/],
    ['unknown label', 'solve_time_ms{templat="a"} > 1', 14, /expected a label .*found 'templat'/],
    ['empty labels', 'solve_time_ms{} > 1', 14, /expected a label .*found '\}'/],
    ['duplicate label', 'solve_time_ms{template="a", template="b"} > 1', 28, /label 'template' is given twice/],
    ['label without =', 'solve_time_ms{template "a"} > 1', 23, /expected '=' after the label 'template', found '"a"'/],
    ['unquoted label value', 'solve_time_ms{template=a} > 1', 23, /expected a double-quoted string, found 'a'/],
    ['single-quoted value', "solve_time_ms{template='a'} > 1", 23, /expected a double-quoted string, found '''/],
    ['unclosed labels', 'solve_time_ms{template="a" > 1', 27, /expected ',' or '\}', found '>'/],
    ['unterminated string', 'solve_time_ms{template="abc} > 1', 32, /closing '"'.*found end of input/],
    ['bad escape', 'solve_time_ms{template="a\\n"} > 1', 25, /unsupported escape '\\n'/],
    ['missing comparator', 'solve_time_ms 5', 14, /expected a comparator .*found '5'/],
    ['single =', 'solve_time_ms = 5', 14, /expected a comparator .*found '='/],
    ['=> is not a comparator', 'solve_time_ms => 5', 14, /expected a comparator/],
    ['missing number', 'solve_time_ms >', 15, /expected a number, found end of input/],
    ['word for number', 'solve_time_ms > fast', 16, /expected a number, found 'fast'/],
    ['number too large', 'solve_time_ms > 1e999', 16, /too large/],
    ['unit of another kind', 'solve_time_ms > 5 %', 18, /the unit '%' does not apply to solve_time_ms/],
    ['bytes unit on a rate', 'error_rate > 5MiB', 14, /the unit 'MiB' does not apply to error_rate/],
    ['unit on a plain count', 'queue_depth > 5ms', 15, /queue_depth takes a plain number, without the unit 'ms'/],
    ['unknown unit', 'solve_time_ms > 5 minutes', 18, /expected a unit .*found 'minutes'/],
    ['OVER in capitals', 'solve_time_ms > 1 OVER 1h', 18, /found 'OVER'/],
    [
      'over without duration',
      'solve_time_ms > 1 over',
      22,
      /expected a duration such as 15m or 1h, found end of input/,
    ],
    [
      'duration without unit',
      'solve_time_ms > 1 over 5',
      24,
      /expected a duration unit \(s, m, h or d\) after 5, found end of input/,
    ],
    ['unknown duration unit', 'solve_time_ms > 5 over 1y', 24, /found 'y'/],
    ['window too long', 'solve_time_ms > 5 over 91d', 23, /outside 1s to 90d/],
    ['window too short', 'solve_time_ms > 5 over 0.5s', 23, /outside 1s to 90d/],
    ['zero window', 'solve_time_ms > 5 over 0s', 23, /outside 1s to 90d/],
    ['trailing text', 'solve_time_ms > 5 over 1h and more', 26, /expected end of condition, found 'and'/],
    ['trailing punctuation', 'solve_time_ms > 5 over 1h)', 25, /expected end of condition, found '\)'/],
    ['check without (', 'check sanity == fail', 6, /expected '\(' after check, found 'sanity'/],
    ['check id in capitals', 'check(Sanity) == fail', 6, /expected a check id .*found 'Sanity'/],
    ['empty check id', 'check() == fail', 6, /expected a check id .*found '\)'/],
    ['check id with _', 'check(a_b) == fail', 7, /expected '\)' after the check id, found '_b'/],
    ['check with >', 'check(x) > fail', 9, /expected == or != after check/],
    ['unknown check status', 'check(x) == broken', 12, /expected a check status .*found 'broken'/],
    ['check status missing', 'check(x) ==', 11, /found end of input/],
    ['injection: constructor', 'constructor > 1', 0, /found 'constructor'/],
    ['injection: __proto__', '__proto__ > 1', 0, /found '__proto__'/],
    ['injection: __proto__ label', 'solve_time_ms{__proto__="x"} > 1', 14, /expected a label .*found '__proto__'/],
    [
      'injection: constructor label',
      'solve_time_ms{constructor="x"} > 1',
      14,
      /expected a label .*found 'constructor'/,
    ],
    ['injection: process.exit()', 'process.exit()', 0, /found 'process'/],
    [
      'injection: call after condition',
      'solve_time_ms > 1; process.exit()',
      17,
      /expected end of condition, found ';'/,
    ],
    ['injection: backticks', '`${process.exit()}`', 0, /found '`'/],
    ['injection: backticks in threshold', 'solve_time_ms > `1`', 16, /expected a number, found '`'/],
    ['injection: script', '<script>alert(1)</script>', 0, /found '<'/],
    ['injection: check id', 'check(../../etc) == fail', 6, /expected a check id .*found '\.'/],
    ['overlong input', long + ' ', 500, /at most 500 are allowed/],
  ])('%s', (_name, text, position, message) => {
    const r = parseCondition(text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.position).toBe(position);
    expect(r.error.message).toMatch(message);
  });

  it('accepts exactly 500 characters', () => {
    const text = `solve_time_ms > 1${' '.repeat(483)}`;
    expect(text.length).toBe(500);
    expect(parseCondition(text).ok).toBe(true);
  });
});

describe('printCondition', () => {
  it.each([
    [
      'p95(solve_time_ms{template="knapsack"}) > 500ms over 1h',
      'p95(solve_time_ms{template="knapsack"}) > 500 over 1h',
    ],
    ['solve_time_ms > 1.1s', 'p95(solve_time_ms) > 1100 over 1h'],
    ['error_rate{model="m", template="t"} > 5% over 60m', 'error_rate{template="t", model="m"} > 0.05 over 1h'],
    ['success_rate < 99.5% over 1.5h', 'success_rate < 0.995 over 90m'],
    ['solve_count == 0 over 86400s', 'solve_count == 0 over 1d'],
    ['wasm_memory_bytes > 1.5GiB over 2.5s', 'last(wasm_memory_bytes) > 1610612736 over 2.5s'],
    ['storage_used_ratio >= 90%', 'last(storage_used_ratio) >= 0.9 over 1h'],
    ['solve_time_ms{template="q\\"x\\\\"} > 1', 'p95(solve_time_ms{template="q\\"x\\\\"}) > 1 over 1h'],
    ['check ( sanity-solve )!=pass', 'check(sanity-solve) != pass'],
  ])('%s prints as %s', (text, canonical) => {
    expect(printCondition(parsed(text))).toBe(canonical);
  });

  it.each([
    'p95(solve_time_ms{template="knapsack"}) > 500 over 1h',
    'solve_time_ms > 1.1s over 1.5s',
    'p99(solve_time_ms{template="a", model="b", option_set="c", status="Optimal", source="run"}) <= 0.001s',
    'error_rate{template="t"} > 5% over 7d',
    'success_rate != 33.3% over 45m',
    'solve_count{template="\\"quoted\\" \\\\ back"} < 3 over 90d',
    'max(wasm_memory_bytes) >= 1.25GiB',
    'avg(pool_utilization) > 0.75 over 10m',
    'min(queue_depth) == 0 over 1s',
    'count(worker_restarts) > 1e2',
    'p50(js_heap_bytes) < 3KiB over 12h',
    'storage_used_ratio > 1e-3 over 2d',
    'queue_depth > -2.5',
    'check(idb-roundtrip) == warning',
    'check(0-a) != unknown',
  ])('round-trips %s', (text) => {
    const c = parsed(text);
    const printed = printCondition(c);
    expect(parsed(printed)).toEqual(c);
    expect(printCondition(parsed(printed))).toBe(printed);
  });
});

describe('describeParseError', () => {
  it.each([
    ['solve_time_ms > fast', 'at column 17: expected a number', '                ^'],
    ['', 'at column 1: expected a metric', '^'],
    ['solve_time_ms >', 'at column 16: expected a number', '               ^'],
    ['p95(error_rate)\t> 1', 'at column 1: error_rate takes no aggregation', '^'],
  ])('%j', (text, head, caret) => {
    const r = parseCondition(text);
    if (r.ok) throw new Error('expected an error');
    const lines = describeParseError(text, r.error).split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0].startsWith(head)).toBe(true);
    expect(lines[1]).toBe(text.replace('\t', ' '));
    expect(lines[2]).toBe(caret);
  });

  it('keeps a window of long text with the caret under the offending character', () => {
    const text = `solve_time_ms{template="${'x'.repeat(200)}"} > fast`;
    const r = parseCondition(text);
    if (r.ok) throw new Error('expected an error');
    const [head, shown, caret] = describeParseError(text, r.error).split('\n');
    expect(head).toBe(`at column ${r.error.position + 1}: expected a number, found 'fast'`);
    expect(shown.length).toBeLessThan(110);
    expect(shown.slice(caret.length - 1, caret.length - 1 + 4)).toBe('fast');
  });
});

describe('validateRule', () => {
  const good = {
    id: 'r1',
    name: '  Slow knapsack ',
    condition: 'p95(solve_time_ms{template="knapsack"}) > 500 over 1h',
    severity: 'warning',
    channels: ['app', 'webhook'],
    cooldownMs: 900_000,
    enabled: true,
    createdAt: 1_700_000_000_000,
  };

  it('returns a clean copy of a good rule (name trimmed, unknown fields dropped)', () => {
    const r = validateRule({ ...good, extra: 'x' });
    expect(r).toEqual({ ok: true, rule: { ...good, name: 'Slow knapsack' } });
  });

  it.each<[string, unknown, string[], number?]>([
    ['not an object', 'rule', ['rule']],
    ['null', null, ['rule']],
    ['an array', [], ['rule']],
    ['empty name', { ...good, name: '   ' }, ['name']],
    ['long name', { ...good, name: 'x'.repeat(81) }, ['name']],
    [
      '80-char name is fine but bad condition',
      { ...good, name: 'x'.repeat(80), condition: 'solve_time_ms >' },
      ['condition'],
      15,
    ],
    ['condition not text', { ...good, condition: 5 }, ['condition']],
    ['condition error position', { ...good, condition: 'p95(solve_time_ms) > 5 over 1y' }, ['condition'], 29],
    ['bad severity', { ...good, severity: 'fatal' }, ['severity']],
    ['no channels', { ...good, channels: [] }, ['channels']],
    ['unknown channel', { ...good, channels: ['app', 'sms'] }, ['channels']],
    ['duplicate channel', { ...good, channels: ['app', 'app'] }, ['channels']],
    ['channels not an array', { ...good, channels: 'app' }, ['channels']],
    ['negative cooldown', { ...good, cooldownMs: -1 }, ['cooldownMs']],
    ['fractional cooldown', { ...good, cooldownMs: 1.5 }, ['cooldownMs']],
    ['cooldown over 7 days', { ...good, cooldownMs: 7 * 86_400_000 + 1 }, ['cooldownMs']],
    ['enabled not boolean', { ...good, enabled: 'yes' }, ['enabled']],
    ['missing id', { ...good, id: '' }, ['id']],
    ['bad createdAt', { ...good, createdAt: Number.NaN }, ['createdAt']],
    ['several at once', { ...good, name: '', severity: 'x', enabled: 1 }, ['name', 'severity', 'enabled']],
  ])('%s', (_name, input, fields, position) => {
    const r = validateRule(input);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.field)).toEqual(fields);
    for (const e of r.errors) expect(e.message.length).toBeGreaterThan(0);
    if (position !== undefined) {
      expect(r.errors[0].position).toBe(position);
      expect(r.errors[0].message).toMatch(new RegExp(`^at column ${position + 1}: `));
    }
  });

  it('accepts the cooldown bounds 0 and 7 days', () => {
    expect(validateRule({ ...good, cooldownMs: 0 }).ok).toBe(true);
    expect(validateRule({ ...good, cooldownMs: 7 * 86_400_000 }).ok).toBe(true);
  });
});
