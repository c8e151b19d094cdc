// Issue 3 and 17 figures, measured in one Chromium run against the built app (`?bench` exposes the pool and
// core's decision rule) and a bare HiGHS page (bench/bare), `npm run bench -- pool [--quick] [--rounds=N]`:
//   throughput-ratio-vs-two-bare-workers: a batch of medium models through the pool with 2 workers ÷ the same
//     batch through 2 bare highs workers (no workbench code), in R interleaved rounds (A B / B A, so drift
//     favours neither side); the Hodges–Lehmann ratio of the rounds' paired log ratios with its
//     Wilcoxon signed-rank 95 % interval (core's pairedShift, run in the page), and pool-overhead: the verdict
//     of core's decideTime on the same rounds against a 5 % practical threshold;
//   beside it, the same paired ratio for batch jobs without log capture, and the pool and 2 bare workers ÷
//     the bare serial loop in one warm worker (the old throughput-ratio, sampled in every round too);
//   job-overhead-median-ms / job-overhead-p95-ms: pool round trip minus the worker's own time
//     (validate + read + solve) on tiny models;
//   recovery-ms: from a worker crash to a warm replacement finishing a tiny job;
//   memory-growth-ratio: one worker's WASM heap after 1,000 solves ÷ after 10.
// Pages run with maxJobs=1000000 (browser.mjs appPage): a wear recycle's warm-up would land in one round's arm.
import { loadavg, availableParallelism } from 'node:os';
import { serveApp, serveBare, launch, median, figure, appPage, QUICK, judgeRounds } from './browser.mjs';

const BATCH = [
  '25fv47.mps',
  'bell5.mps',
  'p0548.mps',
  'scrs8.mps',
  'etamacro.mps',
  'e226.mps',
  'stair.mps',
  'shell.mps',
];
const BATCH_REPEAT = Number(process.env.BATCH_REPEAT ?? 4);
const roundsFlag = process.argv.find((a) => a.startsWith('--rounds='))?.slice(9);
/** Interleaved rounds. 12 is the rule's MIN_PAIRS: from there decideTime pairs the rounds, on the printed interval. */
const ROUNDS = Number(roundsFlag ?? process.env.POOL_ROUNDS ?? (QUICK ? 3 : 12));
/** Idle time before each arm of a round, ms: every arm starts from idle workers on both pages. */
const PAUSE_MS = 300;
/** The practical threshold of the pool-overhead verdict, percent. */
const THRESHOLD_PCT = 5;

/** Runs in the page: load models once, then helpers to submit them. */
const installHelpers = async (page) =>
  page.evaluate(
    async (files) => {
      const bytes = {};
      for (const f of files) bytes[f] = new Uint8Array(await (await fetch(`models/${f}`)).arrayBuffer());
      const pool = globalThis.__workbenchPool;
      // Cost of a model for LPT ordering: its last solve time (as a benchmark runner would know it).
      const cost = {};
      globalThis.__bench = {
        pool,
        async batch(list) {
          const t0 = performance.now();
          const rs = await Promise.all(
            list.map((f) =>
              pool
                .submit(
                  { name: f, bytes: bytes[f] },
                  {},
                  { priority: 'batch', cost: cost[f], captureLog: globalThis.__captureLog !== false },
                )
                .result.then((r) => {
                  cost[f] = r.times.solveMs;
                  return r;
                }),
            ),
          );
          return {
            ms: performance.now() - t0,
            statuses: rs.map((r) => r.status),
            solveSum: rs.reduce((a, r) => a + r.times.solveMs, 0),
          };
        },
        async tiny(n) {
          const out = [];
          for (let k = 0; k < n; k++) {
            const text = new TextEncoder().encode(`Maximize\n obj: x\nSubject To\n c: x <= ${k}\nEnd\n`);
            const t0 = performance.now();
            const r = await pool.submit({ name: 'tiny.lp', bytes: text }, {}).result;
            const rt = performance.now() - t0;
            out.push(rt - (r.times.solveMs + r.times.readMs + r.times.validateMs));
          }
          return out;
        },
        async solveMany(list, n) {
          let mem10 = 0;
          for (let k = 0; k < n; k++) {
            const f = list[k % list.length];
            const r = await pool.submit({ name: f, bytes: bytes[f] }, {}).result;
            if (k === 9) mem10 = r.wasmMemoryBytes;
            if (k === n - 1) return { mem10, memN: r.wasmMemoryBytes, workerId: r.workerId };
          }
        },
      };
    },
    [...new Set([...BATCH, 'afiro.mps', 'adlittle.mps', 'flugpl.mps', 'small_mip.mps', 'blending.mps', 'israel.mps'])],
  );

