// Alerts as the app runs them: the user's rules (checked by core's safe parser on save, evaluated on
// every batch of new metric points, on a timer and after every health run), alerts raised by rules,
// by regression verdicts and by failed health checks, and their delivery to the channels — the app
// (badge and list), the browser's notifications, a webhook (retried with backoff; the URL is a secret
// kept in the settings store, shown redacted, never exported). Cooldowns and the alert lifecycle are
// core's (engine.ts); this class persists and delivers.
import {
  alertStats,
  applySignal,
  backoffDelays,
  configuredChannels,
  DEFAULT_COOLDOWN_MS,
  evaluateCondition,
  healthSignal,
  isRetryable,
  parseCondition,
  recordDelivery,
  redactUrl,
  regressionSignal,
  resolveAlert,
  ruleSignal,
  lintConditionText,
  validateRule,
  validateWebhookUrl,
  webhookPayload,
  type Alert,
  type AlertChannel,
  type AlertRule,
  type AlertSignal,
  type AlertStats,
  type ChannelSettings,
  type ConfiguredChannels,
  type Delivery,
  type RuleWarning,
} from '../core/alerts';
import { BUILTIN_CHECKS } from '../core/health';
import type { HealthCheckResult } from '../core/health/types';
import { shiftedGeometricMean } from '../core/stats';
import type { MetricPoint, SolvePoint, SystemPoint } from '../core/metrics/types';
import type { MetricsStore, AlertStore, Notifier, SettingsStore, WebhookSender } from './ports';
import type { CheckRecord } from './regressions-state.svelte';
import { shownError, type ShownError } from './shown-error';

/** The settings key of the channels (the webhook URL among them). */
export const CHANNELS_KEY = 'alerts.channels';

/** Rules are evaluated at most this often on new metric points, ms. */
export const EVALUATE_MIN_MS = 2_000;

/** What the alerts state needs. */
export interface AlertsDeps {
  store: AlertStore;
  settings?: SettingsStore;
  metrics?: MetricsStore;
  webhook?: WebhookSender;
  notifier?: Notifier;
  appVersion: string;
  now?: () => number;
  newId?: () => string;
  /** Waits between webhook attempts (tests pass a fast one). */
  sleep?: (ms: number) => Promise<void>;
  /** Every template name the app knows (stored benchmarks, baselines, …), for rule warnings; absent: not checked. */
  templates?: () => Promise<readonly string[]>;
  /** Webhook attempts in all (default 4: the first and three retries). */
  webhookAttempts?: number;
  webhookBaseMs?: number;
}

/** A rule as the editor submits it. */
export interface RuleInput {
  id?: string;
  name: string;
  condition: string;
  severity: AlertRule['severity'];
  channels: AlertChannel[];
  cooldownMs: number;
  enabled: boolean;
}

/** Metric points of a window [from, now]. */
interface PointWindow {
  from: number;
  solves: SolvePoint[];
  system: SystemPoint[];
}

/** A field's problem in the rule editor (position: where in the condition text). */
export interface RuleProblem {
  field: string;
  message: string;
  position?: number;
}

/** The ids a check condition may name. */
const CHECK_IDS: readonly string[] = BUILTIN_CHECKS.map((c) => c.id);

const sleepMs = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Rune state of the alerts: rules, alerts, channels, the header badge. */
export class AlertsState {
  rules = $state.raw<AlertRule[]>([]);
  /** Every alert, oldest first. */
  alerts = $state.raw<Alert[]>([]);
  /** Whether a webhook is set (the URL itself is never kept in rune state). */
  webhookSet = $state(false);
  /** The webhook's origin, for display. */
  webhookShown = $state<string | null>(null);
  notificationsEnabled = $state(false);
  permission = $state<'granted' | 'denied' | 'default' | 'unsupported'>('unsupported');
  error = $state.raw<ShownError | null>(null);
  /** Webhook deliveries in flight (tests and the e2e wait for them). */
  delivering = $state(0);
  /** When rules were last evaluated (epoch ms), or null. */
  evaluatedAt = $state<number | null>(null);
  /** The template names a rule's label may name (null: not known, so not checked). */
  knownTemplates = $state.raw<readonly string[] | null>(null);

