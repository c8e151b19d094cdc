// The alerting vocabulary: rules (a condition on a metric or a check, a severity, channels, a cooldown),
// the alerts they and regression verdicts and failed health checks raise, and deliveries to channels.
// Types only; the parser is rule-parser.ts, evaluation evaluate.ts, cooldowns and lifecycle engine.ts.

/** How bad an alert is. */
export type AlertSeverity = 'critical' | 'warning' | 'info';

/** Where an alert is sent: the app's badge and list, the browser's notifications, a webhook. */
export type AlertChannel = 'app' | 'notification' | 'webhook';

/** The comparisons a rule may use. */
export type Comparator = '>' | '>=' | '<' | '<=' | '==' | '!=';

/** How solve points are aggregated over the window. */
export type Aggregation = 'p50' | 'p95' | 'p99' | 'max' | 'min' | 'avg' | 'count' | 'last';

/**
 * The metrics a rule can watch. Solve metrics aggregate the window's solve points (filtered by labels);
 * system metrics aggregate the window's system samples.
 */
export type RuleMetric =
  | 'solve_time_ms'
  | 'error_rate'
  | 'success_rate'
  | 'solve_count'
  | 'wasm_memory_bytes'
  | 'pool_utilization'
  | 'queue_depth'
  | 'worker_restarts'
  | 'js_heap_bytes'
  | 'storage_used_ratio';

/** A condition on a metric: `p95(solve_time_ms{template="knapsack"}) > 500 over 1h`. */
export interface MetricCondition {
  kind: 'metric';
  metric: RuleMetric;
  aggregation: Aggregation;
  /** Label filters on solve points: template, model, option_set, status, source. */
  labels: Record<string, string>;
  comparator: Comparator;
  threshold: number;
  windowMs: number;
}

/** A condition on a health check's status: `check(sanity-solve) == fail`. */
export interface CheckCondition {
  kind: 'check';
  checkId: string;
  comparator: '==' | '!=';
  status: 'pass' | 'warning' | 'fail' | 'unknown';
}

/** A parsed rule condition. */
export type AlertCondition = MetricCondition | CheckCondition;

/** A user's alert rule as stored. */
export interface AlertRule {
  id: string;
  name: string;
  /** The condition as the user wrote it (or as the structured fields print it); parsed on save and on every evaluation. */
  condition: string;
  severity: AlertSeverity;
  channels: AlertChannel[];
  /** No new delivery of this rule's alert sooner than this after the last one. */
  cooldownMs: number;
  enabled: boolean;
  createdAt: number;
}

/** Where an alert came from. */
export type AlertSource = 'rule' | 'regression' | 'health';

/** One delivery attempt series to one channel. */
export interface Delivery {
  channel: AlertChannel;
  /** Epoch ms of the last attempt. */
  at: number;
  state: 'sent' | 'failed' | 'pending' | 'suppressed';
  attempts: number;
  /** Why the last attempt failed, or why it was suppressed (cooldown, permission). */
  detail: string | null;
}

/** An alert: raised once per key while active, counting its occurrences; resolved by the user with a note. */
export interface Alert {
  id: string;
  /** The identity of "the same problem": e.g. `rule:<id>`, `regression:<template>:<option set>`, `health:<check id>`. */
  key: string;
  source: AlertSource;
  severity: AlertSeverity;
  /** The template concerned, or null. */
  template: string | null;
  title: string;
  message: string;
  /** Plain facts: for a performance alert the current and baseline times and the threshold. */
  details: Record<string, string | number | boolean | null>;
  state: 'active' | 'resolved';
  raisedAt: number;
  lastSeenAt: number;
  /** How many times the condition was seen while this alert was active. */
  occurrences: number;
  /** Epoch ms of the last delivery to the channels (cooldown starts here), or null. */
  lastSentAt: number | null;
  deliveries: Delivery[];
  resolvedAt: number | null;
  resolveNote: string | null;
}

/** Something that happened which may raise or refresh an alert. */
export interface AlertSignal {
  key: string;
  source: AlertSource;
  severity: AlertSeverity;
  template: string | null;
  title: string;
  message: string;
  details: Record<string, string | number | boolean | null>;
  channels: AlertChannel[];
  cooldownMs: number;
}

/** The alert channels' settings (the webhook URL is a secret: never exported, never shown in full). */
export interface ChannelSettings {
  webhookUrl: string | null;
  notificationsEnabled: boolean;
}

/** Counts of alerts by severity and template, for the statistics panel. */
export interface AlertStats {
  total: number;
  active: number;
  bySeverity: Record<AlertSeverity, number>;
  byTemplate: { template: string; count: number }[];
  bySource: Record<AlertSource, number>;
}

/** A rule condition the parser refused: what is wrong and where (0-based character offset). */
export interface RuleParseError {
  message: string;
  position: number;
}
