// The #/health view's state: the health checks (run on demand and on a schedule that defers the checks
// which submit solver work while a benchmark runs, so its timings are not disturbed), their history,
// the metrics of a chosen window (per-template summaries and trends, the system's samples for the
// charts), recommendations drawn from them, and the exports (metrics as JSON and Prometheus text, the
// health report).
import {
  BUILTIN_CHECKS,
  healthReport,
  overallStatus,
  recommend,
  runChecks,
  type HealthCheck,
  type HealthRun,
  type OverallStatus,
  type Recommendation,
} from '../core/health';
import { NO_SYSTEM_SAMPLES, systemSamples, trendSessions, type SystemSamples } from '../core/charts';
import {
  metricsExport,
  summarizeTemplates,
  toPrometheus,
  type SolvePoint,
  type SystemPoint,
  type TemplateSummary,
  type TimeWindow,
  type TrendBucket,
} from '../core/metrics';
import type { AlertsState } from './alerts-state.svelte';
import { healthContextOf, storageEstimateOf } from './health-context';
import type { MetricsRecorder } from './metrics-recorder';
import type { AppServices } from './ports';
import { shownError, type ShownError } from './shown-error';

/** Health runs kept in the history. */
export const HEALTH_KEEP = 200;
/** How often the checks run by themselves while the app is open, ms. */
export const HEALTH_SCHEDULE_MS = 5 * 60_000;
/** The windows the view offers. */
export const WINDOWS = [
  { id: '15m', label: 'last 15 minutes', ms: 15 * 60_000 },
  { id: '1h', label: 'last hour', ms: 3_600_000 },
  { id: '6h', label: 'last 6 hours', ms: 6 * 3_600_000 },
  { id: '24h', label: 'last 24 hours', ms: 86_400_000 },
  { id: '7d', label: 'last 7 days', ms: 7 * 86_400_000 },
  { id: '30d', label: 'last 30 days', ms: 30 * 86_400_000 },
] as const;
/** A window's id. */
export type WindowId = (typeof WINDOWS)[number]['id'];
/** Points per system chart and the most buckets per session of a trend line. */
const CHART_POINTS = 240;
const TREND_BUCKETS = 24;

/** What the health state needs besides the services. */
export interface HealthDeps {
  services: AppServices;
  recorder: MetricsRecorder | null;
  alerts: AlertsState | null;
  /** Whether a benchmark is running now. */
  benchmarkRunning: () => boolean;
  appVersion: string;
  checks?: readonly HealthCheck[];
  now?: () => number;
  newId?: () => string;
}

/** Rune state of #/health. */
export class HealthState {
  lastRun = $state.raw<HealthRun | null>(null);
  /** Runs, newest first. */
  history = $state.raw<HealthRun[]>([]);
  running = $state(false);
  windowId = $state<WindowId>('24h');
  /** The template the metrics are filtered by, or null for all. */
  template = $state<string | null>(null);
  summaries = $state.raw<TemplateSummary[]>([]);
  /** Per template, per session of its solves in the window: solve time and error rate per bucket. */
  buckets = $state.raw<Record<string, TrendBucket[][]>>({});
  /** The window's system samples for the charts: thinned, with their line pieces and restart totals. */
  system = $state.raw<SystemSamples>(NO_SYSTEM_SAMPLES);
  recommendations = $state.raw<Recommendation[]>([]);
  /** Every template with solves in the window. */
  templates = $state.raw<string[]>([]);
  pointCount = $state(0);
  loadingMetrics = $state(false);
  error = $state.raw<ShownError | null>(null);

  readonly overall: OverallStatus = $derived(this.lastRun?.overall ?? 'unknown');

  private timer: ReturnType<typeof setInterval> | undefined;
  private readonly now: () => number;
  private readonly newId: () => string;
  private loaded: Promise<void> | null = null;
  private checksRun: Promise<HealthRun> | null = null;

  constructor(private readonly deps: HealthDeps) {
    this.now = deps.now ?? Date.now;
    this.newId = deps.newId ?? (() => crypto.randomUUID());
  }

  /** The window's bounds now. */
  get window(): { from: number; to: number } {
    const ms = WINDOWS.find((w) => w.id === this.windowId)!.ms;
    const to = this.now() + 1;
    return { from: to - ms, to };
  }

  /** Reads the history (once). */
  load(): Promise<void> {
    this.loaded ??= (async () => {
      try {
        const runs = (await this.deps.services.health?.listRuns(HEALTH_KEEP)) ?? [];
        this.history = runs;
        this.lastRun ??= runs[0] ?? null;
      } catch (e) {
        this.error = shownError(e);
      }
    })();
    return this.loaded;
  }

  /** Runs the checks on a schedule; a scheduled run defers the solver checks while a benchmark runs. */
  startSchedule(everyMs = HEALTH_SCHEDULE_MS): void {
    this.timer ??= setInterval(() => void this.runChecks('scheduled'), everyMs);
  }

