// The schema each stored record is read with, one per store: a backup checks every record it restores with
// it, and the storage layer checks what it reads (a record damaged by an older version's bug or a hand edit
// is shown as damaged instead of breaking a view). Each schema says what the app's readers rely on: every
// field a view or a computation reads, with its type; fields added later are optional, and fields the app
// does not know are kept (loose objects). Benchmark configs, models and runs are the report's own schemas; a
// tuning run is read by core/tuner's readTuningRecord (its shape, its references and its race).
//
// Numbers: keys, times used for ordering and counts the app computes with must be finite; measured values
// may be any number a record can hold (a backup encodes NaN and ±Infinity), since a view only prints them.
import * as v from 'valibot';
import { BENCHMARK_PURPOSES } from '../benchmark';
import { RUN_STATUSES } from '../model-status';
import { VERDICTS } from '../result-check';
import { REGRESSION_VERDICTS } from '../regression/verdict';
import type { RunRecord } from '../run-record';
import {
  BenchmarkConfigSchema,
  BenchmarkModelSchema,
  BenchmarkRunSchema,
  WorkCountersSchema,
} from '../report/schema-v1';
import { formatPath, preview } from '../report/json-safety';
import {
  BOOL,
  describeIssue,
  FINITE,
  isMissingIssue,
  NON_EMPTY,
  templateSpecSchema,
  TEXT,
  WHOLE,
} from '../report/schema-parts';
import { TuningRecordSchema, tuningRecordErrors } from '../tuner/record-schema';
import { MAX_AUTO_ID, SETTINGS_NOT_BACKED_UP, type BackupStoreName } from './types';

const NUMBER = 'expected a number';
const AUTO_ID = `expected a whole number from 1 to ${MAX_AUTO_ID} (a larger id would use up the store's key generator)`;

const finite = () => v.pipe(v.number(FINITE), v.finite(FINITE));
/** Any number, NaN and ±Infinity included (a measured value a view only prints). */
const num = () => v.custom<number>((x) => typeof x === 'number', NUMBER);
const whole = () => v.pipe(v.number(WHOLE), v.integer(WHOLE), v.minValue(0, WHOLE));
const text = () => v.string(TEXT);
const bool = () => v.boolean(BOOL);
const key = () => v.pipe(v.string(TEXT), v.minLength(1, NON_EMPTY));
const list = <T extends v.GenericSchema>(item: T) => v.array(item, 'expected an array');
const record = <T extends v.ObjectEntries>(entries: T) => v.looseObject(entries, 'expected an object');
const oneOf = <T extends readonly string[]>(options: T) =>
  v.picklist(options, `expected one of ${options.map((o) => JSON.stringify(o)).join(', ')}`);
const sha256 = () =>
  v.pipe(v.string(TEXT), v.regex(/^[0-9a-f]{64}$/, 'expected a SHA-256 in lower-case hex (64 characters)'));

/** The key of an auto-increment store: absent (the store assigns one) or a whole number in [1, MAX_AUTO_ID]. */
export const AutoIdSchema = v.optional(
  v.pipe(v.number(AUTO_ID), v.integer(AUTO_ID), v.minValue(1, AUTO_ID), v.maxValue(MAX_AUTO_ID, AUTO_ID)),
);

/** Option values as stored: booleans, numbers (±Infinity included: HiGHS's `inf`) and strings. */
const OptionValuesSchema = v.record(
  v.string(),
  v.union([v.boolean(), v.number(), v.string()], 'expected a boolean, a number or a string'),
  'expected an object of option values',
);

const OptionSetSchema = record({
  id: key(),
  name: text(),
  options: OptionValuesSchema,
  templates: v.optional(list(text())),
});
const EnvironmentSchema = record({ userAgent: text(), hardwareConcurrency: num(), crossOriginIsolated: bool() });
const SolverSchema = record({ name: text(), version: text() });
const ErrorSchema = record({ name: text(), message: text() });
const Details = v.record(
  v.string(),
  v.union([v.string(), v.number(), v.boolean(), v.null()], 'expected a string, number, true/false or null'),
  'expected an object',
);

const TemplateSpecSchema = templateSpecSchema();

/** A benchmark definition as stored (with a benchmark, or saved by name); the editor and runner validate its values. */
const DefinitionSchema = record({
  name: text(),
  templates: list(TemplateSpecSchema),
  optionSets: list(OptionSetSchema),
  referenceOptionSetId: text(),
  config: BenchmarkConfigSchema,
  workers: finite(),
});

/** A benchmark's model as stored: the report's, its id any non-empty text (the app only matches it). */
const StoredModelSchema = record({ ...BenchmarkModelSchema.entries, id: key() });

