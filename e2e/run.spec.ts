import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import {
  test,
  expect,
  instances,
  fixturePath,
  relDiff,
  openRunView,
  solveAndWait,
  cancelLongMipGracefully,
} from './fixtures';

test.describe('run view', () => {
  test('the page is cross-origin isolated, under the CSP, and the solver gets ready', async ({ watched: page }) => {
    await openRunView(page);
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
    const csp = await page.evaluate(
      () => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '',
    );
    expect(csp).toContain("'wasm-unsafe-eval'");
    expect(csp).not.toContain("'unsafe-eval'");
    expect(csp).not.toContain("'unsafe-inline'");
  });

  test('the CSP blocks inline script (what an injected model name could try)', async ({ page }) => {
    await openRunView(page);
    const result = await page.evaluate(
      () =>
        new Promise<{ ran: boolean; violated: string }>((resolve) => {
          let violated = '';
          document.addEventListener('securitypolicyviolation', (e) => (violated = e.effectiveDirective));
          const s = document.createElement('script');
          s.textContent = 'window.__inlineRan = true';
          document.head.append(s);
          setTimeout(
            () => resolve({ ran: (window as unknown as { __inlineRan?: boolean }).__inlineRan === true, violated }),
            200,
          );
        }),
    );
    expect(result).toEqual({ ran: false, violated: 'script-src-elem' });
  });

  for (const file of ['afiro.mps', 'p0548.mps', 'qptestnw.lp']) {
    test(`solves library model ${file} to the objective in instances.json`, async ({ watched: page }) => {
      const known = instances.models.find((m) => m.file === file)!;
      await openRunView(page);
      await page.locator(`[data-testid="library-row"][data-file="${file}"] button`).click();
      await solveAndWait(page);
      await expect(page.getByTestId('result-status')).toHaveAttribute('data-status', known.expectedStatus);
      const objective = Number(await page.getByTestId('result-objective').textContent());
      expect(relDiff(objective, known.objective!)).toBeLessThanOrEqual(1e-6);
      await expect(page.getByTestId('result-verdict')).toHaveAttribute('data-verdict', 'verified');
      await expect(page.getByTestId('result-warm')).toHaveAttribute('data-value', 'true');
      if (known.kind === 'MIP') {
        await expect(page.getByTestId('gap-chart')).toBeVisible();
        // Issue 18: the live chart and the profile chart draw the bounds and the gap as steps (no diagonal
        // segment), the profile's three series in three colours, and the phases table clear of the memory panel.
        await expect(page.getByTestId('gap-chart')).toHaveAttribute('data-diagonals', '0');
        const profileGap = page.getByTestId('profile-gap-chart');
        await expect(profileGap).toHaveAttribute('data-diagonals', '0');
        await expect(profileGap).toHaveAttribute('data-colours', '3');
        const phases = (await page.getByTestId('phases-table').boundingBox())!;
        const memory = (await page.getByTestId('profile-memory').boundingBox())!;
        const apart =
          phases.y + phases.height <= memory.y ||
          memory.y + memory.height <= phases.y ||
          phases.x + phases.width <= memory.x ||
          memory.x + memory.width <= phases.x;
        expect(apart, `phases ${JSON.stringify(phases)} overlaps memory ${JSON.stringify(memory)}`).toBe(true);
        await page.waitForTimeout(300);
        for (const id of ['gap-chart', 'profile-gap-chart', 'profile-panel'])
          await page.getByTestId(id).screenshot({ path: test.info().outputPath(`${file}-${id}.png`) });
      }
      await expect(page.getByTestId('history-row').first()).toHaveAttribute('data-model', file);
    });
  }

  test('opens a file through the file input and solves it', async ({ watched: page }) => {
    await openRunView(page, { warm: false });
    await page.getByTestId('model-file-input').setInputFiles(fixturePath('flugpl.mps'));
    await expect(page.getByTestId('chosen-model')).toHaveText('flugpl.mps');
    await solveAndWait(page);
    const known = instances.models.find((m) => m.file === 'flugpl.mps')!;
    expect(
      relDiff(Number(await page.getByTestId('result-objective').textContent()), known.objective!),
    ).toBeLessThanOrEqual(1e-6);
    await expect(page.getByTestId('solution-row').first()).toBeVisible();
  });

  test('a local file named afiro.mps with other content is not judged against the library afiro', async ({
    watched: page,
  }) => {
    await openRunView(page, { warm: false });
    await page.getByTestId('model-file-input').setInputFiles({
      name: 'afiro.mps',
      mimeType: 'text/plain',
      buffer: readFileSync(fixturePath('mps-fortran-exponent.mps')),
    });
    await expect(page.getByTestId('chosen-model')).toHaveText('afiro.mps');
    await solveAndWait(page);
    await expect(page.getByTestId('result-status')).toHaveAttribute('data-status', 'optimal');
    // Matched by name, its optimum would be "wrong" against afiro's −464.75; matched by content it has no known optimum.
    await expect(page.getByTestId('result-verdict')).toHaveAttribute('data-verdict', 'ok');
  });

  test("HiGHS's silly-names.mps is solved as HiGHS reads it and flagged suspect, naming the lines it ignored", async ({
    watched: page,
  }) => {
    await openRunView(page, { warm: false });
    await page.getByTestId('model-file-input').setInputFiles(fixturePath('silly-names.mps'));
    await solveAndWait(page);
    await expect(page.getByTestId('result-status')).toHaveAttribute('data-status', 'optimal');
    await expect(page.getByTestId('result-verdict')).toHaveAttribute('data-verdict', 'suspect');
    const flag = page.locator('[data-testid="result-flag"][data-code="input-misread"]');
    await expect(flag).toContainText('ignored lines 8–11');
    await expect(flag).toContainText('OBJSENSE');
    await expect(page.getByTestId('history-row').first()).toHaveAttribute('data-verdict', 'suspect');
  });

  test('takes a model dropped on the drop zone', async ({ watched: page }) => {
    await openRunView(page, { warm: false });
    const text = readFileSync(fixturePath('afiro.mps'), 'latin1');
    const dataTransfer = await page.evaluateHandle((t) => {
      const dt = new DataTransfer();
      dt.items.add(new File([t], 'afiro.mps', { type: 'text/plain' }));
      return dt;
    }, text);
    await page.getByTestId('model-drop-zone').dispatchEvent('drop', { dataTransfer });
    await expect(page.getByTestId('chosen-model')).toHaveText('afiro.mps');
    await solveAndWait(page);
    await expect(page.getByTestId('result-verdict')).toHaveAttribute('data-verdict', 'verified');
  });

  test('opens a gzip-compressed model (decompressed in the browser)', async ({ watched: page }) => {
    await openRunView(page, { warm: false });
    await page.getByTestId('model-file-input').setInputFiles({
      name: 'afiro.mps.gz',
      mimeType: 'application/gzip',
      buffer: gzipSync(readFileSync(fixturePath('afiro.mps'))),
    });
    await solveAndWait(page);
    const known = instances.models.find((m) => m.file === 'afiro.mps')!;
    expect(
      relDiff(Number(await page.getByTestId('result-objective').textContent()), known.objective!),
    ).toBeLessThanOrEqual(1e-6);
  });

  test('the solution table renders only the visible rows of 10,000 variables', async ({ watched: page }) => {
    await openRunView(page, { warm: false });
    const n = 10_000;
    const vars = Array.from({ length: n }, (_, i) => `x${i}`);
    const lp = `Maximize\n obj: ${vars.join(' + ')}\nSubject To\n c: ${vars.join(' + ')} <= ${n}\nBounds\n${vars.map((v) => ` ${v} <= 1`).join('\n')}\nEnd\n`;
    await page
      .getByTestId('model-file-input')
      .setInputFiles({ name: 'wide.lp', mimeType: 'text/plain', buffer: Buffer.from(lp) });
    await solveAndWait(page);
    await expect(page.getByTestId('solution-count')).toHaveAttribute('data-value', String(n));
    await expect(page.getByTestId('solution-count')).toHaveAttribute('data-total', String(n));
    const rows = await page.getByTestId('solution-row').count();
    expect(rows).toBeGreaterThan(5);
    expect(rows).toBeLessThan(60);
    await page.getByTestId('solution-table').evaluate((el) => (el.scrollTop = 24 * 9000));
    const row9005 = page.locator('[data-testid="solution-row"][data-index="9005"]');
    await expect(row9005).toHaveCount(1);
    await expect(row9005.getByTestId('solution-name')).toHaveText('x9005');
  });

  test('names from a model are rendered as text, never as markup', async ({ watched: page }) => {
    await openRunView(page, { warm: false });
    const mps = [
      'NAME X',
      'ROWS',
      ' N obj',
      ' L c1',
      'COLUMNS',
      '    <b>bold</b>  obj  -1  c1  1',
      '    <img/src=x/onerror=alert(1)>  obj  -1  c1  1',
      'RHS',
      '    rhs  c1  1',
      'ENDATA',
      '',
    ].join('\n');
    await page
      .getByTestId('model-file-input')
      .setInputFiles({ name: 'names.mps', mimeType: 'text/plain', buffer: Buffer.from(mps) });
    await solveAndWait(page);
    await expect(page.getByTestId('solution-name').first()).toHaveText('<b>bold</b>');
    expect(await page.locator('[data-testid="solution-table"] b, [data-testid="solution-table"] img').count()).toBe(0);
  });

  test('a bad file shows error-message and is stored as a failed run; stored runs are untouched; the next good solve works', async ({
    watched: page,
  }) => {
    await openRunView(page, { warm: false });
    const afiro = page.locator('[data-testid="library-row"][data-file="afiro.mps"] button');
    await afiro.click();
    await solveAndWait(page);
    const stored = page.getByTestId('history-row').first();
    await expect(stored).toHaveAttribute('data-status', 'optimal');
    const storedId = await stored.getAttribute('data-run-id');
    let count = 1;
    for (const [file, msg] of [
      ['garbage.lp', /garbage\.lp/],
      ['nan0.mps', /nan0\.mps, line 8/],
    ] as const) {
      await page.getByTestId('model-file-input').setInputFiles(fixturePath(file));
      await solveAndWait(page);
      await expect(page.getByTestId('error-message')).toHaveAttribute('data-error-name', 'InvalidModel');
      await expect(page.getByTestId('error-message')).toContainText(msg);
      await expect(page.getByTestId('result-status')).toHaveCount(0);
      count += 1;
      await expect(page.getByTestId('history-count')).toHaveAttribute('data-value', String(count));
      const failed = page.getByTestId('history-row').first();
      await expect(failed).toHaveAttribute('data-model', file);
      await expect(failed).toHaveAttribute('data-status', 'failed');
      await expect(failed).toHaveAttribute('data-error', 'InvalidModel');
      // The run stored before is still there, unchanged.
      const old = page.locator(`[data-testid="history-row"][data-run-id="${storedId}"]`);
      await expect(old).toHaveAttribute('data-status', 'optimal');
      await expect(old).toHaveAttribute('data-error', '');
    }
    await afiro.click();
    await solveAndWait(page);
    await expect(page.getByTestId('result-status')).toHaveAttribute('data-status', 'optimal');
    await expect(page.getByTestId('error-message')).toHaveCount(0);
    await expect(page.getByTestId('history-count')).toHaveAttribute('data-value', String(count + 1));
  });

  test('a HiGHS run error shows verdict failed with a message naming the file, and is stored as a failed run', async ({
    watched: page,
  }) => {
    await openRunView(page, { warm: false });
    await page.getByTestId('model-file-input').setInputFiles(fixturePath('nonconvex-qp.lp'));
    await solveAndWait(page);
    await expect(page.getByTestId('result-verdict')).toHaveAttribute('data-verdict', 'failed');
    await expect(page.locator('[data-testid="result-flag"][data-code="solver-failed"]')).toContainText(
      'nonconvex-qp.lp',
    );
    const run = page.getByTestId('history-row').first();
    await expect(run).toHaveAttribute('data-model', 'nonconvex-qp.lp');
    await expect(run).toHaveAttribute('data-verdict', 'failed');
    await expect(run).toHaveAttribute('data-error', 'SolverError');
  });

  test('an LP syntax error (solver abort) says could not parse LP, and the replaced worker solves next', async ({
    watched: page,
  }) => {
    await openRunView(page);
    await page.getByTestId('paste-tab').click();
    await page.getByTestId('paste-input').fill('Maximize\n obj: x + + y\nSubject To\n c: x + y <= <= 4\nEnd\n');
    await page.getByTestId('use-paste-button').click();
    await solveAndWait(page);
    await expect(page.getByTestId('error-message')).toHaveAttribute('data-error-name', 'SolverAborted');
    await expect(page.getByTestId('error-message')).toContainText('pasted.lp');
    await expect(page.getByTestId('history-row').first()).toHaveAttribute('data-error', 'SolverAborted');
    await page.getByTestId('paste-input').fill('Maximize\n obj: x + 2 y\nSubject To\n c: x + y <= 4\nEnd\n');
    await page.getByTestId('use-paste-button').click();
    await solveAndWait(page);
    await expect(page.getByTestId('result-objective')).toHaveText('8');
  });

  test('cancels a long MIP gracefully and keeps its best solution', async ({ watched: page }) => {
    await openRunView(page);
    await cancelLongMipGracefully(page);
    await expect(page.getByTestId('history-row').first()).toHaveAttribute('data-status', 'interrupted');
  });

  test('without cross-origin isolation, cancel terminates the worker and the next solve works', async ({
    watched: page,
  }) => {
    // Serve the app without COOP/COEP, as a host that cannot set headers would.
    await page.route('**/*', async (route) => {
      const response = await route.fetch();
      const headers = { ...response.headers() };
      delete headers['cross-origin-opener-policy'];
      delete headers['cross-origin-embedder-policy'];
      await route.fulfill({ response, headers });
    });
    await openRunView(page);
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(false);
    await page.getByTestId('model-file-input').setInputFiles(fixturePath('market-split-4x30.lp'));
    await page.getByTestId('solve-button').click();
    await expect(page.getByTestId('solving-indicator')).toBeVisible();
    await page.waitForTimeout(1000);
    await page.getByTestId('cancel-button').click();
    await expect(page.getByTestId('cancel-mode')).toHaveAttribute('data-mode', 'terminated');
    await expect(page.getByTestId('error-message')).toHaveAttribute('data-error-name', 'Cancelled');
    await expect(page.getByTestId('history-row').first()).toHaveAttribute('data-error', 'Cancelled');
    await expect(page.getByTestId('solver-status')).toHaveAttribute('data-state', 'ready', { timeout: 60_000 });
    await page.locator('[data-testid="library-row"][data-file="afiro.mps"] button').click();
    await solveAndWait(page);
    await expect(page.getByTestId('result-status')).toHaveAttribute('data-status', 'optimal');
  });

  test('reload keeps the history; clearing empties it', async ({ watched: page }) => {
    await openRunView(page, { warm: false });
    await page.locator('[data-testid="library-row"][data-file="avgas.mps"] button').click();
    await solveAndWait(page);
    await expect(page.getByTestId('history-row').first()).toHaveAttribute('data-model', 'avgas.mps');
    const count = await page.getByTestId('history-row').count();
    expect(count).toBeGreaterThan(0);
    await page.reload();
    await expect(page.getByTestId('history-row')).toHaveCount(count);
    await expect(page.getByTestId('history-row').first()).toHaveAttribute('data-model', 'avgas.mps');
    await page.getByTestId('clear-history-button').click();
    await page.getByTestId('confirm-clear-history').click();
    await expect(page.getByTestId('history-row')).toHaveCount(0);
    await page.reload();
    await expect(page.getByTestId('history-count')).toHaveAttribute('data-value', '0');
  });

  test('options form: invalid values are flagged and block solving; changes are highlighted and reset', async ({
    watched: page,
  }) => {
    await openRunView(page, { warm: false });
    await page.locator('[data-testid="library-row"][data-file="afiro.mps"] button').click();
    await page.getByTestId('options-filter').fill('time_limit');
    const row = page.locator('[data-testid="option-row"][data-option="time_limit"]');
    await row.locator('input').fill('-5');
    await expect(page.getByTestId('option-error')).toHaveAttribute('data-option', 'time_limit');
    await expect(page.getByTestId('solve-button')).toBeDisabled();
    await row.locator('input').fill('30');
    await expect(row).toHaveAttribute('data-changed', 'true');
    await expect(page.getByTestId('solve-button')).toBeEnabled();
    await solveAndWait(page);
    const options = await page
      .getByTestId('history-row')
      .first()
      .getByTestId('history-options')
      .getAttribute('data-value');
    expect(JSON.parse(options ?? '{}')).toEqual({ time_limit: 30 });
    await row.getByTestId('reset-option').click();
    await expect(row).toHaveAttribute('data-changed', 'false');
    await expect(row.locator('input')).toHaveValue('inf');
  });
});
