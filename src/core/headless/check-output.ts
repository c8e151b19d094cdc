// What `highs-workbench check` writes besides its exit code: a Markdown table a pull request (and a GitHub job
// summary) shows, and Bencher's metric format (BMF) for a Bencher project. Model and template names are user
// data: in Markdown they are escaped so a name cannot break the table or inject a link or HTML.
import type { RegressionCheck, RegressionVerdict } from '../regression';

const VERDICT_WORD: Record<RegressionVerdict, string> = {
  wrong: '❌ wrong answer',
  regressed: '🔴 regressed',
  inconclusive: '⚪ inconclusive',
  improved: '🟢 improved',
  unchanged: '✅ unchanged',
};

const fmt = (x: number) => String(Number(x.toPrecision(3)));

/** Text safe inside a Markdown table cell: no pipes, no HTML, no link or emphasis syntax, one line (parentheses stay: without brackets they make no link). */
export function markdownCell(text: string): string {
  return text
    .replace(/[\r\n]+/g, ' ')
    .replace(/[\\`*_[\]|<>~]/g, (c) => `\\${c}`)
    .slice(0, 300);
}

/** The time ratio of a check as a cell: "×1.23 [1.10, 1.40] slower (real)". */
function timeCell(c: RegressionCheck): string {
  if (!c.time) return '—';
  const [lo, hi] = c.time.ci95;
  return `×${fmt(c.time.ratio)} [${fmt(lo)}, ${fmt(hi)}] ${markdownCell(c.time.decision.label)}`;
}

/** The Markdown report of checks: a headline with the exit's meaning, a table per template, the reasons. */
export function checksMarkdown(checks: readonly RegressionCheck[], title = 'HiGHS Workbench regression check'): string {
  const worst: RegressionVerdict = checks.some((c) => c.verdict === 'wrong')
    ? 'wrong'
    : checks.some((c) => c.verdict === 'regressed')
      ? 'regressed'
      : checks.some((c) => c.verdict === 'inconclusive')
        ? 'inconclusive'
        : checks.some((c) => c.verdict === 'improved')
          ? 'improved'
          : 'unchanged';
  const lines = [
    `## ${markdownCell(title)}: ${VERDICT_WORD[worst]}`,
    '',
    '| template | option set (candidate ÷ baseline) | verdict | time, candidate ÷ baseline [95 % CI] | models | solver |',
    '| --- | --- | --- | --- | --- | --- |',
  ];
  for (const c of checks) {
    const counts = new Map<RegressionVerdict, number>();
    for (const m of c.models) counts.set(m.verdict, (counts.get(m.verdict) ?? 0) + 1);
    const models = [...counts.entries()].map(([v, n]) => `${n} ${v}`).join(', ') || 'none';
    const solver = c.sameSolverVersion
      ? markdownCell(c.solverVersions.candidate)
      : `${markdownCell(c.solverVersions.baseline)} → ${markdownCell(c.solverVersions.candidate)}`;
    lines.push(
      `| ${markdownCell(c.template)} | ${markdownCell(c.optionSets.candidate.name)} ÷ ${markdownCell(c.optionSets.baseline.name)} | ${VERDICT_WORD[c.verdict]}${c.label ? ` (${markdownCell(c.label)})` : ''} | ${timeCell(c)} | ${models} | ${solver} |`,
    );
  }
  const notable = checks.flatMap((c) =>
    c.models
      .filter((m) => m.verdict === 'wrong' || m.verdict === 'regressed' || m.verdict === 'improved')
      .map(
        (m) =>
          `- **${markdownCell(c.template)} / ${markdownCell(m.modelName)}**: ${VERDICT_WORD[m.verdict]} — ${markdownCell(m.reasons[0] ?? '')}`,
      ),
  );
  if (notable.length > 0)
    lines.push('', ...notable.slice(0, 50), ...(notable.length > 50 ? [`- … and ${notable.length - 50} more`] : []));
  const reasons = checks.flatMap((c) =>
    c.reasons.slice(0, 3).map((r) => `- ${markdownCell(c.template)}: ${markdownCell(r)}`),
  );
  if (reasons.length > 0) lines.push('', '<details><summary>Why</summary>', '', ...reasons, '', '</details>');
  return lines.join('\n') + '\n';
}

/** One Bencher metric: a value and optional bounds. */
export interface BmfMetric {
  value: number;
  lower_value?: number;
  upper_value?: number;
}

/** Bencher's metric format: benchmark name → measure → metric. */
export type Bmf = Record<string, Record<string, BmfMetric>>;

/**
 * The checks in Bencher's metric format: per template the candidate ÷ baseline time ratio with its interval
 * (measure `time-ratio`), and per model the candidate's shifted geometric mean solve time as `latency` in
 * nanoseconds (Bencher's built-in latency measure), both under `<template>/<model>` names.
 */
export function checksBmf(checks: readonly RegressionCheck[]): Bmf {
  const out: Bmf = {};
  for (const c of checks) {
    if (c.time)
      out[c.template] = {
        'time-ratio': { value: c.time.ratio, lower_value: c.time.ci95[0], upper_value: c.time.ci95[1] },
      };
    for (const m of c.models)
      if (m.time) out[`${c.template}/${m.modelName}`] = { latency: { value: Math.round(m.time.candidateSgmMs * 1e6) } };
  }
  return out;
}
