// The shared report builder: stored benchmarks with runs and summaries → a report that reads back,
// named after the day it was made; selections that one report cannot describe are refused.
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../src/core/report';
import { summarize } from '../../src/core/stats';
import { APP_INFO } from '../../src/state/app-info';
import { buildReport, buildReportFile, reportFileName, type ReportItem } from '../../src/state/report-builder';
import type { StoredBenchmark } from '../../src/storage/benchmark-types';
import { sampleReport } from '../core/report/fixtures';

const NOW = Date.UTC(2026, 10, 3, 9, 30, 0);

/** A stored benchmark (and its runs and summary) made from the sample report's benchmark. */
function item(patch: Partial<StoredBenchmark> = {}): ReportItem {
  const { summary: _s, runs, ...b } = sampleReport().benchmarks[0];
  const benchmark: StoredBenchmark = {
    ...b,
    createdAt: NOW - 60_000,
    state: 'finished',
    environment: { userAgent: 'Chrome/140 test', hardwareConcurrency: 4, crossOriginIsolated: true },
    solver: { name: 'highs', version: '1.15.1' },
    ...patch,
  };
  return { benchmark, runs, summary: summarize({ ...benchmark, runs }) };
}

describe('buildReport', () => {
  it('makes a version 1 report of the benchmarks in order, with their own environment and solver, that reads back', async () => {
    const a = item();
    const b = item({ id: 'bench-2', name: 'second' });
    const report = buildReport([a, b], NOW);
    expect(report.schema).toBe('highs-workbench/report');
    expect(report.version).toBe(1);
    expect(report.createdAt).toBe('2026-11-03T09:30:00.000Z');
    expect(report.app).toEqual(APP_INFO);
    expect(report.environment).toEqual(a.benchmark.environment);
    expect(report.solver).toEqual({ name: 'highs', version: '1.15.1' });
    expect(report.benchmarks.map((x) => x.id)).toEqual(['bench-1', 'bench-2']);
    expect(report.benchmarks[0].runs).toEqual(a.runs);
    expect(report.benchmarks[0].runs).not.toBe(a.runs);

    const file = await buildReportFile([a, b], NOW);
    expect(file.name).toBe('highs-workbench-report-2026-11-03.json');
    const parsed = parseReport(file.text);
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    expect(parsed.report.benchmarks[1].name).toBe('second');
    expect(parsed.report.benchmarks[0].optionSets[1].options.time_limit).toBe(Infinity);
    expect(parsed.report.benchmarks[0].summary.optionSets).toEqual(
      a.summary.optionSets.map((s) => {
        // The item's summary is a full one (with counters); the report's option-set summaries do not carry them.
        const { counters: _c, ...rest } = s as typeof s & { counters?: unknown };
        return expect.objectContaining(rest);
      }),
    );
  });

  it.each([
    ['nothing selected', [] as ReportItem[], /no benchmark to export/],
    [
      'another environment',
      [
        item(),
        item({
          id: 'b2',
          name: 'elsewhere',
          environment: { userAgent: 'Firefox/150', hardwareConcurrency: 2, crossOriginIsolated: false },
        }),
      ],
      /"elsewhere" ran in another environment \(Firefox\/150, 2 cores, not cross-origin isolated\).*export them separately/,
    ],
    [
      'another solver version',
      [item(), item({ id: 'b2', name: 'older', solver: { name: 'highs', version: '1.14.0' } })],
      /"older" ran on highs 1\.14\.0 and "afiro vs knapsack — presolve" on highs 1\.15\.1/,
    ],
  ])('refuses %s with ReportExportRefused', (_name, items, message) => {
    let thrown: unknown;
    try {
      buildReport(items, NOW);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(Error);
    expect((thrown as Error).name).toBe('ReportExportRefused');
    expect((thrown as Error).message).toMatch(message);
  });

  it('names the file after the UTC day', () => {
    expect(reportFileName(Date.UTC(2026, 0, 2, 23, 59))).toBe('highs-workbench-report-2026-01-02.json');
  });

  it('refuses, through serializeReport, a run that the format cannot carry', async () => {
    const a = item();
    a.runs = [{ ...a.runs[0], timeMs: Number.NaN }];
    await expect(buildReportFile([a], NOW)).rejects.toThrow(/runs\[0\]\.timeMs: expected a finite number, got NaN/);
  });
});
