import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { test, expect, fixturePath } from './fixtures';

/** Every number anywhere in a JSON value, with its path. */
function numbersOf(v: unknown, path = '$', out: [string, number][] = []): [string, number][] {
  if (typeof v === 'number') out.push([path, v]);
  else if (Array.isArray(v)) v.forEach((x, i) => numbersOf(x, `${path}[${i}]`, out));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) numbersOf(x, `${path}.${k}`, out);
  return out;
}

/** The benchmark charts, by test id: each is screenshotted (kept as a test artifact) once drawn. */
const CHARTS = [
  'chart-time-vs-size',
  'chart-performance-profile',
  'chart-seed-spread',
  'chart-speedup',
  'chart-gap-overlay',
] as const;

/** Waits until every chart has its canvas, then saves a screenshot of each as `<prefix><chart>.png`. */
async function screenshotCharts(page: Page, prefix: string): Promise<void> {
  for (const id of CHARTS) await expect(page.getByTestId(id).locator('canvas').first()).toBeVisible();
  // Each chart draws in tasks of its own (ChartCanvas): let the last one finish before the pictures.
  await page.waitForTimeout(500);
  for (const id of CHARTS)
    await page.getByTestId(id).screenshot({ path: test.info().outputPath(`${prefix}${id}.png`) });
}

/** Issue 18's chart checks that hold for any benchmark: read from the data-* attributes the charts carry. */
async function checkChartRules(page: Page): Promise<void> {
  // Speedup: bars are reference time ÷ set time, and every drawn model is faster, slower or the same.
  for (const set of await page.getByTestId('speedup-set').all()) {
    const ref = await page.getByTestId('benchmark-summary-row').first().getAttribute('data-option-set');
    await expect(set).toHaveAttribute('data-numerator', ref!);
    await expect(set).toHaveAttribute('data-denominator', (await set.getAttribute('data-option-set'))!);
    const n = (a: string) => set.getAttribute(a).then(Number);
    expect(await n('data-faster')).toBeLessThanOrEqual(await n('data-models'));
    expect((await n('data-faster')) + (await n('data-slower'))).toBeLessThanOrEqual(await n('data-models'));
  }
  // Seed spread: the axis reaches past the highest maximum drawn (no box clipped at the top).
  const spread = page.getByTestId('chart-seed-spread');
  const maxMs = Number(await spread.getAttribute('data-max-ms'));
  expect(Number(await spread.getAttribute('data-y-max'))).toBeGreaterThanOrEqual(maxMs * 1.15);
  // Time against size: a fit below R² 0.9 over three sizes or more is flagged poor; two sizes say so.
  for (const fit of await page.getByTestId('time-vs-size-fit').all()) {
    const quality = await fit.getAttribute('data-quality');
    const sizes = Number(await fit.getAttribute('data-fitted-sizes'));
    if (quality === 'none') continue;
    const r2 = Number(await fit.getAttribute('data-r2'));
    expect(quality).toBe(sizes < 3 ? 'two-sizes' : r2 < 0.9 ? 'poor' : 'ok');
  }
}

