// Issue 10 figures (`npm run bench -- tune [--quick]`), measured in one Chromium run against the built app and a
// bare highs page served side by side:
//   solve-n-8-ratio-<model>: wall of a Solve ×8 (random_seed 1..8) through the run view's tuning state on a pool of
//     2 warm workers ÷ the same 8 solves one after another in one warm bare highs worker; rounds alternate which
//     arm goes first; the paired ratio with its 95 % interval by core's one rule, in the page (goal ≤ 0.6; 0.5 is
//     the 2-worker ideal);
//   sweep-longtasks: main-thread tasks over 50 ms from pressing the run view's sweep button (presolve's three
//     values × seeds 1..8 on a library MIP (egout)) until its points and chart are drawn (goal 0); beside it the page idle for as long.
// Wall times are reported, never asserted.
import {
  serveApp,
  serveBare,
  launch,
  figure,
  appPage,
  poolOf,
  startLongTasks,
  stopLongTasks,
  QUICK,
  part,
  judgeRounds,
} from './browser.mjs';

const ROUNDS = QUICK ? 2 : 8;
const MODELS = ['lseu.mps', '25fv47.mps']; // a MIP (seeds change its search) and an LP

export default async function main() {
  const app = await serveApp();
  const bare = await serveBare();
  const browser = await launch();
  try {
    if (part('solve-n')) await solveN(browser, app, bare);
    if (part('sweep')) await sweep(browser, app);
  } finally {
    await browser.close();
    await bare.close();
    await app.close();
  }
}

/** Solve ×8 on 2 workers ÷ 8 serial solves in one warm bare worker. */
async function solveN(browser, app, bare) {
  const { ctx, page } = await appPage(browser, app.url);
  await poolOf(page, 2);
  const bpage = await (await browser.newContext({ serviceWorkers: 'block' })).newPage();
  await bpage.goto(bare.url);
  await bpage.waitForFunction(() => typeof window.bare === 'function');
  for (const file of MODELS) {
    // Warm both arms on this model with every seed.
    await page.evaluate((f) => globalThis.__workbenchBench.tuning.solveN(f, 8), file);
    for (let seed = 1; seed <= 8; seed++)
      await bpage.evaluate(
        ([f, s]) => window.bare({ file: f, format: 'mps', options: { random_seed: s } }),
        [file, seed],
      );
    const appWall = [];
    const serialWall = [];
    for (let r = 0; r < ROUNDS; r++) {
      let app8;
      let serial;
      const arms = {
        app: async () => (app8 = await page.evaluate((f) => globalThis.__workbenchBench.tuning.solveN(f, 8), file)),
        bare: async () =>
          (serial = await bpage.evaluate(async (f) => {
            const t0 = performance.now();
            for (let s = 1; s <= 8; s++) await window.bare({ file: f, format: 'mps', options: { random_seed: s } });
            return performance.now() - t0;
          }, file)),
      };
      for (const arm of r % 2 === 0 ? ['app', 'bare'] : ['bare', 'app']) await arms[arm]();
      if (app8.runs !== 8) throw new Error(`Solve ×8 of ${file} gave ${app8.runs} runs`);
      appWall.push(app8.wallMs);
      serialWall.push(serial);
      console.log(
        `  ${file} round ${r + 1}: Solve ×8 ${app8.wallMs.toFixed(0)} ms (runs ${app8.timesMs.map((t) => t.toFixed(0)).join(', ')}), 8 serial bare ${serial.toFixed(0)} ms → ${(app8.wallMs / serial).toFixed(3)}`,
      );
    }
    const j = await judgeRounds(page, serialWall, appWall);
    const name = `solve-n-8-ratio-${file.replace(/\.mps$/, '')}`;
    figure(name, j.ratio);
    figure(`${name}-ci95-low`, j.ci ? j.ci[0] : 'none (fewer than 6 rounds)');
    figure(`${name}-ci95-high`, j.ci ? j.ci[1] : 'none (fewer than 6 rounds)');
  }
  await ctx.close();
}

/** Long tasks while the run view's sweep runs and draws. */
async function sweep(browser, app) {
  const { ctx, page } = await appPage(browser, app.url);
  await poolOf(page, 2);
  // Pick egout (again, until its row is selected: a click while the library still renders can be lost).
  const row = page.locator('[data-testid="library-row"][data-file="egout.mps"]');
  for (let i = 0; i < 20 && !(await row.getAttribute('class'))?.includes('selected'); i++) {
    await row.locator('button').click({ timeout: 60_000 });
    await page.waitForTimeout(250);
  }
  await page.getByTestId('sweep-option-input').fill('presolve');
  await page.getByTestId('sweep-seeds-input').fill('1,2,3,4,5,6,7,8');
  await page
    .waitForFunction(
      () => Number(document.querySelector('[data-testid="sweep-plan"]')?.getAttribute('data-value')) >= 2,
      null,
      { timeout: 60_000 },
    )
    .catch(async (e) => {
      await page.screenshot({ path: 'bench/out/tune-sweep-failure.png', fullPage: true });
      throw e;
    });
  await page
    .waitForFunction(
      () => !document.querySelector('[data-testid="sweep-start-button"]')?.hasAttribute('disabled'),
      null,
      {
        timeout: 60_000,
      },
    )
    .catch(async (e) => {
      await page.screenshot({ path: 'bench/out/tune-sweep-failure.png', fullPage: true });
      throw e;
    });
  await startLongTasks(page);
  const t0 = Date.now();
  await page.getByTestId('sweep-start-button').click();
  await page.locator('[data-testid="sweep-point"]').nth(1).waitFor({ timeout: 120_000 });
  await page.waitForTimeout(300); // the chart is drawn in a task of its own
  const wallMs = Date.now() - t0;
  const during = await stopLongTasks(page);
  await startLongTasks(page);
  await page.waitForTimeout(wallMs);
  const idle = await stopLongTasks(page);
  console.log(
    `  sweep of ${await page.locator('[data-testid="sweep-point"]').count()} values in ${wallMs} ms; long tasks ${during.map((d) => d.toFixed(0)).join(', ') || 'none'}; idle page for as long: ${idle.map((d) => d.toFixed(0)).join(', ') || 'none'}`,
  );
  figure('sweep-longtasks', during.length);
  await ctx.close();
}
