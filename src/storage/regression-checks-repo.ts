// The history of regression checks (one small summary per check, by template) and the per-template
// settings of #/regressions (the threshold), both written with strict durability so a template's
// history and threshold outlive a reload or a crash. The history's order is core's (src/core/stores/baseline-store.ts).
import { sortChecks, type StoredRegressionCheck, type StoredTemplateSettings } from '../core/stores';
import type { Db } from './db';
import { guardQuota } from './quota';
import { queueWrites } from './tx';

/** Stores (or replaces, by id) the summary of one check in one strict transaction. */
export async function addRegressionCheck(db: Db, check: StoredRegressionCheck): Promise<void> {
  const tx = db.transaction('regressionChecks', 'readwrite', { durability: 'strict' });
  await guardQuota(
    `the regression check of ${check.template}`,
    async () => {
      await queueWrites(tx, () => void tx.store.put(check).catch(() => {})); // failures surface in tx.done
    },
    tx,
  );
}

/** Checks (of one template, or all), in the order they were made. */
export async function listRegressionChecks(db: Db, template?: string): Promise<StoredRegressionCheck[]> {
  const all =
    template === undefined
      ? await db.getAll('regressionChecks')
      : await db.getAllFromIndex('regressionChecks', 'by-template', template);
  return sortChecks(all);
}

/** A template's settings, or undefined when the user set none. */
export function getTemplateSettings(db: Db, template: string): Promise<StoredTemplateSettings | undefined> {
  return db.get('templateSettings', template);
}

/** Every template's settings. */
export function listTemplateSettings(db: Db): Promise<StoredTemplateSettings[]> {
  return db.getAll('templateSettings');
}

/** Stores (or replaces) a template's settings in one strict transaction. */
export async function putTemplateSettings(db: Db, settings: StoredTemplateSettings): Promise<void> {
  const tx = db.transaction('templateSettings', 'readwrite', { durability: 'strict' });
  await guardQuota(
    `the settings of ${settings.template}`,
    async () => {
      await queueWrites(tx, () => void tx.store.put(settings).catch(() => {}));
    },
    tx,
  );
}