test('the default benchmark runs to its end, is summarised and exports a report', async ({ watched: page }) => {
  test.setTimeout(180_000);
  await page.goto('./#/benchmark');
  await expect(page.getByTestId('benchmark-definition')).toBeVisible();
  const sets = await page.getByTestId('benchmark-option-set').count();
  expect(sets).toBeGreaterThanOrEqual(2);
  await expect(page.getByTestId('benchmark-start-button')).toBeEnabled();
  await page.getByTestId('benchmark-start-button').click();

  const progress = page.getByTestId('benchmark-progress');
  await expect(page.getByTestId('benchmark-status')).toHaveAttribute('data-state', 'finished', { timeout: 120_000 });
  const max = Number(await progress.getAttribute('max'));
  expect(max).toBeGreaterThan(0);
  await expect(progress).toHaveAttribute('value', String(max));
  await expect(page.getByTestId('benchmark-done')).toHaveAttribute('data-value', String(max));
  await expect(page.getByTestId('benchmark-failures')).toHaveAttribute('data-value', '0');

  const rows = page.getByTestId('benchmark-summary-row');
  await expect(rows).toHaveCount(sets);
  for (const row of await rows.all()) {
    const problems = Number(await row.getAttribute('data-problems'));
    expect(problems).toBeGreaterThan(0);
    expect(Number(await row.getAttribute('data-solved'))).toBe(problems);
    expect(Number(await row.getAttribute('data-sgm'))).toBeGreaterThan(0);
  }
  await expect(page.getByTestId('benchmark-disagreements')).toHaveAttribute('data-value', '0');

  // Correctness as the user reads it: every returned solution checked from the model, within 1e-6; no
  // counter of repeated runs with the same seed differed; no disagreement listed.
  await expect(page.getByTestId('benchmark-correctness')).toBeVisible();
  const violation = page.getByTestId('benchmark-max-violation');
  await expect(violation).toBeVisible();
  expect(Number(await violation.getAttribute('data-solutions'))).toBeGreaterThan(0);
  for (const attr of ['data-bound', 'data-row']) {
    const text = await violation.getAttribute(attr);
    expect(text, attr).toMatch(/^[0-9.e+-]+$/);
    expect(Number(text), attr).toBeGreaterThanOrEqual(0);
    expect(Number(text), attr).toBeLessThanOrEqual(1e-6);
  }
  await expect(page.getByTestId('counters-differ')).toHaveCount(0);
  // Quick start runs each (model, seed) once: determinism was not checked, so it is not claimed.
  const determinism = page.getByTestId('determinism');
  await expect(determinism).toHaveAttribute('data-state', 'unchecked');
  await expect(determinism).toHaveAttribute('data-value', '0');
  await expect(determinism).toContainText('set repetitions ≥ 2');
  await expect(page.getByTestId('counters-identical')).toHaveCount(0);
  await expect(page.getByTestId('correctness-disagreement')).toHaveCount(0);
  // The summary carries a shifted geometric mean of every work counter per option set.
  await expect(page.getByTestId('benchmark-counter-sgm')).toHaveCount(4 * sets);

  // The charts (issue 18): legend direction, no clipping, poor fits said so; a picture of each to look at.
  await screenshotCharts(page, 'quick-start-');
  await checkChartRules(page);
  // The summary's scaling exponents carry the same reading as the chart's fits.
  for (const f of await page.getByTestId('benchmark-scaling').all()) {
    const r2 = Number(await f.getAttribute('data-r2'));
    if ((await f.getAttribute('data-quality')) !== 'two-sizes')
      await expect(f).toHaveAttribute('data-quality', r2 < 0.9 ? 'poor' : 'ok');
  }

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('export-report-button').click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^highs-workbench-report-\d{4}-\d{2}-\d{2}\.json$/);
  const report = JSON.parse(await readFile(await download.path(), 'utf8')) as {
    schema: string;
    version: number;
    benchmarks: { runs: Record<string, unknown>[]; optionSets: unknown[] }[];
  };
  expect(report.schema).toBe('highs-workbench/report');
  expect(report.version).toBe(1);
  expect(report.benchmarks).toHaveLength(1);
  expect(report.benchmarks[0].runs).toHaveLength(max);
  expect(report.benchmarks[0].optionSets).toHaveLength(sets);
  // HiGHS's own reported infeasibility travels with every run, beside core's violations.
  const highs = report.benchmarks[0].runs.map((r) => r.highsMaxPrimalInfeasibility);
  expect(highs.filter((x) => x !== null && typeof x !== 'number')).toEqual([]);
  expect(highs.some((x) => typeof x === 'number')).toBe(true);
  const bad = numbersOf(report).filter(([, x]) => !Number.isFinite(x));
  expect(bad).toEqual([]);

  // Edit the definition: the results on screen ran the earlier one, and a note above them says so. (After leaving
  // the view and coming back: the view's state outlives the view and still follows the edits.)
  const stale = page.getByTestId('results-stale-note');
  await expect(stale).toHaveCount(0);
  await page.locator('[data-testid="nav-link"][data-route="reports"]').click();
  await expect(page.getByTestId('report-row')).toHaveCount(1);
  await page.locator('[data-testid="nav-link"][data-route="benchmark"]').click();
  await expect(page.getByTestId('benchmark-summary')).toBeVisible();
  await expect(stale).toHaveCount(0);
  await page.getByTestId('benchmark-seeds-input').fill('1, 2, 3');
  await expect(stale).toBeVisible();
  await expect(stale).toHaveAttribute('data-value', 'seeds');
  await expect(page.getByTestId('benchmark-summary')).toBeVisible();
  await page.getByTestId('benchmark-seeds-input').fill('1, 2');
  await expect(stale).toHaveCount(0);
});

