// #/health: the checks run on opening, the resource charts fill from the sampled system, the Prometheus
// export parses; over seeded metrics of two earlier sessions the charts draw clock time, break where no
// samples were taken, count whole restarts across reloads and draw p50 lines (every chart is kept as a
// screenshot); a rule that can never fire is saved with a warning; a rule's alert reaches a local webhook
// once (and no delivery is listed for a channel never set up), a second firing within the cooldown is
// suppressed (not sent), and resolving it with a note moves it to the history and clears the badge.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';
import { expect, solveAndWait, test } from './fixtures';

const MIB = 1024 * 1024;
/** A clock-time tick: HH:MM (with seconds, or a date before it, where the axis needs them). */
const CLOCK_TICK = /^(\d{1,2} [A-Z][a-z]{2}( \d{2}:\d{2})?|\d{2}:\d{2}(:\d{2})?)$/;

/** The tick labels a chart drew on an axis (its data-*-ticks), once it drew some. */
async function ticksOf(chart: Locator, axis: 'x' | 'y' | 'y1'): Promise<string[]> {
  await expect(chart).not.toHaveAttribute(`data-${axis}-ticks`, '');
  return ((await chart.getAttribute(`data-${axis}-ticks`)) ?? '').split('|');
}

/** Keeps a picture of every health chart as a test artifact (test-results/…/<chart>.png). */
async function screenshotCharts(page: Page, prefix: string): Promise<void> {
  const charts = page.getByTestId('health-chart');
  for (let i = 0; i < (await charts.count()); i++) {
    const chart = charts.nth(i);
    const id = await chart.getAttribute('data-chart');
    await chart.scrollIntoViewIfNeeded();
    await chart.screenshot({ path: test.info().outputPath(`${prefix}-${id}.png`) });
  }
}

/** Waits for the checks that run on opening the view. */
async function waitForChecks(page: Page): Promise<void> {
  await expect(page.getByTestId('health-status')).not.toHaveAttribute('data-value', 'unknown', { timeout: 90_000 });
  await expect(page.getByTestId('run-health-checks-button')).toBeEnabled({ timeout: 90_000 });
}

/** Goes to another view in the same page (the app's state, alerts included, stays). */
async function goTo(page: Page, route: string): Promise<void> {
  await page.locator(`[data-testid="nav-link"][data-route="${route}"]`).click();
  await expect(page.getByTestId('route-outlet')).toHaveAttribute('data-route', route);
}

test('the health view shows checks and charts', async ({ watched: page }) => {
  await page.goto('./?sampleMs=300#/health');
  await waitForChecks(page);
  await expect(page.getByTestId('health-check-row')).toHaveCount(10);
  for (const id of ['solver-loads', 'sanity-solve', 'storage-readwrite'])
    await expect(page.locator(`[data-testid="health-check-row"][data-id="${id}"]`)).toHaveAttribute(
      'data-status',
      'pass',
    );
  await expect(page.getByTestId('health-history-row').first()).toBeVisible();

  // Samples every 300 ms: after ~2 s the last hour has several.
  await page.waitForTimeout(2000);
  await page.getByTestId('metrics-window-select').selectOption('1h');
  for (const id of ['pool-utilization', 'wasm-memory']) {
    const chart = page.locator(`[data-testid="health-chart"][data-chart="${id}"]`);
    await expect
      .poll(async () => Number(await chart.getAttribute('data-value')), { timeout: 30_000 })
      .toBeGreaterThanOrEqual(2);
    await expect(chart.locator('canvas')).toHaveCount(1);
  }
  // Clock time on the x axis (not hours since the window's start), whole queued jobs on the right.
  const pool = page.locator('[data-testid="health-chart"][data-chart="pool-utilization"]');
  for (const label of await ticksOf(pool, 'x')) expect(label).toMatch(CLOCK_TICK);
  for (const label of await ticksOf(pool, 'y1')) expect(label).toMatch(/^[\d,]+$/);
  await screenshotCharts(page, 'live');

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('export-metrics-prometheus-button').click(),
  ]);
  expect(download.suggestedFilename()).toBe('highs-workbench-metrics.prom');
  const text = await readFile(await download.path(), 'utf8');
  expect(text).toContain('# TYPE highs_workbench_pool_queue_depth gauge');
  // The exposition format's basic line syntax: comments, or `name{labels} value [timestamp]`.
  const sample =
    /^[a-zA-Z_:][a-zA-Z0-9_:]*(\{([a-zA-Z_][a-zA-Z0-9_]*="([^"\\\n]|\\["\\n])*",?)*\})? -?([0-9.e+-]+|NaN|\+Inf|-Inf)( -?\d+)?$/;
  const lines = text.split('\n').filter((l) => l !== '');
  expect(lines.length).toBeGreaterThan(5);
  for (const line of lines) {
    if (line.startsWith('#')) expect(line).toMatch(/^# (HELP|TYPE) [a-zA-Z_:][a-zA-Z0-9_:]* .+$/);
    else expect(line).toMatch(sample);
  }
});

