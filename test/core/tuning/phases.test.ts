import { describe, expect, it } from 'vitest';
import { highs } from '../../helpers/highs';
import { readFileSync } from 'node:fs';
import { phasesOf, splitLines } from '../../../src/core/tuning/phases';
import type { Phase, SolveProfile, TimedLine } from '../../../src/core/tuning/types';

// Real highs 1.15.3 logs (logging callback messages with their arrival in ms), trimmed in the middle.
const T = (pairs: [number, string][]): TimedLine[] => pairs.map(([tMs, line]) => ({ tMs, line }));

const AFIRO_LP = T([
  [9.23, 'LP highs-js-1 has 27 rows; 32 cols; 83 nonzeros'],
  [9.31, 'Coefficient ranges:'],
  [17.4, 'Presolving model'],
  [19.34, '22 rows, 29 cols, 74 nonzeros 0s'],
  [20.93, '7 rows, 10 cols, 28 nonzeros 0s'],
  [21.08, 'Presolve reductions: rows 7(-20); columns 10(-22); nonzeros 28(-55) '],
  [23.35, 'Solving the presolved LP'],
  [25.89, 'Using dual simplex solver'],
  [28.71, '          6    -4.6475314286e+02 Pr: 0(0) 0.0s'],
  [29.44, ''],
  [29.98, 'Performed postsolve'],
  [30.18, 'Solving the original LP from the solution after postsolve'],
  [30.61, 'Model name          : highs-js-1'],
  [30.63, 'Model status        : Optimal'],
  [30.64, 'Simplex   iterations: 6'],
  [30.65, 'Objective value     : -4.6475314286e+02'],
  [30.68, 'HiGHS run time      :          0.02'],
]);

const AFIRO_PRESOLVE_OFF = T([
  [0.21, 'LP highs-js-4 has 27 rows; 32 cols; 83 nonzeros'],
  [0.28, 'Solving LP without presolve or useful basis'],
  [0.36, 'Using dual simplex solver'],
  [0.55, '         22    -4.6475314286e+02 Pr: 0(0) 0.0s'],
  [0.6, 'Model status        : Optimal'],
  [0.6, 'Simplex   iterations: 22'],
  [0.62, 'HiGHS run time      :          0.00'],
]);

const AFIRO_IPM = T([
  [1.89, 'Presolving model'],
  [3.33, 'Presolve reductions: rows 7(-20); columns 10(-22); nonzeros 28(-55) '],
  [3.34, 'Solving the presolved LP'],
  [5.29, 'Interior point solve'],
  [12.83, 'Running crossover as requested'],
  [16.24, 'Ipx: IPM       optimal\n'],
  [16.26, 'Ipx: Crossover optimal\n'],
  [16.59, 'Performed postsolve\n'],
  [17.21, 'Model status        : Optimal\n'],
  [17.22, 'IPM       iterations: 7\n'],
]);

const FLUGPL_MIP = T([
  [0.86, 'MIP highs-js-2 has 18 rows; 18 cols; 46 nonzeros; 11 integer variables (0 binary)\n'],
  [4.33, 'Presolving model\n'],
  [11.32, '13 rows, 14 cols, 34 nonzeros 0s\n'],
  [11.37, 'Presolve reductions: rows 13(-5); columns 14(-4); nonzeros 34(-12) \n'],
  [
    11.86,
    '\nSolving MIP model with:\n   13 rows\n   14 cols (0 binary, 9 integer, 5 implied int., 0 continuous, 0 domain fixed)\n   34 nonzeros\n',
  ],
  [
    35.28,
    '\n        Nodes      |    B&B Tree     |            Objective Bounds              |  Dynamic Constraints |       Work      \nSrc  Proc. InQueue |  Leaves   Expl. | BestBound       BestSol              Gap |   Cuts   InLp Confl. | LpIters     Time\n\n',
  ],
  [
    348.69,
    '         89       0        28 100.00%   1201500         1201500            0.00%      207     12    759       858     0.3s\n',
  ],
  [348.84, '\nSolving report\n'],
  [348.95, '  Timing            0.35\n'],
  [349.01, '                    0.01 (Presolve)\n'],
  [349.03, '                    0.34 (Solve)\n'],
  [349.04, '                    0.002 (Postsolve)\n'],
  [349.06, '  Max sub-MIP depth 0\n  Nodes             89\n'],
  [349.08, '  LP iterations     858\n'],
]);

const FLUGPL_PRESOLVE_OFF = T([
  [0.37, '\nPresolve is switched off\n'],
  [0.45, '\nSolving MIP model with:\n   18 rows\n'],
  [42.57, '\nSolving report\n'],
  [42.64, '                    0.00 (Postsolve)\n'],
  [42.66, '  Max sub-MIP depth 4\n  Nodes             104\n'],
  [42.67, '  LP iterations     717\n'],
]);

const REDUCED_TO_EMPTY = T([
  [16.4, 'Presolving model\n'],
  [17.8, '0 rows, 0 cols, 0 nonzeros 0s\n'],
  [18.58, 'Presolve reductions: rows 0(-2); columns 0(-2); nonzeros 0(-3) - Reduced to empty\n'],
  [19.17, 'Performed postsolve\n'],
  [21.74, 'Solving the original LP from the solution after postsolve\n'],
  [25.0, 'Model status        : Optimal\n'],
]);

