// A report checked against a baseline without a browser (`highs-workbench check`), with #/regressions' rules:
// the baseline taken from a report's benchmark (core/regression's baselineFrom) or given whole (a backup's
// baselines), the candidate's option set chosen as #/regressions chooses it (the one with the baseline's
// options, else the reference), checkAgainstBaseline per template, and the exit code a CI job acts on.
import type { BenchmarkData } from '../benchmark';
import {
  baselineFrom,
  checkAgainstBaseline,
  checkedOptionsKey,
  type Baseline,
  type RegressionCheck,
} from '../regression';
import type { Report } from '../report';

/** Exit codes of `check` (and of bad input everywhere in the command line). */
export const EXIT = { ok: 0, regressed: 1, wrong: 2, badInput: 3 } as const;

/** Bad input to a headless command: a file, a field and what is wrong (the command prints it and exits 3). */
export class HeadlessInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BadInput';
  }
}

/** The candidate's option set a check compares: the one with the baseline's options, else the reference set. */
export function defaultCheckedOptionSet(
  data: Pick<BenchmarkData, 'optionSets' | 'referenceOptionSetId'>,
  baseline: Baseline,
): string {
  const key = checkedOptionsKey(baseline.optionSet.options);
  return data.optionSets.find((s) => checkedOptionsKey(s.options) === key)?.id ?? data.referenceOptionSetId;
}

/** An option set of a benchmark named by id or by name; throws HeadlessInputError listing the known ones. */
export function optionSetIdOf(data: BenchmarkData, given: string, file: string): string {
  const set = data.optionSets.find((s) => s.id === given) ?? data.optionSets.find((s) => s.name === given);
  if (set) return set.id;
  const known = data.optionSets.map((s) => `${s.id} (${s.name})`).join(', ');
  throw new HeadlessInputError(`${file}: benchmark "${data.name}" has no option set "${given}" (it has ${known})`);
}

/** The templates a benchmark has models of, in order. */
export function templatesOf(data: Pick<BenchmarkData, 'models'>): string[] {
  return [...new Set(data.models.map((m) => m.template))];
}

/** What picks the baselines out of a baseline report. */
export interface BaselinePick {
  template?: string;
  /** The option set (id or name) of the baseline report's benchmark; default its reference set. */
  optionSet?: string;
  thresholdPct?: number;
}

/**
 * The baselines of a report: for each benchmark (not a validation) and each of its templates (or only
 * `pick.template`), the runs of the chosen option set. Throws HeadlessInputError naming the file when the
 * report has no such template or option set.
 */
export function baselinesFromReport(report: Report, file: string, pick: BaselinePick = {}): Baseline[] {
  const out: Baseline[] = [];
  const benchmarks = report.benchmarks.filter((b) => b.purpose !== 'validation');
  for (const [bi, b] of benchmarks.entries()) {
    const templates = templatesOf(b).filter((t) => pick.template === undefined || t === pick.template);
    const setId = pick.optionSet === undefined ? b.referenceOptionSetId : optionSetIdOf(b, pick.optionSet, file);
    for (const template of templates)
      out.push(
        baselineFrom(
          b,
          {
            id: `${file}#${bi}/${template}`,
            createdAt: b.startedAt ?? report.createdAt,
            solver: { ...report.solver },
            environment: { ...report.environment },
            thresholdPct: pick.thresholdPct,
          },
          template,
          setId,
        ),
      );
  }
  if (out.length === 0)
    throw new HeadlessInputError(
      pick.template === undefined
        ? `${file}: the report has no benchmark to take a baseline from`
        : `${file}: no benchmark of the report has template "${pick.template}" (it has ${report.benchmarks.flatMap(templatesOf).join(', ') || 'none'})`,
    );
  return out;
}

/** What to check: the candidate report, the baselines, and the choices of the command line. */
export interface HeadlessCheckInput {
  candidate: Report;
  candidateFile: string;
  baselines: readonly Baseline[];
  /** Only this template (default: every template both sides have). */
  template?: string;
  /** The candidate's option set (id or name); default as #/regressions picks it. */
  optionSet?: string;
  /** The threshold, percent (default: each baseline's). */
  thresholdPct?: number;
}

/**
 * Checks every (candidate benchmark, baseline) pair of a shared template, as #/regressions does; throws
 * HeadlessInputError when nothing can be checked (no shared template), naming both files' templates.
 */
export function headlessCheck(input: HeadlessCheckInput): RegressionCheck[] {
  const checks: RegressionCheck[] = [];
  const baselines = input.baselines.filter((b) => input.template === undefined || b.template === input.template);
  const benchmarks = input.candidate.benchmarks.filter((b) => b.purpose !== 'validation');
  for (const data of benchmarks) {
    const templates = new Set(templatesOf(data));
    for (const baseline of baselines) {
      if (!templates.has(baseline.template)) continue;
      const optionSetId =
        input.optionSet === undefined
          ? defaultCheckedOptionSet(data, baseline)
          : optionSetIdOf(data, input.optionSet, input.candidateFile);
      checks.push(
        checkAgainstBaseline(
          baseline,
          { data, optionSetId, solverVersion: input.candidate.solver.version },
          input.thresholdPct === undefined ? {} : { thresholdPct: input.thresholdPct },
        ),
      );
    }
  }
  if (checks.length === 0) {
    const mine = [...new Set(benchmarks.flatMap(templatesOf))].join(', ') || 'none';
    const theirs = [...new Set(baselines.map((b) => b.template))].join(', ') || 'none';
    throw new HeadlessInputError(
      `${input.candidateFile}: nothing to check: its templates (${mine}) share none with the baseline's (${theirs})`,
    );
  }
  return checks;
}

/** The exit code of a check: 2 when an answer is wrong, else 1 when something regressed, else 0. */
export function checkExitCode(checks: readonly RegressionCheck[]): 0 | 1 | 2 {
  if (checks.some((c) => c.verdict === 'wrong')) return EXIT.wrong;
  if (checks.some((c) => c.verdict === 'regressed')) return EXIT.regressed;
  return EXIT.ok;
}
