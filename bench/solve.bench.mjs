// Issue 2 figures, measured in one Chromium run:
//   first-solve-penalty-{lp,mip}: first timed solve in a fresh page ÷ warm solve of the same model
//   (also with warm-up disabled, to show what the warm-up buys);
//   workbench-overhead-*: the app's reported solve time ÷ a bare highs run() in a plain worker, both warm,
//   12 rounds alternating which side goes first, judged by core's one decision rule in the page (the paired
//   ratio with its 95 % interval, and decideTime's verdict against 5 %);
//   nav-to-ready-ms: navigation start to a warm solver.
import { serveApp, serveBare, launch, median, figure, judgeRounds, judgedFigures } from './browser.mjs';

const FRESH_PAGES = Number(process.env.FRESH_PAGES ?? 5);
const WARM_SOLVES = 3;
const OVERHEAD_ROUNDS = Number(process.env.OVERHEAD_ROUNDS ?? 12);

async function openApp(browser, url) {
  const ctx = await browser.newContext({ serviceWorkers: 'block' });
  const page = await ctx.newPage();
  await page.goto(url);
  await page.waitForSelector('[data-testid="solver-status"][data-state="ready"]', { timeout: 120_000 });
  const readyMs = Number(await page.getAttribute('[data-testid="solver-ready-ms"]', 'data-value'));
  return { ctx, page, readyMs };
}

async function pick(page, file) {
  await page.click(`[data-testid="library-row"][data-file="${file}"] button`);
}

/** Solves the picked model once; returns the app's reported solve time (ms) and the warm flag. */
async function appSolve(page) {
  const before = await page.locator('[data-testid="history-row"]').count();
  await page.click('[data-testid="solve-button"]');
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid="history-row"]').length > n, before, {
    timeout: 300_000,
  });
  const ms = Number(await page.getAttribute('[data-testid="result-solve-ms"]', 'data-value'));
  const warm = (await page.getAttribute('[data-testid="result-warm"]', 'data-value')) === 'true';
  return { ms, warm };
}

export default async function run() {
  const app = await serveApp();
  const bare = await serveBare();
  const browser = await launch();
  try {
    const readies = [];
    for (const [kind, file] of [
      ['lp', '25fv47.mps'],
      ['mip', 'bell5.mps'],
    ]) {
      for (const [label, query] of [
        ['', ''],
        ['-no-warmup', '?warmup=off'],
      ]) {
        const ratios = [];
        for (let i = 0; i < FRESH_PAGES; i++) {
          const { ctx, page, readyMs } = await openApp(browser, `${app.url}${query}#/run`);
          if (!query) readies.push(readyMs);
          await pick(page, file);
          const first = await appSolve(page);
          const warm = [];
          for (let k = 0; k < WARM_SOLVES; k++) warm.push((await appSolve(page)).ms);
          ratios.push(first.ms / median(warm));
          console.log(
            `  ${file}${label} page ${i + 1}: first ${first.ms.toFixed(1)} ms (runtime warm: ${first.warm}), warm median ${median(warm).toFixed(1)} ms`,
          );
          await ctx.close();
        }
        figure(`first-solve-penalty-${kind}${label}`, median(ratios));
      }
    }
    figure('nav-to-ready-ms', median(readies));

    // Overhead: app vs bare, both warm, interleaved (?bench: the page judges the rounds by core's rule).
    const { ctx, page } = await openApp(browser, `${app.url}?bench#/run`);
    const round = async (file, appMs, bareMs, r) => {
      const sides = {
        app: async () => appMs.push((await appSolve(page)).ms),
        bare: async () =>
          bareMs.push((await bpage.evaluate((f) => window.bare({ file: f, format: 'mps' }), file)).wallMs),
      };
      for (const side of r % 2 === 0 ? ['app', 'bare'] : ['bare', 'app']) await sides[side]();
    };
    const bctx = await browser.newContext({ serviceWorkers: 'block' });
    const bpage = await bctx.newPage();
    await bpage.goto(bare.url);
    await bpage.waitForFunction(() => typeof window.bare === 'function');
    for (const file of ['25fv47.mps', 'bell5.mps', 'p0548.mps']) {
      await pick(page, file);
      for (let k = 0; k < 2; k++) {
        await appSolve(page);
        await bpage.evaluate((f) => window.bare({ file: f, format: 'mps' }), file);
      }
      const appMs = [];
      const bareMs = [];
      for (let r = 0; r < OVERHEAD_ROUNDS; r++) await round(file, appMs, bareMs, r);
      console.log(`  ${file}: app median ${median(appMs).toFixed(1)} ms, bare median ${median(bareMs).toFixed(1)} ms`);
      judgedFigures(`workbench-overhead-${file.replace('.mps', '')}`, await judgeRounds(page, bareMs, appMs));
    }
    // The same for the LP with the per-iteration simplex interrupt callback (graceful LP cancel on).
    await page.click('[data-testid="graceful-simplex-toggle"]');
    await pick(page, '25fv47.mps');
    const appMs = [];
    const bareMs = [];
    for (let r = 0; r < OVERHEAD_ROUNDS; r++) await round('25fv47.mps', appMs, bareMs, r);
    console.log(
      `  25fv47.mps, with simplex interrupt: app median ${median(appMs).toFixed(1)} ms, bare median ${median(bareMs).toFixed(1)} ms`,
    );
    judgedFigures('workbench-overhead-25fv47-with-simplex-interrupt', await judgeRounds(page, bareMs, appMs));
    await ctx.close();
    await bctx.close();
  } finally {
    await browser.close();
    await app.close();
    await bare.close();
  }
}
