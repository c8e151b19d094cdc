// The generated models as the real HiGHS reads and solves them: every small instance is optimal at
// the independently computed knownObjective, with and without symmetry breaking (so the symmetry
// constraints do not change the optimum), and medium sizes solve to optimality within seconds.
import { describe, expect, it } from 'vitest';
import { highs, STATUS } from '../../helpers/highs';
import { generate, generatorInfo, type GeneratedModel, type GeneratorId } from '../../../src/core/templates';
import { facilityCount } from '../../../src/core/templates/facility-location';
import { knapsackInstance } from '../../../src/core/templates/knapsack';
import { machineCount } from '../../../src/core/templates/scheduling';
import { transportSources } from '../../../src/core/templates/transportation';

/** Solves an LP text with HiGHS: status, objective, MIP dual bound (MIPs only), dimensions and wall time. */
function solve(lp: string, kind: 'LP' | 'MIP', options: Record<string, number | string | boolean>) {
  return highs.withModel({ format: 'lp', data: lp }, (m) => {
    m.options.set({ output_flag: false, ...options });
    const dims = m.getDimensions();
    const t0 = performance.now();
    m.run();
    const ms = performance.now() - t0;
    const status = m.getModelStatus() as number;
    const objective = m.getObjectiveValue();
    const bound = kind === 'MIP' ? Number(m.info.get('mip_dual_bound')) : null;
    return { status, objective, bound, rows: dims.numRows, cols: dims.numCols, ms };
  });
}

/** The rows and columns each model must have once HiGHS has read all of it. */
function expectedDimensions(model: GeneratedModel): { rows: number; cols: number } {
  const { size: n, symmetryBreaking: sym } = model;
  switch (model.generator) {
    case 'knapsack': {
      const inst = knapsackInstance(n, model.instanceSeed);
      return { rows: 1 + (sym ? n - new Set(inst.classOf).size : 0), cols: n };
    }
    case 'transportation': {
      const m = transportSources(n);
      return { rows: m + n + (sym ? m / 2 : 0), cols: m * n };
    }
    case 'facility-location': {
      const m = facilityCount(n);
      return { rows: n + m + m * n + (sym ? m : 0), cols: m + m * n };
    }
    case 'scheduling': {
      const m = machineCount(n);
      return { rows: n + m + (sym ? m - 1 : 0), cols: n * m + 1 };
    }
  }
}

const kindOf = (model: GeneratedModel) => generatorInfo(model.generator)!.kind;

const relDiff = (a: number, b: number) => Math.abs(a - b) / Math.max(1, Math.abs(b));

/** The known optimum lies between HiGHS's objective and its dual bound (MIP), or equals the objective (LP). */
function expectKnownWithin(model: GeneratedModel, result: ReturnType<typeof solve>, sense: 1 | -1, tol: number) {
  const known = model.knownObjective!;
  if (result.bound === null) {
    expect(relDiff(result.objective, known)).toBeLessThanOrEqual(tol);
    return;
  }
  // Minimise: bound ≤ known ≤ objective; maximise: objective ≤ known ≤ bound.
  const slack = tol * Math.max(1, Math.abs(known));
  expect(sense * (known - result.objective)).toBeLessThanOrEqual(slack);
  expect(sense * (result.bound - known)).toBeLessThanOrEqual(slack);
}

const SENSE: Record<GeneratorId, 1 | -1> = {
  knapsack: -1,
  transportation: 1,
  'facility-location': 1,
  scheduling: 1,
};

describe('small instances: HiGHS finds the known optimum, with and without symmetry breaking', () => {
  const ids: GeneratorId[] = ['knapsack', 'transportation', 'facility-location', 'scheduling'];
  const cases = ids.flatMap((id) =>
    [1, 2, 4, 7, 10, 12].flatMap((size) =>
      [1, 2].flatMap((seed) => [false, true].map((sym) => [id, size, seed, sym] as const)),
    ),
  );

  it.each(cases)('%s n=%i instanceSeed=%i sym=%s', (id, size, instanceSeed, symmetryBreaking) => {
    const model = generate(id, { size, instanceSeed, symmetryBreaking });
    expect(model.knownObjective).not.toBeNull();
    // A zero gap, so HiGHS's objective is the optimum (not just within the default 1e-4).
    const result = solve(model.lp, kindOf(model), { mip_rel_gap: 0, time_limit: 30 });
    expect(result.status).toBe(STATUS.optimal);
    expect({ rows: result.rows, cols: result.cols }).toEqual(expectedDimensions(model));
    expect(relDiff(result.objective, model.knownObjective!)).toBeLessThanOrEqual(1e-6);
    expectKnownWithin(model, result, SENSE[id], 1e-6);
  });

  it('the knapsack copies really are interchangeable: both switches give the same optimum over 10 seeds', () => {
    for (let seed = 10; seed < 20; seed++) {
      const [plain, sym] = [false, true].map((s) =>
        generate('knapsack', { size: 12, instanceSeed: seed, symmetryBreaking: s }),
      );
      expect(plain.knownObjective).toBe(sym.knownObjective);
      expect(solve(sym.lp, 'MIP', { mip_rel_gap: 0 }).objective).toBeCloseTo(plain.knownObjective!, 6);
    }
  });
});

describe('medium instances: feasible, and solved to optimality within seconds', () => {
  const cases: [GeneratorId, number][] = [
    ['knapsack', 100],
    ['knapsack', 200],
    ['transportation', 100],
    ['transportation', 200],
    ['facility-location', 50],
    ['scheduling', 50],
    ['scheduling', 100],
    ['scheduling', 200],
  ];
  const TIME_LIMIT_S = 10;

  it.each(cases.flatMap(([id, size]) => [false, true].map((sym) => [id, size, sym] as const)))(
    '%s n=%i sym=%s',
    (id, size, symmetryBreaking) => {
      const model = generate(id, { size, instanceSeed: 1, symmetryBreaking });
      const result = solve(model.lp, kindOf(model), { time_limit: TIME_LIMIT_S });
      expect(result.status).toBe(STATUS.optimal);
      expect(result.ms).toBeLessThan(TIME_LIMIT_S * 1000);
      expect({ rows: result.rows, cols: result.cols }).toEqual(expectedDimensions(model));
      // HiGHS's default gap (1e-4 relative) applies here: the known optimum must lie in [bound, objective].
      if (model.knownObjective !== null) expectKnownWithin(model, result, SENSE[id], 1e-4);
    },
    60_000,
  );

  it('the medium instances whose optimum is known say so (DP, min-cost flow, LPT meeting the bound)', () => {
    const known = (id: GeneratorId, size: number) =>
      generate(id, { size, instanceSeed: 1, symmetryBreaking: false }).knownObjective;
    expect(known('knapsack', 200)).not.toBeNull();
    expect(known('transportation', 200)).not.toBeNull();
    expect(known('scheduling', 200)).not.toBeNull();
    expect(known('facility-location', 50)).toBeNull();
  });
});
