// The report file, version 1, as one valibot schema: the app validates imports with it and the published
// JSON Schema (schema/report-v1.schema.json) is generated from it by @valibot/to-json-schema, so the two
// cannot drift (test/core/report checks the committed file). valibot, not ajv: ajv compiles a schema into
// code with `new Function`, which the page's CSP forbids (no 'unsafe-eval'); valibot only walks objects.
//
// This is the file's shape (the wire format): option values that are ±Infinity are written as
// {"$number": "Infinity"} / {"$number": "-Infinity"} (see option-value.ts), every other number is finite.
// Readers ignore fields they do not know (so a field may be added within version 1); renaming a field or
// changing its meaning makes a new version.
import * as v from 'valibot';
import {
  BENCHMARK_PURPOSES,
  type BenchmarkConfig,
  type BenchmarkModel,
  type BenchmarkRun,
  type GapTracePoint,
  type ScalingFit,
  type Speedup,
} from '../benchmark';
import { RUN_STATUSES } from '../model-status';
import { VERDICTS } from '../result-check';
import type { RunError, WorkCounters } from '../run-record';
import { TUNING_RECORD_LIMITS, tuningRecordSchema } from '../tuner/record-schema';
import { NUMBER_KEY, OPTION_VALUE_ENCODING } from './option-value';
import { FINITE, NON_NEGATIVE, TEXT, WHOLE } from './schema-parts';

/** The `schema` field of every report: what kind of file this is. */
export const REPORT_SCHEMA = 'highs-workbench/report';

/** Run status and verdict names, re-exported: the report accepts exactly these. */
export { RUN_STATUSES, VERDICTS };

/** The most tuning runs one report carries. */
export const MAX_REPORT_TUNING_RUNS = 100;

const finite = () => v.pipe(v.number(FINITE), v.finite(FINITE));
const nonNegative = () => v.pipe(v.number(FINITE), v.finite(FINITE), v.minValue(0, NON_NEGATIVE));
const whole = () => v.pipe(v.number(WHOLE), v.integer(WHOLE), v.minValue(0, WHOLE));
const text = () => v.string(TEXT);
const name = () => v.pipe(v.string(TEXT), v.minLength(1, 'expected a non-empty string'));
const list = <T extends v.GenericSchema>(item: T) => v.array(item, 'expected an array');
const record = <T extends v.ObjectEntries>(entries: T) => v.object(entries, 'expected an object');

/** An option value: boolean, finite number, string, or ±Infinity in its explicit encoding. */
const OptionValueSchema = v.pipe(
  v.union(
    [
      v.boolean(),
      finite(),
      v.string(),
      v.strictObject({ [NUMBER_KEY]: v.picklist(['Infinity', '-Infinity']) }, 'expected {"$number": "Infinity"}'),
    ],
    'expected a boolean, a finite number, a string or {"$number": "Infinity" | "-Infinity"}',
  ),
  v.description(OPTION_VALUE_ENCODING),
);

/** An option value of a tuning run in the file: as above, its strings capped like the run's other names. */
const TuningOptionValueSchema = v.pipe(
  v.union(
    [
      v.boolean(),
      finite(),
      v.pipe(
        v.string(),
        v.maxLength(TUNING_RECORD_LIMITS.nameLength, `expected at most ${TUNING_RECORD_LIMITS.nameLength} characters`),
      ),
      v.strictObject({ [NUMBER_KEY]: v.picklist(['Infinity', '-Infinity']) }, 'expected {"$number": "Infinity"}'),
    ],
    'expected a boolean, a finite number, a string or {"$number": "Infinity" | "-Infinity"}',
  ),
  v.description(OPTION_VALUE_ENCODING),
);

/** A tuning run in the file: core/tuner's record with its option values encoded. */
const TuningRunSchema = tuningRecordSchema(TuningOptionValueSchema);

