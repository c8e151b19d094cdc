// A candidate's runs against the pinned reference's runs: every compared figure as a Delta (time, the
// work counters either side used, objective, MIP gap, memory), the options that differ, and whether
// both sides solved the same model. Repeated runs (Solve ×N) are compared as distributions.
import type { RunRecord } from '../run-record';
import { WORK_COUNTER_NAMES } from '../run-record';
import { sameOptionValue, type OptionValue } from '../options-schema';
import type { DecisionSettings, TimedRun } from '../decision';
import { counterDelta, gapDelta, memoryDelta, objectiveDelta, timeDelta } from './noise';
import type { Delta } from './types';

/** One option whose value differs between the two sides (undefined: HiGHS's default on that side). */
export interface OptionChange {
  option: string;
  ref: unknown;
  cand: unknown;
}

/** Options never compared: Solve ×N varies random_seed by design. */
export const IGNORED_OPTIONS: ReadonlySet<string> = new Set(['random_seed']);

const numbers = (xs: readonly (number | null)[]): number[] =>
  xs.filter((x): x is number => x !== null && Number.isFinite(x));

/** A run as the decision rule sees it: its solve time, model, seed and work. */
export function timedRun(run: RunRecord): TimedRun {
  return { timeMs: run.times.solveMs, model: run.modelId, seed: run.seed, counters: { ...run.counters } };
}

/** Runs with an answer (a failed run's times and counters say nothing about the solver). */
const answered = (runs: readonly RunRecord[]): RunRecord[] => runs.filter((r) => r.error === null);

/** The options of the first run of each side that differ (random_seed excluded), sorted by name. */
export function optionChanges(ref: RunRecord, cand: RunRecord): OptionChange[] {
  const names = [...new Set([...Object.keys(ref.options), ...Object.keys(cand.options)])]
    .filter((n) => !IGNORED_OPTIONS.has(n))
    .sort();
  const out: OptionChange[] = [];
  for (const option of names) {
    const a: OptionValue | undefined = ref.options[option];
    const b: OptionValue | undefined = cand.options[option];
    if (a === undefined || b === undefined ? a !== b : !sameOptionValue(a, b)) out.push({ option, ref: a, cand: b });
  }
  return out;
}

/** Every compared figure of the candidate runs against the reference runs; throws RangeError when a side has no runs. */
export function runDeltas(
  ref: readonly RunRecord[],
  cand: readonly RunRecord[],
  settings: Partial<DecisionSettings> = {},
): { deltas: Delta[]; optionsChanged: OptionChange[]; sameModel: boolean } {
  if (ref.length === 0 || cand.length === 0) throw new RangeError('runDeltas: both sides need at least one run');
  const r = answered(ref);
  const c = answered(cand);
  const changes = optionChanges(ref[0], cand[0]);
  const versions = new Set([...r, ...c].map((x) => x.highsVersion));
  const context = { sameOptions: changes.length === 0, sameSolver: versions.size <= 1 };
  const deltas: Delta[] = [timeDelta(r.map(timedRun), c.map(timedRun), context, settings)];
  const seedsOf = (runs: readonly RunRecord[]) => [...new Set(runs.map((x) => x.seed))].sort((x, y) => x - y).join(',');
  const sameSeeds = seedsOf(r) === seedsOf(c);
  for (const name of WORK_COUNTER_NAMES) {
    const a = r.map((x) => x.counters[name]);
    const b = c.map((x) => x.counters[name]);
    if ([...a, ...b].some((v) => v !== 0)) deltas.push(counterDelta(name, a, b, sameSeeds));
  }
  deltas.push(objectiveDelta(numbers(r.map((x) => x.objective)), numbers(c.map((x) => x.objective))));
  const isMip = [...ref, ...cand].some((x) => (x.size?.integers ?? 0) > 0 || x.mipGap !== null);
  if (isMip) deltas.push(gapDelta(numbers(r.map((x) => x.mipGap)), numbers(c.map((x) => x.mipGap))));
  deltas.push(memoryDelta(numbers(r.map((x) => x.wasmMemoryBytes)), numbers(c.map((x) => x.wasmMemoryBytes))));
  const modelId = ref[0].modelId;
  return {
    deltas,
    optionsChanged: changes,
    sameModel: [...ref, ...cand].every((x) => x.modelId === modelId),
  };
}
