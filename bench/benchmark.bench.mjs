// Issue 7 figures (`npm run bench -- benchmark [--quick]`), measured in one Chromium run against the
// built app (`?bench` exposes src/app/bench-hooks.ts as __workbenchBench) and a bare highs page:
//   rerun-counter-drift: the same benchmark twice through the app (BenchmarkRunner), largest relative
//     change |b − a| / max(a, b) of any run's work counter (goal 0);
//   rerun-time-sgm-ratio: second ÷ first shifted geometric mean of all runs' times (noise, reported);
//   benchmark-overhead: wall of a benchmark through the app ÷ the same jobs through the pool alone,
//     2 workers, both warm, 12 rounds interleaved A B B A; the paired ratio with its 95 % interval and verdict
//     by core's one decision rule, judged in the page (goal ≤ 1.05);
//   benchmark-run-cost-<model>: a benchmark run's solve time ÷ a bare highs run() of the same model
//     (same random_seed and time_limit) in a warm plain worker, one worker each, arms interleaved in
//     rounds (the paired ratio of the rounds' medians with its 95 % interval and verdict, by core's one rule)
//     (goal ≤ 1.03); beside it the same jobs
//     through the pool with the simplex interrupt callback off, to show what that callback costs;
//   benchmark-longtasks-500-tiny: main-thread tasks over 50 ms while a 500-run benchmark of tiny
//     generated models streams in through the runner (no view mounted) (goal 0); longtasks-idle-control:
//     the same page idle for as long, to show what a loaded machine causes by itself;
//   benchmark-view-longtasks-500-tiny: the same benchmark built in the #/benchmark editor and started
//     with its button: long tasks from the click until the summary and the charts are drawn (goal 0);
//   summary-10000-ms / summary-10000-longtasks: a synthetic 10,000-run benchmark summarised (1,000
//     bootstrap resamples) through the summary worker, from the page (median of warm calls, input and
//     output cloning included), and the page's long tasks during those calls (all of them counted);
//   report-10000-export-ms / -import-ms / -mib / -longtasks: serializeReport and parseReport of that
//     benchmark through the summary worker, as the app does them, and the page's long tasks meanwhile;
//     -main-thread-ms: the same on the page's main thread, for comparison.
// Wall times are reported, never asserted. `--quick` runs fewer rounds (a smoke run); `--only=…` some parts.
import {
  serveApp,
  serveBare,
  launch,
  median,
  figure,
  appPage,
  poolOf,
  runApp,
  startLongTasks,
  stopLongTasks,
  QUICK,
  part,
  judgeRounds,
  verdictWord,
} from './browser.mjs';
import { SETS, syntheticBenchmark } from './synthetic.mjs';

const COST_ROUNDS = Number(process.env.COST_ROUNDS ?? (QUICK ? 3 : 30));
const COST_REPS = 2; // runs of each arm per round
const OVERHEAD_ROUNDS = Number(process.env.OVERHEAD_ROUNDS ?? (QUICK ? 2 : 12));
const TINY_RUNS = QUICK ? 200 : 500;
const SUMMARY_REPEATS = QUICK ? 3 : 5;
const COST_MODELS = ['25fv47.mps', 'lseu.mps', 'rgn.mps']; // an LP (~120 ms) and two MIPs (~300 and ~190 ms)

/**
 * The benchmark of the rerun and overhead figures: LPs and MIPs of the library plus generated knapsacks,
 * 2 option sets × `seeds` × `repetitions`.
 */
function mixedDefinition(warmup, seeds = [1, 2], repetitions = 1) {
  const files = QUICK
    ? ['afiro.mps', 'adlittle.mps', 'flugpl.mps', 'egout.mps']
    : [
        'afiro.mps',
        'adlittle.mps',
        'israel.mps',
        'scrs8.mps',
        'stair.mps',
        'flugpl.mps',
        'egout.mps',
        'gt2.mps',
        'p0548.mps',
      ];
  return {
    name: 'bench mixed',
    templates: [
      { kind: 'library', id: 'library', name: 'Library models', files },
      {
        kind: 'generator',
        id: 'knapsack',
        name: '0-1 knapsack',
        generator: 'knapsack',
        sizes: QUICK ? [10, 20] : [10, 20, 30],
        instanceSeeds: [1],
        symmetryBreaking: false,
      },
    ],
    optionSets: SETS,
    referenceOptionSetId: 'defaults',
    config: { timeLimitMs: 60_000, seeds, repetitions, warmup },
    workers: 2,
  };
}

