// The alert rule language: a small hand-written tokenizer and recursive-descent parser for conditions such as
// `p95(solve_time_ms{template="knapsack"}) > 500ms over 1h` or `check(sanity-solve) == fail`, the canonical
// printer (its text parses back to the same condition), the UI's error line, and the validation of a stored rule.
// User text is only ever read character by character: nothing here evaluates it or builds a pattern from it.
import type {
  Aggregation,
  AlertChannel,
  AlertCondition,
  AlertRule,
  AlertSeverity,
  CheckCondition,
  Comparator,
  MetricCondition,
  RuleMetric,
  RuleParseError,
} from './types';

/** The longest condition the parser reads: longer input is refused before tokenizing. */
export const MAX_CONDITION_LENGTH = 500;

/** The window of a metric condition without `over`: one hour. */
export const DEFAULT_WINDOW_MS = 3_600_000;

/** The shortest window a condition may use (1 s). */
export const MIN_WINDOW_MS = 1000;

/** The longest window a condition may use (90 days). */
export const MAX_WINDOW_MS = 90 * 86_400_000;

/** The longest cooldown a rule may have (7 days). */
export const MAX_COOLDOWN_MS = 7 * 86_400_000;

/** The longest rule name. */
export const MAX_RULE_NAME_LENGTH = 80;

/** Every metric a rule may watch, in the order the UI lists them. */
export const RULE_METRICS: readonly RuleMetric[] = [
  'solve_time_ms',
  'error_rate',
  'success_rate',
  'solve_count',
  'wasm_memory_bytes',
  'pool_utilization',
  'queue_depth',
  'worker_restarts',
  'js_heap_bytes',
  'storage_used_ratio',
];

/** The metrics computed from solve points: the only ones that take label filters. */
export const SOLVE_METRICS: readonly RuleMetric[] = [
  'solve_time_ms',
  'error_rate',
  'success_rate',
  'solve_count',
  'wasm_memory_bytes',
];

/** Every aggregation a condition may name. */
export const AGGREGATIONS: readonly Aggregation[] = ['p50', 'p95', 'p99', 'max', 'min', 'avg', 'count', 'last'];

/** The label filters a solve metric accepts, in canonical (printing) order. */
export const RULE_LABELS: readonly string[] = ['template', 'model', 'option_set', 'status', 'source'];

/** The comparators, as the grammar spells them. */
export const COMPARATORS: readonly Comparator[] = ['>', '>=', '<', '<=', '==', '!='];

/** The statuses a check condition may compare with. */
export const CHECK_STATUSES: readonly CheckCondition['status'][] = ['pass', 'warning', 'fail', 'unknown'];

/** The severities a rule may have. */
export const ALERT_SEVERITIES: readonly AlertSeverity[] = ['critical', 'warning', 'info'];

/** The channels a rule may deliver to. */
export const ALERT_CHANNELS: readonly AlertChannel[] = ['app', 'notification', 'webhook'];

// Rates and counts have one meaning over a window, so their aggregation is fixed (an explicit one is refused):
// a rate is the mean of a 0/1 indicator ('avg'), the count is 'count'.
const FIXED_AGGREGATION: Partial<Record<RuleMetric, Aggregation>> = {
  error_rate: 'avg',
  success_rate: 'avg',
  solve_count: 'count',
};

/** The aggregation a metric gets when the condition names none: p95 for solve times, last for the others. */
export function defaultAggregation(metric: RuleMetric): Aggregation {
  return FIXED_AGGREGATION[metric] ?? (metric === 'solve_time_ms' ? 'p95' : 'last');
}

/** Whether a metric's aggregation is fixed by its meaning (rates and counts): naming one is an error. */
export function hasFixedAggregation(metric: RuleMetric): boolean {
  return FIXED_AGGREGATION[metric] !== undefined;
}

type UnitKind = 'time' | 'fraction' | 'bytes';

const METRIC_UNIT: Partial<Record<RuleMetric, UnitKind>> = {
  solve_time_ms: 'time',
  error_rate: 'fraction',
  success_rate: 'fraction',
  pool_utilization: 'fraction',
  storage_used_ratio: 'fraction',
  wasm_memory_bytes: 'bytes',
  js_heap_bytes: 'bytes',
};

const UNITS: readonly { name: string; kind: UnitKind; scale: number }[] = [
  { name: 'ms', kind: 'time', scale: 1 },
  { name: 's', kind: 'time', scale: 1000 },
  { name: '%', kind: 'fraction', scale: 0.01 },
  { name: 'KiB', kind: 'bytes', scale: 1024 },
  { name: 'MiB', kind: 'bytes', scale: 1024 ** 2 },
  { name: 'GiB', kind: 'bytes', scale: 1024 ** 3 },
];

