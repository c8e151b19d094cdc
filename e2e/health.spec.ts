// #/health: the checks run on opening, the resource charts fill from the sampled system, the Prometheus
// export parses; a rule's alert reaches a local webhook once, a second firing within the cooldown is
// suppressed (not sent), and resolving it with a note moves it to the history and clears the badge.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, solveAndWait, test } from './fixtures';

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
    for (const c of ['app', 'webhook']) await page.locator(`[data-testid="alert-rule-channel"][value="${c}"]`).check();
    await page.locator('[data-testid="alert-rule-channel"][value="notification"]').uncheck();
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
