// The Dolan–Moré performance profile as step lines: for each option set, ρ(τ), the share of the common
// problems it solved within τ times the best set's time, from τ = 1 to a little past the largest ratio.
import type { ChartInput } from './context';
import type { ChartTable } from './table';

// A profile has one breakpoint per distinct ratio: up to one per problem. 400 steps per set are more than a
// chart's width can tell apart on a log axis; beyond that the breakpoints are bucketed on log τ and the last
// breakpoint of each bucket kept, so every drawn step has its exact fraction and the curve stays monotone
// (a step may show up to one bucket, 1/400 of the log range, early).
/** Most breakpoints one option set's profile draws. */
export const MAX_PROFILE_STEPS = 400;

/** How far right of the largest ratio the profile is drawn, as a factor (so the last step is visible). */
export const PROFILE_TAU_MARGIN = 1.25;

/** One drawn point of a profile: from τ = tau on, ρ = fraction. */
export interface ProfilePoint {
  tau: number;
  fraction: number;
}

/** One option set's profile curve. */
export interface ProfileSeries {
  optionSetId: string;
  name: string;
  /** Problems this set solved among the profile's problems. */
  solved: number;
  /** The drawn points: (1, ρ(1)), the breakpoints (thinned past MAX_PROFILE_STEPS), (τ max, last fraction). */
  points: ProfilePoint[];
}

/** The performance profile chart. */
export interface ProfileChart {
  /** The common problems the profile is over. */
  problems: number;
  unsolvedByAll: number;
  /** The right end of the τ axis. */
  tauMax: number;
  series: ProfileSeries[];
  table: ChartTable;
}

/** The last breakpoint of each of `cap` buckets on log τ in (1, maxTau], and the first breakpoint. */
function thinSteps(points: readonly ProfilePoint[], maxTau: number, cap: number): ProfilePoint[] {
  if (points.length <= cap || maxTau <= 1) return [...points];
  const bucket = (tau: number) => Math.min(cap - 1, Math.floor((Math.log(tau) / Math.log(maxTau)) * cap));
  return points.filter((p, i) => i === 0 || i === points.length - 1 || bucket(points[i + 1].tau) !== bucket(p.tau));
}

/** The performance profile's curves from the summary's breakpoints. */
export function profileChart(input: ChartInput, maxSteps: number = MAX_PROFILE_STEPS): ProfileChart {
  const profile = input.summary.profile;
  let maxTau = 1;
  for (const s of profile.optionSets) for (const b of s.breakpoints) maxTau = Math.max(maxTau, b.tau);
  const tauMax = maxTau > 1 ? maxTau * PROFILE_TAU_MARGIN : 2;
  const series = profile.optionSets.map((s): ProfileSeries => {
    const steps = thinSteps(s.breakpoints, maxTau, maxSteps);
    const points: ProfilePoint[] = [];
    if (steps.length === 0 || steps[0].tau > 1) points.push({ tau: 1, fraction: 0 });
    for (const b of steps) points.push({ tau: b.tau, fraction: b.fraction });
    points.push({ tau: tauMax, fraction: points[points.length - 1].fraction });
    return { optionSetId: s.optionSetId, name: input.setName(s.optionSetId), solved: s.solved, points };
  });
  const rows: ChartTable['rows'] = [];
  for (const s of series) for (const p of s.points) rows.push([s.name, p.tau, p.fraction]);
  return {
    problems: profile.problems,
    unsolvedByAll: profile.unsolvedByAll,
    tauMax,
    series,
    table: { columns: ['option set', 'τ', 'fraction solved'], rows },
  };
}
