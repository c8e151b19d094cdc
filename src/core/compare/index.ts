// Comparing two benchmarks (or two reports' benchmarks): compareBenchmarks and the pieces it is built from.
export * from './types';
export * from './matching';
export * from './differences';
export * from './compare';
