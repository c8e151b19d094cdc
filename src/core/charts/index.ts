// The benchmark charts' numbers, pure: builders that take a benchmark's raw data and summary and return
// plain series and table rows (the components only draw them), and the CSV of any chart's table.
export * from './table';
export * from './axis';
export * from './context';
export * from './time-vs-size';
export * from './profile';
export * from './seed-spread';
export * from './speedup';
export * from './gap-overlay';
export * from './comparison';
export * from './regression-history';
export * from './health';
export * from './tuning';
export * from './tuner';
