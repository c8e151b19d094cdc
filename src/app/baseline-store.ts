// The baseline store of the app over the workbench database: core's Baseline mapped to and from the stored
// record by core's rules (src/core/stores/baseline-store.ts), written with strict durability by
// src/storage/baselines-repo.ts; the checks' history and per-template thresholds by
// src/storage/regression-checks-repo.ts.
import { baselineOfStored, storedBaselineOf, type BaselineStore } from '../core/stores';
import { deleteBaseline, getBaseline, listBaselines, putBaseline } from '../storage/baselines-repo';
import type { Db } from '../storage/db';
import {
  addRegressionCheck,
  getTemplateSettings,
  listRegressionChecks,
  listTemplateSettings,
  putTemplateSettings,
} from '../storage/regression-checks-repo';

/** A BaselineStore over a database that may still be opening; a failed open rejects every call. */
export function baselineStoreOf(db: Promise<Db>): BaselineStore {
  db.catch(() => {}); // reported by each call, not as an unhandled rejection
  return {
    put: async (b) => {
      const stored = storedBaselineOf(b); // a bad createdAt is refused before the database is awaited
      await putBaseline(await db, stored);
    },
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
