// The alert lifecycle, pure: a signal raises a new alert or refreshes the active one with the same key, the
// cooldown decides whether it is delivered again, the user resolves it with a note, deliveries are recorded,
// and statistics are counted. Also the signals that regression verdicts and failed health checks raise.
import type { HealthCheckResult } from '../health/types';
import type { Alert, AlertChannel, AlertSeverity, AlertSignal, AlertSource, AlertStats, Delivery } from './types';

/** The cooldown of regression and health signals: at most one delivery per problem every 15 minutes. */
export const DEFAULT_COOLDOWN_MS = 15 * 60_000;

/** The channels regression and health signals use unless told otherwise (the app sends only what is configured). */
export const DEFAULT_SIGNAL_CHANNELS: readonly AlertChannel[] = ['app', 'notification', 'webhook'];

/** Which channels the user set up: a webhook URL is saved; browser notifications were enabled. */
export interface ConfiguredChannels {
  webhook: boolean;
  notification: boolean;
}

/**
 * The channels of a signal that are set up (the app's own list always is), in the signal's order: a channel the user
 * never set up is not attempted, so it never shows as a failed delivery. A set-up channel that then fails (a
 * notification permission revoked, a webhook that answers 500) is attempted and shows its failure.
 */
export function configuredChannels(channels: readonly AlertChannel[], configured: ConfiguredChannels): AlertChannel[] {
  return channels.filter((c) => c === 'app' || configured[c]);
}

/** The longest resolve note. */
export const MAX_RESOLVE_NOTE_LENGTH = 500;

const SEVERITY_RANK: Record<AlertSeverity, number> = { info: 0, warning: 1, critical: 2 };

/** The worse of two severities. */
export function maxSeverity(a: AlertSeverity, b: AlertSeverity): AlertSeverity {
  return SEVERITY_RANK[b] > SEVERITY_RANK[a] ? b : a;
}

/** What applying a signal did: the new list, the alert concerned, the channels to deliver to now, and why not. */
export interface SignalOutcome {
  alerts: Alert[];
  alert: Alert;
  /** 'notification' and 'webhook' channels of the signal due now ('app' only stores: it is never "sent"). */
  send: AlertChannel[];
  /** True when a delivery was held back by the cooldown. */
  suppressed: boolean;
  /** True when this signal opened a new alert (none active with its key). */
  isNew: boolean;
}

function pendingDeliveries(previous: readonly Delivery[], send: readonly AlertChannel[], now: number): Delivery[] {
  return capDeliveries([
    ...previous,
    ...send.map((channel): Delivery => ({ channel, at: now, state: 'pending', attempts: 0, detail: null })),
  ]);
}

/** The most delivery entries an alert keeps (the newest): enough for its recent history, bounded for 50 identical failures. */
export const MAX_DELIVERIES = 20;

const capDeliveries = (ds: Delivery[]): Delivery[] => (ds.length > MAX_DELIVERIES ? ds.slice(-MAX_DELIVERIES) : ds);

/**
 * Applies a signal at now. An active alert with the same key is refreshed (occurrences + 1, lastSeenAt, the worse
 * severity, the newest message and details); otherwise a new alert opens (also when the key's alert was resolved).
 * Delivery is due when the alert was never sent or the signal's cooldown has passed since lastSentAt; then `send`
 * lists its notification and webhook channels, each gets a pending delivery, and lastSentAt becomes now.
 * Within the cooldown `send` is [] and `suppressed` true; the deliveries are left as they were.
 * New alerts are appended to the list.
 */