/** A benchmark of one library model, one option set, one seed: the app arm of the run-cost figure. */
function singleModelDefinition(file, repetitions) {
  return {
    name: `bench cost ${file}`,
    templates: [{ kind: 'library', id: 'library', name: 'Library models', files: [file] }],
    optionSets: [SETS[0]],
    referenceOptionSetId: 'defaults',
    config: { timeLimitMs: 60_000, seeds: [1], repetitions, warmup: false },
    workers: 1,
  };
}

/** Tiny generated knapsacks: 5 sizes × instances × 2 option sets × 5 seeds × 2 repetitions = `runs` runs. */
function tinyDefinition(runs) {
  const instances = Math.max(1, Math.round(runs / (5 * 2 * 5 * 2)));
  return {
    name: 'bench tiny',
    templates: [
      {
        kind: 'generator',
        id: 'knapsack',
        name: '0-1 knapsack',
        generator: 'knapsack',
        sizes: [5, 6, 7, 8, 9],
        instanceSeeds: Array.from({ length: instances }, (_, i) => i + 1),
        symmetryBreaking: false,
      },
    ],
    optionSets: SETS,
    referenceOptionSetId: 'defaults',
    config: { timeLimitMs: 60_000, seeds: [1, 2, 3, 4, 5], repetitions: 2, warmup: true },
    workers: 2,
  };
}

const runKey = (r) => `${r.modelId}|${r.optionSetId}|${r.seed}|${r.repetition}`;

/** exp(mean(ln(t + s))) − s. */
function sgm(times, shift) {
  return Math.exp(times.reduce((a, t) => a + Math.log(t + shift), 0) / times.length) - shift;
}

/**
 * Rounds of two arms (a: the workbench, b: the baseline; each round's median of its repetitions) judged by core's
 * one decision rule in the page (judgeRounds: the paired Hodges–Lehmann ratio a ÷ b with its signed-rank 95 %
 * interval, and decideTime's verdict), with the per-round ratios' range.
 */
async function ratioWithInterval(page, rounds) {
  const perRound = rounds.map((r) => median(r.a) / median(r.b));
  const j = await judgeRounds(
    page,
    rounds.map((r) => median(r.b)),
    rounds.map((r) => median(r.a)),
  );
  return {
    ratio: j.ratio,
    low: j.ci ? j.ci[0] : NaN,
    high: j.ci ? j.ci[1] : NaN,
    verdict: verdictWord(j.decision),
    min: Math.min(...perRound),
    max: Math.max(...perRound),
  };
}

const ci = ({ low, high }) =>
  Number.isNaN(low) ? 'none (fewer than 6 rounds)' : `[${low.toFixed(3)}, ${high.toFixed(3)}]`;
const spread = ({ min, max }) => `per-round ratios ${min.toFixed(3)}–${max.toFixed(3)}`;

const runPool = (page, def, extra) =>
  page.evaluate(([d, x]) => globalThis.__workbenchBench.runJobsOnPool(d, x), [def, extra ?? {}]);

async function rerunFigures(page) {
  const def = mixedDefinition(true);
  const first = await runApp(page, def);
  const second = await runApp(page, def);
  const byKey = new Map(first.runs.map((r) => [runKey(r), r]));
  let drift = 0;
  let compared = 0;
  let worst = '';
  for (const r of second.runs) {
    const a = byKey.get(runKey(r));
    if (!a) throw new Error(`run ${runKey(r)} is missing from the first benchmark`);
    for (const [name, vb] of Object.entries(r.counters)) {
      const va = a.counters[name];
      compared++;
      const d = va === vb ? 0 : Math.abs(vb - va) / Math.max(Math.abs(va), Math.abs(vb));
      if (d > drift) [drift, worst] = [d, `${runKey(r)} ${name} ${va} → ${vb}`];
    }
  }
  const failures = [...first.runs, ...second.runs].filter((r) => r.error !== null || r.verdict === 'wrong').length;
  const { summary: s1 } = await page.evaluate((b) => globalThis.__workbenchBench.summarize(b), first);
  const { summary: s2 } = await page.evaluate((b) => globalThis.__workbenchBench.summarize(b), second);
  const shift = s1.shiftMs;
  console.log(
    `  rerun: ${first.runs.length} runs twice (${first.models.length} models × 2 option sets × 2 seeds), ${compared} counters compared, ${failures} failed or wrong runs; wall ${first.wallMs.toFixed(0)} / ${second.wallMs.toFixed(0)} ms`,
  );
  for (let i = 0; i < s1.optionSets.length; i++)
    console.log(
      `  rerun: ${s1.optionSets[i].optionSetId} SGM ${s1.optionSets[i].sgmTimeMs.toFixed(2)} → ${s2.optionSets[i].sgmTimeMs.toFixed(2)} ms (shift ${shift} ms), speedup ${s1.optionSets[i].speedup?.ratio.toFixed(3) ?? '—'} → ${s2.optionSets[i].speedup?.ratio.toFixed(3) ?? '—'}`,
    );
  if (worst) console.log(`  rerun: largest counter change ${worst}`);
  figure('rerun-counter-drift', drift);
  figure(
    'rerun-time-sgm-ratio',
    sgm(
      second.runs.map((r) => r.timeMs),
      shift,
    ) /
      sgm(
        first.runs.map((r) => r.timeMs),
        shift,
      ),
  );
}

