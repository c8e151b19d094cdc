// The summary worker: its API table (what workers/summary.worker.ts exposes) gives exactly core's
// summary and comparison after a structured clone each way, and the client (src/solver/summary-client.ts)
// starts one worker lazily, reuses it, rejects pending calls when it crashes and starts a new one after.
import { describe, expect, it } from 'vitest';
import * as Comlink from 'comlink';
import { summarize } from '../../src/core/stats';
import { compareBenchmarks } from '../../src/core/compare';
import { REPORT_SCHEMA, REPORT_VERSION, parseReport, serializeReport, type Report } from '../../src/core/report';
import { SUMMARY_WORKER_CRASHED, SummaryClient } from '../../src/solver/summary-client';
import { createSummaryApi } from '../../workers/summary-api';
import { PortWorker } from './fake-workers';
import { compareInputOf, summaryInputOf, syntheticBenchmark } from './summary-data';

/** An in-process summary worker: the real API behind Comlink on one end of a MessageChannel. */
function summaryWorker(): PortWorker {
  const { port1, port2 } = new MessageChannel();
  Comlink.expose(createSummaryApi(), port1 as unknown as Comlink.Endpoint);
  return new PortWorker(port2, port1);
}

/** A client over in-process workers, keeping each worker it made. */
function client(): { c: SummaryClient; made: PortWorker[] } {
  const made: PortWorker[] = [];
  const c = new SummaryClient(() => {
    const w = summaryWorker();
    made.push(w);
    return w;
  });
  return { c, made };
}

/** Is every object in the value a plain object or array (no class instance, Map, function)? */
function plainData(value: unknown): boolean {
  if (typeof value === 'function' || typeof value === 'bigint' || typeof value === 'symbol') return false;
  if (value === null || typeof value !== 'object') return true;
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== Array.prototype) return false;
  return Object.values(value).every(plainData);
}

describe('the summary worker API', () => {
  const input = summaryInputOf(syntheticBenchmark('x', 2000));
  const api = createSummaryApi();

  it('summarizes exactly as core does, through a structured clone each way', () => {
    const got = structuredClone(api.summarize(structuredClone(input)));
    const want = summarize(input);
    expect(want.optionSets[1].speedup).not.toBeNull();
    expect(want.correctness).toBeTruthy();
    expect(got).toStrictEqual(want);
  });

  it('returns only plain data, which survives the worker boundary whole', () => {
    expect(plainData(api.summarize(input))).toBe(true);
    expect(plainData(api.compare(compareInputOf(400)))).toBe(true);
    expect(plainData(new Map())).toBe(false); // the check can fail
  });

  it('writes and reads report JSON exactly as core does, through structured clones', () => {
    // Reports name models by SHA-256: give the synthetic models 64-hex ids.
    const raw = syntheticBenchmark('r', 300);
    const hex = (id: string) =>
      [...id]
        .map((c) => c.charCodeAt(0).toString(16).padStart(2, '0'))
        .join('')
        .padEnd(64, '0');
    const b = {
      ...raw,
      models: raw.models.map((m) => ({ ...m, id: hex(m.id) })),
      runs: raw.runs.map((r) => ({ ...r, modelId: hex(r.modelId) })),
    };
    const report: Report = {
      schema: REPORT_SCHEMA,
      version: REPORT_VERSION,
      createdAt: '2026-11-23T00:00:00.000Z',
      app: { name: 'HiGHS Workbench', version: '0.0.0' },
      solver: { name: 'highs', version: '1.15.1' },
      environment: { userAgent: 'test', hardwareConcurrency: 2, crossOriginIsolated: true },
      benchmarks: [{ ...b, summary: summarize(summaryInputOf(b)) }],
    };
    const text = api.serializeReport(structuredClone(report));
    expect(text).toBe(serializeReport(report));
    expect(text.length).toBeGreaterThan(10_000);
    expect(structuredClone(api.parseReport(text))).toStrictEqual(parseReport(text));
    expect(api.parseReport(text.slice(0, 100))).toStrictEqual(parseReport(text.slice(0, 100)));
    // What core refuses, the worker refuses the same way (the synthetic ids are not SHA-256).
    expect(() =>
      api.serializeReport({ ...report, benchmarks: [{ ...raw, summary: report.benchmarks[0].summary }] }),
    ).toThrow(/models\[0\]\.id: expected a SHA-256/);
  });

  it('compares exactly as core does, through a structured clone each way', () => {
    const cmp = compareInputOf(800);
    const got = structuredClone(api.compare(structuredClone(cmp)));
    const want = compareBenchmarks(cmp);
    expect(JSON.stringify(want)).toContain('objective');
    expect(got).toStrictEqual(want);
  });
});

