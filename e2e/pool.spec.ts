import { test, expect, openRunView, solveAndWait, instances, relDiff } from './fixtures';

const afiroKnown = instances.models.find((m) => m.file === 'afiro.mps')!.objective!;

async function pickAfiroWithTimeLimit(page: import('@playwright/test').Page): Promise<void> {
  await page.locator('[data-testid="library-row"][data-file="afiro.mps"] button').click();
  await page.getByTestId('options-filter').fill('time_limit');
  await page.locator('[data-testid="option-row"][data-option="time_limit"] input').fill('1');
}

test.describe('solver pool in Chromium', () => {
  for (const [fault, name] of [
    ['throw-on-solve', 'WorkerCrashed'],
    ['exit-on-solve', 'WorkerCrashed'],
    ['hang-on-solve', 'Timeout'],
  ] as const) {
    test(`fault injection: a worker that ${fault.replace(/-on-solve/, 's')} → ${name}; the worker is replaced and the next job succeeds`, async ({
      watched: page,
    }) => {
      await page.goto(`./?chaos=${fault}&retries=0&graceMs=500&readMs=500#/run`);
      await expect(page.getByTestId('solver-status')).toHaveAttribute('data-state', 'ready', { timeout: 60_000 });
      await pickAfiroWithTimeLimit(page);
      await solveAndWait(page);
      await expect(page.getByTestId('error-message')).toHaveAttribute('data-error-name', name);
      await expect(page.getByTestId('history-row').first()).toHaveAttribute('data-error', name);
      await expect(page.getByTestId('solver-status')).toHaveAttribute('data-state', 'ready', { timeout: 60_000 });
      await solveAndWait(page);
      await expect(page.getByTestId('result-status')).toHaveAttribute('data-status', 'optimal');
      expect(relDiff(Number(await page.getByTestId('result-objective').textContent()), afiroKnown)).toBeLessThanOrEqual(
        1e-6,
      );
      await page.getByTestId('pool-panel').locator('summary').click();
      await expect(page.getByTestId('pool-restarts')).toHaveAttribute('data-value', '1');
      await expect(page.getByTestId('pool-worker-row').first()).toHaveAttribute('data-worker-id', '2');
    });
  }

  test('an infrastructure failure is retried on a fresh worker and the user sees the answer', async ({
    watched: page,
  }) => {
    await page.goto('./?chaos=exit-on-solve#/run');
    await expect(page.getByTestId('solver-status')).toHaveAttribute('data-state', 'ready', { timeout: 60_000 });
    await pickAfiroWithTimeLimit(page);
    await solveAndWait(page);
    await expect(page.getByTestId('result-status')).toHaveAttribute('data-status', 'optimal');
    await page.getByTestId('pool-panel').locator('summary').click();
    await expect(page.getByTestId('pool-retried')).toHaveAttribute('data-value', '1');
  });

  test('the pool size can be changed and is remembered', async ({ watched: page }) => {
    await openRunView(page);
    await page.getByTestId('pool-panel').locator('summary').click();
    await page.getByTestId('pool-min').fill('2');
    await page.getByTestId('pool-max').fill('2');
    await page.getByTestId('pool-resize').click();
    await expect(page.getByTestId('pool-worker-row')).toHaveCount(2);
    await expect(page.getByTestId('pool-worker-row').nth(1)).toHaveAttribute('data-state', 'idle', { timeout: 60_000 });
    await page.reload();
    await page.getByTestId('pool-panel').locator('summary').click();
    await expect(page.getByTestId('pool-worker-row')).toHaveCount(2);
    await expect(page.getByTestId('pool-max')).toHaveValue('2');
  });
});
