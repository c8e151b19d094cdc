// The built app on a plain static host: served under a subpath (/some/path/) by a server that sets no headers at
// all (no COOP/COEP, no CSP header: the CSP comes from the page's meta tag), as GitHub Pages would. The first visit
// works unisolated and installs the service worker; from the next load on the service worker isolates the page
// (graceful cancel), serves it offline, and a new deployment is offered with an update prompt.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, instances, relDiff, cancelLongMipGracefully } from './fixtures';
import { serveStatic } from './static-server.mjs';

const OUT_DIR = process.env.E2E_OUT_DIR ?? 'dist';
const ROOT = new URL(`../${OUT_DIR}/`, import.meta.url).pathname;
const NEXT_ROOT = new URL(`../${OUT_DIR}-hosted-next/`, import.meta.url).pathname;

let host: Awaited<ReturnType<typeof serveStatic>>;
let base = '';

test.use({ serviceWorkers: 'allow' });

test.beforeAll(async () => {
  host = await serveStatic({ root: ROOT });
  base = host.url;
});
test.afterAll(() => host.close());
test.beforeEach(() => host.setRoot(ROOT));

/** Opens the run view and waits for a ready solver. */
async function openRun(page: Page, url = `${base}#/run`): Promise<void> {
  await page.goto(url);
  await expect(page.getByTestId('solver-status')).toHaveAttribute('data-state', 'ready', { timeout: 60_000 });
}

/** Solves afiro from the library and checks its objective against the known one. */
async function solveAfiro(page: Page): Promise<void> {
  const afiro = instances.models.find((m) => m.file === 'afiro.mps')!;
  await page.locator('[data-testid="library-row"][data-file="afiro.mps"] button').click();
  await page.getByTestId('solve-button').click();
  await expect(page.getByTestId('result-status')).toHaveAttribute('data-status', 'optimal', { timeout: 60_000 });
  const objective = Number(await page.getByTestId('result-objective').textContent());
  expect(relDiff(objective, afiro.objective!)).toBeLessThan(1e-6);
}

/** The first visit: waits until the service worker has cached this version (the app says so). */
async function firstVisit(page: Page): Promise<void> {
  await openRun(page);
  await expect(page.getByTestId('offline-ready')).toBeVisible({ timeout: 60_000 });
}

test('first visit works unisolated and installs the service worker; after a reload it isolates the page and cancel is graceful', async ({
  watched: page,
}) => {
  const failed: string[] = [];
  page.on('response', (r) => {
    if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
  });
  await openRun(page);
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(false);
  await expect(page.getByTestId('cancel-capability')).toHaveAttribute('data-value', 'terminate');
  await solveAfiro(page);

  // The service worker is registered for the subpath and has cached this version; the app says a reload isolates.
  await expect(page.getByTestId('offline-ready')).toBeVisible({ timeout: 60_000 });
  expect(await page.evaluate(() => navigator.serviceWorker.ready.then((r) => r.scope))).toBe(base);
  await expect(page.getByTestId('isolation-reason')).toHaveAttribute('data-cause', 'reload-needed');
  await expect(page.getByTestId('isolation-reason')).toContainText('reload once');
  await page.getByTestId('isolation-reload-button').click();

  await expect(page.getByTestId('solver-status')).toHaveAttribute('data-state', 'ready', { timeout: 60_000 });
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
  expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  await expect(page.getByTestId('cancel-capability')).toHaveAttribute('data-value', 'graceful');
  await expect(page.getByTestId('cancel-capability')).toHaveAttribute('data-cause', 'service-worker');
  await expect(page.getByTestId('isolation-reason')).toHaveCount(0);

  // Installable: Chromium finds the manifest, its icons and the service worker and has no objection.
  const cdp = await page.context().newCDPSession(page);
  const manifest = await cdp.send('Page.getAppManifest');
  expect(manifest.errors).toEqual([]);
  expect(manifest.url).toBe(`${base}manifest.webmanifest`);
  // (Playwright's contexts are incognito windows, where Chromium never installs: that one objection is the window's.)
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  expect(installabilityErrors.filter((e) => e.errorId !== 'in-incognito')).toEqual([]);

  // A long MIP: cancel stops it gracefully and keeps its incumbent (SharedArrayBuffer works under the SW's headers).
  await cancelLongMipGracefully(page);
  expect(failed).toEqual([]);
});

test('with the network off, a reload still loads the app and a library model solves', async ({
  watched: page,
  context,
}) => {
  await firstVisit(page);
  await context.setOffline(true);
  try {
    await page.reload();
    await expect(page.getByTestId('solver-status')).toHaveAttribute('data-state', 'ready', { timeout: 60_000 });
    expect(await page.evaluate(() => navigator.onLine)).toBe(false);
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
    await solveAfiro(page);
    // Another view (a lazily loaded chunk) opens offline too.
    await page.getByTestId('nav-link').and(page.locator('[data-route="benchmark"]')).click();
    await expect(page.getByTestId('route-outlet')).toHaveAttribute('data-route', 'benchmark');
    await expect(page.getByTestId('view-load-error')).toHaveCount(0);
  } finally {
    await context.setOffline(false);
  }
});

test('a new deployment shows the update prompt; the page keeps its version until the user reloads onto the new one', async ({
  watched: page,
  context,
}) => {
  // The "next" deployment: the same sources rebuilt with another version.
  const vite = new URL('../node_modules/vite/bin/vite.js', import.meta.url).pathname;
  execFileSync(process.execPath, [vite, 'build', '--outDir', NEXT_ROOT, '--emptyOutDir', '--logLevel', 'error'], {
    env: { ...process.env, WORKBENCH_BUILD: 'next' },
    stdio: 'inherit',
  });
  await firstVisit(page);
  const version = (await page.getByTestId('app-version').textContent())!;
  expect(version).not.toContain('+next');

  const other = await context.newPage(); // a second tab of the old version
  await openRun(other);
  host.setRoot(NEXT_ROOT); // the host now serves the new deployment
  await page.reload(); // a navigation makes the browser check for a new service worker
  await expect(page.getByTestId('update-banner')).toBeVisible({ timeout: 60_000 });
  // Until the user takes it, the page is the old version, whole: its own script, not the new one.
  await expect(page.getByTestId('app-version')).toHaveText(version);
  const nextScript = /src="\.\/(assets\/index-[\w-]+\.js)"/.exec(
    readFileSync(join(NEXT_ROOT, 'index.html'), 'utf8'),
  )![1];
  const scriptOf = () => page.evaluate(() => document.querySelector('script[type="module"]')!.getAttribute('src'));
  expect(await scriptOf()).not.toBe(`./${nextScript}`);

  await expect(other.getByTestId('app-version')).toHaveText(version);
  await page.getByTestId('update-reload-button').click();
  await expect(page.getByTestId('app-version')).toContainText('+next', { timeout: 60_000 });
  expect(await scriptOf()).toBe(`./${nextScript}`);
  await expect(page.getByTestId('update-banner')).toHaveCount(0);
  // The other tab keeps running the old version whole, and is told to reload (it did not ask for the update).
  await expect(other.getByTestId('stale-banner')).toContainText('another tab');
  await expect(other.getByTestId('app-version')).toHaveText(version);
  await expect(page.getByTestId('solver-status')).toHaveAttribute('data-state', 'ready', { timeout: 60_000 });
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
  await solveAfiro(page);
});
