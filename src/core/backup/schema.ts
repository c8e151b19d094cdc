// The backup file, version 1, as a valibot schema (valibot, not ajv: the CSP forbids the code ajv
// generates). It checks what a restore relies on: the envelope, every store present as an array, and
// in each record its key and the fields its indexes read. Other fields are kept as they are (loose
// objects): they are the storage layer's own records, written by this app.
import * as v from 'valibot';
import { BACKUP_SCHEMA, BACKUP_VERSION } from './types';

const FINITE = 'expected a finite number';
const TEXT = 'expected a string';
const ID = 'expected a whole number ≥ 1';

const finite = () => v.pipe(v.number(FINITE), v.finite(FINITE));
const text = () => v.string(TEXT);
const key = () => v.pipe(v.string(TEXT), v.minLength(1, 'expected a non-empty string'));
const autoId = () => v.optional(v.pipe(v.number(ID), v.integer(ID), v.minValue(1, ID)));
const object = () => v.looseObject({}, 'expected an object');
const list = <T extends v.GenericSchema>(item: T) => v.array(item, 'expected an array');
const record = <T extends v.ObjectEntries>(entries: T) => v.looseObject(entries, 'expected an object');

/** Each store's records: the key and indexed fields checked, the rest kept. */
export const BackupStoresSchema = v.strictObject(
  {
    runs: list(record({ id: autoId(), createdAt: finite(), modelId: text() })),
    benchmarks: list(
      record({
        id: key(),
        name: text(),
        createdAt: finite(),
        state: v.picklist(
          ['running', 'interrupted', 'cancelled', 'finished', 'imported'],
          'expected a benchmark state',
        ),
      }),
    ),
    benchmarkRuns: list(record({ id: autoId(), benchmarkId: key(), modelId: text() })),
    modelFiles: list(
      record({
        id: v.pipe(v.string(TEXT), v.regex(/^[0-9a-f]{64}$/, 'expected a SHA-256 in lower-case hex (64 characters)')),
        name: text(),
        bytes: v.pipe(v.string(TEXT), v.regex(/^[A-Za-z0-9+/]*={0,2}$/, 'expected the bytes as base64 text')),
        addedAt: finite(),
      }),
    ),
    benchmarkConfigs: list(record({ name: key(), savedAt: finite(), definition: object() })),
    blessedSets: list(
      record({ id: key(), template: text(), options: object(), active: v.boolean('expected true or false') }),
    ),
    blessedEvents: list(
      record({
        id: autoId(),
        template: text(),
        kind: v.picklist(['promoted', 'revoked', 'rolled-back'], 'expected promoted, revoked or rolled-back'),
        setId: text(),
        at: text(),
      }),
    ),
    baselines: list(record({ id: key(), template: text(), runs: list(object()) })),
    // Added with regression history: a backup made before has neither (restored as empty).
    regressionChecks: v.optional(list(record({ id: key(), template: text(), checkedAt: text() })), []),
    templateSettings: v.optional(list(record({ template: key(), thresholdPct: finite() })), []),
  },
  (issue) => (issue.expected === 'never' ? 'not a store this app keeps' : 'expected an object with every store'),
);

/** The whole file (model files' bytes still base64, non-finite numbers still encoded). */
export const BackupFileV1Schema = v.looseObject(
  {
    schema: v.literal(BACKUP_SCHEMA, `expected "${BACKUP_SCHEMA}"`),
    version: v.literal(BACKUP_VERSION, `expected ${BACKUP_VERSION}`),
    createdAt: text(),
    app: record({ name: text(), version: text() }),
    stores: BackupStoresSchema,
  },
  'expected an object',
);

/** A backup file as validated. */
export type BackupFileV1 = v.InferOutput<typeof BackupFileV1Schema>;
