// Parameter management, pure: validating a candidate option set against HiGHS's option descriptions,
// HiGHS options files and JSON option sets, the blessed-set model with its promotion rules, and the
// validation benchmarks that measure a candidate or a template's blessed set.
export * from './validate';
export * from './options-file';
export * from './blessed';
export * from './readiness';
export * from './validation-benchmark';
