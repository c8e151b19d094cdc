import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';

/** Sets one field of the candidate's option form (text fields typed, choice fields selected). */
async function setOption(page: Page, option: string, value: string): Promise<void> {
  await page.getByTestId('options-filter').fill(option);
  const row = page.locator(`[data-testid="option-row"][data-option="${option}"]`);
  const select = row.locator('select');
  if (await select.count()) await select.selectOption(value);
  else await row.locator('input').fill(value);
}

test('bless a validated set: it survives a reload, exports as an options file, and the benchmark editor adds it', async ({
  watched: page,
}) => {
  test.setTimeout(300_000);
  await page.goto('./#/parameters');
  await page.getByTestId('parameters-template-select').selectOption('knapsack');
  await expect(page.getByTestId('blessed-none')).toBeVisible();
  await expect(page.getByTestId('candidate-validate-button')).toBeEnabled({ timeout: 60_000 });

  await setOption(page, 'mip_rel_gap', '0.001');
  await page.getByTestId('candidate-validate-button').click();
  const result = page.getByTestId('validation-result');
  await expect(result).toHaveAttribute('data-valid', 'true', { timeout: 120_000 });
  await expect(result).not.toHaveAttribute('data-speedup', '', { timeout: 120_000 });
  expect(Number(await result.getAttribute('data-speedup'))).toBeGreaterThan(0);
  // The work counters beside the clock: a wall-time slowdown they do not show is noise, not a refusal.
  expect(Number(await page.getByTestId('validation-work-ratio').getAttribute('data-value'))).toBeGreaterThan(0);
  await expect(page.locator('[data-testid="candidate-warning"][data-option="mip_rel_gap"]')).toBeVisible();
  await expect(page.getByTestId('validation-correctness')).toHaveAttribute('data-ok', 'true');

  // No approver: refused with the reason; then promoted.
  await page.getByTestId('blessed-name-input').fill('gap 1e-3');
  await page.getByTestId('promote-button').click();
  await expect(page.getByTestId('promote-refused')).toContainText('approves');
  await page.getByTestId('approved-by-input').fill('Ada');
  await page.getByTestId('promote-button').click();
  await expect(page.getByTestId('promote-refused')).toHaveCount(0);
  const row = page.getByTestId('blessed-row');
  await expect(row).toHaveCount(1);
  await expect(row).toHaveAttribute('data-active', 'true');
  await expect(page.getByTestId('blessed-history-row')).toHaveCount(1);

  // Still blessed after a reload.
  await page.reload();
  await page.getByTestId('parameters-template-select').selectOption('knapsack');
  await expect(row).toHaveAttribute('data-active', 'true');
  await expect(row).toHaveAttribute('data-template', 'knapsack');
  await expect(row).toHaveAttribute('data-name', 'gap 1e-3');

  // Copied out as a HiGHS options file: `name = value` lines after '#' comments.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    row.getByTestId('export-options-file-button').click(),
  ]);
  expect(download.suggestedFilename()).toBe('knapsack-gap-1e-3.highs.txt');
  const text = await readFile(await download.path(), 'utf8');
  const lines = text.split('\n').filter((l) => l.trim() !== '' && !l.startsWith('#'));
  expect(lines).toEqual(['mip_rel_gap = 0.001']);
  const [json] = await Promise.all([
    page.waitForEvent('download'),
    row.getByTestId('export-options-json-button').click(),
  ]);
  expect(JSON.parse(await readFile(await json.path(), 'utf8'))).toMatchObject({
    name: 'gap 1e-3',
    options: { mip_rel_gap: 0.001 },
  });

  // The diff of the defaults and the blessed set.
  await page.getByTestId('diff-b-select').selectOption({ label: 'gap 1e-3' });
  await expect(page.locator('[data-testid="options-diff"] [data-option="mip_rel_gap"]')).toHaveAttribute(
    'data-kind',
    'added',
  );

  // Template validation: N instances with the blessed set, ready for production use; no baseline yet.
  await page.getByTestId('validate-template-count-input').fill('2');
  await page.getByTestId('validate-template-target-input').fill('60000');
  await page.getByTestId('validate-template-button').click();
  const readiness = page.getByTestId('template-readiness');
  await expect(readiness).toHaveAttribute('data-ready', 'true', { timeout: 120_000 });
  await expect(readiness.getByTestId('readiness-reason')).toHaveCount(0);
  await expect(page.getByTestId('template-history-verdict')).toHaveAttribute('data-verdict', 'none');
  await expect(page.getByTestId('template-history-verdict')).toContainText('no baseline yet');
  // An impossible time target: not ready, with the reasons.
  await page.getByTestId('validate-template-target-input').fill('0.001');
  await page.getByTestId('validate-template-button').click();
  await expect(readiness).toHaveAttribute('data-ready', 'false', { timeout: 120_000 });
  await expect(readiness.getByTestId('readiness-reason').first()).toContainText('above the time target');

  // The benchmark editor's Quick start uses the blessed set of its knapsack template, and says so.
  await page.goto('./#/benchmark');
  const note = page.locator('[data-testid="blessed-in-use"][data-template="knapsack"]');
  await expect(note).toContainText("uses its blessed set 'gap 1e-3'", { timeout: 30_000 });
  const added = page.getByTestId('benchmark-option-set').filter({ hasText: 'mip_rel_gap = 0.001' });
  await expect(added).toHaveCount(1);
  await expect(added.getByTestId('option-set-name-input')).toHaveValue('blessed: gap 1e-3');
  await expect(page.getByTestId('benchmark-option-set')).toHaveCount(3);
  // It runs on its own template only, not on the library models: 3 library models × 2 sets + 3 knapsacks × 3 sets,
  // × 2 random_seed values = 30 runs (36 if it ran everywhere).
  await expect(added.getByTestId('option-set-scope')).toHaveAttribute('data-templates', 'knapsack');
  await expect(added.getByTestId('option-set-scope')).toContainText('0-1 knapsack only');
  await expect(page.getByTestId('benchmark-planned-runs')).toHaveAttribute('data-value', '30');
  await page.getByTestId('benchmark-start-button').click();
  await expect(page.getByTestId('benchmark-status')).toHaveAttribute('data-state', 'finished', { timeout: 120_000 });
  await expect(page.getByTestId('benchmark-total')).toHaveAttribute('data-value', '30');
  const blessedRow = page.locator('[data-testid="benchmark-summary-row"][data-option-set="blessed-knapsack"]');
  await expect(blessedRow).toHaveAttribute('data-problems', '6'); // 3 knapsacks × 2 seeds, no library model
  await expect(page.locator('[data-testid="benchmark-summary-row"][data-option-set="defaults"]')).toHaveAttribute(
    'data-problems',
    '12',
  );
  await expect(blessedRow).not.toHaveAttribute('data-speedup', '');

  // The validation benchmarks of #/parameters (one candidate, two template validations) are kept apart in
  // #/reports and #/regressions, with a filter that shows them.
  await page.locator('[data-testid="nav-link"][data-route="reports"]').click();
  const reportRows = page.getByTestId('report-row');
  await expect(reportRows).toHaveCount(1);
  await expect(reportRows.getByTestId('report-name')).toHaveText('Quick start');
  await expect(page.getByTestId('hidden-validation-runs')).toHaveAttribute('data-value', '3');
  await page.getByTestId('show-validation-runs-toggle').check();
  await expect(reportRows).toHaveCount(4);
  await expect(page.locator('[data-testid="report-row"][data-validation="true"]')).toHaveCount(3);
  await page.locator('[data-testid="nav-link"][data-route="regressions"]').click();
  const candidates = page.getByTestId('regression-candidate-select').locator('option');
  await expect(candidates).toHaveCount(1);
  await expect(candidates).toContainText('Quick start');
  await page.getByTestId('regression-show-validation-runs-toggle').check();
  await expect(candidates).toHaveCount(4);
  await page.locator('[data-testid="nav-link"][data-route="benchmark"]').click();
  // Adding it again adds nothing; removing it is the user's choice (the note goes).
  await page.locator('[data-testid="benchmark-add-blessed"][data-template="knapsack"]').click();
  await expect(added).toHaveCount(1);
  await added.getByTestId('option-set-remove').click();
  await expect(page.getByTestId('benchmark-option-set')).toHaveCount(2);
  await expect(note).toHaveCount(0);
});

