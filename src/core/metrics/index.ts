// Monitoring metrics: the point and summary types, points from solves, window summaries and trends, the
// Prometheus and JSON exports, and the retention rules.
export * from './types';
export * from './points';
export * from './summary';
export * from './prometheus';
export * from './export-json';
export * from './retention';
