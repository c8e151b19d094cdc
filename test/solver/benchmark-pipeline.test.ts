// The core of a benchmark end to end with the real HiGHS, in-thread: generated models, the plan
// (option sets interleaved), solves with the solution checked, runs judged, the summary, and the
// report exported and read back unchanged. Repeated runs with the same seed must give identical
// work counters; the summary says so.
import { describe, expect, it } from 'vitest';
import type { BenchmarkModel, BenchmarkRun, OptionSet } from '../../src/core/benchmark';
import { planBenchmark } from '../../src/core/benchmark-plan';
import { benchmarkRunOf } from '../../src/core/benchmark-run';
import { parseReport, serializeReport, type Report } from '../../src/core/report';
import { sha256Hex } from '../../src/core/run-record';
import { summarize } from '../../src/core/stats';
import { generate } from '../../src/core/templates';
import { direct, req } from './harness';

describe('a benchmark through core and the real solver', () => {
  it('knapsack at three sizes × two option sets × two seeds × two repetitions: summary, report round trip', async () => {
    const api = direct();
    await api.init();
    const generated = [6, 9, 12].map((size) =>
      generate('knapsack', { size, instanceSeed: 1, symmetryBreaking: false }),
    );
    const models: (BenchmarkModel & { lp: string })[] = [];
    for (const g of generated) {
      models.push({
        id: await sha256Hex(new TextEncoder().encode(g.lp)),
        name: g.name,
        template: 'knapsack',
        size: g.size,
        rows: 0,
        cols: 0,
        nnz: 0,
        integers: 0,
        knownObjective: g.knownObjective,
        lp: g.lp,
      });
    }
    const optionSets: OptionSet[] = [
      { id: 'defaults', name: 'HiGHS defaults', options: {} },
      { id: 'no-presolve', name: 'presolve off', options: { presolve: 'off' } },
    ];
    const config = { timeLimitMs: 10_000, seeds: [1, 2], repetitions: 2, warmup: false };
    const plan = planBenchmark(
      config,
      models.map((m) => m.id),
      optionSets.map((o) => o.id),
    );
    const runs: BenchmarkRun[] = [];
    for (const job of plan) {
      const m = models.find((x) => x.id === job.modelId)!;
      const options = { ...optionSets.find((o) => o.id === job.optionSetId)!.options, random_seed: job.seed };
      const r = await api.solve(
        req(
          m.name,
          new TextEncoder().encode(m.lp),
          { ...options, time_limit: config.timeLimitMs / 1000 },
          {
            checkSolution: true,
            captureLog: false,
          },
        ),
      );
      Object.assign(m, { rows: r.size.rows, cols: r.size.cols, nnz: r.size.nnz, integers: r.size.integers });
      runs.push(benchmarkRunOf(job, m, r));
    }
    expect(runs).toHaveLength(3 * 2 * 2 * 2);
    expect(runs.every((r) => r.verdict === 'verified')).toBe(true);
    expect(runs.every((r) => r.maxRowViolation !== null && r.maxRowViolation <= 1e-6)).toBe(true);

    const benchmarkModels = models.map(({ lp: _lp, ...m }) => m);
    const summary = summarize({ config, models: benchmarkModels, optionSets, referenceOptionSetId: 'defaults', runs });
    expect(summary.variability.countersIdentical).toBe(true);
    expect(summary.correctness.disagreements).toEqual([]);
    for (const s of summary.optionSets) expect(s).toMatchObject({ solved: 6, problems: 6 });
    const alt = summary.optionSets.find((s) => s.optionSetId === 'no-presolve')!;
    expect(alt.speedup!.ci95[0]).toBeLessThanOrEqual(alt.speedup!.ratio);
    expect(alt.speedup!.ci95[1]).toBeGreaterThanOrEqual(alt.speedup!.ratio);
    expect(alt.scaling).toHaveLength(1);
    expect(alt.scaling[0]).toMatchObject({ template: 'knapsack', sizes: [6, 9, 12] });

    const report: Report = {
      schema: 'highs-workbench/report',
      version: 1,
      createdAt: new Date(0).toISOString(),
      app: { name: 'HiGHS Workbench', version: 'test' },
      solver: { name: 'highs', version: (await api.info()).highsVersion },
      environment: { userAgent: 'node', hardwareConcurrency: 2, crossOriginIsolated: false },
      benchmarks: [
        {
          id: 'b1',
          name: 'knapsack',
          config,
          referenceOptionSetId: 'defaults',
          models: benchmarkModels,
          optionSets,
          runs,
          summary,
        },
      ],
    };
    const parsed = parseReport(serializeReport(report));
    expect(parsed.ok ? parsed.report : parsed.errors).toEqual(report);
  });
});
