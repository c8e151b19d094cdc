// The command line's commands over reports only (no solver): `check` (the verdicts of #/regressions, from the
// same core code, with the exit code a CI job acts on), `merge` (shard reports into one) and `compare` (the
// report comparison of #/reports). Each writes plain text to stdout and, when asked, Markdown and Bencher files.
import { appendFile } from 'node:fs/promises';
import { compareBenchmarks } from '../../core/compare';
import {
  HeadlessInputError,
  checkExitCode,
  checksBmf,
  checksMarkdown,
  comparisonMarkdown,
  headlessCheck,
  mergeShards,
} from '../../core/headless';
import { serializeReport } from '../../core/report';
import type { RegressionCheck } from '../../core/regression';
import { readBaselines, readReport, writeAtomic, type CliIo } from './io';

const fmt = (x: number) => String(Number(x.toPrecision(3)));

/** A check in one line: the template, the verdict and its label, the time ratio with its interval, the models. */
function checkLine(c: RegressionCheck): string {
  const time = c.time
    ? `time ×${fmt(c.time.ratio)} [${fmt(c.time.ci95[0])}, ${fmt(c.time.ci95[1])}] (${c.time.decision.label})`
    : 'no time ratio';
  const counts = new Map<string, number>();
  for (const m of c.models) counts.set(m.verdict, (counts.get(m.verdict) ?? 0) + 1);
  const models = [...counts.entries()].map(([v, n]) => `${n} ${v}`).join(', ');
  return `${c.template} (${c.optionSets.candidate.name} against ${c.optionSets.baseline.name}): ${c.verdict}${c.label ? ` (${c.label})` : ''}; ${time}; models: ${models || 'none'}`;
}

/** Options of `check`. */
export interface CheckOptions {
  report: string;
  baseline: string;
  template?: string;
  optionSet?: string;
  thresholdPct?: number;
  markdown?: string;
  bmf?: string;
}

/** `check`: exit 0 unchanged, improved or inconclusive; 1 regressed; 2 a wrong answer (bad input throws: exit 3). */
export async function checkCommand(o: CheckOptions, io: CliIo): Promise<number> {
  if (o.thresholdPct !== undefined && !(o.thresholdPct > 0 && o.thresholdPct < 100))
    throw new HeadlessInputError(`--threshold: a percentage above 0 and below 100, got ${o.thresholdPct}`);
  const [candidate, baselines] = await Promise.all([
    readReport(o.report),
    readBaselines(o.baseline, { template: o.template, thresholdPct: o.thresholdPct }),
  ]);
  const checks = headlessCheck({
    candidate,
    candidateFile: o.report,
    baselines,
    template: o.template,
    optionSet: o.optionSet,
    thresholdPct: o.thresholdPct,
  });
  for (const c of checks) {
    io.stdout.write(`${checkLine(c)}\n`);
    for (const r of c.reasons.slice(0, 3)) io.stdout.write(`  ${r}\n`);
  }
  const md = checksMarkdown(checks);
  if (o.markdown) await writeAtomic(o.markdown, md);
  const summary = io.env.GITHUB_STEP_SUMMARY;
  if (summary) await appendFile(summary, md);
  if (o.bmf) await writeAtomic(o.bmf, JSON.stringify(checksBmf(checks), null, 2) + '\n');
  const code = checkExitCode(checks);
  io.stdout.write(code === 0 ? 'no regression\n' : code === 1 ? 'REGRESSED\n' : 'WRONG ANSWER\n');
  return code;
}

/** `merge`: shard reports into one report (refused when shards are missing, doubled or of other benchmarks). */
export async function mergeCommand(o: { shards: string[]; out: string }, io: CliIo): Promise<number> {
  if (o.shards.length === 0) throw new HeadlessInputError('merge: give the shard reports to merge');
  const reports = await Promise.all(o.shards.map((f) => readReport(f)));
  const { report, notes } = mergeShards(reports, o.shards);
  await writeAtomic(o.out, serializeReport(report));
  const b = report.benchmarks[0];
  io.stdout.write(`merged ${o.shards.length} shards: ${b.runs.length} runs of "${b.name}" → ${o.out}\n`);
  for (const n of notes) io.stdout.write(`note: ${n}\n`);
  return 0;
}

/** `compare`: the first benchmark of report B against the first of report A, as #/reports compares them. */
export async function compareCommand(o: { a: string; b: string; markdown?: string }, io: CliIo): Promise<number> {
  const [ra, rb] = await Promise.all([readReport(o.a), readReport(o.b)]);
  const pick = (r: typeof ra, f: string) => {
    const b = r.benchmarks.find((x) => x.purpose !== 'validation') ?? r.benchmarks[0];
    if (!b) throw new HeadlessInputError(`${f}: the report has no benchmark to compare`);
    return b;
  };
  const c = compareBenchmarks({
    a: pick(ra, o.a),
    b: pick(rb, o.b),
    solverVersions: { a: ra.solver.version, b: rb.solver.version },
    environments: { a: ra.environment, b: rb.environment },
  });
  const md = comparisonMarkdown(c);
  io.stdout.write(md);
  if (o.markdown) await writeAtomic(o.markdown, md);
  return 0;
}
