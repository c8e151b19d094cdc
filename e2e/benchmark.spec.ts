import { readFile } from 'node:fs/promises';
import { test, expect } from './fixtures';

/** Every number anywhere in a JSON value, with its path. */
function numbersOf(v: unknown, path = '$', out: [string, number][] = []): [string, number][] {
  if (typeof v === 'number') out.push([path, v]);
  else if (Array.isArray(v)) v.forEach((x, i) => numbersOf(x, `${path}[${i}]`, out));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) numbersOf(x, `${path}.${k}`, out);
  return out;
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

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('export-report-button').click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^highs-workbench-report-\d{4}-\d{2}-\d{2}\.json$/);
  const report = JSON.parse(await readFile(await download.path(), 'utf8')) as {
    schema: string;
    version: number;
    benchmarks: { runs: unknown[]; optionSets: unknown[] }[];
  };
  expect(report.schema).toBe('highs-workbench/report');
  expect(report.version).toBe(1);
  expect(report.benchmarks).toHaveLength(1);
  expect(report.benchmarks[0].runs).toHaveLength(max);
  expect(report.benchmarks[0].optionSets).toHaveLength(sets);
  const bad = numbersOf(report).filter(([, x]) => !Number.isFinite(x));
  expect(bad).toEqual([]);
});
