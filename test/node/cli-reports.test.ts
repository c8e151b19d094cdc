// The command line's report commands end to end in this process (main() with files in a temporary directory):
// `check` exit codes on planted reports (a slower set on another solver version, a changed objective, bad
// files) with its Markdown, job summary and Bencher output; `merge` of shard reports; `compare` across
// environments; and what the parser refuses. The bundled binary itself runs in cli-binary.test.ts.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { serializeReport, type Report } from '../../src/core/report';
import { runCli } from './cli-harness';
import { reportOf, runsOf } from '../core/headless/fixtures';

const dir = mkdtempSync(join(tmpdir(), 'hw-cli-'));
const file = (name: string, report: Report | string) => {
  const path = join(dir, name);
  writeFileSync(path, typeof report === 'string' ? report : serializeReport(report));
  return path;
};

const cli = (args: string[], env: Record<string, string> = {}) => runCli(args, { cwd: dir, env });

const base = file('base.json', reportOf(runsOf(1)));

describe('highs-workbench check', () => {
  it.each([
    ['the same runs', reportOf(runsOf(1)), 0, /^t \(blessed against blessed\): unchanged/m],
    [
      '1.5× slower on another solver version',
      reportOf(runsOf(1.5), '1.16.0'),
      1,
      /^t \(blessed against blessed\): regressed; time ×1\.5/m,
    ],
    ['a changed objective', reportOf(runsOf(1, { objective: 2 })), 2, /: wrong/],
  ])('%s → exit %i', async (name, report, code, line) => {
    const r = await cli(['check', file(`${code}.json`, report), '--baseline', base]);
    expect(r.err).toBe('');
    expect(r.code).toBe(code);
    expect(r.out).toMatch(line);
  });

  it('writes the Markdown, appends it to $GITHUB_STEP_SUMMARY, and writes Bencher metrics', async () => {
    const summary = file('summary.md', 'earlier step\n');
    const md = join(dir, 'check.md');
    const bmf = join(dir, 'check.bmf.json');
    const r = await cli(
      ['check', file('slow.json', reportOf(runsOf(1.5), '1.16.0')), '--baseline', base, '--markdown', md, '--bmf', bmf],
      {
        GITHUB_STEP_SUMMARY: summary,
      },
    );
    expect(r.code).toBe(1);
    const text = readFileSync(md, 'utf8');
    expect(text).toMatch(/^## HiGHS Workbench regression check: 🔴 regressed/);
    expect(readFileSync(summary, 'utf8')).toBe(`earlier step\n${text}`);
    expect(JSON.parse(readFileSync(bmf, 'utf8')).t['time-ratio'].value).toBeGreaterThan(1.4);
  });

  it.each([
    [['check'], /check: give one REPORT/],
    [['check', 'x.json'], /--baseline FILE is required/],
    [
      ['check', join(dir, 'missing.json'), '--baseline', join(dir, 'base.json')],
      /missing\.json: cannot read the report \(ENOENT\)/,
    ],
    [['check', 'NOT', '--baseline', 'x', '--bogus'], /Unknown option '--bogus'/],
    [
      ['check', join(dir, 'base.json'), '--baseline', join(dir, 'base.json'), '--threshold', 'ten'],
      /--threshold: expected a number, got "ten"/,
    ],
    [
      ['check', join(dir, 'base.json'), '--baseline', join(dir, 'base.json'), '--template', 'nope'],
      /base\.json: no benchmark of the report has template "nope" \(it has t\)/,
    ],
  ])('refuses %j with exit 3, naming what is wrong', async (args, message) => {
    const r = await cli(args as string[]);
    expect(r.code).toBe(3);
    expect(r.err).toMatch(message);
  });

  it('refuses a report with a bad field, naming the file and the field', async () => {
    const bad = JSON.parse(serializeReport(reportOf(runsOf(1))));
    bad.benchmarks[0].runs[3].timeMs = 'fast';
    const r = await cli(['check', file('bad.json', JSON.stringify(bad)), '--baseline', base]);
    expect(r.code).toBe(3);
    expect(r.err).toMatch(/bad\.json: not a valid report:\n {2}benchmarks\[0\]\.runs\[3\]\.timeMs: /);
    const notJson = await cli(['check', base, '--baseline', file('garbage.json', '{"schema": "other"}')]);
    expect(notJson.code).toBe(3);
    expect(notJson.err).toMatch(/garbage\.json: neither a report nor a backup of HiGHS Workbench/);
  });
});

describe('highs-workbench merge and compare', () => {
  it('merges shard reports into one that checks like the whole, and refuses a missing shard', async () => {
    const all = runsOf(1);
    const shard = (i: number, n: number) => {
      const mine = all.filter((_, j) => j % n === i - 1);
      return file(`shard-${i}.json`, {
        ...reportOf(mine),
        shard: {
          index: i,
          count: n,
          definitionHash: 'd'.repeat(64),
          planHash: 'e'.repeat(64),
          planJobs: all.length,
          shardJobs: mine.length,
        },
      });
    };
    const shards = [shard(1, 3), shard(2, 3), shard(3, 3)];
    const out = join(dir, 'merged.json');
    const r = await cli(['merge', ...shards, '--out', out]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(new RegExp(`merged 3 shards: ${all.length} runs of "nightly"`));
    expect((await cli(['check', out, '--baseline', base])).code).toBe(0);
    const missing = await cli(['merge', shards[0], shards[2], '--out', join(dir, 'm2.json')]);
    expect(missing.code).toBe(3);
    expect(missing.err).toMatch(/missing shard 2\/3/);
  });

  it('compares two reports as #/reports does, flagging different environments', async () => {
    const b = file('b.json', {
      ...reportOf(runsOf(1.5)),
      environment: { userAgent: 'Chrome/140', hardwareConcurrency: 8, crossOriginIsolated: true },
    });
    const md = join(dir, 'compare.md');
    const r = await cli(['compare', base, b, '--markdown', md]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^## nightly \(B\) against nightly \(A\)/);
    expect(r.out).toMatch(/A and B ran in different environments/);
    expect(readFileSync(md, 'utf8')).toBe(r.out);
  });

  it('prints usage: the command list, and each command’s options', async () => {
    const all = await cli(['--help']);
    expect(all.code).toBe(0);
    expect(all.out).toMatch(/^ {2}check {4}/m);
    const one = await cli(['merge', '--help']);
    expect(one.out).toMatch(/^highs-workbench merge SHARD\.\.\. --out REPORT/);
    expect((await cli([])).code).toBe(3);
  });
});
