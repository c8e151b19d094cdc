// Issue 18's import figures (`npm run bench -- imports [--quick]`): the largest inputs the app imports,
// each through the user's path in the built app in Chromium (files picked in the storage panel and in
// #/reports, buttons clicked), with the page's main thread watched meanwhile:
//   crafted-backup: a backup of 10,000 benchmark runs and 10,000 history runs with a few crafted records
//     (a run id of 1e300, a benchmark run id of 2^60, a run with only {createdAt, modelId}, a benchmark with
//     only {id, name, createdAt, state}): refused, naming store, record and field (the figure: refused yes/no);
//   backup-10000: the same backup without them: read and validated (summary worker), confirmed, restored;
//   reports-open-10000: #/reports opened over what was restored plus a damaged benchmark written straight
//     into IndexedDB (every benchmark and run read is checked on the main thread): the list with the
//     damaged row shown;
//   report-import-10000: a report of one 10,000-run benchmark imported through #/reports;
//   options-350000: an options file of 350,000 duplicate lines (5 MiB) picked in #/parameters: refused by its
//     size before it is read (one message); options-60000: 60,000 duplicate lines (under the 1 MiB cap): read,
//     50 errors listed and one line counting the rest;
// for each: the wall time, the longest main-thread task (PerformanceObserver 'longtask', which sees tasks
// over 50 ms; "<50" when there was none) and the longest gap of a setTimeout(0) heartbeat (which sees every
// task, rendering included). Goal: no task over 200 ms. Wall times are reported, never asserted.
import { appPage, figure, launch, median, QUICK, serveApp, startLongTasks, stopLongTasks } from './browser.mjs';
import { SETS, syntheticBenchmark } from './synthetic.mjs';

const RUNS = QUICK ? 2_000 : 10_000;
const ROUNDS = QUICK ? 1 : 3;

/** A complete history run (the app's RunRecord), the i-th. */
function historyRun(i) {
  return {
    id: i + 1,
    createdAt: 1_700_000_000_000 + i,
    modelId: (i % 50).toString(16).padStart(64, '0'),
    modelName: `model ${i % 50}.mps`,
    origin: 'library',
    format: 'mps',
    size: { rows: 27, cols: 32, nnz: 83, integers: 0 },
    options: i % 2 ? { presolve: 'off' } : {},
    seed: 0,
    status: 'optimal',
    runStatus: 'ok',
    error: null,
    objective: -464.75 + i,
    knownObjective: null,
    verdict: 'ok',
    flags: [],
    mipGap: null,
    mipDualBound: null,
    times: { readMs: 1, solveMs: 2 + (i % 7), highsRunMs: 2, validateMs: 0.1 },
    counters: {
      simplexIterations: 20 + (i % 11),
      ipmIterations: 0,
      crossoverIterations: 0,
      qpIterations: 0,
      pdlpIterations: 0,
      mipNodes: 0,
      mipLpIterations: 0,
    },
    wasmMemoryBytes: 1 << 24,
    warm: true,
    cancelMode: null,
    highsVersion: '1.15.1',
  };
}

const ENV = { userAgent: 'bench', hardwareConcurrency: 2, crossOriginIsolated: true };

/** A version-2 backup's text: one finished benchmark of `RUNS` runs and `RUNS` history runs; `crafted` adds the crafted records. */
function backupText(data, crafted) {
  const { runs, ...rest } = data;
  const benchmark = {
    ...rest,
    createdAt: Date.now(),
    state: 'finished',
    environment: ENV,
    solver: { name: 'highs', version: '1.15.1' },
  };
  const stores = {
    runs: Array.from({ length: RUNS }, (_, i) => historyRun(i)),
    benchmarks: [benchmark],
    benchmarkRuns: runs.map((r, i) => ({ ...r, benchmarkId: data.id, id: i + 1 })),
    modelFiles: [],
    benchmarkConfigs: [],
    blessedSets: [],
    blessedEvents: [],
    baselines: [],
    regressionChecks: [],
    templateSettings: [],
    alertRules: [],
    alerts: [],
    appSettings: [],
    healthRuns: [],
  };
  if (crafted) {
    stores.runs[17].id = 1e300;
    stores.runs[4321] = { createdAt: 5, modelId: 'x' };
    stores.benchmarkRuns[999].id = 2 ** 60;
    stores.benchmarks.push({ id: 'incomplete', name: 'incomplete', createdAt: 1, state: 'finished' });
  }
  return JSON.stringify({
    schema: 'highs-workbench/backup',
    version: 2,
    createdAt: new Date().toISOString(),
    app: { name: 'HiGHS Workbench', version: 'bench' },
    stores,
  });
}

