// Every store's interface and its rules (the invariants each implementation uses: IndexedDB in src/storage and
// src/app, memory in src/app, files in src/node/stores), and the records they hold.
export type { BenchmarkState, StoredBenchmark, StoredBenchmarkConfig, StoredModelFile } from './benchmark-records';
export type {
  BlessedEventKind,
  StoredBaseline,
  StoredBlessedEvent,
  StoredBlessedSet,
  StoredRegressionCheck,
  StoredTemplateSettings,
} from './parameter-records';
export {
  MAX_DAMAGED_LISTED,
  RUN_HISTORY_LIMIT,
  newestRunsKeeper,
  runHistory,
  runsNewestFirst,
  withoutRunId,
} from './run-store';
export type { RunListing, RunStore } from './run-store';
export { BenchmarkExists, benchmarksNewestFirst, configsByName, importProblem } from './benchmark-store';
export type { BenchmarkImport, BenchmarkListing, BenchmarkRunListing, BenchmarkStore } from './benchmark-store';
export {
  activationEvent,
  activationWrites,
  blessedOldestFirst,
  blessedWrites,
  checkBlessedEvent,
  ofTemplate,
  withoutEventId,
} from './parameter-store';
export type { ParameterStore } from './parameter-store';
export { baselineOfStored, baselinesOldestFirst, checksInOrder, sortChecks, storedBaselineOf } from './baseline-store';
export type { BaselineStore } from './baseline-store';
export { damagedTuningRun, tuningRunsNewestFirst } from './tuner-store';
export type { TunerStore, TuningRunListing } from './tuner-store';
export { byMetricKey, inWindow, mergePoints, metricKeyText, newestSolves, pointsIn, prunedBy } from './metrics-store';
export type { MetricsStore } from './metrics-store';
export { healthRunsDropped, healthRunsNewest, healthRunsOldestFirst } from './health-store';
export type { HealthStore } from './health-store';
export { alertsOldestFirst, rulesOldestFirst } from './alert-store';
export type { AlertStore } from './alert-store';
export type { SettingsStore } from './settings-store';
export { checkOwnDamaged } from './damaged';
