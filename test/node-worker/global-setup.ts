// Bundles the Node entries (src/node/bundle.ts: the solver and summary workers) before the tests, into
// the cache where src/node/entries.ts finds them when the code runs from its sources. Skipped when
// the bundles there were built from the same sources.
import { bundleNodeEntries } from '../../src/node/bundle';
import { SOURCE_RUN_BUNDLES } from '../../src/node/entries';

export default async function setup(): Promise<void> {
  await bundleNodeEntries(SOURCE_RUN_BUNDLES);
}