/** A report (version 1) of one benchmark: the synthetic runs, a minimal summary (the import recomputes it). */
function reportText(data) {
  return JSON.stringify({
    schema: 'highs-workbench/report',
    version: 1,
    createdAt: new Date().toISOString(),
    app: { name: 'HiGHS Workbench', version: 'bench' },
    solver: { name: 'highs', version: '1.15.1' },
    environment: ENV,
    benchmarks: [
      {
        ...data,
        id: 'report-bench',
        summary: {
          shiftMs: 10,
          optionSets: SETS.map((s) => ({
            optionSetId: s.id,
            sgmTimeMs: null,
            solved: 0,
            problems: 0,
            speedup: null,
            scaling: [],
          })),
        },
      },
    ],
  });
}

/** Picks the served file `name` in the file input `testid` as a user would (its change event), the File from a fetch. */
const pick = (page, testid, name) =>
  page.evaluate(
    async ([testid, name]) => {
      const blob = await (await fetch(`./__bench/${name}`)).blob();
      const dt = new DataTransfer();
      dt.items.add(new File([blob], name, { type: 'application/json' }));
      const input = document.querySelector(`[data-testid="${testid}"]`);
      input.files = dt.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    },
    [testid, name],
  );

/** Starts a setTimeout(0) heartbeat that records the longest gap between beats (every task, rendering included). */
const startHeartbeat = (page) =>
  page.evaluate(() => {
    const g = globalThis;
    g.__beat = { last: performance.now(), max: 0, on: true };
    const beat = () => {
      const now = performance.now();
      g.__beat.max = Math.max(g.__beat.max, now - g.__beat.last);
      g.__beat.last = now;
      if (g.__beat.on) setTimeout(beat, 0);
    };
    setTimeout(beat, 0);
  });

const stopHeartbeat = (page) =>
  page.evaluate(() => {
    globalThis.__beat.on = false;
    return globalThis.__beat.max;
  });

/** Runs `act` with the main thread watched; resolves to its wall ms, long tasks and longest heartbeat gap. */
async function watched(page, act) {
  await startLongTasks(page);
  await startHeartbeat(page);
  const t0 = performance.now();
  await act();
  const wallMs = performance.now() - t0;
  const gapMs = await stopHeartbeat(page);
  const long = await stopLongTasks(page);
  return { wallMs, long, longestMs: long.length ? Math.max(...long) : 0, gapMs };
}

/** Prints the figures of one import over the rounds: median wall time, the longest task and heartbeat gap of any round. */
function report(name, rounds, extra = '') {
  const long = rounds.flatMap((r) => r.long);
  const longest = long.length ? Math.max(...long) : 0;
  const gap = Math.max(...rounds.map((r) => r.gapMs));
  console.log(
    `  ${name}: ${rounds.map((r) => r.wallMs.toFixed(0)).join(', ')} ms; long tasks ${long.map((d) => d.toFixed(0)).join(', ') || 'none'}; longest heartbeat gap ${gap.toFixed(0)} ms${extra}`,
  );
  figure(`${name}-ms`, median(rounds.map((r) => r.wallMs)));
  figure(`${name}-longest-task-ms`, long.length ? longest : '<50');
  figure(`${name}-heartbeat-gap-ms`, gap);
  return { longest, gap };
}