const INFEASIBLE_ON_PRESOLVE = T([
  [0.31, 'Presolving model\n'],
  [0.42, 'Problem status detected on presolve: Infeasible\n'],
  [0.45, 'Model status        : Infeasible\n'],
]);

// Older HiGHS wording of the reductions line (no "Presolving model" line: presolve starts with the solve).
const OLD_WORDING = T([
  [2.5, 'Presolve : Reductions: rows 5(-3); columns 6(-1); elements 17(-4)'],
  [9.0, 'Postsolve  : 0'],
]);

const profile = (lines: TimedLine[], solveMs: number): SolveProfile => ({
  rowGroups: { groups: [], unnamed: true },
  memory: { beforeReadBytes: 0, afterReadBytes: 0, afterSolveBytes: 0 },
  lines,
  solveMs,
});

const REMOVED = (r: number, c: number, n: number, ra: number, ca: number, na: number) => ({
  rowsRemoved: r,
  colsRemoved: c,
  nnzRemoved: n,
  rowsAfter: ra,
  colsAfter: ca,
  nnzAfter: na,
});

describe('phasesOf', () => {
  it.each([
    {
      // presolve 21.08 − 17.40 = 3.68; solve 29.98 − 21.08 = 8.90; postsolve 31 − 29.98 = 1.02.
      what: 'an LP with presolve (dual simplex)',
      lines: AFIRO_LP,
      solveMs: 31,
      readMs: 2.5,
      want: [
        { name: 'reading', ms: 2.5, details: {} },
        { name: 'presolve', ms: 3.68, details: REMOVED(20, 22, 55, 7, 10, 28) },
        { name: 'solve', ms: 8.9, details: { simplexIterations: 6 } },
        { name: 'postsolve', ms: 1.02, details: {} },
      ],
    },
    {
      // No presolve markers: presolve null, the solve from 0 to the end (0.7).
      what: 'an LP with presolve off',
      lines: AFIRO_PRESOLVE_OFF,
      solveMs: 0.7,
      readMs: 1,
      want: [
        { name: 'reading', ms: 1, details: {} },
        { name: 'presolve', ms: null, details: {} },
        { name: 'solve', ms: 0.7, details: { simplexIterations: 22 } },
        { name: 'postsolve', ms: null, details: {} },
      ],
    },
    {
      // presolve 3.33 − 1.89 = 1.44; solve 16.59 − 3.33 = 13.26; postsolve 17.5 − 16.59 = 0.91.
      what: 'an LP by IPM (messages with trailing newlines)',
      lines: AFIRO_IPM,
      solveMs: 17.5,
      readMs: 0,
      want: [
        { name: 'reading', ms: 0, details: {} },
        { name: 'presolve', ms: 1.44, details: REMOVED(20, 22, 55, 7, 10, 28) },
        { name: 'solve', ms: 13.26, details: { ipmIterations: 7 } },
        { name: 'postsolve', ms: 0.91, details: {} },
      ],
    },
    {
      // presolve 11.37 − 4.33 = 7.04; postsolve from the report: 0.002 s = 2 ms;
      // solve 350 − 2 − 11.37 = 336.63.
      what: 'a MIP: postsolve from the solving report, nodes and LP iterations from it',
      lines: FLUGPL_MIP,
      solveMs: 350,
      readMs: 3,
      want: [
        { name: 'reading', ms: 3, details: {} },
        { name: 'presolve', ms: 7.04, details: REMOVED(5, 4, 12, 13, 14, 34) },
        { name: 'solve', ms: 336.63, details: { mipNodes: 89, mipLpIterations: 858 } },
        { name: 'postsolve', ms: 2, details: { source: 'HiGHS solving report' } },
      ],
    },
    {
      // presolve off; postsolve 0.00 s from the report; solve 43 − 0 − 0 = 43.
      what: 'a MIP with presolve off',
      lines: FLUGPL_PRESOLVE_OFF,
      solveMs: 43,
      readMs: 1,
      want: [
        { name: 'reading', ms: 1, details: {} },
        { name: 'presolve', ms: null, details: { note: 'presolve switched off' } },
        { name: 'solve', ms: 43, details: { mipNodes: 104, mipLpIterations: 717 } },
        { name: 'postsolve', ms: 0, details: { source: 'HiGHS solving report' } },
      ],
    },
    {
      // presolve 18.58 − 16.40 = 2.18; solve 19.17 − 18.58 = 0.59; postsolve 26 − 19.17 = 6.83.
      what: 'presolve reduces the LP to empty',
      lines: REDUCED_TO_EMPTY,
      solveMs: 26,
      readMs: 1,
      want: [
        { name: 'reading', ms: 1, details: {} },
        { name: 'presolve', ms: 2.18, details: { ...REMOVED(2, 2, 3, 0, 0, 0), note: 'reduced to empty' } },
        { name: 'solve', ms: 0.59, details: {} },
        { name: 'postsolve', ms: 6.83, details: {} },
      ],
    },
    {
      // presolve 0.42 − 0.31 = 0.11; solve 0.5 − 0.42 = 0.08; no postsolve.
      what: 'presolve finds the model infeasible',
      lines: INFEASIBLE_ON_PRESOLVE,
      solveMs: 0.5,
      readMs: 1,
      want: [
        { name: 'reading', ms: 1, details: {} },
        { name: 'presolve', ms: 0.11, details: { status: 'Infeasible' } },
        { name: 'solve', ms: 0.08, details: {} },
        { name: 'postsolve', ms: null, details: {} },
      ],
    },
    {
      // presolve 2.5 − 0 (the solve start); solve 9 − 2.5 = 6.5; postsolve 10 − 9 = 1.
      what: "older HiGHS's 'Presolve : Reductions … elements' and 'Postsolve' lines",
      lines: OLD_WORDING,
      solveMs: 10,
      readMs: 1,
      want: [
        { name: 'reading', ms: 1, details: {} },
        { name: 'presolve', ms: 2.5, details: REMOVED(3, 1, 4, 5, 6, 17) },
        { name: 'solve', ms: 6.5, details: {} },
        { name: 'postsolve', ms: 1, details: {} },
      ],
    },
    {
      what: 'no log at all',
      lines: [],
      solveMs: 5,
      readMs: 1,
      want: [
        { name: 'reading', ms: 1, details: {} },
        { name: 'presolve', ms: null, details: {} },
        { name: 'solve', ms: 5, details: {} },
        { name: 'postsolve', ms: null, details: {} },
      ],
    },
  ])('$what', ({ lines, solveMs, readMs, want }) => {
    const got = phasesOf(profile(lines, solveMs), readMs);
    expect(got).toEqual((want as Phase[]).map((p) => ({ ...p, ms: p.ms === null ? null : expect.closeTo(p.ms, 9) })));
  });
});