  /** Stops the schedule. */
  dispose(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Runs every check (one run at a time: a second call while one runs gets the same run). */
  runChecks(trigger: HealthRun['trigger'] = 'manual'): Promise<HealthRun> {
    this.checksRun ??= this.doRun(trigger).finally(() => (this.checksRun = null));
    return this.checksRun;
  }

  private async doRun(trigger: HealthRun['trigger']): Promise<HealthRun> {
    await this.load();
    this.running = true;
    try {
      const ctx = healthContextOf(this.deps.services, this.now);
      const deferSolver = trigger === 'scheduled' && this.deps.benchmarkRunning();
      const at = this.now();
      const results = await runChecks(this.deps.checks ?? BUILTIN_CHECKS, ctx, {
        skip: (c) => (deferSolver && c.usesSolver ? 'deferred: a benchmark is running (its timings come first)' : null),
      });
      const run: HealthRun = { id: this.newId(), at, trigger, overall: overallStatus(results), results };
      this.lastRun = run;
      this.history = [run, ...this.history].slice(0, HEALTH_KEEP);
      try {
        await this.deps.services.health?.addRun($state.snapshot(run) as HealthRun, HEALTH_KEEP);
      } catch (e) {
        this.error = shownError(e);
      }
      await this.deps.alerts?.onHealth(results);
      return run;
    } finally {
      this.running = false;
    }
  }

  /** Reads the window's metrics and recomputes summaries, trends, the system series and recommendations. */
  async refreshMetrics(): Promise<void> {
    const store = this.deps.services.metrics;
    if (!store) return;
    this.loadingMetrics = true;
    try {
      const { solves, system, window: w } = await this.readWindow();
      this.pointCount = await store.count(); // after the read's flush, so the buffered points count
      this.templates = solves
        .map((s) => s.template)
        .filter((t, i, all) => all.indexOf(t) === i)
        .sort();
      const mine = this.ofTemplate(solves);
      this.summaries = summarizeTemplates(mine, w);
      this.buckets = Object.fromEntries(
        this.summaries.map((s) => [s.template, trendSessions(mine, w, TREND_BUCKETS, s.template)]),
      );
      this.system = systemSamples(system, w, CHART_POINTS);
      const storage = this.deps.services.storage;
      this.recommendations = recommend({
        system,
        solves,
        crossOriginIsolated: this.deps.services.solver.snapshot().crossOriginIsolated,
        now: this.now(),
        storage: storage ? await storageEstimateOf(storage).catch(() => null) : null,
      });
    } catch (e) {
      this.error = shownError(e);
    } finally {
      this.loadingMetrics = false;
    }
  }

  /** The window read (its bounds fixed after the recorder wrote what it buffered), its solves (every template) and system samples. */
  private async readWindow(): Promise<{ solves: SolvePoint[]; system: SystemPoint[]; window: TimeWindow }> {
    const store = this.deps.services.metrics;
    await this.deps.recorder?.flush();
    const w = this.window;
    if (!store) return { solves: [], system: [], window: w };
    const [solves, system] = await Promise.all([store.listSolves(w), store.listSystem(w)]);
    return { solves, system, window: w };
  }

  /** Solves of the chosen template (all without one). */
  private ofTemplate(solves: SolvePoint[]): SolvePoint[] {
    return this.template === null ? solves : solves.filter((s) => s.template === this.template);
  }

  /** The window's solves, filtered by the template, and its system samples. */
  private async windowPoints(): Promise<{ solves: SolvePoint[]; system: SystemPoint[]; window: TimeWindow }> {
    const { solves, system, window } = await this.readWindow();
    return { solves: this.ofTemplate(solves), system, window };
  }

  /** The window's metrics in the Prometheus text format. */
  async prometheusText(): Promise<string> {
    const { solves, system } = await this.windowPoints();
    const latest = this.deps.recorder?.systemPoint() ?? system.at(-1) ?? null;
    return toPrometheus({ solves, system: latest, now: this.now(), appVersion: this.deps.appVersion });
  }

  /** The window's metrics as JSON. */
  async metricsJson(): Promise<string> {
    const { solves, system, window } = await this.windowPoints();
    const doc = metricsExport({
      solves,
      system,
      window,
      template: this.template,
      appVersion: this.deps.appVersion,
      now: this.now(),
    });
    return JSON.stringify(doc, null, 2);
  }

  /** The health report (the last run, the history, the recommendations) as JSON. */
  healthReportJson(): string {
    const nav = globalThis.navigator as Navigator | undefined;
    const report = healthReport({
      results: this.lastRun?.results ?? [],
      history: this.history,
      recommendations: this.recommendations,
      appVersion: this.deps.appVersion,
      environment: {
        userAgent: nav?.userAgent ?? '',
        hardwareConcurrency: nav?.hardwareConcurrency ?? 0,
        crossOriginIsolated: this.deps.services.solver.snapshot().crossOriginIsolated,
      },
      now: this.now(),
    });
    return JSON.stringify(report, null, 2);
  }
}
