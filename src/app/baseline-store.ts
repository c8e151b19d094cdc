// The baseline store of the app over the workbench database: core's Baseline (ISO createdAt, option set
// as {name, options}) mapped to and from the stored record (epoch createdAt, flat option set), written
// with strict durability by src/storage/baselines-repo.ts; the checks' history and per-template
// thresholds by src/storage/regression-checks-repo.ts.
import type { Baseline } from '../core/regression';
import { deleteBaseline, getBaseline, listBaselines, putBaseline } from '../storage/baselines-repo';
import type { Db } from '../storage/db';
import {
  addRegressionCheck,
  getTemplateSettings,
  listRegressionChecks,
  listTemplateSettings,
  putTemplateSettings,
} from '../storage/regression-checks-repo';
import type { StoredBaseline } from '../storage/parameter-types';
import type { BaselineStore } from '../state/ports';

/** The stored record of a baseline; throws a RangeError for a createdAt that is not a date. */
export function storedBaselineOf(b: Baseline): StoredBaseline {
  const createdAt = Date.parse(b.createdAt);
  if (!Number.isFinite(createdAt)) throw new RangeError(`baseline ${b.id}: createdAt "${b.createdAt}" is not a date`);
  return {
    id: b.id,
    template: b.template,
    optionSetName: b.optionSet.name,
    options: { ...b.optionSet.options },
    createdAt,
    benchmarkId: b.benchmarkId,
    benchmarkName: b.benchmarkName,
    solver: { ...b.solver },
    environment: { ...b.environment },
    config: b.config,
    models: b.models,
    runs: b.runs,
    thresholdPct: b.thresholdPct,
  };
}

/** Core's baseline of a stored record. */
export function baselineOfStored(s: StoredBaseline): Baseline {
  return {
    id: s.id,
    template: s.template,
    optionSet: { name: s.optionSetName, options: s.options },
    createdAt: new Date(s.createdAt).toISOString(),
    benchmarkId: s.benchmarkId,
    benchmarkName: s.benchmarkName,
    solver: s.solver,
    environment: s.environment,
    config: s.config,
    models: s.models,
    runs: s.runs,
    thresholdPct: s.thresholdPct,
  };
}

/** A BaselineStore over a database that may still be opening; a failed open rejects every call. */
export function baselineStoreOf(db: Promise<Db>): BaselineStore {
  db.catch(() => {}); // reported by each call, not as an unhandled rejection
  return {
    put: async (b) => putBaseline(await db, storedBaselineOf(b)),
    get: async (id) => {
      const s = await getBaseline(await db, id);
      return s ? baselineOfStored(s) : undefined;
    },
    list: async (template) => (await listBaselines(await db, template)).map(baselineOfStored),
    delete: async (id) => deleteBaseline(await db, id),
    addCheck: async (check) => addRegressionCheck(await db, check),
    listChecks: async (template) => listRegressionChecks(await db, template),
    getThreshold: async (template) => (await getTemplateSettings(await db, template))?.thresholdPct,
    listThresholds: async () =>
      Object.fromEntries((await listTemplateSettings(await db)).map((s) => [s.template, s.thresholdPct])),
    setThreshold: async (template, pct) => putTemplateSettings(await db, { template, thresholdPct: pct }),
  };
}