function p95(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(0.95 * s.length) - 1)];
}

/** Runs in the bare page: a second persistent bare worker beside `window.bare`, and the batch over one or both. */
const installBare = (bpage) =>
  bpage.evaluate(() => {
    // The same message protocol as bench/bare/index.html's workers; made once, so it stays warm across rounds.
    const worker = new Worker('/bare.worker.mjs', { type: 'module' });
    let seq = 0;
    const waiting = new Map();
    worker.onmessage = (e) => {
      waiting.get(e.data.id)?.(e.data);
      waiting.delete(e.data.id);
    };
    const second = (msg) =>
      new Promise((resolve) => {
        const id = ++seq;
        waiting.set(id, resolve);
        worker.postMessage({ ...msg, id });
      });
    const workers = [window.bare, second];
    globalThis.__bareBench = {
      /** One warm worker, one job after another. */
      async serial(files) {
        const t0 = performance.now();
        for (const file of files) await window.bare({ file, format: 'mps' });
        return performance.now() - t0;
      },
      /** Both workers taking jobs from one list as they free up (greedy, like the pool); wall and sum of run() times. */
      async two(files) {
        let next = 0;
        let solveSum = 0;
        const t0 = performance.now();
        await Promise.all(
          workers.map(async (w) => {
            while (next < files.length) {
              const r = await w({ file: files[next++], format: 'mps' });
              solveSum += r.wallMs;
            }
          }),
        );
        return { ms: performance.now() - t0, solveSum };
      },
    };
  });

/** Prints a judged ratio against 2 bare workers: the ratio, its interval and the rule's verdict (`suffix` names the arm). */
function verdictFigures(suffix, j) {
  const d = j.decision;
  // From 12 rounds on, decideTime pairs the rounds: its ratio must be pairedShift's, or the verdict is not about the figure.
  if (d.method === 'paired' && Math.abs(d.ratio - j.ratio) > 1e-9 * j.ratio)
    throw new Error(`decideTime paired the rounds into ${d.ratio}, pairedShift gave ${j.ratio}`);
  figure(`throughput-ratio${suffix}-vs-two-bare-workers`, j.ratio);
  figure(`throughput-ratio${suffix}-ci95-low`, j.ci ? j.ci[0] : 'none (fewer than 6 rounds)');
  figure(`throughput-ratio${suffix}-ci95-high`, j.ci ? j.ci[1] : 'none (fewer than 6 rounds)');
  // The rule's call: slower/faster (real), equivalent (within the threshold), else undetermined.
  const verdict =
    d.call === 'slower'
      ? 'real'
      : d.call === 'faster'
        ? 'real (the pool is faster)'
        : d.call === 'equivalent' || d.call === 'noise'
          ? `within ${THRESHOLD_PCT} %`
          : 'undetermined';
  figure(`pool-overhead${suffix}`, verdict);
  console.log(`  pool-overhead${suffix} by decideTime (${d.method}): ${d.label}; ${d.why}`);
}

const fmtCi = (j) => (j.ci ? `[${j.ci.map((x) => x.toFixed(3)).join(', ')}]` : 'no interval (fewer than 6 rounds)');