const ConfigSchema = record({
  timeLimitMs: v.pipe(v.number(FINITE), v.finite(FINITE), v.gtValue(0, 'expected a number > 0')),
  seeds: list(whole()),
  repetitions: v.pipe(v.number(WHOLE), v.integer(WHOLE), v.minValue(1, 'expected a whole number ≥ 1')),
  warmup: v.boolean('expected true or false'),
});

const ModelSchema = record({
  id: v.pipe(
    v.string(TEXT),
    v.regex(/^[0-9a-f]{64}$/, 'expected a SHA-256 in lower-case hex (64 characters)'),
    v.description("SHA-256 of the model's bytes, lower-case hex."),
  ),
  name: text(),
  template: text(),
  size: v.nullable(nonNegative()),
  rows: whole(),
  cols: whole(),
  nnz: whole(),
  integers: whole(),
  knownObjective: v.nullable(finite()),
});

const OptionSetSchema = record({
  id: name(),
  name: text(),
  options: v.pipe(
    v.record(v.string(), OptionValueSchema, 'expected an object of option values'),
    v.description("HiGHS options that differ from HiGHS's defaults ({} is the defaults)."),
  ),
  // Optional within version 1: files written before it existed run every set on every template.
  templates: v.optional(
    v.pipe(
      list(name()),
      v.description(
        "The templates (the models' `template` values) this set ran on, e.g. a template's blessed set on its own " +
          'template; absent: every template.',
      ),
    ),
  ),
});

const CountersSchema = record({
  simplexIterations: whole(),
  ipmIterations: whole(),
  crossoverIterations: whole(),
  qpIterations: whole(),
  pdlpIterations: whole(),
  mipNodes: whole(),
  mipLpIterations: whole(),
});

/** Room above the app's own thinning (32 points), so a later, finer trace needs no new version. */
const GAP_TRACE_SCHEMA_MAX = 256;

const GapTracePointSchema = v.tuple(
  [nonNegative(), v.nullable(finite()), v.nullable(finite()), v.nullable(finite())],
  'expected [tMs, gap, primal, dual]',
);

const GapTraceSchema = v.pipe(
  list(GapTracePointSchema),
  v.maxLength(GAP_TRACE_SCHEMA_MAX, `expected at most ${GAP_TRACE_SCHEMA_MAX} points`),
  v.description(
    "A MIP run's bounds over time, thinned (first, last, and where the gap moved most): points " +
      '[ms since the solve started, relative gap (0.01 = 1 %) or null, primal bound or null, dual bound or null]. ' +
      'Absent for LPs, failed runs and files written before it existed.',
  ),
);

const RunSchema = record({
  modelId: text(),
  optionSetId: text(),
  seed: whole(),
  repetition: whole(),
  status: v.nullable(v.picklist(RUN_STATUSES, `expected one of ${RUN_STATUSES.join(', ')} or null`)),
  objective: v.nullable(finite()),
  mipDualBound: v.nullable(finite()),
  timeMs: nonNegative(),
  counters: CountersSchema,
  maxBoundViolation: v.nullable(nonNegative()),
  maxRowViolation: v.nullable(nonNegative()),
  verdict: v.picklist(VERDICTS, `expected one of ${VERDICTS.join(', ')}`),
  error: v.nullable(record({ name: text(), message: text() })),
  // Optional within version 1: files written before it existed stay valid, and LP runs leave it out.
  gapTrace: v.optional(v.nullable(GapTraceSchema)),
  // Optional within version 1, like gapTrace: files written before it existed stay valid.
  highsMaxPrimalInfeasibility: v.optional(
    v.pipe(
      v.nullable(finite()),
      v.description(
        "HiGHS's own largest primal infeasibility of the returned solution (info max_primal_infeasibility), " +
          'beside maxBoundViolation and maxRowViolation, which the app computes from the model; null without a ' +
          'solution. Absent in files written before it existed.',
      ),
    ),
  ),
});

