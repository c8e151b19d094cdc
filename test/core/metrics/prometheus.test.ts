// The Prometheus export checked against the text exposition format 0.0.4 by a strict parser written here from
// the format's rules (https://prometheus.io/docs/instrumenting/exposition_formats/), on several tables of input
// (nasty label values, empty input, missing system figures), plus exact values worked out by hand.
import { describe, expect, it } from 'vitest';
import { escapeHelp, escapeLabelValue, formatValue, toPrometheus } from '../../../src/core/metrics/prometheus';
import type { SolvePoint, SystemPoint } from '../../../src/core/metrics/types';
import { sample, solve } from './fixtures';

const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
const VALUE = /^(NaN|[+-]Inf|[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?)$/;
const TYPES = new Set(['counter', 'gauge', 'summary', 'histogram', 'untyped']);

interface ParsedSample {
  family: string;
  name: string;
  labels: Record<string, string>;
  value: number;
}

interface Parsed {
  families: Map<string, { help: string; type: string; samples: ParsedSample[] }>;
  order: string[];
  samples: ParsedSample[];
}

/** Decodes an escaped HELP text: only \\ and \n may follow a backslash. */
function unescapeHelp(text: string, line: number): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c !== '\\') {
      out += c;
      continue;
    }
    const next = text[++i];
    if (next === '\\') out += '\\';
    else if (next === 'n') out += '\n';
    else throw new Error(`line ${line}: bad escape \\${next ?? ''} in HELP`);
  }
  return out;
}

/** Parses `{a="x",b="y"}` at position i of the line: the labels and the position after `}`. */
function parseLabels(s: string, i: number, line: number): [Record<string, string>, number] {
  const labels: Record<string, string> = {};
  i++; // '{'
  for (;;) {
    if (s[i] === '}') return [labels, i + 1];
    const eq = s.indexOf('=', i);
    if (eq < 0) throw new Error(`line ${line}: label without '='`);
    const name = s.slice(i, eq);
    if (!LABEL_NAME.test(name)) throw new Error(`line ${line}: bad label name ${JSON.stringify(name)}`);
    if (name.startsWith('__')) throw new Error(`line ${line}: reserved label name ${name}`);
    if (name in labels) throw new Error(`line ${line}: label ${name} twice`);
    i = eq + 1;
    if (s[i] !== '"') throw new Error(`line ${line}: label value not quoted`);
    i++;
    let value = '';
    for (;;) {
      if (i >= s.length) throw new Error(`line ${line}: unterminated label value`);
      const c = s[i];
      if (c === '"') break;
      if (c === '\\') {
        const next = s[i + 1];
        if (next === '\\') value += '\\';
        else if (next === '"') value += '"';
        else if (next === 'n') value += '\n';
        else throw new Error(`line ${line}: bad escape \\${next ?? ''} in a label value`);
        i += 2;
        continue;
      }
      value += c;
      i++;
    }
    labels[name] = value;
    i++; // closing quote
    if (s[i] === ',') i++;
    else if (s[i] !== '}') throw new Error(`line ${line}: expected ',' or '}' after a label`);
  }
}

/** Which declared family a sample name belongs to (summaries own name, name_sum and name_count). */
function familyOf(name: string, families: Parsed['families']): string | null {
  if (families.has(name)) return name;
  for (const suffix of ['_sum', '_count']) {
    if (name.endsWith(suffix)) {
      const base = name.slice(0, -suffix.length);
      const f = families.get(base);
      if (f && (f.type === 'summary' || f.type === 'histogram')) return base;
    }
  }
  return null;
}

