// The #/reports view's state: the stored benchmarks (finished, cancelled with runs, imported), a
// selection, one viewed with its summary, reports imported (validated, all or nothing) and exported,
// benchmarks deleted, and two compared side by side.
//
// Which benchmarks are listed: finished ones, cancelled ones that kept runs, and imported ones. Running
// and interrupted benchmarks are left to #/benchmark (where they can be resumed): their runs are not
// final yet, so neither a report nor a comparison of them would hold.
//
// Importing the same report twice is allowed: each import is a new copy with fresh ids (so a report
// exported from this browser imports beside its original), marked with the file and report it came from,
// and keeping when it ran (from its report) apart from when it was imported.
//
// The validation benchmarks of #/parameters are stored like any benchmark but kept apart: listed only when
// the user asks for them (`showValidation`), so they do not bury the user's own benchmarks.
//
// A stored benchmark or benchmark run the app cannot read (an older version's bug, a hand edit) is listed
// apart as damaged, with a delete; the other benchmarks open as usual. So are the tuner's stored runs that the
// app cannot read (until #/tune lists them itself, this is where a damaged one can be seen and deleted).
import type { DamagedRecord } from '../core/backup';
import type { BenchmarkData, BenchmarkRun } from '../core/benchmark';
import type { BenchmarkComparison } from '../core/compare';
import { DEFAULT_MAX_REPORT_BYTES, reportSizeError, type Report, type ReportBenchmark } from '../core/report';
import type { BenchmarkSummary } from '../core/stats';
import type { StoredBenchmark } from '../storage/benchmark-types';
import { importedAtOf, purposeOf, ranAtOf, type RanAt } from './benchmark-fields';
import type { AppServices, BenchmarkStore, Summarizer, TunerStore } from './ports';
import { benchmarkDataOf, buildReportFile, type ReportFile } from './report-builder';
import { shownError, type ShownError } from './shown-error';
import { summarizerOf } from './summarizer';

/** A stored benchmark as the list shows it: its description and its runs. */
export interface ReportEntry {
  benchmark: StoredBenchmark;
  runs: BenchmarkRun[];
}

/** The benchmark being viewed: its summary once computed (null meanwhile or when it failed). */
export interface ViewedReport {
  id: string;
  summary: BenchmarkSummary | null;
}

/** One side of a comparison as the user tells it apart: its name, when it ran and, for an import, when it was imported. */
export interface ComparedSide {
  id: string;
  name: string;
  ranAt: RanAt;
  importedAt: number | null;
}

/** Is this stored benchmark one of #/parameters' validations (listed only on request)? */
export function isValidation(b: StoredBenchmark): boolean {
  return purposeOf(b) === 'validation';
}

/** The comparison shown: A (baseline) and B (new side) by id, and the result. */
export interface ShownComparison {
  a: string;
  b: string;
  result: BenchmarkComparison;
}

/** What import needs of a picked file (a browser File fits): its name, its size and its text. */
export interface ReportFileInput {
  name: string;
  size: number;
  text(): Promise<string>;
}

/** Options of the reports state (tests pass smaller caps and fixed ids). */
export interface ReportsStateOptions {
  /** The largest report file imported, bytes (default DEFAULT_MAX_REPORT_BYTES, 64 MiB). */
  maxBytes?: number;
  /** Makes an id for an imported benchmark (default crypto.randomUUID). */
  newId?: () => string;
  /** The clock (default Date.now). */
  now?: () => number;
}

/** At most this many of a report's errors are listed in the message; the rest are counted. */
export const MAX_SHOWN_IMPORT_ERRORS = 12;

/** A ShownError named InvalidReport for a file: what is wrong with it, one reason a line. */
function invalidReport(file: string, errors: readonly string[]): ShownError {
  const shown = errors.slice(0, MAX_SHOWN_IMPORT_ERRORS).map((e) => `• ${e}`);
  const more = errors.length - shown.length;
  if (more > 0) shown.push(`… and ${more} more`);
  return { name: 'InvalidReport', message: `"${file}" cannot be imported, nothing was stored:\n${shown.join('\n')}` };
}

