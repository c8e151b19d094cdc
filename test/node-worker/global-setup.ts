// Bundles the Node test worker (TypeScript → one .mjs) once before the tests; highs and comlink
// stay external and load from node_modules.
import { build } from 'vite';

export const NODE_WORKER_OUT = 'node_modules/.cache/highs-workbench-test';

export default async function setup(): Promise<void> {
  await build({
    configFile: false,
    logLevel: 'error',
    build: {
      ssr: 'test/node-worker/entry.ts',
      outDir: NODE_WORKER_OUT,
      emptyOutDir: true,
      target: 'node20',
      rollupOptions: { external: ['highs', 'comlink', /^comlink\//, /^node:/], output: { entryFileNames: 'node-worker.mjs' } },
    },
  });
}