test('the warm-up says what it warms, and the time left is estimated from it and counts down', async ({
  watched: page,
}) => {
  test.setTimeout(120_000);
  await page.goto('./#/benchmark');
  await expect(page.getByTestId('benchmark-start-button')).toBeEnabled();
  // One hard MIP that runs to its 5 s time limit, one option set, two random_seed values, one worker.
  const templates = page.getByTestId('benchmark-template');
  while ((await templates.count()) > 0) await templates.first().getByTestId('template-remove').click();
  await page.getByTestId('model-file-input').setInputFiles(fixturePath('market-split-4x30.lp'));
  await expect(page.getByTestId('model-file-row')).toHaveCount(1);
  const sets = page.getByTestId('benchmark-option-set');
  while ((await sets.count()) > 1) await sets.last().getByTestId('option-set-remove').click();
  await page.getByTestId('benchmark-seeds-input').fill('1, 2');
  await page.getByTestId('benchmark-time-unit-select').selectOption('s');
  await page.getByTestId('benchmark-time-limit-input').fill('5');
  await page.getByTestId('benchmark-workers-input').fill('1');
  await expect(page.getByTestId('benchmark-warmup-toggle')).toBeChecked();
  await expect(page.getByTestId('benchmark-planned-runs')).toHaveAttribute('data-value', '2');
  await page.getByTestId('benchmark-start-button').click();

  // Warming: which model with which option set, k of n warm-up solves (1 model × 1 set × 1 worker).
  const warmup = page.getByTestId('benchmark-warmup');
  await expect(warmup).toBeVisible({ timeout: 30_000 });
  await expect(warmup).toContainText('market-split-4x30.lp');
  await expect(warmup).toContainText('“HiGHS defaults”');
  await expect(warmup).toHaveAttribute('data-total', '1');
  await expect(warmup).toHaveAttribute('data-done', '0');

  // Once the warm-up solve is in, the time left is known (about two 5 s runs) and counts down between estimates.
  const status = page.getByTestId('benchmark-status');
  await expect(status).toHaveAttribute('data-state', 'running', { timeout: 30_000 });
  await expect(warmup).toHaveCount(0);
  const eta = page.getByTestId('benchmark-eta');
  const left = async () => Number(await eta.getAttribute('data-value'));
  await expect(eta).not.toHaveAttribute('data-value', '');
  const first = await left();
  expect(first).toBeGreaterThan(4_000);
  expect(first).toBeLessThan(30_000);
  await page.waitForTimeout(2_200);
  // No run finished meanwhile (each runs to its 5 s limit), so no new estimate: the display counted down.
  await expect(page.getByTestId('benchmark-done')).toHaveAttribute('data-value', '0');
  const second = await left();
  expect(first - second).toBeGreaterThanOrEqual(1_000);
  expect(first - second).toBeLessThanOrEqual(4_000);
  await expect(eta).toContainText('left');
  await expect(status).toHaveAttribute('data-state', 'finished', { timeout: 60_000 });
});