async function overheadFigure(page) {
  // Long enough (144 jobs, a few seconds) that the runner's fixed costs per benchmark count as they would.
  const def = QUICK ? mixedDefinition(false) : mixedDefinition(false, [1, 2, 3], 2);
  await runPool(page, def); // both workers see the models (warm)
  const app = [];
  const pool = [];
  for (let r = 0; r < OVERHEAD_ROUNDS; r++) {
    // A B B A: neither side always goes first.
    const order = r % 2 === 0 ? ['app', 'pool'] : ['pool', 'app'];
    for (const side of order) {
      if (side === 'app') app.push((await runApp(page, def)).wallMs);
      else pool.push((await runPool(page, def)).wallMs);
    }
  }
  const paired = await ratioWithInterval(
    page,
    app.map((a, i) => ({ a: [a], b: [pool[i]] })),
  );
  console.log(
    `  overhead: ${OVERHEAD_ROUNDS} rounds; app ${app.map((x) => x.toFixed(0)).join(', ')} ms; pool alone ${pool.map((x) => x.toFixed(0)).join(', ')} ms; ${spread(paired)}`,
  );
  figure('benchmark-overhead', paired.ratio);
  figure('benchmark-overhead-ci95', ci(paired));
  figure('benchmark-overhead-verdict', paired.verdict);
}

async function runCostFigures(page, bpage) {
  await poolOf(page, 1);
  const bareOptions = { random_seed: 1, time_limit: 60 };
  const bareSolve = (file) =>
    bpage.evaluate(([f, o]) => window.bare({ file: f, format: 'mps', options: o }), [file, bareOptions]);
  // The bare worker's warm-up, like the app's (its workers solve for 1.5 s before their first job):
  // V8 tiers WASM up as it runs, so a worker that solved a model twice is not yet warm.
  const tWarm = performance.now();
  while (performance.now() - tWarm < 3000) for (const file of COST_MODELS) await bareSolve(file);
  for (const file of COST_MODELS) {
    const def = singleModelDefinition(file, COST_REPS);
    if (def.config.timeLimitMs / 1000 !== bareOptions.time_limit) throw new Error('the two arms must share time_limit');
    const bare = async () => {
      const out = [];
      for (let k = 0; k < COST_REPS; k++) out.push(await bareSolve(file));
      return out;
    };
    // Warm both sides on this model (untimed).
    for (let k = 0; k < 2; k++) {
      await runApp(page, def);
      await bare();
    }
    const rounds = [];
    const noSimplex = [];
    const checks = new Set();
    for (let r = 0; r < COST_ROUNDS; r++) {
      let a;
      let b;
      let c;
      const arms = {
        app: async () => (a = (await runApp(page, def)).runs),
        bare: async () => (b = await bare()),
        never: async () => (c = (await runPool(page, def, { simplexInterrupt: 'never' })).runs),
      };
      const order = r % 2 === 0 ? ['app', 'bare', 'never'] : ['never', 'bare', 'app'];
      for (const arm of order) await arms[arm]();
      rounds.push({ a: a.map((x) => x.timeMs), b: b.map((x) => x.wallMs) });
      noSimplex.push({ a: c.map((x) => x.timeMs), b: b.map((x) => x.wallMs) });
      for (const x of a) checks.add(`${x.status}/${x.verdict}/${x.objective}`);
      for (const x of b) checks.add(`bare/${x.objective}`);
    }
    const name = file.replace('.mps', '');
    const cost = await ratioWithInterval(page, rounds);
    const never = await ratioWithInterval(page, noSimplex);
    console.log(
      `  run cost ${file}: app median ${median(rounds.flatMap((x) => x.a)).toFixed(1)} ms, bare median ${median(rounds.flatMap((x) => x.b)).toFixed(1)} ms, pool without simplex interrupt ${median(noSimplex.flatMap((x) => x.a)).toFixed(1)} ms; ${COST_ROUNDS} rounds × ${COST_REPS}; outcomes ${[...checks].join(' ')}`,
    );
    console.log(
      `  run cost ${file}: min/max app ${Math.min(...rounds.flatMap((x) => x.a)).toFixed(1)}/${Math.max(...rounds.flatMap((x) => x.a)).toFixed(1)} ms, bare ${Math.min(...rounds.flatMap((x) => x.b)).toFixed(1)}/${Math.max(...rounds.flatMap((x) => x.b)).toFixed(1)} ms`,
    );
    console.log(`  run cost ${file}: ${spread(cost)}; without simplex interrupt ${spread(never)}`);
    figure(`benchmark-run-cost-${name}`, cost.ratio);
    figure(`benchmark-run-cost-${name}-ci95`, ci(cost));
    figure(`benchmark-run-cost-${name}-verdict`, cost.verdict);
    figure(`benchmark-run-cost-${name}-no-simplex-interrupt`, never.ratio);
    figure(`benchmark-run-cost-${name}-no-simplex-interrupt-ci95`, ci(never));
  }
}

