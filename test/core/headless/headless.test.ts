// The command line's pure parts: baselines from a report, a candidate report checked with #/regressions' rules
// and its exit code on planted reports (a slower set on another solver version, a changed objective), the
// Markdown (escaped) and Bencher outputs, and shards merged (and refused).
import { describe, expect, it } from 'vitest';
import type { BenchmarkRun } from '../../../src/core/benchmark';
import {
  EXIT,
  HeadlessInputError,
  baselinesFromReport,
  canonicalJson,
  checkExitCode,
  checksBmf,
  checksMarkdown,
  hashOf,
  headlessCheck,
  markdownCell,
  mergeShards,
  parseShard,
} from '../../../src/core/headless';
import { parseReport, serializeReport, type Report } from '../../../src/core/report';
import { model } from '../regression/fixtures';
import { M1, reportOf, runsOf } from './fixtures';

describe('check', () => {
  const base = reportOf(runsOf(1));
  const baselines = baselinesFromReport(base, 'base.json');

  it('takes one baseline per template of the report, of its reference set', () => {
    expect(baselines.map((b) => [b.template, b.optionSet.name, b.runs.length])).toEqual([['t', 'blessed', 48]]);
  });

  it.each([
    { name: 'the same runs', runs: runsOf(1), version: '1.15.1', verdict: 'unchanged', code: EXIT.ok },
    {
      name: '1.5× slower, another solver',
      runs: runsOf(1.5),
      version: '1.16.0',
      verdict: 'regressed',
      code: EXIT.regressed,
    },
    {
      name: '1.5× faster, another solver',
      runs: runsOf(1 / 1.5),
      version: '1.16.0',
      verdict: 'improved',
      code: EXIT.ok,
    },
    {
      name: 'a changed objective',
      runs: runsOf(1, { objective: 2 }),
      version: '1.15.1',
      verdict: 'wrong',
      code: EXIT.wrong,
    },
  ] as const)('$name: $verdict, exit $code', ({ runs, version, verdict, code }) => {
    const checks = headlessCheck({ candidate: reportOf([...runs], version), candidateFile: 'c.json', baselines });
    expect(checks.map((c) => c.verdict)).toEqual([verdict]);
    expect(checkExitCode(checks)).toBe(code);
  });

  it.each([
    [
      () => baselinesFromReport(base, 'base.json', { template: 'nope' }),
      /base\.json: no benchmark of the report has template "nope" \(it has t\)/,
    ],
    [
      () => baselinesFromReport(base, 'base.json', { optionSet: 'x' }),
      /base\.json: benchmark "nightly" has no option set "x" \(it has s \(blessed\), other \(other\)\)/,
    ],
    [
      () =>
        headlessCheck({
          candidate: reportOf(runsOf(1), '1.15.1', [{ ...model(M1), template: 'u' }]),
          candidateFile: 'c.json',
          baselines,
        }),
      /c\.json: nothing to check: its templates \(u\) share none with the baseline's \(t\)/,
    ],
  ])('refuses bad input naming the file: %#', (run, message) => {
    expect(run).toThrow(HeadlessInputError);
    expect(run).toThrow(message);
  });

  it('picks the option set by name or id, and the threshold', () => {
    const checks = headlessCheck({
      candidate: reportOf(runsOf(1.5), '1.16.0'),
      candidateFile: 'c.json',
      baselines,
      optionSet: 'blessed',
      thresholdPct: 60,
    });
    expect(checks[0].candidateOptionSetId).toBe('s');
    expect(checks[0].thresholdPct).toBe(60);
  });

  it('writes Markdown a pull request shows, with names escaped, and Bencher metrics', () => {
    const checks = headlessCheck({ candidate: reportOf(runsOf(1.5), '1.16.0'), candidateFile: 'c.json', baselines });
    const md = checksMarkdown(checks);
    expect(md).toMatch(/^## HiGHS Workbench regression check: 🔴 regressed\n/);
    expect(md).toContain('| t | blessed ÷ blessed | 🔴 regressed');
    expect(md).toContain('1.15.1 → 1.16.0');
    const bmf = checksBmf(checks);
    expect(bmf.t['time-ratio'].value).toBeCloseTo(checks[0].time!.ratio, 12);
    expect(Object.keys(bmf)).toHaveLength(3);
    expect(bmf.t).toBeDefined();
    expect(bmf[`t/${checks[0].models[0].modelName}`].latency.value).toBe(
      Math.round(checks[0].models[0].time!.candidateSgmMs * 1e6),
    );
  });

  it.each([
    ['a|b', 'a\\|b'],
    ['<img src=x onerror=alert(1)>', '\\<img src=x onerror=alert(1)\\>'],
    ['[click](http://x)', '\\[click\\](http://x)'],
    ['two\nlines', 'two lines'],
  ])('escapes %j in a cell', (text, cell) => {
    expect(markdownCell(text)).toBe(cell);
  });
});

describe('shards', () => {
  it.each([
    ['1/1', { index: 1, count: 1 }],
    ['2/3', { index: 2, count: 3 }],
  ])('reads %s', (text, expected) => expect(parseShard(text)).toEqual(expected));

  it.each(['0/3', '4/3', '1/0', 'a/b', '1/1001', ''])('refuses %j', (text) =>
    expect(() => parseShard(text)).toThrow(/--shard: expected I\/N/),
  );

  it('hashes canonical JSON: key order does not matter, values do', async () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { f: 1, e: 0 }], c: 3 } })).toBe(
      '{"a":{"c":3,"d":[2,{"e":0,"f":1}]},"b":1}',
    );
    expect(await hashOf({ a: 1, b: 2 })).toBe(await hashOf({ b: 2, a: 1 }));
    expect(await hashOf({ a: 1 })).not.toBe(await hashOf({ a: 2 }));
  });

  const all = runsOf(1);
  const manifest = (index: number, count: number, shardJobs: number) => ({
    index,
    count,
    definitionHash: 'd'.repeat(64),
    planHash: 'f'.repeat(64),
    planJobs: all.length,
    shardJobs,
  });
  /** The runs split in `count` shards (every count-th run), each as a shard report that passed through JSON. */
  const shards = (count: number) =>
    Array.from({ length: count }, (_, i) => {
      const mine = all.filter((_, j) => j % count === i);
      const r: Report = { ...reportOf(mine), shard: manifest(i + 1, count, mine.length) };
      const parsed = parseReport(serializeReport(r));
      if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
      return parsed.report;
    });

  it('merges 3 shards into the unsharded report: the same runs, the same summary', () => {
    const parts = shards(3);
    const { report, notes } = mergeShards(parts, ['s1.json', 's2.json', 's3.json']);
    const whole = reportOf(all);
    expect(report.shard).toBeUndefined();
    expect(report.benchmarks[0].runs).toHaveLength(all.length);
    const key = (r: BenchmarkRun) => `${r.modelId}|${r.seed}|${r.repetition}`;
    expect(report.benchmarks[0].runs.map(key).sort()).toEqual(all.map(key).sort());
    expect(report.benchmarks[0].summary).toEqual(whole.benchmarks[0].summary);
    expect(notes).toEqual([]);
    expect(parseReport(serializeReport(report)).ok).toBe(true);
  });

  it.each([
    ['a missing shard', (p: Report[]) => [p[0], p[2]], /missing shard 2\/3/],
    ['a duplicate shard', (p: Report[]) => [p[0], p[1], p[1], p[2]], /shard 2\/3 again \(also f1\)/],
    [
      'another definition',
      (p: Report[]) => [p[0], { ...p[1], shard: { ...p[1].shard!, definitionHash: 'e'.repeat(64) } }, p[2]],
      /f1: another benchmark definition/,
    ],
    [
      'another solver',
      (p: Report[]) => [p[0], { ...p[1], solver: { name: 'HiGHS', version: '9' } }, p[2]],
      /f1: ran on HiGHS 9/,
    ],
    ['not a shard', (p: Report[]) => [p[0], { ...p[1], shard: undefined }, p[2]], /f1: not a shard report/],
  ])('refuses %s', (_name, pick, message) => {
    const parts = pick(shards(3));
    expect(() =>
      mergeShards(
        parts,
        parts.map((_, i) => `f${i}`),
      ),
    ).toThrow(message);
  });

  it('notes shards that ran in other environments', () => {
    const [a, b] = shards(2);
    const other = { ...b, environment: { ...b.environment, cpu: 'another CPU' } };
    expect(mergeShards([a, other], ['a', 'b']).notes[0]).toMatch(/ran in 2 different environments/);
  });
});
