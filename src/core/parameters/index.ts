// Parameter management, pure: validating a candidate option set against HiGHS's option descriptions,
// HiGHS options files and JSON option sets, and the blessed-set model with its promotion rules.
export * from './validate';
export * from './options-file';
export * from './blessed';
export * from './readiness';