export function applySignal(
  alerts: readonly Alert[],
  signal: AlertSignal,
  now: number,
  newId: () => string,
): SignalOutcome {
  const index = alerts.findIndex((a) => a.state === 'active' && a.key === signal.key);
  const previous = index >= 0 ? alerts[index] : null;
  const due = previous === null || previous.lastSentAt === null || now - previous.lastSentAt >= signal.cooldownMs;
  const send = due ? signal.channels.filter((c) => c === 'notification' || c === 'webhook') : [];
  const uniqueSend = [...new Set(send)];

  const alert: Alert = previous
    ? {
        ...previous,
        severity: maxSeverity(previous.severity, signal.severity),
        template: signal.template ?? previous.template,
        title: signal.title,
        message: signal.message,
        details: { ...signal.details },
        lastSeenAt: now,
        occurrences: previous.occurrences + 1,
        lastSentAt: due ? now : previous.lastSentAt,
        deliveries: due ? pendingDeliveries(previous.deliveries, uniqueSend, now) : previous.deliveries,
      }
    : {
        id: newId(),
        key: signal.key,
        source: signal.source,
        severity: signal.severity,
        template: signal.template,
        title: signal.title,
        message: signal.message,
        details: { ...signal.details },
        state: 'active',
        raisedAt: now,
        lastSeenAt: now,
        occurrences: 1,
        lastSentAt: now,
        deliveries: pendingDeliveries([], uniqueSend, now),
        resolvedAt: null,
        resolveNote: null,
      };
  const next = previous ? alerts.map((a, i) => (i === index ? alert : a)) : [...alerts, alert];
  return { alerts: next, alert, send: uniqueSend, suppressed: !due, isNew: previous === null };
}

/** Resolves an active alert with the user's note (1..500 characters); throws a clear Error otherwise. */
export function resolveAlert(
  alerts: readonly Alert[],
  id: string,
  note: string,
  now: number,
): { alerts: Alert[]; alert: Alert } {
  const text = typeof note === 'string' ? note.trim() : '';
  if (text.length === 0 || text.length > MAX_RESOLVE_NOTE_LENGTH)
    throw new Error(`a resolve note of 1 to ${MAX_RESOLVE_NOTE_LENGTH} characters is required`);
  const index = alerts.findIndex((a) => a.id === id);
  if (index < 0) throw new Error(`there is no alert ${id}`);
  if (alerts[index].state === 'resolved') throw new Error(`alert ${id} is already resolved`);
  const alert: Alert = { ...alerts[index], state: 'resolved', resolvedAt: now, resolveNote: text };
  return { alerts: alerts.map((a, i) => (i === index ? alert : a)), alert };
}

/**
 * The alert with a delivery recorded in its log: a suppressed delivery folds into a suppressed newest entry of its
 * channel (its `attempts` then counts the deliveries the cooldown held back) and never replaces a pending one (that
 * delivery is still in flight); any other delivery updates the channel's pending series wherever it is in the log;
 * otherwise it is appended.
 */
export function recordDelivery(alert: Alert, delivery: Delivery): Alert {
  let last = -1;
  let pending = -1;
  alert.deliveries.forEach((d, i) => {
    if (d.channel !== delivery.channel) return;
    last = i;
    if (d.state === 'pending') pending = i;
  });
  const newest = last >= 0 ? alert.deliveries[last] : null;
  const [index, replace]: [number, Delivery | null] =
    delivery.state === 'suppressed'
      ? newest?.state === 'suppressed'
        ? [last, { ...delivery, attempts: newest.attempts + delivery.attempts }]
        : [-1, null]
      : pending >= 0
        ? [pending, { ...delivery }]
        : [-1, null];
  const deliveries = replace
    ? alert.deliveries.map((d, i) => (i === index ? replace : d))
    : [...alert.deliveries, { ...delivery }];
  return { ...alert, deliveries: capDeliveries(deliveries) };
}

/** Counts by severity, source and template (most alerts first), for the statistics panel. */
export function alertStats(alerts: readonly Alert[]): AlertStats {
  const bySeverity: Record<AlertSeverity, number> = { critical: 0, warning: 0, info: 0 };
  const bySource: Record<AlertSource, number> = { rule: 0, regression: 0, health: 0 };
  const templates = new Map<string, number>();
  let active = 0;
  for (const a of alerts) {
    bySeverity[a.severity]++;
    bySource[a.source]++;
    if (a.state === 'active') active++;
    if (a.template !== null) templates.set(a.template, (templates.get(a.template) ?? 0) + 1);
  }
  const byTemplate = [...templates]
    .map(([template, count]) => ({ template, count }))
    .sort((a, b) => b.count - a.count || (a.template < b.template ? -1 : a.template > b.template ? 1 : 0));
  return { total: alerts.length, active, bySeverity, byTemplate, bySource };
}