/**
 * Metric points of two earlier sessions (as two page loads would have recorded them), ending `endMinAgo` minutes
 * ago: session A 5 h to 3 h ago (a worker's WASM heap growing to 450 MiB, 3 worker restarts, four templates
 * benchmarked one after another), nothing for an hour, then session B (a new page: its counters start at 0, a
 * worker at 20 MiB, 1 restart, two templates again).
 */
function seededPoints(now: number, endMinAgo: number): object[] {
  const points: object[] = [];
  const minute = 60_000;
  const system = (t: number, o: Record<string, unknown>) =>
    points.push({
      kind: 'system',
      t,
      seq: Math.random(),
      poolUtilization: 0.5,
      queueDepth: 0,
      running: 1,
      workers: 2,
      throughput: 2,
      workerRestarts: 0,
      jobsCompleted: 0,
      jobsFailed: 0,
      workerMemory: [],
      jsHeapBytes: 40 * MIB,
      storageUsedBytes: 5 * MIB,
      storageQuotaBytes: 2048 * MIB,
      hardwareConcurrency: 4,
      crossOriginIsolated: true,
      benchmarkRunning: true,
      ...o,
    });
  const solve = (t: number, template: string, timeMs: number, error = false) =>
    points.push({
      kind: 'solve',
      t,
      seq: Math.random(),
      source: 'benchmark',
      template,
      model: `${template}-m`,
      optionSet: 'defaults',
      status: error ? 'error' : 'optimal',
      outcome: error ? 'error' : 'ok',
      timeMs,
      rows: 10,
      cols: 10,
      nnz: 30,
      wasmMemoryBytes: 64 * MIB,
      objective: 1,
    });
  // Session A: every 10 s for 2 h.
  const a0 = now - 300 * minute;
  for (let i = 0; i < 720; i++) {
    const f = i / 719;
    system(a0 + i * 10_000, {
      poolUtilization: 0.5 + 0.5 * Math.sin(i / 40) ** 2,
      queueDepth: Math.round(4 * Math.sin(i / 60) ** 2),
      workerRestarts: Math.min(3, Math.floor(i / 200)),
      jobsCompleted: 100 + i,
      workerMemory: [
        { slot: 0, workerId: 1, wasmMemoryBytes: (100 + 350 * f) * MIB },
        { slot: 1, workerId: 2, wasmMemoryBytes: (60 + 40 * f) * MIB },
      ],
      storageUsedBytes: (5 + 20 * f) * MIB,
    });
  }
  const templates = ['facility-location', 'knapsack', 'scheduling', 'transportation'];
  templates.forEach((template, k) => {
    for (let j = 0; j < 40; j++)
      solve(a0 + (20 + 25 * k) * minute + j * 30_000, template, 20 * (k + 1) + 10 * Math.sin(j / 5), j % 13 === 0);
  });
  // Session B: a new page an hour after A, every 10 s until endMinAgo.
  const b0 = now - 120 * minute;
  const bN = Math.floor(((120 - endMinAgo) * minute) / 10_000);
  for (let i = 0; i < bN; i++)
    system(b0 + i * 10_000, {
      queueDepth: i % 90 < 30 ? 2 : 0,
      workerRestarts: i > bN / 2 ? 1 : 0,
      jobsCompleted: i,
      workerMemory: [
        { slot: 0, workerId: 1, wasmMemoryBytes: (20 + (10 * i) / bN) * MIB },
        { slot: 1, workerId: 3, wasmMemoryBytes: 30 * MIB },
      ],
      storageUsedBytes: 25 * MIB,
    });
  for (const [k, template] of ['knapsack', 'transportation'].entries())
    for (let j = 0; j < 30; j++) solve(b0 + (10 + 40 * k) * minute + j * 40_000, template, 35 + 15 * k + (j % 7));
  return points;
}

/** Writes metric points straight into the app's database (it is open already: same version, no upgrade). */
async function seedMetrics(page: Page, points: object[]): Promise<void> {
  await page.evaluate(
    (pts) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('highs-workbench');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction('metrics', 'readwrite');
          for (const p of pts) tx.objectStore('metrics').put(p);
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    points,
  );
}

