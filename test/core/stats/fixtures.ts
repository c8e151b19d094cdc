// Builders of benchmark models and runs for the stats tests: only what a test is about is spelled out.
import type { BenchmarkModel, BenchmarkRun } from '../../../src/core/benchmark';
import { NO_COUNTERS, type WorkCounters } from '../../../src/core/run-record';

/** All-zero work counters. */
export const zeroCounters = (): WorkCounters => ({ ...NO_COUNTERS });

/** A model: an LP of template 't' without a size unless overridden. */
export function model(id: string, over: Partial<BenchmarkModel> = {}): BenchmarkModel {
  return {
    id,
    name: id,
    template: 't',
    size: null,
    rows: 1,
    cols: 1,
    nnz: 1,
    integers: 0,
    knownObjective: null,
    ...over,
  };
}

/** An optimal, ok run of model m, set s, seed 1, repetition 0, objective 1, unless overridden. */
export function run(
  over: Partial<Omit<BenchmarkRun, 'counters'>> & { counters?: Partial<WorkCounters> } = {},
): BenchmarkRun {
  const { counters, ...rest } = over;
  return {
    modelId: 'm',
    optionSetId: 's',
    seed: 1,
    repetition: 0,
    status: 'optimal',
    objective: 1,
    mipDualBound: null,
    timeMs: 1,
    maxBoundViolation: 0,
    maxRowViolation: 0,
    verdict: 'ok',
    error: null,
    ...rest,
    counters: { ...zeroCounters(), ...counters },
  };
}

/** A run that hit the time limit after timeMs (no objective). */
export const timeout = (over: Parameters<typeof run>[0] = {}): BenchmarkRun =>
  run({ status: 'time-limit', objective: null, ...over });

/** True when every number anywhere in the value is finite (what a report needs). */
export function allFinite(value: unknown): boolean {
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(allFinite);
  if (value && typeof value === 'object') return Object.values(value).every(allFinite);
  return true;
}
