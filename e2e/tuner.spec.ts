// The racing tuner in #/tune: start on a generated template, watch progress, cancel (what finished is kept),
// resume after a reload, see the result (recommendation, one row per count of options changed), export and
// promote a set with the tuning run as its evidence, and quarantine a set that changes answers.
import { test, expect } from './fixtures';
import type { Locator, Page } from '@playwright/test';

/** Fills the form for a small knapsack template (12 instances, 3 seeds: 12 held-out blocks) and starts. */
async function startSmallTuning(
  page: Page,
  { runs = 150, keep = ['presolve', 'mip_detect_symmetry', 'simplex_strategy'], extra = '', optIn = false } = {},
): Promise<void> {
  await page.goto('./#/tune');
  await expect(page.getByTestId('tuner-space').locator('input[type=checkbox]').first()).toBeVisible({
    timeout: 60_000,
  });
  await page.getByTestId('tuner-sizes').fill('20, 25, 30');
  await page.getByTestId('tuner-instance-seeds').fill('1-4');
  await page.getByTestId('tuner-seeds').fill('0-2');
  await expect(page.getByTestId('tuner-plan')).toHaveAttribute('data-held-out-blocks', '12');
  const boxes = page.getByTestId('tuner-space').locator('label');
  const n = await boxes.count();
  for (let i = 0; i < n; i++) {
    const label = boxes.nth(i);
    const name = ((await label.textContent()) ?? '').trim().split(':')[0];
    if (!keep.includes(name)) await label.locator('input').uncheck();
  }
  if (extra) await page.getByTestId('tuner-extra').fill(extra);
  if (optIn) await page.getByLabel('allow options that change answers').check();
  await page.getByTestId('tuner-budget-runs').fill(String(runs));
  await page.getByTestId('tuner-start-button').click();
}

const valueNow = async (bar: Locator) => Number(await bar.getAttribute('aria-valuenow'));

