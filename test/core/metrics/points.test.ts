// Points from solves: the ok / unsolved / error rule and the mapping of benchmark runs and run records.
import { describe, expect, it } from 'vitest';
import {
  newSeq,
  solveOutcomeOf,
  solvePointOfBenchmarkRun,
  solvePointOfRunRecord,
} from '../../../src/core/metrics/points';
import { failedRunRecord, NO_COUNTERS, type RunRecord } from '../../../src/core/run-record';
import { model, run } from '../stats/fixtures';

describe('solveOutcomeOf', () => {
  it.each([
    ['optimal', 'ok', false, 'ok'],
    ['optimal', 'verified', undefined, 'ok'],
    ['infeasible', 'ok', false, 'ok'],
    ['unbounded', 'suspect', false, 'ok'],
    ['unbounded-or-infeasible', undefined, undefined, 'ok'],
    ['optimal', 'wrong', false, 'error'],
    ['optimal', 'failed', false, 'error'],
    ['optimal', 'ok', true, 'error'],
    [null, undefined, undefined, 'error'],
    [null, 'failed', true, 'error'],
    ['solve-error', 'ok', false, 'error'],
    ['not-set', undefined, false, 'error'],
    ['time-limit', 'ok', false, 'unsolved'],
    ['iteration-limit', undefined, false, 'unsolved'],
    ['interrupted', 'ok', false, 'unsolved'],
    ['empty', 'ok', false, 'unsolved'],
    ['time-limit', 'wrong', false, 'error'],
  ] as const)('status %s, verdict %s, error %s → %s', (status, verdict, hasError, outcome) => {
    expect(solveOutcomeOf(status, verdict, hasError)).toBe(outcome);
  });
});

describe('solvePointOfBenchmarkRun', () => {
  const m = model('id1', { name: 'knap-20', template: 'knapsack', rows: 3, cols: 20, nnz: 40 });
  it.each([
    [run({ status: 'optimal', objective: 42, timeMs: 12.5 }), 'optimal', 'ok', 42, 12.5],
    [run({ status: 'time-limit', objective: 40, timeMs: 1000 }), 'time-limit', 'unsolved', 40, 1000],
    [run({ status: 'optimal', objective: Number.NaN }), 'optimal', 'ok', null, 1],
    [run({ status: 'optimal', objective: Infinity }), 'optimal', 'ok', null, 1],
    [
      run({ status: null, objective: null, verdict: 'failed', error: { name: 'Timeout', message: 'x' }, timeMs: 7 }),
      'error',
      'error',
      null,
      7,
    ],
    [run({ status: 'optimal', verdict: 'wrong', objective: 3 }), 'optimal', 'error', 3, 1],
  ])('maps %#', (r, status, outcome, objective, timeMs) => {
    expect(solvePointOfBenchmarkRun(r, m, 'fast', 123456, 1000, 0.25)).toEqual({
      kind: 'solve',
      t: 1000,
      seq: 0.25,
      source: 'benchmark',
      template: 'knapsack',
      model: 'knap-20',
      optionSet: 'fast',
      status,
      outcome,
      timeMs,
      rows: 3,
      cols: 20,
      nnz: 40,
      wasmMemoryBytes: 123456,
      objective,
    });
  });
});

describe('solvePointOfRunRecord', () => {
  const ctx = {
    createdAt: 5,
    modelId: 'abc',
    modelName: 'afiro.mps',
    origin: 'file' as const,
    options: {},
    knownObjective: null,
    expectedStatus: null,
    highsVersion: '1.15.1',
  };
  const solved: RunRecord = {
    ...failedRunRecord(ctx, { name: 'X', message: 'y' }, 0),
    format: 'mps',
    size: { rows: 27, cols: 32, nnz: 83, integers: 0 },
    status: 'optimal',
    runStatus: 'ok',
    error: null,
    objective: -464.75,
    verdict: 'ok',
    flags: [],
    times: { readMs: 1, solveMs: 3.5, highsRunMs: 3, validateMs: 0.5 },
    counters: { ...NO_COUNTERS },
    wasmMemoryBytes: 16_777_216,
  };

  it.each([
    [
      solved,
      {
        status: 'optimal',
        outcome: 'ok',
        objective: -464.75,
        timeMs: 3.5,
        rows: 27,
        cols: 32,
        nnz: 83,
        wasm: 16_777_216,
      },
    ],
    [
      { ...solved, objective: Number.NaN },
      { status: 'optimal', outcome: 'ok', objective: null, timeMs: 3.5, rows: 27, cols: 32, nnz: 83, wasm: 16_777_216 },
    ],
    [
      { ...solved, status: 'time-limit' as const },
      {
        status: 'time-limit',
        outcome: 'unsolved',
        objective: -464.75,
        timeMs: 3.5,
        rows: 27,
        cols: 32,
        nnz: 83,
        wasm: 16_777_216,
      },
    ],
    [
      { ...solved, runStatus: 'error' as const, error: { name: 'SolverError', message: 'bad' } },
      {
        status: 'optimal',
        outcome: 'error',
        objective: -464.75,
        timeMs: 3.5,
        rows: 27,
        cols: 32,
        nnz: 83,
        wasm: 16_777_216,
      },
    ],
    [
      failedRunRecord(ctx, { name: 'Timeout', message: 'too slow' }, 2500),
      { status: 'error', outcome: 'error', objective: null, timeMs: 2500, rows: 0, cols: 0, nnz: 0, wasm: 0 },
    ],
  ])('maps %#', (r, e) => {
    expect(solvePointOfRunRecord(r, 77, 0.5)).toEqual({
      kind: 'solve',
      t: 77,
      seq: 0.5,
      source: 'run',
      template: 'run',
      model: 'afiro.mps',
      optionSet: 'run',
      status: e.status,
      outcome: e.outcome,
      timeMs: e.timeMs,
      rows: e.rows,
      cols: e.cols,
      nnz: e.nnz,
      wasmMemoryBytes: e.wasm,
      objective: e.objective,
    });
  });
});

describe('newSeq', () => {
  it('is in [0, 1) and varies', () => {
    const seqs = Array.from({ length: 50 }, newSeq);
    for (const s of seqs) {
      expect(s).toBeGreaterThanOrEqual(0);
      expect(s).toBeLessThan(1);
    }
    expect(new Set(seqs).size).toBeGreaterThan(1);
  });
});
