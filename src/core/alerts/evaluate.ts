// Evaluating a parsed rule condition against the recorded metric points and health results at a moment, and
// turning a rule's evaluation into the signal the alert engine takes. Pure: the caller supplies the data and now.
import { quantile } from '../stats/descriptive';
import type { HealthCheckResult } from '../health/types';
import type { SolvePoint, SystemPoint } from '../metrics/types';
import { printCondition, printDuration, printMetricExpression } from './rule-parser';
import type {
  Aggregation,
  AlertCondition,
  AlertRule,
  AlertSignal,
  CheckCondition,
  Comparator,
  MetricCondition,
  RuleMetric,
} from './types';

/** What a condition evaluates to now: whether it fires, the measured value (null without data) and a sentence. */
export interface ConditionEvaluation {
  firing: boolean;
  value: number | string | null;
  text: string;
}

/** The data a condition is evaluated on: solve points, system samples and health results (any order). */
export interface EvaluationData {
  solves: readonly SolvePoint[];
  system: readonly SystemPoint[];
  checks: readonly HealthCheckResult[];
}

/** Whether `value comparator threshold` holds. */
export function compare(value: number, comparator: Comparator, threshold: number): boolean {
  switch (comparator) {
    case '>':
      return value > threshold;
    case '>=':
      return value >= threshold;
    case '<':
      return value < threshold;
    case '<=':
      return value <= threshold;
    case '==':
      return value === threshold;
    case '!=':
      return value !== threshold;
  }
}

/** Aggregates values given oldest first (so 'last' is the newest); null for none. */
export function aggregate(values: readonly number[], aggregation: Aggregation): number | null {
  if (values.length === 0) return null;
  switch (aggregation) {
    case 'p50':
      return quantile(values, 0.5);
    case 'p95':
      return quantile(values, 0.95);
    case 'p99':
      return quantile(values, 0.99);
    case 'max':
      return values.reduce((m, v) => (v > m ? v : m), values[0]);
    case 'min':
      return values.reduce((m, v) => (v < m ? v : m), values[0]);
    case 'avg':
      return values.reduce((s, v) => s + v, 0) / values.length;
    case 'count':
      return values.length;
    case 'last':
      return values[values.length - 1];
  }
}

const LABEL_FIELD: Record<string, keyof SolvePoint> = {
  template: 'template',
  model: 'model',
  option_set: 'optionSet',
  status: 'status',
  source: 'source',
};

function byTime<T extends { t: number; seq: number }>(a: T, b: T): number {
  return a.t - b.t || a.seq - b.seq;
}

function matchesLabels(p: SolvePoint, labels: Record<string, string>): boolean {
  for (const key of Object.keys(labels)) {
    const field = Object.prototype.hasOwnProperty.call(LABEL_FIELD, key) ? LABEL_FIELD[key] : undefined;
    if (field === undefined || String(p[field]) !== labels[key]) return false;
  }
  return true;
}

function systemValue(metric: RuleMetric, p: SystemPoint): number | null {
  switch (metric) {
    case 'pool_utilization':
      return p.poolUtilization;
    case 'queue_depth':
      return p.queueDepth;
    case 'worker_restarts':
      return p.workerRestarts;
    case 'js_heap_bytes':
      return p.jsHeapBytes;
    case 'storage_used_ratio':
      return p.storageUsedBytes !== null && p.storageQuotaBytes !== null && p.storageQuotaBytes > 0
        ? p.storageUsedBytes / p.storageQuotaBytes
        : null;
    default:
      return null;
  }
}

