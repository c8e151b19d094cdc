// Issue 20 figures (`npm run bench -- headless [--quick] [--only=speed,shards,memory,parallel]`): the command line
// against the browser and against itself, every Node side run as a user runs it (`node bin/highs-workbench.mjs`,
// a separate process each, the bundle already built).
//   node-vs-browser-solve: one benchmark (library LPs and MIPs, warm-up on, one worker) run in the app's page
//     (its runner, `__workbenchBench.runBenchmark`) and by `highs-workbench bench` in Node, alternating B N N B;
//     each job's Node solve time ÷ its browser solve time, paired by (model, option set, seed, repetition),
//     judged by the one decision rule in the page (estimate, 95 % interval, verdict): reported, expect about 1;
//   shards-merged-counters-identical / shards-merged-summary-equal: 3 shards (three processes) merged against
//     one unsharded run of the same configuration: every run's work counters identical, and every summary figure
//     that does not depend on wall time (solved, problems, counter means, per option set) equal: goal yes, yes;
//   memory-10000-vs-1000: the largest resident set (/usr/bin/time's %M) of `bench` running 10,000 tiny runs
//     (afiro, 5,000 seeds × 2 repetitions) ÷ running 1,000 of them: the runs stream to disk, so it stays
//     flat (goal about 1; the report written at the end holds every run, a few MB);
//   parallel-shards-wall-ratio: 2 shards started together, one worker each, until both reports are written ÷ one
//     unsharded run with one worker (wall, each process from its start to its report, start-up and warm-up
//     included; rounds A B B A; a benchmark of about 25 s): goal ≤ 0.6 on this 2-core machine.
// Wall times are printed, never asserted.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import {
  serveApp,
  launch,
  figure,
  appPage,
  poolOf,
  QUICK,
  part,
  median,
  judgeRounds,
  judgedFigures,
} from './browser.mjs';

const run = promisify(execFile);
const BIN = fileURLToPath(new URL('../bin/highs-workbench.mjs', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'hw-headless-bench-'));

/** Runs the binary; resolves to its wall time (ms), or rejects with what it printed. */
async function cli(args) {
  const t0 = performance.now();
  try {
    await run(process.execPath, [BIN, ...args], { maxBuffer: 64 * 2 ** 20, timeout: 1_800_000 });
  } catch (e) {
    throw new Error(`highs-workbench ${args.join(' ')} failed: ${e.stderr ?? e.message}`, { cause: e });
  }
  return performance.now() - t0;
}

const config = (name, definition) => {
  const path = join(dir, `${name}.benchmark.json`);
  writeFileSync(path, JSON.stringify({ format: 'highs-workbench/benchmark-config', version: 1, name, definition }));
  return path;
};
const reportOf = (path) => JSON.parse(readFileSync(path, 'utf8'));
const key = (r) => `${r.modelId}|${r.optionSetId}|${r.seed}|${r.repetition}`;

const SPEED = {
  name: 'node vs browser',
  templates: [
    {
      kind: 'library',
      id: 'library',
      name: 'Library models',
      files: ['afiro.mps', 'adlittle.mps', 'blending.mps', 'flugpl.mps', 'israel.mps', 'scrs8.mps'],
    },
  ],
  optionSets: [{ id: 'defaults', name: 'HiGHS defaults', options: {} }],
  referenceOptionSetId: 'defaults',
  config: { timeLimitMs: 60_000, seeds: QUICK ? [1, 2] : [1, 2, 3, 4], repetitions: 1, warmup: true },
  workers: 1,
};