/** One run of the history (the runs store). */
export const RunRecordSchema = record({
  id: AutoIdSchema,
  createdAt: finite(),
  modelId: text(),
  modelName: text(),
  origin: oneOf(['library', 'file', 'paste', 'generated'] as const),
  format: v.nullable(oneOf(['lp', 'mps'] as const)),
  size: v.nullable(record({ rows: whole(), cols: whole(), nnz: whole(), integers: whole() })),
  options: OptionValuesSchema,
  seed: num(),
  status: v.nullable(oneOf(RUN_STATUSES)),
  runStatus: v.nullable(oneOf(['ok', 'warning', 'error'] as const)),
  error: v.nullable(ErrorSchema),
  objective: v.nullable(num()),
  knownObjective: v.nullable(num()),
  verdict: oneOf(VERDICTS),
  flags: list(record({ code: text(), severity: oneOf(['ok', 'info', 'warning', 'error'] as const), message: text() })),
  mipGap: v.nullable(num()),
  mipDualBound: v.nullable(num()),
  times: record({ readMs: num(), solveMs: num(), highsRunMs: num(), validateMs: num() }),
  counters: WorkCountersSchema,
  wasmMemoryBytes: num(),
  warm: bool(),
  cancelMode: v.nullable(oneOf(['graceful', 'terminated'] as const)),
  highsVersion: text(),
});

/** A benchmark's description and state (the benchmarks store; its runs are stored apart). */
export const StoredBenchmarkSchema = v.pipe(
  record({
    id: key(),
    name: text(),
    createdAt: finite(),
    state: oneOf(['running', 'interrupted', 'cancelled', 'finished', 'imported'] as const),
    config: BenchmarkConfigSchema,
    referenceOptionSetId: text(),
    models: list(StoredModelSchema),
    optionSets: list(OptionSetSchema),
    environment: EnvironmentSchema,
    solver: SolverSchema,
    definition: v.optional(DefinitionSchema),
    importedFrom: v.optional(record({ file: text(), createdAt: text(), benchmarkId: v.optional(text()) })),
    purpose: v.optional(oneOf(BENCHMARK_PURPOSES)),
    startedAt: v.optional(text()),
  }),
  // The reference must be one of its option sets: the summary and every view look it up.
  v.forward(
    v.check(
      (b) => b.optionSets.some((o) => o.id === b.referenceOptionSetId),
      "expected the id of one of the benchmark's option sets",
    ),
    ['referenceOptionSetId'],
  ),
);

/** A stored benchmark as its schema reads it (the storage layer proves it is its StoredBenchmark). */
export type BenchmarkAsRead = v.InferOutput<typeof StoredBenchmarkSchema>;

/** One run of a benchmark as stored: the report's run, with its benchmark's id and the store's key. */
export const StoredBenchmarkRunSchema = record({
  ...BenchmarkRunSchema.entries,
  id: AutoIdSchema,
  benchmarkId: key(),
});

const SpeedupSchema = record({ ratio: num(), ci95: v.tuple([num(), num()], 'expected [low, high]') });

