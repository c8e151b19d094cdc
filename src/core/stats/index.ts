// The benchmark statistics of core: summarize() and the pieces it is built from, each exported so a
// figure can be recomputed (and tested) on its own.
export * from './descriptive';
export * from './sgm';
export * from './problems';
export * from './bootstrap';
export * from './scaling';
export * from './variability';
export * from './profile';
export * from './correctness';
export * from './summary';
export * from './run-checks';
