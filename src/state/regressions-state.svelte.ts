// The #/regressions view's state: the stored baselines per template (earlier ones kept), baselines
// established from finished benchmarks (per template and option set), checks of any stored benchmark or
// imported report against a template's baseline (off the main thread through the summarizer when it can
// check), and each template's checks over time for its history chart.
//
// Every check's plain summary is stored (the baseline store's addCheck) and read back on load, so a
// template's history outlives a reload; the full evidence of the last checks stays in memory. A template's
// threshold is the newest baseline's (DEFAULT_THRESHOLD_PCT without one) unless the user set another here
// (stored too), which then applies to new baselines and to checks of that template.
import type { BenchmarkRun } from '../core/benchmark';
import type { RegressionHistoryInputPoint } from '../core/charts';
import {
  assertThresholdPct,
  baselineFrom,
  changePoints,
  checkAgainstBaseline,
  DEFAULT_THRESHOLD_PCT,
  REGRESSION_VERDICTS,
  type Baseline,
  type ChangePoint,
  type HistoryPoint,
  type RegressionCheck,
  type RegressionVerdict,
} from '../core/regression';
import type { StoredBenchmark } from '../storage/benchmark-types';
import type { StoredRegressionCheck } from '../storage/parameter-types';
import type { AppServices, BaselineStore, BenchmarkStore, Summarizer } from './ports';
import { benchmarkDataOf } from './report-builder';
import { ranAtOf } from './benchmark-fields';
import { isListed, isValidation, type ReportEntry } from './reports-state.svelte';
import { defaultCheckedOptionSet } from '../core/headless/check';
import { shownError, type ShownError } from './shown-error';
import { summarizerOf } from './summarizer';

/** One check kept for the history: which benchmark, against which baseline, when, and the result. */
export interface CheckRecord {
  id: string;
  /** When the checked benchmark ran (ISO 8601): an imported one's report date, else its start. */
  at: string;
  /** When the check was made (epoch ms). */
  checkedAt: number;
  template: string;
  baselineId: string;
  candidateId: string;
  candidateName: string;
  result: RegressionCheck;
}

/** What a check is asked for: the benchmark, and optionally the baseline, the template and the option set checked. */
export interface CheckRequest {
  candidateId: string;
  /** A chosen baseline; without one, every template of the benchmark that has a baseline is checked against its newest. */
  baselineId?: string;
  /** The candidate's option set; without one, the set with the baseline's options, else the reference set. */
  optionSetId?: string;
}

/** Options of the regressions state (tests pass fixed ids and clocks). */
export interface RegressionsStateOptions {
  newId?: () => string;
  now?: () => number;
  /** Hears every check made (the alerts: a regressed or wrong verdict raises one). */
  onCheck?: (record: CheckRecord) => void;
}

/** The distinct values, in first-seen order (a plain array: nothing here is reactive). */
const distinct = <T>(xs: readonly T[]): T[] => xs.filter((x, i) => xs.indexOf(x) === i);

/** Epoch ms as ISO 8601 text. */
const isoOf = (ms: number): string => new Date(ms).toISOString();

/** The templates of a benchmark's models, in model order. */
export function templatesOf(b: StoredBenchmark): string[] {
  return distinct(b.models.map((m) => m.template));
}

/** When a benchmark ran, ISO 8601: its start (an import's from its report), else an import's report date. */
function ranAt(b: StoredBenchmark): string {
  return isoOf(ranAtOf(b).ms);
}

/** The stored summary of a check: what the history chart and a list show, not the per-model evidence. */
export function checkSummaryOf(record: CheckRecord): StoredRegressionCheck {
  const r = record.result;
  const counts = Object.fromEntries(REGRESSION_VERDICTS.map((v) => [v, 0])) as Record<RegressionVerdict, number>;
  for (const m of r.models) counts[m.verdict]++;
  return {
    id: record.id,
    template: record.template,
    checkedAt: isoOf(record.checkedAt),
    at: record.at,
    baselineId: record.baselineId,
    candidateId: record.candidateId,
    candidateName: record.candidateName,
    optionSetId: r.candidateOptionSetId,
    optionSetName: r.optionSets.candidate.name,
    optionSetKey: r.optionSets.candidate.key,
    sameOptions: r.sameOptions,
    solverVersion: r.solverVersions.candidate,
    thresholdPct: r.thresholdPct,
    verdict: r.verdict,
    label: r.label,
    timeRatio: r.time?.ratio ?? null,
    ci95: r.time ? [r.time.ci95[0], r.time.ci95[1]] : null,
    counts,
  };
}