const DURATION_UNITS: readonly { name: string; ms: number }[] = [
  { name: 'd', ms: 86_400_000 },
  { name: 'h', ms: 3_600_000 },
  { name: 'm', ms: 60_000 },
  { name: 's', ms: 1000 },
];

const UNIT_HINT: Record<UnitKind, string> = {
  time: 'a time: ms or s',
  fraction: 'a fraction: %',
  bytes: 'bytes: KiB, MiB or GiB',
};

// ---------------------------------------------------------------------------------------------------------
// Tokenizer

type TokenKind = 'ident' | 'number' | 'string' | 'punct' | 'invalid' | 'end';

interface Token {
  kind: TokenKind;
  /** The source text of the token (for a string, its decoded value is in `value`). */
  text: string;
  value: string | number | null;
  start: number;
}

/** Thrown inside the parser; parseCondition turns it into a RuleParseError. */
class ParseFailure extends Error {
  constructor(
    message: string,
    readonly position: number,
  ) {
    super(message);
  }
}

const TWO_CHAR_PUNCT = ['>=', '<=', '==', '!='];
const ONE_CHAR_PUNCT = '><(){},=%';

function isSpace(c: string): boolean {
  return c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f' || c === '\v';
}
function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}
function isIdentStart(c: string): boolean {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '_';
}
function isIdentPart(c: string): boolean {
  return isIdentStart(c) || isDigit(c);
}
function isCheckIdChar(c: string): boolean {
  return (c >= 'a' && c <= 'z') || isDigit(c) || c === '-';
}

function skipSpace(text: string, pos: number): number {
  while (pos < text.length && isSpace(text[pos])) pos++;
  return pos;
}

/** Reads a number `-?(digits[.digits]|.digits)([eE][+-]?digits)?` at pos; its end, or pos when there is none. */
function scanNumber(text: string, pos: number): number {
  let i = pos;
  if (text[i] === '-') i++;
  const intStart = i;
  while (isDigit(text[i])) i++;
  let digits = i > intStart;
  if (text[i] === '.' && isDigit(text[i + 1])) {
    i++;
    while (isDigit(text[i])) i++;
    digits = true;
  }
  if (!digits) return pos;
  if (text[i] === 'e' || text[i] === 'E') {
    let j = i + 1;
    if (text[j] === '+' || text[j] === '-') j++;
    if (isDigit(text[j])) {
      while (isDigit(text[j])) j++;
      i = j;
    }
  }
  return i;
}

/** The token starting at the first non-space character at or after pos. */
function lex(text: string, from: number): Token {
  const start = skipSpace(text, from);
  if (start >= text.length) return { kind: 'end', text: '', value: null, start: text.length };
  const c = text[start];
  if (isIdentStart(c)) {
    let i = start + 1;
    while (i < text.length && isIdentPart(text[i])) i++;
    return { kind: 'ident', text: text.slice(start, i), value: null, start };
  }
  const numEnd = scanNumber(text, start);
  if (numEnd > start) {
    const raw = text.slice(start, numEnd);
    return { kind: 'number', text: raw, value: Number(raw), start };
  }
  if (c === '"') return lexString(text, start);
  const two = text.slice(start, start + 2);
  if (TWO_CHAR_PUNCT.includes(two)) return { kind: 'punct', text: two, value: null, start };
  if (ONE_CHAR_PUNCT.includes(c)) return { kind: 'punct', text: c, value: null, start };
  return { kind: 'invalid', text: c, value: null, start };
}

/** A double-quoted string with the escapes \" and \\ only. */
function lexString(text: string, start: number): Token {
  let value = '';
  let i = start + 1;
  while (i < text.length) {
    const c = text[i];
    if (c === '"') return { kind: 'string', text: text.slice(start, i + 1), value, start };
    if (c === '\\') {
      const next = text[i + 1];
      if (next === '"' || next === '\\') {
        value += next;
        i += 2;
        continue;
      }
      if (next === undefined) break;
      throw new ParseFailure(`unsupported escape '\\${next}' in a string (only \\" and \\\\ are allowed)`, i);
    }
    value += c;
    i++;
  }
  throw new ParseFailure("expected a closing '\"' of the string, found end of input", text.length);
}

/** How an error message names a token. */
function describeToken(t: Token): string {
  if (t.kind === 'end') return 'end of input';
  const shown = t.text.length > 24 ? `${t.text.slice(0, 24)}…` : t.text;
  return `'${shown}'`;
}