test('a benchmark built in the editor survives a reload mid-run, resumes only what is missing, and its saved config loads after a reload', async ({
  watched: page,
}) => {
  test.setTimeout(240_000);
  await page.goto('./#/benchmark');
  const start = page.getByTestId('benchmark-start-button');
  await expect(start).toBeEnabled();
  const errorOf = (field: string) => page.locator(`[data-testid="benchmark-config-error"][data-field="${field}"]`);

  // Start from nothing: without templates the benchmark is invalid, the field says so, start is disabled.
  const templates = page.getByTestId('benchmark-template');
  while ((await templates.count()) > 0) await templates.first().getByTestId('template-remove').click();
  await expect(errorOf('templates')).toBeVisible();
  await expect(start).toBeDisabled();

  await page.getByTestId('benchmark-name-input').fill('e2e knapsack');
  await page.getByTestId('benchmark-add-generator').click();
  await expect(templates).toHaveCount(1);
  const t = templates.first();
  await t.getByTestId('generator-select').selectOption('knapsack');
  await t.getByTestId('generator-sizes-input').fill('2000, x');
  await expect(errorOf('templates.0.sizes')).toContainText("'x' is not a whole number");
  await expect(start).toBeDisabled();
  await t.getByTestId('generator-sizes-input').fill('2000, 5000');
  await t.getByTestId('generator-instance-seeds-input').fill('1');
  await expect(errorOf('templates.0.sizes')).toHaveCount(0);

  // A generated model as LP text: shown, and downloaded under its generator/size/instance-seed name.
  await t.getByTestId('generated-model-view').click();
  const lp = t.getByTestId('generated-model-text');
  await expect(lp).toContainText('Subject To');
  const shown = await lp.textContent();
  const [lpDownload] = await Promise.all([
    page.waitForEvent('download'),
    t.getByTestId('generated-model-download').click(),
  ]);
  expect(lpDownload.suggestedFilename()).toBe('knapsack-n2000-s1-nosym.lp');
  expect(await readFile(await lpDownload.path(), 'utf8')).toBe(shown);

  // Option sets: HiGHS defaults (the reference) against a new set edited in the option form: presolve off.
  const sets = page.getByTestId('benchmark-option-set');
  while ((await sets.count()) > 1) await sets.last().getByTestId('option-set-remove').click();
  await sets.first().getByTestId('option-set-name-input').fill('defaults');
  await page.getByTestId('benchmark-add-option-set').click();
  await expect(sets).toHaveCount(2);
  const alt = sets.last();
  await alt.getByTestId('option-set-name-input').fill('no presolve');
  await alt.getByTestId('options-filter').fill('presolve');
  await alt.locator('[data-testid="option-row"][data-option="presolve"] select').selectOption('off', {
    timeout: 60_000,
  });
  await expect(alt.getByTestId('option-set-options')).toHaveText('presolve = off');
  await alt.getByTestId('option-set-edit').click();
  await sets.first().getByTestId('option-set-reference-radio').check();
  await expect(sets.first()).toHaveAttribute('data-reference', 'true');

  await page.getByTestId('benchmark-seeds-input').fill('1, 1');
  await expect(errorOf('config.seeds')).toContainText('repeated');
  await page.getByTestId('benchmark-seeds-input').fill('1, 2');
  await page.getByTestId('benchmark-repetitions-input').fill('3');
  await page.getByTestId('benchmark-time-unit-select').selectOption('s');
  await page.getByTestId('benchmark-time-limit-input').fill('30');
  await page.getByTestId('benchmark-workers-input').fill('1');
  await expect(page.getByTestId('benchmark-warmup-toggle')).toBeChecked();
  // 2 models × 2 option sets × 2 random_seed values × 3 repetitions.
  const PLAN = 24;
  await expect(page.getByTestId('benchmark-planned-runs')).toHaveAttribute('data-value', String(PLAN));
  await expect(page.getByTestId('benchmark-config-error')).toHaveCount(0);

  await page.getByTestId('benchmark-config-name-input').fill('knapsack e2e');
  await page.getByTestId('benchmark-save-config-button').click();
  await expect(page.locator('[data-testid="saved-config-row"][data-name="knapsack e2e"]')).toHaveCount(1);

  // Run; reload once some runs finished (and were written: batches flush within 500 ms), before the end.
  await expect(start).toBeEnabled();
  await start.click();
  const done = page.getByTestId('benchmark-done');
  await expect
    .poll(async () => Number(await done.getAttribute('data-value')), { timeout: 60_000 })
    .toBeGreaterThanOrEqual(4);
  await page.waitForTimeout(800);
  expect(Number(await done.getAttribute('data-value'))).toBeLessThan(PLAN);
  await expect(page.getByTestId('benchmark-status')).toHaveAttribute('data-state', 'running');
  await page.reload();

  const item = page.getByTestId('benchmark-interrupted-item');
  await expect(item).toHaveCount(1);
  await expect(item).toContainText('e2e knapsack');
  await item.getByTestId('benchmark-resume-button').click();
  // While the workers warm up, the runs stored before the reload already count: only the rest will run.
  await expect(page.getByTestId('benchmark-status')).toHaveAttribute('data-state', 'warming');
  const kept = Number(await done.getAttribute('data-value'));
  expect(kept).toBeGreaterThan(0);
  expect(kept).toBeLessThan(PLAN);
  await expect(page.getByTestId('benchmark-status')).toHaveAttribute('data-state', 'finished', { timeout: 120_000 });
  await expect(page.getByTestId('benchmark-total')).toHaveAttribute('data-value', String(PLAN));
  await expect(done).toHaveAttribute('data-value', String(PLAN));
  await expect(page.getByTestId('benchmark-failures')).toHaveAttribute('data-value', '0');
  await expect(page.getByTestId('benchmark-interrupted-item')).toHaveCount(0);
  await expect(page.getByTestId('benchmark-summary-row')).toHaveCount(2);
  await expect(page.getByTestId('benchmark-summary-partial')).toHaveCount(0);
  // 3 repetitions of each (model, option set, seed): determinism was checked on all 8 groups, and held.
  await expect(page.getByTestId('determinism')).toHaveAttribute('data-state', 'identical');
  await expect(page.getByTestId('determinism')).toHaveAttribute('data-value', '8');

  // The charts show, each with its numbers: the time-vs-size CSV has one row per problem and option set.
  await screenshotCharts(page, 'knapsack-');
  await checkChartRules(page);
  const sizeChart = page.getByTestId('chart-time-vs-size');
  const [csv] = await Promise.all([
    page.waitForEvent('download'),
    sizeChart.getByTestId('chart-data-download').click(),
  ]);
  const lines = (await readFile(await csv.path(), 'utf8')).trim().split(/\r?\n/);
  expect(lines.length - 1).toBe(Number(await sizeChart.getByTestId('chart-data-download').getAttribute('data-value')));
  expect(lines.length - 1).toBeGreaterThanOrEqual(2 * 2 * 2); // sizes × seeds × option sets

  // What is stored: exactly the plan, no run twice.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('export-report-button').click(),
  ]);
  const report = JSON.parse(await readFile(await download.path(), 'utf8')) as {
    benchmarks: {
      name: string;
      models: { size: number | null }[];
      optionSets: { name: string; options: Record<string, unknown> }[];
      runs: { modelId: string; optionSetId: string; seed: number; repetition: number }[];
    }[];
  };
  const b = report.benchmarks[0];
  expect(b.name).toBe('e2e knapsack');
  expect(b.models.map((m) => m.size)).toEqual([2000, 5000]);
  expect(b.optionSets.map((o) => [o.name, o.options])).toEqual([
    ['defaults', {}],
    ['no presolve', { presolve: 'off' }],
  ]);
  expect(b.runs).toHaveLength(PLAN);
  const keys = new Set(b.runs.map((r) => `${r.modelId}|${r.optionSetId}|${r.seed}|${r.repetition}`));
  expect(keys.size).toBe(PLAN);
  expect(new Set(b.runs.map((r) => r.seed))).toEqual(new Set([1, 2]));

  // The saved configuration outlives a reload and loads back into the editor, ready to run again.
  await page.reload();
  const row = page.locator('[data-testid="saved-config-row"][data-name="knapsack e2e"]');
  await expect(row).toHaveCount(1);
  await expect(page.getByTestId('benchmark-name-input')).toHaveValue('Quick start');
  await row.getByTestId('saved-config-load').click();
  await expect(page.getByTestId('benchmark-name-input')).toHaveValue('e2e knapsack');
  await expect(templates).toHaveCount(1);
  await expect(templates.first().getByTestId('generator-sizes-input')).toHaveValue('2000, 5000');
  await expect(sets).toHaveCount(2);
  await expect(sets.last().getByTestId('option-set-options')).toHaveText('presolve = off');
  await expect(page.getByTestId('benchmark-seeds-input')).toHaveValue('1, 2');
  await expect(page.getByTestId('benchmark-planned-runs')).toHaveAttribute('data-value', String(PLAN));
  await expect(start).toBeEnabled();
  await row.getByTestId('saved-config-delete').click();
  await expect(row).toHaveCount(0);
});

