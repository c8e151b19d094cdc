// Issue 11 figures (`npm run bench -- hosted [--quick]`): the built app served under /some/path/ by a header-less
// static host (e2e/static-server.mjs: no COOP/COEP, ETag revalidation like GitHub Pages), in Chromium with service
// workers allowed. Each round is one fresh browser profile: a first visit (empty caches; the service worker installs
// and precaches the build), then a repeat visit in a new tab of the same profile, side by side:
//   repeat-interactive-ms: navigation start → a library model is pickable (its button in the DOM), repeat visit
//     (goal ≤ 300 ms), beside first-interactive-ms;
//   repeat-warm-solver-ms: navigation start → the pool's first worker has loaded HiGHS and warmed up (the app's
//     solver-ready-ms), repeat visit, beside first-warm-solver-ms and their ratio;
//   repeat-bytes: response body bytes the host sent during the repeat visit (goal ~0), beside first-bytes (the
//     first visit's page plus the service worker's precache);
//   repeat-isolated / repeat-from-sw: the repeat visit is cross-origin isolated and its document came from the
//     service worker.
// Then the same first and repeat visits under Chromium's network emulation at 20 Mbit/s and 40 ms latency
// (throttled-*), where a loopback host no longer hides what the first visit downloads.
// Medians over the rounds; wall times are reported, never asserted. `--quick` runs fewer rounds.
import { execSync } from 'node:child_process';
import { launch, median, figure, QUICK } from './browser.mjs';
import { serveStatic } from '../e2e/static-server.mjs';

const ROUNDS = Number(process.env.HOSTED_ROUNDS ?? (QUICK ? 2 : 7));
const SLOW_ROUNDS = QUICK ? 1 : 3;
const root = new URL('..', import.meta.url).pathname;
const outDir = process.env.BENCH_OUT_DIR ?? 'dist';

/** Records, from the document's start, when a library model becomes pickable (performance.now(), ms). */
function watchInteractive() {
  new MutationObserver((_, observer) => {
    if (document.querySelector('[data-testid="library-row"] button')) {
      globalThis.__interactiveAt = performance.now();
      observer.disconnect();
    }
  }).observe(document, { subtree: true, childList: true });
}

/** A network like a good home connection (Chromium's emulation, via CDP), for the throttled rounds. */
const NETWORK = { offline: false, latency: 40, downloadThroughput: (20e6 / 8) | 0, uploadThroughput: (5e6 / 8) | 0 };

/** One visit in `context`: navigation → pickable and → warm solver (ms), bytes the host sent meanwhile. */
async function visit(context, host, { waitOffline, throttle = false }) {
  host.served.reset();
  const page = await context.newPage();
  if (throttle) await (await context.newCDPSession(page)).send('Network.emulateNetworkConditions', NETWORK);
  await page.goto(`${host.url}#/run`);
  await page.waitForFunction(() => globalThis.__interactiveAt !== undefined, null, { timeout: 120_000 });
  const ready = page.locator('[data-testid="solver-ready-ms"]');
  await ready.waitFor({ timeout: 120_000 });
  if (waitOffline) await page.locator('[data-testid="offline-ready"]').waitFor({ timeout: 120_000 });
  const facts = await page.evaluate(() => ({
    interactive: globalThis.__interactiveAt,
    isolated: globalThis.crossOriginIsolated === true,
    fromSw: (performance.getEntriesByType('navigation')[0]?.workerStart ?? 0) > 0,
  }));
  const warm = Number(await ready.getAttribute('data-value'));
  await page.waitForTimeout(300); // let late requests (manifest, icons) land in this visit's count
  const bytes = host.served.bytes;
  const requests = host.served.requests;
  await page.close();
  return { ...facts, warm, bytes, requests };
}

/** `n` rounds, each a fresh profile: a first visit, then a repeat visit in a new tab; logs each round. */
async function rounds(browser, host, n, { throttle = false } = {}) {
  const first = [];
  const repeat = [];
  for (let r = 0; r < n; r++) {
    const context = await browser.newContext({ serviceWorkers: 'allow' });
    await context.addInitScript(watchInteractive);
    const f = await visit(context, host, { waitOffline: true, throttle });
    const p = await visit(context, host, { waitOffline: false, throttle });
    await context.close();
    first.push(f);
    repeat.push(p);
    console.log(
      `  ${throttle ? 'throttled ' : ''}round ${r + 1}: first ${f.interactive.toFixed(0)} ms / warm ${f.warm} ms / ${f.bytes} B in ${f.requests} requests; ` +
        `repeat ${p.interactive.toFixed(0)} ms / warm ${p.warm} ms / ${p.bytes} B in ${p.requests} requests ` +
        `(isolated ${p.isolated}, from SW ${p.fromSw})`,
    );
  }
  return { first, repeat };
}

export default async function hosted() {
  execSync(`npx vite build --logLevel error --outDir ${JSON.stringify(outDir)}`, { cwd: root, stdio: 'inherit' });
  const host = await serveStatic({ root: `${root}${outDir}/` });
  const browser = await launch();
  let first, repeat, slowFirst, slowRepeat;
  try {
    ({ first, repeat } = await rounds(browser, host, ROUNDS));
    // The same on an emulated 20 Mbit/s, 40 ms network: what the cache saves where the network is not a loopback.
    ({ first: slowFirst, repeat: slowRepeat } = await rounds(browser, host, SLOW_ROUNDS, { throttle: true }));
  } finally {
    await browser.close();
    await host.close();
  }
  const m = (xs, k) => median(xs.map((x) => x[k]));
  figure('rounds', ROUNDS);
  figure('first-interactive-ms', m(first, 'interactive'));
  figure('repeat-interactive-ms', m(repeat, 'interactive'));
  figure('repeat-interactive-goal-ms', 300);
  figure('first-warm-solver-ms', m(first, 'warm'));
  figure('repeat-warm-solver-ms', m(repeat, 'warm'));
  figure('repeat-over-first-warm-solver', median(repeat.map((p, i) => p.warm / first[i].warm)));
  figure('first-bytes', m(first, 'bytes'));
  figure('repeat-bytes', m(repeat, 'bytes'));
  figure('repeat-bytes-max', Math.max(...repeat.map((p) => p.bytes)));
  figure('repeat-requests', m(repeat, 'requests'));
  figure(
    'repeat-isolated',
    repeat.every((p) => p.isolated),
  );
  figure(
    'repeat-from-sw',
    repeat.every((p) => p.fromSw),
  );
  figure(
    'first-isolated',
    first.some((p) => p.isolated),
  );
  figure('throttled-rounds', SLOW_ROUNDS);
  figure('throttled-first-interactive-ms', m(slowFirst, 'interactive'));
  figure('throttled-repeat-interactive-ms', m(slowRepeat, 'interactive'));
  figure('throttled-first-warm-solver-ms', m(slowFirst, 'warm'));
  figure('throttled-repeat-warm-solver-ms', m(slowRepeat, 'warm'));
  figure('throttled-repeat-over-first-warm-solver', median(slowRepeat.map((p, i) => p.warm / slowFirst[i].warm)));
  figure('throttled-repeat-bytes', m(slowRepeat, 'bytes'));
}
