// Storage that never loses the user's work: backup and restore round trip (a crafted backup refused by
// field), a second tab at another schema version (the old tab steps aside and asks for a reload; an
// upgrade blocked by an old tab says so and proceeds when it closes), the database deleted from another
// tab (the banner says so, the next solve too), damaged records written straight into IndexedDB (the views
// open and offer to delete them), a full quota (shrunk through the Chrome DevTools Protocol) giving a clear
// message while what was stored stays, and the storage status in the footer.
import { readFile, writeFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { test, expect, openRunView, solveAndWait } from './fixtures';
import { benchmarkRun, storedBenchmark } from '../test/core/backup/fixtures';
import { DB_VERSION } from '../src/storage/db';

/** Solves afiro from the library (stored as a run in the history). */
async function solveAfiro(page: Page): Promise<void> {
  await page.locator('[data-testid="library-row"][data-file="afiro.mps"] button').click();
  await solveAndWait(page);
}

/** Writes 1 KB into a database of its own: 'ok', or the name of the error that aborted it. */
function probeWrite(page: Page): Promise<string> {
  return page.evaluate(
    () =>
      new Promise<string>((resolve) => {
        const req = indexedDB.open('quota-probe', 1);
        req.onupgradeneeded = () => req.result.createObjectStore('s');
        req.onerror = () => resolve(req.error?.name ?? 'open failed');
        req.onsuccess = () => {
          const db = req.result;
          const tx = db.transaction('s', 'readwrite');
          tx.objectStore('s').put(new Uint8Array(1024), Math.random());
          tx.oncomplete = () => (db.close(), resolve('ok'));
          tx.onabort = () => (db.close(), resolve(tx.error?.name ?? 'aborted'));
        };
      }),
  );
}

const status = (page: Page) => page.getByTestId('storage-status');

test('backup, delete, restore: the stored runs come back; an invalid file changes nothing', async ({
  watched: page,
}, info) => {
  await openRunView(page, { warm: false });
  await expect(status(page)).toHaveAttribute('data-mode', 'ready');
  await solveAfiro(page);
  await expect(page.getByTestId('history-row')).toHaveCount(1);

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('backup-button').click()]);
  expect(download.suggestedFilename()).toMatch(/^highs-workbench-backup-.*\.json$/);
  const file = info.outputPath('backup.json');
  await download.saveAs(file);
  const backup = JSON.parse(await readFile(file, 'utf8'));
  expect(backup.schema).toBe('highs-workbench/backup');
  expect(backup.version).toBe(2);
  expect(backup.stores.runs).toHaveLength(1);
  for (const store of ['alertRules', 'alerts', 'appSettings', 'healthRuns'])
    expect(backup.stores).toHaveProperty(store);
  expect(backup.stores).not.toHaveProperty('metrics'); // only when "with metrics" is ticked

  await page.getByTestId('clear-history-button').click();
  await page.getByTestId('confirm-clear-history').click();
  await expect(page.getByTestId('history-row')).toHaveCount(0);

  // A file that is not a backup is refused before anything is replaced.
  await page.getByTestId('restore-input').setInputFiles({
    name: 'bad.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"schema":"highs-workbench/backup","version":1,"stores":{"__proto__":{}}}'),
  });
  const footerError = page.locator('footer').getByTestId('error-message');
  await expect(footerError).toHaveAttribute('data-error-name', 'InvalidBackup');
  await expect(page.getByTestId('restore-confirm')).toHaveCount(0);

  // A crafted backup: the run's id 1e300 would spend the key generator; refused, naming store, record and field.
  const crafted = info.outputPath('crafted.json');
  backup.stores.runs[0].id = 1e300;
  await writeFile(crafted, JSON.stringify(backup));
  await page.getByTestId('restore-input').setInputFiles(crafted);
  await expect(footerError).toContainText('stores.runs[0].id: expected a whole number from 1 to 1000000000000000');
  await expect(page.getByTestId('restore-confirm')).toHaveCount(0);

  await page.getByTestId('restore-input').setInputFiles(file);
  await expect(page.getByTestId('restore-confirm')).toContainText('replaces everything stored');
  await page.getByTestId('restore-confirm-button').click();
  await expect(page.getByTestId('storage-notice')).toContainText('Restored');
  await page.reload();
  await expect(page.getByTestId('history-row')).toHaveCount(1);
  await expect(page.getByTestId('history-row').first()).toHaveAttribute('data-model', 'afiro.mps');
});

