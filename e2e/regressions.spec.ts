// Baselines and regressions end to end: the Quick start benchmark run in #/benchmark, a baseline of its
// knapsack template established from it, the benchmark run again and checked in #/regressions (not
// regressed), then its presolve-off set checked against the same baseline (other options: its work counters
// rise but do not stand for time, and two runs a side are too few for time to decide: inconclusive, never
// regressed beside a faster time), and a re-imported report of the rerun with one knapsack objective changed
// (wrong, which raises an alert, shown in the header and #/health, resolved there with a note), with the
// evidence one click away and the template's history chart, one series per option set; after a reload the
// history and a threshold set per template are still there.
import { readFile } from 'node:fs/promises';
import { test, expect } from './fixtures';
import type { Page } from '@playwright/test';

/** Starts the editor's benchmark and waits until it finished and was summarised; returns its id. */
async function runQuickStart(page: Page, previous: string | null): Promise<string> {
  await expect(page.getByTestId('benchmark-start-button')).toBeEnabled({ timeout: 60_000 });
  await page.getByTestId('benchmark-start-button').click();
  const establish = page.getByTestId('establish-baseline');
  await expect
    .poll(async () => ((await establish.count()) === 1 ? await establish.getAttribute('data-id') : null), {
      timeout: 150_000,
    })
    .not.toBe(previous);
  await expect(page.getByTestId('benchmark-status')).toHaveAttribute('data-state', 'finished');
  await expect(page.getByTestId('benchmark-failures')).toHaveAttribute('data-value', '0');
  const id = await establish.getAttribute('data-id');
  expect(id).toBeTruthy();
  return id!;
}

/** Every shown verdict carries its time ratio, and none contradicts it: regressed only at or above 1, improved at or below. */
async function verdictsAgreeWithRatios(page: Page): Promise<void> {
  for (const v of await page.getByTestId('regression-verdict').all()) {
    const verdict = await v.getAttribute('data-verdict');
    const ratio = Number(await v.getAttribute('data-time-ratio'));
    expect(Number.isFinite(ratio) && ratio > 0).toBe(true);
    if (verdict === 'regressed') expect(ratio).toBeGreaterThanOrEqual(1);
    if (verdict === 'improved') expect(ratio).toBeLessThanOrEqual(1);
  }
}

