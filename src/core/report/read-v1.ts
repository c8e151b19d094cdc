// Validation of a report version 1 file: the schema, then what a schema cannot say (ids unique, every run
// refers to a model and an option set of its benchmark, the reference option set exists, each tuning run is
// one core/tuner's readTuningRecord reads), each error named by its path; and the decoding of a valid file
// into the app's Report.
import * as v from 'valibot';
import type { TuningRecord } from '../tuner/record';
import { tuningRecordErrors } from '../tuner/record-schema';
import { capErrors, formatPath, preview } from './json-safety';
import { decodeInfinities, decodeOptions } from './option-value';
import { ReportFileV1Schema, type ReportFileV1 } from './schema-v1';
import type { Report, ReportParseResult } from './types';

const OBJECT_TYPES = new Set(['object', 'loose_object', 'strict_object']);

/** One valibot issue as `path: message, got value`. */
function describeIssue(issue: v.BaseIssue<unknown>): string {
  const keys = (issue.path ?? []).map((item) => item.key as string | number);
  const path = formatPath(keys);
  const last = issue.path?.[issue.path.length - 1];
  if (OBJECT_TYPES.has(issue.type) && last?.origin === 'key' && issue.input === undefined) return `${path}: missing`;
  return `${path}: ${issue.message}, got ${preview(issue.received)}`;
}

/** The cross-field rules of version 1, on a file that passed the schema. */
function crossCheck(file: ReportFileV1): string[] {
  const errors: string[] = [];
  const firstIndex = (seen: Map<string, number>, id: string, index: number): number | undefined => {
    const first = seen.get(id);
    if (first === undefined) seen.set(id, index);
    return first;
  };
  const benchmarkIds = new Map<string, number>();
  file.benchmarks.forEach((b, bi) => {
    const at = (...path: (string | number)[]) => formatPath(['benchmarks', bi, ...path]);
    const id = (text: string) => JSON.stringify(preview(text));
    const dupBenchmark = firstIndex(benchmarkIds, b.id, bi);
    if (dupBenchmark !== undefined) {
      errors.push(`${at('id')}: benchmark id ${id(b.id)} is used twice (also benchmarks[${dupBenchmark}])`);
    }
    const models = new Map<string, number>();
    b.models.forEach((m, mi) => {
      const dup = firstIndex(models, m.id, mi);
      if (dup !== undefined)
        errors.push(`${at('models', mi, 'id')}: model id ${id(m.id)} is used twice (also models[${dup}])`);
    });
    const sets = new Map<string, number>();
    b.optionSets.forEach((s, si) => {
      const dup = firstIndex(sets, s.id, si);
      if (dup !== undefined) {
        errors.push(`${at('optionSets', si, 'id')}: option set id ${id(s.id)} is used twice (also optionSets[${dup}])`);
      }
    });
    if (!sets.has(b.referenceOptionSetId)) {
      errors.push(`${at('referenceOptionSetId')}: no option set ${id(b.referenceOptionSetId)} in this benchmark`);
    }
    b.runs.forEach((r, ri) => {
      if (!models.has(r.modelId))
        errors.push(`${at('runs', ri, 'modelId')}: no model ${id(r.modelId)} in this benchmark`);
      if (!sets.has(r.optionSetId)) {
        errors.push(`${at('runs', ri, 'optionSetId')}: no option set ${id(r.optionSetId)} in this benchmark`);
      }
    });
    const summarised = new Map<string, number>();
    b.summary.optionSets.forEach((s, si) => {
      const where = (key: string) => at('summary', 'optionSets', si, key);
      if (!sets.has(s.optionSetId))
        errors.push(`${where('optionSetId')}: no option set ${id(s.optionSetId)} in this benchmark`);
      const dup = firstIndex(summarised, s.optionSetId, si);
      if (dup !== undefined) {
        errors.push(
          `${where('optionSetId')}: option set ${id(s.optionSetId)} is summarised twice (also optionSets[${dup}])`,
        );
      }
      if (s.solved > s.problems) errors.push(`${where('solved')}: ${s.solved} solved of ${s.problems} problems`);
    });
  });
  if (file.shard && file.shard.index > file.shard.count)
    errors.push(`shard.index: shard ${file.shard.index} of ${file.shard.count} does not exist`);
  if (file.shard && file.shard.shardJobs > file.shard.planJobs)
    errors.push(`shard.shardJobs: ${file.shard.shardJobs} jobs of a plan of ${file.shard.planJobs}`);
  const tuningIds = new Map<string, number>();
  file.tuning?.forEach((t, ti) => {
    const dup = firstIndex(tuningIds, t.id, ti);
    if (dup !== undefined) {
      errors.push(
        `${formatPath(['tuning', ti, 'id'])}: tuning run id ${JSON.stringify(preview(t.id))} is used twice (also tuning[${dup}])`,
      );
    }
    errors.push(...tuningRecordErrors(decodeInfinities(t), ['tuning', ti]));
  });
  return errors;
}

/** Validates a value as a report version 1 file: the file (options still encoded) or every error, capped. */
export function validateReportFileV1(
  data: unknown,
): { ok: true; file: ReportFileV1 } | { ok: false; errors: string[] } {
  const result = v.safeParse(ReportFileV1Schema, data);
  if (!result.success) return { ok: false, errors: capErrors(result.issues.map(describeIssue)) };
  const errors = crossCheck(result.output);
  return errors.length > 0 ? { ok: false, errors: capErrors(errors) } : { ok: true, file: result.output };
}

/** A valid version 1 file as the app's Report (±Infinity option values decoded). */
export function decodeReportV1(file: ReportFileV1): Report {
  const { tuning, ...rest } = file;
  return {
    ...rest,
    benchmarks: file.benchmarks.map((b) => ({
      ...b,
      optionSets: b.optionSets.map((s) => ({ ...s, options: decodeOptions(s.options) })),
    })),
    // Checked by crossCheck with readTuningRecord (the file's schema strips what it does not know).
    ...(tuning ? { tuning: tuning.map((t) => decodeInfinities(t) as TuningRecord) } : {}),
  };
}

/** Reads a parsed JSON value whose envelope says version 1. */
export function readReportV1(data: unknown): ReportParseResult {
  const checked = validateReportFileV1(data);
  return checked.ok ? { ok: true, report: decodeReportV1(checked.file) } : checked;
}
