// `highs-workbench tune` in this process with real HiGHS on worker threads: the tuner of #/tune to a result
// report (the tuning run inside, as #/reports imports it), a stop that keeps the run and a --resume that goes on
// from it, and configuration errors named by file and field.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readReportFile, runCli } from './cli-harness';

const dir = mkdtempSync(join(tmpdir(), 'hw-tune-'));
const CONFIG = JSON.parse(readFileSync(new URL('../../bench/ci/tuner.json', import.meta.url), 'utf8'));
const config = (name: string, value: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, typeof value === 'string' ? value : JSON.stringify(value));
  return path;
};

const cli = (args: string[], signal?: AbortSignal) => runCli(args, { cwd: dir, signal });
const tuning = (path: string) => readReportFile(path).tuning![0];

describe('highs-workbench tune', () => {
  it('tunes to a result report that carries the finished tuning run, and prints the recommendation', async () => {
    const out = join(dir, 'result.json');
    const r = await cli(['tune', config('t.json', CONFIG), '--out', out, '--workers', '2']);
    expect(r.err).not.toMatch(/failed/);
    expect(r.code).toBe(0);
    const run = tuning(out);
    expect(run.state).toBe('finished');
    expect(run.result).not.toBeNull();
    expect(r.out).toMatch(run.result!.recommendation.kind === 'change' ? /^recommended: / : /^no change recommended/);
    expect(r.out).toMatch(/^ {2}1 changed: /m);
  });

  it('a stop keeps the run; --resume goes on from its runs to the end', async () => {
    const out = join(dir, 'stopped.json');
    const cfg = config('stop.json', {
      ...CONFIG,
      settings: { ...CONFIG.settings, budget: { runs: 400, timeMs: null }, space: {} },
    });
    const stop = new AbortController();
    const first = cli(['tune', cfg, '--out', out], stop.signal);
    await new Promise((r) => setTimeout(r, 2500));
    stop.abort();
    const r = await first;
    expect(r.code).toBe(130);
    const kept = Number(/stopped: (\d+) race runs kept/.exec(r.err)![1]);
    expect(kept).toBeGreaterThan(0);
    const again = await cli(['tune', cfg, '--out', out, '--resume', '--workers', '2']);
    expect(again.code).toBe(0);
    const run = tuning(out);
    expect(run.state).toBe('finished');
    expect(run.race.runs).toBeGreaterThanOrEqual(kept);
  }, 120_000);

  it.each([
    [
      { ...CONFIG, format: 'x' },
      /c\.json: not a valid tuner configuration:\n {2}format: expected "highs-workbench\/tuner-config"/,
    ],
    [{ ...CONFIG, settings: { ...CONFIG.settings, seeds: [] } }, /settings\.seeds: at least one random_seed/],
    [
      { ...CONFIG, settings: { ...CONFIG.settings, budget: { runs: 'many', timeMs: null } } },
      /settings\.budget\.runs: /,
    ],
    [
      { ...CONFIG, settings: { ...CONFIG.settings, space: { only: ['presolv'] } } },
      /c\.json: InvalidSettings: space: presolv: no such HiGHS option \(the closest is 'presolve'\)/,
    ],
  ])('refuses a bad configuration with exit 3: %#', async (value, message) => {
    const r = await cli(['tune', config('c.json', value), '--out', join(dir, 'bad.json')]);
    expect(r.code).toBe(3);
    expect(r.err).toMatch(message);
  });
});