/** The measured value of a metric condition over its window ending at now; null when the window has no data. */
export function metricValue(c: MetricCondition, data: EvaluationData, now: number): number | null {
  const from = now - c.windowMs;
  const inWindow = <T extends { t: number }>(p: T) => p.t >= from && p.t <= now;
  switch (c.metric) {
    case 'solve_time_ms':
    case 'error_rate':
    case 'success_rate':
    case 'solve_count':
    case 'wasm_memory_bytes': {
      const solves = data.solves.filter((p) => inWindow(p) && matchesLabels(p, c.labels)).sort(byTime);
      if (solves.length === 0) return null;
      if (c.metric === 'solve_count') return solves.length;
      if (c.metric === 'error_rate') return solves.filter((p) => p.outcome === 'error').length / solves.length;
      if (c.metric === 'success_rate') return solves.filter((p) => p.outcome === 'ok').length / solves.length;
      if (c.metric === 'solve_time_ms')
        return aggregate(
          solves.map((p) => p.timeMs),
          c.aggregation,
        );
      // WASM memory 0 means "unknown" on a solve point: left out.
      return aggregate(
        solves.map((p) => p.wasmMemoryBytes).filter((b) => b > 0),
        c.aggregation,
      );
    }
    default: {
      const values = data.system
        .filter(inWindow)
        .sort(byTime)
        .map((p) => systemValue(c.metric, p))
        .filter((v): v is number => v !== null && Number.isFinite(v));
      return aggregate(values, c.aggregation);
    }
  }
}

/** A metric value as a person reads it: ms, percent, MiB or a plain number. */
export function formatMetricValue(metric: RuleMetric, value: number): string {
  const round = (x: number) => String(Number(x.toPrecision(4)));
  switch (metric) {
    case 'solve_time_ms':
      return `${round(value)} ms`;
    case 'error_rate':
    case 'success_rate':
    case 'pool_utilization':
    case 'storage_used_ratio':
      return `${round(value * 100)}%`;
    case 'wasm_memory_bytes':
    case 'js_heap_bytes':
      return `${round(value / 1024 ** 2)} MiB`;
    default:
      return round(value);
  }
}

function evaluateMetric(c: MetricCondition, data: EvaluationData, now: number): ConditionEvaluation {
  const expr = printMetricExpression(c);
  const window = printDuration(c.windowMs);
  const value = metricValue(c, data, now);
  if (value === null) return { firing: false, value: null, text: `${expr}: no data in the window (${window})` };
  const firing = compare(value, c.comparator, c.threshold);
  const shown = formatMetricValue(c.metric, value);
  const limit = formatMetricValue(c.metric, c.threshold);
  return {
    firing,
    value,
    text: `${expr} is ${shown} over ${window} (${firing ? 'breaches' : 'within'} ${c.comparator} ${limit})`,
  };
}

function evaluateCheck(c: CheckCondition, checks: readonly HealthCheckResult[]): ConditionEvaluation {
  let newest: HealthCheckResult | null = null;
  for (const r of checks) if (r.id === c.checkId && (newest === null || r.at >= newest.at)) newest = r;
  if (newest === null) return { firing: false, value: null, text: `check ${c.checkId}: no result yet` };
  const same = newest.status === c.status;
  const firing = c.comparator === '==' ? same : !same;
  return {
    firing,
    value: newest.status,
    text: `check ${c.checkId} is ${newest.status} (${firing ? 'matches' : 'does not match'} ${c.comparator} ${c.status}): ${newest.message}`,
  };
}

/** Evaluates a condition at now: metric conditions over points with now − window ≤ t ≤ now, checks on their newest result. */
export function evaluateCondition(c: AlertCondition, data: EvaluationData, now: number): ConditionEvaluation {
  return c.kind === 'check' ? evaluateCheck(c, data.checks) : evaluateMetric(c, data, now);
}

/** The signal of a firing rule, for the engine: key `rule:<id>`, the rule's severity, channels and cooldown. */
export function ruleSignal(rule: AlertRule, condition: AlertCondition, evaluation: ConditionEvaluation): AlertSignal {
  const metric = condition.kind === 'metric';
  return {
    key: `rule:${rule.id}`,
    source: 'rule',
    severity: rule.severity,
    template: metric ? (condition.labels.template ?? null) : null,
    title: rule.name,
    message: evaluation.text,
    details: {
      rule: rule.name,
      condition: printCondition(condition),
      value: evaluation.value,
      threshold: metric ? condition.threshold : condition.status,
      comparator: condition.comparator,
      window: metric ? printDuration(condition.windowMs) : null,
      windowMs: metric ? condition.windowMs : null,
    },
    channels: [...rule.channels],
    cooldownMs: rule.cooldownMs,
  };
}
