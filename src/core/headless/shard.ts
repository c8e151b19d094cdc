// Shards: one benchmark split over machines that share nothing (a GitHub Actions matrix, a Kubernetes Indexed
// Job), each writing a report with a manifest — which shard of how many, the hash of the benchmark's definition
// and of its whole plan — and merged back into one report. The merge refuses what would make the merged
// figures lie: shards of other definitions, plans or solver versions, and missing or duplicate shards. The
// merged benchmark is the shards' runs together, its summary computed again from them (so on work counters it
// equals an unsharded run's).
import type { BenchmarkRun } from '../benchmark';
import type { Report, ReportBenchmark } from '../report';

export type { ShardManifest } from '../report';
import { jobKey, planBenchmark } from '../benchmark-plan';
import { sha256Hex } from '../run-record';
import { summarize } from '../stats';
import { HeadlessInputError } from './check';

/** JSON with object keys sorted at every level: the same value always gives the same text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : v,
  );
}

/** The SHA-256 of a value's canonical JSON. */
export function hashOf(value: unknown): Promise<string> {
  return sha256Hex(new TextEncoder().encode(canonicalJson(value)));
}

/** Reads "I/N" (1 ≤ I ≤ N ≤ 1000); throws HeadlessInputError naming the option. */
export function parseShard(text: string, option = '--shard'): { index: number; count: number } {
  const m = /^(\d{1,4})\/(\d{1,4})$/.exec(text.trim());
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!m || index < 1 || count < 1 || index > count || count > 1000)
    throw new HeadlessInputError(`${option}: expected I/N with 1 ≤ I ≤ N ≤ 1000 (e.g. 2/3), got "${text}"`);
  return { index, count };
}

/**
 * The parts of a benchmark that every shard must have alike: everything but its runs and summary, and of its
 * models only what identifies them (a model's rows, columns and nonzeros are filled in by its first solve, so a
 * shard that never solved a model has them at 0).
 */
function shape(b: ReportBenchmark): unknown {
  const { runs: _r, summary: _s, startedAt: _t, id: _i, models, ...rest } = b;
  return { ...rest, models: models.map((m) => [m.id, m.name, m.template, m.size, m.knownObjective]) };
}

/** Each model as the shard that measured it most knows it (the largest size read). */
function measuredModels(benchmarks: readonly ReportBenchmark[]): ReportBenchmark['models'] {
  return benchmarks[0].models.map((m, i) =>
    benchmarks
      .map((b) => b.models[i])
      .reduce((best, x) => (x.nnz + x.rows + x.cols > best.nnz + best.rows + best.cols ? x : best), m),
  );
}

/** A merged report and what the merge noted (e.g. shards that ran on different machines). */
export interface MergeResult {
  report: Report;
  notes: string[];
}

/**
 * Merges shard reports (see the top of this file). `files` names each report in errors. Throws
 * HeadlessInputError with every reason the shards cannot be merged.
 */