describe('SummaryClient', () => {
  const input = summaryInputOf(syntheticBenchmark('x', 400));

  it('starts no worker until the first call, then one worker for every call', async () => {
    const { c, made } = client();
    expect(made).toHaveLength(0);
    const [s1, s2] = await Promise.all([c.summarize(input), c.summarize(input)]);
    const cmp = compareInputOf(200);
    expect(await c.compare(cmp)).toStrictEqual(compareBenchmarks(cmp));
    expect(s1).toStrictEqual(summarize(input));
    expect(s2).toStrictEqual(s1);
    expect(made).toHaveLength(1);
    expect(c.workersStarted).toBe(1);
    c.dispose();
    expect(made[0].terminated).toBe(true);
  });

  it('rejects the calls pending on a crashed worker at once, and the next call starts a new worker', async () => {
    const { c, made } = client();
    const pending = c.summarize(input);
    made[0].crash('out of memory');
    await expect(pending).rejects.toMatchObject({
      name: SUMMARY_WORKER_CRASHED,
      message: expect.stringContaining('the summary worker crashed: out of memory'),
    });
    expect(made[0].terminated).toBe(true);
    expect(await c.summarize(input)).toStrictEqual(summarize(input));
    expect(made).toHaveLength(2);
  });

  it('treats a worker that exits like one that crashed', async () => {
    const { c, made } = client();
    const pending = c.compare(compareInputOf(200));
    made[0].exit();
    await expect(pending).rejects.toMatchObject({
      name: SUMMARY_WORKER_CRASHED,
      message: expect.stringContaining('exited'),
    });
    await expect(c.summarize(input)).resolves.toBeTruthy();
    expect(made).toHaveLength(2);
  });

  it("passes core's error on with its name and message, and keeps the worker", async () => {
    const { c, made } = client();
    const bad = { ...input, config: { ...input.config, timeLimitMs: 0 } };
    await expect(c.summarize(bad)).rejects.toMatchObject({
      name: 'RangeError',
      message: 'config.timeLimitMs must be a finite number > 0, got 0',
    });
    await expect(c.summarize(input)).resolves.toBeTruthy();
    expect(made).toHaveLength(1);
  });

  it('says clearly when the input cannot cross to the worker', async () => {
    const { c } = client();
    const bad = { ...input, models: [{ ...input.models[0], name: (() => 'x') as unknown as string }] };
    await expect(c.summarize(bad)).rejects.toMatchObject({
      name: 'DataCloneError',
      message: expect.stringContaining('only plain data crosses'),
    });
  });

  it('rejects with a clear error when no worker can be started, and tries again on the next call', async () => {
    let attempts = 0;
    const c = new SummaryClient(() => {
      attempts++;
      if (attempts === 1) throw new Error('Worker is not defined');
      return summaryWorker();
    });
    await expect(c.summarize(input)).rejects.toMatchObject({
      name: SUMMARY_WORKER_CRASHED,
      message: 'the summary worker could not be started: Worker is not defined',
    });
    await expect(c.summarize(input)).resolves.toBeTruthy();
    expect(attempts).toBe(2);
  });

  it('rejects a call pending when the client is disposed', async () => {
    const { c } = client();
    const pending = c.summarize(input);
    c.dispose();
    await expect(pending).rejects.toMatchObject({ name: SUMMARY_WORKER_CRASHED });
  });
});