/** A stored check's series in the history: its option set's options key, else (stored before it) its id, else 'unknown'. */
export function optionSetSeriesOf(c: StoredRegressionCheck): { optionSet: string; optionSetName: string } {
  return {
    optionSet: c.optionSetKey ?? (c.optionSetId || 'unknown'),
    optionSetName: c.optionSetName ?? (c.optionSetId || 'unknown'),
  };
}

/** Rune state of #/regressions and of the establish-baseline buttons; created once per app. */
export class RegressionsState {
  /** Every stored baseline, oldest first. */
  baselines = $state.raw<Baseline[]>([]);
  /** The benchmarks that can be checked (finished, cancelled with runs, imported), newest first. */
  entries = $state.raw<ReportEntry[]>([]);
  /** Whether #/parameters' validation benchmarks are offered for a check too (off by default). */
  showValidation = $state(false);
  /** The checks made since the page loaded, with their evidence, oldest first. */
  checks = $state.raw<CheckRecord[]>([]);
  /** Every check's summary, stored ones included (the history), in the order they were made. */
  history = $state.raw<StoredRegressionCheck[]>([]);
  /** The last store write of a threshold or check (tests and the e2e wait for it). */
  saved: Promise<void> = Promise.resolve();
  /** The checks of the last check request (what the verdict list shows). */
  lastChecks = $state.raw<CheckRecord[]>([]);
  /** Thresholds the user set per template, percent. */
  thresholds = $state.raw<Record<string, number>>({});
  /** The last failure, or null. */
  error = $state.raw<ShownError | null>(null);
  /** What the last establish did, or null. */
  notice = $state.raw<string | null>(null);
  loading = $state(false);
  checking = $state(false);
  establishing = $state(false);

  /** The benchmarks offered for a check: every entry, or all but the validations unless `showValidation`. */
  readonly candidates: ReportEntry[] = $derived(
    this.showValidation ? this.entries : this.entries.filter((e) => !isValidation(e.benchmark)),
  );

  /** The templates that have a baseline, sorted. */
  readonly templates: string[] = $derived(distinct(this.baselines.map((b) => b.template)).sort());

  private readonly store: BaselineStore | null;
  private readonly benchmarks: BenchmarkStore | null;
  private readonly summarizer: Summarizer;
  private readonly newId: () => string;
  private readonly now: () => number;
  private readonly onCheck: ((record: CheckRecord) => void) | undefined;
  private loadToken = 0;

  constructor(services: AppServices, opts: RegressionsStateOptions = {}) {
    this.store = services.baselines ?? null;
    this.benchmarks = services.benchmarks ?? null;
    this.summarizer = summarizerOf(services);
    this.newId = opts.newId ?? (() => crypto.randomUUID());
    this.now = opts.now ?? Date.now;
    this.onCheck = opts.onCheck;
  }

  /** A template's baselines, newest first. */
  baselinesOf(template: string): Baseline[] {
    return this.baselines.filter((b) => b.template === template).reverse();
  }

  /** A template's newest baseline, or undefined. */
  newestBaseline(template: string): Baseline | undefined {
    return this.baselinesOf(template)[0];
  }

  /** A template's threshold, percent: the user's, else the newest baseline's, else the default. */
  thresholdOf(template: string): number {
    return this.thresholds[template] ?? this.newestBaseline(template)?.thresholdPct ?? DEFAULT_THRESHOLD_PCT;
  }

  /** Sets a template's threshold (a percentage in (0, 100)); a bad value sets `error` and changes nothing. */
  setThreshold(template: string, pct: number): boolean {
    try {
      assertThresholdPct(pct);
    } catch (e) {
      this.error = shownError(e);
      return false;
    }
    this.thresholds = { ...this.thresholds, [template]: pct };
    this.persist((store) => store.setThreshold(template, pct));
    return true;
  }

