// Every object store of the current schema, written out here (not read from src/storage/db.ts), so a test
// that opens an old database with the current code fails when a store goes missing or appears unplanned.
export const ALL_STORES = [
  'alertRules',
  'alerts',
  'appSettings',
  'baselines',
  'benchmarkConfigs',
  'benchmarkRuns',
  'benchmarks',
  'blessedEvents',
  'blessedSets',
  'healthRuns',
  'metrics',
  'modelFiles',
  'regressionChecks',
  'runs',
  'templateSettings',
  'tunerRuns',
];
