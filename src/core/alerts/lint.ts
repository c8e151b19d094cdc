// Warnings for a rule that parses but can never fire (or fires on every evaluation): a threshold outside what its
// metric can measure (`error_rate > 5` where a rate is a fraction 0..1, `solve_count < 1` where a window without
// solves has no value at all), `==` on a whole-number metric with a fraction, or a label naming no template, source
// or check that exists. Warnings, not errors: the rule is still saved (a template may be added later). A count
// that is always met (`solve_count > 0`) is what such a rule means and gets no warning.
import { WASM_CEILING_BYTES } from '../health/checks/wasm-memory-headroom';
import type { SolveSource } from '../metrics/types';
import { formatMetricValue } from './evaluate';
import { parseCondition, printMetricExpression } from './rule-parser';
import type { Aggregation, AlertCondition, Comparator, MetricCondition, RuleMetric } from './types';

/** One warning about a rule: what kind, and a sentence that says why and what to write instead. */
export interface RuleWarning {
  kind: 'never' | 'always' | 'unknown-template' | 'unknown-source' | 'unknown-check';
  message: string;
}

/** What a metric's value can be when the window has data: [min, max] (each end open or closed), whole numbers or not. */
export interface MetricRange {
  min: number;
  max: number;
  minOpen: boolean;
  maxOpen: boolean;
  integer: boolean;
}

/** What the rule's labels and checks may name; null (or absent) when it is not known, so nothing is said. */
export interface LintContext {
  templates?: readonly string[] | null;
  checks?: readonly string[] | null;
}

/** The sources a solve point can have (SolveSource). */
export const SOLVE_SOURCES: readonly SolveSource[] = ['run', 'benchmark', 'health'];

const FRACTIONS: readonly RuleMetric[] = ['error_rate', 'success_rate', 'pool_utilization', 'storage_used_ratio'];
/** Aggregations whose value is one of the measured values (so a whole-number metric stays whole). */
const PICKS: readonly Aggregation[] = ['max', 'min', 'last'];

const range = (min: number, max: number, integer = false, minOpen = false): MetricRange => ({
  min,
  max,
  minOpen,
  maxOpen: false,
  integer,
});

/**
 * The values a metric condition can measure. A count (solve_count, or count(…)) is at least 1: a window without
 * data has no value and the rule does not fire. Rates and ratios are fractions 0..1; WASM memory is above 0 (0 means
 * unknown and is left out) and at most the runtime's 2 GiB ceiling; queue depth and restarts are whole numbers when
 * one sample's value is taken (max, min, last), and any number ≥ 0 as a quantile or mean.
 */
export function metricRange(metric: RuleMetric, aggregation: Aggregation): MetricRange {
  if (metric === 'solve_count' || aggregation === 'count') return range(1, Infinity, true);
  if (FRACTIONS.includes(metric)) return range(0, 1);
  if (metric === 'wasm_memory_bytes') return range(0, WASM_CEILING_BYTES, false, true);
  if (metric === 'queue_depth' || metric === 'worker_restarts') return range(0, Infinity, PICKS.includes(aggregation));
  return range(0, Infinity);
}

/** Whether some value in the range satisfies `value comparator threshold`, and whether every value does. */
export function comparisonOverRange(
  r: MetricRange,
  comparator: Comparator,
  threshold: number,
): {
  possible: boolean;
  certain: boolean;
} {
  const t = threshold;
  const inRange = (x: number) => (r.minOpen ? x > r.min : x >= r.min) && (r.maxOpen ? x < r.max : x <= r.max);
  const representable = inRange(t) && (!r.integer || Number.isInteger(t));
  const single = r.min === r.max && !r.minOpen && !r.maxOpen;
  switch (comparator) {
    case '>':
      return { possible: r.max > t, certain: r.min > t || (r.min === t && r.minOpen) };
    case '>=':
      return { possible: r.max > t || (r.max === t && !r.maxOpen), certain: r.min >= t };
    case '<':
      return { possible: r.min < t, certain: r.max < t || (r.max === t && r.maxOpen) };
    case '<=':
      return { possible: r.min < t || (r.min === t && !r.minOpen), certain: r.max <= t };
    case '==':
      return { possible: representable, certain: single && representable };
    case '!=':
      return { possible: !(single && representable), certain: !representable };
  }
}