  /** A template's checks (their stored summaries), oldest first. */
  checksOf(template: string): StoredRegressionCheck[] {
    return this.history.filter((c) => c.template === template);
  }

  /** A template's history as core's points (one per check, in check order; a series per option set). */
  historyOf(template: string): HistoryPoint[] {
    return this.checksOf(template).map((c) => ({
      id: c.id,
      at: c.at,
      optionSet: optionSetSeriesOf(c).optionSet,
      verdict: c.verdict,
      timeRatio: c.timeRatio,
    }));
  }

  /** A template's history as its chart takes it: the points with the benchmark, the option set's name and the interval. */
  chartHistoryOf(template: string): RegressionHistoryInputPoint[] {
    return this.checksOf(template).map((c) => ({
      id: c.id,
      at: c.at,
      ...optionSetSeriesOf(c),
      verdict: c.verdict,
      timeRatio: c.timeRatio,
      ci95: c.ci95,
      name: c.candidateName,
    }));
  }

  /** Runs a store write after the previous one; a failure shows in `error` (what is in memory stays). */
  private persist(write: (store: BaselineStore) => Promise<void>): void {
    const store = this.store;
    if (!store) return;
    this.saved = this.saved.then(() =>
      write(store).catch((e: unknown) => {
        this.error = shownError(e);
      }),
    );
  }

  /** The steps of a template's history where performance changed, per option set (core's changePoints, the template's threshold). */
  changePointsOf(template: string): ChangePoint[] {
    return changePoints(this.historyOf(template), this.thresholdOf(template));
  }

  /** Reads the baselines and the checkable benchmarks again. */
  async load(): Promise<void> {
    const token = ++this.loadToken;
    this.loading = true;
    try {
      await this.saved; // a write still under way is read back with the rest
      const store = this.store;
      const [baselines, entries, history, thresholds] = await Promise.all([
        store ? store.list() : Promise.resolve([]),
        this.loadEntries(),
        store ? store.listChecks() : Promise.resolve(this.history),
        store ? store.listThresholds() : Promise.resolve(this.thresholds),
      ]);
      if (token !== this.loadToken) return;
      this.baselines = baselines;
      this.entries = entries;
      this.history = history;
      this.thresholds = thresholds;
      if (!this.store)
        this.error = { name: 'Unavailable', message: 'baselines need the browser database, which is not available' };
    } catch (e) {
      if (token === this.loadToken) this.error = shownError(e);
    } finally {
      if (token === this.loadToken) this.loading = false;
    }
  }

  /**
   * Establishes (and stores, durably) the baseline of one template and option set of a finished benchmark,
   * with the template's threshold unless one is given; earlier baselines are kept. Null (and `error`) when it cannot.
   */
  async establish(
    benchmark: StoredBenchmark,
    runs: readonly BenchmarkRun[],
    template: string,
    optionSetId: string,
    thresholdPct?: number,
  ): Promise<Baseline | null> {
    if (!this.store) {
      this.error = { name: 'Unavailable', message: 'baselines need the browser database, which is not available' };
      return null;
    }
    this.establishing = true;
    this.error = null;
    this.notice = null;
    try {
      if (benchmark.state !== 'finished' && benchmark.state !== 'imported')
        throw new Error(
          `cannot establish a baseline: benchmark "${benchmark.name}" is ${benchmark.state}, not finished`,
        );
      const pct = thresholdPct ?? this.thresholdOf(template);
      const data = benchmarkDataOf($state.snapshot(benchmark) as StoredBenchmark, [...runs]);
      const baseline = baselineFrom(
        data,
        {
          id: this.newId(),
          createdAt: isoOf(this.now()),
          solver: { ...benchmark.solver },
          environment: { ...benchmark.environment },
          thresholdPct: pct,
        },
        template,
        optionSetId,
      );
      await this.store.put(baseline);
      this.baselines = [...this.baselines.filter((b) => b.id !== baseline.id), baseline];
      if (thresholdPct !== undefined && this.thresholds[template] !== thresholdPct) {
        this.thresholds = { ...this.thresholds, [template]: thresholdPct };
        this.persist((store) => store.setThreshold(template, thresholdPct));
      }
      this.notice = `Baseline of ${template} (${baseline.optionSet.name}) established from "${benchmark.name}": ${baseline.runs.length} runs.`;
      return baseline;
    } catch (e) {
      this.error = shownError(e);
      return null;
    } finally {
      this.establishing = false;
    }
  }

