// What the tuner tests share: the option descriptors of highs 1.15.3 (the tuned options and a few it must
// leave out, as model.options.describe reports them) and a simulated evaluator: seeded log-normal noise
// around per-instance base times, a per-option multiplicative effect, deterministic work counters per option
// set, and objectives that a chosen option can change.
import { buildDescriptors } from '../../../src/core/options-schema';
import { mulberry32 } from '../../../src/core/warmup-model';
import {
  changesKey,
  hashString,
  Race,
  SYMMETRY_DIMENSION,
  type Changes,
  type TunerJob,
  type TunerRunResult,
} from '../../../src/core/tuner';

const RAW = [
  { name: 'presolve', type: 'string', default: 'choose' },
  { name: 'solver', type: 'string', default: 'choose' },
  { name: 'run_crossover', type: 'string', default: 'on' },
  { name: 'time_limit', type: 'double', default: null, minimum: 0 },
  { name: 'primal_feasibility_tolerance', type: 'double', default: 1e-7, minimum: 1e-10 },
  { name: 'random_seed', type: 'integer', default: 0, minimum: 0, maximum: 2147483647 },
  { name: 'simplex_strategy', type: 'integer', default: 1, minimum: 0, maximum: 4 },
  { name: 'simplex_scale_strategy', type: 'integer', default: 2, minimum: 0, maximum: 4 },
  { name: 'simplex_crash_strategy', type: 'integer', default: 0, minimum: 0, maximum: 9 },
  { name: 'simplex_dual_edge_weight_strategy', type: 'integer', default: -1, minimum: -1, maximum: 2 },
  { name: 'simplex_primal_edge_weight_strategy', type: 'integer', default: -1, minimum: -1, maximum: 2 },
  { name: 'simplex_iteration_limit', type: 'integer', default: 2147483647, minimum: 0, maximum: 2147483647 },
  { name: 'mip_detect_symmetry', type: 'boolean', default: true },
  { name: 'mip_allow_restart', type: 'boolean', default: true },
  { name: 'mip_max_nodes', type: 'integer', default: 2147483647, minimum: 0, maximum: 2147483647 },
  { name: 'mip_lp_age_limit', type: 'integer', default: 10, minimum: 0, maximum: 32767 },
  { name: 'mip_pool_age_limit', type: 'integer', default: 30, minimum: 0, maximum: 1000 },
  { name: 'mip_pool_soft_limit', type: 'integer', default: 10000, minimum: 1, maximum: 2147483647 },
  { name: 'mip_pscost_minreliable', type: 'integer', default: 8, minimum: 0, maximum: 2147483647 },
  { name: 'mip_feasibility_tolerance', type: 'double', default: 0.000001, minimum: 1e-10 },
  { name: 'mip_heuristic_effort', type: 'double', default: 0.05, minimum: 0, maximum: 1 },
  { name: 'mip_heuristic_run_feasibility_jump', type: 'boolean', default: true },
  { name: 'mip_heuristic_run_rins', type: 'boolean', default: true },
  { name: 'mip_heuristic_run_rens', type: 'boolean', default: true },
  { name: 'mip_heuristic_run_root_reduced_cost', type: 'boolean', default: true },
  { name: 'mip_heuristic_run_zi_round', type: 'boolean', default: false },
  { name: 'mip_heuristic_run_shifting', type: 'boolean', default: false },
  { name: 'mip_rel_gap', type: 'double', default: 0.0001, minimum: 0 },
  { name: 'mip_abs_gap', type: 'double', default: 0.000001, minimum: 0 },
  { name: 'ipm_optimality_tolerance', type: 'double', default: 1e-8, minimum: 1e-12 },
];

/** The descriptors as the app builds them from highs 1.15.3 (threads and friends are hidden by buildDescriptors). */
export const DESCRIPTORS = buildDescriptors(RAW);

