// Berthold's primal–dual integral of a MIP solve: the area under the primal–dual gap function γ(t), a
// single figure that rewards finding good bounds early (Berthold 2013, "Measuring the impact of primal
// heuristics"). γ is a step function of the bound points; the integral is reported in seconds.

/** One bound sample: when it was seen (ms since the solve started) and the bounds then (null while unknown). */
export interface BoundPoint {
  tMs: number;
  primal: number | null;
  dual: number | null;
}

/** One step of the gap function: γ holds from tMs until the next step (or the end). */
export interface GapStep {
  tMs: number;
  gamma: number;
}

/**
 * The primal–dual gap γ of one pair of bounds: 1 when either is unknown (or not finite) or they have
 * opposite signs; 0 when both are 0; else |primal − dual| / max(|primal|, |dual|), capped at 1.
 */
export function primalDualGap(primal: number | null, dual: number | null): number {
  if (primal === null || dual === null || !Number.isFinite(primal) || !Number.isFinite(dual)) return 1;
  if (primal === 0 && dual === 0) return 0;
  if (primal * dual < 0) return 1;
  return Math.min(1, Math.abs(primal - dual) / Math.max(Math.abs(primal), Math.abs(dual)));
}

/**
 * The primal–dual integral up to endMs, in seconds, and the step function it integrates: γ = 1 from
 * t = 0 until the first point, then each point's γ until the next point (points after endMs are
 * ignored; points are taken in time order).
 */
export function primalDualIntegral(
  points: readonly BoundPoint[],
  endMs: number,
): { integralS: number; gapFunction: GapStep[] } {
  const end = Math.max(0, endMs);
  const sorted = points
    .filter((p) => Number.isFinite(p.tMs) && p.tMs <= end)
    .map((p) => ({ tMs: Math.max(0, p.tMs), gamma: primalDualGap(p.primal, p.dual) }))
    .sort((a, b) => a.tMs - b.tMs);
  const gapFunction: GapStep[] = [];
  if (sorted.length === 0 || sorted[0].tMs > 0) gapFunction.push({ tMs: 0, gamma: 1 });
  for (const s of sorted) {
    const last = gapFunction[gapFunction.length - 1];
    // Two points at the same moment: the later one is what held from then on.
    if (last && last.tMs === s.tMs) last.gamma = s.gamma;
    else gapFunction.push(s);
  }
  let areaMs = 0;
  gapFunction.forEach((s, i) => {
    const next = i + 1 < gapFunction.length ? gapFunction[i + 1].tMs : end;
    areaMs += s.gamma * (next - s.tMs);
  });
  return { integralS: areaMs / 1000, gapFunction };
}
