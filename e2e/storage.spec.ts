// Storage that never loses the user's work: backup and restore round trip, a second tab at another
// schema version (the old tab steps aside and asks for a reload; an upgrade blocked by an old tab
// says so and proceeds when it closes), a full quota (shrunk through the Chrome DevTools Protocol)
// giving a clear message while what was stored stays, and the storage status in the footer.
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { test, expect, openRunView, solveAndWait } from './fixtures';

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
  expect(backup.stores.runs).toHaveLength(1);

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
    () =>
      new Promise<number>((resolve, reject) => {
        const req = indexedDB.open('highs-workbench', 7); // one above the app's DB_VERSION
        req.onupgradeneeded = () => {};
        req.onsuccess = () => {
          const db = req.result;
          resolve(db.version);
          db.close();
        };
        req.onerror = () => reject(req.error);
      }),
  );
  expect(version).toBe(7);
  await expect(page.getByTestId('storage-reload-banner')).toBeVisible();
  await expect(page.getByTestId('storage-reload-button')).toBeVisible();
  // Reloaded, this (older) app finds data from a newer version: it says so and works in memory.
  await page.reload();
  await expect(page.getByTestId('storage-error')).toHaveAttribute('data-error-name', 'StorageTooNew');
  await expect(page.getByTestId('storage-memory-notice')).toContainText('nothing will be kept after this tab closes');
  await other.close();
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