/** A simulated template: instances with base times and optima, and what each change does. */
export interface SimSpec {
  /** Instance count; ids inst-00, inst-01, … with base times log-uniform in 200..3000 ms. */
  instances: number;
  /** `name=value` (JSON value) → time multiplier (< 1: faster); unlisted changes draw one from `otherEffect`. */
  effects: Record<string, number>;
  /** How an unlisted change acts: 'mixed' (mostly slower, a few up to ~10 % faster) or 'slower' (never faster). */
  otherEffect: 'mixed' | 'slower';
  /** Option names whose changes do nothing (the baseline's counters and times). */
  noOps: string[];
  /** `name=value` → relative change of the objective (a wrong answer). */
  answerChanges?: Record<string, number>;
  /** σ of the per-run log-normal noise. */
  noise: number;
  seed: number;
}

/** `name=value` as the spec names a change. */
export const change = (name: string, value: Changes[string]) => `${name}=${JSON.stringify(value)}`;

function normals(seed: number): [number, number] {
  const r = mulberry32(seed);
  const u = Math.max(1e-12, r());
  const v = r();
  const m = Math.sqrt(-2 * Math.log(u));
  return [m * Math.cos(2 * Math.PI * v), m * Math.sin(2 * Math.PI * v)];
}

/** The simulated evaluator of a spec: a pure function of the job (its order and timing do not matter). */
export function simulator(spec: SimSpec): (job: TunerJob) => TunerRunResult {
  const h = (text: string) => hashString(`${spec.seed}|${text}`);
  return (job) => {
    const changes: Changes = {};
    for (const [n, v] of Object.entries(job.options)) if (n !== 'random_seed') changes[n] = v;
    if (job.symmetryBreaking) changes[SYMMETRY_DIMENSION] = true;
    const live = Object.entries(changes).filter(([n]) => !spec.noOps.includes(n));
    let factor = 1;
    let objectiveShift = 0;
    for (const [n, v] of live) {
      const k = change(n, v);
      const [z] = normals(h(`effect|${k}`));
      const typical =
        spec.effects[k] ??
        (spec.otherEffect === 'mixed' ? Math.exp(0.08 + 0.07 * z) : Math.exp(0.03 + Math.abs(0.12 * z)));
      // Each change acts a little differently on each instance.
      factor *= typical * Math.exp(0.04 * normals(h(`inst|${k}|${job.instance}`))[0]);
      objectiveShift += spec.answerChanges?.[k] ?? 0;
    }
    const base = 200 * Math.exp(Math.log(15) * mulberry32(h(`base|${job.instance}`))());
    const seedEffect = Math.exp(0.15 * normals(h(`seed|${job.instance}|${job.seed}`))[0]);
    const key = live.length === 0 ? '' : changesKey(Object.fromEntries(live));
    const noise = Math.exp(spec.noise * normals(h(`run|${key}|${job.instance}|${job.seed}`))[0]);
    const timeMs = base * seedEffect * factor * noise;
    const optimum = 1000 + (hashString(job.instance) % 9000);
    const counters = {
      simplex_iterations: hashString(`${key}|${job.instance}|${job.seed}|it`) % 100000,
      mip_node_count: hashString(`${key}|${job.instance}|${job.seed}|nodes`) % 5000,
    };
    if (job.timeLimitMs !== null && timeMs > job.timeLimitMs)
      return {
        jobId: job.id,
        status: 'time-limit',
        timeMs: job.timeLimitMs,
        objective: optimum * 1.002,
        dualBound: optimum * 0.998,
        counters,
        feasible: true,
      };
    const objective = optimum * (1 + objectiveShift);
    return {
      jobId: job.id,
      status: 'optimal',
      timeMs,
      objective,
      dualBound: objective * (1 - 1e-5),
      counters,
      feasible: true,
    };
  };
}

/** Runs a race to its end synchronously, one batch of jobs at a time; `stopAfter` records stops early (for resume tests). */
export function drive(race: Race, evaluate: (job: TunerJob) => TunerRunResult, stopAfter = Infinity): number {
  let recorded = 0;
  for (let jobs = race.next(); jobs !== null; jobs = race.next()) {
    if (jobs.length === 0) throw new Error('the race waits while nothing runs');
    for (const job of jobs) {
      if (recorded >= stopAfter) return recorded;
      race.record(evaluate(job));
      recorded++;
    }
  }
  return recorded;
}
