import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './e2e/chromium.mjs';

// e2e runs against the built app served by `vite preview` (COOP/COEP + CSP headers as in production),
// on a port of its own so a running `npm start` (4173) neither blocks nor stands in for it.
// E2E_PORT and E2E_OUT_DIR let two checkouts' (or two people's) e2e runs share a machine.
const PORT = Number(process.env.E2E_PORT ?? 4175);
const OUT_DIR = process.env.E2E_OUT_DIR ?? 'dist';
export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  timeout: 120_000,
  expect: { timeout: 30_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}/`,
    // The built app registers a service worker; the journeys run against vite preview's headers without it
    // (no background precache in every test, page.route sees every request). e2e/hosted.spec.ts allows it.
    serviceWorkers: 'block',
    launchOptions: chromiumLaunchOptions(),
    trace: 'retain-on-failure',
  },
  webServer: {
    command: `npx vite preview --host 127.0.0.1 --port ${PORT} --strictPort --outDir ${OUT_DIR}`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
