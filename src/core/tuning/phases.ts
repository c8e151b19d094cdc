// The phases of one solve drawn from HiGHS's own log lines and their arrival times (highs 1.15):
// - reading: the time to read the model (measured outside HiGHS, passed in);
// - presolve: from the first "Presolving model" line (or the solve start) to the line that ends it,
//   "Presolve reductions: rows R(-dr); columns C(-dc); nonzeros N(-dn)" (older HiGHS: "Presolve :
//   Reductions: … elements N(-dn)"), whose removed counts become the details, or "Problem status detected
//   on presolve: S"; "Presolve is switched off" or no end marker → ms null;
// - postsolve: for an LP from the "Performed postsolve" line (any line starting "Postsolve" in other
//   versions) to the end of the solve; for a MIP, whose log has no such line, HiGHS's own figure from the
//   solving report's timing ("0.00 (Postsolve)", seconds); neither → ms null;
// - solve: the rest, from the end of presolve (or the solve start) to the start of postsolve (or the end),
//   with the iteration and node counts of HiGHS's closing summary as details.
// The log before "Presolving model" (the model summary, coefficient ranges) belongs to no phase.
import type { Phase, SolveProfile, TimedLine } from './types';

const PRESOLVE_START = /^Presolving model\b/;
const PRESOLVE_OFF = /^Presolve is switched off\b/;
const PRESOLVE_REDUCTIONS =
  /^Presolve\s*(?::\s*Reductions|reductions):\s*rows\s+(\d+)\(-(\d+)\);\s*columns\s+(\d+)\(-(\d+)\);\s*(?:elements|nonzeros)\s+(\d+)\(-(\d+)\)(.*)$/i;
const PRESOLVE_STATUS = /^Problem status detected on presolve:\s*(.+)$/;
const POSTSOLVE_LINE = /^(Performed postsolve|Postsolve)\b/i;
const REPORT_POSTSOLVE = /^([0-9.]+(?:e[+-]?\d+)?)\s+\(Postsolve\)$/i;

/** Closing-summary counters HiGHS prints (LP: "Simplex   iterations: 6"; MIP report: "Nodes  89"). */
const COUNTERS: readonly [RegExp, string][] = [
  [/^Simplex\s+iterations:\s*(\d+)$/, 'simplexIterations'],
  [/^IPM\s+iterations:\s*(\d+)$/, 'ipmIterations'],
  [/^Crossover\s+iterations:\s*(\d+)$/, 'crossoverIterations'],
  [/^PDLP\s+iterations:\s*(\d+)$/, 'pdlpIterations'],
  [/^QP ASM\s+iterations:\s*(\d+)$/, 'qpIterations'],
  [/^Nodes\s+(\d+)$/, 'mipNodes'],
  [/^LP iterations\s+(\d+)$/, 'mipLpIterations'],
];

/** The log split into single trimmed lines (HiGHS sends several lines in one message), each with its message's time. */
export function splitLines(lines: readonly TimedLine[]): TimedLine[] {
  const out: TimedLine[] = [];
  for (const l of lines)
    for (const part of l.line.split('\n')) if (part.trim() !== '') out.push({ tMs: l.tMs, line: part.trim() });
  return out;
}

const clampMs = (x: number): number => Math.max(0, x);

/** The phases of a profiled solve: reading (readMs), presolve, solve and postsolve (see the markers above). */
export function phasesOf(profile: SolveProfile, readMs: number): Phase[] {
  const lines = splitLines(profile.lines);
  const endMs = profile.solveMs;
  const find = (re: RegExp): { t: TimedLine; m: RegExpExecArray } | null => {
    for (const t of lines) {
      const m = re.exec(t.line);
      if (m) return { t, m };
    }
    return null;
  };

  // Presolve.
  const presolve: Phase = { name: 'presolve', ms: null, details: {} };
  const start = find(PRESOLVE_START);
  const reductions = find(PRESOLVE_REDUCTIONS);
  const status = find(PRESOLVE_STATUS);
  let presolveEnd: number | null = null;
  if (find(PRESOLVE_OFF)) presolve.details.note = 'presolve switched off';
  else if (reductions) {
    const [, rows, dr, cols, dc, nnz, dn, rest] = reductions.m;
    presolveEnd = reductions.t.tMs;
    presolve.details = {
      rowsRemoved: Number(dr),
      colsRemoved: Number(dc),
      nnzRemoved: Number(dn),
      rowsAfter: Number(rows),
      colsAfter: Number(cols),
      nnzAfter: Number(nnz),
    };
    if (/reduced to empty/i.test(rest)) presolve.details.note = 'reduced to empty';
  } else if (status) {
    presolveEnd = status.t.tMs;
    presolve.details.status = status.m[1].trim();
  }
  if (presolveEnd !== null) presolve.ms = clampMs(presolveEnd - (start?.t.tMs ?? 0));

  // Postsolve.
  const postsolve: Phase = { name: 'postsolve', ms: null, details: {} };
  const post = find(POSTSOLVE_LINE);
  const reported = find(REPORT_POSTSOLVE);
  let solveEnd = endMs;
  if (post) {
    postsolve.ms = clampMs(endMs - post.t.tMs);
    solveEnd = post.t.tMs;
  } else if (reported) {
    postsolve.ms = Number(reported.m[1]) * 1000;
    postsolve.details.source = 'HiGHS solving report';
    solveEnd = endMs - postsolve.ms;
  }

  // Solve: what HiGHS counted in its closing summary.
  const solve: Phase = { name: 'solve', ms: clampMs(solveEnd - (presolveEnd ?? 0)), details: {} };
  for (const [re, name] of COUNTERS) {
    const hit = find(re);
    if (hit) solve.details[name] = Number(hit.m[1]);
  }

  return [{ name: 'reading', ms: readMs, details: {} }, presolve, solve, postsolve];
}
