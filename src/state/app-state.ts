// The app's state and services as components reach them: typed Svelte contexts set once by the
// shell (App.svelte) from what the bootstrap created.
import { createContext } from 'svelte';
import { BenchmarkViewState } from './benchmark-view.svelte';
import { ParametersState } from './parameters-state.svelte';
import { PoolState } from './pool-state.svelte';
import type { AppServices } from './ports';
import { RegressionsState } from './regressions-state.svelte';
import { ReportsState } from './reports-state.svelte';
import { RunWorkspace } from './run-workspace';
import { StorageState } from './storage-state.svelte';
import { AlertsState } from './alerts-state.svelte';
import { HealthState } from './health-state.svelte';
import { APP_INFO } from './app-info';
import { knownTemplates } from './known-templates';
import { TunerState } from './tuner-state.svelte';
import { formatOptionValue, type OptionValue } from '../core/options-schema';

// Every view's state is built here, when the shell creates the app state, and not when its view first mounts:
// Svelte ties a $derived to the component being set up when it is created, and once that component is destroyed
// (its route left) the derived stops updating and keeps returning its last value. Built here, they belong to the
// shell, which lives as long as the page, so a view's state keeps working after its view was left and reopened.
/** State that lives as long as the app: the pool (header and panel), each view's state, alerts and health. */
export class AppState {
  readonly pool: PoolState;
  /** The storage panel's and banners' state (header and shell). */
  readonly storage: StorageState;
  /** The alerts (header badge, #/health), or null without an alert store. */
  readonly alerts: AlertsState | null;
  /** The health checks and metrics of #/health; its schedule runs while the app is open. */
  readonly health: HealthState;
  private unsubscribeMetrics: () => void = () => {};
  private readonly runWorkspace: RunWorkspace;
  private readonly benchmarkView: BenchmarkViewState;
  private readonly reportsView: ReportsState;
  private readonly regressionsView: RegressionsState;
  private readonly parametersView: ParametersState;
  private readonly tunerView: TunerState;

  constructor(readonly services: AppServices) {
    this.pool = new PoolState(services.solver, services.poolSize);
    this.storage = new StorageState(services);
    this.alerts = services.alerts
      ? new AlertsState({
          store: services.alerts,
          settings: services.settings,
          metrics: services.metrics,
          webhook: services.webhook,
          notifier: services.notifier,
          appVersion: APP_INFO.version,
          templates: () => knownTemplates(services),
        })
      : null;
    this.health = new HealthState({
      services,
      recorder: services.recorder ?? null,
      alerts: this.alerts,
      benchmarkRunning: () => this.benchmarkRunning(),
      appVersion: APP_INFO.version,
    });
    // Cheap to build: each reads nothing until its view loads it.
    this.runWorkspace = new RunWorkspace(services);
    this.benchmarkView = new BenchmarkViewState(services);
    this.reportsView = new ReportsState(services);
    this.regressionsView = new RegressionsState(services, {
      onCheck: (record) => void this.alerts?.onRegressionCheck(record),
    });
    this.parametersView = new ParametersState(services);
    this.tunerView = new TunerState(services, (template, options) => void this.openInParameters(template, options));
  }

  /** Starts what runs in the background while the app is open: the metrics recorder, rule evaluation, scheduled health checks. */
  startMonitoring(): void {
    const recorder = this.services.recorder;
    if (recorder) {
      recorder.benchmarkRunning ??= () => this.benchmarkRunning();
      void recorder.start();
      const alerts = this.alerts;
      if (alerts) this.unsubscribeMetrics = recorder.subscribe((points) => alerts.onMetrics(points));
    }
    void this.alerts?.load();
    this.health.startSchedule();
  }

  /** Whether a benchmark (of #/benchmark, a candidate's validation in #/parameters, or a tuning run) is running. */
  benchmarkRunning(): boolean {
    return (
      (this.benchmarkView.runner?.busy ?? false) ||
      (this.parametersView.runner?.busy ?? false) ||
      this.tunerView.running
    );
  }

  /** The run view's state, kept while the app lives. */
  get run(): RunWorkspace {
    return this.runWorkspace;
  }

  /** The benchmark view's state, kept while the app lives, so a run outlives the view. */
  get benchmark(): BenchmarkViewState {
    return this.benchmarkView;
  }

  /** The reports view's state, kept with its selection. */
  get reports(): ReportsState {
    return this.reportsView;
  }

  /** The regressions state (baselines, checks, their history), kept with its checks. */
  get regressions(): RegressionsState {
    return this.regressionsView;
  }

  /** The parameters view's state (blessed sets, the candidate), kept, so a validation outlives the view. */
  get parameters(): ParametersState {
    return this.parametersView;
  }

  /** The tuner's state (#/tune), kept, so a tuning run outlives the view. */
  get tuner(): TunerState {
    return this.tunerView;
  }

  /** Opens #/parameters with `options` as the candidate of `template` (the tuner's "validate"). */
  async openInParameters(template: string, options: Record<string, OptionValue>): Promise<void> {
    const params = this.parametersView;
    await params.load();
    await params.selectTemplate(template);
    const check = params.candidateCheck;
    if (check.descriptors.length === 0) {
      const d = await this.services.solver.describeOptions();
      check.descriptors = d;
      check.form.setDescriptors(d);
    }
    check.form.resetAll();
    for (const [name, value] of Object.entries(options))
      check.form.set(name, typeof value === 'boolean' ? value : formatOptionValue(value));
    location.hash = '#/parameters';
  }

  /** Stops following the pool (the services themselves live as long as the page). */
  dispose(): void {
    this.pool.dispose();
    this.storage.dispose();
    this.health.dispose();
    this.unsubscribeMetrics();
    void this.services.recorder?.stop();
  }
}

/** The services the bootstrap created, for views that build their own state from them. */
export const [getServices, setServices] = createContext<AppServices>();

/** The app's long-lived state. */
export const [getAppState, setAppState] = createContext<AppState>();