/** Whether a stored benchmark belongs on #/reports (see the file's comment). */
export function isListed(b: StoredBenchmark, runs: number): boolean {
  return b.state === 'finished' || b.state === 'imported' || (b.state === 'cancelled' && runs > 0);
}

/** A report benchmark as stored by an import: a fresh id, state 'imported', the report's environment and solver. */
export function importedBenchmark(
  report: Report,
  b: ReportBenchmark,
  file: string,
  id: string,
  now: number,
): StoredBenchmark {
  return {
    id,
    name: b.name,
    createdAt: now,
    state: 'imported',
    config: b.config,
    referenceOptionSetId: b.referenceOptionSetId,
    models: b.models,
    optionSets: b.optionSets,
    environment: { ...report.environment },
    solver: { ...report.solver },
    importedFrom: { file, createdAt: report.createdAt, benchmarkId: b.id },
    ...(b.startedAt ? { startedAt: b.startedAt } : {}),
    ...(b.purpose ? { purpose: b.purpose } : {}),
  };
}

/** A stored benchmark with its runs as core's benchmark data. */
export function benchmarkData({ benchmark, runs }: ReportEntry): BenchmarkData {
  return benchmarkDataOf(benchmark, runs);
}

/** Rune state of #/reports; created once per app. */
export class ReportsState {
  /** The listed benchmarks, newest first (validations included: see `shown`). */
  entries = $state.raw<ReportEntry[]>([]);
  /** Whether #/parameters' validation benchmarks are listed too (off by default). */
  showValidation = $state(false);
  /** Stored benchmarks, runs of listed benchmarks and tuning runs that the app cannot read, shown as damaged rows with a delete. */
  damaged = $state.raw<DamagedRecord[]>([]);
  /** Selected ids, in the order they were selected (the first of two is A, the baseline, in a comparison). */
  selected = $state.raw<string[]>([]);
  /** The benchmark being viewed, or null. */
  viewed = $state.raw<ViewedReport | null>(null);
  /** The comparison shown, or null. */
  comparison = $state.raw<ShownComparison | null>(null);
  /** The last failure (load, import, export, delete, summary, comparison), or null. */
  error = $state.raw<ShownError | null>(null);
  /** What the last import stored, or null. */
  notice = $state.raw<string | null>(null);
  /** True while the list is read. */
  loading = $state(false);
  /** True while a file is imported. */
  importing = $state(false);
  /** True while a comparison is computed. */
  comparing = $state(false);

  /** The benchmarks the list shows: every one, or all but the validations unless `showValidation`. */
  readonly shown: ReportEntry[] = $derived(
    this.showValidation ? this.entries : this.entries.filter((e) => !isValidation(e.benchmark)),
  );
  /** How many validation benchmarks are not shown. */
  readonly hiddenValidations: number = $derived(this.entries.length - this.shown.length);
  /** The two sides of the comparison shown (A first), by name and dates; null without a comparison. */
  readonly comparedSides: { a: ComparedSide; b: ComparedSide } | null = $derived.by(() => {
    const c = this.comparison;
    const side = (id: string): ComparedSide | null => {
      const b = this.entries.find((e) => e.benchmark.id === id)?.benchmark;
      return b ? { id, name: b.name, ranAt: ranAtOf(b), importedAt: importedAtOf(b) } : null;
    };
    const a = c && side(c.a);
    const b = c && side(c.b);
    return a && b ? { a, b } : null;
  });

