// The scaling fit's fields added within version 1 (issue 18): the sizes left out of the fit for censored
// (unsolved) problems and how far the fit can be read. They round-trip, a file without them still reads, and
// a wrong value is refused by path.
import { describe, expect, it } from 'vitest';
import { parseReport, serializeReport, type Report } from '../../../src/core/report';
import { sampleReport } from './fixtures';

const fitOf = (r: Report) => r.benchmarks[0].summary.optionSets[1].scaling[0];

describe('scaling fit fields added within version 1', () => {
  it.each([
    ['with the new fields', { censoredSizes: [200], censoredProblems: 3, quality: 'two-sizes' as const }],
    ['a poor fit', { censoredSizes: [], censoredProblems: 0, quality: 'poor' as const }],
    ['without them (a file from before them)', {}],
  ])('round-trips a fit %s', (_what, fields) => {
    const report = sampleReport();
    Object.assign(fitOf(report), fields);
    const result = parseReport(serializeReport(report));
    expect(result).toEqual({ ok: true, report });
    if (result.ok) expect(fitOf(result.report)).toMatchObject(fields);
  });

  it.each([
    [{ quality: 'great' }, 'scaling[0].quality'],
    [{ censoredProblems: -1 }, 'scaling[0].censoredProblems'],
    [{ censoredSizes: ['x'] }, 'scaling[0].censoredSizes[0]'],
  ])('refuses %j at its path', (fields, path) => {
    const file = JSON.parse(serializeReport(sampleReport()));
    Object.assign(file.benchmarks[0].summary.optionSets[1].scaling[0], fields);
    const result = parseReport(JSON.stringify(file));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.join('\n')).toContain(path);
  });
});
