// Every store on disk under one root, a directory per store (`<root>/runs`, `<root>/benchmarks`, ...): what the
// command line and the monitoring service use where the browser uses IndexedDB. Each fits core's interface and
// uses core's rules (src/core/stores); every write is flushed before it resolves (atomic files, appended lines).
import { join } from 'node:path';
import type {
  AlertStore,
  BaselineStore,
  HealthStore,
  MetricsStore,
  ParameterStore,
  RunStore,
  SettingsStore,
  TunerStore,
} from '../../core/stores';
import { fileBaselineStore } from './baseline-files';
import { fileBenchmarkStore, type FileBenchmarkStore } from './benchmark-files';
import { fileMetricsStore } from './metrics-files';
import { fileAlertStore, fileHealthStore, fileSettingsStore } from './monitoring-files';
import { fileParameterStore } from './parameter-files';
import { fileRunStore } from './run-files';
import { fileTunerStore } from './tuner-files';

export { fileBaselineStore, fileBenchmarkStore, fileMetricsStore, fileParameterStore, fileRunStore, fileTunerStore };
export { fileAlertStore, fileHealthStore, fileSettingsStore };
export type { FileBenchmarkStore, RunLine } from './benchmark-files';

/** Every store over the files under one root directory (created as needed). */
export interface NodeStores {
  runs: Required<RunStore>;
  benchmarks: FileBenchmarkStore;
  baselines: BaselineStore;
  parameters: ParameterStore;
  tuner: Required<TunerStore>;
  metrics: MetricsStore;
  health: HealthStore;
  alerts: AlertStore;
  settings: SettingsStore;
}

/** The stores under `root`: one directory each, made on the first write. */
export function nodeStores(root: string): NodeStores {
  return {
    runs: fileRunStore(join(root, 'runs')),
    benchmarks: fileBenchmarkStore(root),
    baselines: fileBaselineStore(root),
    parameters: fileParameterStore(join(root, 'parameters')),
    tuner: fileTunerStore(join(root, 'tuner-runs')),
    metrics: fileMetricsStore(join(root, 'metrics')),
    health: fileHealthStore(join(root, 'health-runs')),
    alerts: fileAlertStore(root),
    settings: fileSettingsStore(join(root, 'settings')),
  };
}
