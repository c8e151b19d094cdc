// The report comparison of #/reports (core/compare) as the command line prints it: a Markdown summary per
// matched option set (B ÷ A with its interval and the one rule's label), then the correctness differences, the
// improvements and the notes — names escaped as in every Markdown this writes.
import { timeCallLabel, type BenchmarkComparison } from '../compare';
import { markdownCell } from './check-output';

const fmt = (x: number) => String(Number(x.toPrecision(3)));

/** The comparison of two benchmarks as Markdown (A the baseline, B the new side). */
export function comparisonMarkdown(c: BenchmarkComparison): string {
  const lines = [
    `## ${markdownCell(c.b.name)} (B) against ${markdownCell(c.a.name)} (A)`,
    '',
    `${c.counts.error} errors, ${c.counts.warning} warnings, ${c.counts.improvements} improvements; ${c.models.matched.length} models in both (${c.models.onlyInA.length} only in A, ${c.models.onlyInB.length} only in B).`,
    '',
    '| option set | problems | solved A / B | time B ÷ A [95 % CI] | the rule |',
    '| --- | --- | --- | --- | --- |',
  ];
  for (const s of c.summaries) {
    const label = timeCallLabel(s.decision);
    const ratio = s.timeRatio
      ? `×${fmt(s.timeRatio.ratio)} [${fmt(s.timeRatio.ci95[0])}, ${fmt(s.timeRatio.ci95[1])}]`
      : '—';
    lines.push(
      `| ${markdownCell(s.a.name)}${s.a.name !== s.b.name ? ` / ${markdownCell(s.b.name)}` : ''} | ${s.problems} | ${s.solved.a} / ${s.solved.b} | ${ratio} | ${markdownCell(label.text)} |`,
    );
  }
  const diff = (d: BenchmarkComparison['differences'][number]) =>
    `- ${d.severity}: **${markdownCell(d.modelName)}** (seed ${d.seed}): ${markdownCell(d.message)}`;
  if (c.differences.length > 0) lines.push('', '### Differences', '', ...c.differences.slice(0, 50).map(diff));
  if (c.improvements.length > 0) lines.push('', '### Improvements', '', ...c.improvements.slice(0, 20).map(diff));
  if (c.notes.length > 0) lines.push('', '### Notes', '', ...c.notes.map((n) => `- ${markdownCell(n)}`));
  return lines.join('\n') + '\n';
}
