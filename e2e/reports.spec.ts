import { readFile } from 'node:fs/promises';
import { test, expect } from './fixtures';

interface ReportJson {
  benchmarks: {
    models: { id: string; integers: number }[];
    runs: { modelId: string; status: string | null; objective: number | null }[];
  }[];
}

/** RFC 4180 CSV (quoted fields, doubled quotes, CRLF rows) as rows of cells. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted && ch === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (ch === '"') {
      quoted = !quoted;
    } else if (!quoted && ch === ',') {
      row.push(cell);
      cell = '';
    } else if (!quoted && ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else {
      cell += ch;
    }
  }
  return rows;
}

test('a benchmark is exported from #/reports, re-imported with a changed objective and compared', async ({
  watched: page,
}) => {
  test.setTimeout(240_000);
  await page.goto('./#/benchmark');
  await expect(page.getByTestId('benchmark-start-button')).toBeEnabled();
  await page.getByTestId('benchmark-start-button').click();
  await expect(page.getByTestId('benchmark-status')).toHaveAttribute('data-state', 'finished', { timeout: 150_000 });

  await page.locator('[data-testid="nav-link"][data-route="reports"]').click();
  const rows = page.getByTestId('report-row');
  await expect(rows).toHaveCount(1);
  const local = rows.first();
  await expect(local).toHaveAttribute('data-state', 'finished');
  await expect(local.getByTestId('report-name')).toHaveText('Quick start');
  const runs = Number(await local.getAttribute('data-runs'));
  expect(runs).toBeGreaterThan(0);

  // Export: nothing selected → disabled; the selected one → a report file.
  await expect(page.getByTestId('export-report-button')).toBeDisabled();
  await expect(page.getByTestId('compare-button')).toBeDisabled();
  await local.getByTestId('report-select').check();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('export-report-button').click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^highs-workbench-report-\d{4}-\d{2}-\d{2}\.json$/);
  const report = JSON.parse(await readFile(await download.path(), 'utf8')) as ReportJson;
  expect(report.benchmarks).toHaveLength(1);
  expect(report.benchmarks[0].runs).toHaveLength(runs);

  // Change the objective of every solved run of one LP (a MIP's change could hide within its gap).
  const lp = report.benchmarks[0].models.find(
    (m) => m.integers === 0 && report.benchmarks[0].runs.some((r) => r.modelId === m.id && r.status === 'optimal'),
  )!;
  expect(lp).toBeDefined();
  for (const r of report.benchmarks[0].runs)
    if (r.modelId === lp.id && r.objective !== null) r.objective = r.objective * 2 + 100;
  await page.getByTestId('import-report-input').setInputFiles({
    name: 'changed-report.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(report)),
  });
  await expect(rows).toHaveCount(2);
  const imported = page.locator('[data-testid="report-row"][data-imported="true"]');
  await expect(imported).toHaveCount(1);
  await expect(imported).toHaveAttribute('data-runs', String(runs));
  await expect(imported.getByTestId('report-imported-from')).toContainText('changed-report.json');
  await expect(imported.getByTestId('report-imported-from')).toContainText('cores');
  await expect(page.getByTestId('error-message')).toHaveCount(0);
  // Its date is when it ran (the report says so), not when it was imported; the import has its own date.
  const localRow = page.locator('[data-testid="report-row"][data-imported="false"]');
  const ranAt = await localRow.getByTestId('report-ran-at').getAttribute('data-value');
  expect(Date.parse(ranAt!)).toBeGreaterThan(0);
  await expect(imported.getByTestId('report-ran-at')).toHaveAttribute('data-value', ranAt!);
  await expect(imported.getByTestId('report-ran-at')).toHaveAttribute('data-before', 'false');
  const importedAt = await imported.getByTestId('report-imported-at').getAttribute('data-value');
  expect(Date.parse(importedAt!)).toBeGreaterThan(Date.parse(ranAt!));
  await expect(localRow.getByTestId('report-imported-at')).toHaveCount(0);
  const importedId = (await imported.getAttribute('data-id'))!;
  const localId = (await localRow.getAttribute('data-id'))!;

  // Viewed like a local one: its summary.
  await imported.getByTestId('report-view-button').click();
  await expect(page.getByTestId('report-view')).toBeVisible();
  await expect(page.getByTestId('benchmark-summary-row')).toHaveCount(2);
  await expect(page.getByTestId('benchmark-charts')).toBeVisible();

  // Compare: the local one is A (selected first), the imported one B.
  await expect(page.getByTestId('compare-button')).toBeDisabled();
  await imported.getByTestId('report-select').check();
  await expect(page.getByTestId('compare-button')).toBeEnabled();
  await page.getByTestId('compare-button').click();
  const panel = page.getByTestId('comparison-panel');
  await expect(panel).toBeVisible();
  // Which is A and which is B, by name and date (both are "Quick start": the import says it was imported).
  await expect(panel).toHaveAttribute('data-a', localId);
  await expect(page.getByTestId('comparison-side-a')).toContainText('Quick start');
  await expect(page.getByTestId('comparison-side-a')).toHaveAttribute('data-ran-at', ranAt!);
  await expect(page.getByTestId('comparison-side-a')).not.toContainText('imported');
  await expect(page.getByTestId('comparison-side-b')).toContainText('imported');
  const differences = page.getByTestId('correctness-difference');
  await expect(differences.first()).toBeVisible();
  await expect(differences.first()).toHaveAttribute('data-kind', 'objective-changed');
  await expect(differences.first()).toHaveAttribute('data-model', lp.id);
  await expect(
    page.locator('[data-testid="correctness-difference"][data-model]:not([data-model="' + lp.id + '"])'),
  ).toHaveCount(0);
  await expect(page.getByTestId('comparison-summary-row')).toHaveCount(2);
  expect(await page.getByTestId('comparison-pair-row').count()).toBeGreaterThan(0);
  // B is A's own runs (only an objective edited): the same options, solver and work counters, so every time
  // difference is noise, never "B slower" or "B faster" — per set, per model and in the chart.
  for (const testId of ['comparison-summary-row', 'comparison-pair-row']) {
    const calls = await page
      .getByTestId(testId)
      .evaluateAll((rs) => rs.map((r) => [r.getAttribute('data-call'), r.getAttribute('data-real')]));
    expect(calls.length).toBeGreaterThan(0);
    for (const call of calls) expect(call, testId).toEqual(['noise', 'false']);
  }

  // The comparison chart: per option set (one at a time, chosen in a select), one bar per pair of the per-model
  // table with a time ratio, plus the overall row; the model with the changed objective marked in its CSV.
  const chart = page.getByTestId('chart-comparison');
  await expect(chart.locator('canvas')).toBeVisible();
  const setSelect = chart.getByTestId('comparison-chart-set-select');
  await expect(setSelect.locator('option')).toHaveCount(2);
  let flaggedSets = 0;
  for (const setKey of await setSelect
    .locator('option')
    .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value))) {
    await setSelect.selectOption(setKey);
    await expect(chart).toHaveAttribute('data-option-set', setKey);
    const overall = chart.getByTestId('comparison-chart-overall');
    await expect(overall).toHaveAttribute('data-call', 'noise');
    await page.waitForTimeout(300); // the chart draws in a task of its own
    await chart.screenshot({ path: test.info().outputPath(`comparison-chart-${setKey.length}.png`) });
    await expect(overall).toHaveAttribute('data-slower', '0');
    await expect(overall).toHaveAttribute('data-faster', '0');
    const ratios = await page
      .getByTestId('comparison-pair-row')
      .evaluateAll(
        (rs, k) =>
          rs.filter((r) => r.getAttribute('data-option-set') === k).map((r) => r.getAttribute('data-time-ratio') ?? ''),
        setKey,
      );
    const summaryRatio = await page
      .locator('[data-testid="comparison-summary-row"]')
      .evaluateAll(
        (rs, k) => rs.find((r) => r.getAttribute('data-option-set') === k)?.getAttribute('data-time-ratio') ?? '',
        setKey,
      );
    const drawn = ratios.filter((x) => x !== '' && Number(x) > 0).length;
    expect(drawn).toBeGreaterThan(0);
    const download = chart.getByTestId('chart-data-download');
    await expect(download).toHaveAttribute('data-value', String(drawn + (summaryRatio === '' ? 0 : 1)));
    const [csvFile] = await Promise.all([page.waitForEvent('download'), download.click()]);
    const [header, ...modelLines] = parseCsv(await readFile(await csvFile.path(), 'utf8'));
    const col = (name: string) => header.indexOf(name);
    expect(modelLines.length).toBe(Number(await download.getAttribute('data-value')));
    // The CSV carries the decision beside each ratio: within noise everywhere here.
    expect(new Set(modelLines.map((cells) => cells[col('call')]))).toEqual(new Set(['noise']));
    const flagged = modelLines
      .filter((cells) => cells[col('correctness')] === 'changed')
      .map((c) => c[col('model id')]);
    // Flagged: exactly the models with an error-severity difference under this set (only the changed LP).
    const errorModels = await page
      .locator('[data-testid="correctness-difference"][data-severity="error"]')
      .evaluateAll(
        (ds, k) => [...new Set(ds.filter((d) => d.getAttribute('data-option-set') === k).map((d) => d.dataset.model))],
        setKey,
      );
    expect([...flagged].sort()).toEqual([...errorModels].sort());
    if (flagged.includes(lp.id)) {
      flaggedSets++;
      const lpCells = modelLines.find((cells) => cells[col('model id')] === lp.id)!;
      expect(lpCells[col('error kinds')]).toContain('objective-changed');
    }
  }
  expect(flaggedSets).toBeGreaterThan(0);

  // Swap A and B: the comparison is computed the other way round, and says so.
  await page.getByTestId('swap-button').click();
  await expect(panel).toHaveAttribute('data-a', importedId);
  await expect(panel).toHaveAttribute('data-b', localId);
  await expect(page.getByTestId('comparison-side-a')).toContainText('imported');
  await expect(page.getByTestId('comparison-side-b')).not.toContainText('imported');
  await expect(imported.locator('.badge', { hasText: /^A$/ })).toHaveCount(1);
  await expect(page.getByTestId('correctness-difference').first()).toHaveAttribute('data-kind', 'objective-changed');

  // A broken file: a clear error, and nothing changed.
  await page.getByTestId('import-report-input').setInputFiles({
    name: 'broken.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"schema": "highs-workbench/report", "version": 1, "benchmarks": ['),
  });
  const error = page.getByTestId('error-message');
  await expect(error).toHaveAttribute('data-error-name', 'InvalidReport');
  await expect(error).toContainText('broken.json');
  await expect(error).toContainText('invalid JSON');
  await expect(rows).toHaveCount(2);

  // And survives a reload: the imported benchmark is stored.
  await page.reload();
  await expect(rows).toHaveCount(2);
});