/** What a regression check of a template said, as the regression signal takes it. */
export interface RegressionSignalInput {
  template: string;
  optionSetId: string;
  /** The template's regression verdict (RegressionVerdict): only 'regressed' and 'wrong' raise. */
  verdict: string;
  label: string | null;
  /** Template-wide current (candidate) time, ms. */
  currentMs: number | null;
  /** Template-wide baseline time, ms. */
  baselineMs: number | null;
  /** current ÷ baseline. */
  ratio: number | null;
  thresholdPct: number;
  baselineId: string;
  candidateName: string;
  /** Channels of the signal; DEFAULT_SIGNAL_CHANNELS when absent. */
  channels?: AlertChannel[];
  /** Cooldown of the signal; DEFAULT_COOLDOWN_MS when absent. */
  cooldownMs?: number;
}

function ms(x: number | null): string {
  return x === null ? '?' : `${Number(x.toPrecision(4))} ms`;
}

/** The ratio in words: "22.4% slower than the baseline" above 1, "20.6% faster …" below, "as fast as …" at 1. */
export function ratioWords(ratio: number): string {
  if (ratio === 1) return 'as fast as the baseline';
  const slower = ratio > 1;
  const amount = Number((Math.abs(ratio - 1) * 100).toPrecision(3));
  return `${amount}% ${slower ? 'slower' : 'faster'} than the baseline`;
}

// A 'regressed' verdict is a performance regression only beside a ratio that says slower. The regression rules
// never give one beside a faster ratio, but a signal must never read "regressed, 20% faster" (nor "-20% slower"):
// beside a faster ratio it says the check was flagged and that its time was faster, not that it regressed.
/** The signal of a regression verdict: 'regressed' raises a warning, 'wrong' a critical alert; others none. */
export function regressionSignal(input: RegressionSignalInput): AlertSignal | null {
  if (input.verdict !== 'regressed' && input.verdict !== 'wrong') return null;
  const wrong = input.verdict === 'wrong';
  const ratio = input.ratio !== null && Number.isFinite(input.ratio) ? input.ratio : null;
  const faster = ratio !== null && ratio < 1;
  const times = `${ms(input.currentMs)} against ${ms(input.baselineMs)} (threshold ${input.thresholdPct}%)`;
  const message = wrong
    ? `${input.template} (option set ${input.optionSetId}) gave wrong answers in "${input.candidateName}" against baseline ${input.baselineId}`
    : faster
      ? `${input.template} (option set ${input.optionSetId}) was flagged in "${input.candidateName}", though its time was ${ratioWords(ratio)}: ${times}; see the check's evidence`
      : `${input.template} (option set ${input.optionSetId}) regressed in "${input.candidateName}":${ratio === null ? '' : ` ${ratioWords(ratio)},`} ${times}`;
  return {
    key: `regression:${input.template}:${input.optionSetId}`,
    source: 'regression',
    severity: wrong ? 'critical' : 'warning',
    template: input.template,
    title: wrong
      ? `${input.template}: wrong answers`
      : faster
        ? `${input.template}: regression verdict`
        : `${input.template}: performance regression`,
    message,
    details: {
      verdict: input.verdict,
      label: input.label,
      currentMs: input.currentMs,
      baselineMs: input.baselineMs,
      ratio: input.ratio,
      thresholdPct: input.thresholdPct,
      optionSet: input.optionSetId,
      baselineId: input.baselineId,
      candidate: input.candidateName,
    },
    channels: [...(input.channels ?? DEFAULT_SIGNAL_CHANNELS)],
    cooldownMs: input.cooldownMs ?? DEFAULT_COOLDOWN_MS,
  };
}

/**
 * The signal of a health check result. Only 'fail' raises, with the check's own severity (critical stays
 * critical, warning → warning, info → info); 'warning', 'pass' and 'unknown' raise nothing (a warning is shown
 * by the health view and the overall status, and a rule `check(id) == warning` can alert on it when wanted).
 */
export function healthSignal(
  result: HealthCheckResult,
  options: { channels?: AlertChannel[]; cooldownMs?: number } = {},
): AlertSignal | null {
  if (result.status !== 'fail') return null;
  return {
    key: `health:${result.id}`,
    source: 'health',
    severity: result.severity,
    template: null,
    title: `Health check failed: ${result.name}`,
    message: result.message,
    details: { ...result.details, check: result.id, status: result.status, durationMs: result.durationMs },
    channels: [...(options.channels ?? DEFAULT_SIGNAL_CHANNELS)],
    cooldownMs: options.cooldownMs ?? DEFAULT_COOLDOWN_MS,
  };
}
