// The Node runtime's entry points, bundled to .mjs by ./bundle.ts (Node 20 cannot run our
// extensionless TypeScript imports), and where a running process finds their bundles.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Each entry's bundle name and its source, relative to the repository: adding an entry is one line here. */
export const NODE_ENTRIES = {
  'solver.worker': 'src/node/solver.worker.ts',
  'summary.worker': 'src/node/summary.worker.ts',
  cli: 'src/node/cli.ts',
} as const;

/** The name of one bundled entry (its file is `${name}.mjs`). */
export type NodeEntry = keyof typeof NODE_ENTRIES;

/** Where the bundles are when the code runs from its TypeScript sources (Vitest): a cache in node_modules, built by test/node-worker/global-setup.ts. */
export const SOURCE_RUN_BUNDLES = join(
  dirname(fileURLToPath(import.meta.url)),
  '../../node_modules/.cache/highs-workbench-node',
);

/**
 * The file of a bundled entry. Bundled (this code is inside an .mjs that ./bundle.ts wrote, e.g. the
 * command line), the entries are its siblings; run from the sources, they are in SOURCE_RUN_BUNDLES.
 */
export function nodeEntryFile(name: NodeEntry): string {
  const here = fileURLToPath(import.meta.url);
  return join(here.endsWith('.mjs') ? dirname(here) : SOURCE_RUN_BUNDLES, `${name}.mjs`);
}