test('a newer version in another tab: this tab closes its connection and asks for a reload', async ({
  watched: page,
  context,
}) => {
  await page.goto('./?warmup=off#/run');
  await expect(status(page)).toHaveAttribute('data-mode', 'ready');
  const other = await context.newPage();
  await other.goto('./models/instances.json'); // same origin, no app
  const version = await other.evaluate(
    (next) =>
      new Promise<number>((resolve, reject) => {
        const req = indexedDB.open('highs-workbench', next); // one above the app's DB_VERSION
        req.onupgradeneeded = () => {};
        req.onsuccess = () => {
          const db = req.result;
          resolve(db.version);
          db.close();
        };
        req.onerror = () => reject(req.error);
      }),
    DB_VERSION + 1,
  );
  expect(version).toBe(DB_VERSION + 1);
  await expect(page.getByTestId('storage-reload-banner')).toHaveAttribute('data-reason', 'upgraded');
  await expect(page.getByTestId('storage-reload-banner')).toContainText('another tab upgraded');
  await expect(page.getByTestId('storage-reload-button')).toBeVisible();
  // Reloaded, this (older) app finds data from a newer version: it says so and works in memory.
  await page.reload();
  await expect(page.getByTestId('storage-error')).toHaveAttribute('data-error-name', 'StorageTooNew');
  await expect(page.getByTestId('storage-memory-notice')).toContainText('nothing will be kept after this tab closes');
  await other.close();
});

test('the database deleted from another tab: the banner says so with a reload, and so does the next solve', async ({
  watched: page,
  context,
}) => {
  await openRunView(page, { warm: false });
  await solveAfiro(page);
  await expect(page.getByTestId('history-row')).toHaveCount(1);
  const other = await context.newPage();
  await other.goto('./models/instances.json'); // same origin, no app
  const outcome = await other.evaluate(
    () =>
      new Promise<string>((resolve) => {
        const req = indexedDB.deleteDatabase('highs-workbench');
        req.onsuccess = () => resolve('deleted');
        req.onblocked = () => resolve('blocked');
        req.onerror = () => resolve(req.error?.name ?? 'error');
      }),
  );
  expect(outcome).toBe('deleted'); // the open page let go of its connection
  const banner = page.getByTestId('storage-reload-banner');
  await expect(banner).toHaveAttribute('data-reason', 'deleted');
  await expect(banner).toContainText("another tab deleted this site's stored data");
  await expect(page.getByTestId('storage-reload-button')).toBeVisible();

  // The next solve works, and storing its run says what happened instead of "connection is closing".
  await solveAfiro(page);
  await expect(page.getByTestId('result-status')).toBeVisible();
  const error = page.getByTestId('history-error');
  await expect(error).toContainText("another tab deleted this site's stored data");
  await expect(error).toContainText('Reload the page to continue');
  await expect(error).not.toContainText('closing');

  await page.getByTestId('storage-reload-button').click();
  await expect(status(page)).toHaveAttribute('data-mode', 'ready');
  await expect(page.getByTestId('storage-reload-banner')).toHaveCount(0);
  await expect(page.getByTestId('history-count')).toHaveAttribute('data-value', '0'); // a new, empty database
  await other.close();
});

test('damaged records written straight into IndexedDB: #/run and #/reports open, show them and delete them', async ({
  watched: page,
}) => {
  await page.goto('./?warmup=off#/run');
  await expect(status(page)).toHaveAttribute('data-mode', 'ready');
  const good = storedBenchmark({ id: 'good', name: 'a readable benchmark', createdAt: Date.now() });
  const goodRun = { ...benchmarkRun(), benchmarkId: 'good' };
  // As an older version's bug or a hand edit would leave them: past every check of the app.
  await page.evaluate(
    ([good, goodRun]) =>
      new Promise<void>((resolve, reject) => {
        const req = indexedDB.open('highs-workbench');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const db = req.result;
          const tx = db.transaction(['runs', 'benchmarks', 'benchmarkRuns'], 'readwrite');
          tx.objectStore('runs').put({ createdAt: Date.now(), modelId: 'x' });
          tx.objectStore('benchmarks').put({ id: 'broken', name: 'broken', createdAt: Date.now(), state: 'finished' });
          tx.objectStore('benchmarks').put(good);
          tx.objectStore('benchmarkRuns').put(goodRun);
          tx.oncomplete = () => (db.close(), resolve());
          tx.onerror = () => reject(tx.error);
        };
      }),
    [good, goodRun] as const,
  );
  await page.reload();

  // #/run opens (not stuck on "Loading…") and lists the damaged run with a delete.
  await expect(page.getByTestId('view-loading')).toHaveCount(0);
  const runRow = page.locator('[data-testid="damaged-record-row"][data-store="runs"]');
  await expect(runRow).toHaveCount(1);
  await expect(runRow.getByTestId('damaged-record-problems')).toContainText('missing modelName');
  await expect(page.getByTestId('history-count')).toHaveAttribute('data-value', '0');
  await runRow.getByTestId('damaged-record-delete').click();
  await runRow.getByTestId('damaged-record-delete-confirm').click();
  await expect(runRow).toHaveCount(0);

  // #/reports opens (not stuck on "Reading the stored benchmarks…"): the readable benchmark opens, the damaged one is listed.
  await page.locator('[data-testid="nav-link"][data-route="reports"]').click();
  const benchRow = page.locator('[data-testid="damaged-record-row"][data-store="benchmarks"]');
  await expect(benchRow).toHaveAttribute('data-key', '"broken"');
  await expect(page.getByTestId('report-row')).toHaveCount(1);
  await page.locator('[data-testid="report-row"][data-id="good"] [data-testid="report-view-button"]').click();
  await expect(page.getByTestId('report-view')).toHaveAttribute('data-id', 'good');
  await benchRow.getByTestId('damaged-record-delete').click();
  await benchRow.getByTestId('damaged-record-delete-confirm').click();
  await expect(page.getByTestId('damaged-records')).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId('report-row')).toHaveCount(1);
  await expect(page.getByTestId('damaged-records')).toHaveCount(0);
});