/** A strict parser of the text format: throws on the first rule broken. */
function parseExposition(text: string): Parsed {
  if (text !== '' && !text.endsWith('\n')) throw new Error('no final newline');
  const lines = text.split('\n');
  lines.pop(); // after the final newline
  const families: Parsed['families'] = new Map();
  const order: string[] = [];
  const helps = new Map<string, string>();
  const types = new Map<string, string>();
  const done = new Set<string>();
  const series = new Set<string>();
  const samples: ParsedSample[] = [];
  let current: string | null = null;

  const declare = (name: string, line: number) => {
    if (!METRIC_NAME.test(name)) throw new Error(`line ${line}: bad metric name ${JSON.stringify(name)}`);
    if (current !== name) {
      if (current !== null) done.add(current);
      if (done.has(name)) throw new Error(`line ${line}: family ${name} is not one group`);
      current = name;
    }
  };

  lines.forEach((l, idx) => {
    const line = idx + 1;
    if (l === '') throw new Error(`line ${line}: empty line`);
    if (l.startsWith('#')) {
      const m = /^# (HELP|TYPE) (\S+) (.*)$/.exec(l);
      if (!m) throw new Error(`line ${line}: a comment that is neither HELP nor TYPE: ${l}`);
      const [, kind, name, rest] = m;
      declare(name, line);
      const fam = families.get(name);
      if (fam && fam.samples.length > 0) throw new Error(`line ${line}: ${kind} after samples of ${name}`);
      if (kind === 'HELP') {
        if (helps.has(name)) throw new Error(`line ${line}: second HELP of ${name}`);
        helps.set(name, unescapeHelp(rest, line));
      } else {
        if (types.has(name)) throw new Error(`line ${line}: second TYPE of ${name}`);
        if (!TYPES.has(rest)) throw new Error(`line ${line}: unknown type ${rest}`);
        types.set(name, rest);
        if (rest === 'counter' && !name.endsWith('_total'))
          throw new Error(`line ${line}: counter ${name} lacks _total`);
      }
      if (helps.has(name) && types.has(name) && !families.has(name)) {
        families.set(name, { help: helps.get(name)!, type: types.get(name)!, samples: [] });
        order.push(name);
      }
      return;
    }
    const nameEnd = l.search(/[{ ]/);
    if (nameEnd <= 0) throw new Error(`line ${line}: no metric name`);
    const name = l.slice(0, nameEnd);
    if (!METRIC_NAME.test(name)) throw new Error(`line ${line}: bad metric name ${JSON.stringify(name)}`);
    let labels: Record<string, string> = {};
    let i = nameEnd;
    if (l[i] === '{') [labels, i] = parseLabels(l, i, line);
    if (l[i] !== ' ') throw new Error(`line ${line}: expected a space before the value`);
    const parts = l.slice(i + 1).split(' ');
    if (parts.length > 2 || !VALUE.test(parts[0])) throw new Error(`line ${line}: bad value ${l.slice(i + 1)}`);
    if (parts.length === 2 && !/^-?\d+$/.test(parts[1])) throw new Error(`line ${line}: bad timestamp`);
    const family = familyOf(name, families);
    if (family === null) throw new Error(`line ${line}: sample ${name} without HELP and TYPE before it`);
    if (current !== family) throw new Error(`line ${line}: sample of ${family} outside its group`);
    const fam = families.get(family)!;
    if (fam.type === 'summary') {
      const hasQuantile = 'quantile' in labels;
      if (name === family && !hasQuantile) throw new Error(`line ${line}: summary sample without quantile`);
      if (name !== family && hasQuantile) throw new Error(`line ${line}: ${name} with a quantile label`);
      if (hasQuantile) {
        const q = Number(labels.quantile);
        if (!VALUE.test(labels.quantile) || !(q >= 0 && q <= 1)) throw new Error(`line ${line}: bad quantile`);
      }
    } else if (name !== family) throw new Error(`line ${line}: ${name} in ${fam.type} family ${family}`);
    const key = JSON.stringify([name, Object.entries(labels).sort(([a], [b]) => (a < b ? -1 : 1))]);
    if (series.has(key)) throw new Error(`line ${line}: duplicate series ${key}`);
    series.add(key);
    const v = parts[0];
    const value = v === 'NaN' ? NaN : v === '+Inf' ? Infinity : v === '-Inf' ? -Infinity : Number(v);
    const s = { family, name, labels, value };
    fam.samples.push(s);
    samples.push(s);
  });
  for (const name of new Set([...helps.keys(), ...types.keys()])) {
    if (!helps.has(name) || !types.has(name)) throw new Error(`family ${name} lacks HELP or TYPE`);
    if (families.get(name)!.samples.length === 0) throw new Error(`family ${name} has no samples`);
  }
  return { families, order, samples };
}

/** The value of one series: name plus exact labels. */
function valueOf(p: Parsed, name: string, labels: Record<string, string> = {}): number | undefined {
  return p.samples.find(
    (s) =>
      s.name === name &&
      JSON.stringify(Object.entries(s.labels).sort()) === JSON.stringify(Object.entries(labels).sort()),
  )?.value;
}

const P = 'highs_workbench_';
const NASTY = ['a"b', 'back\\slash', 'new\nline', 'ünïcødé ✓ 模型', '', 'trailing\\', '\\n not a newline', '{},="\n\\'];

describe('the strict parser itself', () => {
  it.each([
    ['sample before HELP/TYPE', 'x 1\n'],
    ['no final newline', '# HELP x h\n# TYPE x gauge\nx 1'],
    ['HELP twice', '# HELP x h\n# HELP x h\n# TYPE x gauge\nx 1\n'],
    ['TYPE twice', '# HELP x h\n# TYPE x gauge\n# TYPE x gauge\nx 1\n'],
    ['counter without _total', '# HELP x h\n# TYPE x counter\nx 1\n'],
    ['bad label escape', '# HELP x h\n# TYPE x gauge\nx{a="\\t"} 1\n'],
    ['unescaped quote', '# HELP x h\n# TYPE x gauge\nx{a="""} 1\n'],
    ['reserved label', '# HELP x h\n# TYPE x gauge\nx{__a="1"} 1\n'],
    ['bad metric name', '# HELP 1x h\n# TYPE 1x gauge\n1x 1\n'],
    ['duplicate series', '# HELP x h\n# TYPE x gauge\nx{a="1"} 1\nx{a="1"} 2\n'],
    ['summary sample without quantile', '# HELP x h\n# TYPE x summary\nx 1\n'],
    ['_sum of a gauge', '# HELP x h\n# TYPE x gauge\nx_sum 1\n'],
    ['bad value', '# HELP x h\n# TYPE x gauge\nx one\n'],
    ['family split in two groups', '# HELP x h\n# TYPE x gauge\nx 1\n# HELP y h\n# TYPE y gauge\ny 1\nx{a="b"} 1\n'],
    ['family without samples', '# HELP x h\n# TYPE x gauge\n'],
    ['bad HELP escape', '# HELP x a\\tb\n# TYPE x gauge\nx 1\n'],
  ])('rejects %s', (_name, text) => {
    expect(() => parseExposition(text)).toThrow();
  });

  it('accepts a well-formed summary', () => {
    const p = parseExposition(
      '# HELP x_seconds h\n# TYPE x_seconds summary\nx_seconds{quantile="0.5"} 1\nx_seconds_sum 2\nx_seconds_count 2\n',
    );
    expect(p.samples).toHaveLength(3);
  });
});

const sys = sample({
  t: 50,
  poolUtilization: 0.75,
  queueDepth: 3,
  workers: 4,
  throughput: 2.5,
  workerRestarts: 2,
  workerMemory: [
    { slot: 0, workerId: 7, wasmMemoryBytes: 33_554_432 },
    { slot: 1, workerId: 3, wasmMemoryBytes: 16_777_216 },
  ],
  jsHeapBytes: 50_000_000,
  storageUsedBytes: 1234,
  storageQuotaBytes: 1e10,
  hardwareConcurrency: 8,
  crossOriginIsolated: false,
});

const inputs: [string, SolvePoint[], SystemPoint | null][] = [
  ['empty', [], null],
  ['one solve', [solve()], null],
  ['system only', [], sys],
  [
    'system without heap or storage',
    [],
    sample({ jsHeapBytes: null, storageUsedBytes: null, storageQuotaBytes: null }),
  ],
  [
    'nasty label values',
    NASTY.flatMap((v, i) => [
      solve({ template: v, optionSet: v, status: v, timeMs: i + 0.5, wasmMemoryBytes: 1000 + i }),
      solve({ template: v, optionSet: 'plain', outcome: 'error', status: 'error', timeMs: 3 }),
    ]),
    sys,
  ],
  [
    'non-finite numbers',
    [solve({ timeMs: NaN }), solve({ timeMs: Infinity, optionSet: 'b' }), solve({ objective: NaN, optionSet: 'c' })],
    sample({ throughput: NaN, jsHeapBytes: Infinity }),
  ],
  [
    'many templates',
    Array.from({ length: 60 }, (_, i) =>
      solve({
        template: `t${i % 7}`,
        optionSet: `s${i % 3}`,
        status: i % 5 === 0 ? 'time-limit' : 'optimal',
        timeMs: i,
      }),
    ),
    sys,
  ],
];

describe('toPrometheus against the format rules', () => {
  it.each(inputs)('%s is valid exposition text', (_name, solves, system) => {
    const text = toPrometheus({ solves, system, now: 1_700_000_000_123, appVersion: '1.2.3 "beta"\n\\' });
    const p = parseExposition(text);
    for (const name of p.order) expect(name.startsWith(P)).toBe(true);
    expect(valueOf(p, `${P}app_info`, { version: '1.2.3 "beta"\n\\' })).toBe(1);
    // every solve counted once in solves_total, and once in the duration summary's _count
    const total = p.samples.filter((s) => s.name === `${P}solves_total`).reduce((a, s) => a + s.value, 0);
    const counted = p.samples
      .filter((s) => s.name === `${P}solve_duration_seconds_count`)
      .reduce((a, s) => a + s.value, 0);
    expect(total).toBe(solves.length);
    expect(counted).toBe(solves.length);
    expect(p.families.has(`${P}pool_workers`)).toBe(system !== null);
    // the same input gives the same text
    expect(
      toPrometheus({ solves: [...solves].reverse(), system, now: 1_700_000_000_123, appVersion: '1.2.3 "beta"\n\\' }),
    ).toBe(text);
  });

  it('keeps nasty label values intact through escaping', () => {
    const [, solves, system] = inputs[4];
    const p = parseExposition(toPrometheus({ solves, system, now: 0, appVersion: 'v' }));
    const templates = new Set(p.samples.filter((s) => s.name === `${P}solves_total`).map((s) => s.labels.template));
    expect([...templates].sort()).toEqual([...NASTY].sort());
    for (const v of NASTY) {
      expect(valueOf(p, `${P}solves_total`, { template: v, option_set: v, status: v })).toBe(1);
      expect(valueOf(p, `${P}solves_total`, { template: v, option_set: 'plain', status: 'error' })).toBe(1);
      expect(valueOf(p, `${P}solve_errors_total`, { template: v, option_set: 'plain' })).toBe(1);
      expect(valueOf(p, `${P}solve_errors_total`, { template: v, option_set: v })).toBe(0);
    }
  });

  it('writes the empty input as app info and export time only', () => {
    expect(toPrometheus({ solves: [], system: null, now: 1_700_000_000_000, appVersion: '0.9.0' })).toBe(
      [
        '# HELP highs_workbench_app_info The workbench version that wrote these metrics.',
        '# TYPE highs_workbench_app_info gauge',
        'highs_workbench_app_info{version="0.9.0"} 1',
        '# HELP highs_workbench_export_timestamp_seconds When these metrics were exported, Unix seconds.',
        '# TYPE highs_workbench_export_timestamp_seconds gauge',
        'highs_workbench_export_timestamp_seconds 1700000000',
        '',
      ].join('\n'),
    );
  });

  it('has the hand-computed values', () => {
    const solves = [
      // template a, set s: 100, 200, 300, 400 ms (one time-limit, one error); a, set f: 50 ms
      solve({ template: 'a', timeMs: 100, wasmMemoryBytes: 1000 }),
      solve({ template: 'a', timeMs: 200, wasmMemoryBytes: 3000 }),
      solve({ template: 'a', timeMs: 300, status: 'time-limit', outcome: 'unsolved' }),
      solve({ template: 'a', timeMs: 400, status: 'error', outcome: 'error', wasmMemoryBytes: 2000 }),
      solve({ template: 'a', optionSet: 'f', timeMs: 50 }),
      solve({ template: 'b', timeMs: 1 }),
    ];
    const p = parseExposition(toPrometheus({ solves, system: sys, now: 1_700_000_000_500, appVersion: 'x' }));
    expect(valueOf(p, `${P}export_timestamp_seconds`)).toBe(1_700_000_000.5);
    expect(valueOf(p, `${P}solves_total`, { template: 'a', option_set: 's', status: 'optimal' })).toBe(2);
    expect(valueOf(p, `${P}solves_total`, { template: 'a', option_set: 's', status: 'time-limit' })).toBe(1);
    expect(valueOf(p, `${P}solves_total`, { template: 'a', option_set: 's', status: 'error' })).toBe(1);
    expect(valueOf(p, `${P}solves_total`, { template: 'a', option_set: 'f', status: 'optimal' })).toBe(1);
    expect(valueOf(p, `${P}solve_errors_total`, { template: 'a', option_set: 's' })).toBe(1);
    expect(valueOf(p, `${P}solve_errors_total`, { template: 'a', option_set: 'f' })).toBe(0);
    const d = { template: 'a', option_set: 's' };
    const q = (quantile: string) => valueOf(p, `${P}solve_duration_seconds`, { ...d, quantile });
    // seconds 0.1, 0.2, 0.3, 0.4 (type 7): 0.5 → h 1.5 → 0.25; 0.95 → h 2.85 → 0.385; 0.99 → h 2.97 → 0.397
    expect(q('0.5')).toBeCloseTo(0.25, 12);
    expect(q('0.95')).toBeCloseTo(0.385, 12);
    expect(q('0.99')).toBeCloseTo(0.397, 12);
    expect(valueOf(p, `${P}solve_duration_seconds_sum`, d)).toBeCloseTo(1, 12);
    expect(valueOf(p, `${P}solve_duration_seconds_count`, d)).toBe(4);
    expect(valueOf(p, `${P}solve_duration_seconds`, { template: 'b', option_set: 's', quantile: '0.99' })).toBe(0.001);
    expect(valueOf(p, `${P}solve_wasm_memory_bytes`, { template: 'a' })).toBe(3000);
    // b's memory is unknown (0): no sample
    expect(valueOf(p, `${P}solve_wasm_memory_bytes`, { template: 'b' })).toBeUndefined();
    expect(valueOf(p, `${P}pool_utilization_ratio`)).toBe(0.75);
    expect(valueOf(p, `${P}pool_queue_depth`)).toBe(3);
    expect(valueOf(p, `${P}pool_workers`)).toBe(4);
    expect(valueOf(p, `${P}pool_throughput_jobs_per_second`)).toBe(2.5);
    expect(valueOf(p, `${P}worker_restarts_total`)).toBe(2);
    expect(valueOf(p, `${P}worker_wasm_memory_bytes`, { worker: '7' })).toBe(33_554_432);
    expect(valueOf(p, `${P}worker_wasm_memory_bytes`, { worker: '3' })).toBe(16_777_216);
    expect(valueOf(p, `${P}js_heap_bytes`)).toBe(50_000_000);
    expect(valueOf(p, `${P}storage_used_bytes`)).toBe(1234);
    expect(valueOf(p, `${P}storage_quota_bytes`)).toBe(1e10);
    expect(valueOf(p, `${P}hardware_concurrency`)).toBe(8);
    expect(valueOf(p, `${P}cross_origin_isolated`)).toBe(0);
    expect(p.families.get(`${P}solve_duration_seconds`)!.type).toBe('summary');
    expect(p.families.get(`${P}worker_restarts_total`)!.type).toBe('counter');
    expect(p.order).toEqual(
      [
        'app_info',
        'export_timestamp_seconds',
        'solves_total',
        'solve_errors_total',
        'solve_duration_seconds',
        'solve_wasm_memory_bytes',
        'pool_utilization_ratio',
        'pool_queue_depth',
        'pool_workers',
        'pool_throughput_jobs_per_second',
        'worker_restarts_total',
        'worker_wasm_memory_bytes',
        'js_heap_bytes',
        'storage_used_bytes',
        'storage_quota_bytes',
        'hardware_concurrency',
        'cross_origin_isolated',
      ].map((n) => P + n),
    );
  });

  it('omits the heap and storage families when unknown and writes isolation as 1', () => {
    const p = parseExposition(
      toPrometheus({ solves: [], system: sample({ crossOriginIsolated: true }), now: 0, appVersion: 'x' }),
    );
    expect(p.families.has(`${P}js_heap_bytes`)).toBe(false);
    expect(p.families.has(`${P}storage_used_bytes`)).toBe(false);
    expect(p.families.has(`${P}storage_quota_bytes`)).toBe(false);
    expect(p.families.has(`${P}worker_wasm_memory_bytes`)).toBe(false); // no workers, no samples
    expect(valueOf(p, `${P}cross_origin_isolated`)).toBe(1);
  });
});

describe('escaping and values', () => {
  it.each([
    ['plain', 'plain'],
    ['a"b', 'a\\"b'],
    ['a\\b', 'a\\\\b'],
    ['a\nb', 'a\\nb'],
    ['\\"\n', '\\\\\\"\\n'],
    ['', ''],
    ['ü ✓', 'ü ✓'],
  ])('label value %j → %j', (raw, escaped) => {
    expect(escapeLabelValue(raw)).toBe(escaped);
  });

  it.each([
    ['plain', 'plain'],
    ['say "hi"', 'say "hi"'],
    ['a\\b', 'a\\\\b'],
    ['a\nb', 'a\\nb'],
  ])('HELP text %j → %j', (raw, escaped) => {
    expect(escapeHelp(raw)).toBe(escaped);
  });

  it.each([
    [0, '0'],
    [-0, '0'],
    [42, '42'],
    [-7, '-7'],
    [1e10, '10000000000'],
    [2 ** 53 + 2, '9007199254740994'],
    [1e21, '1000000000000000000000'],
    [0.25, '0.25'],
    [1.5e-7, '1.5e-7'],
    [-3.75, '-3.75'],
    [NaN, 'NaN'],
    [Infinity, '+Inf'],
    [-Infinity, '-Inf'],
  ])('value %d → %s', (v, text) => {
    expect(formatValue(v)).toBe(text);
    expect(VALUE.test(text)).toBe(true);
  });
});
