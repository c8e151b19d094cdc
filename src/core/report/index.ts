// The report format (version 1): the JSON export of benchmarks (and tuning runs), its schema, export and import.
export { REPORT_VERSION } from './types';
export type {
  Report,
  ReportBenchmark,
  ReportEnvironment,
  ReportOptionSetSummary,
  ReportParseResult,
  ReportSummary,
  ShardManifest,
} from './types';
export { MAX_REPORT_TUNING_RUNS, REPORT_SCHEMA, ReportFileV1Schema, RUN_STATUSES, VERDICTS } from './schema-v1';
export type { ReportFileV1 } from './schema-v1';
export { NUMBER_KEY, OPTION_VALUE_ENCODING, decodeOptionValue, encodeOptionValue } from './option-value';
export type { EncodedOptionValue } from './option-value';
export { DEFAULT_MAX_REPORT_BYTES, reportSizeError } from './json-safety';
export { parseReport } from './parse';
export type { ParseReportOptions } from './parse';
export { ReportExportError, serializeReport } from './serialize';
export type { SerializeReportOptions } from './serialize';