test('charts: clock time, breaks where nothing was sampled, whole restarts across reloads, p50 lines', async ({
  watched: page,
}) => {
  await page.goto('./?sampleMs=2000#/health');
  await waitForChecks(page); // the database is open (the checks wrote their run)
  await seedMetrics(page, seededPoints(Date.now(), 5));
  await page.getByTestId('chart-window-select').selectOption('6h');
  await expect(page.getByTestId('metrics-window-select')).toHaveValue('6h');
  await page.getByTestId('refresh-metrics-button').click();
  const chart = (id: string) => page.locator(`[data-testid="health-chart"][data-chart="${id}"]`);

  // WASM memory: no diagonal from 450 MiB down to 20 MiB across the empty hour (a break, then a new line).
  await expect.poll(async () => Number(await chart('wasm-memory').getAttribute('data-gaps'))).toBeGreaterThanOrEqual(1);
  // Restarts: 3 in the first page + 1 in the second (whose counter started again at 0) = 4, on whole-number ticks.
  await expect(chart('worker-restarts')).toHaveAttribute('data-last', '4');
  for (const label of await ticksOf(chart('worker-restarts'), 'y')) expect(label).toMatch(/^[\d,]+$/);
  for (const label of await ticksOf(chart('pool-utilization'), 'y1')) expect(label).toMatch(/^[\d,]+$/);
  // Clock time on every chart's x axis.
  for (const id of ['pool-utilization', 'worker-restarts', 'wasm-memory', 'storage', 'solve-time-p50', 'error-rate']) {
    const ticks = await ticksOf(chart(id), 'x');
    expect(ticks.length, id).toBeGreaterThanOrEqual(3);
    for (const label of ticks) expect(label, id).toMatch(CLOCK_TICK);
  }
  // p50 per template: lines of many joined points, not one dot per template.
  await expect
    .poll(async () => Number(await chart('solve-time-p50').getAttribute('data-longest-line')))
    .toBeGreaterThanOrEqual(10);
  await expect(chart('solve-time-p50')).toHaveAttribute('data-value', /^\d+$/);
  expect(Number(await chart('solve-time-p50').getAttribute('data-gaps'))).toBeGreaterThanOrEqual(2); // A and B sessions
  await screenshotCharts(page, 'seeded');

  // After a reload (a third page, its own counters at 0) the restarts counted before are still there.
  await page.reload();
  await waitForChecks(page);
  await page.getByTestId('chart-window-select').selectOption('6h');
  await page.getByTestId('refresh-metrics-button').click();
  await expect(chart('worker-restarts')).toHaveAttribute('data-last', '4');
});

test('a rule that can never fire is saved with a warning', async ({ watched: page }) => {
  await page.goto('./?sampleMs=600000#/health');
  await expect(page.getByTestId('alerts-section')).toBeVisible();
  await page.getByTestId('alert-rule-name').fill('error rate typo');
  await page.getByTestId('alert-rule-condition').fill('error_rate{template="knapsak"} > 5 over 1h');
  const form = page.getByTestId('alert-rule-form');
  await expect(form.locator('[data-testid="rule-warning"][data-kind="never"]')).toContainText('5%');
  await expect(form.locator('[data-testid="rule-warning"][data-kind="unknown-template"]')).toContainText('knapsak');
  // A rule that can fire has none.
  await page.getByTestId('alert-rule-condition').fill('error_rate > 5% over 1h');
  await expect(form.getByTestId('rule-warning')).toHaveCount(0);
  await page.getByTestId('alert-rule-condition').fill('error_rate > 5 over 1h');
  await expect(form.getByTestId('rule-warning')).toHaveCount(1);
  // A warning, not an error: it saves, and the list keeps the warning.
  await page.getByTestId('alert-rule-save').click();
  await expect(page.getByTestId('alert-rule-row')).toHaveCount(1);
  await expect(page.getByTestId('alert-rule-problem')).toHaveCount(0);
  await expect(page.getByTestId('alert-rule-saved')).toHaveAttribute('data-warnings', '1');
  await expect(page.locator('[data-testid="alert-rule-row"] [data-testid="rule-warning"]')).toHaveAttribute(
    'data-kind',
    'never',
  );
});

