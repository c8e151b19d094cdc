// Plain-object fakes for the health tests: a context with a fixed clock, workers, solve and system points.
import type { HealthContext, WorkerView } from '../../../src/core/health/types';
import type { SolvePoint, SystemPoint } from '../../../src/core/metrics/types';
import { sample as baseSample, solve as baseSolve } from '../metrics/fixtures';

export const NOW = 1_700_000_000_000;

/** A context whose clock reads NOW, with the given probes. */
export function fakeCtx(over: Partial<HealthContext> = {}): HealthContext {
  return { now: () => NOW, ...over };
}

/** An idle worker with the given fields. */
export function worker(over: Partial<WorkerView> = {}): WorkerView {
  return {
    slot: 0,
    workerId: 1,
    state: 'idle',
    jobId: null,
    lastProgressAt: null,
    jobStartedAt: null,
    wasmMemoryBytes: 64 * 2 ** 20,
    ...over,
  };
}

/** A successful solve of template 'tpl' at t. */
export function solve(t: number, over: Partial<SolvePoint> = {}): SolvePoint {
  return baseSolve({
    t,
    template: 'tpl',
    model: 'm1',
    optionSet: 'defaults',
    timeMs: 100,
    rows: 10,
    cols: 10,
    nnz: 30,
    ...over,
  });
}

/** A system sample at t with an idle pool of 4 workers. */
export function sample(t: number, over: Partial<SystemPoint> = {}): SystemPoint {
  return baseSample({ t, workers: 4, hardwareConcurrency: 8, ...over });
}
