// The built app on a plain static host: served under a subpath (/some/path/) by a server that sets no
// headers at all (no COOP/COEP, no CSP header: the CSP comes from the page's meta tag), as GitHub Pages
// would. The page loads, says it is not cross-origin isolated, and solves a library model.
import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import type { AddressInfo } from 'node:net';
import { test, expect, instances, relDiff } from './fixtures';

const ROOT = new URL(`../${process.env.E2E_OUT_DIR ?? 'dist'}/`, import.meta.url).pathname;
const PREFIX = '/some/path/';
const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
};

let server: Server;
let base = '';

test.beforeAll(async () => {
  server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (!path.startsWith(PREFIX)) return void res.writeHead(404).end();
    const rel = normalize(path.slice(PREFIX.length) || 'index.html');
    const file = join(ROOT, rel.endsWith('/') ? `${rel}index.html` : rel);
    if (!file.startsWith(ROOT) || !existsSync(file) || statSync(file).isDirectory())
      return void res.writeHead(404).end();
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}${PREFIX}`;
});
test.afterAll(() => new Promise<void>((r) => server.close(() => r())));

test('under a subpath on a header-less static server the app loads, says it is not isolated, and solves', async ({
  watched: page,
}) => {
  const responses: string[] = [];
  page.on('response', (r) => {
    if (r.status() >= 400) responses.push(`${r.status()} ${r.url()}`);
  });
  await page.goto(`${base}#/run`);
  await expect(page.getByTestId('solver-status')).toHaveAttribute('data-state', 'ready', { timeout: 60_000 });
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(false);
  await expect(page.getByTestId('solver-status')).not.toContainText('graceful cancel');
  const afiro = instances.models.find((m) => m.file === 'afiro.mps')!;
  await page.locator('[data-testid="library-row"][data-file="afiro.mps"] button').click();
  await page.getByTestId('solve-button').click();
  await expect(page.getByTestId('result-status')).toHaveAttribute('data-status', 'optimal', { timeout: 60_000 });
  const objective = Number(await page.getByTestId('result-objective').textContent());
  expect(relDiff(objective, afiro.objective!)).toBeLessThan(1e-6);
  expect(responses).toEqual([]);
});