// ---------------------------------------------------------------------------------------------------------
// Parser

class Parser {
  private pos = 0;
  private ahead: Token | null = null;

  constructor(private readonly text: string) {}

  peek(): Token {
    this.ahead ??= lex(this.text, this.pos);
    return this.ahead;
  }

  next(): Token {
    const t = this.peek();
    this.pos = t.kind === 'end' ? this.text.length : t.start + t.text.length;
    this.ahead = null;
    return t;
  }

  fail(expected: string, t: Token = this.peek()): never {
    throw new ParseFailure(`expected ${expected}, found ${describeToken(t)}`, t.start);
  }

  expectPunct(p: string, expected = `'${p}'`): Token {
    const t = this.peek();
    if (t.kind !== 'punct' || t.text !== p) this.fail(expected);
    return this.next();
  }

  condition(): AlertCondition {
    const t = this.peek();
    let cond: AlertCondition;
    if (t.kind === 'ident' && t.text === 'check') cond = this.checkCondition();
    else if (t.kind === 'ident' && (AGGREGATIONS as readonly string[]).includes(t.text)) cond = this.metricCondition();
    else if (t.kind === 'ident' && (RULE_METRICS as readonly string[]).includes(t.text)) cond = this.metricCondition();
    else this.fail('a metric (such as solve_time_ms or error_rate), an aggregation such as p95(…), or check(…)');
    const end = this.peek();
    if (end.kind !== 'end') this.fail('end of condition', end);
    return cond;
  }

  metricCondition(): MetricCondition {
    let aggTok: Token | null = null;
    if ((AGGREGATIONS as readonly string[]).includes(this.peek().text)) {
      aggTok = this.next();
      this.expectPunct('(', `'(' after the aggregation '${aggTok.text}'`);
    }
    const mt = this.peek();
    if (mt.kind !== 'ident' || !(RULE_METRICS as readonly string[]).includes(mt.text))
      this.fail(`a metric (${RULE_METRICS.join(', ')})`);
    this.next();
    const metric = mt.text as RuleMetric;
    if (aggTok && hasFixedAggregation(metric))
      throw new ParseFailure(
        `${metric} takes no aggregation (it is ${metric === 'solve_count' ? 'the count' : 'a rate'} over the window): write ${metric} without ${aggTok.text}(…)`,
        aggTok.start,
      );
    const labels = this.peek().kind === 'punct' && this.peek().text === '{' ? this.labels(metric) : {};
    if (aggTok) this.expectPunct(')', `')' closing ${aggTok.text}(`);
    const comparator = this.comparator();
    const threshold = this.threshold(metric);
    const windowMs = this.window();
    return {
      kind: 'metric',
      metric,
      aggregation: aggTok ? (aggTok.text as Aggregation) : defaultAggregation(metric),
      labels,
      comparator,
      threshold,
      windowMs,
    };
  }

  labels(metric: RuleMetric): Record<string, string> {
    const open = this.next();
    if (!SOLVE_METRICS.includes(metric))
      throw new ParseFailure(
        `labels apply only to solve metrics (${SOLVE_METRICS.join(', ')}); ${metric} takes none`,
        open.start,
      );
    const labels: Record<string, string> = {};
    for (;;) {
      const name = this.peek();
      if (name.kind !== 'ident' || !RULE_LABELS.includes(name.text)) this.fail(`a label (${RULE_LABELS.join(', ')})`);
      this.next();
      if (Object.prototype.hasOwnProperty.call(labels, name.text))
        throw new ParseFailure(`label '${name.text}' is given twice`, name.start);
      this.expectPunct('=', `'=' after the label '${name.text}'`);
      const value = this.peek();
      if (value.kind !== 'string') this.fail('a double-quoted string');
      this.next();
      labels[name.text] = value.value as string;
      const sep = this.peek();
      if (sep.kind === 'punct' && sep.text === ',') {
        this.next();
        continue;
      }
      if (sep.kind === 'punct' && sep.text === '}') {
        this.next();
        return labels;
      }
      this.fail("',' or '}'");
    }
  }

  comparator(): Comparator {
    const t = this.peek();
    if (t.kind !== 'punct' || !(COMPARATORS as readonly string[]).includes(t.text))
      this.fail('a comparator (>, >=, <, <=, ==, !=)');
    this.next();
    return t.text as Comparator;
  }

  finiteNumber(expected: string): Token {
    const t = this.peek();
    if (t.kind !== 'number') this.fail(expected);
    if (!Number.isFinite(t.value)) throw new ParseFailure(`the number ${describeToken(t)} is too large`, t.start);
    return this.next();
  }