/** The schema of each store's records. */
export const RECORD_SCHEMAS: Record<BackupStoreName, v.GenericSchema> = {
  runs: RunRecordSchema,
  benchmarks: StoredBenchmarkSchema,
  benchmarkRuns: StoredBenchmarkRunSchema,
  modelFiles: record({
    id: sha256(),
    name: text(),
    bytes: v.instance(Uint8Array, "expected the model file's bytes"),
    addedAt: finite(),
  }),
  benchmarkConfigs: record({ name: key(), savedAt: finite(), definition: DefinitionSchema }),
  blessedSets: record({
    id: key(),
    template: text(),
    name: text(),
    options: OptionValuesSchema,
    approvedBy: text(),
    validatedAt: text(),
    promotedAt: text(),
    solverVersion: text(),
    speedup: v.nullable(SpeedupSchema),
    estimatedSolveMs: v.nullable(num()),
    evidenceBenchmarkId: text(),
    baseline: record({ sgmTimeMs: v.nullable(num()), solved: num(), problems: num() }),
    active: bool(),
  }),
  blessedEvents: record({
    id: AutoIdSchema,
    template: text(),
    kind: oneOf(['promoted', 'revoked', 'rolled-back'] as const),
    setId: text(),
    at: text(),
    by: text(),
    reason: v.optional(text()),
  }),
  baselines: record({
    id: key(),
    template: text(),
    optionSetName: text(),
    options: OptionValuesSchema,
    createdAt: finite(),
    benchmarkId: text(),
    benchmarkName: text(),
    solver: SolverSchema,
    environment: EnvironmentSchema,
    config: BenchmarkConfigSchema,
    models: list(StoredModelSchema),
    runs: list(BenchmarkRunSchema),
    thresholdPct: finite(),
  }),
  regressionChecks: record({
    id: key(),
    template: text(),
    checkedAt: text(),
    at: text(),
    baselineId: text(),
    candidateId: text(),
    candidateName: text(),
    optionSetId: text(),
    optionSetName: v.optional(text()),
    optionSetKey: v.optional(text()),
    sameOptions: v.optional(bool()),
    solverVersion: text(),
    thresholdPct: num(),
    verdict: oneOf(REGRESSION_VERDICTS),
    label: v.nullable(text()),
    timeRatio: v.nullable(num()),
    ci95: v.nullable(v.tuple([num(), num()], 'expected [low, high]')),
    counts: v.record(v.string(), num(), 'expected an object of counts'),
  }),
  templateSettings: record({ template: key(), thresholdPct: finite() }),
  alertRules: record({
    id: key(),
    name: text(),
    condition: text(),
    severity: oneOf(['critical', 'warning', 'info'] as const),
    channels: list(oneOf(['app', 'notification', 'webhook'] as const)),
    cooldownMs: finite(),
    enabled: bool(),
    createdAt: finite(),
  }),
  alerts: record({
    id: key(),
    key: text(),
    source: oneOf(['rule', 'regression', 'health'] as const),
    severity: oneOf(['critical', 'warning', 'info'] as const),
    template: v.nullable(text()),
    title: text(),
    message: text(),
    details: Details,
    state: oneOf(['active', 'resolved'] as const),
    raisedAt: finite(),
    lastSeenAt: finite(),
    occurrences: finite(),
    lastSentAt: v.nullable(finite()),
    deliveries: list(
      record({
        channel: oneOf(['app', 'notification', 'webhook'] as const),
        at: num(),
        state: oneOf(['sent', 'failed', 'pending', 'suppressed'] as const),
        attempts: num(),
        detail: v.nullable(text()),
      }),
    ),
    resolvedAt: v.nullable(num()),
    resolveNote: v.nullable(text()),
  }),
  appSettings: record({
    key: v.pipe(
      key(),
      v.check((k) => !SETTINGS_NOT_BACKED_UP.has(k), 'a setting backups never hold (it stays in its browser)'),
    ),
    value: v.unknown(),
  }),
  healthRuns: record({
    id: key(),
    at: finite(),
    trigger: oneOf(['manual', 'scheduled'] as const),
    overall: oneOf(['healthy', 'warning', 'critical', 'unknown'] as const),
    results: list(
      record({
        id: text(),
        name: text(),
        severity: oneOf(['critical', 'warning', 'info'] as const),
        status: oneOf(['pass', 'warning', 'fail', 'unknown'] as const),
        message: text(),
        details: Details,
        at: num(),
        durationMs: num(),
      }),
    ),
  }),
  metrics: v.variant(
    'kind',
    [
      record({
        kind: v.literal('solve'),
        t: finite(),
        seq: finite(),
        source: oneOf(['run', 'benchmark', 'health'] as const),
        template: text(),
        model: text(),
        optionSet: text(),
        status: text(),
        outcome: oneOf(['ok', 'unsolved', 'error'] as const),
        timeMs: num(),
        rows: num(),
        cols: num(),
        nnz: num(),
        wasmMemoryBytes: num(),
        objective: v.nullable(num()),
      }),
      record({
        kind: v.literal('system'),
        t: finite(),
        seq: finite(),
        poolUtilization: num(),
        queueDepth: num(),
        running: num(),
        workers: num(),
        throughput: num(),
        workerRestarts: num(),
        jobsCompleted: num(),
        jobsFailed: num(),
        workerMemory: list(record({ slot: num(), workerId: num(), wasmMemoryBytes: num() })),
        jsHeapBytes: v.nullable(num()),
        storageUsedBytes: v.nullable(num()),
        storageQuotaBytes: v.nullable(num()),
        hardwareConcurrency: num(),
        crossOriginIsolated: bool(),
        benchmarkRunning: bool(),
      }),
    ],
    'expected a metric point with kind "solve" or "system"',
  ),
  // A tuning run's shape; recordProblems reads it with readTuningRecord's whole check (references, the race).
  tunerRuns: TuningRecordSchema,
};

