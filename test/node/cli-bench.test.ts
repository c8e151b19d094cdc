// `highs-workbench bench` in this process with real HiGHS on worker threads: a report of every planned run
// (Node's environment recorded), three shards merged equal to one unsharded run on work counters, a stop that
// keeps what finished and a --resume that runs only the rest, and configuration errors named by file and field.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { serializeBenchmarkConfigFile } from '../../src/core/benchmark-config-file';
import type { BenchmarkDefinition, BenchmarkRun, OptionSetSummary } from '../../src/core/benchmark';
import { readReportFile, runCli } from './cli-harness';

const dir = mkdtempSync(join(tmpdir(), 'hw-bench-'));
const DEF: BenchmarkDefinition = {
  name: 'tiny',
  templates: [
    {
      kind: 'generator',
      id: 'knapsack',
      name: 'Knapsack',
      generator: 'knapsack',
      sizes: [10, 15],
      instanceSeeds: [1, 2],
      symmetryBreaking: false,
    },
    { kind: 'library', id: 'library', name: 'Library', files: ['afiro.mps'] },
  ],
  optionSets: [
    { id: 'defaults', name: 'defaults', options: {} },
    { id: 'off', name: 'presolve off', options: { presolve: 'off' } },
  ],
  referenceOptionSetId: 'defaults',
  config: { timeLimitMs: 20_000, seeds: [1, 2], repetitions: 1, warmup: false },
  workers: 1,
};
const PLANNED = 5 * 2 * 2; // models × option sets × seeds
const config = (name: string, def: BenchmarkDefinition | string = DEF) => {
  const path = join(dir, name);
  writeFileSync(path, typeof def === 'string' ? def : serializeBenchmarkConfigFile('tiny', def));
  return path;
};

const cli = (args: string[], signal?: AbortSignal) => runCli(args, { cwd: dir, signal });
const report = readReportFile;
const key = (r: BenchmarkRun) => `${r.modelId}|${r.optionSetId}|${r.seed}|${r.repetition}`;
const counters = (r: BenchmarkRun) => `${key(r)}=${JSON.stringify(r.counters)}`;