  /** The selected entries, in selection order. */
  readonly selection: ReportEntry[] = $derived(
    this.selected.map((id) => this.entries.find((e) => e.benchmark.id === id)).filter((e) => e !== undefined),
  );
  /** Two benchmarks are selected: they can be compared. */
  readonly canCompare: boolean = $derived(this.selection.length === 2);
  /** The viewed entry, or null. */
  readonly viewedEntry: ReportEntry | null = $derived(
    this.entries.find((e) => e.benchmark.id === this.viewed?.id) ?? null,
  );

  private readonly store: BenchmarkStore | null;
  private readonly tuner: TunerStore | null;
  private readonly summarizer: Summarizer;
  private readonly maxBytes: number;
  private readonly newId: () => string;
  private readonly now: () => number;
  /** Bumped by every load, view and compare: a result for an older request is dropped. */
  private loadToken = 0;
  private viewToken = 0;
  private compareToken = 0;

  constructor(services: AppServices, opts: ReportsStateOptions = {}) {
    this.store = services.benchmarks ?? null;
    this.tuner = services.tuner ?? null;
    this.summarizer = summarizerOf(services);
    this.maxBytes = opts.maxBytes ?? DEFAULT_MAX_REPORT_BYTES;
    this.newId = opts.newId ?? (() => crypto.randomUUID());
    this.now = opts.now ?? Date.now;
  }

  /** True when a selected benchmark is listed under this id. */
  isSelected(id: string): boolean {
    return this.selected.includes(id);
  }

  /** Reads the stored benchmarks and their runs again; a selection or view of one that is gone is dropped. */
  async load(): Promise<void> {
    const store = this.requireStore();
    if (!store) return;
    const token = ++this.loadToken;
    this.loading = true;
    const tuning = this.readDamagedTuningRuns();
    try {
      const all = store.readBenchmarks
        ? await store.readBenchmarks()
        : { benchmarks: await store.listBenchmarks(), damaged: [] };
      const candidates = all.benchmarks.filter(
        (b) => b.state === 'finished' || b.state === 'cancelled' || b.state === 'imported',
      );
      const runs = await Promise.all(
        candidates.map(async (b) =>
          store.readRuns ? store.readRuns(b.id) : { runs: await store.listRuns(b.id), damaged: [] },
        ),
      );
      const tuned = await tuning;
      if (token !== this.loadToken) return;
      if (tuned.error) this.error = tuned.error;
      this.entries = candidates
        .map((benchmark, i) => ({ benchmark, runs: runs[i].runs }))
        .filter((e) => isListed(e.benchmark, e.runs.length));
      this.damaged = [...all.damaged, ...runs.flatMap((r) => r.damaged), ...tuned.damaged];
      const listed = (id: string) => this.entries.some((e) => e.benchmark.id === id);
      this.selected = this.selected.filter(listed);
      if (this.viewed && !listed(this.viewed.id)) this.viewed = null;
      if (this.comparison && !(listed(this.comparison.a) && listed(this.comparison.b))) this.comparison = null;
    } catch (e) {
      if (token === this.loadToken) this.error = shownError(e);
    } finally {
      if (token === this.loadToken) this.loading = false;
    }
  }

  /** The tuner's damaged stored runs (read beside the benchmarks); a failure is returned, so it never hides the benchmarks. */
  private async readDamagedTuningRuns(): Promise<{ damaged: DamagedRecord[]; error: ShownError | null }> {
    try {
      return { damaged: (await this.tuner?.read?.())?.damaged ?? [], error: null };
    } catch (e) {
      return { damaged: [], error: shownError(e) };
    }
  }

  /**
   * Lists the validation benchmarks too, or not; hiding them drops them from the selection, the view and the
   * comparison (nothing hidden stays selected).
   */
  setShowValidation(on: boolean): void {
    this.showValidation = on;
    if (on) return;
    const hidden = (id: string) => this.entries.some((e) => e.benchmark.id === id && isValidation(e.benchmark));
    this.selected = this.selected.filter((id) => !hidden(id));
    if (this.viewed && hidden(this.viewed.id)) this.viewed = null;
    if (this.comparison && (hidden(this.comparison.a) || hidden(this.comparison.b))) this.comparison = null;
  }