  /** Deletes a stored baseline. */
  async removeBaseline(id: string): Promise<void> {
    if (!this.store) return;
    try {
      await this.store.delete(id);
      this.baselines = this.baselines.filter((b) => b.id !== id);
    } catch (e) {
      this.error = shownError(e);
    }
  }

  /**
   * Checks a listed benchmark against a baseline (see CheckRequest); each check is kept in the history.
   * Resolves to the checks made (empty, with `error`, when none could be).
   */
  async check(req: CheckRequest): Promise<CheckRecord[]> {
    this.error = null;
    const entry = this.entries.find((e) => e.benchmark.id === req.candidateId);
    if (!entry) {
      this.error = { name: 'NotFound', message: 'pick a stored benchmark or imported report to check' };
      return [];
    }
    let targets: Baseline[];
    if (req.baselineId) {
      const chosen = this.baselines.find((b) => b.id === req.baselineId);
      if (!chosen) {
        this.error = { name: 'NotFound', message: 'the chosen baseline is no longer stored' };
        return [];
      }
      targets = [chosen];
    } else {
      targets = templatesOf(entry.benchmark)
        .map((t) => this.newestBaseline(t))
        .filter((b) => b !== undefined);
      if (targets.length === 0) {
        const ts = templatesOf(entry.benchmark).join(', ');
        this.error = {
          name: 'NoBaseline',
          message: `no baseline for the templates of "${entry.benchmark.name}" (${ts}): establish one first`,
        };
        return [];
      }
    }
    this.checking = true;
    const made: CheckRecord[] = [];
    try {
      const b = entry.benchmark;
      const data = benchmarkDataOf(b, entry.runs);
      for (const baseline of targets) {
        const optionSetId = req.optionSetId ?? this.defaultOptionSet(b, baseline);
        const input = $state.snapshot({
          baseline,
          candidate: { data, optionSetId, solverVersion: b.solver.version },
          params: { thresholdPct: this.thresholdOf(baseline.template) },
        });
        const result = this.summarizer.checkRegression
          ? await this.summarizer.checkRegression(input)
          : checkAgainstBaseline(input.baseline, input.candidate, input.params);
        made.push({
          id: this.newId(),
          at: ranAt(b),
          checkedAt: this.now(),
          template: baseline.template,
          baselineId: baseline.id,
          candidateId: b.id,
          candidateName: b.name,
          result,
        });
      }
    } catch (e) {
      this.error = shownError(e);
    } finally {
      this.checking = false;
    }
    this.lastChecks = made;
    this.checks = [...this.checks, ...made];
    for (const record of made) this.onCheck?.(record);
    const summaries = made.map(checkSummaryOf);
    this.history = [...this.history, ...summaries];
    for (const summary of summaries) this.persist((store) => store.addCheck(summary));
    await this.saved;
    return made;
  }

  /** The candidate's option set checked by default: the one with the baseline's options (as the check compares them), else the reference set. */
  defaultOptionSet(b: StoredBenchmark, baseline: Baseline): string {
    return defaultCheckedOptionSet(b, baseline);
  }

  private async loadEntries(): Promise<ReportEntry[]> {
    const store = this.benchmarks;
    if (!store) return [];
    const all = await store.listBenchmarks();
    const candidates = all.filter((b) => b.state === 'finished' || b.state === 'cancelled' || b.state === 'imported');
    const runs = await Promise.all(candidates.map((b) => store.listRuns(b.id)));
    return candidates
      .map((benchmark, i) => ({ benchmark, runs: runs[i] }))
      .filter((e) => isListed(e.benchmark, e.runs.length));
  }
}
