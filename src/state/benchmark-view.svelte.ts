// The #/benchmark view's state: the config editor (opening on the default "Quick start"), the runner
// that runs its definition, the summary of the last benchmark (computed off the main thread by the
// services' summarizer; partial for a cancelled one) and its report, and whether the editor's definition
// has changed since the shown results ran (so they are not read as the edited benchmark's).
import type { BenchmarkData, BenchmarkRun } from '../core/benchmark';
import { definitionChanges, type DefinitionPart } from '../core/benchmark-definition';
import { defaultBenchmark } from '../core/default-benchmark';
import { parseLibrary } from '../core/library';
import type { Report } from '../core/report';
import type { BenchmarkSummary } from '../core/stats';
import type { StoredBenchmark } from '../storage/benchmark-types';
import { BenchmarkEditor } from './benchmark-editor.svelte';
import { BenchmarkRunner } from './benchmark-runner.svelte';
import type { AppServices, Summarizer } from './ports';
import { benchmarkDataOf, buildReport, buildReportFile, type ReportFile } from './report-builder';
import { shownError, type ShownError } from './shown-error';
import { summarizerOf } from './summarizer';

/** A summary with what it summarises. */
interface Summarized {
  benchmark: StoredBenchmark;
  runs: BenchmarkRun[];
  summary: BenchmarkSummary;
  /** Of a benchmark that did not finish (cancelled): only the runs that did. */
  partial: boolean;
}

/** State of the benchmark view; created once per app (the runner keeps going when the view is left). */
export class BenchmarkViewState {
  /** Why the view cannot run benchmarks (no store, no manifest), or null. */
  error = $state.raw<ShownError | null>(null);
  /** The runner, or null where the services have no benchmark store. */
  readonly runner: BenchmarkRunner | null;
  /** The config editor (kept while the app lives, so leaving the view keeps the edits). */
  readonly editor: BenchmarkEditor;
  /** A summary is being computed (off the main thread). */
  summarizing = $state(false);
  /** Why the last summary could not be computed, or null. */
  summaryError = $state.raw<ShownError | null>(null);

  private summarized = $state.raw<Summarized | null>(null);
  /** Bumped by every start or resume: a summary of an older benchmark arriving late is dropped. */
  private generation = 0;
  private started = false;
  private readonly summarizer: Summarizer;

  constructor(private readonly services: AppServices) {
    const { benchmarks } = services;
    this.runner = benchmarks
      ? new BenchmarkRunner({
          solver: services.solver,
          store: benchmarks,
          library: services.library,
          observer: services.observer,
        })
      : null;
    this.editor = new BenchmarkEditor(benchmarks ?? null);
    this.summarizer = summarizerOf(services);
  }

  /** The benchmark the start button runs: the editor's, or null while it has issues (or the library is loading). */
  get definition() {
    return this.editor.definition;
  }

  /** The summary of the last benchmark that finished (or was cancelled with runs), or null. */
  get summary(): BenchmarkSummary | null {
    return this.summarized?.summary ?? null;
  }

  /**
   * What the editor's definition changed since the shown results ran (core's definitionChanges: name,
   * templates, option sets, ...); [] without results, or when they ran the definition being edited.
   */
  readonly resultsChanges: DefinitionPart[] = $derived.by(() => {
    const ran = this.summarized?.benchmark.definition;
    return ran ? definitionChanges(ran, this.editor.candidate) : [];
  });

  /** The summary covers only the finished runs of a cancelled benchmark. */
  get summaryPartial(): boolean {
    return this.summarized?.partial ?? false;
  }

  /** The benchmark the summary is of (its option sets name the summary's rows), or null. */
  get summaryBenchmark(): StoredBenchmark | null {
    return this.summarized?.benchmark ?? null;
  }

  /** The summarised benchmark's raw data (what its charts draw), or null. */
  get summaryData(): BenchmarkData | null {
    const s = this.summarized;
    return s ? benchmarkDataOf(s.benchmark, s.runs) : null;
  }

  /** Loads the default definition, the saved configurations and the interrupted benchmarks (once). */
  async load(): Promise<void> {
    if (this.started) return;
    this.started = true;
    if (!this.runner) {
      this.error = { name: 'Unavailable', message: 'benchmarks need the browser database, which is not available' };
      return;
    }
    void this.loadDescriptors();
    try {
      const library = parseLibrary(await this.services.library.manifest());
      const files = library.models.map((m) => m.file);
      const workers = this.services.solver.snapshot().maxWorkers;
      this.editor.load(defaultBenchmark(files, workers));
      this.editor.libraryFiles = files;
      await Promise.all([this.runner.loadInterrupted(), this.editor.refreshConfigs()]);
    } catch (e) {
      this.error = shownError(e);
    }
  }

  /** Runs the editor's benchmark, then summarises it. */
  async start(): Promise<void> {
    const def = this.definition;
    if (!this.runner || !def || this.runner.busy) return;
    const generation = this.newGeneration();
    await this.runner.start(def);
    await this.summarize(generation);
  }

  /** Resumes a stored interrupted benchmark, then summarises it. */
  async resume(id: string): Promise<void> {
    if (!this.runner || this.runner.busy) return;
    const generation = this.newGeneration();
    await this.runner.resume(id);
    await this.summarize(generation);
  }

  /** The report of the summarised benchmark, or null. */
  report(now: number = Date.now()): Report | null {
    const s = this.summarized;
    return s ? buildReport([{ benchmark: s.benchmark, runs: s.runs, summary: s.summary }], now) : null;
  }

  /** The report as a file: its name and JSON text (written in the summary worker); null before a benchmark was summarised. */
  async reportFile(now: number = Date.now()): Promise<ReportFile | null> {
    const s = this.summarized;
    if (!s) return null;
    return buildReportFile([{ benchmark: s.benchmark, runs: s.runs, summary: s.summary }], now, (r) =>
      this.summarizer.serializeReport(r),
    );
  }

  private newGeneration(): number {
    this.summarized = null;
    this.summaryError = null;
    this.summarizing = false;
    return ++this.generation;
  }

  /**
   * Summarises the runner's benchmark off the main thread, when it finished or was cancelled with
   * runs (partial); a result that arrives after a newer benchmark started is dropped.
   */
  private async summarize(generation: number): Promise<void> {
    const r = this.runner;
    const b = r?.benchmark;
    if (!r || !b || generation !== this.generation) return;
    if ((r.state !== 'finished' && r.state !== 'cancelled') || r.runs.length === 0) return;
    const runs = r.runs;
    const partial = r.state === 'cancelled' || r.done < r.total;
    this.summarizing = true;
    try {
      const summary = await this.summarizer.summarize({
        config: b.config,
        models: b.models,
        optionSets: b.optionSets,
        referenceOptionSetId: b.referenceOptionSetId,
        runs,
      });
      if (generation === this.generation) this.summarized = { benchmark: b, runs, summary, partial };
    } catch (e) {
      if (generation === this.generation) this.summaryError = shownError(e);
    } finally {
      if (generation === this.generation) this.summarizing = false;
    }
  }

  /** HiGHS's option descriptors for the option forms (the solver describes them once a worker is up). */
  private async loadDescriptors(): Promise<void> {
    try {
      this.editor.useDescriptors(await this.services.solver.describeOptions());
    } catch {
      // The option sets keep their options; the forms say they are loading. The run view reports a dead solver.
    }
  }
}
