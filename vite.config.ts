/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { readFileSync } from 'node:fs';

/** package.json's version: the app version reports record (src/state/app-info.ts reads it as __APP_VERSION__). */
const APP_VERSION = (
  JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string }
).version;

/**
 * The app's Content-Security-Policy: 'wasm-unsafe-eval' (for the solver) is the one script allowance. connect-src
 * also allows https: and local http: for the alert webhook the user sets (validated the same way in
 * src/core/alerts/webhook.ts: https anywhere, plain http only to this machine).
 */
export const CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self' https: http://localhost:* http://127.0.0.1:*",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** Cross-origin isolation (SharedArrayBuffer, graceful cancel) plus the CSP for built pages. */
const isolationHeaders = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

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
  plugins: [svelte(), cspMeta()],
  define: { __APP_VERSION__: JSON.stringify(APP_VERSION) },
  // Vitest only: rune tests (test/state) run in the client environment, where Svelte must resolve to its browser build.
  resolve: process.env.VITEST ? { conditions: ['browser'] } : undefined,
  server: { headers: isolationHeaders },
  preview: {
    headers: { ...isolationHeaders, 'Content-Security-Policy': CSP },
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
