// Issue 3 figures, measured in one Chromium run against the built app (`?bench` exposes the pool):
//   throughput-ratio: a batch of medium models through the pool with 2 workers ÷ the same batch
//     solved serially by a bare highs loop in one warm worker (bench/bare), same browser;
//   job-overhead-median-ms / job-overhead-p95-ms: pool round trip minus the worker's own time
//     (validate + read + solve) on tiny models;
//   recovery-ms: from a worker crash to a warm replacement finishing a tiny job;
//   memory-growth-ratio: one worker's WASM heap after 1,000 solves ÷ after 10.
import { serveApp, serveBare, launch, median, figure } from './browser.mjs';

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

async function appPage(browser, url, query) {
  const ctx = await browser.newContext({ serviceWorkers: 'block' });
  const page = await ctx.newPage();
  await page.goto(`${url}?bench${query}#/run`);
  await page.waitForFunction(() => globalThis.__workbenchPool, null, { timeout: 60_000 });
  await page.evaluate(() => globalThis.__workbenchPool.ready());
  return { ctx, page };
}

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
          const perWorker = {};
          for (const r of rs)
            perWorker[r.workerId] =
              (perWorker[r.workerId] ?? 0) + r.times.solveMs + r.times.readMs + r.times.validateMs;
          return {
            ms: performance.now() - t0,
            statuses: rs.map((r) => r.status),
            solveSum: rs.reduce((a, r) => a + r.times.solveMs, 0),
            perWorker,
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

export default async function run() {
  const app = await serveApp();
  const bare = await serveBare();
  const browser = await launch();
  try {
    const list = Array.from({ length: BATCH_REPEAT }, () => BATCH).flat();

    // Bare serial loop in one warm worker.
    const bctx = await browser.newContext({ serviceWorkers: 'block' });
    const bpage = await bctx.newPage();
    await bpage.goto(bare.url);
    await bpage.waitForFunction(() => typeof window.bare === 'function');
    for (const f of BATCH) await bpage.evaluate((file) => window.bare({ file, format: 'mps' }), f); // warm
    // The pool runs batch jobs longest first (cost = last solve time); the bare parallel loop gets the
    // same order, from the bare worker's own warm-up times.
    const bareCost = {};
    for (const f of BATCH)
      bareCost[f] = (await bpage.evaluate((file) => window.bare({ file, format: 'mps' }), f)).wallMs;
    const lpt = [...list].sort((a, b) => bareCost[b] - bareCost[a]);
    const bareMs = await bpage.evaluate(async (files) => {
      const t0 = performance.now();
      for (const file of files) await window.bare({ file, format: 'mps' });
      return performance.now() - t0;
    }, list);
    // The machine's own ceiling: the same batch over 2 bare workers (no workbench code at all).
    const bareParallelMs = await bpage.evaluate((files) => window.bareParallel(files, 2), lpt);
    await bctx.close();

    // The pool with 2 warm workers.
    const { ctx, page } = await appPage(browser, app.url, '');
    await installHelpers(page);
    await page.evaluate(async () => {
      const pool = globalThis.__bench.pool;
      pool.resize(2, 2);
      while (pool.snapshot().slots.filter((s) => s.state === 'idle').length < 2)
        await new Promise((r) => setTimeout(r, 50));
    });
    // Warm both workers on the batch's models (each sees every model at least once).
    for (let w = 0; w < 2; w++) await page.evaluate((files) => globalThis.__bench.batch(files), list);
    await page.evaluate(() => {
      globalThis.__longTasks = [];
      new PerformanceObserver((l) => globalThis.__longTasks.push(...l.getEntries().map((e) => e.duration))).observe({
        type: 'longtask',
      });
    });
    // Alternate runs with and without log capture (medians of 3 each), so neither gets the warmer slot.
    const withLog = [];
    const noLog = [];
    let poolRun;
    for (let r = 0; r < 3; r++) {
      await page.evaluate(() => (globalThis.__captureLog = true));
      poolRun = await page.evaluate((files) => globalThis.__bench.batch(files), list);
      withLog.push(poolRun.ms);
      await page.evaluate(() => (globalThis.__captureLog = false));
      noLog.push((await page.evaluate((files) => globalThis.__bench.batch(files), list)).ms);
    }
    const longTasks = await page.evaluate(() => globalThis.__longTasks);
    figure('main-thread-tasks-over-50ms-during-batch', longTasks.length);
    if (longTasks.length) console.log(`  long tasks: ${longTasks.map((d) => d.toFixed(0)).join(', ')} ms`);
    console.log(
      `  batch of ${list.length}: pool (2 workers) median ${median(withLog).toFixed(0)} ms (no log ${median(noLog).toFixed(0)} ms), bare serial ${bareMs.toFixed(0)} ms; statuses ${[...new Set(poolRun.statuses)].join(',')}`,
    );
    console.log(
      `  last pool run: sum of solve times ${poolRun.solveSum.toFixed(0)} ms; busy per worker ${Object.values(
        poolRun.perWorker,
      )
        .map((v) => v.toFixed(0))
        .join(' / ')} ms`,
    );
    figure('throughput-ratio', median(withLog) / bareMs);
    figure('throughput-ratio-no-log', median(noLog) / bareMs);
    figure('throughput-ratio-bare-2-workers', bareParallelMs / bareMs);

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
    const mm = await appPage(browser, app.url, '&maxJobs=100000');
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
  } finally {
    await browser.close();
    await app.close();
    await bare.close();
  }
}