describe('splitLines', () => {
  it('splits multi-line messages, trims them and drops blank lines, keeping each message’s time', () => {
    expect(
      splitLines(
        T([
          [1, '\nSolving report\n'],
          [2, '  Max sub-MIP depth 0\n  Nodes   89\n'],
          [3, ''],
        ]),
      ),
    ).toEqual(
      T([
        [1, 'Solving report'],
        [2, 'Max sub-MIP depth 0'],
        [2, 'Nodes   89'],
      ]),
    );
  });
});

// A live solve: the markers above are the ones this highs build writes.
const fixture = (name: string): string => readFileSync(new URL(`../../fixtures/${name}`, import.meta.url), 'utf8');

function liveProfile(text: string, options: Record<string, string | number | boolean>): SolveProfile {
  const model = highs.createModel();
  try {
    model.options.set({ output_flag: true, log_to_console: false, ...options });
    model.readModel({ format: 'mps', data: text });
    const lines: TimedLine[] = [];
    const t0 = performance.now();
    model.run({
      [highs.constants.callbackType.logging]: (e: { message: string }) => {
        lines.push({ tMs: performance.now() - t0, line: e.message });
        return undefined;
      },
    });
    return profile(lines, performance.now() - t0);
  } finally {
    model.dispose();
  }
}

describe('phasesOf on a live solve', () => {
  it('afiro (LP): presolve removes 20 rows, 22 columns, 55 nonzeros; the phases fit in the solve', () => {
    const p = liveProfile(fixture('afiro.mps'), {});
    const [reading, presolve, solve, postsolve] = phasesOf(p, 4);
    expect(reading).toEqual({ name: 'reading', ms: 4, details: {} });
    expect(presolve.details).toEqual(REMOVED(20, 22, 55, 7, 10, 28));
    expect(presolve.ms).toBeGreaterThanOrEqual(0);
    expect(solve.details.simplexIterations).toBeGreaterThan(0);
    expect(postsolve.ms).not.toBeNull();
    expect((presolve.ms ?? 0) + (solve.ms ?? 0) + (postsolve.ms ?? 0)).toBeLessThanOrEqual(p.solveMs + 1e-9);
  });

  it('afiro with presolve off: no presolve and no postsolve', () => {
    const [, presolve, solve, postsolve] = phasesOf(liveProfile(fixture('afiro.mps'), { presolve: 'off' }), 0);
    expect(presolve.ms).toBeNull();
    expect(postsolve.ms).toBeNull();
    expect(solve.details.simplexIterations).toBeGreaterThan(0);
  });

  it('flugpl (MIP): presolve details, nodes and LP iterations, postsolve from the report', () => {
    const [, presolve, solve, postsolve] = phasesOf(liveProfile(fixture('flugpl.mps'), { random_seed: 0 }), 0);
    expect(presolve.details).toEqual(REMOVED(5, 4, 12, 13, 14, 34));
    expect(solve.details.mipNodes).toBeGreaterThan(0);
    expect(solve.details.mipLpIterations).toBeGreaterThan(0);
    expect(postsolve.details).toEqual({ source: 'HiGHS solving report' });
  });
});
