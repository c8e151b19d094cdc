// Bench helpers: build the app once, serve it with `vite preview` (same headers as production),
// serve a bare HiGHS page for side-by-side baselines, and launch Chromium.
import { execSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { chromium } from '@playwright/test';
import { preview } from 'vite';
import { chromiumLaunchOptions } from '../e2e/chromium.mjs';

const root = new URL('..', import.meta.url).pathname;

/**
 * Builds the app if missing (or when forced) and serves it; returns the URL and a closer. The build
 * goes to dist/, or to BENCH_OUT_DIR when set (so a bench can run beside another build).
 */
export async function serveApp({ rebuild = true, outDir = process.env.BENCH_OUT_DIR ?? 'dist' } = {}) {
  if (rebuild || !existsSync(`${root}${outDir}/index.html`))
    execSync(`npx vite build --logLevel error --outDir ${JSON.stringify(outDir)}`, { cwd: root, stdio: 'inherit' });
  const server = await preview({
    root,
    build: { outDir },
    preview: { port: 4174, strictPort: false, host: '127.0.0.1' },
    logLevel: 'error',
  });
  const url = server.resolvedUrls.local[0];
  return { url, close: () => new Promise((r) => server.httpServer.close(r)) };
}

const types = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.wasm': 'application/wasm',
  '.mps': 'text/plain',
  '.lp': 'text/plain',
};