const SpeedupSchema = record({
  ratio: nonNegative(),
  ci95: v.tuple([finite(), finite()], 'expected [low, high]'),
});

const ScalingSchema = record({
  template: text(),
  exponent: finite(),
  r2: finite(),
  sizes: v.pipe(list(finite()), v.description('The sizes fitted: those where every problem was solved.')),
  // Optional within version 1: files written before they existed stay valid.
  censoredSizes: v.optional(
    v.pipe(
      list(finite()),
      v.description(
        'Sizes left out of the fit because a problem there was unsolved (charged the time limit, a censored ' +
          'time). Absent in files written before it existed.',
      ),
    ),
  ),
  censoredProblems: v.optional(
    v.pipe(
      whole(),
      v.description('The unsolved problems at censoredSizes. Absent in files written before it existed.'),
    ),
  ),
  quality: v.optional(
    v.pipe(
      v.picklist(['ok', 'poor', 'two-sizes'], 'expected ok, poor or two-sizes'),
      v.description(
        "How far the fit can be read: 'poor' when R² is below 0.9 (do not read the exponent), 'two-sizes' when " +
          'it goes through two sizes only (R² is 1 by construction). Absent in files written before it existed.',
      ),
    ),
  ),
});

/** The summary: the fields checked today; further fields (counters, parameters) are carried as they are. */
const SummarySchema = v.looseObject(
  {
    shiftMs: nonNegative(),
    optionSets: list(
      v.looseObject(
        {
          optionSetId: text(),
          sgmTimeMs: v.nullable(nonNegative()),
          solved: whole(),
          problems: whole(),
          speedup: v.nullable(SpeedupSchema),
          scaling: list(ScalingSchema),
        },
        'expected an object',
      ),
    ),
  },
  'expected an object',
);

const BenchmarkSchema = record({
  id: name(),
  name: text(),
  config: ConfigSchema,
  referenceOptionSetId: text(),
  models: list(ModelSchema),
  optionSets: list(OptionSetSchema),
  runs: list(RunSchema),
  summary: SummarySchema,
  // Optional within version 1, like the two below: files written before them stay valid.
  startedAt: v.optional(
    v.pipe(
      v.string(TEXT),
      v.isoTimestamp('expected an ISO 8601 timestamp'),
      v.description("When the benchmark started where it ran (the report's createdAt is when it was exported)."),
    ),
  ),
  purpose: v.optional(
    v.pipe(
      v.picklist(BENCHMARK_PURPOSES, `expected one of ${BENCHMARK_PURPOSES.join(', ')}`),
      v.description(
        "What the benchmark was run for: 'validation' for a parameter validation (kept apart from ordinary " +
          'benchmarks); absent: an ordinary benchmark.',
      ),
    ),
  ),
});