describe('highs-workbench bench', () => {
  const cfg = config('tiny.benchmark.json');
  const whole = join(dir, 'whole.json');

  it('runs every planned job and writes a report that records Node, its OS and CPU', async () => {
    const r = await cli(['bench', cfg, '--out', whole, '--workers', '2']);
    expect(r.err).not.toMatch(/error/i);
    expect(r.code).toBe(0);
    const rep = report(whole);
    expect(rep.benchmarks[0].runs).toHaveLength(PLANNED);
    expect(rep.benchmarks[0].runs.every((x) => x.status === 'optimal')).toBe(true);
    expect(rep.environment).toMatchObject({ runtime: 'node', node: process.version });
    expect(rep.environment.cpu).toBeTruthy();
    expect(rep.shard).toBeUndefined();
    // Not a terminal: progress is JSON lines.
    const lines = r.err
      .trim()
      .split('\n')
      .filter((l) => l.startsWith('{'));
    expect(lines.length).toBeGreaterThan(1);
    expect(JSON.parse(lines.at(-1)!)).toMatchObject({
      command: 'bench',
      state: 'finished',
      done: PLANNED,
      total: PLANNED,
    });
  });

  it('3 shards merged: the same runs and work counters as the unsharded run, and the same summary counters', async () => {
    const parts = [1, 2, 3].map((i) => join(dir, `shard-${i}.json`));
    for (const [i, out] of parts.entries())
      expect((await cli(['bench', cfg, '--out', out, '--shard', `${i + 1}/3`])).code).toBe(0);
    const manifests = parts.map((p) => report(p).shard!);
    expect(new Set(manifests.map((m) => m.planHash)).size).toBe(1);
    expect(new Set(manifests.map((m) => m.definitionHash)).size).toBe(1);
    expect(manifests.reduce((a, m) => a + m.shardJobs, 0)).toBe(PLANNED);
    const merged = join(dir, 'merged.json');
    const m = await cli(['merge', ...parts, '--out', merged]);
    expect(m.err).toBe('');
    expect(m.code).toBe(0);
    const a = report(whole).benchmarks[0];
    const b = report(merged).benchmarks[0];
    expect(b.runs.map(counters).sort()).toEqual(a.runs.map(counters).sort());
    // The summary as the report carries it (core's, counters included): equal where wall time does not enter.
    const sets = (r: typeof a) => r.summary.optionSets as OptionSetSummary[];
    for (const [i, s] of sets(a).entries()) {
      expect(sets(b)[i].counters).toEqual(s.counters);
      expect([sets(b)[i].solved, sets(b)[i].problems]).toEqual([s.solved, s.problems]);
    }
    expect((await cli(['check', merged, '--baseline', whole])).code).toBe(0);
  });

  it('a stop keeps what finished; --resume runs only what is missing', async () => {
    const out = join(dir, 'stopped.json');
    const stop = new AbortController();
    const first = cli(['bench', cfg, '--out', out], stop.signal);
    // Stop once the state directory holds some runs (they are written in batches as they finish).
    await new Promise((r) => setTimeout(r, 1500));
    stop.abort();
    const r = await first;
    expect(r.code).toBe(130);
    expect(r.err).toMatch(/stopped: \d+ runs kept in .*stopped\.json\.state; run again with --resume/);
    const kept = Number(/stopped: (\d+) runs kept/.exec(r.err)![1]);
    const again = await cli(['bench', cfg, '--out', out, '--resume']);
    expect(again.code).toBe(0);
    const runs = report(out).benchmarks[0].runs;
    expect(runs).toHaveLength(PLANNED);
    expect(new Set(runs.map(key)).size).toBe(PLANNED);
    const progress = again.err
      .trim()
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l));
    // The resumed session started from the kept runs.
    expect(progress.find((p) => p.state === 'running')?.done ?? kept).toBeGreaterThanOrEqual(kept);
  });

  it('reads files named in the configuration relative to it, and refuses one whose bytes are not what it says', async () => {
    const lp = 'Minimize\n obj: x + y\nSubject To\n c1: x + y >= 2\nEnd\n';
    writeFileSync(join(dir, 'mine.lp'), lp);
    const withFiles: BenchmarkDefinition = {
      ...DEF,
      templates: [{ kind: 'files', id: 'mine', name: 'Mine', modelIds: [] }],
    };
    const text = JSON.parse(serializeBenchmarkConfigFile('files', withFiles));
    text.definition.templates[0].paths = ['mine.lp'];
    const ok = config('files.benchmark.json', JSON.stringify(text));
    const out = join(dir, 'files.json');
    expect((await cli(['bench', ok, '--out', out])).code).toBe(0);
    expect(report(out).benchmarks[0].models.map((m) => m.name)).toEqual(['mine.lp']);
    text.definition.templates[0].modelIds = ['f'.repeat(64)];
    const wrong = await cli([
      'bench',
      config('wrong.benchmark.json', JSON.stringify(text)),
      '--out',
      join(dir, 'w.json'),
    ]);
    expect(wrong.code).toBe(3);
    expect(wrong.err).toMatch(
      /wrong\.benchmark\.json: definition\.templates\[0\]\.paths\[0\] \(mine\.lp\): its bytes hash to/,
    );
  });

  it.each([
    [
      '{"format": "nope"}',
      /bad\.json: not a valid benchmark configuration:\n {2}format: expected "highs-workbench\/benchmark-config"/,
    ],
    [
      serializeBenchmarkConfigFile('x', { ...DEF, config: { ...DEF.config, seeds: [] } }),
      /bad\.json: not a valid benchmark configuration:\n {2}definition\.config\.seeds: /,
    ],
  ])('refuses a bad configuration with exit 3: %#', async (text, message) => {
    const r = await cli(['bench', config('bad.json', text), '--out', join(dir, 'bad-out.json')]);
    expect(r.code).toBe(3);
    expect(r.err).toMatch(message);
  });

  it.each([
    [['--shard', '4/3'], /--shard: expected I\/N/],
    [['--workers', '0'], /--workers: a whole number from 1 to 64/],
  ])('refuses %j with exit 3', async (extra, message) => {
    const r = await cli(['bench', cfg, '--out', join(dir, 'x.json'), ...extra]);
    expect(r.code).toBe(3);
    expect(r.err).toMatch(message);
  });
});
