// Scheduling on identical parallel machines (P||Cmax) as a MIP:
//   min Cmax  s.t.  Σ_k x_jk = 1 (each job on one machine),  Σ_j p_j x_jk ≤ Cmax (each machine),  x binary.
// Machines derived from the size: max(2, ⌊log2 jobs⌋), so medium sizes stay solvable in seconds.
// The symmetry is real: the machines are identical, so any permutation of them maps an optimum to an
// optimum. Symmetry breaking orders machines by load:
// Σ_j p_j x_jk ≥ Σ_j p_j x_j,k+1 (machine 0 the most loaded) — any optimum, its machines sorted, satisfies it.
// Known optimum: brute-force enumeration of all machines^jobs assignments when that is at most
// SCHEDULING_ENUMERATION_LIMIT; beyond, only when a schedule found by LPT and local search meets a
// lower bound (which proves it optimal); otherwise null.
import { ceilDiv } from './geometry';
import { LpText, type Term } from './lp-text';
import { intRng } from './random';
import type { GeneratorOutput } from './types';

/** One scheduling instance. */
export interface SchedulingInstance {
  /** Processing time of each job. */
  time: number[];
  machines: number;
}

/** Brute force runs when machines^jobs is at most this (3^12 = 531 441 at 12 jobs). */
export const SCHEDULING_ENUMERATION_LIMIT = 600_000;

/** The number of machines for a number of jobs: max(2, ⌊log2 jobs⌋). */
export function machineCount(jobs: number): number {
  return Math.max(2, 31 - Math.clz32(jobs)); // ⌊log2 jobs⌋ in integer arithmetic
}

/** The instance for one instanceSeed (the generator's seed, not HiGHS's random_seed). */
export function schedulingInstance(jobs: number, instanceSeed: number): SchedulingInstance {
  const rng = intRng(instanceSeed, 0x6a6f6273);
  const time = Array.from({ length: jobs }, () => rng.int(1, 100));
  return { time, machines: machineCount(jobs) };
}

/** The optimum by enumerating every assignment of jobs to machines (no symmetry used): null if too many. */
export function schedulingOptimumByEnumeration(inst: SchedulingInstance): number | null {
  const { time, machines } = inst;
  const n = time.length;
  if (machines ** n > SCHEDULING_ENUMERATION_LIMIT) return null;
  const load = new Array<number>(machines).fill(0);
  let best = Infinity;
  const visit = (j: number, makespan: number): void => {
    if (j === n) {
      if (makespan < best) best = makespan;
      return;
    }
    for (let k = 0; k < machines; k++) {
      load[k] += time[j];
      visit(j + 1, Math.max(makespan, load[k]));
      load[k] -= time[j];
    }
  };
  visit(0, 0);
  return best;
}

/** A lower bound on the makespan: the average load, the longest job, and the two jobs that must share a machine. */
export function makespanLowerBound(inst: SchedulingInstance): number {
  const sorted = [...inst.time].sort((a, b) => b - a);
  const total = sorted.reduce((a, b) => a + b, 0);
  let lb = Math.max(ceilDiv(total, inst.machines), sorted[0] ?? 0);
  if (sorted.length > inst.machines) lb = Math.max(lb, sorted[inst.machines - 1] + sorted[inst.machines]);
  return lb;
}

/** The makespan of a schedule found by LPT (longest job first to the least-loaded machine) and local search. */
export function heuristicMakespan(inst: SchedulingInstance): number {
  const { time, machines } = inst;
  const order = time.map((_, j) => j).sort((a, b) => time[b] - time[a] || a - b);
  const jobsOn: number[][] = Array.from({ length: machines }, () => []);
  const load = new Array<number>(machines).fill(0);
  for (const j of order) {
    let k = 0;
    for (let q = 1; q < machines; q++) if (load[q] < load[k]) k = q;
    jobsOn[k].push(j);
    load[k] += time[j];
  }
  // Local search: move or swap a job between the most and the least loaded machine while that lowers the max.
  for (let round = 0; round < 10 * time.length; round++) {
    let hi = 0;
    let lo = 0;
    for (let q = 1; q < machines; q++) {
      if (load[q] > load[hi]) hi = q;
      if (load[q] < load[lo]) lo = q;
    }
    const gap = load[hi] - load[lo];
    let improved = false;
    for (let a = 0; a < jobsOn[hi].length && !improved; a++) {
      const ja = jobsOn[hi][a];
      if (time[ja] < gap) {
        jobsOn[hi].splice(a, 1);
        jobsOn[lo].push(ja);
        load[hi] -= time[ja];
        load[lo] += time[ja];
        improved = true;
        break;
      }
      for (let b = 0; b < jobsOn[lo].length; b++) {
        const jb = jobsOn[lo][b];
        const d = time[ja] - time[jb];
        if (d > 0 && d < gap) {
          jobsOn[hi][a] = jb;
          jobsOn[lo][b] = ja;
          load[hi] -= d;
          load[lo] += d;
          improved = true;
          break;
        }
      }
    }
    if (!improved) break;
  }
  return Math.max(...load);
}

/** The known optimum: by enumeration when small, else a heuristic schedule that meets the lower bound, else null. */
export function schedulingOptimum(inst: SchedulingInstance): number | null {
  const exact = schedulingOptimumByEnumeration(inst);
  if (exact !== null) return exact;
  const ub = heuristicMakespan(inst);
  return ub === makespanLowerBound(inst) ? ub : null;
}

/** The LP text of an instance, with or without the symmetry-breaking rows. */
export function schedulingLp(inst: SchedulingInstance, symmetryBreaking: boolean, title: string): string {
  const { time, machines } = inst;
  const n = time.length;
  const x = (j: number, k: number) => `x_${j}_${k}`;
  const load = (k: number, sign: number) => time.map((p, j): Term => [sign * p, x(j, k)]);
  const lp = new LpText()
    .comment(title)
    .comment(`scheduling on ${machines} identical machines: ${n} jobs, minimise the makespan cmax`)
    .line('Minimize')
    .objective('makespan', [[1, 'cmax']])
    .line('Subject To');
  for (let j = 0; j < n; j++)
    lp.row(
      `assign_${j}`,
      Array.from({ length: machines }, (_, k): Term => [1, x(j, k)]),
      '=',
      1,
    );
  for (let k = 0; k < machines; k++) lp.row(`load_${k}`, [...load(k, 1), [-1, 'cmax']], '<=', 0);
  if (symmetryBreaking)
    for (let k = 0; k + 1 < machines; k++) lp.row(`sym_${k}`, [...load(k, 1), ...load(k + 1, -1)], '>=', 0);
  const binaries: string[] = [];
  for (let j = 0; j < n; j++) for (let k = 0; k < machines; k++) binaries.push(x(j, k));
  return lp.line('Binary').names(binaries).end();
}

/** Generates the scheduling template's model. */
export function scheduling(
  size: number,
  instanceSeed: number,
  symmetryBreaking: boolean,
  title: string,
): GeneratorOutput {
  const inst = schedulingInstance(size, instanceSeed);
  return { lp: schedulingLp(inst, symmetryBreaking, title), knownObjective: schedulingOptimum(inst) };
}