test('an upgrade blocked by an older tab says so and proceeds once that tab closes its connection', async ({
  watched: page,
  context,
}) => {
  const old = await context.newPage();
  await old.goto('./models/instances.json');
  // The older tab: version 1 of the schema, a connection that ignores versionchange.
  await old.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const req = indexedDB.open('highs-workbench', 1);
        req.onupgradeneeded = () => {
          const runs = req.result.createObjectStore('runs', { keyPath: 'id', autoIncrement: true });
          runs.createIndex('by-createdAt', 'createdAt');
          runs.createIndex('by-model', 'modelId');
        };
        req.onsuccess = () => {
          (globalThis as { heldDb?: IDBDatabase }).heldDb = req.result;
          resolve();
        };
        req.onerror = () => reject(req.error);
      }),
  );
  await page.goto('./?warmup=off#/run');
  await expect(page.getByTestId('storage-blocked-banner')).toContainText('waiting for another tab', {
    ignoreCase: true,
  });
  await old.evaluate(() => (globalThis as { heldDb?: IDBDatabase }).heldDb?.close());
  await expect(status(page)).toHaveAttribute('data-mode', 'ready');
  await expect(page.getByTestId('storage-blocked-banner')).toHaveCount(0);
  await old.close();
});

test('a full quota: the save fails with a clear message and the stored runs stay', async ({
  watched: page,
  context,
}) => {
  test.setTimeout(180_000);
  await openRunView(page, { warm: false });
  await solveAfiro(page);
  await expect(page.getByTestId('history-row')).toHaveCount(1);
  const cdp = await context.newCDPSession(page);
  const origin = new URL(page.url()).origin;
  await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 1 });
  try {
    // Chromium keeps the space it last found free for about 30 s: wait until a probe write (in a
    // database of its own) is refused, so the app's next write meets the shrunken quota.
    await expect.poll(() => probeWrite(page), { timeout: 90_000, intervals: [2_000] }).toBe('QuotaExceededError');
    await solveAfiro(page);
    await expect(page.getByTestId('history-error')).toContainText("The browser's storage for this site is full");
    await expect(page.getByTestId('history-error')).toContainText('nothing already stored was changed');
    await page.reload();
    await expect(page.getByTestId('history-row')).toHaveCount(1);
  } finally {
    await cdp.send('Storage.overrideQuotaForOrigin', { origin });
  }
});

test('the footer shows storage used and available and asks for persistent storage', async ({ watched: page }) => {
  await page.goto('./?warmup=off#/run');
  const s = status(page);
  await expect(s).toHaveAttribute('data-quota', /^\d+$/);
  expect(Number(await s.getAttribute('data-usage'))).toBeGreaterThanOrEqual(0);
  expect(Number(await s.getAttribute('data-quota'))).toBeGreaterThan(0);
  await expect(s).toHaveAttribute('data-persisted', /^(true|false)$/);
  if ((await s.getAttribute('data-persisted')) === 'false') {
    await page.getByTestId('storage-persist-button').click();
    await expect(s).toHaveAttribute('data-persisted', /^(true|false)$/);
    await expect(
      page.getByTestId('storage-persist-answer').or(page.getByTestId('storage-status').locator('.badge.ok')),
    ).toBeVisible();
  }
});

test('the footer’s storage figure is live: it grows as the session stores runs, without a reload', async ({
  watched: page,
}) => {
  await openRunView(page);
  const s = status(page);
  await expect(s).toHaveAttribute('data-usage', /^\d+$/);
  const before = Number(await s.getAttribute('data-usage'));
  // 200 solves of afiro (Solve ×N), each stored as a run with its flags and log tail.
  await page.locator('[data-testid="library-row"][data-file="afiro.mps"] button').click();
  await page.getByTestId('solve-n-input').fill('100');
  await page.getByTestId('solve-n-reps-input').fill('2');
  await page.getByTestId('solve-n-button').click();
  await expect(page.getByTestId('tuning-done')).toHaveAttribute('data-value', '200', { timeout: 120_000 });
  await expect
    .poll(async () => Number(await s.getAttribute('data-usage')), { timeout: 30_000 })
    .toBeGreaterThan(before);
});