async function longTaskFigures(page) {
  await poolOf(page, 2);
  const def = tinyDefinition(TINY_RUNS);
  await startLongTasks(page);
  // Only counts come back, so Playwright's serialisation of the result is not in the window.
  const tiny = await page.evaluate(async (d) => {
    const o = await globalThis.__workbenchBench.runBenchmark(d);
    return { state: o.state, error: o.error, runs: o.runs.length, models: o.models.length, wallMs: o.wallMs };
  }, def);
  const during = await stopLongTasks(page);
  if (tiny.state !== 'finished') throw new Error(`the tiny benchmark ended ${tiny.state}: ${tiny.error}`);
  // The control: the same page, idle for as long (long tasks that a loaded machine causes by itself).
  await startLongTasks(page);
  await page.waitForTimeout(tiny.wallMs);
  const idle = await stopLongTasks(page);
  console.log(
    `  tiny: ${tiny.runs} runs of ${tiny.models} models in ${tiny.wallMs.toFixed(0)} ms; long tasks ${during.map((d) => d.toFixed(0)).join(', ') || 'none'}; idle page for as long: ${idle.map((d) => d.toFixed(0)).join(', ') || 'none'}`,
  );
  figure(`benchmark-longtasks-${tiny.runs}-tiny`, during.length);
  figure('longtasks-idle-control', idle.length);

  const data = syntheticBenchmark(10_000);
  await page.evaluate((d) => (globalThis.__synthetic = d), data);
  // The worker starts on the first summary: start it outside the timed calls, then time warm ones.
  const cold = await page.evaluate(async () => ({
    ms: (await globalThis.__workbenchBench.summarize(globalThis.__synthetic)).ms,
  }));
  await page.waitForTimeout(1000); // let the page settle after receiving the synthetic data
  const times = [];
  const summaryLong = [];
  for (let k = 0; k < SUMMARY_REPEATS; k++) {
    await startLongTasks(page);
    // Only the time comes back (returning the summary would put Playwright's serialisation in the window).
    times.push(
      await page.evaluate(async () => (await globalThis.__workbenchBench.summarize(globalThis.__synthetic)).ms),
    );
    summaryLong.push(...(await stopLongTasks(page)));
  }
  const here = await page.evaluate(() => globalThis.__workbenchBench.summarizeOnMainThread(globalThis.__synthetic));
  console.log(
    `  summary of ${data.runs.length} runs (${data.models.length} models, 1000 bootstrap resamples) through the summary worker: ${times.map((t) => t.toFixed(0)).join(', ')} ms (first call, worker starting: ${cold.ms.toFixed(0)} ms); the same on the main thread ${here.ms.toFixed(0)} ms${summaryLong.length ? `; long tasks ${summaryLong.map((d) => d.toFixed(0)).join(', ')} ms` : ''}`,
  );
  figure('summary-10000-ms', median(times));
  figure('summary-10000-longtasks', summaryLong.length);

  await startLongTasks(page);
  const rt = await page.evaluate(() => globalThis.__workbenchBench.reportRoundTrip(globalThis.__synthetic));
  await stopLongTasks(page);
  const [from, to] = rt.workerPhase;
  const rtLong = await page.evaluate(
    ([a, b]) => globalThis.__longTaskEntries.filter(([s, d]) => s < b && s + d > a).map(([, d]) => d),
    [from, to],
  );
  console.log(
    `  report of ${data.runs.length} runs through the summary worker: export ${rt.exportMs.toFixed(0)} ms, import ${rt.importMs.toFixed(0)} ms, ${rt.bytes} bytes, long tasks meanwhile ${rtLong.map((d) => d.toFixed(0)).join(', ') || 'none'}; the same on the main thread: export ${rt.exportMainThreadMs.toFixed(0)} ms, import ${rt.importMainThreadMs.toFixed(0)} ms`,
  );
  figure('report-10000-export-ms', rt.exportMs);
  figure('report-10000-import-ms', rt.importMs);
  figure('report-10000-longtasks', rtLong.length);
  figure('report-10000-export-main-thread-ms', rt.exportMainThreadMs);
  figure('report-10000-import-main-thread-ms', rt.importMainThreadMs);
  figure('report-10000-mib', rt.bytes / 2 ** 20);
}

