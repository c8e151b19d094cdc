/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { VitePWA } from 'vite-plugin-pwa';
import { readFileSync } from 'node:fs';
import { CSP, FRAMING_HEADERS } from './src/core/hosting/csp.ts';
import { ISOLATION_HEADERS } from './src/core/hosting/isolation.ts';

/** package.json's version: the app version reports record (src/state/app-info.ts reads it as __APP_VERSION__). */
const PACKAGE_VERSION = (
  JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string }
).version;
/** The version shown and recorded: package.json's, plus `+WORKBENCH_BUILD` when a build sets it (e.g. a CI build id). */
const APP_VERSION = process.env.WORKBENCH_BUILD ? `${PACKAGE_VERSION}+${process.env.WORKBENCH_BUILD}` : PACKAGE_VERSION;

/** Puts the CSP into the built index.html too, so any static host enforces it. */
function cspMeta(): Plugin {
  return {
    name: 'csp-meta',
    apply: 'build',
    transformIndexHtml(html) {
      return html.replace('<head>', `<head>\n    <meta http-equiv="Content-Security-Policy" content="${CSP}" />`);
    },
  };
}

export default defineConfig({
  // Relative URLs in the build, so the same dist/ works at a host's root or under any subpath
  // (https://host/some/path/): workers, the WASM and public/models resolve against the page.
  base: './',
  plugins: [
    svelte(),
    cspMeta(),
    // The service worker: offline cache, cross-origin isolation on header-less hosts, the update prompt
    // (workers/service-worker.ts; registered by src/app/service-worker.ts, not by an inline script: CSP).
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'workers',
      filename: 'service-worker.ts',
      registerType: 'prompt',
      injectRegister: false,
      injectManifest: {
        // Everything the page loads, the HiGHS WASM (3.5 MB) and the example models; not the source maps.
        globPatterns: ['**/*.{js,css,html,wasm,png,svg}', 'models/*'],
        maximumFileSizeToCacheInBytes: 16 * 2 ** 20,
        rollupFormat: 'iife',
      },
      manifest: {
        name: 'HiGHS Workbench',
        short_name: 'HiGHS WB',
        description: 'Solve, profile, benchmark and tune the HiGHS solver on your own models, in your browser.',
        start_url: './',
        scope: './',
        display: 'standalone',
        background_color: '#ffffff',
        theme_color: '#1f4e79',
        icons: [
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: 'icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
    }),
  ],
  define: { __APP_VERSION__: JSON.stringify(APP_VERSION) },
  // Vitest only: rune tests (test/state) run in the client environment, where Svelte must resolve to its browser build.
  resolve: process.env.VITEST ? { conditions: ['browser'] } : undefined,
  // Cross-origin isolation (SharedArrayBuffer, graceful cancel) on the dev and preview servers.
  server: { headers: ISOLATION_HEADERS },
  preview: {
    headers: { ...ISOLATION_HEADERS, ...FRAMING_HEADERS },
    port: 4173,
    strictPort: true,
  },
  worker: { format: 'es' },
  build: { target: 'es2022', sourcemap: true },
  test: {
    // The soak run (thousands of pool jobs) is `npm run soak`, not part of `npm test`.
    include: process.env.SOAK ? ['test/soak/**/*.test.ts'] : ['test/**/*.test.ts'],
    exclude: process.env.SOAK ? [] : ['test/soak/**', 'node_modules/**'],
    globalSetup: ['test/node-worker/global-setup.ts'],
    // `// @vitest-environment svelte-runes` (rune tests): Node globals, modules compiled for the client so $effect runs.
    alias: {
      'vitest-environment-svelte-runes': new URL('./test/state/runes-environment.ts', import.meta.url).pathname,
    },
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