  /** Selects or unselects a benchmark. */
  toggle(id: string, on: boolean = !this.isSelected(id)): void {
    if (on && !this.isSelected(id)) this.selected = [...this.selected, id];
    else if (!on) this.selected = this.selected.filter((x) => x !== id);
  }

  /** Shows one benchmark (null: none) and computes its summary through the summarizer. */
  async view(id: string | null): Promise<void> {
    const token = ++this.viewToken;
    const entry = id === null ? undefined : this.entries.find((e) => e.benchmark.id === id);
    if (!entry) {
      this.viewed = null;
      return;
    }
    this.viewed = { id: entry.benchmark.id, summary: null };
    try {
      const summary = await this.summaryOf(entry);
      if (token === this.viewToken) this.viewed = { id: entry.benchmark.id, summary };
    } catch (e) {
      if (token === this.viewToken) this.error = shownError(e);
    }
  }

  /**
   * Imports a report file: the size is checked before the file is read, then the text is validated
   * (parseReport) and every benchmark of it stored in one transaction with a fresh id, and every tuning run it
   * carries as a copy with a fresh id. On any failure nothing stored changes and `error` names the file and
   * what is wrong. Resolves to the new benchmark ids.
   */
  async importFile(file: ReportFileInput): Promise<string[]> {
    const store = this.requireStore();
    if (!store) return [];
    this.importing = true;
    this.notice = null;
    this.error = null;
    try {
      const tooLarge = reportSizeError(file.size, this.maxBytes);
      if (tooLarge) {
        this.error = invalidReport(file.name, [tooLarge]);
        return [];
      }
      let text: string;
      try {
        text = await file.text();
      } catch (e) {
        this.error = invalidReport(file.name, [`the file could not be read: ${shownError(e).message}`]);
        return [];
      }
      const parsed = await this.summarizer.parseReport(text, { maxBytes: this.maxBytes });
      if (!parsed.ok) {
        this.error = invalidReport(file.name, parsed.errors);
        return [];
      }
      const { report } = parsed;
      const tuning = report.tuning ?? [];
      if (report.benchmarks.length === 0 && tuning.length === 0) {
        this.error = invalidReport(file.name, ['benchmarks: the report holds no benchmark and no tuning run']);
        return [];
      }
      const tunerStore = this.tuner;
      if (tuning.length > 0 && !tunerStore) {
        this.error = invalidReport(file.name, ['tuning: tuning runs need the browser database']);
        return [];
      }
      const now = this.now();
      const items = report.benchmarks.map((b) => ({
        benchmark: importedBenchmark(report, b, file.name, this.newId(), now),
        runs: b.runs,
      }));
      // A copy with a fresh id; one that was running where it was exported is not resumed here by itself.
      const runs = tuning.map((t) => ({
        ...t,
        id: this.newId(),
        state: t.state === 'running' ? ('cancelled' as const) : t.state,
      }));
      const put: string[] = [];
      try {
        for (const t of runs) {
          await tunerStore!.put(t);
          put.push(t.id);
        }
        if (items.length > 0) await store.importBenchmarks(items);
      } catch (e) {
        // The benchmarks are stored in one transaction after the tuning runs: on a failure take those back.
        await Promise.allSettled(put.map((id) => tunerStore!.delete(id)));
        const why = shownError(e);
        this.error = {
          name: 'ImportFailed',
          message: `"${file.name}" could not be stored, nothing was stored: ${why.name}: ${why.message}`,
        };
        return [];
      }
      const ids = items.map((i) => i.benchmark.id);
      const parts = [
        ...(ids.length ? [`${ids.length} benchmark${ids.length === 1 ? '' : 's'}`] : []),
        ...(runs.length ? [`${runs.length} tuning run${runs.length === 1 ? '' : 's'} (in #/tune)`] : []),
      ];
      this.notice = `Imported ${parts.join(' and ')} from "${file.name}".`;
      await this.load();
      return ids;
    } finally {
      this.importing = false;
    }
  }