export function mergeShards(reports: readonly Report[], files: readonly string[]): MergeResult {
  const errors: string[] = [];
  if (reports.length === 0) throw new HeadlessInputError('merge: no shard report given');
  const manifests = reports.map((r, i) => {
    if (!r.shard) errors.push(`${files[i]}: not a shard report (it has no "shard" manifest)`);
    return r.shard;
  });
  if (errors.length) throw new HeadlessInputError(errors.join('\n'));
  const first = manifests[0]!;
  const seen = new Map<number, string>();
  reports.forEach((r, i) => {
    const m = manifests[i]!;
    const f = files[i];
    if (m.count !== first.count)
      errors.push(`${f}: shard ${m.index}/${m.count}, but ${files[0]} is one of ${first.count}`);
    if (m.definitionHash !== first.definitionHash)
      errors.push(
        `${f}: another benchmark definition (hash ${m.definitionHash.slice(0, 12)}…, ${files[0]} has ${first.definitionHash.slice(0, 12)}…)`,
      );
    if (m.planHash !== first.planHash)
      errors.push(
        `${f}: another plan (hash ${m.planHash.slice(0, 12)}…, ${files[0]} has ${first.planHash.slice(0, 12)}…)`,
      );
    if (r.solver.name !== reports[0].solver.name || r.solver.version !== reports[0].solver.version)
      errors.push(
        `${f}: ran on ${r.solver.name} ${r.solver.version}, ${files[0]} on ${reports[0].solver.name} ${reports[0].solver.version}`,
      );
    const other = seen.get(m.index);
    if (other !== undefined) errors.push(`${f}: shard ${m.index}/${m.count} again (also ${other})`);
    else seen.set(m.index, f);
    if (r.benchmarks.length !== 1)
      errors.push(`${f}: a shard report has one benchmark, this one has ${r.benchmarks.length}`);
  });
  const missing = Array.from({ length: first.count }, (_, i) => i + 1).filter((i) => !seen.has(i));
  if (missing.length > 0 && errors.every((e) => !e.includes('shard report has')))
    errors.push(
      `missing shard${missing.length > 1 ? 's' : ''} ${missing.map((i) => `${i}/${first.count}`).join(', ')}`,
    );
  if (errors.length) throw new HeadlessInputError(errors.join('\n'));

  const benchmarks = reports.map((r) => r.benchmarks[0]);
  const base = canonicalJson(shape(benchmarks[0]));
  benchmarks.forEach((b, i) => {
    if (canonicalJson(shape(b)) !== base)
      errors.push(`${files[i]}: its benchmark's models, option sets or config differ from ${files[0]}'s`);
  });
  const runs: BenchmarkRun[] = [];
  const jobKeys = new Map<string, string>();
  benchmarks.forEach((b, i) => {
    for (const r of b.runs) {
      const key = `${r.modelId}|${r.optionSetId}|${r.seed}|${r.repetition}`;
      const other = jobKeys.get(key);
      if (other !== undefined) errors.push(`${files[i]}: the run ${key} is also in ${other}`);
      else jobKeys.set(key, files[i]);
      runs.push(r);
    }
  });
  if (errors.length) throw new HeadlessInputError(errors.slice(0, 50).join('\n'));

  const ordered = [...reports].sort((a, b) => a.shard!.index - b.shard!.index);
  const b0 = ordered[0].benchmarks[0];
  const starts = ordered
    .map((r) => r.benchmarks[0].startedAt)
    .filter((t): t is string => !!t)
    .sort();
  const { runs: _r, summary: _s, ...rest } = b0;
  const models = measuredModels(ordered.map((r) => r.benchmarks[0]));
  // In plan order, as an unsharded run stores them: the summary's sums then add in the same order, bit for bit.
  const order = new Map(planBenchmark(b0.config, models, b0.optionSets).map((j, i) => [jobKey(j), i]));
  runs.sort((x, y) => (order.get(jobKey(x)) ?? Infinity) - (order.get(jobKey(y)) ?? Infinity));
  const summary = summarize({
    config: b0.config,
    models,
    optionSets: b0.optionSets,
    referenceOptionSetId: b0.referenceOptionSetId,
    runs,
  });
  const notes: string[] = [];
  const envs = new Set(reports.map((r) => canonicalJson(r.environment)));
  if (envs.size > 1)
    notes.push(
      `the shards ran in ${envs.size} different environments; the merged report names shard 1's (wall times compare across machines only roughly)`,
    );
  const done = runs.length;
  if (done < first.planJobs)
    notes.push(`${first.planJobs - done} of the plan's ${first.planJobs} runs are missing (a shard stopped early)`);
  const { shard: _m, ...head } = ordered[0];
  return {
    report: {
      ...head,
      createdAt: ordered
        .map((r) => r.createdAt)
        .sort()
        .at(-1)!,
      benchmarks: [{ ...rest, models, ...(starts[0] ? { startedAt: starts[0] } : {}), runs, summary }],
    },
    notes,
  };
}
