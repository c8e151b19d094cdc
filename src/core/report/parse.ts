// Reading a report file: size cap, JSON.parse, the safety walk, then the envelope ({schema, version})
// picks the reader of that version. Every reader returns the app's current Report, so when version 2
// comes: add schema-v2.ts and read-v2.ts, make REPORT_VERSION 2, and register version 1's reader
// followed by an upgrade (v1 → v2) here, so version 1 files stay importable.
import { DEFAULT_MAX_REPORT_BYTES, capErrors, preview, readJsonText } from './json-safety';
import { readReportV1 } from './read-v1';
import { REPORT_SCHEMA } from './schema-v1';
import { REPORT_VERSION, type ReportParseResult } from './types';

/** The reader of each version this app reads; each returns the current Report. */
const READERS: ReadonlyMap<number, (data: unknown) => ReportParseResult> = new Map([[1, readReportV1]]);

/** How much parseReport reads at most. */
export interface ParseReportOptions {
  /** The largest input read, in UTF-8 bytes (default 64 MiB); a larger one is refused before parsing. */
  maxBytes?: number;
}

const fail = (...errors: string[]): ReportParseResult => ({ ok: false, errors });

/** Picks the reader by the envelope's schema and version. */
function dispatch(data: unknown): ReportParseResult {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return fail('not a HiGHS Workbench report: expected a JSON object at the top level');
  }
  const { schema, version } = data as { schema?: unknown; version?: unknown };
  if (schema !== REPORT_SCHEMA) {
    return fail(
      schema === undefined
        ? `not a HiGHS Workbench report: "schema" is missing (expected "${REPORT_SCHEMA}")`
        : `not a HiGHS Workbench report: schema is ${preview(JSON.stringify(schema))}, expected "${REPORT_SCHEMA}"`,
    );
  }
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    const got = version === undefined ? 'missing' : `got ${preview(JSON.stringify(version))}`;
    return fail(`version: expected a report version (a whole number ≥ 1), ${got}`);
  }
  if (version > REPORT_VERSION)
    return fail(`report version ${version} is newer than this app reads (${REPORT_VERSION})`);
  const read = READERS.get(version);
  if (!read)
    return fail(`report version ${version} is no longer read by this app (it reads ${[...READERS.keys()].join(', ')})`);
  return read(data);
}

/**
 * Reads a report from JSON text. Refuses, with every reason: input over maxBytes (without parsing it),
 * invalid JSON (with line and column), keys "__proto__" / "constructor" / "prototype", numbers JSON.parse
 * made infinite (1e999), another schema, a version this app does not read, and any field that does not
 * fit that version (named by its path, e.g. `benchmarks[0].runs[3].timeMs: expected a number ≥ 0, got -1`).
 */
export function parseReport(text: string, opts: ParseReportOptions = {}): ReportParseResult {
  const read = readJsonText(text, opts.maxBytes ?? DEFAULT_MAX_REPORT_BYTES, 'report');
  if (!read.ok) return fail(...read.errors);
  // Problems other than a prototype key (which refused the file already) join the schema's.
  const result = dispatch(read.data);
  if (read.problems.length === 0) return result;
  return fail(...capErrors([...read.problems, ...(result.ok ? [] : result.errors)]));
}