test('the user’s model files are validated and hashed before they join the benchmark', async ({ watched: page }) => {
  await page.goto('./#/benchmark');
  await expect(page.getByTestId('benchmark-start-button')).toBeEnabled();
  const planned = page.getByTestId('benchmark-planned-runs');
  const before = Number(await planned.getAttribute('data-value'));
  await page.getByTestId('model-file-input').setInputFiles(fixturePath('p0548.mps'));
  const row = page.getByTestId('model-file-row');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('p0548.mps');
  expect(await row.getAttribute('data-id')).toMatch(/^[0-9a-f]{64}$/);
  await expect(planned).not.toHaveAttribute('data-value', String(before));
  await page.getByTestId('model-file-input').setInputFiles(fixturePath('garbage.lp'));
  await expect(page.getByTestId('model-file-error')).toHaveAttribute('data-error-name', 'InvalidModel');
  await expect(page.getByTestId('model-file-error')).toContainText('garbage.lp');
  await expect(row).toHaveCount(1);
  await expect(page.getByTestId('benchmark-start-button')).toBeEnabled();
});

test('a size that hits the time limit is marked censored and left out of the scaling fit, which says so', async ({
  watched: page,
}) => {
  test.setTimeout(180_000);
  await page.goto('./#/benchmark');
  const start = page.getByTestId('benchmark-start-button');
  await expect(start).toBeEnabled();
  const templates = page.getByTestId('benchmark-template');
  while ((await templates.count()) > 0) await templates.first().getByTestId('template-remove').click();
  await page.getByTestId('benchmark-name-input').fill('e2e censored');
  await page.getByTestId('benchmark-add-generator').click();
  const t = templates.first();
  await t.getByTestId('generator-select').selectOption('facility-location');
  // 5 and 10 customers solve in milliseconds; 300 (120 facilities) cannot be proved optimal in 400 ms.
  await t.getByTestId('generator-sizes-input').fill('5, 10, 300');
  await t.getByTestId('generator-instance-seeds-input').fill('1');
  const sets = page.getByTestId('benchmark-option-set');
  while ((await sets.count()) > 1) await sets.last().getByTestId('option-set-remove').click();
  await page.getByTestId('benchmark-seeds-input').fill('1, 2');
  await page.getByTestId('benchmark-repetitions-input').fill('1');
  await page.getByTestId('benchmark-time-unit-select').selectOption('ms');
  await page.getByTestId('benchmark-time-limit-input').fill('400');
  await expect(page.getByTestId('benchmark-planned-runs')).toHaveAttribute('data-value', '6');
  await expect(start).toBeEnabled();
  await start.click();
  await expect(page.getByTestId('benchmark-status')).toHaveAttribute('data-state', 'finished', { timeout: 150_000 });

  const fit = page.getByTestId('time-vs-size-fit');
  await expect(fit).toHaveCount(1);
  // Both seeds of size 300 hit the limit: drawn as censored, left out; the fit goes through 5 and 10 only.
  expect(Number(await fit.getAttribute('data-unsolved'))).toBeGreaterThanOrEqual(2);
  await expect(fit).toHaveAttribute('data-censored-sizes', '1');
  await expect(fit).toHaveAttribute('data-fitted-sizes', '2');
  await expect(fit).toHaveAttribute('data-quality', 'two-sizes');
  await expect(fit).toContainText('1 size left out');
  const summary = page.getByTestId('benchmark-scaling');
  await expect(summary).toHaveAttribute('data-censored-sizes', '1');
  expect(Number(await summary.getAttribute('data-censored-problems'))).toBeGreaterThanOrEqual(2);
  await page.getByTestId('chart-time-vs-size').locator('canvas').first().waitFor();
  await page.waitForTimeout(500);
  await page
    .getByTestId('chart-time-vs-size')
    .screenshot({ path: test.info().outputPath('censored-chart-time-vs-size.png') });
  await page.getByTestId('benchmark-summary').screenshot({ path: test.info().outputPath('censored-summary.png') });

  // The exported report carries the censoring in the summary's scaling fit (fields added within version 1).
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('export-report-button').click(),
  ]);
  const report = JSON.parse(await readFile(await download.path(), 'utf8')) as {
    benchmarks: { summary: { optionSets: { scaling: Record<string, unknown>[] }[] } }[];
  };
  const [scaling] = report.benchmarks[0].summary.optionSets[0].scaling;
  expect(scaling).toMatchObject({ sizes: [5, 10], censoredSizes: [300], quality: 'two-sizes' });
});
