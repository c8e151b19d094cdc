import { describe, expect, it } from 'vitest';
import { NO_COUNTERS, type RunRecord, type WorkCounters } from '../../../src/core/run-record';
import { optionChanges, runDeltas } from '../../../src/core/tuning/delta';

interface RunPatch extends Partial<Omit<RunRecord, 'counters'>> {
  solveMs?: number;
  counters?: Partial<WorkCounters>;
}

function run({ solveMs = 100, counters = {}, ...patch }: RunPatch = {}): RunRecord {
  return {
    createdAt: 1_700_000_000_000,
    modelId: 'm1',
    modelName: 'm1.mps',
    origin: 'library',
    format: 'mps',
    size: { rows: 3, cols: 4, nnz: 8, integers: 0 },
    options: {},
    seed: 0,
    status: 'optimal',
    runStatus: 'ok',
    error: null,
    objective: 10,
    knownObjective: null,
    verdict: 'ok',
    flags: [],
    mipGap: null,
    mipDualBound: null,
    times: { readMs: 1, solveMs, highsRunMs: solveMs, validateMs: 0 },
    counters: { ...NO_COUNTERS, simplexIterations: 20, ...counters },
    wasmMemoryBytes: 1000,
    warm: true,
    cancelMode: null,
    highsVersion: '1.15.3',
    ...patch,
  };
}

const summary = (ds: { name: string; kind: string; value: number | null; real: boolean | null }[]) =>
  ds.map((d) => [d.name, d.kind, d.value === null ? null : Number(d.value.toPrecision(10)), d.real]);

describe('runDeltas', () => {
  it.each([
    {
      what: 'an LP: time, the one counter used, objective and memory; no MIP gap',
      ref: [run()],
      cand: [run({ solveMs: 150, counters: { simplexIterations: 25 }, wasmMemoryBytes: 1100 })],
      want: [
        ['time', 'ratio', 1.5, null], // one run against one run, other work: undetermined
        ['simplexIterations', 'ratio', 1.25, true], // 25/20
        ['objective', 'difference', 0, false],
        ['memory', 'ratio', 1.1, true], // 1100/1000 outside ±5 %
      ],
    },
    {
      what: 'a counter only the candidate used is compared as a difference',
      ref: [run()],
      cand: [run({ solveMs: 110, counters: { ipmIterations: 7 } })],
      want: [
        ['time', 'ratio', 1.1, null],
        ['simplexIterations', 'ratio', 1, false],
        ['ipmIterations', 'difference', 7, true],
        ['objective', 'difference', 0, false],
        ['memory', 'ratio', 1, false],
      ],
    },
    {
      what: 'a MIP adds its gap; repeated runs compare medians',
      ref: [
        run({ solveMs: 100, size: { rows: 3, cols: 4, nnz: 8, integers: 2 }, mipGap: 0, counters: { mipNodes: 10 } }),
        run({ solveMs: 120, size: { rows: 3, cols: 4, nnz: 8, integers: 2 }, mipGap: 0, counters: { mipNodes: 12 } }),
        run({ solveMs: 140, size: { rows: 3, cols: 4, nnz: 8, integers: 2 }, mipGap: 0, counters: { mipNodes: 14 } }),
      ],
      cand: [
        run({ solveMs: 60, objective: 11, mipGap: 0.01, counters: { mipNodes: 5 } }),
        run({ solveMs: 70, objective: 11, mipGap: 0.01, counters: { mipNodes: 6 } }),
        run({ solveMs: 80, objective: 11, mipGap: 0.01, counters: { mipNodes: 7 } }),
      ],
      want: [
        // medians 70/120 = 0.5833; 3 against 3 is too few for a 95 % interval → undetermined
        ['time', 'ratio', 0.5833333333, null],
        ['simplexIterations', 'ratio', 1, false],
        ['mipNodes', 'ratio', 0.5, true], // medians 6/12
        ['objective', 'difference', 1, true],
        ['mipGap', 'difference', 0.01, true],
        ['memory', 'ratio', 1, false],
      ],
    },
    {
      what: 'failed runs are left out of the figures (the rest did identical work: noise)',
      ref: [run(), run({ solveMs: 9999, error: { name: 'Timeout', message: 'x' }, objective: null })],
      cand: [run({ solveMs: 100, objective: 10 })],
      want: [
        ['time', 'ratio', 1, false],
        ['simplexIterations', 'ratio', 1, false],
        ['objective', 'difference', 0, false],
        ['memory', 'ratio', 1, false],
      ],
    },
    {
      what: 'no objective on one side: the objective has no value',
      ref: [run()],
      cand: [run({ objective: null, status: 'time-limit' })],
      want: [
        ['time', 'ratio', 1, false],
        ['simplexIterations', 'ratio', 1, false],
        ['objective', 'difference', null, false],
        ['memory', 'ratio', 1, false],
      ],
    },
  ])('$what', ({ ref, cand, want }) => {
    expect(summary(runDeltas(ref, cand).deltas)).toEqual(want);
  });

  it.each([
    {
      what: 'one option changed, random_seed ignored, the first runs compared',
      ref: [run({ options: { presolve: 'on', random_seed: 1 } }), run({ options: { presolve: 'x' } })],
      cand: [run({ options: { presolve: 'off', random_seed: 2 } })],
      changed: [{ option: 'presolve', ref: 'on', cand: 'off' }],
    },
    {
      what: 'an option set on one side only (the other uses the default)',
      ref: [run({ options: { time_limit: 10 } })],
      cand: [run({ options: { mip_rel_gap: 0.01, time_limit: 10 } })],
      changed: [{ option: 'mip_rel_gap', ref: undefined, cand: 0.01 }],
    },
    {
      what: 'the same options',
      ref: [run({ options: { presolve: 'off' } })],
      cand: [run({ options: { presolve: 'off' } })],
      changed: [],
    },
  ])('$what', ({ ref, cand, changed }) => {
    expect(runDeltas(ref, cand).optionsChanged).toEqual(changed);
    expect(optionChanges(ref[0], cand[0])).toEqual(changed);
  });

  it.each([
    { ref: [run()], cand: [run()], same: true },
    { ref: [run()], cand: [run({ modelId: 'm2' })], same: false },
    { ref: [run(), run({ modelId: 'm2' })], cand: [run()], same: false },
  ])('sameModel $same', ({ ref, cand, same }) => {
    expect(runDeltas(ref, cand).sameModel).toBe(same);
  });

  it('throws RangeError when a side has no runs', () => {
    expect(() => runDeltas([], [run()])).toThrow(RangeError);
    expect(() => runDeltas([run()], [])).toThrow(RangeError);
  });
});