  /** The selected benchmarks (in list order) as one report file, summaries recomputed; null (and `error`) when it cannot be. */
  async exportSelected(): Promise<ReportFile | null> {
    const chosen = this.entries.filter((e) => this.isSelected(e.benchmark.id));
    if (chosen.length === 0) return null;
    this.error = null;
    try {
      const summaries = await Promise.all(chosen.map((e) => this.summaryOf(e)));
      return await buildReportFile(
        chosen.map((e, i) => ({ benchmark: e.benchmark, runs: e.runs, summary: summaries[i] })),
        this.now(),
        (report) => this.summarizer.serializeReport(report),
      );
    } catch (e) {
      this.error = shownError(e);
      return null;
    }
  }

  /** Deletes a stored benchmark and its runs. */
  async remove(id: string): Promise<void> {
    const store = this.requireStore();
    if (!store) return;
    try {
      await store.deleteBenchmark(id);
    } catch (e) {
      this.error = shownError(e);
      return;
    }
    this.selected = this.selected.filter((x) => x !== id);
    if (this.viewed?.id === id) this.viewed = null;
    if (this.comparison && (this.comparison.a === id || this.comparison.b === id)) this.comparison = null;
    await this.load();
  }

  /** Deletes one damaged record (a benchmark with its runs, one benchmark run, or a tuning run), then reads the list again. */
  async deleteDamaged(record: DamagedRecord): Promise<void> {
    const store = this.requireStore();
    if (!store) return;
    try {
      if (record.store === 'tunerRuns') await this.tuner?.deleteDamaged?.(record);
      else await store.deleteDamaged?.(record);
    } catch (e) {
      this.error = shownError(e);
      return;
    }
    await this.load();
  }

  /** Compares the two selected benchmarks: the first selected is A (the baseline), the second B. */
  async compare(): Promise<void> {
    const [a, b] = this.selection;
    if (this.selection.length !== 2) return;
    const token = ++this.compareToken;
    this.comparing = true;
    this.error = null;
    try {
      const result = await this.summarizer.compare({
        a: benchmarkData(a),
        b: benchmarkData(b),
        solverVersions: { a: a.benchmark.solver.version || null, b: b.benchmark.solver.version || null },
        environments: { a: $state.snapshot(a.benchmark.environment), b: $state.snapshot(b.benchmark.environment) },
      });
      if (token === this.compareToken) this.comparison = { a: a.benchmark.id, b: b.benchmark.id, result };
    } catch (e) {
      if (token === this.compareToken) this.error = shownError(e);
    } finally {
      if (token === this.compareToken) this.comparing = false;
    }
  }

  /** Swaps A and B: of the comparison shown (recomputed, B ÷ A the other way round), else of the two selected. */
  async swap(): Promise<void> {
    const pair = this.comparison ? [this.comparison.a, this.comparison.b] : this.selected;
    if (pair.length !== 2) return;
    this.selected = [pair[1], pair[0]];
    if (this.comparison) await this.compare();
  }

  /** A benchmark's summary from its runs, through the summarizer. */
  private summaryOf(e: ReportEntry): Promise<BenchmarkSummary> {
    const b = e.benchmark;
    return this.summarizer.summarize({
      config: b.config,
      models: b.models,
      optionSets: b.optionSets,
      referenceOptionSetId: b.referenceOptionSetId,
      runs: e.runs,
    });
  }

  /** The store, or null with `error` saying why there is none. */
  private requireStore(): BenchmarkStore | null {
    if (!this.store)
      this.error = { name: 'Unavailable', message: 'reports need the browser database, which is not available' };
    return this.store;
  }
}