test('a baseline from a benchmark, its rerun not regressed, other options not regressed on work alone, a wrong report', async ({
  watched: page,
}) => {
  test.setTimeout(400_000);
  await page.goto('./#/benchmark');
  await expect(page.getByTestId('benchmark-definition')).toBeVisible();
  const first = await runQuickStart(page, null);

  // Establish the baseline of the knapsack template under HiGHS defaults.
  const establish = page.getByTestId('establish-baseline');
  await establish.getByTestId('establish-baseline-template').selectOption('knapsack');
  await establish.getByTestId('establish-baseline-option-set').selectOption('defaults');
  await expect(establish.getByTestId('establish-baseline-threshold')).toHaveValue('20');
  await establish.getByTestId('establish-baseline-button').click();
  await expect(page.getByTestId('baseline-established')).toBeVisible();

  // The same benchmark again.
  const second = await runQuickStart(page, first);
  expect(second).not.toBe(first);

  await page.goto('./#/regressions');
  const rows = page.locator('[data-testid="baseline-row"][data-template="knapsack"]');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('HiGHS defaults');
  await expect(rows.first()).toContainText('1.15'); // the solver version it was made on

  const form = page.getByTestId('regression-check-form');
  await form.getByTestId('regression-candidate-select').selectOption(second);
  await form.getByTestId('check-regression-button').click();
  const templateVerdict = page.locator(
    '[data-testid="regression-verdict"][data-level="template"][data-template="knapsack"]',
  );
  await expect(templateVerdict).toHaveCount(1, { timeout: 60_000 });
  const verdict = await templateVerdict.getAttribute('data-verdict');
  expect(['unchanged', 'improved', 'inconclusive']).toContain(verdict);
  // Per model verdicts: the three knapsacks, none regressed or wrong; the evidence one click away.
  const models = page.locator('[data-testid="regression-verdict"][data-level="model"][data-template="knapsack"]');
  await expect(models).toHaveCount(3);
  for (const v of await models.all())
    expect(['regressed', 'wrong']).not.toContain(await v.getAttribute('data-verdict'));
  await models.first().locator('summary').click();
  await expect(models.first().getByText('Work counters: no change.')).toBeVisible();
  // The baseline's options and solver with identical work: the time difference is noise.
  for (const v of await models.all()) await expect(v).toHaveAttribute('data-time-call', 'noise');
  await verdictsAgreeWithRatios(page);

  // Presolve off, checked against the defaults baseline: other options, so the counters (which rise) are
  // evidence and time decides; one run per seed and model is too few for it: inconclusive, not regressed.
  await form.getByTestId('regression-option-set-select').selectOption('no-presolve');
  await form.getByTestId('check-regression-button').click();
  await expect(page.getByTestId('regression-option-set')).toHaveAttribute('data-same-options', 'false', {
    timeout: 60_000,
  });
  // The evidence names the option sets by their names, never by their ids ('no-presolve').
  await expect(page.getByTestId('regression-option-set')).toContainText('“presolve off” against the baseline');
  await expect(page.getByTestId('regression-option-set')).not.toContainText('no-presolve');
  await expect(templateVerdict).toHaveAttribute('data-verdict', 'inconclusive');
  for (const v of await models.all()) {
    await expect(v).toHaveAttribute('data-verdict', 'inconclusive');
    await expect(v).toHaveAttribute('data-time-call', 'too-few');
  }
  await verdictsAgreeWithRatios(page);
  await templateVerdict.locator('summary').click();
  await expect(templateVerdict.locator('details li').first()).toBeVisible();
  await expect(templateVerdict.locator('details')).toContainText(
    'the work counters are evidence and wall time decides',
  );
  const changed = page.getByTestId('regression-counter-changes');
  expect(await changed.count()).toBeGreaterThan(0);

  // A stored benchmark viewed in #/reports offers the same button.
  await page.goto('./#/reports');
  await page.locator(`[data-testid="report-row"][data-id="${first}"]`).getByTestId('report-view-button').click();
  await expect(page.getByTestId('report-view')).toHaveAttribute('data-id', first);
  await expect(page.getByTestId('establish-baseline-button')).toBeEnabled();

  // The rerun exported, one knapsack objective (and its dual bound) changed, imported: a planted wrong report.
  await page.locator(`[data-testid="report-row"][data-id="${second}"]`).getByTestId('report-select').check();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('export-report-button').click(),
  ]);
  const report = JSON.parse(await readFile(await download.path(), 'utf8')) as {
    benchmarks: {
      models: { id: string; template: string }[];
      runs: { modelId: string; optionSetId: string; objective: number | null; mipDualBound: number | null }[];
    }[];
  };
  const knapsack = new Set(report.benchmarks[0].models.filter((m) => m.template === 'knapsack').map((m) => m.id));
  const run = report.benchmarks[0].runs.find(
    (r) => knapsack.has(r.modelId) && r.optionSetId === 'defaults' && r.objective !== null,
  )!;
  run.objective = run.objective! + 7;
  run.mipDualBound = run.objective;
  await page.getByTestId('import-report-input').setInputFiles({
    name: 'planted-wrong.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(report)),
  });
  const imported = page.locator('[data-testid="report-row"][data-imported="true"]');
  await expect(imported).toHaveCount(1);
  const plantedId = (await imported.getAttribute('data-id'))!;

  await page.locator('[data-testid="nav-link"][data-route="regressions"]').click();
  await form.getByTestId('regression-candidate-select').selectOption(plantedId);
  await form.getByTestId('regression-option-set-select').selectOption('');
  await form.getByTestId('check-regression-button').click();
  await expect(templateVerdict).toHaveAttribute('data-verdict', 'wrong', { timeout: 60_000 });
  await expect(page.getByTestId('regression-correctness')).toHaveCount(1);
  await verdictsAgreeWithRatios(page);

  // The wrong verdict raised an alert: the header badge counts it, #/health lists it with the current and
  // baseline times and the threshold, and it can be resolved with a note.
  const badge = page.getByTestId('alerts-badge');
  const badgeCount = async () => Number(await badge.getAttribute('data-value'));
  await expect.poll(badgeCount).toBeGreaterThanOrEqual(1);
  await badge.click();
  const alert = page.locator('[data-testid="alert-row"][data-source="regression"][data-state="active"]');
  await expect(alert).toHaveCount(1);
  await expect(alert).toHaveAttribute('data-key', 'regression:knapsack:defaults');
  await expect(alert).toHaveAttribute('data-severity', 'critical');
  const details = alert.getByTestId('alert-details');
  for (const field of ['currentMs', 'baselineMs', 'thresholdPct']) await expect(details).toContainText(field);
  // Opening #/health ran the checks: "no template regressed" failed, which raises an alert of its own.
  await expect(page.locator('[data-testid="health-check-row"][data-id="no-regression"]')).toHaveAttribute(
    'data-status',
    'fail',
    { timeout: 60_000 },
  );
  await expect(page.locator('[data-testid="alert-row"][data-key="health:no-regression"]')).toHaveCount(1);
  await alert.getByTestId('alert-resolve-note').fill('the objective was planted in the report');
  await alert.getByTestId('alert-resolve-button').click();
  const resolved = page.locator('[data-testid="alert-row"][data-source="regression"][data-state="resolved"]');
  await expect(resolved).toHaveCount(1);
  await expect(resolved.getByTestId('alert-resolve-note-text')).toContainText('planted in the report');
  const active = page.locator('[data-testid="alert-row"][data-state="active"]');
  await expect.poll(async () => (await badgeCount()) === (await active.count())).toBe(true);
  expect(await page.locator('[data-testid="alert-row"][data-source="regression"][data-state="active"]').count()).toBe(
    0,
  );
  await page.locator('[data-testid="nav-link"][data-route="regressions"]').click();

  // The history: three checks of knapsack in two series (defaults, presolve off), the wrong one flagged, and a
  // change point where the defaults went from the rerun's verdict to wrong (switching sets is none).
  const history = page.locator('[data-testid="regression-history"][data-template="knapsack"]');
  await expect(history).toHaveAttribute('data-value', '3');
  await expect(history).toHaveAttribute('data-series', '2');
  await expect(history).toHaveAttribute('data-flagged', '1');
  await expect(history).toHaveAttribute('data-changes', '1');
  await expect(history.locator('canvas')).toBeVisible();
  await expect(history.getByTestId('chart-data-download')).toHaveAttribute('data-value', '3');
  await page.waitForTimeout(300); // the chart draws in a task of its own
  await history.screenshot({ path: test.info().outputPath('regression-history-knapsack.png') });

  // A threshold of 30 % for knapsack, stored (strict durability) before the reload.
  const threshold = page.locator('[data-testid="baseline-threshold"][data-template="knapsack"]');
  await threshold.fill('30');
  await threshold.dispatchEvent('change');
  await expect
    .poll(() =>
      page.evaluate(
        () =>
          new Promise<unknown>((resolve, reject) => {
            const open = indexedDB.open('highs-workbench');
            open.onerror = () => reject(open.error);
            open.onsuccess = () => {
              const db = open.result;
              const get = db.transaction('templateSettings').objectStore('templateSettings').get('knapsack');
              get.onsuccess = () => {
                db.close();
                resolve((get.result as { thresholdPct?: number } | undefined)?.thresholdPct ?? null);
              };
              get.onerror = () => reject(get.error);
            };
          }),
      ),
    )
    .toBe(30);

  // The baseline, the history (same points, same CSV rows) and the threshold outlive a reload.
  await page.reload();
  await expect(page.locator('[data-testid="baseline-row"][data-template="knapsack"]')).toHaveCount(1);
  await expect(history).toHaveAttribute('data-value', '3');
  await expect(history).toHaveAttribute('data-series', '2');
  await expect(history).toHaveAttribute('data-flagged', '1');
  await expect(history.getByTestId('chart-data-download')).toHaveAttribute('data-value', '3');
  await expect(history.locator('canvas')).toBeVisible();
  await expect(threshold).toHaveValue('30');
});
