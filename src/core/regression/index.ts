// Baselines and regression detection: the baseline a benchmark leaves, the check of a later benchmark
// against it (counters, wall time, correctness → verdicts), the rank test it uses, and change points over time.
export * from './mann-whitney';
export * from './baseline';
export * from './verdict';
export * from './history';