test.describe('the tuner', () => {
  test('runs to a result: progress, race, recommendation, one row per count, export, promote with the run as evidence', async ({
    watched: page,
  }) => {
    // Feasibility jump off is 2–3× faster on these knapsacks (npm run bench -- tuner): a change to find.
    await startSmallTuning(page, { keep: ['presolve', 'mip_heuristic_run_feasibility_jump', 'simplex_strategy'] });
    const result = page.getByTestId('tuner-result');
    await expect(result).toHaveAttribute('data-state', /running|finished/);
    const bar = page.getByTestId('tuner-progress');
    await expect(async () => expect(await valueNow(bar)).toBeGreaterThan(0)).toPass();
    await expect(result).toHaveAttribute('data-state', 'finished', { timeout: 100_000 });
    await expect(page.getByTestId('race-row').first()).toBeAttached();
    const rec = page.getByTestId('tuner-recommendation');
    await expect(rec).toHaveAttribute('data-verdict', /^(change|no-change)$/);
    const rows = page.getByTestId('pareto-row');
    const count = await rows.count();
    expect(count).toBeGreaterThanOrEqual(1);
    for (let i = 0; i < count; i++) {
      const row = rows.nth(i);
      const k = Number(await row.getAttribute('data-changed'));
      expect(k).toBe(i + 1);
      const options = JSON.parse((await row.getAttribute('data-options'))!) as Record<string, unknown>;
      expect(Object.keys(options)).toHaveLength(k);
      // 12 held-out blocks: the rule gives an interval, and the estimate lies in it.
      const [s, lo, hi] = await Promise.all(
        ['data-speedup', 'data-ci-low', 'data-ci-high'].map(async (a) => Number(await row.getAttribute(a))),
      );
      expect(lo).toBeGreaterThan(0);
      expect(lo).toBeLessThanOrEqual(s);
      expect(s).toBeLessThanOrEqual(hi);
    }
    // The label never contradicts the numbers: a change is recommended only above 1 + threshold.
    if ((await rec.getAttribute('data-verdict')) === 'change') {
      const lows = await Promise.all(
        Array.from({ length: count }, async (_, i) => Number(await rows.nth(i).getAttribute('data-ci-low'))),
      );
      expect(Math.max(...lows)).toBeGreaterThan(1.05);
    }
    await expect(page.getByTestId('tuner-gain-chart')).toBeVisible();
    await page.waitForTimeout(300);
    await page.getByTestId('tuner-result').screenshot({ path: test.info().outputPath('tuner-result.png') });

    // The run as a report (its optional tuning section), imported back in #/reports: a second copy in #/tune.
    const reportDownload = page.waitForEvent('download');
    await page.getByTestId('tuner-export-report').click();
    const report = await reportDownload;
    expect(report.suggestedFilename()).toMatch(/^highs-workbench-tuning-\d{4}-\d{2}-\d{2}\.json$/);
    const reportPath = test.info().outputPath('tuning-report.json');
    await report.saveAs(reportPath);
    const verdict = await rec.getAttribute('data-verdict');
    await page.goto('./#/reports');
    await page.getByTestId('import-report-input').setInputFiles(reportPath);
    await expect(page.getByText('1 tuning run (in #/tune)')).toBeVisible();
    await page.goto('./#/tune');
    await expect(page.locator('[data-testid="tuner-run-item"][data-state="finished"]')).toHaveCount(2);
    await page.getByTestId('tuner-run-item').first().getByRole('button').first().click();
    await expect(page.getByTestId('tuner-recommendation')).toHaveAttribute('data-verdict', verdict!);

    const first = rows.first();
    const download = page.waitForEvent('download');
    await first.getByTestId('pareto-export').click();
    expect((await download).suggestedFilename()).toMatch(/^knapsack-tuned-.*\.set$/);

    // Promote needs an approver (the blessing flow's refusal), then stores the set with this run as evidence —
    // unless the flow refuses a set slower than the defaults, which it says in words.
    await first.getByTestId('pareto-promote').click();
    await expect(page.getByTestId('tuner-promotion')).toHaveAttribute('data-ok', 'false');
    await expect(page.getByTestId('tuner-promotion')).toContainText(/approves|slower/);
    const slower = (await first.getAttribute('data-call')) === 'slower';
    await page.getByTestId('tuner-approver').fill('e2e');
    await page.getByTestId('tuner-set-name').fill('tuned by e2e');
    await first.getByTestId('pareto-promote').click();
    await expect(page.getByTestId('tuner-promotion')).toHaveAttribute('data-ok', slower ? 'false' : 'true');
    if (!slower) {
      const id = await result.getAttribute('data-id');
      await page.goto('./#/parameters');
      await page.getByTestId('parameters-template-select').selectOption('knapsack');
      const row = page.locator('[data-testid="blessed-row"][data-name="tuned by e2e"]');
      await expect(row).toHaveAttribute('data-active', 'true');
      await expect(row).toHaveAttribute('data-evidence', `tuning:${id}`);
    }
  });

  test('cancel keeps what finished; a reload resumes a running tuning where it stopped', async ({ watched: page }) => {
    await startSmallTuning(page, {
      runs: 400,
      keep: ['presolve', 'mip_detect_symmetry', 'simplex_strategy', 'mip_heuristic_effort', 'simplex_scale_strategy'],
    });
    const result = page.getByTestId('tuner-result');
    const bar = page.getByTestId('tuner-progress');
    await expect(async () => expect(await valueNow(bar)).toBeGreaterThanOrEqual(10)).toPass({ timeout: 60_000 });
    await page.getByTestId('tuner-cancel-button').click();
    await expect(result).toHaveAttribute('data-state', 'cancelled');
    const kept = await valueNow(bar);
    expect(kept).toBeGreaterThanOrEqual(10);
    await expect(page.getByTestId('tuner-cancelled-note')).toBeVisible();

    // After a reload the cancelled run is still there with its runs, and Resume carries on from them.
    await page.reload();
    await expect(result).toHaveAttribute('data-state', 'cancelled', { timeout: 60_000 });
    expect(await valueNow(bar)).toBe(kept);
    await page.getByTestId('tuner-resume-button').click();
    await expect(result).toHaveAttribute('data-state', 'running');
    await expect(async () => expect(await valueNow(bar)).toBeGreaterThan(kept)).toPass({ timeout: 60_000 });

    // A reload while it runs: the view resumes it by itself, from at least what it had written.
    const before = await valueNow(bar);
    await page.reload();
    await expect(result).toHaveAttribute('data-state', /running|finished/, { timeout: 60_000 });
    expect(await valueNow(bar)).toBeGreaterThanOrEqual(Math.min(before, kept));
    await expect(result).toHaveAttribute('data-state', 'finished', { timeout: 110_000 });
    await expect(page.getByTestId('tuner-recommendation')).toHaveAttribute('data-verdict', /^(change|no-change)$/);
    await expect(page.locator('[data-testid="tuner-run-item"][data-state="finished"]')).toHaveCount(1);
  });

  test('one tab runs a tuning run: a second tab shows it without running it', async ({ watched: page }) => {
    await startSmallTuning(page, {
      runs: 400,
      keep: ['presolve', 'mip_detect_symmetry', 'simplex_strategy', 'mip_heuristic_effort'],
    });
    const bar = page.getByTestId('tuner-progress');
    await expect(async () => expect(await valueNow(bar)).toBeGreaterThanOrEqual(5)).toPass({ timeout: 60_000 });
    const other = await page.context().newPage();
    await other.goto('./#/tune');
    // The second tab finds the run stored as running, but the first tab holds its lock: it only shows it.
    await expect(other.getByTestId('tuner-result')).toHaveAttribute('data-state', 'interrupted', { timeout: 60_000 });
    await expect(other.getByTestId('tuner-elsewhere-note')).toBeVisible();
    await expect(other.getByTestId('tuner-cancel-button')).toHaveCount(0);
    const shown = await valueNow(other.getByTestId('tuner-progress'));
    await other.waitForTimeout(1500);
    expect(await valueNow(other.getByTestId('tuner-progress'))).toBe(shown);
    // The first tab goes on running it.
    const now = await valueNow(bar);
    await expect(async () => expect(await valueNow(bar)).toBeGreaterThan(now)).toPass({ timeout: 60_000 });
    await expect(page.getByTestId('tuner-result')).toHaveAttribute('data-state', 'running');
    await page.getByTestId('tuner-cancel-button').click();
    await expect(page.getByTestId('tuner-result')).toHaveAttribute('data-state', 'cancelled');
    await other.reload();
    await expect(other.getByTestId('tuner-result')).toHaveAttribute('data-state', 'cancelled', { timeout: 60_000 });
    await other.close();
  });

  test('a set that changes answers is quarantined with its evidence and never recommended', async ({
    watched: page,
  }) => {
    await startSmallTuning(page, {
      runs: 80,
      keep: ['presolve'],
      extra: 'mip_feasibility_tolerance = 0.5',
      optIn: true,
    });
    const result = page.getByTestId('tuner-result');
    await expect(result).toHaveAttribute('data-state', 'finished', { timeout: 100_000 });
    const q = page.getByTestId('quarantine-row');
    await expect(q).toHaveCount(1);
    await expect(q).toContainText('mip_feasibility_tolerance');
    await expect(q).toContainText(/objective|infeasible|status/);
    const rec = page.getByTestId('tuner-recommendation');
    await expect(rec).not.toContainText('Recommended: mip_feasibility_tolerance');
    for (const row of await page.getByTestId('pareto-row').all())
      expect(await row.getAttribute('data-options')).not.toContain('mip_feasibility_tolerance');
  });
});
