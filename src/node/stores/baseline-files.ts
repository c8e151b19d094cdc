// Baselines, the regression checks' history and the per-template thresholds on disk: `baselines/<id>.json`,
// `regression-checks/<id>.json`, `template-settings/<template>.json`, each replaced whole and flushed before the
// write resolves. A baseline is stored and read by core's mapping and listed in core's orders
// (src/core/stores/baseline-store.ts); records core's schemas refuse are left out.
import { join } from 'node:path';
import {
  baselineOfStored,
  baselinesOldestFirst,
  ofTemplate,
  sortChecks,
  storedBaselineOf,
  type BaselineStore,
  type StoredBaseline,
  type StoredRegressionCheck,
  type StoredTemplateSettings,
} from '../../core/stores';
import { readableRecord, readableRecords, recordDir } from './record-dir';

/** The baseline store under `root`. */
export function fileBaselineStore(root: string): BaselineStore {
  const baselines = recordDir(join(root, 'baselines'));
  const checks = recordDir(join(root, 'regression-checks'));
  const settings = recordDir(join(root, 'template-settings'));
  return {
    put: async (b) => baselines.put(b.id, storedBaselineOf(b)),
    async get(id) {
      const s = await readableRecord<StoredBaseline>(baselines, 'baselines', id);
      return s ? baselineOfStored(s) : undefined;
    },
    list: async (template) =>
      (await readableRecords<StoredBaseline>(baselines, 'baselines'))
        .filter(ofTemplate(template))
        .sort(baselinesOldestFirst)
        .map(baselineOfStored),
    delete: async (id) => baselines.remove(baselines.nameOf(id)),
    addCheck: async (check) => checks.put(check.id, check),
    listChecks: async (template) =>
      sortChecks(
        (await readableRecords<StoredRegressionCheck>(checks, 'regressionChecks')).filter(ofTemplate(template)),
      ),
    getThreshold: async (template) =>
      (await readableRecord<StoredTemplateSettings>(settings, 'templateSettings', template))?.thresholdPct,
    listThresholds: async () =>
      Object.fromEntries(
        (await readableRecords<StoredTemplateSettings>(settings, 'templateSettings')).map((s) => [
          s.template,
          s.thresholdPct,
        ]),
      ),
    setThreshold: async (template, pct) => settings.put(template, { template, thresholdPct: pct }),
  };
}