/**
 * The same 500-run tiny benchmark, built in the #/benchmark view's editor and started with its
 * button: long tasks from the click until the summary and every chart are drawn (progress bar,
 * batched IndexedDB writes, summary worker and chart rendering included).
 */
async function viewLongTaskFigure(browser, url) {
  const ctx = await browser.newContext({ serviceWorkers: 'block' });
  const page = await ctx.newPage();
  page.on('pageerror', (e) => console.log(`  page error: ${e.message}`));
  await page.goto(`${url}#/benchmark`);
  const start = page.getByTestId('benchmark-start-button');
  await start.waitFor();
  const templates = page.getByTestId('benchmark-template');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="benchmark-template"]').length > 0);
  while ((await templates.count()) > 0) await templates.first().getByTestId('template-remove').click();
  await page.getByTestId('benchmark-add-generator').click();
  const t = templates.first();
  await t.getByTestId('generator-select').selectOption('knapsack');
  await t.getByTestId('generator-sizes-input').fill('5, 6, 7, 8, 9');
  await t.getByTestId('generator-instance-seeds-input').fill('1, 2, 3, 4, 5');
  await page.getByTestId('benchmark-seeds-input').fill('1, 2, 3, 4, 5');
  await page.getByTestId('benchmark-repetitions-input').fill('2');
  await page.getByTestId('benchmark-workers-input').fill('2');
  const planned = Number(await page.getByTestId('benchmark-planned-runs').getAttribute('data-value'));
  await page.waitForFunction(() => !document.querySelector('[data-testid="benchmark-start-button"]').disabled, null, {
    timeout: 120_000,
  });
  await page.waitForTimeout(1000);
  await startLongTasks(page);
  const t0 = Date.now();
  await start.click();
  await page.waitForSelector('[data-testid="benchmark-status"][data-state="finished"]', { timeout: 600_000 });
  await page.waitForSelector('[data-testid="chart-gap-overlay"] canvas', { timeout: 120_000 });
  await page.waitForTimeout(1000); // the charts draw their points a task at a time
  const wallMs = Date.now() - t0;
  const during = await stopLongTasks(page);
  const done = Number(await page.getByTestId('benchmark-done').getAttribute('data-value'));
  console.log(
    `  view: ${done}/${planned} runs through #/benchmark in ${wallMs} ms, summary and charts drawn; long tasks ${during.map((d) => d.toFixed(0)).join(', ') || 'none'}`,
  );
  figure(`benchmark-view-longtasks-${planned}-tiny`, during.length);
  await ctx.close();
}

export default async function run() {
  const t0 = performance.now();
  const app = await serveApp();
  const bare = await serveBare();
  const browser = await launch();
  try {
    const { ctx, page } = await appPage(browser, app.url);
    const bctx = await browser.newContext({ serviceWorkers: 'block' });
    const bpage = await bctx.newPage();
    await bpage.goto(bare.url);
    await bpage.waitForFunction(() => typeof window.bare === 'function');
    await poolOf(page, 2);

    if (part('rerun')) await rerunFigures(page);
    if (part('overhead')) await overheadFigure(page);
    if (part('cost')) await runCostFigures(page, bpage);
    if (part('longtasks')) await longTaskFigures(page);
    if (part('view')) await viewLongTaskFigure(browser, app.url);

    await bctx.close();
    await ctx.close();
  } finally {
    await browser.close();
    await app.close();
    await bare.close();
  }
  console.log(`  (bench took ${((performance.now() - t0) / 1000).toFixed(0)} s${QUICK ? ', --quick' : ''})`);
}
