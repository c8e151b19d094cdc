// Shared e2e helpers: a page that records CSP violations and page errors, and instance facts.
import { test as base, expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';

/** Facts about the shipped instances (the same manifest the app reads). */
export const instances = JSON.parse(
  readFileSync(new URL('../public/models/instances.json', import.meta.url), 'utf8'),
) as {
  models: { file: string; objective: number | null; expectedStatus: string; kind: string }[];
};

/** Path of a test fixture. */
export const fixturePath = (name: string): string => new URL(`../test/fixtures/${name}`, import.meta.url).pathname;

/** Relative difference as the app computes it. */
export const relDiff = (v: number, k: number): number => Math.abs(v - k) / Math.max(1, Math.abs(k));

/** A test whose page fails the test on any CSP violation or uncaught page error. */
export const test = base.extend<{ watched: Page }>({
  watched: async ({ page }, use) => {
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error' && /Content Security Policy|Refused to/.test(m.text()))
        problems.push(`csp: ${m.text()}`);
    });
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        console.error(`Refused to: CSP violation of ${e.violatedDirective} by ${e.blockedURI}`);
      });
    });
    await use(page);
    expect(problems, problems.join('\n')).toEqual([]);
  },
});

/**
 * Opens the run view and waits for a ready solver: warmed up by default; `{ warm: false }` skips the
 * warm-up (`?warmup=off`) for journeys whose checks do not depend on a warm runtime.
 */
export async function openRunView(page: Page, { warm = true }: { warm?: boolean } = {}): Promise<void> {
  await page.goto(warm ? './#/run' : './?warmup=off#/run');
  await expect(page.getByTestId('solver-status')).toHaveAttribute('data-state', 'ready', { timeout: 60_000 });
}

/** Solves the chosen model and waits for the result or an error. */
export async function solveAndWait(page: Page): Promise<void> {
  await page.getByTestId('solve-button').click();
  await expect(page.getByTestId('result-status').or(page.getByTestId('error-message'))).toBeVisible({
    timeout: 90_000,
  });
}

/**
 * Solves a long MIP (market-split-4x30, picked as a file), lets it find an incumbent, cancels it, and checks the
 * cancel was graceful: the solve ends interrupted with its best solution kept.
 */
export async function cancelLongMipGracefully(page: Page): Promise<void> {
  await page.getByTestId('model-file-input').setInputFiles(fixturePath('market-split-4x30.lp'));
  await page.getByTestId('solve-button').click();
  await expect(page.getByTestId('solving-indicator')).toBeVisible();
  // Let it find an incumbent, then cancel.
  await expect(page.getByTestId('gap-chart')).not.toHaveAttribute('data-points', '0', { timeout: 30_000 });
  await page.waitForTimeout(1000);
  await page.getByTestId('cancel-button').click();
  await expect(page.getByTestId('cancel-mode')).toHaveAttribute('data-mode', 'graceful');
  await expect(page.getByTestId('result-status')).toHaveAttribute('data-status', 'interrupted', { timeout: 20_000 });
  expect(Number(await page.getByTestId('result-objective').textContent())).toBeGreaterThan(0);
}

export { expect };
