// The tuner's core in one import: the search space, the instance split and blocks, the Friedman race and
// its held-out result. Pure: an injected evaluator runs the jobs (the pool, a CLI, a simulation).
export type * from './types';
export * from './random';
export * from './space';
export * from './instances';
export * from './friedman';
export * from './answers';
export * from './race-state';
export * from './candidates';
export * from './race';
export * from './run-race';
export * from './result';
export type * from './record';
export { TUNING_FORMAT, TUNING_VERSION } from './record';
export * from './record-schema';
export * from './progress';
export * from './promote';
export * from './config-file';