  threshold(metric: RuleMetric): number {
    const num = this.finiteNumber('a number');
    let value = num.value as number;
    const u = this.peek();
    const unit = UNITS.find((x) => x.name === u.text && (u.kind === 'ident' || u.kind === 'punct'));
    if (unit) {
      const kind = METRIC_UNIT[metric];
      if (kind !== unit.kind)
        throw new ParseFailure(
          kind
            ? `the unit '${unit.name}' does not apply to ${metric} (${UNIT_HINT[kind]})`
            : `${metric} takes a plain number, without the unit '${unit.name}'`,
          u.start,
        );
      this.next();
      value = tidy(value * unit.scale);
    } else if (u.kind === 'ident' && u.text !== 'over') {
      const kind = METRIC_UNIT[metric];
      this.fail(kind ? `a unit (${UNIT_HINT[kind]}), 'over' or end of condition` : "'over' or end of condition");
    }
    return value;
  }

  window(): number {
    const over = this.peek();
    if (over.kind !== 'ident' || over.text !== 'over') return DEFAULT_WINDOW_MS;
    this.next();
    const num = this.finiteNumber('a duration such as 15m or 1h');
    const u = this.peek();
    const unit = u.kind === 'ident' ? DURATION_UNITS.find((d) => d.name === u.text) : undefined;
    if (!unit) this.fail(`a duration unit (s, m, h or d) after ${num.text}`);
    this.next();
    const ms = Math.round((num.value as number) * unit.ms);
    if (!(ms >= MIN_WINDOW_MS && ms <= MAX_WINDOW_MS))
      throw new ParseFailure(`the window ${num.text}${unit.name} is outside 1s to 90d`, num.start);
    return ms;
  }

  checkCondition(): CheckCondition {
    this.next();
    this.expectPunct('(', "'(' after check");
    const start = skipSpace(this.text, this.pos);
    let end = start;
    while (end < this.text.length && isCheckIdChar(this.text[end])) end++;
    if (end === start) {
      this.pos = start;
      this.ahead = null;
      this.fail("a check id (lowercase letters, digits and '-')");
    }
    const checkId = this.text.slice(start, end);
    this.pos = end;
    this.ahead = null;
    this.expectPunct(')', "')' after the check id");
    const cmp = this.peek();
    if (cmp.kind !== 'punct' || (cmp.text !== '==' && cmp.text !== '!=')) this.fail('== or != after check(…)');
    this.next();
    const st = this.peek();
    if (st.kind !== 'ident' || !(CHECK_STATUSES as readonly string[]).includes(st.text))
      this.fail('a check status (pass, warning, fail or unknown)');
    this.next();
    return {
      kind: 'check',
      checkId,
      comparator: cmp.text as '==' | '!=',
      status: st.text as CheckCondition['status'],
    };
  }
}

/** Removes binary noise of a unit conversion (1.1 × 1000 → 1100, not 1100.0000000000002). */
function tidy(x: number): number {
  return Number(x.toPrecision(15));
}

/** Parses a rule condition; on failure, what was expected, what was found, and where (0-based). */
export function parseCondition(
  text: string,
): { ok: true; condition: AlertCondition } | { ok: false; error: RuleParseError } {
  if (typeof text !== 'string') return { ok: false, error: { message: 'the condition must be text', position: 0 } };
  if (text.length > MAX_CONDITION_LENGTH)
    return {
      ok: false,
      error: {
        message: `the condition is ${text.length} characters long; at most ${MAX_CONDITION_LENGTH} are allowed`,
        position: MAX_CONDITION_LENGTH,
      },
    };
  try {
    return { ok: true, condition: new Parser(text).condition() };
  } catch (e) {
    if (e instanceof ParseFailure) return { ok: false, error: { message: e.message, position: e.position } };
    throw e;
  }
}

function printString(s: string): string {
  let out = '"';
  for (const c of s) out += c === '"' || c === '\\' ? `\\${c}` : c;
  return `${out}"`;
}

/** A window in the largest unit that divides it exactly (seconds with decimals otherwise). */
export function printDuration(ms: number): string {
  for (const u of DURATION_UNITS) if (ms % u.ms === 0) return `${ms / u.ms}${u.name}`;
  return `${ms / 1000}s`;
}

/** The metric part of a condition as the canonical text writes it: `p95(solve_time_ms{template="x"})`. */
export function printMetricExpression(c: MetricCondition): string {
  const keys = RULE_LABELS.filter((k) => Object.prototype.hasOwnProperty.call(c.labels, k));
  const labels = keys.length ? `{${keys.map((k) => `${k}=${printString(c.labels[k])}`).join(', ')}}` : '';
  const inner = `${c.metric}${labels}`;
  return hasFixedAggregation(c.metric) ? inner : `${c.aggregation}(${inner})`;
}

