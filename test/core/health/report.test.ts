import { describe, expect, it } from 'vitest';
import type { HealthCheckResult, HealthRun, Recommendation } from '../../../src/core/health/types';
import { REPORT_HISTORY_LIMIT, healthReport } from '../../../src/core/health/report';
import { NOW } from './fixtures';

function result(id: string, status: HealthCheckResult['status'], severity: HealthCheckResult['severity'] = 'critical') {
  return { id, name: id, severity, status, message: `${id} ${status}`, details: { n: 1 }, at: NOW, durationMs: 2 };
}

const ENV = { userAgent: 'test', hardwareConcurrency: 8, crossOriginIsolated: true };
const REC: Recommendation = { id: 'storage', title: 't', text: 'x', evidence: ['a'], severity: 'warning' };

describe('healthReport', () => {
  it('carries the results, overall status, environment, recommendations and a newest-first history', () => {
    const results = [result('solver-loads', 'pass'), result('storage-readwrite', 'fail')];
    // 120 runs in shuffled order; every third has two failures.
    const history: HealthRun[] = Array.from({ length: 120 }, (_, i) => ({
      id: `run-${i}`,
      at: NOW - ((i * 37) % 120) * 60_000,
      trigger: i % 2 ? 'manual' : 'scheduled',
      overall: 'healthy',
      results: [
        result('a', (i * 37) % 3 === 0 ? 'fail' : 'pass'),
        result('b', (i * 37) % 3 === 0 ? 'fail' : 'warning'),
      ],
    }));
    const report = healthReport({
      results,
      history,
      recommendations: [REC],
      appVersion: '0.9.0',
      environment: ENV,
      now: NOW,
    });
    expect(report.schema).toBe('highs-workbench/health');
    expect(report.version).toBe(1);
    expect(report.createdAt).toBe(new Date(NOW).toISOString());
    expect(report.app).toEqual({ version: '0.9.0' });
    expect(report.environment).toEqual(ENV);
    expect(report.overall).toBe('critical');
    expect(report.results).toEqual(results);
    expect(report.recommendations).toEqual([REC]);
    expect(report.history).toHaveLength(REPORT_HISTORY_LIMIT);
    expect(report.history[0]).toEqual({ at: new Date(NOW).toISOString(), overall: 'healthy', failed: ['a', 'b'] });
    expect(report.history[1]).toEqual({ at: new Date(NOW - 60_000).toISOString(), overall: 'healthy', failed: [] });
    const times = report.history.map((h) => Date.parse(h.at));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(times[times.length - 1]).toBe(NOW - 99 * 60_000);
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  });

  it('copies its input (exporting never aliases live state) and takes an explicit overall', () => {
    const results = [result('x', 'warning', 'warning')];
    const rec = { ...REC, evidence: ['e'] };
    const report = healthReport({
      results,
      history: [],
      recommendations: [rec],
      appVersion: '1',
      environment: ENV,
      now: NOW,
    });
    expect(report.overall).toBe('warning');
    results[0].details.n = 99;
    rec.evidence.push('later');
    expect(report.results[0].details.n).toBe(1);
    expect(report.recommendations[0].evidence).toEqual(['e']);
    const forced = healthReport({
      results,
      history: [],
      recommendations: [],
      appVersion: '1',
      environment: ENV,
      now: NOW,
      overall: 'unknown',
    });
    expect(forced.overall).toBe('unknown');
    expect(forced.history).toEqual([]);
  });
});
