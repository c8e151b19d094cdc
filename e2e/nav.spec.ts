import { test, expect } from './fixtures';

/** The routes (in nav order). */
const ROUTES = ['run', 'benchmark', 'tune', 'reports', 'parameters', 'regressions', 'health'];
/** The file name of a view's chunk in the build (Vite names a dynamic import's chunk after its module). */
const chunkOf = (view: string) => new RegExp(`/assets/${view}View-[^/]*\\.js$`);
const VIEW_OF: Record<string, string> = {
  run: 'Run',
  benchmark: 'Benchmark',
  tune: 'Tune',
  reports: 'Reports',
  parameters: 'Parameters',
  regressions: 'Regressions',
  health: 'Health',
};

/** An element each view shows once it is loaded. */
const LANDMARK: Record<string, string> = {
  run: 'solve-button',
  benchmark: 'benchmark-start-button',
  tune: 'tuner-start-button',
  reports: 'import-report-input',
  parameters: 'parameters-template-select',
  regressions: 'baseline-list',
  health: 'health-status',
};

test.describe('navigation', () => {
  test('an empty hash opens #/run; every route is reachable from the nav, which marks the current one', async ({
    watched: page,
  }) => {
    await page.goto('./');
    await expect(page).toHaveURL(/#\/run$/);
    await expect(page.getByTestId('solve-button')).toBeVisible();
    const links = page.getByTestId('nav-link');
    await expect(links).toHaveCount(ROUTES.length);
    for (const route of [...ROUTES, 'run']) {
      await page.locator(`[data-testid="nav-link"][data-route="${route}"]`).click();
      await expect(page).toHaveURL(new RegExp(`#/${route}$`));
      await expect(page.locator('[data-testid="nav-link"][aria-current="page"]')).toHaveAttribute('data-route', route);
      await expect(page.locator('[data-testid="nav-link"][aria-current="page"]')).toHaveCount(1);
      await expect(page.getByTestId('route-outlet')).toHaveAttribute('data-route', route);
      await expect(page.getByTestId(LANDMARK[route])).toBeVisible();
      if (route !== 'run') await expect(page.getByTestId('solve-button')).toHaveCount(0);
    }
    // Back and forward go through the same routes.
    await page.goBack();
    await expect(page.getByTestId('route-outlet')).toHaveAttribute('data-route', ROUTES.at(-1)!);
    await expect(page.getByTestId(LANDMARK[ROUTES.at(-1)!])).toBeVisible();
  });

  test('an unknown hash shows not-found with no nav link marked, and the nav leads out of it', async ({
    watched: page,
  }) => {
    await page.goto('./#/no-such-view');
    await expect(page.getByTestId('not-found')).toBeVisible();
    await expect(page.getByTestId('not-found')).toHaveAttribute('data-hash', '#/no-such-view');
    await expect(page.locator('[data-testid="nav-link"][aria-current="page"]')).toHaveCount(0);
    await page.locator('[data-testid="nav-link"][data-route="health"]').click();
    await expect(page.getByTestId('not-found')).toHaveCount(0);
    await expect(page.getByTestId('health-status')).toBeVisible();
  });

  test("a view's chunk is requested only when its route is opened", async ({ watched: page }) => {
    const requested: string[] = [];
    page.on('request', (r) => requested.push(new URL(r.url()).pathname));
    const fetched = (route: string) => requested.some((p) => chunkOf(VIEW_OF[route]).test(p));
    await page.goto('./#/health');
    await expect(page.getByTestId('health-status')).toBeVisible();
    expect(fetched('health')).toBe(true);
    for (const route of ['run', 'benchmark', 'tune', 'reports', 'parameters', 'regressions'])
      expect(fetched(route), route).toBe(false);
    await page.locator('[data-testid="nav-link"][data-route="benchmark"]').click();
    await expect(page.getByTestId('benchmark-start-button')).toBeVisible();
    expect(fetched('benchmark')).toBe(true);
    expect(fetched('run')).toBe(false);
    await page.locator('[data-testid="nav-link"][data-route="run"]').click();
    await expect(page.getByTestId('solve-button')).toBeVisible();
    expect(fetched('run')).toBe(true);
    expect(fetched('reports')).toBe(false);
  });
});

test('no other site may frame the workbench: the server sends frame-ancestors and X-Frame-Options', async ({
  watched: page,
}) => {
  const response = await page.goto('./');
  const headers = response!.headers();
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(headers['x-frame-options']).toBe('DENY');
  // A page of another origin that frames the app gets nothing: Chromium refuses to render it.
  const framed = await page.context().newPage();
  await framed.setContent(`<iframe id="f" src="${page.url()}"></iframe>`);
  const frame = (await (await framed.$('#f'))!.contentFrame())!;
  // The refused frame is replaced by Chromium's error page instead of loading the app.
  await expect.poll(() => frame.url()).toMatch(/^chrome-error:/);
  expect(await frame.$('[data-testid="solve-button"]')).toBeNull();
  await framed.close();
});

/** WCAG relative luminance of a CSS rgb()/rgba() colour. */
function luminance(css: string): number {
  const [r, g, b] = (css.match(/[\d.]+/g) ?? ['0', '0', '0']).slice(0, 3).map((x) => {
    const c = Number(x) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio of two CSS colours. */
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

test.describe('keyboard and icons', () => {
  test('the first Tab reaches "Skip to main content", which moves the focus to the view without changing the route', async ({
    watched: page,
  }) => {
    await page.goto('./#/health');
    await expect(page.getByTestId('health-status')).toBeVisible();
    await page.keyboard.press('Tab');
    const skip = page.getByTestId('skip-link');
    await expect(skip).toBeFocused();
    await expect(skip).toHaveText('Skip to main content');
    const box = (await skip.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0); // on screen once focused
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('route-outlet')).toBeFocused();
    await expect(page).toHaveURL(/#\/health$/);
    await expect(page.getByTestId('health-status')).toBeVisible();
  });

  test('keyboard focus in the dark header is drawn in a colour that stands out from it', async ({ watched: page }) => {
    await page.goto('./#/health');
    await expect(page.getByTestId('health-status')).toBeVisible();
    await page.keyboard.press('Tab'); // the skip link
    await page.keyboard.press('Tab'); // the first nav link
    const link = page.locator('[data-testid="nav-link"][data-route="run"]');
    await expect(link).toBeFocused();
    const style = await link.evaluate((el) => {
      const s = getComputedStyle(el);
      const header = getComputedStyle(el.closest('header')!);
      return {
        style: s.outlineStyle,
        width: parseFloat(s.outlineWidth),
        color: s.outlineColor,
        bg: header.backgroundColor,
      };
    });
    expect(style.style).toBe('solid');
    expect(style.width).toBeGreaterThanOrEqual(2);
    // WCAG 2.2 focus appearance: at least 3:1 against what it is drawn on.
    expect(contrast(style.color, style.bg)).toBeGreaterThanOrEqual(3);
  });

  test('the alerts bell is an inline SVG, drawn without an emoji font', async ({ watched: page }) => {
    await page.goto('./#/health');
    const badge = page.getByTestId('alerts-badge');
    await expect(badge).toBeVisible();
    const bell = badge.getByTestId('alerts-bell-icon');
    await expect(bell).toBeVisible();
    expect(await bell.evaluate((el) => el.tagName.toLowerCase())).toBe('svg');
    const box = (await bell.boundingBox())!;
    expect(box.width).toBeGreaterThan(8);
    expect(box.height).toBeGreaterThan(8);
    expect(await badge.textContent()).not.toMatch(/\p{Extended_Pictographic}/u);
  });
});
