// The #/benchmark view's state: the default definition (read-only for now), the runner that runs it,
// the summary of a finished benchmark and its report.
import type { BenchmarkDefinition } from '../core/benchmark';
import { defaultBenchmark } from '../core/default-benchmark';
import { parseLibrary } from '../core/library';
import { REPORT_SCHEMA, REPORT_VERSION, serializeReport, type Report } from '../core/report';
import { summarize, type BenchmarkSummary } from '../core/stats';
import { BenchmarkRunner } from './benchmark-runner.svelte';
import { environment } from './benchmark-session';
import type { AppServices } from './ports';
import { shownError, type ShownError } from './shown-error';

/** A timestamp in ISO 8601 (UTC). */
const isoTime = (ms: number): string => new Date(ms).toISOString();

/** The app as a report names it (package.json's name and version). */
export const APP_INFO = { name: 'HiGHS Workbench', version: '0.1.0' } as const;

/** State of the benchmark view; created once per app (the runner keeps going when the view is left). */
export class BenchmarkViewState {
  /** The benchmark the start button runs; null until the library's manifest is read. */
  definition = $state.raw<BenchmarkDefinition | null>(null);
  /** Why the view cannot run benchmarks (no store, no manifest), or null. */
  error = $state.raw<ShownError | null>(null);
  /** The runner, or null where the services have no benchmark store. */
  readonly runner: BenchmarkRunner | null;

  /**
   * The summary of the finished benchmark, from the runner's runs. Computed on the main thread: fine
   * for the small default benchmark, but large benchmarks must summarise off the main thread (in a worker).
   */
  readonly summary: BenchmarkSummary | null = $derived.by(() => {
    const r = this.runner;
    const b = r?.benchmark;
    if (!r || !b || r.state !== 'finished' || r.runs.length === 0) return null;
    return summarize({
      config: b.config,
      models: b.models,
      optionSets: b.optionSets,
      referenceOptionSetId: b.referenceOptionSetId,
      runs: r.runs,
    });
  });

  private started = false;

  constructor(private readonly services: AppServices) {
    const { benchmarks } = services;
    this.runner = benchmarks
      ? new BenchmarkRunner({ solver: services.solver, store: benchmarks, library: services.library })
      : null;
  }

  /** Loads the default definition and the interrupted benchmarks (once). */
  async load(): Promise<void> {
    if (this.started) return;
    this.started = true;
    if (!this.runner) {
      this.error = { name: 'Unavailable', message: 'benchmarks need the browser database, which is not available' };
      return;
    }
    try {
      const library = parseLibrary(await this.services.library.manifest());
      const workers = this.services.solver.snapshot().maxWorkers;
      this.definition = defaultBenchmark(
        library.models.map((m) => m.file),
        workers,
      );
      await this.runner.loadInterrupted();
    } catch (e) {
      this.error = shownError(e);
    }
  }

  /** Runs the default benchmark. */
  async start(): Promise<void> {
    if (!this.runner || !this.definition || this.runner.busy) return;
    await this.runner.start(this.definition);
  }

  /** Resumes a stored interrupted benchmark. */
  async resume(id: string): Promise<void> {
    if (!this.runner || this.runner.busy) return;
    await this.runner.resume(id);
  }

  /** The report of the finished benchmark, or null. */
  report(now: number = Date.now()): Report | null {
    const b = this.runner?.benchmark;
    const summary = this.summary;
    if (!this.runner || !b || !summary) return null;
    return {
      schema: REPORT_SCHEMA,
      version: REPORT_VERSION,
      createdAt: isoTime(now),
      app: { ...APP_INFO },
      solver: { ...b.solver },
      environment: environment(),
      benchmarks: [
        {
          id: b.id,
          name: b.name,
          config: b.config,
          referenceOptionSetId: b.referenceOptionSetId,
          models: b.models,
          optionSets: b.optionSets,
          runs: this.runner.runs,
          summary,
        },
      ],
    };
  }

  /** The report as a file: its name and JSON text; null before a benchmark finished. */
  reportFile(now: number = Date.now()): { name: string; text: string } | null {
    const report = this.report(now);
    if (!report) return null;
    return { name: `highs-workbench-report-${isoTime(now).slice(0, 10)}.json`, text: serializeReport(report) };
  }
}
