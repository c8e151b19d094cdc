#!/usr/bin/env node
// `highs-workbench` from a clone after `npm ci` (npx highs-workbench …) or from the image: bundles the Node
// entries (the command line and its solver and summary workers, src/node/entries.ts) into
// node_modules/.cache/highs-workbench-cli when the sources changed since the last bundle (Node 20 cannot run the
// TypeScript sources themselves), then runs the command line's bundle.
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = join(root, 'node_modules/.cache/highs-workbench-cli');
const { runnerImport } = await import('vite');
const { module: bundler } = await runnerImport(join(root, 'src/node/bundle.ts'), {
  configFile: false,
  logLevel: 'error',
});
await bundler.bundleNodeEntries(out);
const { run } = await import(join(out, 'cli.mjs'));
process.exitCode = await run(process.argv.slice(2));