/** The key field of each store (a metric point's key is [t, seq]). */
export const RECORD_KEYS: Record<BackupStoreName, string | readonly [string, string]> = {
  runs: 'id',
  benchmarks: 'id',
  benchmarkRuns: 'id',
  modelFiles: 'id',
  benchmarkConfigs: 'name',
  blessedSets: 'id',
  blessedEvents: 'id',
  baselines: 'id',
  regressionChecks: 'id',
  templateSettings: 'template',
  alertRules: 'id',
  alerts: 'id',
  appSettings: 'key',
  healthRuns: 'id',
  metrics: ['t', 'seq'],
  tunerRuns: 'id',
};

/** One valibot issue as `path: message, got value` (`path: missing` for an absent field), under `prefix`. */
export { describeIssue };

/** Missing fields listed in one line per object: at most this many by name. */
const MISSING_NAMED = 4;

/**
 * What is wrong with one record of a store, each problem as `path: message` with `prefix` in front of
 * the path (e.g. `stores.runs[3]`); the fields missing from one object are one line
 * (`stores.runs[3]: missing modelName, origin, format, size and 15 more fields`). Empty when the app can read it.
 */
export function recordProblems(
  store: BackupStoreName,
  value: unknown,
  prefix: readonly (string | number)[] = [],
): string[] {
  if (store === 'tunerRuns') return tuningRecordErrors(value, prefix);
  const result = v.safeParse(RECORD_SCHEMAS[store], value);
  if (result.success) return [];
  const out: string[] = [];
  const missing = new Map<string, { full: string; name: string }[]>();
  for (const issue of result.issues) {
    if (!isMissingIssue(issue)) {
      out.push(describeIssue(issue, prefix));
      continue;
    }
    const keys = [...prefix, ...(issue.path ?? []).map((item) => item.key as string | number)];
    const parent = formatPath(keys.slice(0, -1));
    missing.set(parent, [...(missing.get(parent) ?? []), { full: formatPath(keys), name: String(keys.at(-1)) }]);
  }
  const grouped = [...missing].map(([parent, fields]) => {
    if (fields.length === 1) return `${fields[0].full}: missing`;
    const named = fields.slice(0, MISSING_NAMED).map((f) => f.name);
    const more = fields.length - named.length;
    return `${parent}: missing ${named.join(', ')}${more > 0 ? ` and ${more} more fields` : ''}`;
  });
  return [...grouped, ...out];
}

// A run of the history as the schema reads it is the app's RunRecord, field for field (flags' codes are read as
// text, so an older code does not make a run unreadable): a field renamed or added there fails to compile here.
type ReadRun = v.InferOutput<typeof RunRecordSchema>;
type RunFields = { [K in Exclude<keyof RunRecord, 'flags'>]-?: [ReadRun[K]] extends [RunRecord[K]] ? true : false };
/** Compile-time proof that RunRecordSchema reads every RunRecord field with its type. */
export type _RunRecordChecks = RunFields[keyof RunFields] extends true ? true : never;
const _runRecordChecked: _RunRecordChecks = true;

/** An IndexedDB key as a record has it (IDBValidKey, spelled out so core needs no DOM types). */
export type RecordKey = string | number | Date | ArrayBuffer | ArrayBufferView | RecordKey[];

/** A store whose records the app lists in a view, and so may show as damaged (tunerRuns: checked by core/tuner's readTuningRecord). */
export type ListedStore = 'runs' | 'benchmarks' | 'benchmarkRuns' | 'tunerRuns';

/**
 * A stored record the app cannot read (written by an older version's bug, or edited by hand): shown as a
 * damaged row with a way to delete it, never handed to a view as if it were whole.
 */
export interface DamagedRecord {
  store: ListedStore;
  /** Its key in the store (what a delete needs). */
  key: RecordKey;
  /** What could be read of it, for the row (a name, a model, a date), or its key. */
  label: string;
  /** What is wrong, first problems first (`path: message`). */
  problems: string[];
}

/** At most this many problems are kept per damaged record. */
const DAMAGE_SHOWN = 3;

/** The damaged record of a value that failed its store's schema, with a label from whatever it still has. */
export function damagedRecord(store: ListedStore, key: RecordKey, value: unknown, problems: string[]): DamagedRecord {
  const r = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  const named = [r.name, r.modelName, r.modelId].find((x): x is string => typeof x === 'string' && x !== '');
  const when = typeof r.createdAt === 'number' && Number.isFinite(r.createdAt) ? new Date(r.createdAt) : null;
  const label = [
    named ?? `key ${preview(JSON.stringify(key) ?? String(key))}`,
    when && !isNaN(when.getTime()) ? when.toISOString() : null,
  ]
    .filter((x) => x !== null)
    .join(', ');
  return { store, key, label, problems: problems.slice(0, DAMAGE_SHOWN) };
}