test("the library's blessed set: the run view's options start from it and say so; reset gives the defaults", async ({
  watched: page,
}) => {
  test.setTimeout(180_000);
  await page.goto('./#/parameters');
  await page.getByTestId('parameters-template-select').selectOption('library');
  await expect(page.getByTestId('candidate-validate-button')).toBeEnabled({ timeout: 60_000 });
  await setOption(page, 'presolve', 'off');
  await page.getByTestId('candidate-validate-button').click();
  await expect(page.getByTestId('validation-result')).not.toHaveAttribute('data-speedup', '', { timeout: 120_000 });
  await page.getByTestId('blessed-name-input').fill('no presolve');
  await page.getByTestId('approved-by-input').fill('Ada');
  await page.getByTestId('promote-button').click();
  await expect(page.getByTestId('blessed-row')).toHaveAttribute('data-active', 'true');

  await page.goto('./#/run');
  const note = page.getByTestId('run-blessed-note');
  await expect(note).toContainText("options from the library's blessed set 'no presolve'", { timeout: 30_000 });
  await page.getByTestId('options-filter').fill('presolve');
  await expect(page.locator('[data-testid="option-row"][data-option="presolve"]')).toHaveAttribute(
    'data-changed',
    'true',
  );
  await page.getByTestId('reset-all-options').click();
  await expect(note).toHaveCount(0);
  await expect(page.locator('[data-testid="option-row"][data-option="presolve"]')).toHaveAttribute(
    'data-changed',
    'false',
  );
});