test.describe('webhook alerts', () => {
  let server: Server;
  let port = 0;
  const posts: string[] = [];

  const body = (req: IncomingMessage) =>
    new Promise<string>((resolve) => {
      let text = '';
      req.setEncoding('utf8');
      req.on('data', (c: string) => (text += c));
      req.on('end', () => resolve(text));
    });

  test.beforeAll(async () => {
    server = createServer((req, res) => {
      res.setHeader('Access-Control-Allow-Origin', '*');
      res.setHeader('Access-Control-Allow-Headers', 'content-type');
      res.setHeader('Access-Control-Allow-Methods', 'POST');
      res.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
      if (req.method === 'POST')
        void body(req).then((b) => {
          posts.push(b);
          res.writeHead(204).end();
        });
      else res.writeHead(204).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });

  test.afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  test('a webhook receives an alert, and a second one within the cooldown is not sent', async ({ watched: page }) => {
    posts.length = 0;
    // A long sampling interval: few background evaluations besides the ones the test causes.
    await page.goto('./?sampleMs=600000#/health');
    await waitForChecks(page);
    const hook = `http://localhost:${port}/hook`;
    await page.getByTestId('webhook-url-input').fill(hook);
    await page.getByTestId('webhook-save-button').click();
    await expect(page.getByTestId('webhook-shown')).toBeVisible();
    await expect(page.getByTestId('webhook-shown')).not.toContainText('/hook');

    // A bad condition is refused with its position; then the real rule.
    await page.getByTestId('alert-rule-name').fill('any solve');
    await page.getByTestId('alert-rule-condition').fill('solve_count >> 0 over 1h');
    await page.getByTestId('alert-rule-save').click();
    const problem = page.locator('[data-testid="alert-rule-problem"][data-field="condition"]');
    await expect(problem).toContainText('at column');
    await expect(problem.locator('pre')).toContainText('^');
    await expect(page.getByTestId('alert-rule-row')).toHaveCount(0);

    await page.getByTestId('alert-rule-condition').fill('solve_count > 0 over 1h');
    // Notifications are ticked but were never enabled: no delivery to them may be listed (none is attempted).
    for (const c of ['app', 'webhook', 'notification'])
      await page.locator(`[data-testid="alert-rule-channel"][value="${c}"]`).check();
    await page.getByTestId('alert-rule-cooldown').fill('10');
    await page.getByTestId('alert-rule-save').click();
    await expect(page.getByTestId('alert-rule-row')).toHaveCount(1);
    await expect(page.getByTestId('alert-rule-problem')).toHaveCount(0);

    // One solve of afiro, then evaluate.
    await goTo(page, 'run');
    await expect(page.getByTestId('solver-status')).toHaveAttribute('data-state', 'ready', { timeout: 60_000 });
    await page.locator('[data-testid="library-row"][data-file="afiro.mps"] button').click();
    await solveAndWait(page);
    await expect(page.getByTestId('result-status')).toHaveAttribute('data-status', 'optimal');
    await goTo(page, 'health');
    await page.getByTestId('evaluate-rules-button').click();

    const rows = page.locator('[data-testid="alerts-section"] [data-testid="alert-row"][data-state="active"]');
    await expect(rows).toHaveCount(1);
    const alert = rows.first();
    await expect(alert).toHaveAttribute('data-source', 'rule');
    await expect(alert.locator('[data-testid="alert-delivery"][data-channel="webhook"]').first()).toHaveAttribute(
      'data-state',
      'sent',
    );
    await expect.poll(() => posts.length).toBe(1);
    await expect(alert.locator('[data-testid="alert-delivery"][data-channel="notification"]')).toHaveCount(0);
    await expect(alert.locator('[data-testid="alert-delivery"][data-state="failed"]')).toHaveCount(0);
    const payload = JSON.parse(posts[0]) as { schema: string };
    expect(payload.schema).toBe('highs-workbench/alert');
    expect(posts[0]).not.toContain(hook);
    expect(posts[0]).not.toContain(`localhost:${port}`);
    await expect(page.getByTestId('alerts-badge')).toHaveAttribute('data-value', '1');
    const first = Number(await alert.getAttribute('data-occurrences'));

    // Again within the cooldown: seen again, suppressed, nothing posted.
    await goTo(page, 'run');
    await page.locator('[data-testid="library-row"][data-file="afiro.mps"] button').click();
    await solveAndWait(page);
    await goTo(page, 'health');
    await page.getByTestId('evaluate-rules-button').click();
    await expect
      .poll(async () => Number(await rows.first().getAttribute('data-occurrences')))
      .toBeGreaterThanOrEqual(Math.max(2, first + 1));
    await expect(
      rows.first().locator('[data-testid="alert-delivery"][data-channel="webhook"][data-state="suppressed"]').first(),
    ).toBeVisible();
    await page.waitForTimeout(1500);
    expect(posts).toHaveLength(1);
    await expect(rows.first().locator('[data-testid="alert-delivery"][data-channel="notification"]')).toHaveCount(0);

    // Resolving needs a note; with one, the alert moves to the history and the badge clears.
    await rows.first().getByTestId('alert-resolve-button').click();
    await expect(rows.first().getByTestId('alert-resolve-problem')).toBeVisible();
    await rows.first().getByTestId('alert-resolve-note').fill('expected: the e2e solved afiro');
    await rows.first().getByTestId('alert-resolve-button').click();
    await expect(rows).toHaveCount(0);
    const resolved = page.locator('[data-testid="alert-history"] [data-testid="alert-row"][data-state="resolved"]');
    await expect(resolved).toHaveCount(1);
    await expect(resolved).toContainText('expected: the e2e solved afiro');
    await expect(page.getByTestId('alerts-badge')).toHaveAttribute('data-value', '0');
    await expect(page.getByTestId('alert-stats')).toHaveAttribute('data-active', '0');
  });
});