const WORK = {
  name: 'shards',
  templates: [
    {
      kind: 'generator',
      id: 'knapsack',
      name: '0-1 knapsack',
      generator: 'knapsack',
      sizes: QUICK ? [30, 40] : [30, 40, 50, 60],
      instanceSeeds: [1, 2, 3],
      symmetryBreaking: false,
    },
    { kind: 'library', id: 'library', name: 'Library models', files: ['afiro.mps', 'adlittle.mps', 'israel.mps'] },
  ],
  optionSets: [
    { id: 'defaults', name: 'HiGHS defaults', options: {} },
    { id: 'off', name: 'presolve off', options: { presolve: 'off' } },
  ],
  referenceOptionSetId: 'defaults',
  config: { timeLimitMs: 60_000, seeds: [1, 2], repetitions: QUICK ? 1 : 2, warmup: true },
  workers: 1,
};

export default async function main() {
  const t0 = performance.now();
  await cli(['--help']); // the bundle, built once before anything is timed
  if (part('speed')) await speed();
  if (part('shards')) await shards();
  if (part('memory')) await memory();
  if (part('parallel')) await parallel();
  figure('wall-s', (performance.now() - t0) / 1000);
}

async function speed() {
  const app = await serveApp();
  const browser = await launch();
  try {
    const { page } = await appPage(browser, app.url);
    await poolOf(page, 1);
    const cfg = config('speed', SPEED);
    const browserRuns = [];
    const nodeRuns = [];
    const rounds = QUICK ? 1 : 2;
    for (let i = 0; i < rounds; i++)
      for (const side of ['browser', 'node', 'node', 'browser']) {
        if (side === 'browser')
          browserRuns.push((await page.evaluate((d) => globalThis.__workbenchBench.runBenchmark(d), SPEED)).runs);
        else {
          const out = join(dir, `speed-${i}-${nodeRuns.length}.json`);
          await cli(['bench', cfg, '--out', out, '--state', `${out}.state`]);
          nodeRuns.push(reportOf(out).benchmarks[0].runs);
        }
      }
    // Pair each job's Node run with a browser run of the same job, round by round.
    const ref = [];
    const cand = [];
    for (let k = 0; k < nodeRuns.length; k++) {
      const b = new Map(browserRuns[k].map((r) => [key(r), r.timeMs]));
      for (const r of nodeRuns[k])
        if (b.has(key(r)) && r.timeMs > 0 && b.get(key(r)) > 0) {
          ref.push(b.get(key(r)));
          cand.push(r.timeMs);
        }
    }
    const j = await judgeRounds(page, ref, cand);
    judgedFigures('node-vs-browser-solve', j);
    console.log(
      `  ${ref.length} paired solves; median browser ${median(ref).toFixed(2)} ms, Node ${median(cand).toFixed(2)} ms`,
    );
  } finally {
    await browser.close();
    await app.close();
  }
}

async function shards() {
  const cfg = config('shards', WORK);
  const whole = join(dir, 'whole.json');
  await cli(['bench', cfg, '--out', whole]);
  const parts = [1, 2, 3].map((i) => join(dir, `shard-${i}.json`));
  await Promise.all(parts.map((out, i) => cli(['bench', cfg, '--out', out, '--shard', `${i + 1}/3`])));
  const merged = join(dir, 'merged.json');
  await cli(['merge', ...parts, '--out', merged]);
  const a = reportOf(whole).benchmarks[0];
  const b = reportOf(merged).benchmarks[0];
  const counters = (runs) =>
    new Map(runs.map((r) => [key(r), JSON.stringify({ s: r.status, o: r.objective, c: r.counters })]));
  const ca = counters(a.runs);
  const cb = counters(b.runs);
  const same = ca.size === cb.size && [...ca].every(([k, v]) => cb.get(k) === v);
  figure('shards-merged-runs', `${b.runs.length} of ${a.runs.length}`);
  figure('shards-merged-counters-identical', same ? 'yes' : 'no');
  const noWall = (s) =>
    s.optionSets.map((o) => ({ id: o.optionSetId, solved: o.solved, problems: o.problems, counters: o.counters }));
  figure(
    'shards-merged-summary-equal',
    JSON.stringify(noWall(a.summary)) === JSON.stringify(noWall(b.summary)) ? 'yes' : 'no',
  );
}