/** The bench itself (bench/run.mjs calls it): the figures above, printed as `figure-name: value` lines. */
export default async function run() {
  const t0 = performance.now();
  const app = await serveApp();
  const bare = await serveBare();
  const browser = await launch();
  try {
    const list = Array.from({ length: BATCH_REPEAT }, () => BATCH).flat();

    // Bare workers: the first (window.bare) times each model once for the longest-first order, then both are
    // warmed on the batch as the pool's are (two batches, and at least 3 s, as the app warms its workers).
    const bctx = await browser.newContext({ serviceWorkers: 'block' });
    const bpage = await bctx.newPage();
    await bpage.goto(bare.url);
    await bpage.waitForFunction(() => typeof window.bare === 'function');
    await installBare(bpage);
    for (const f of BATCH) await bpage.evaluate((file) => window.bare({ file, format: 'mps' }), f); // warm
    // The pool runs batch jobs longest first (cost = last solve time); the bare workers get the same order,
    // from the first bare worker's own warm times.
    const bareCost = {};
    for (const f of BATCH)
      bareCost[f] = (await bpage.evaluate((file) => window.bare({ file, format: 'mps' }), f)).wallMs;
    const lpt = [...list].sort((a, b) => bareCost[b] - bareCost[a]);
    const tWarm = performance.now();
    for (let k = 0; k < 2 || performance.now() - tWarm < 3000; k++)
      await bpage.evaluate((files) => globalThis.__bareBench.two(files), lpt);

    // The pool with 2 warm workers, warmed on the batch (each worker sees every model at least once).
    const { ctx, page } = await appPage(browser, app.url);
    await installHelpers(page);
    await page.evaluate(async () => {
      const pool = globalThis.__bench.pool;
      pool.resize(2, 2);
      while (pool.snapshot().slots.filter((s) => s.state === 'idle').length < 2)
        await new Promise((r) => setTimeout(r, 50));
    });
    for (let w = 0; w < 2; w++) await page.evaluate((files) => globalThis.__bench.batch(files), list);
    await page.evaluate(() => {
      globalThis.__longTasks = [];
      new PerformanceObserver((l) => globalThis.__longTasks.push(...l.getEntries().map((e) => e.duration))).observe({
        type: 'longtask',
      });
    });

    // Sums of the solves' own times (HiGHS run() in the worker) per round: where a difference in wall time lies.
    const solveSums = { pool: [], bareTwo: [] };
    // R rounds, each running every arm once: the pool and the 2 bare workers first, next to each other, as A B in
    // even rounds and B A in odd ones, so drift favours neither and each side follows an arm of its own page
    // and of the other page equally often; then the pool without log and the bare serial loop, likewise swapped.
    // Every arm starts after the same short pause, with both pages' workers idle.
    const arms = {
      pool: async () => {
        await page.evaluate(() => (globalThis.__captureLog = true));
        const r = await page.evaluate((files) => globalThis.__bench.batch(files), list);
        if (r.statuses.some((st) => st !== 'optimal')) throw new Error(`pool batch statuses ${r.statuses.join(',')}`);
        solveSums.pool.push(r.solveSum);
        return r.ms;
      },
      bareTwo: async () => {
        const r = await bpage.evaluate((files) => globalThis.__bareBench.two(files), lpt);
        solveSums.bareTwo.push(r.solveSum);
        return r.ms;
      },
      poolNoLog: async () => {
        await page.evaluate(() => (globalThis.__captureLog = false));
        return (await page.evaluate((files) => globalThis.__bench.batch(files), list)).ms;
      },
      bareSerial: () => bpage.evaluate((files) => globalThis.__bareBench.serial(files), list),
    };
    const ms = Object.fromEntries(Object.keys(arms).map((k) => [k, []]));
    const order = ['pool', 'bareTwo', 'poolNoLog', 'bareSerial'];
    const swapped = ['bareTwo', 'pool', 'bareSerial', 'poolNoLog'];
    const loadBefore = loadavg()[0];
    for (let r = 0; r < ROUNDS; r++) {
      for (const arm of r % 2 === 0 ? order : swapped) {
        await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
        ms[arm].push(await arms[arm]());
      }
      console.log(
        `  round ${r + 1}/${ROUNDS}: ${order.map((a) => `${a} ${ms[a][r].toFixed(0)}`).join(', ')} ms (pool ÷ 2 bare ${(ms.pool[r] / ms.bareTwo[r]).toFixed(3)})`,
      );
    }
    const longTasks = await page.evaluate(() => globalThis.__longTasks);
    // Other processes on the machine are what the interleaving guards against; the load says how much there was.
    console.log(
      `  load average (1 min) before / after the rounds: ${loadBefore.toFixed(1)} / ${loadavg()[0].toFixed(1)} on ${availableParallelism()} cores`,
    );

    const vsTwo = await judgeRounds(page, ms.bareTwo, ms.pool, THRESHOLD_PCT);
    const noLogVsTwo = await judgeRounds(page, ms.bareTwo, ms.poolNoLog, THRESHOLD_PCT);
    const vsSerial = await judgeRounds(page, ms.bareSerial, ms.pool, THRESHOLD_PCT);
    const twoVsSerial = await judgeRounds(page, ms.bareSerial, ms.bareTwo, THRESHOLD_PCT);
    console.log(
      `  batch of ${list.length} medium models, medians of ${ROUNDS} rounds: pool (2 workers) ${median(ms.pool).toFixed(0)} ms (no log ${median(ms.poolNoLog).toFixed(0)} ms), 2 bare workers ${median(ms.bareTwo).toFixed(0)} ms, bare serial ${median(ms.bareSerial).toFixed(0)} ms; all optimal`,
    );
    console.log(
      `  sum of the batch's solve times (HiGHS run() in the workers), median of the rounds: pool ${median(solveSums.pool).toFixed(0)} ms, 2 bare workers ${median(solveSums.bareTwo).toFixed(0)} ms`,
    );
    console.log(`  pool ÷ 2 bare workers ${vsTwo.ratio.toFixed(3)} ${fmtCi(vsTwo)}, p ${vsTwo.p?.toPrecision(2)}`);
    console.log(`  pool without log ÷ 2 bare workers ${noLogVsTwo.ratio.toFixed(3)} ${fmtCi(noLogVsTwo)}`);
    console.log(`  pool ÷ bare serial ${vsSerial.ratio.toFixed(3)} ${fmtCi(vsSerial)}`);
    console.log(`  2 bare workers ÷ bare serial ${twoVsSerial.ratio.toFixed(3)} ${fmtCi(twoVsSerial)}`);

    figure('throughput-rounds', ROUNDS);
    verdictFigures('', vsTwo);
    verdictFigures('-no-log', noLogVsTwo);
    figure('throughput-ratio-vs-bare-serial', vsSerial.ratio);
    figure('throughput-ratio-two-bare-workers-vs-bare-serial', twoVsSerial.ratio);
    figure('main-thread-tasks-over-50ms-during-batch', longTasks.length);
    if (longTasks.length) console.log(`  long tasks: ${longTasks.map((x) => x.toFixed(0)).join(', ')} ms`);
    await bctx.close();

    // Per-job overhead on tiny models (one worker busy at a time).
    const overhead = await page.evaluate(() => globalThis.__bench.tiny(300));
    figure('job-overhead-median-ms', median(overhead));
    figure('job-overhead-p95-ms', p95(overhead));
    await ctx.close();

    // Recovery: crash the first worker (chaos), then time until a replacement finishes a tiny job.
    const rc = await appPage(browser, app.url, '&chaos=exit-on-solve&retries=0');
    const recovery = await rc.page.evaluate(async () => {
      const pool = globalThis.__workbenchPool;
      const text = new TextEncoder().encode('Maximize\n obj: x\nSubject To\n c: x <= 1\nEnd\n');
      const crashed = await pool.submit({ name: 'crash.lp', bytes: text }, {}).result.catch((e) => e.name);
      const t0 = performance.now();
      await pool.submit({ name: 'after.lp', bytes: text }, {}).result;
      return { crashed, ms: performance.now() - t0 };
    });
    console.log(`  crash reported as ${recovery.crashed}`);
    figure('recovery-ms', recovery.ms);
    await rc.ctx.close();

    // Memory growth over 1,000 solves on one worker (wear recycling off, so it is one runtime).
    const mm = await appPage(browser, app.url);
    await installHelpers(mm.page);
    const mem = await mm.page.evaluate(() =>
      globalThis.__bench.solveMany(
        ['afiro.mps', 'adlittle.mps', 'flugpl.mps', 'small_mip.mps', 'blending.mps', 'israel.mps'],
        1000,
      ),
    );
    if (mem.workerId !== 1) throw new Error(`expected one worker for the memory figure, got worker #${mem.workerId}`);
    console.log(
      `  WASM memory after 10 solves ${(mem.mem10 / 2 ** 20).toFixed(1)} MiB, after 1000 ${(mem.memN / 2 ** 20).toFixed(1)} MiB (worker #${mem.workerId})`,
    );
    figure('memory-growth-ratio', mem.memN / mem.mem10);
    await mm.ctx.close();
    console.log(`  (bench took ${((performance.now() - t0) / 1000).toFixed(0)} s${QUICK ? ', --quick' : ''})`);
  } finally {
    await browser.close();
    await app.close();
    await bare.close();
  }
}
