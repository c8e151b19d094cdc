// Issue 9 figures (`npm run bench -- health [--quick]`), measured in one Chromium run against the built app:
//   metrics-overhead-500: wall of a 500-run benchmark of tiny generated models through the app's runner with
//     metric recording on (?bench) ÷ the same with it off (?bench&metrics=off), two pages side by side,
//     rounds interleaved A B B A, median of the rounds' ratios (goal ≤ 1.02);
//   prune-100000-longtasks: main-thread tasks over 50 ms while the app's recorder prunes 100,000 metric
//     points older than the retention window (goal 0); beside it the prune's wall time and what was left;
//   alerts-sent-50-failures: webhook POSTs a local server received for 50 real failed solves (a broken LP),
//     each recorded and evaluated against a rule `error_rate > 0 over 1h` with a 10-minute cooldown (goal 1).
// Wall times are reported, never asserted. `--quick` runs fewer rounds.
import { createServer } from 'node:http';
import {
  serveApp,
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
} from './browser.mjs';
import { SETS } from './synthetic.mjs';

const ROUNDS = Number(process.env.OVERHEAD_ROUNDS ?? (QUICK ? 2 : 6));

/** Tiny generated knapsacks: 5 sizes × 5 instances × 2 option sets × 5 seeds × 2 repetitions = 500 runs. */
const TINY = {
  name: 'bench tiny (metrics)',
  templates: [
    {
      kind: 'generator',
      id: 'knapsack',
      name: '0-1 knapsack',
      generator: 'knapsack',
      sizes: [5, 6, 7, 8, 9],
      instanceSeeds: [1, 2, 3, 4, 5],
      symmetryBreaking: false,
    },
  ],
  optionSets: SETS,
  referenceOptionSetId: 'defaults',
  config: { timeLimitMs: 60_000, seeds: [1, 2, 3, 4, 5], repetitions: 2, warmup: true },
  workers: 2,
};

/** A webhook receiver on this machine: CORS for the app's origin, counts the POSTs. */
async function webhookServer() {
  const posts = [];
  const cors = {
    'Access-Control-Allow-Origin': '*',
    'Access-Control-Allow-Headers': 'content-type',
    'Access-Control-Allow-Methods': 'POST',
    'Cross-Origin-Resource-Policy': 'cross-origin',
  };
  const server = createServer((req, res) => {
    if (req.method === 'OPTIONS') return res.writeHead(204, cors).end();
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      posts.push(body);
      res.writeHead(204, cors).end();
    });
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://localhost:${server.address().port}/hook`,
    posts,
    close: () => new Promise((r) => server.close(r)),
  };
}

export default async function main() {
  const app = await serveApp();
  const browser = await launch();
  try {
    // ---- metric recording overhead: two pages, the same benchmark, interleaved rounds ----------
    const on = await appPage(browser, app.url);
    if (part('overhead')) await overhead(browser, app, on);
    if (part('prune')) await prune(on);
    if (part('alerts')) await alerts(on);
    await on.ctx.close();
  } finally {
    await browser.close();
    await app.close();
  }
}

/** Metric recording on ÷ off, the same benchmark in two pages, interleaved rounds. */
async function overhead(browser, app, on) {
  {
    const off = await appPage(browser, app.url, '&metrics=off');
    const recording = await on.page.evaluate(() => !!globalThis.__workbenchBench.services.recorder);
    const notRecording = await off.page.evaluate(() => !globalThis.__workbenchBench.services.recorder);
    if (!recording || !notRecording) throw new Error('the two pages do not differ in metric recording');
    await poolOf(on.page, 2);
    await poolOf(off.page, 2);
    // One untimed run each: the first benchmark in a fresh page runs slower (see the benchmark bench).
    await runApp(on.page, TINY);
    await runApp(off.page, TINY);
    const ratios = [];
    let runs = 0;
    for (let r = 0; r < ROUNDS; r++) {
      const order = r % 2 === 0 ? [on, off, off, on] : [off, on, on, off];
      const walls = { on: [], off: [] };
      for (const p of order) {
        const o = await runApp(p.page, TINY);
        runs = o.runs.length;
        walls[p === on ? 'on' : 'off'].push(o.wallMs);
      }
      const ratio = median(walls.on) / median(walls.off);
      ratios.push(ratio);
      console.log(
        `  round ${r + 1}: with ${walls.on.map((w) => w.toFixed(0)).join(', ')} ms, without ${walls.off.map((w) => w.toFixed(0)).join(', ')} ms → ${ratio.toFixed(3)}`,
      );
    }
    const points = await on.page.evaluate(() => globalThis.__workbenchBench.services.metrics.count());
    console.log(`  ${runs} runs per benchmark; ${points} metric points recorded in the "with" page`);
    figure(`metrics-overhead-${runs}`, median(ratios).toFixed(3));
    await off.ctx.close();
  }
}

/** 100,000 old points pruned by the recorder, the page's long tasks meanwhile, and an idle control as long. */
async function prune(on) {
  {
    // The recorder's first scheduled prune runs 5 s after the page opened: let it pass before seeding.
    await on.page.waitForTimeout(6_000);
    const seeded = await on.page.evaluate(() => globalThis.__workbenchBench.monitoring.seedOldPoints(100_000, 30));
    await on.page.waitForTimeout(500);
    await startLongTasks(on.page);
    const pruned = await on.page.evaluate(() => globalThis.__workbenchBench.monitoring.prune());
    const during = await stopLongTasks(on.page);
    console.log(
      `  ${seeded} points stored, ${pruned.deleted} pruned in ${pruned.ms.toFixed(0)} ms, ${pruned.left} left; long tasks ${during.map((d) => d.toFixed(0)).join(', ') || 'none'}`,
    );
    if (pruned.deleted < 100_000) throw new Error(`only ${pruned.deleted} of the 100,000 old points were pruned`);
    figure('prune-100000-longtasks', during.length);
    figure('prune-100000-ms', pruned.ms.toFixed(0));
    await startLongTasks(on.page);
    await on.page.waitForTimeout(pruned.ms);
    const idle = await stopLongTasks(on.page);
    console.log(`  the same page idle for as long: long tasks ${idle.map((d) => d.toFixed(0)).join(', ') || 'none'}`);
  }
}

/** 50 real failed solves within one cooldown of an error-rate rule with a webhook. */
async function alerts(on) {
  {
    const hook = await webhookServer();
    try {
      const out = await on.page.evaluate(
        ([url]) => globalThis.__workbenchBench.monitoring.failures(50, url, 10 * 60_000),
        [hook.url],
      );
      await new Promise((r) => setTimeout(r, 500));
      console.log(
        `  ${out.failures} failed solves → ${out.alerts} alert(s), ${out.occurrences} occurrences, deliveries ${[...new Set(out.deliveries)].join(', ')}; the server got ${hook.posts.length} POST(s)`,
      );
      if (out.failures !== 50) throw new Error(`expected 50 failed solves, got ${out.failures}`);
      if (hook.posts.some((b) => b.includes(hook.url))) throw new Error('a webhook body contains the webhook URL');
      figure('alerts-sent-50-failures', hook.posts.length);
    } finally {
      await hook.close();
    }
  }
}