/** Report version 1, as written to and read from the file. */
export const ReportFileV1Schema = v.pipe(
  record({
    schema: v.literal(REPORT_SCHEMA, `expected "${REPORT_SCHEMA}"`),
    version: v.literal(1, 'expected 1'),
    createdAt: v.pipe(v.string(TEXT), v.isoTimestamp('expected an ISO 8601 timestamp')),
    app: record({ name: text(), version: text() }),
    solver: record({ name: text(), version: text() }),
    environment: record({
      userAgent: text(),
      hardwareConcurrency: whole(),
      crossOriginIsolated: v.boolean('expected true or false'),
      // Optional within version 1 (files written before them stay valid): where a command line ran.
      runtime: v.optional(
        v.pipe(
          v.picklist(['browser', 'node'], 'expected "browser" or "node"'),
          v.description(
            "Where the benchmarks ran: 'browser' (the app) or 'node' (the command line); absent: a browser.",
          ),
        ),
      ),
      node: v.optional(v.pipe(text(), v.description("Node's version (the command line only)."))),
      os: v.optional(v.pipe(text(), v.description('The operating system (the command line only).'))),
      cpu: v.optional(v.pipe(text(), v.description('The CPU model (the command line only).'))),
    }),
    benchmarks: list(BenchmarkSchema),
    // Optional within version 1: only a shard's report has it (core/headless/shard.ts).
    shard: v.optional(
      v.pipe(
        record({
          index: v.pipe(whole(), v.minValue(1, 'expected ≥ 1')),
          count: v.pipe(whole(), v.minValue(1, 'expected ≥ 1'), v.maxValue(1000, 'expected ≤ 1000')),
          definitionHash: v.pipe(v.string(TEXT), v.regex(/^[0-9a-f]{64}$/, 'expected a SHA-256 in hex')),
          planHash: v.pipe(v.string(TEXT), v.regex(/^[0-9a-f]{64}$/, 'expected a SHA-256 in hex')),
          planJobs: whole(),
          shardJobs: whole(),
        }),
        v.description(
          'Which shard of a sharded benchmark this report is: shard index of count, the SHA-256 of the ' +
            "benchmark's definition and of its whole plan (equal in every shard of one benchmark), and the jobs " +
            'of the plan and of this shard. Absent in an unsharded or merged report.',
        ),
      ),
    ),
    // Optional within version 1: files written before it existed, and reports without a tuning run, have none.
    tuning: v.optional(
      v.pipe(
        list(TuningRunSchema),
        v.maxLength(MAX_REPORT_TUNING_RUNS, `expected at most ${MAX_REPORT_TUNING_RUNS} tuning runs`),
        v.description(
          "Tuning runs of HiGHS's options (the racing tuner): each whole, as the app stores it (format " +
            '"highs-workbench/tuning-run", version 1): the settings, the instances and their split, the race\'s state, ' +
            'the held-out plan and results, and the result. Option values are encoded as everywhere in the file. ' +
            'Absent in files written before it existed and in reports without a tuning run.',
        ),
      ),
    ),
  }),
  v.title('HiGHS Workbench report, version 1'),
  v.description(
    'Benchmarks of the HiGHS solver exported by HiGHS Workbench. Every number is finite (JSON has no NaN or ' +
      'Infinity; 1e999 is refused). ' +
      OPTION_VALUE_ENCODING +
      ' Readers ignore fields they do not know; a renamed field or a changed meaning is a new version.',
  ),
);

/** Report version 1 as in the file (option values still encoded). */
export type ReportFileV1 = v.InferOutput<typeof ReportFileV1Schema>;

// The parts a stored record shares with the report (a benchmark's config, models and runs): the backup and the
// stores check their records with these, so a run is one shape wherever it is read.
export {
  /** A benchmark's config as the report and the stores hold it. */
  ConfigSchema as BenchmarkConfigSchema,
  /** One benchmark model as the report and the stores hold it. */
  ModelSchema as BenchmarkModelSchema,
  /** One benchmark run as the report and the stores hold it. */
  RunSchema as BenchmarkRunSchema,
  /** Work counters as the report and the stores hold them. */
  CountersSchema as WorkCountersSchema,
};

// The file's fields are benchmark.ts's, name for name: a change there fails to compile here.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;
type Run = v.InferOutput<typeof RunSchema>;
export type _Checks = [
  Assert<Same<v.InferOutput<typeof ConfigSchema>, BenchmarkConfig>>,
  Assert<Same<v.InferOutput<typeof ModelSchema>, BenchmarkModel>>,
  Assert<Same<Run, BenchmarkRun>>,
  Assert<Same<v.InferOutput<typeof CountersSchema>, WorkCounters>>,
  Assert<Same<NonNullable<Run['error']>, RunError>>,
  Assert<Same<v.InferOutput<typeof SpeedupSchema>, Speedup>>,
  Assert<Same<v.InferOutput<typeof ScalingSchema>, ScalingFit>>,
  Assert<Same<v.InferOutput<typeof GapTracePointSchema>, GapTracePoint>>,
];
