// The command line's pure parts: a report checked against a baseline with #/regressions' rules and its exit
// code, the Markdown and Bencher outputs, and shards (their manifest, the hashes, the merge).
export * from './check';
export * from './check-output';
export * from './shard';
export * from './compare-output';
