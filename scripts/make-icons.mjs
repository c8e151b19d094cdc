// Renders the app icons (public/icons/*.png, for the web app manifest) from their SVG sources in Chromium.
// Run after editing an SVG: `node scripts/make-icons.mjs`; the PNGs are committed, so builds need no browser.
import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { chromiumLaunchOptions } from '../e2e/chromium.mjs';

const dir = new URL('../public/icons/', import.meta.url);
const icons = [
  ['icon.svg', 'icon-192.png', 192],
  ['icon.svg', 'icon-512.png', 512],
  ['icon-maskable.svg', 'icon-maskable-512.png', 512],
];
const browser = await chromium.launch(chromiumLaunchOptions());
const page = await browser.newPage();
for (const [svg, png, size] of icons) {
  const src = readFileSync(new URL(svg, dir), 'utf8');
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(
    `<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${src}`,
  );
  await page.screenshot({ path: new URL(png, dir).pathname, omitBackground: true });
  console.log(`${png} ${size}x${size}`);
}
await browser.close();
