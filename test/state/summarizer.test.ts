// The state's summarizer: the services' one when given, else core's functions in-process (as promises).
import { describe, expect, it } from 'vitest';
import { summarize } from '../../src/core/stats';
import { compareBenchmarks } from '../../src/core/compare';
import type { Summarizer } from '../../src/state/ports';
import { inProcessSummarizer, summarizerOf } from '../../src/state/summarizer';
import { compareInputOf, summaryInputOf, syntheticBenchmark } from '../solver/summary-data';

describe('inProcessSummarizer', () => {
  const input = summaryInputOf(syntheticBenchmark('x', 400));

  it("gives core's summary and comparison", async () => {
    expect(await inProcessSummarizer.summarize(input)).toStrictEqual(summarize(input));
    const cmp = compareInputOf(200);
    expect(await inProcessSummarizer.compare(cmp)).toStrictEqual(compareBenchmarks(cmp));
  });

  it('turns a throw into a rejection (like the worker), never a synchronous throw', async () => {
    const bad = { ...input, config: { ...input.config, timeLimitMs: Number.NaN } };
    let pending: Promise<unknown> | undefined;
    expect(() => (pending = inProcessSummarizer.summarize(bad))).not.toThrow();
    await expect(pending).rejects.toThrow(RangeError);
    const badCompare = { ...compareInputOf(50), parameters: { objectiveTolerance: -1 } };
    await expect(inProcessSummarizer.compare(badCompare)).rejects.toThrow(/objectiveTolerance/);
  });
});

describe('summarizerOf', () => {
  it("is the services' summarizer when they have one", () => {
    const worker: Summarizer = {
      summarize: async () => summarize(summaryInputOf(syntheticBenchmark('y', 16))),
      compare: async (i) => compareBenchmarks(i),
      serializeReport: async () => '{}',
      parseReport: async () => ({ ok: false, errors: ['not used'] }),
    };
    expect(summarizerOf({ summarizer: worker })).toBe(worker);
  });

  it('is the in-process one when they have none', () => {
    expect(summarizerOf({})).toBe(inProcessSummarizer);
  });
});
