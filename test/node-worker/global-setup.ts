// Bundles the Node test worker (TypeScript → one .mjs; highs and comlink stay external) before the
// tests. Runs sharing this work tree each build in their own directory and rename the bundle into
// place (atomic), so a worker starting in another run never finds it missing or half written.
import { build } from 'vite';
import { renameSync, rmSync } from 'node:fs';

export const NODE_WORKER_OUT = 'node_modules/.cache/highs-workbench-test';

export default async function setup(): Promise<void> {
  const staging = `${NODE_WORKER_OUT}/build-${process.pid}`;
  try {
    await build({
      configFile: false,
      logLevel: 'error',
      publicDir: false,
      build: {
        ssr: 'test/node-worker/entry.ts',
        outDir: staging,
        emptyOutDir: true,
        target: 'node20',
        rollupOptions: {
          external: ['highs', 'comlink', /^comlink\//, /^node:/],
          output: { entryFileNames: 'node-worker.mjs' },
        },
      },
    });
    renameSync(`${staging}/node-worker.mjs`, `${NODE_WORKER_OUT}/node-worker.mjs`);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}