/** The range in words, for a warning: "a fraction from 0% to 100%", "a whole number of at least 1", … */
function rangeText(c: MetricCondition, r: MetricRange): string {
  const counting = c.aggregation === 'count' || c.metric === 'solve_count';
  const show = (x: number) => (counting ? String(x) : formatMetricValue(c.metric, x));
  const kind = FRACTIONS.includes(c.metric) && !counting ? 'a fraction' : r.integer ? 'a whole number' : 'a value';
  const low = `${r.minOpen ? 'above' : 'at least'} ${show(r.min)}`;
  if (r.max === Infinity) return `${kind} ${low}`;
  return r.minOpen ? `${kind} ${low} and at most ${show(r.max)}` : `${kind} from ${show(r.min)} to ${show(r.max)}`;
}

function metricWarnings(c: MetricCondition): RuleWarning[] {
  const r = metricRange(c.metric, c.aggregation);
  const { possible, certain } = comparisonOverRange(r, c.comparator, c.threshold);
  const expr = printMetricExpression(c);
  const limit = `${c.comparator} ${String(c.threshold)}`;
  if (!possible) {
    const hint =
      FRACTIONS.includes(c.metric) && c.aggregation !== 'count' && c.threshold > 1 && c.threshold <= 100
        ? ` Write ${String(c.threshold)}% for ${String(c.threshold)} percent.`
        : (c.metric === 'solve_count' || c.aggregation === 'count') && c.threshold < 1
          ? ' A window without solves has no value, so the rule does not fire then: watch a template with a count of at least 1 instead, or check the error rate.'
          : '';
    return [
      {
        kind: 'never',
        message: `${expr} is ${rangeText(c, r)}, so "${limit}" is never true: this rule can never fire.${hint}`,
      },
    ];
  }
  // A count is always met once the window has data, and that is the point of `solve_count > 0`: no warning.
  const counting = c.metric === 'solve_count' || c.aggregation === 'count';
  if (certain && !counting)
    return [
      {
        kind: 'always',
        message: `${expr} is ${rangeText(c, r)}, so "${limit}" is always true: this rule fires whenever its window has data.`,
      },
    ];
  return [];
}

const listed = (names: readonly string[]) =>
  names.length === 0
    ? 'none yet'
    : names.length > 8
      ? `${names.slice(0, 8).join(', ')}, … (${names.length} in all)`
      : names.join(', ');

/**
 * What is wrong with a parsed condition that the parser cannot see: a threshold its metric never (or always)
 * meets, a template, source or check id that names nothing known. Template and check names are checked only when
 * the context lists them.
 */
export function lintCondition(condition: AlertCondition, context: LintContext = {}): RuleWarning[] {
  if (condition.kind === 'check') {
    const checks = context.checks;
    if (!checks || checks.includes(condition.checkId)) return [];
    return [
      {
        kind: 'unknown-check',
        message: `there is no health check "${condition.checkId}" (the checks: ${listed(checks)}): this rule can never fire.`,
      },
    ];
  }
  const out = metricWarnings(condition);
  const template = condition.labels.template;
  const templates = context.templates;
  if (template !== undefined && templates && !templates.includes(template))
    out.push({
      kind: 'unknown-template',
      message: `no template is named "${template}" (known: ${listed(templates)}): this rule cannot fire until solves of that template are recorded.`,
    });
  const source = condition.labels.source;
  if (source !== undefined && !(SOLVE_SOURCES as readonly string[]).includes(source))
    out.push({
      kind: 'unknown-source',
      message: `solves come from ${SOLVE_SOURCES.join(', ')}, never from "${source}": this rule can never fire.`,
    });
  return out;
}

/** The warnings of a condition as text (none for text that does not parse: the parser's error says what is wrong). */
export function lintConditionText(text: string, context: LintContext = {}): RuleWarning[] {
  const parsed = parseCondition(text);
  return parsed.ok ? lintCondition(parsed.condition, context) : [];
}