/** A plain static server for bench/bare (a bare highs worker), cross-origin isolated like the app. */
export async function serveBare() {
  const files = {
    '/': `${root}bench/bare/index.html`,
    '/bare.worker.mjs': `${root}bench/bare/bare.worker.mjs`,
    '/highs.mjs': `${root}node_modules/highs/build/highs.mjs`,
    '/highs.wasm': `${root}node_modules/highs/build/highs.wasm`,
  };
  const server = createServer((req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    const file = files[path] ?? (path.startsWith('/models/') ? `${root}public${path}` : undefined);
    if (!file || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    const ext = file.slice(file.lastIndexOf('.'));
    res.writeHead(200, {
      'Content-Type': types[ext] ?? 'application/octet-stream',
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cross-Origin-Embedder-Policy': 'require-corp',
    });
    res.end(readFileSync(file));
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${server.address().port}/`;
  return { url, close: () => new Promise((r) => server.close(r)) };
}

/** `--quick` on the command line: fewer rounds (a smoke run). */
export const QUICK = process.argv.includes('--quick');

/** Whether the bench part `name` runs: all without `--only=a,b`, else only those named. */
export function part(name) {
  const only = process.argv
    .find((a) => a.startsWith('--only='))
    ?.slice(7)
    .split(',');
  return !only || only.includes(name);
}

/** Chromium as in the e2e tests. */
export function launch() {
  return chromium.launch(chromiumLaunchOptions());
}

/** Median of numbers. */
export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Prints one figure line. */
export function figure(name, value) {
  console.log(`${name}: ${typeof value === 'number' ? Number(value.toPrecision(4)) : value}`);
}

/** mulberry32: the benches' own seeded generator (synthetic data, bootstrap). */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A fresh context with the built app under `?bench` (hooks on globalThis), its pool ready. */
export async function appPage(browser, url, extraQuery = '') {
  // No service worker: these benches measure the solver and the app, not a background precache (bench/hosted does).
  const ctx = await browser.newContext({ serviceWorkers: 'block' });
  const page = await ctx.newPage();
  page.on('pageerror', (e) => console.log(`  page error: ${e.message}`));
  // No recycling after 500 jobs: a recycled worker's replacement warms up for ~1.5 s, which would land
  // in whichever arm happened to run the 500th job (the rounds run thousands of jobs).
  await page.goto(`${url}?bench&maxJobs=1000000${extraQuery}#/run`);
  await page.waitForFunction(() => globalThis.__workbenchBench && globalThis.__workbenchPool, null, {
    timeout: 120_000,
  });
  await page.evaluate(() => globalThis.__workbenchPool.ready());
  return { ctx, page };
}

/** Resizes the app's pool to n workers and waits until n are idle (warm). */
export const poolOf = (page, n) =>
  page.evaluate(async (n) => {
    const pool = globalThis.__workbenchPool;
    pool.resize(n, n);
    for (;;) {
      const s = pool.snapshot();
      if (s.slots.length === n && s.slots.every((x) => x.state === 'idle')) return;
      await new Promise((r) => setTimeout(r, 50));
    }
  }, n);

/** Runs a benchmark definition through the app's runner (the bench hooks); rejects unless it finished. */
export const runApp = (page, def) =>
  page.evaluate(async (d) => {
    const o = await globalThis.__workbenchBench.runBenchmark(d);
    if (o.state !== 'finished') throw new Error(`the benchmark ended ${o.state}: ${o.error}`);
    return o;
  }, def);

/** Starts recording the page's long tasks (durations, and [start, duration] entries). */
export const startLongTasks = (page) =>
  page.evaluate(() => {
    globalThis.__longTasks = [];
    globalThis.__longTaskEntries = [];
    globalThis.__longTaskObserver = new PerformanceObserver((l) => {
      globalThis.__longTasks.push(...l.getEntries().map((e) => e.duration));
      globalThis.__longTaskEntries.push(...l.getEntries().map((e) => [e.startTime, e.duration]));
    });
    globalThis.__longTaskObserver.observe({ type: 'longtask' });
  });

/** Stops recording; resolves to the long tasks' durations, ms. */
export const stopLongTasks = (page) =>
  page.evaluate(async () => {
    await new Promise((r) => setTimeout(r, 100)); // let the observer deliver
    globalThis.__longTaskObserver.disconnect();
    return globalThis.__longTasks;
  });

/**
 * Judges paired rounds by core's one decision rule, in the app page (`?bench` exposes it as
 * `__workbenchBench.decision`, so no statistics are copied into the benches): the ratio cand ÷ ref as the
 * Hodges–Lehmann estimate of the per-round log ratios with its Wilcoxon signed-rank 95 % interval (none below 6
 * rounds), and decideTime's verdict on the same rounds against `thresholdPct`.
 */
export const judgeRounds = (page, ref, cand, thresholdPct = 5) =>
  page.evaluate(
    ({ ref, cand, thresholdPct }) => {
      const { pairedShift, decideTime } = globalThis.__workbenchBench.decision;
      const est = pairedShift(cand.map((c, i) => Math.log(c) - Math.log(ref[i])));
      const runs = (ms) => ms.map((timeMs, i) => ({ timeMs, model: 'bench-round', seed: i + 1, counters: null }));
      const decision = decideTime(runs(ref), runs(cand), { sameOptions: true, sameSolver: true }, { thresholdPct });
      return {
        ratio: est ? Math.exp(est.estimate) : null,
        ci: est?.ci ? est.ci.map(Math.exp) : null,
        p: est?.p ?? null,
        decision,
      };
    },
    { ref, cand, thresholdPct },
  );

/** The rule's call in a word for a figure line: real (slower or faster), within the threshold, or undetermined. */
export function verdictWord(decision, thresholdPct = 5) {
  if (decision.call === 'slower') return 'real (slower)';
  if (decision.call === 'faster') return 'real (faster)';
  if (decision.call === 'equivalent' || decision.call === 'noise') return `within ${thresholdPct} %`;
  return 'undetermined';
}

/** Prints a judged ratio as `name`, `name-ci95-low`, `name-ci95-high` and `name-verdict`, with the rule's reason. */
export function judgedFigures(name, j, thresholdPct = 5) {
  figure(name, j.ratio);
  figure(`${name}-ci95-low`, j.ci ? j.ci[0] : 'none (fewer than 6 rounds)');
  figure(`${name}-ci95-high`, j.ci ? j.ci[1] : 'none (fewer than 6 rounds)');
  figure(`${name}-verdict`, verdictWord(j.decision, thresholdPct));
  console.log(`  ${name} by decideTime (${j.decision.method}): ${j.decision.label}; ${j.decision.why}`);
}
