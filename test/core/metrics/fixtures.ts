// Builders of metric points for the metrics tests: only what a test is about is spelled out.
import type { SolvePoint, SystemPoint } from '../../../src/core/metrics/types';

/** An ok, optimal solve of model 'm', template 't', option set 's' at t = 0 taking 10 ms, unless overridden. */
export function solve(over: Partial<SolvePoint> = {}): SolvePoint {
  return {
    kind: 'solve',
    t: 0,
    seq: 0,
    source: 'benchmark',
    template: 't',
    model: 'm',
    optionSet: 's',
    status: 'optimal',
    outcome: 'ok',
    timeMs: 10,
    rows: 1,
    cols: 1,
    nnz: 1,
    wasmMemoryBytes: 0,
    objective: 1,
    ...over,
  };
}

/** A system sample of an idle 2-worker pool at t = 0, unless overridden. */
export function sample(over: Partial<SystemPoint> = {}): SystemPoint {
  return {
    kind: 'system',
    t: 0,
    seq: 0,
    poolUtilization: 0,
    queueDepth: 0,
    running: 0,
    workers: 2,
    throughput: 0,
    workerRestarts: 0,
    jobsCompleted: 0,
    jobsFailed: 0,
    workerMemory: [],
    jsHeapBytes: null,
    storageUsedBytes: null,
    storageQuotaBytes: null,
    hardwareConcurrency: 4,
    crossOriginIsolated: true,
    benchmarkRunning: false,
    ...over,
  };
}
