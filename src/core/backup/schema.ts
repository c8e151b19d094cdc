// The backup file's envelope, version 2, as a valibot schema (valibot, not ajv: the CSP forbids the code ajv
// generates): the header and every store present as an array. The records inside are checked one by one
// afterwards (records.ts), once the numbers JSON cannot hold are decoded, with the schema the app reads
// them with; version 1's envelope is in read-v1.ts.
import * as v from 'valibot';
import { BACKUP_SCHEMA, BACKUP_STORES, OPTIONAL_BACKUP_STORES } from './types';

const TEXT = 'expected a string';

/** A store in the file: an array of records, each checked later. */
export const storeArray = () => v.array(v.unknown(), 'expected an array');

/** The header fields every version has. */
export const headerEntries = {
  schema: v.literal(BACKUP_SCHEMA, `expected "${BACKUP_SCHEMA}"`),
  createdAt: v.string(TEXT),
  app: v.looseObject({ name: v.string(TEXT), version: v.string(TEXT) }, 'expected an object'),
};

/** The message of a store-level issue: a store the version does not have, or a stores value that is no object. */
export const storesMessage = (issue: v.BaseIssue<unknown>): string =>
  issue.expected === 'never' ? 'not a store this version of the backup holds' : 'expected an object with every store';

const V2_STORES: v.ObjectEntries = Object.fromEntries(
  BACKUP_STORES.map((s) => [s, OPTIONAL_BACKUP_STORES.has(s) ? v.optional(storeArray()) : storeArray()]),
);

/** Version 2: every store of the database; metrics only when the backup was made with them. */
export const BackupFileV2Schema = v.looseObject(
  {
    ...headerEntries,
    version: v.literal(2, 'expected 2'),
    stores: v.strictObject(V2_STORES, storesMessage),
  },
  'expected an object',
);

/** A version-2 file's envelope as validated (records not yet checked). */
export type BackupFileV2 = v.InferOutput<typeof BackupFileV2Schema>;