/** The canonical text of a condition: explicit aggregation and window, thresholds in base units; parses back equal. */
export function printCondition(c: AlertCondition): string {
  if (c.kind === 'check') return `check(${c.checkId}) ${c.comparator} ${c.status}`;
  return `${printMetricExpression(c)} ${c.comparator} ${String(c.threshold)} over ${printDuration(c.windowMs)}`;
}

/** The UI's message for a parse error: "at column N: …" (1-based), the text, and a caret under the position. */
export function describeParseError(text: string, err: RuleParseError): string {
  const flat = [...text].map((c) => (isSpace(c) ? ' ' : c)).join('');
  const from = Math.max(0, err.position - 60);
  const to = Math.min(flat.length, from + 100);
  const prefix = from > 0 ? '…' : '';
  const shown = `${prefix}${flat.slice(from, to)}${to < flat.length ? '…' : ''}`;
  const caret = `${' '.repeat(prefix.length + err.position - from)}^`;
  return `at column ${err.position + 1}: ${err.message}\n${shown}\n${caret}`;
}

/** One problem of a rule: the field and what is wrong (the condition's error also carries its position). */
export interface RuleFieldError {
  field: string;
  message: string;
  position?: number;
}

/** Checks a rule as the editor saves it or as it comes back from storage; a clean copy or every problem found. */
export function validateRule(rule: unknown): { ok: true; rule: AlertRule } | { ok: false; errors: RuleFieldError[] } {
  if (typeof rule !== 'object' || rule === null || Array.isArray(rule))
    return { ok: false, errors: [{ field: 'rule', message: 'a rule must be an object' }] };
  const r = rule as Record<string, unknown>;
  const errors: RuleFieldError[] = [];
  const { id, name, condition, severity, channels, cooldownMs, enabled, createdAt } = r;

  if (typeof id !== 'string' || id.length === 0 || id.length > 100)
    errors.push({ field: 'id', message: 'the id must be text of 1 to 100 characters' });
  const trimmed = typeof name === 'string' ? name.trim() : '';
  if (typeof name !== 'string' || trimmed.length === 0 || trimmed.length > MAX_RULE_NAME_LENGTH)
    errors.push({ field: 'name', message: `the name must be 1 to ${MAX_RULE_NAME_LENGTH} characters` });
  if (typeof condition !== 'string') errors.push({ field: 'condition', message: 'the condition must be text' });
  else {
    const parsed = parseCondition(condition);
    if (!parsed.ok)
      errors.push({
        field: 'condition',
        message: describeParseError(condition, parsed.error).split('\n')[0],
        position: parsed.error.position,
      });
  }
  if (typeof severity !== 'string' || !(ALERT_SEVERITIES as readonly string[]).includes(severity))
    errors.push({ field: 'severity', message: `the severity must be one of ${ALERT_SEVERITIES.join(', ')}` });
  if (!Array.isArray(channels) || channels.length === 0)
    errors.push({ field: 'channels', message: 'choose at least one channel' });
  else if (!channels.every((c) => typeof c === 'string' && (ALERT_CHANNELS as readonly string[]).includes(c)))
    errors.push({ field: 'channels', message: `channels must be among ${ALERT_CHANNELS.join(', ')}` });
  else if (new Set(channels).size !== channels.length)
    errors.push({ field: 'channels', message: 'a channel is listed twice' });
  if (typeof cooldownMs !== 'number' || !Number.isInteger(cooldownMs) || cooldownMs < 0 || cooldownMs > MAX_COOLDOWN_MS)
    errors.push({ field: 'cooldownMs', message: 'the cooldown must be a whole number of ms from 0 to 7 days' });
  if (typeof enabled !== 'boolean') errors.push({ field: 'enabled', message: 'enabled must be true or false' });
  if (typeof createdAt !== 'number' || !Number.isFinite(createdAt) || createdAt < 0)
    errors.push({ field: 'createdAt', message: 'createdAt must be an epoch time in ms' });

  if (errors.length) return { ok: false, errors };
  return {
    ok: true,
    rule: {
      id: id as string,
      name: trimmed,
      condition: condition as string,
      severity: severity as AlertSeverity,
      channels: [...(channels as AlertChannel[])],
      cooldownMs: cooldownMs as number,
      enabled: enabled as boolean,
      createdAt: createdAt as number,
    },
  };
}
