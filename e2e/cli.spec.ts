// The command line and the browser read each other's files: a benchmark configuration exported by the editor
// runs in `highs-workbench bench`; the CLI's report imports in #/reports; the browser's report of the same
// configuration is checked by `highs-workbench check` against the CLI's (same HiGHS, same options: identical
// work counters, so unchanged whatever the machines); a CLI tuning result shows in #/tune.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { test, expect } from './fixtures';

const run = promisify(execFile);
const BIN = fileURLToPath(new URL('../bin/highs-workbench.mjs', import.meta.url));
const cli = async (args: string[]) => {
  try {
    const r = await run(process.execPath, [BIN, ...args], { timeout: 240_000 });
    return { code: 0, out: r.stdout + r.stderr };
  } catch (e) {
    const err = e as { code?: number; stdout?: string; stderr?: string };
    return { code: err.code ?? -1, out: (err.stdout ?? '') + (err.stderr ?? '') };
  }
};

const CONFIG = {
  format: 'highs-workbench/benchmark-config',
  version: 1,
  name: 'cli and browser',
  definition: {
    name: 'cli and browser',
    templates: [
      {
        kind: 'generator',
        id: 'knapsack',
        name: '0-1 knapsack',
        generator: 'knapsack',
        sizes: [10, 15],
        instanceSeeds: [1],
        symmetryBreaking: false,
      },
      { kind: 'library', id: 'library', name: 'Library models', files: ['afiro.mps'] },
    ],
    optionSets: [{ id: 'defaults', name: 'HiGHS defaults', options: {} }],
    referenceOptionSetId: 'defaults',
    config: { timeLimitMs: 20000, seeds: [1, 2], repetitions: 2, warmup: false },
    workers: 1,
  },
};

test('a CLI report imports in the browser, and the browser’s report of the same configuration passes the CLI’s check', async ({
  watched: page,
}) => {
  test.setTimeout(240_000);
  const dir = mkdtempSync(join(tmpdir(), 'hw-e2e-cli-'));

  // The editor's configuration file, imported from the same JSON the command line runs.
  const config = join(dir, 'cli.benchmark.json');
  writeFileSync(config, JSON.stringify(CONFIG));
  const cliReport = join(dir, 'cli-report.json');
  const bench = await cli(['bench', config, '--out', cliReport]);
  expect(bench.code, bench.out).toBe(0);

  await page.goto('./#/reports');
  await page.getByTestId('import-report-input').setInputFiles(cliReport);
  const row = page.locator('[data-testid="report-row"]', { hasText: 'cli and browser' });
  await expect(row).toHaveCount(1);
  await expect(row.getByTestId('report-models')).toHaveAttribute('data-value', '3');

  // The same configuration run in the browser: imported into the editor, run, exported.
  await page.goto('./#/benchmark');
  await page.getByTestId('benchmark-import-config-input').setInputFiles(config);
  await expect(page.getByTestId('saved-config-error')).toHaveCount(0);
  await expect(page.getByTestId('benchmark-start-button')).toBeEnabled();
  await page.getByTestId('benchmark-start-button').click();
  await expect(page.getByTestId('benchmark-status')).toHaveAttribute('data-state', 'finished', { timeout: 180_000 });
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('export-report-button').click(),
  ]);
  const browserReport = join(dir, 'browser-report.json');
  await download.saveAs(browserReport);
  expect(JSON.parse(readFileSync(browserReport, 'utf8')).benchmarks[0].runs).toHaveLength(12);

  const md = join(dir, 'check.md');
  const check = await cli(['check', browserReport, '--baseline', cliReport, '--markdown', md]);
  expect(check.code, check.out).toBe(0);
  expect(check.out).toMatch(/knapsack \(HiGHS defaults against HiGHS defaults\): unchanged/);
  expect(readFileSync(md, 'utf8')).toMatch(/^## HiGHS Workbench regression check: /);
  // The other way round too, and the comparison flags the two environments.
  expect((await cli(['check', cliReport, '--baseline', browserReport])).code).toBe(0);
  const compare = await cli(['compare', cliReport, browserReport]);
  expect(compare.out).toMatch(/A and B ran in different environments \(A: Node\.js/);

  // Export the configuration from the editor: the command line runs what the browser wrote.
  const [configDownload] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('benchmark-export-config-button').click(),
  ]);
  const exported = join(dir, 'exported.benchmark.json');
  await configDownload.saveAs(exported);
  const again = await cli(['bench', exported, '--out', join(dir, 'again.json')]);
  expect(again.code, again.out).toBe(0);
});

test('a CLI tuning result shows in #/tune after its report is imported', async ({ watched: page }) => {
  test.setTimeout(240_000);
  const dir = mkdtempSync(join(tmpdir(), 'hw-e2e-tune-'));
  const out = join(dir, 'tuned.json');
  const tuned = await cli([
    'tune',
    fileURLToPath(new URL('../bench/ci/tuner.json', import.meta.url)),
    '--out',
    out,
    '--workers',
    '2',
  ]);
  expect(tuned.code, tuned.out).toBe(0);
  const verdict = /^recommended: /m.test(tuned.out) ? 'change' : 'no-change';
  await page.goto('./#/reports');
  await page.getByTestId('import-report-input').setInputFiles(out);
  await expect(page.getByText('1 tuning run (in #/tune)')).toBeVisible();
  await page.goto('./#/tune');
  await page.getByTestId('tuner-run-item').first().getByRole('button').first().click();
  await expect(page.getByTestId('tuner-result')).toHaveAttribute('data-state', 'finished');
  await expect(page.getByTestId('tuner-recommendation')).toHaveAttribute('data-verdict', verdict);
});
