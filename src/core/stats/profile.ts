// The Dolan–Moré performance profile: for each option set, the fraction of problems it solved within τ
// times the best option set's time on that problem, as a step function of τ ≥ 1.
import type { ProblemIndex } from './problems';

// A microsecond: below any timer's resolution, so it changes no ratio of measurable times.
/** The least time a profile ratio uses, ms, so that a timer that read 0 gives a finite ratio. */
export const PROFILE_TIME_FLOOR_MS = 0.001;

/** One step of a profile: from τ = tau on, the fraction is `fraction` (until the next breakpoint). */
export interface ProfileBreakpoint {
  tau: number;
  fraction: number;
}

/** One option set's profile: ρ(τ) = fraction of the last breakpoint with tau ≤ τ, 0 before the first. */
export interface OptionSetProfile {
  optionSetId: string;
  /** Problems of the profile this set solved: the fraction of the last breakpoint is solved ÷ problems. */
  solved: number;
  /** Distinct ratios ascending, each with the fraction of problems solved within it. */
  breakpoints: ProfileBreakpoint[];
}

/** The profile of all option sets over their common problems. */
export interface PerformanceProfile {
  /**
   * Problems in the profile: the (model, seed) pairs that every option set with at least one problem ran
   * (a set with no runs at all is left out of the intersection and gets no breakpoints).
   */
  problems: number;
  /** Problems that no option set solved: unsolved for all. */
  unsolvedByAll: number;
  optionSets: OptionSetProfile[];
}

// The performance profile. Per common problem, best = the least time among the sets that solved it; a set
// that solved it has ratio max(t, floor) ÷ max(best, floor) (≥ 1, exactly 1 for the best and its ties); a set
// that did not solve it never counts, whatever its time; a problem no set solved counts as unsolved for all.
/** The Dolan–Moré performance profile of the option sets over their common problems. */
export function performanceProfile(
  optionSetIds: readonly string[],
  problems: ReadonlyMap<string, ProblemIndex>,
): PerformanceProfile {
  const active = optionSetIds.filter((id) => (problems.get(id)?.size ?? 0) > 0);
  const ratios = new Map<string, number[]>(active.map((id) => [id, []]));
  let count = 0;
  let unsolvedByAll = 0;
  if (active.length > 0) {
    const first = problems.get(active[0])!;
    for (const [modelId, seeds] of first) {
      for (const seed of seeds.keys()) {
        const row = active.map((id) => problems.get(id)!.get(modelId)?.get(seed));
        if (row.some((p) => p === undefined)) continue;
        count++;
        let best = Infinity;
        for (const p of row) if (p!.solved) best = Math.min(best, p!.timeMs);
        if (best === Infinity) {
          unsolvedByAll++;
          continue;
        }
        const denominator = Math.max(best, PROFILE_TIME_FLOOR_MS);
        row.forEach((p, i) => {
          if (p!.solved) ratios.get(active[i])!.push(Math.max(p!.timeMs, PROFILE_TIME_FLOOR_MS) / denominator);
        });
      }
    }
  }
  const optionSets = optionSetIds.map((optionSetId): OptionSetProfile => {
    const list = (ratios.get(optionSetId) ?? []).sort((a, b) => a - b);
    const breakpoints: ProfileBreakpoint[] = [];
    list.forEach((tau, i) => {
      const fraction = (i + 1) / count;
      const last = breakpoints[breakpoints.length - 1];
      if (last && last.tau === tau) last.fraction = fraction;
      else breakpoints.push({ tau, fraction });
    });
    return { optionSetId, solved: list.length, breakpoints };
  });
  return { problems: count, unsolvedByAll, optionSets };
}