/** One round in a fresh context (its own, empty database): the four imports, each watched. */
async function round(browser, url, data, texts) {
  const { ctx, page } = await appPage(browser, url, '&warmup=off&metrics=off');
  try {
    // Each file is served to the page (page.route) and picked from a fetch: Playwright's setInputFiles would
    // build the File by script in the page (base64 through atob), a main-thread task of the harness.
    await page.route('**/__bench/*', (route) =>
      route.fulfill({
        body: texts[new URL(route.request().url()).pathname.split('/').pop()],
        contentType: 'application/json',
      }),
    );
    const footerError = page.locator('footer [data-testid="error-message"]');
    const out = {};

    // 1. The crafted backup: refused, nothing replaced.
    out.crafted = await watched(page, async () => {
      await pick(page, 'restore-input', 'crafted.json');
      await footerError.waitFor({ timeout: 120_000 });
    });
    out.message = (await footerError.textContent()).replace(/\s+/g, ' ');
    out.refused =
      /stores\.runs\[17\]\.id: expected a whole number/.test(out.message) &&
      /stores\.benchmarks\[1\]: missing config/.test(out.message) &&
      (await page.getByTestId('restore-confirm').count()) === 0;

    // 2. The clean backup: read, confirmed, restored.
    out.backup = await watched(page, async () => {
      await pick(page, 'restore-input', 'clean.json');
      await page.getByTestId('restore-confirm-button').click({ timeout: 120_000 });
      await page.getByTestId('storage-notice').waitFor({ timeout: 120_000 });
    });
    out.restored = await page.evaluate(async (id) => {
      const s = globalThis.__workbenchBench.services;
      return { benchmarkRuns: (await s.benchmarks.listRuns(id)).length, runs: (await s.runs.list()).length };
    }, data.id);
    if (out.restored.benchmarkRuns !== RUNS)
      throw new Error(`${out.restored.benchmarkRuns} benchmark runs restored, not ${RUNS}`);

    // 3. #/reports over it, with a damaged benchmark written straight into IndexedDB.
    await page.evaluate(
      () =>
        new Promise((resolve, reject) => {
          const req = indexedDB.open('highs-workbench');
          req.onerror = () => reject(req.error);
          req.onsuccess = () => {
            const tx = req.result.transaction('benchmarks', 'readwrite');
            tx.objectStore('benchmarks').put({
              id: 'damaged',
              name: 'damaged',
              createdAt: Date.now(),
              state: 'finished',
            });
            tx.oncomplete = () => (req.result.close(), resolve());
          };
        }),
    );
    out.reports = await watched(page, async () => {
      await page.locator('[data-testid="nav-link"][data-route="reports"]').click();
      await page.locator('[data-testid="report-row"][data-id="synthetic-import"]').waitFor({ timeout: 120_000 });
      await page.locator('[data-testid="damaged-record-row"][data-store="benchmarks"]').waitFor({ timeout: 120_000 });
    });

    // 4. A 10,000-run report imported through #/reports (the list then reads both benchmarks' runs).
    const rows = await page.getByTestId('report-row').count();
    out.report = await watched(page, async () => {
      await pick(page, 'import-report-input', 'report.json');
      await page.waitForFunction(
        (n) => document.querySelectorAll('[data-testid="report-row"]').length === n + 1,
        rows,
        { timeout: 120_000 },
      );
    });
    // 5. Options files in #/parameters (once its candidate form is ready).
    await page.locator('[data-testid="nav-link"][data-route="parameters"]').click();
    await page.getByTestId('candidate-validate-button').waitFor({ timeout: 120_000 });
    await page.waitForFunction(
      () => !document.querySelector('[data-testid="candidate-validate-button"]').disabled,
      null,
      {
        timeout: 120_000,
      },
    );
    const errorsShown = (n) =>
      page.waitForFunction((n) => document.querySelectorAll('[data-testid="import-options-error"]').length === n, n, {
        timeout: 120_000,
      });
    out.options350 = await watched(page, async () => {
      await pick(page, 'import-options-file-input', 'options-350000.txt');
      await errorsShown(1);
    });
    out.options60 = await watched(page, async () => {
      await pick(page, 'import-options-file-input', 'options-60000.txt');
      await errorsShown(51);
    });
    return out;
  } finally {
    await ctx.close();
  }
}

export default async function run() {
  const t0 = performance.now();
  const app = await serveApp({ outDir: process.env.BENCH_OUT_DIR ?? 'dist' });
  const browser = await launch();
  const data = syntheticBenchmark(RUNS, { id: 'synthetic-import', faults: false });
  const texts = {
    'crafted.json': backupText(data, true),
    'clean.json': backupText(data, false),
    'report.json': reportText(data),
    'options-350000.txt': 'presolve = off\n'.repeat(350_000),
    'options-60000.txt': 'presolve = off\n'.repeat(60_000),
  };
  const mib = (name) => `${(Buffer.byteLength(texts[name]) / 2 ** 20).toFixed(1)} MiB`;
  const rounds = [];
  try {
    for (let k = 0; k < ROUNDS; k++) rounds.push(await round(browser, app.url, data, texts));
  } finally {
    await browser.close();
    await app.close();
  }
  const worst = [
    report(
      'crafted-backup',
      rounds.map((r) => r.crafted),
      `; ${mib('crafted.json')}`,
    ),
    report(
      'backup-10000',
      rounds.map((r) => r.backup),
      `; ${mib('clean.json')}, ${rounds[0].restored.benchmarkRuns} benchmark runs and the newest ${rounds[0].restored.runs} history runs read back`,
    ),
    report(
      'reports-open-10000',
      rounds.map((r) => r.reports),
    ),
    report(
      'report-import-10000',
      rounds.map((r) => r.report),
      `; ${mib('report.json')}`,
    ),
    report(
      'options-350000',
      rounds.map((r) => r.options350),
      `; ${mib('options-350000.txt')}, refused by size`,
    ),
    report(
      'options-60000',
      rounds.map((r) => r.options60),
      `; ${mib('options-60000.txt')}, 50 errors listed and one counting the rest`,
    ),
  ];
  console.log(`  crafted backup's message: ${rounds[0].message.slice(0, 500)}`);
  figure('crafted-backup-refused', rounds.every((r) => r.refused) ? 'yes' : 'no');
  const longest = Math.max(...worst.map((w) => w.longest));
  figure('imports-longest-task-ms', longest > 0 ? longest : '<50');
  figure('imports-longest-heartbeat-gap-ms', Math.max(...worst.map((w) => w.gap)));
  console.log(
    `  (bench took ${((performance.now() - t0) / 1000).toFixed(0)} s${QUICK ? ', --quick' : ''}; ${RUNS} runs, ${ROUNDS} rounds)`,
  );
}