/**
 * The benchmark of the wall-time ratio: medium library models (25fv47, stair, shell, e226, p0548, bell5, rgn,
 * lseu: 30–300 ms each), 14 seeds × 2 repetitions, about 45 s on one worker. Each process pays a fixed cost before its first
 * timed run (the pool's start and warm-up solve, every model's warm-up; generated models would add their
 * generation and exact optimum in every process), which the solves must outweigh.
 */
const LONG = {
  name: 'parallel',
  templates: [
    {
      kind: 'library',
      id: 'library',
      name: 'Library models',
      files: ['25fv47.mps', 'stair.mps', 'shell.mps', 'e226.mps', 'p0548.mps', 'bell5.mps', 'rgn.mps', 'lseu.mps'],
    },
  ],
  optionSets: [{ id: 'defaults', name: 'HiGHS defaults', options: {} }],
  referenceOptionSetId: 'defaults',
  config: {
    timeLimitMs: 60_000,
    seeds: QUICK ? [1, 2, 3] : Array.from({ length: 14 }, (_, i) => i + 1),
    repetitions: 2,
    warmup: true,
  },
  workers: 1,
};

/** The largest resident set of one `bench` run of `runs` afiro solves, KiB (GNU time's %M). */
async function peakKib(runs) {
  const def = {
    name: `memory ${runs}`,
    templates: [{ kind: 'library', id: 'library', name: 'Library models', files: ['afiro.mps'] }],
    optionSets: [{ id: 'defaults', name: 'HiGHS defaults', options: {} }],
    referenceOptionSetId: 'defaults',
    config: {
      timeLimitMs: 10_000,
      seeds: Array.from({ length: runs / 2 }, (_, i) => i + 1),
      repetitions: 2,
      warmup: true,
    },
    workers: 1,
  };
  const cfg = config(`memory-${runs}`, def);
  const out = join(dir, `memory-${runs}.json`);
  const { stderr } = await run(
    '/usr/bin/time',
    ['-f', 'peak-kib %M', process.execPath, BIN, 'bench', cfg, '--out', out],
    {
      maxBuffer: 64 * 2 ** 20,
      timeout: 1_800_000,
    },
  );
  const runsInReport = reportOf(out).benchmarks[0].runs.length;
  if (runsInReport !== runs) throw new Error(`memory: ${runsInReport} runs in the report, ${runs} planned`);
  return Number(/peak-kib (\d+)/.exec(stderr)[1]);
}

async function memory() {
  const small = await peakKib(1000);
  const large = await peakKib(QUICK ? 4000 : 10_000);
  figure('memory-1000-peak-mib', small / 1024);
  figure(`memory-${QUICK ? 4000 : 10_000}-peak-mib`, large / 1024);
  figure(`memory-${QUICK ? 4000 : 10_000}-vs-1000`, large / small);
}

async function parallel() {
  const cfg = config('parallel', LONG);
  const one = [];
  const two = [];
  const rounds = QUICK ? 1 : 2;
  for (let i = 0; i < rounds; i++)
    for (const arm of ['one', 'two', 'two', 'one']) {
      const tag = `${arm}-${i}-${one.length + two.length}`;
      if (arm === 'one') one.push(await cli(['bench', cfg, '--out', join(dir, `${tag}.json`), '--workers', '1']));
      else {
        const t0 = performance.now();
        await Promise.all(
          [1, 2].map((s) =>
            cli(['bench', cfg, '--out', join(dir, `${tag}-${s}.json`), '--shard', `${s}/2`, '--workers', '1']),
          ),
        );
        two.push(performance.now() - t0);
      }
    }
  const ratios = two.map((t, i) => t / one[i]);
  figure('unsharded-wall-s', median(one) / 1000);
  figure('two-shards-wall-s', median(two) / 1000);
  figure('parallel-shards-wall-ratio', median(ratios));
  figure('parallel-shards-wall-ratio-range', `${Math.min(...ratios).toFixed(3)}–${Math.max(...ratios).toFixed(3)}`);
}