test('a candidate with an invalid option is refused promotion with the reason; a bad options file names its line', async ({
  watched: page,
}) => {
  await page.goto('./#/parameters');
  await expect(page.getByTestId('candidate-validate-button')).toBeEnabled({ timeout: 60_000 });
  await setOption(page, 'mip_rel_gap', '-1');
  await page.getByTestId('candidate-validate-button').click();
  await expect(page.getByTestId('validation-result')).toHaveAttribute('data-valid', 'false');
  await expect(page.locator('[data-testid="candidate-error"][data-option="mip_rel_gap"]')).toContainText('mip_rel_gap');
  await page.getByTestId('blessed-name-input').fill('broken');
  await page.getByTestId('approved-by-input').fill('Ada');
  await page.getByTestId('promote-button').click();
  await expect(page.getByTestId('promote-refused')).toContainText('failed validation');
  await expect(page.getByTestId('promote-refused')).toContainText('mip_rel_gap');
  await expect(page.getByTestId('blessed-row')).toHaveCount(0);

  await page.getByTestId('import-options-file-input').setInputFiles({
    name: 'bad.highs.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from('# a comment\npresolve = off\nmip_rel_gapp = 0.1\n'),
  });
  await expect(page.getByTestId('import-options-error')).toContainText('line 3');
  await page.getByTestId('import-options-file-input').setInputFiles({
    name: 'good.highs.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from('presolve = off\n'),
  });
  await expect(page.getByTestId('import-options-error')).toHaveCount(0);

  // Huge files (issue 18): 350,000 duplicate lines are refused by size before being read; 60,000 (under the
  // 1 MiB cap) list 50 errors and one line counting the rest, and the page keeps answering.
  await page.getByTestId('import-options-file-input').setInputFiles({
    name: 'huge.highs.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from('presolve = off\n'.repeat(350_000)),
  });
  await expect(page.getByTestId('import-options-error')).toHaveCount(1);
  await expect(page.getByTestId('import-options-error')).toContainText('over the 1.0 MiB limit');
  await page.getByTestId('import-options-file-input').setInputFiles({
    name: 'dups.highs.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from('presolve = off\n'.repeat(60_000)),
  });
  await expect(page.getByTestId('import-options-error')).toHaveCount(51);
  await expect(page.getByTestId('import-options-error').last()).toContainText('59,949 more errors not listed');
  await page.getByTestId('import-options-file-input').setInputFiles({
    name: 'good.highs.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from('presolve = off\n'),
  });
  await expect(page.getByTestId('import-options-error')).toHaveCount(0);
  await page.getByTestId('options-filter').fill('presolve');
  await expect(page.locator('[data-testid="option-row"][data-option="presolve"]')).toHaveAttribute(
    'data-changed',
    'true',
  );
});

test('rolling back asks for confirmation, who and why, and the history names the sets, never by id', async ({
  watched: page,
}) => {
  test.setTimeout(240_000);
  await page.goto('./#/parameters');
  await page.getByTestId('parameters-template-select').selectOption('knapsack');
  await expect(page.getByTestId('candidate-validate-button')).toBeEnabled({ timeout: 60_000 });
  const promoteAs = async (name: string) => {
    await page.getByTestId('candidate-validate-button').click();
    await expect(page.getByTestId('validation-result')).not.toHaveAttribute('data-speedup', '', { timeout: 120_000 });
    await page.getByTestId('blessed-name-input').fill(name);
    await page.getByTestId('approved-by-input').fill('Ada');
    await page.getByTestId('promote-button').click();
    await expect(page.locator(`[data-testid="blessed-row"][data-name="${name}"]`)).toHaveAttribute(
      'data-active',
      'true',
    );
  };
  await setOption(page, 'mip_rel_gap', '0.001');
  await promoteAs('first');
  await setOption(page, 'presolve', 'off');
  await promoteAs('second');

  // The second promotion says which set it replaced, by its name.
  const history = page.getByTestId('blessed-history-row');
  await expect(history).toHaveCount(2);
  await expect(history.nth(1)).toContainText('replaces “first”');
  for (const text of await history.allTextContents())
    expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/);

  // Roll back: nothing happens at once; it asks who and why, and can be called off.
  const first = page.locator('[data-testid="blessed-row"][data-name="first"]');
  await first.getByTestId('rollback-button').click();
  const confirm = page.getByTestId('rollback-confirmation');
  await expect(confirm).toBeVisible();
  await expect(confirm).toContainText('instead of “second”');
  await expect(first).toHaveAttribute('data-active', 'false');
  await expect(history).toHaveCount(2);
  await expect(confirm.getByTestId('rollback-confirm')).toBeDisabled();
  await confirm.getByTestId('rollback-cancel').click();
  await expect(confirm).toHaveCount(0);
  await expect(history).toHaveCount(2);

  await first.getByTestId('rollback-button').click();
  await expect(confirm.getByTestId('rollback-by-input')).toHaveValue('Ada');
  await confirm.getByTestId('rollback-reason-input').fill('second is slower on the new formulation');
  await confirm.getByTestId('rollback-confirm').click();
  await expect(first).toHaveAttribute('data-active', 'true');
  await expect(confirm).toHaveCount(0);
  await expect(history).toHaveCount(3);
  await expect(history.nth(2)).toHaveAttribute('data-kind', 'rolled-back');
  await expect(history.nth(2)).toContainText('“first” by Ada: second is slower on the new formulation');
});
