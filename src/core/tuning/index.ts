// The tuning core in one import: types, row groups, the primal–dual integral, the noise-band rule,
// distributions, deltas against a pinned reference, sweeps, ablation rows and the phases of a solve.
export type * from './types';
export * from './row-groups';
export * from './integral';
export * from './noise';
export * from './distribution';
export * from './delta';
export * from './sweep';
export * from './ablation';
export * from './phases';
