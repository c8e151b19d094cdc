// What the parameter and baseline stores hold now lives in core (src/core/stores/parameter-records.ts), beside
// the store interfaces that use it; re-exported here so the storage layer's and the state's imports keep working.
export type {
  BlessedEventKind,
  StoredBaseline,
  StoredBlessedEvent,
  StoredBlessedSet,
  StoredRegressionCheck,
  StoredTemplateSettings,
} from '../core/stores/parameter-records';
