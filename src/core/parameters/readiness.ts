// Template validation, pure: is a template ready for production use with an option set (its blessed set),
// judged from a benchmark that solved N instances of it? The rule, per instance (model) and its runs:
// - every run solved (a status in SOLVED_STATUSES and a verdict neither 'wrong' nor 'failed');
// - every run within the time target (timeMs ≤ targetMs);
// - objectives right where known (no run's verdict 'wrong');
// - solutions feasible (maxBoundViolation and maxRowViolation ≤ FEASIBILITY_TOL, 1e-6);
// - no instance far slower than the rest: an instance's time (the median of its runs' times) above
//   slowFactor × the median of the times of the instances of its size (generated models of one size are
//   compared with each other, since a larger size is expected to be slower; models without a size, such as
//   library models, form one group), judged only in a group of at least MIN_INSTANCES_FOR_OUTLIERS instances
//   (with two, neither can be far above their median).
// Ready when no rule is broken; each broken rule is a reason naming the instance.
import { SOLVED_STATUSES, type BenchmarkData, type BenchmarkRun } from '../benchmark';
import { FEASIBILITY_TOL } from '../benchmark-run';

/** Default factor over the instances' median time above which an instance is "far slower than the rest". */
export const DEFAULT_SLOW_FACTOR = 5;

/** Fewest instances the slow-outlier rule is judged on. */
export const MIN_INSTANCES_FOR_OUTLIERS = 3;

/** The thresholds of the readiness rule. */
export interface ReadinessParameters {
  /** Time target per run, ms (> 0). */
  targetMs: number;
  /** An instance slower than this × the median instance is an outlier (> 1); DEFAULT_SLOW_FACTOR when absent. */
  slowFactor?: number;
}

/** One instance's share of the verdict. */
export interface ModelReadiness {
  modelId: string;
  modelName: string;
  runs: number;
  solved: number;
  /** Median of its runs' times, ms (null without runs). */
  medianTimeMs: number | null;
  maxTimeMs: number | null;
  /** Largest bound or row violation of its solutions (null without a solution). */
  maxViolation: number | null;
  wrong: number;
  /** Its time ÷ the median time of the instances of its size (null when not judged). */
  slowRatio: number | null;
  ok: boolean;
  reasons: string[];
}

/** Whether the template is ready for production use with the option set, and why not. */
export interface Readiness {
  ready: boolean;
  reasons: string[];
  perModel: ModelReadiness[];
  /** The median of the instances' times, ms (null without runs). */
  medianTimeMs: number | null;
  targetMs: number;
  slowFactor: number;
}

/** The median of numbers (null for none). */
function median(xs: readonly number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** A run that the solver answered: a solved status and a verdict that is neither wrong nor failed. */
const solvedRun = (r: BenchmarkRun): boolean =>
  r.status !== null && SOLVED_STATUSES.includes(r.status) && r.verdict !== 'wrong' && r.verdict !== 'failed';

/** Largest violation of a run's solution, or null without one. */
function violationOf(r: BenchmarkRun): number | null {
  const v = [r.maxBoundViolation, r.maxRowViolation].filter((x): x is number => x !== null);
  return v.length ? Math.max(...v) : null;
}

const ms = (x: number): string => `${x < 10 ? x.toFixed(1) : Math.round(x)} ms`;

/** Judges a template's readiness for production use from the benchmark's runs of one option set (see the rule above). */
export function productionReadiness(data: BenchmarkData, optionSetId: string, params: ReadinessParameters): Readiness {
  const slowFactor = params.slowFactor ?? DEFAULT_SLOW_FACTOR;
  if (!Number.isFinite(params.targetMs) || params.targetMs <= 0)
    throw new RangeError(`the time target must be a number of ms above 0, got ${params.targetMs}`);
  if (!Number.isFinite(slowFactor) || slowFactor <= 1)
    throw new RangeError(`the slow factor must be a number above 1, got ${slowFactor}`);
  const runs = data.runs.filter((r) => r.optionSetId === optionSetId);
  const perModel: ModelReadiness[] = [];
  for (const m of data.models) {
    const mine = runs.filter((r) => r.modelId === m.id);
    if (mine.length === 0) continue;
    const times = mine.map((r) => r.timeMs);
    const violations = mine.map(violationOf).filter((x): x is number => x !== null);
    const reasons: string[] = [];
    const unsolved = mine.filter((r) => !solvedRun(r));
    for (const r of unsolved)
      if (r.verdict !== 'wrong')
        reasons.push(
          `${m.name} (seed ${r.seed}): not solved (${r.error ? r.error.message : (r.status ?? 'no status')})`,
        );
    const wrong = mine.filter((r) => r.verdict === 'wrong');
    for (const r of wrong) reasons.push(`${m.name} (seed ${r.seed}): wrong answer (objective ${r.objective ?? '—'})`);
    const slow = mine.filter((r) => r.timeMs > params.targetMs);
    if (slow.length)
      reasons.push(
        `${m.name}: ${slow.length} of ${mine.length} runs above the time target ${ms(params.targetMs)} (slowest ${ms(Math.max(...times))})`,
      );
    const maxViolation = violations.length ? Math.max(...violations) : null;
    if (maxViolation !== null && maxViolation > FEASIBILITY_TOL)
      reasons.push(`${m.name}: infeasible solution (violation ${maxViolation.toExponential(2)} > ${FEASIBILITY_TOL})`);
    perModel.push({
      modelId: m.id,
      modelName: m.name,
      runs: mine.length,
      solved: mine.length - unsolved.length,
      medianTimeMs: median(times),
      maxTimeMs: Math.max(...times),
      maxViolation,
      wrong: wrong.length,
      slowRatio: null,
      ok: reasons.length === 0,
      reasons,
    });
  }
  const medianTimeMs = median(perModel.map((p) => p.medianTimeMs!));
  const sizeOf = new Map(data.models.map((m) => [m.id, m.size]));
  const groups = new Map<number | null, ModelReadiness[]>();
  for (const p of perModel) {
    const size = sizeOf.get(p.modelId) ?? null;
    groups.set(size, [...(groups.get(size) ?? []), p]);
  }
  for (const group of groups.values()) {
    const mid = median(group.map((p) => p.medianTimeMs!));
    if (group.length < MIN_INSTANCES_FOR_OUTLIERS || mid === null || mid <= 0) continue;
    for (const p of group) {
      p.slowRatio = p.medianTimeMs! / mid;
      if (p.slowRatio > slowFactor) {
        p.reasons.push(
          `${p.modelName}: far slower than the rest (${ms(p.medianTimeMs!)}, ${p.slowRatio.toFixed(1)}× the median instance's ${ms(mid)}; limit ${slowFactor}×)`,
        );
        p.ok = false;
      }
    }
  }
  const reasons = perModel.flatMap((p) => p.reasons);
  if (perModel.length === 0) {
    const name = data.optionSets.find((s) => s.id === optionSetId)?.name ?? optionSetId;
    reasons.push(`no runs of option set "${name}" in benchmark "${data.name}"`);
  }
  return { ready: reasons.length === 0, reasons, perModel, medianTimeMs, targetMs: params.targetMs, slowFactor };
}