  readonly active: Alert[] = $derived(this.alerts.filter((a) => a.state === 'active'));
  readonly stats: AlertStats = $derived(alertStats(this.alerts));
  /** The worst severity among active alerts, for the badge's colour. */
  readonly worst = $derived(
    this.active.some((a) => a.severity === 'critical')
      ? 'critical'
      : this.active.some((a) => a.severity === 'warning')
        ? 'warning'
        : this.active.length > 0
          ? 'info'
          : null,
  );

  /** The last write (tests wait for it). */
  saved: Promise<void> = Promise.resolve();
  /** Every delivery started (tests wait for them). */
  deliveries: Promise<void> = Promise.resolve();

  private webhookUrl: string | null = null;
  private readonly now: () => number;
  private readonly newId: () => string;
  private readonly sleep: (ms: number) => Promise<void>;
  private loaded: Promise<void> | null = null;
  private lastEvaluation = 0;
  private evaluating: Promise<void> | null = null;
  private latestChecks: HealthCheckResult[] = [];
  /** The metric points of the rules' longest window, kept in memory between evaluations (null: read it). */
  private cache: PointWindow | null = null;
  // Signals are applied one at a time, so two at once never raise two alerts for one key.
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly deps: AlertsDeps) {
    this.now = deps.now ?? Date.now;
    this.newId = deps.newId ?? (() => crypto.randomUUID());
    this.sleep = deps.sleep ?? sleepMs;
    this.permission = deps.notifier?.permission() ?? 'unsupported';
  }

  /** Reads rules, alerts and channels (once; later calls share it). */
  load(): Promise<void> {
    this.loaded ??= (async () => {
      try {
        const [rules, alerts, channels] = await Promise.all([
          this.deps.store.listRules(),
          this.deps.store.listAlerts(),
          this.deps.settings?.get(CHANNELS_KEY),
        ]);
        this.rules = rules;
        this.alerts = alerts;
        const c = channels as Partial<ChannelSettings> | undefined;
        this.setWebhookState(typeof c?.webhookUrl === 'string' ? c.webhookUrl : null);
        this.notificationsEnabled = c?.notificationsEnabled === true;
      } catch (e) {
        this.error = shownError(e);
      }
    })();
    return this.loaded;
  }

  // ---- rules ------------------------------------------------------------------------------------

  /** Validates and stores a rule (new or edited); the problems instead when it is not valid (nothing stored). */
  async saveRule(input: RuleInput): Promise<RuleProblem[]> {
    await this.load();
    const existing = input.id ? this.rules.find((r) => r.id === input.id) : undefined;
    const candidate = { ...input, id: input.id ?? this.newId(), createdAt: existing?.createdAt ?? this.now() };
    const checked = validateRule(candidate);
    if (!checked.ok) return checked.errors;
    if (checked.rule.channels.includes('webhook') && !this.webhookSet)
      return [{ field: 'channels', message: 'set a webhook URL first, or untick the webhook channel' }];
    await this.deps.store.putRule(checked.rule);
    this.rules = [...this.rules.filter((r) => r.id !== checked.rule.id), checked.rule].sort(
      (a, b) => a.createdAt - b.createdAt,
    );
    return [];
  }

  /** Reads the template names the app knows again (a benchmark may have added one). */
  async refreshTemplates(): Promise<void> {
    const read = this.deps.templates;
    if (!read) return;
    try {
      this.knownTemplates = [...(await read())].sort();
    } catch {
      this.knownTemplates = null; // unknown: rules are not warned about their templates
    }
  }

  /** Why a condition can never fire (or always fires), or names nothing known; [] for one that is fine or does not parse. */
  warningsOf(condition: string): RuleWarning[] {
    return lintConditionText(condition, { templates: this.knownTemplates, checks: CHECK_IDS });
  }

  /** Deletes a rule (its alerts stay in the history). */
  async deleteRule(id: string): Promise<void> {
    await this.deps.store.deleteRule(id);
    this.rules = this.rules.filter((r) => r.id !== id);
  }

  /** Turns a rule on or off. */
  async setEnabled(id: string, enabled: boolean): Promise<void> {
    const rule = this.rules.find((r) => r.id === id);
    if (!rule) return;
    const next = { ...rule, enabled };
    await this.deps.store.putRule(next);
    this.rules = this.rules.map((r) => (r.id === id ? next : r));
  }

  // ---- evaluation -------------------------------------------------------------------------------

  /**
   * New metric points were written: they join the window kept in memory (so a rule over a long window does not
   * re-read the store every few seconds of a benchmark), and the rules are evaluated unless they were a moment ago.
   */
  onMetrics(points: readonly MetricPoint[] = []): void {
    const cache = this.cache;
    if (cache)
      for (const p of points)
        if (p.kind === 'solve') cache.solves.push(p);
        else cache.system.push(p);
    if (this.now() - this.lastEvaluation < EVALUATE_MIN_MS) return;
    void this.evaluate({ cached: true });
  }

  /** A health run finished: failed checks raise alerts, and check rules see the results. */
  async onHealth(results: readonly HealthCheckResult[]): Promise<void> {
    this.latestChecks = [...results];
    for (const r of results) {
      const signal = healthSignal(r);
      if (signal) await this.raise(signal);
    }
    await this.evaluate();
  }

  /** A regression check was made: a regressed or wrong verdict raises an alert with its times and threshold. */
  async onRegressionCheck(record: CheckRecord): Promise<void> {
    const r = record.result;
    const times = r.models.map((m) => m.time).filter((t) => t !== null);
    // The geometric mean (core's SGM, shift 0) over models of each side's per-model SGM, rounded to 0.01 ms (no
    // float noise in the details); null when a side has none or a time is not positive.
    const geo = (xs: number[]) => {
      const g = xs.some((x) => !(x > 0)) ? null : shiftedGeometricMean(xs, 0);
      return g === null ? null : Math.round(g * 100) / 100;
    };
    const signal = regressionSignal({
      template: r.template,
      optionSetId: r.candidateOptionSetId,
      verdict: r.verdict,
      label: r.label,
      currentMs: geo(times.map((t) => t.candidateSgmMs)),
      baselineMs: geo(times.map((t) => t.baselineSgmMs)),
      ratio: r.time?.ratio ?? null,
      thresholdPct: r.thresholdPct,
      baselineId: r.baselineId,
      candidateName: record.candidateName,
    });
    if (signal) await this.raise(signal);
  }

  /**
   * Evaluates every enabled rule against the metrics of its window and the newest check results. `cached` uses the
   * window kept in memory when it covers the rules' longest window (new points join it in onMetrics); otherwise,
   * and by default, the window is read from the store.
   */
  evaluate(opts: { cached?: boolean } = {}): Promise<void> {
    this.evaluating ??= (async () => {
      try {
        await this.load();
        const now = this.now();
        this.lastEvaluation = now;
        const parsed = this.rules
          .filter((r) => r.enabled)
          .map((rule) => ({ rule, parsed: parseCondition(rule.condition) }))
          .filter((x) => x.parsed.ok);
        const longest = Math.max(
          0,
          ...parsed.map((x) => (x.parsed.ok && x.parsed.condition.kind === 'metric' ? x.parsed.condition.windowMs : 0)),
        );
        const { solves, system } = await this.windowPoints(now - longest, now, opts.cached === true && longest > 0);
        for (const { rule, parsed: p } of parsed) {
          if (!p.ok) continue;
          const evaluation = evaluateCondition(p.condition, { solves, system, checks: this.latestChecks }, now);
          if (evaluation.firing) await this.raise(ruleSignal(rule, p.condition, evaluation));
        }
        this.evaluatedAt = now;
      } catch (e) {
        this.error = shownError(e);
      } finally {
        this.evaluating = null;
      }
    })();
    return this.evaluating;
  }

  /** The points of [from, now]: the memory window when asked and it covers `from`, else read (and kept). */
  private async windowPoints(from: number, now: number, cached: boolean): Promise<PointWindow> {
    const m = this.deps.metrics;
    if (!m || from >= now) return { from, solves: [], system: [] };
    const cache = this.cache;
    if (cached && cache && cache.from <= from) {
      cache.solves = cache.solves.filter((p) => p.t >= from);
      cache.system = cache.system.filter((p) => p.t >= from);
      cache.from = from;
      return cache;
    }
    // Points written while the store is read join `fresh` (onMetrics) and are merged without duplicates.
    const fresh: PointWindow = { from, solves: [], system: [] };
    this.cache = fresh;
    const window = { from, to: now + 1 };
    const [solves, system] = await Promise.all([m.listSolves(window), m.listSystem(window)]);
    const key = (p: MetricPoint) => `${p.t}|${p.seq}`;
    const seen: Record<string, true> = Object.create(null);
    for (const p of [...solves, ...system]) seen[key(p)] = true;
    fresh.solves = [...solves, ...fresh.solves.filter((p) => !seen[key(p)])];
    fresh.system = [...system, ...fresh.system.filter((p) => !seen[key(p)])];
    return fresh;
  }

  // ---- raising and delivering ------------------------------------------------------------------

  /** Raises (or refreshes) the alert of a signal; delivers it when its cooldown allows. Resolves to the alert. */
  raise(signal: AlertSignal): Promise<Alert> {
    const next = this.queue.then(() => this.apply(signal));
    this.queue = next.catch(() => {});
    return next;
  }

  private async apply(raised: AlertSignal): Promise<Alert> {
    await this.load();
    const now = this.now();
    // Only channels the user set up are delivered to (or held back): one never set up is not a failed delivery.
    const signal = { ...raised, channels: configuredChannels(raised.channels, this.configured()) };
    const out = applySignal(this.alerts, signal, now, this.newId);
    let alert = out.alert;
    if (out.suppressed)
      for (const channel of signal.channels.filter((c) => c !== 'app'))
        alert = recordDelivery(alert, {
          channel,
          at: now,
          state: 'suppressed',
          attempts: 1,
          detail: `held back by the cooldown: last sent ${Math.round((now - (alert.lastSentAt ?? now)) / 1000)} s ago`,
        });
    this.alerts = out.alerts.map((a) => (a.id === alert.id ? alert : a));
    await this.persist([alert]);
    for (const channel of out.send) this.deliver(alert.id, channel);
    return alert;
  }

  /** Which channels are set up now: a webhook URL saved (and a sender), notifications enabled (and a notifier). */
  private configured(): ConfiguredChannels {
    return {
      webhook: this.webhookSet && this.deps.webhook !== undefined,
      notification: this.notificationsEnabled && this.deps.notifier !== undefined,
    };
  }

  private deliver(alertId: string, channel: AlertChannel): void {
    const job = (async () => {
      const alert = this.alerts.find((a) => a.id === alertId);
      if (!alert) return;
      if (channel === 'notification') {
        const n = this.deps.notifier;
        const ok = this.notificationsEnabled && n?.permission() === 'granted';
        if (ok) n!.show(`${alert.severity}: ${alert.title}`, alert.message, alert.key);
        await this.update(alertId, {
          channel,
          at: this.now(),
          state: ok ? 'sent' : 'failed',
          attempts: 1,
          detail: ok ? null : 'notifications are not allowed or not enabled',
        });
      } else if (channel === 'webhook') await this.postWebhook(alertId);
    })();
    this.deliveries = Promise.all([this.deliveries, job.catch(() => {})]).then(() => {});
  }

  private async postWebhook(alertId: string): Promise<void> {
    const url = this.webhookUrl;
    const sender = this.deps.webhook;
    const alert = this.alerts.find((a) => a.id === alertId)!;
    if (!url || !sender) {
      await this.update(alertId, {
        channel: 'webhook',
        at: this.now(),
        state: 'failed',
        attempts: 0,
        detail: 'no webhook URL set',
      });
      return;
    }
    const body = JSON.stringify(webhookPayload(alert, this.deps.appVersion));
    const delays = backoffDelays(this.deps.webhookAttempts ?? 4, this.deps.webhookBaseMs ?? 1000);
    this.delivering++;
    try {
      for (let attempt = 1; ; attempt++) {
        await this.update(alertId, {
          channel: 'webhook',
          at: this.now(),
          state: 'pending',
          attempts: attempt,
          detail: null,
        });
        const res = await sender.post(url, body);
        const ok = res.status !== null && res.status >= 200 && res.status < 300;
        const last = attempt > delays.length || !isRetryable(res.status);
        if (ok || last) {
          await this.update(alertId, {
            channel: 'webhook',
            at: this.now(),
            state: ok ? 'sent' : 'failed',
            attempts: attempt,
            detail: res.detail,
          });
          return;
        }
        await this.update(alertId, {
          channel: 'webhook',
          at: this.now(),
          state: 'pending',
          attempts: attempt,
          detail: `${res.detail}; retrying in ${delays[attempt - 1] / 1000} s`,
        });
        await this.sleep(delays[attempt - 1]);
      }
    } finally {
      this.delivering--;
    }
  }

  private async update(alertId: string, d: Delivery): Promise<void> {
    const alert = this.alerts.find((a) => a.id === alertId);
    if (!alert) return;
    const next = recordDelivery(alert, d);
    this.alerts = this.alerts.map((a) => (a.id === alertId ? next : a));
    await this.persist([next]);
  }

  /** Resolves an active alert with the user's note. */
  async resolve(id: string, note: string): Promise<void> {
    this.error = null;
    try {
      const { alerts, alert } = resolveAlert(this.alerts, id, note, this.now());
      this.alerts = alerts;
      await this.persist([alert]);
    } catch (e) {
      this.error = shownError(e);
    }
  }

  private persist(alerts: Alert[]): Promise<void> {
    const snapshot = $state.snapshot(alerts) as Alert[];
    this.saved = this.saved
      .then(() => this.deps.store.putAlerts(snapshot))
      .catch((e) => {
        this.error = shownError(e);
      });
    return this.saved;
  }

  // ---- channels ---------------------------------------------------------------------------------

  /** Sets (or clears, with '') the webhook URL; the problem instead when it is not allowed. */
  async setWebhook(text: string): Promise<string | null> {
    const url = text.trim();
    if (url !== '') {
      const problem = validateWebhookUrl(url);
      if (problem) return problem;
    }
    await this.load();
    this.setWebhookState(url === '' ? null : url);
    await this.saveChannels();
    return null;
  }

  /** Asks for the notification permission and enables the channel when granted. */
  async enableNotifications(): Promise<void> {
    const n = this.deps.notifier;
    if (!n) return;
    this.permission = await n.request();
    this.notificationsEnabled = this.permission === 'granted';
    await this.saveChannels();
  }

  /** Turns the notification channel off. */
  async disableNotifications(): Promise<void> {
    this.notificationsEnabled = false;
    await this.saveChannels();
  }

  /** Sends a test alert to the webhook (it does not enter the alert list); resolves to what came back. */
  async testWebhook(): Promise<string> {
    if (!this.webhookUrl || !this.deps.webhook) return 'no webhook URL set';
    const now = this.now();
    const probe: Alert = {
      id: 'test',
      key: 'test',
      source: 'health',
      severity: 'info',
      template: null,
      title: 'Test alert from HiGHS Workbench',
      message: 'If you can read this, the webhook works.',
      details: {},
      state: 'active',
      raisedAt: now,
      lastSeenAt: now,
      occurrences: 1,
      lastSentAt: null,
      deliveries: [],
      resolvedAt: null,
      resolveNote: null,
    };
    const res = await this.deps.webhook.post(
      this.webhookUrl,
      JSON.stringify(webhookPayload(probe, this.deps.appVersion)),
    );
    return res.detail;
  }

  private setWebhookState(url: string | null): void {
    this.webhookUrl = url;
    this.webhookSet = url !== null;
    this.webhookShown = url === null ? null : redactUrl(url);
  }

  private async saveChannels(): Promise<void> {
    const channels: ChannelSettings = { webhookUrl: this.webhookUrl, notificationsEnabled: this.notificationsEnabled };
    await this.deps.settings?.put(CHANNELS_KEY, channels);
  }
}

/** The default cooldown offered in the rule editor, ms. */
export const RULE_DEFAULT_COOLDOWN_MS = DEFAULT_COOLDOWN_MS;
