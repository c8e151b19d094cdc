// Writing a report file: ±Infinity option values encoded, then the same checks an import makes, so
// every file this app writes is one it (and the published JSON Schema) accepts. NaN, ±Infinity and
// BigInt elsewhere are refused with their paths rather than written as null (JSON.stringify's choice).
import { checkJsonValue, capErrors } from './json-safety';
import { encodeInfinities, encodeOptions } from './option-value';
import { validateReportFileV1 } from './read-v1';
import type { Report } from './types';

/** A report that cannot be written, with every reason. */
export class ReportExportError extends Error {
  override name = 'ReportExportError';
  constructor(readonly errors: string[]) {
    super(`the report cannot be exported: ${errors.slice(0, 3).join('; ')}${errors.length > 3 ? '; …' : ''}`);
  }
}

/** The report with its option values encoded for the file; anything malformed is left for validation to name. */
function encodeReport(report: Report): unknown {
  if (typeof report !== 'object' || report === null || !Array.isArray(report.benchmarks)) return report;
  return {
    ...report,
    ...(Array.isArray(report.tuning) ? { tuning: report.tuning.map((t) => encodeInfinities(t)) } : {}),
    benchmarks: report.benchmarks.map((b) =>
      typeof b === 'object' && b !== null && Array.isArray(b.optionSets)
        ? {
            ...b,
            optionSets: b.optionSets.map((s) =>
              typeof s === 'object' && s !== null && typeof s.options === 'object' && s.options !== null
                ? { ...s, options: encodeOptions(s.options) }
                : s,
            ),
          }
        : b,
    ),
  };
}

export interface SerializeReportOptions {
  /** Indentation of the JSON text (default 2; 0 for the most compact file). */
  indent?: number;
}

/**
 * The report as JSON text (report version 1). Only the fields of the format are written (the summary
 * keeps its further fields). Throws ReportExportError, listing every problem by path, for a report that
 * the format cannot carry: a non-finite number or BigInt, a NaN option value, a run pointing at an unknown
 * model, a duplicate id, ...
 */
export function serializeReport(report: Report, opts: SerializeReportOptions = {}): string {
  const encoded = encodeReport(report);
  const problems = checkJsonValue(encoded);
  const checked = problems.some((p) => p.forbidden) ? null : validateReportFileV1(encoded);
  const errors = [...problems.map((p) => p.message), ...(checked && !checked.ok ? checked.errors : [])];
  if (errors.length > 0 || !checked?.ok) throw new ReportExportError(capErrors(errors));
  return JSON.stringify(checked.file, null, opts.indent ?? 2);
}
