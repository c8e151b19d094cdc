// Chromium for Playwright (e2e tests and benchmarks): Playwright's own build when installed, else
// Debian's /usr/bin/chromium (Playwright cannot download browsers on these machines).
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

/** Launch options that work as root in CI and on a developer machine. */
export function chromiumLaunchOptions() {
  let executablePath;
  try {
    if (!existsSync(chromium.executablePath())) executablePath = '/usr/bin/chromium';
  } catch {
    executablePath = '/usr/bin/chromium';
  }
  return {
    executablePath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  };
}
