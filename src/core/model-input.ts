// Checks a model file before it reaches HiGHS-WASM, which mishandles bad input silently:
// size caps, gzip, UTF-8 and BOM, "is this a model at all", and NaN/infinite numbers
// where HiGHS would quietly misread them. Every failure is an InvalidModelError whose
// message names the file and, where it applies, the line and field.

/** The two text formats HiGHS reads; chooses the parser. */
export type ModelFormat = 'lp' | 'mps';

/** Largest file accepted as given (compressed or not), so a huge upload fails fast instead of exhausting memory. */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;

/** Largest model text accepted after gunzip, so a gzip bomb is stopped while it inflates. */
export const MAX_DECOMPRESSED_BYTES = 256 * 1024 * 1024;

/** Error thrown for bad input; name is 'InvalidModel' so it survives the worker boundary (only name+message cross). */
export class InvalidModelError extends Error {
  readonly name = 'InvalidModel';
  constructor(
    message: string,
    readonly file: string,
    readonly line?: number,
    readonly field?: string,
  ) {
    super(message);
  }
}

/** Builds an InvalidModelError whose message starts with "file[, line N][, field F]: ". */
function invalid(file: string, problem: string, line?: number, field?: number): InvalidModelError {
  let where = file;
  if (line !== undefined) where += `, line ${line}`;
  if (field !== undefined) where += `, field ${field}`;
  return new InvalidModelError(`${where}: ${problem}`, file, line, field === undefined ? undefined : String(field));
}

/** Shortens text quoted in a message: a runaway literal or name could be megabytes long. */
function clip(text: string, max = 40): string {
  return text.length <= max ? text : `${text.slice(0, max)}…`;
}

const MIB = 1024 * 1024;

/** A byte count as the limit is usually written: "64 MiB", "512 KiB", "100 bytes". */
function formatLimit(bytes: number): string {
  if (bytes % MIB === 0) return `${bytes / MIB} MiB`;
  if (bytes % 1024 === 0) return `${bytes / 1024} KiB`;
  return `${bytes} bytes`;
}

// ---------------------------------------------------------------------------
// Bytes: size, gzip, UTF-8
// ---------------------------------------------------------------------------

/** True if the bytes start with the gzip signature 1f 8b, so compressed uploads are found whatever they are called. */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** The name without a trailing ".gz" (any case), so "a.mps.gz" is recognised as MPS. */
export function stripGzSuffix(name: string): string {
  return name.toLowerCase().endsWith('.gz') ? name.slice(0, -3) : name;
}

/** Inflates gzip data with the web-standard DecompressionStream, stopping as soon as the output passes maxBytes. */
export async function gunzip(
  bytes: Uint8Array,
  file: string,
  maxBytes: number = MAX_DECOMPRESSED_BYTES,
): Promise<Uint8Array> {
  if (!isGzip(bytes)) {
    throw invalid(file, 'not valid gzip data (it does not start with the gzip signature 1f 8b)');
  }
  const stream = new DecompressionStream('gzip');
  const writer = stream.writable.getWriter();
  const reader = stream.readable.getReader();
  // Feed the input in the background; its failures surface through the reader too.
  writer
    .write(bytes as Uint8Array<ArrayBuffer>)
    .then(() => writer.close())
    .catch(() => undefined);

  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    let chunk: ReadableStreamReadResult<Uint8Array>;
    try {
      chunk = await reader.read();
    } catch (err) {
      throw invalid(file, `not valid gzip data (${errorText(err)})`);
    }
    if (chunk.done) break;
    total += chunk.value.length;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw invalid(file, `decompresses to more than ${formatLimit(maxBytes)}, over the limit`);
    }
    chunks.push(chunk.value);
  }
  return concatBytes(chunks, total);
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

function concatBytes(chunks: Uint8Array[], total: number): Uint8Array {
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** Decodes strict UTF-8 (rejecting anything else, naming the file and line) and strips a leading BOM with a warning. */
export function decodeText(bytes: Uint8Array, file: string): { text: string; warnings: string[] } {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    const line = at < 0 ? undefined : lineOfByte(bytes, at);
    const detail = at < 0 ? '' : ` (bad byte 0x${bytes[at].toString(16).padStart(2, '0')} at offset ${at})`;
    throw invalid(file, `not valid UTF-8 text${detail}; save the file as UTF-8`, line);
  }
  const warnings: string[] = [];
  if (text.charCodeAt(0) === 0xfeff) {
    text = text.slice(1);
    warnings.push(
      `${file}: removed a UTF-8 byte-order mark (BOM) at the start of the file; ` +
        'HiGHS would misread the first line and silently drop the objective',
    );
  }
  return { text, warnings };
}

/** Offset of the first byte that breaks UTF-8 (RFC 3629: no overlongs, surrogates or > U+10FFFF), or -1. */
function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i];
    if (c < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) need = 1;
    else if (c >= 0xe0 && c <= 0xef) {
      need = 2;
      if (c === 0xe0) lo = 0xa0;
      if (c === 0xed) hi = 0x9f;
    } else if (c >= 0xf0 && c <= 0xf4) {
      need = 3;
      if (c === 0xf0) lo = 0x90;
      if (c === 0xf4) hi = 0x8f;
    } else return i;
    for (let k = 1; k <= need; k++) {
      const d = b[i + k];
      if (d === undefined || d < (k === 1 ? lo : 0x80) || d > (k === 1 ? hi : 0xbf)) return i;
    }
    i += need + 1;
  }
  return -1;
}

function lineOfByte(b: Uint8Array, at: number): number {
  let line = 1;
  for (let i = 0; i < at; i++) if (b[i] === 0x0a) line++;
  return line;
}

// ---------------------------------------------------------------------------
// Format detection and "is there a model here at all"
// ---------------------------------------------------------------------------

const MPS_SNIFF_RE = /^(?:name|rows)(?:[ \t\r]|$)/im;

/** Picks HiGHS's parser for a file: by extension (.lp / .mps, also under .gz, any case), else MPS if a line starts with NAME or ROWS, else LP. */
export function detectFormat(name: string, text: string): ModelFormat {
  const base = stripGzSuffix(name).toLowerCase();
  if (base.endsWith('.lp')) return 'lp';
  if (base.endsWith('.mps')) return 'mps';
  return MPS_SNIFF_RE.test(text) ? 'mps' : 'lp';
}

// A section keyword as the first word of a line, followed by a blank, a comment or the line end.
const LP_SECTION_RE =
  /^[ \t]*(?:minimi[sz]e|minimum|min|maximi[sz]e|maximum|max|subject[ \t]+to|such[ \t]+that|st|s\.t\.|bounds?|generals?|gen|integers?|binary|binaries|bin|semi-continuous|semis?|sos|end)(?=[ \t\r\\]|$)/im;
const MPS_ROWS_RE = /^[ \t]*rows[ \t\r]*$/im;

/** Heuristic "is this an LP/MPS model?": HiGHS's LP reader accepts random text as an empty model, so the caller rejects text without a section keyword. */
export function looksLikeModel(text: string, format: ModelFormat): boolean {
  return (format === 'lp' ? LP_SECTION_RE : MPS_ROWS_RE).test(text);
}

/** True if every line is blank or a comment (LP "\", MPS "*"). */
function isBlankModel(text: string, format: ModelFormat): boolean {
  const comment = format === 'lp' ? '\\' : '*';
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = text.slice(start, end).trim();
    if (line !== '' && !line.startsWith(comment)) return false;
    start = end + 1;
  }
  return true;
}

// ---------------------------------------------------------------------------
// Numbers, read the way C's strtod reads them (which is what HiGHS uses)
// ---------------------------------------------------------------------------

/** How a number literal reads: finite, infinite (inf/infinity or a literal that overflows), or NaN. */
type NumberKind = 'finite' | 'infinite' | 'nan';

const isDigit = (c: number) => c >= 48 && c <= 57;
const isHexDigit = (c: number) => isDigit(c) || ((c | 0x20) >= 97 && (c | 0x20) <= 102);
const isSign = (c: number) => c === 43 || c === 45; // + -

/** Case-insensitive test that s[at..end) starts with the lower-case word w. */
function startsWithCI(s: string, at: number, end: number, w: string): boolean {
  if (at + w.length > end) return false;
  for (let k = 0; k < w.length; k++) {
    if ((s.charCodeAt(at + k) | 0x20) !== w.charCodeAt(k)) return false;
  }
  return true;
}

/**
 * End of the longest number at s[start..end) as strtod reads it (decimal, hexadecimal,
 * inf/infinity, nan or nan(chars), any case; a leading sign only when allowSign), or start if none.
 */
function scanNumber(s: string, start: number, end: number, allowSign: boolean): number {
  const i = allowSign && start < end && isSign(s.charCodeAt(start)) ? start + 1 : start;
  if (startsWithCI(s, i, end, 'infinity')) return i + 8;
  if (startsWithCI(s, i, end, 'inf')) return i + 3;
  if (startsWithCI(s, i, end, 'nan')) return nanEnd(s, i + 3, end);
  const hex = hexEnd(s, i, end);
  if (hex > i) return hex;
  const dec = decimalEnd(s, i, end);
  return dec > i ? dec : start;
}

/** strtod also accepts "nan(chars)". */
function nanEnd(s: string, i: number, end: number): number {
  if (s[i] !== '(') return i;
  let j = i + 1;
  while (j < end && /\w/.test(s[j])) j++;
  return j < end && s[j] === ')' ? j + 1 : i;
}

/**
 * End of an unsigned number literal at i, or i if there is none: decimal (digits, optional point,
 * optional e-exponent) or, with `hex`, hexadecimal such as 0x1A or 0x1.8p3 (p-exponent).
 */
function literalEnd(s: string, i: number, end: number, hex: boolean): number {
  if (hex && !(s[i] === '0' && (s[i + 1] === 'x' || s[i + 1] === 'X'))) return i;
  const isMantissaDigit = hex ? isHexDigit : isDigit;
  const exponentMark = hex ? 'p' : 'e';
  let j = hex ? i + 2 : i;
  const first = j;
  while (j < end && isMantissaDigit(s.charCodeAt(j))) j++;
  let digits = j - first;
  if (j < end && s[j] === '.') {
    const afterPoint = ++j;
    while (j < end && isMantissaDigit(s.charCodeAt(j))) j++;
    digits += j - afterPoint;
  }
  if (digits === 0) return i;
  if (j < end && s[j].toLowerCase() === exponentMark) {
    let k = j + 1;
    if (k < end && isSign(s.charCodeAt(k))) k++;
    if (k < end && isDigit(s.charCodeAt(k))) {
      while (k < end && isDigit(s.charCodeAt(k))) k++;
      j = k;
    }
  }
  return j;
}

/** End of an unsigned decimal literal at i, or i. */
const decimalEnd = (s: string, i: number, end: number): number => literalEnd(s, i, end, false);
/** End of an unsigned hexadecimal literal at i, or i. */
const hexEnd = (s: string, i: number, end: number): number => literalEnd(s, i, end, true);

/** Classifies the number literal s[start..end) found by scanNumber. */
function numberKind(s: string, start: number, end: number): NumberKind {
  const i = isSign(s.charCodeAt(start)) ? start + 1 : start;
  const first = s.charCodeAt(i) | 0x20;
  if (first === 105) return 'infinite'; // i
  if (first === 110) return 'nan'; // n
  const body = s.slice(i, end);
  // Short literals without an exponent cannot overflow; only the rest are evaluated.
  if (body.length < 300 && !/[eEpP]/.test(body)) return 'finite';
  return Number.isFinite(literalValue(body)) ? 'finite' : 'infinite';
}

/** The value of an unsigned decimal or hexadecimal literal. */
function literalValue(body: string): number {
  if (!/^0x/i.test(body)) return Number(body);
  const [mantissa, exponent = '0'] = body.slice(2).split(/p/i);
  const [whole, fraction = ''] = mantissa.split('.');
  return parseInt(whole + fraction || '0', 16) * 2 ** (Number(exponent) - 4 * fraction.length);
}

type NumberFault = 'not-a-number' | 'nan' | 'infinite';

/** What is wrong with a whole field as a number, or null if it is a number (finite, unless infinity is allowed). */
function fieldFault(text: string, mustBeFinite: boolean): NumberFault | null {
  const end = scanNumber(text, 0, text.length, true);
  if (end === 0 || end !== text.length) return 'not-a-number';
  const kind = numberKind(text, 0, end);
  if (kind === 'nan') return 'nan';
  return kind === 'infinite' && mustBeFinite ? 'infinite' : null;
}

const INFINITE_ALLOWED = 'only bounds and right-hand sides (RHS, RANGES, BOUNDS) may be infinite';

/** The words for a bad value: "is 'x', not a number" or "is 'inf', not finite (...)". */
function faultWords(fault: NumberFault, text: string): string {
  const quoted = `'${clip(text)}'`;
  return fault === 'infinite' ? `is ${quoted}, not finite; ${INFINITE_ALLOWED}` : `is ${quoted}, not a number`;
}

// ---------------------------------------------------------------------------
// checkNumbers
// ---------------------------------------------------------------------------

/** Rejects NaN anywhere, and infinite or overflowing numbers where HiGHS needs a finite coefficient; throws at the first problem with its 1-based line. */
export function checkNumbers(text: string, format: ModelFormat, file: string): void {
  if (format === 'lp') new LpChecker(text, file).run();
  else checkMpsNumbers(text, file);
}

// ----- LP ------------------------------------------------------------------
// The tokenizer mirrors HiGHS's LP reader (extern/filereaderlp/reader.cpp): single-character
// operators, strtod numbers at a token start (so "infeasible" reads as inf + "easible"),
// and names running up to the next delimiter. "\" comments run to the end of the line and
// ";" at a token start ends the line.

type LpKind = 'name' | 'number' | 'op' | 'eof';

interface LpToken {
  kind: LpKind;
  start: number; // source range
  end: number;
  line: number;
  op: number; // the operator's char code, else 0
  number: NumberKind; // for numbers, else 'finite'
}

const OPERATOR = 1;
const ENDS_NAME = 2;
const LP_CHARS = new Uint8Array(128);
for (const c of '[]<>=:+^/*-') LP_CHARS[c.charCodeAt(0)] = OPERATOR | ENDS_NAME;
for (const c of ' \t\n\\') LP_CHARS[c.charCodeAt(0)] = ENDS_NAME;

const code = (ch: string) => ch.charCodeAt(0);

class LpLexer {
  private pos = 0;
  private lineEnd = 0;
  private nextLineStart = 0;
  private line = 0;

  constructor(private readonly src: string) {}

  next(): LpToken {
    const s = this.src;
    for (;;) {
      if (this.pos >= this.lineEnd) {
        if (!this.nextLine()) return this.token('eof', s.length, s.length);
        continue;
      }
      const start = this.pos;
      const c = s.charCodeAt(start);
      if (c === 32 || c === 9) {
        this.pos++; // blank
      } else if (c === 92 || c === 59) {
        this.pos = this.lineEnd; // "\" comment, or ";" which ends the line for HiGHS
      } else if (c < 128 && LP_CHARS[c] & OPERATOR) {
        this.pos++;
        const t = this.token('op', start, this.pos);
        t.op = c;
        return t;
      } else {
        const numberEnd = scanNumber(s, start, this.lineEnd, false);
        if (numberEnd > start) {
          this.pos = numberEnd;
          const t = this.token('number', start, numberEnd);
          t.number = numberKind(s, start, numberEnd);
          return t;
        }
        let end = start + 1;
        while (end < this.lineEnd && !(s.charCodeAt(end) < 128 && LP_CHARS[s.charCodeAt(end)] & ENDS_NAME)) end++;
        this.pos = end;
        return this.token('name', start, end);
      }
    }
  }

  private token(kind: LpKind, start: number, end: number): LpToken {
    return { kind, start, end, line: this.line, op: 0, number: 'finite' };
  }

  private nextLine(): boolean {
    const s = this.src;
    if (this.nextLineStart > s.length) return false;
    this.pos = this.nextLineStart;
    const nl = s.indexOf('\n', this.pos);
    this.lineEnd = nl < 0 ? s.length : nl;
    this.nextLineStart = this.lineEnd + 1;
    if (this.lineEnd > this.pos && s.charCodeAt(this.lineEnd - 1) === 13) this.lineEnd--; // CR of CRLF
    this.line++;
    return true;
  }
}

/** The lexer's tokens with a few tokens of lookahead. */
class LpTokens {
  private readonly ahead: LpToken[] = [];
  constructor(private readonly lexer: LpLexer) {}

  peek(k = 0): LpToken {
    while (this.ahead.length <= k) this.ahead.push(this.lexer.next());
    return this.ahead[k];
  }

  take(n = 1): LpToken {
    this.peek(n - 1);
    const first = this.ahead[0];
    for (let k = 0; k < n; k++) this.ahead.shift();
    return first;
  }
}

type LpSection = 'none' | 'objective' | 'constraints' | 'bounds' | 'other';

/** HiGHS's LP section keywords (lower case) and the sections they open. */
const LP_KEYWORDS = new Map<string, LpSection>([
  ...['minimize', 'min', 'minimum', 'maximize', 'max', 'maximum'].map((k) => [k, 'objective'] as const),
  ...['subject to', 'such that', 'st', 's.t.'].map((k) => [k, 'constraints'] as const),
  ...['bounds', 'bound'].map((k) => [k, 'bounds'] as const),
  ...['binary', 'binaries', 'bin', 'general', 'generals', 'gen', 'integer', 'integers'].map((k) => [k, 'other'] as const),
  ...['semi-continuous', 'semi', 'semis', 'sos', 'end'].map((k) => [k, 'other'] as const),
]);
const KEYWORD_INITIALS = new Set([...LP_KEYWORDS.keys()].map((k) => k.charCodeAt(0)));
const LONGEST_FIRST_WORD = Math.max(...[...LP_KEYWORDS.keys()].map((k) => k.split(/[ -]/)[0].length));

const isOp = (t: LpToken, ch: string) => t.op === code(ch);

/** Walks the LP tokens, tracking the section, the constraint's name and whether a comparison came just before. */
class LpChecker {
  private readonly tokens: LpTokens;
  private section: LpSection = 'none';
  private sectionTitle = ''; // the keyword as written, e.g. "Generals"
  private label: string | undefined;
  private afterComparison = false;
  private inBrackets = false;

  constructor(
    private readonly src: string,
    private readonly file: string,
  ) {
    this.tokens = new LpTokens(new LpLexer(src));
  }

  run(): void {
    const tokens = this.tokens;
    for (;;) {
      const t = tokens.peek(0);
      if (t.kind === 'eof') return;
      if (isOp(t, '/') && isOp(tokens.peek(1), '*')) {
        this.skipBlockComment();
      } else if (t.kind === 'name') {
        this.onName();
      } else if (t.kind === 'number' && isOp(tokens.peek(1), ':')) {
        this.setLabel(this.text(tokens.take(2))); // a numeric constraint name such as "1:"
      } else if (t.kind === 'number' || isOp(t, '+') || isOp(t, '-')) {
        this.onSignedNumber();
      } else {
        this.onOperator(tokens.take());
      }
    }
  }

  private source(t: LpToken): string {
    return this.src.slice(t.start, t.end);
  }

  /** A token's source text, clipped for messages. */
  private text(t: LpToken): string {
    return clip(this.source(t));
  }

  /** HiGHS skips "/*" ... "*\/" between tokens. */
  private skipBlockComment(): void {
    const tokens = this.tokens;
    tokens.take(2);
    while (tokens.peek(0).kind !== 'eof' && !(isOp(tokens.peek(0), '*') && isOp(tokens.peek(1), '/'))) tokens.take();
    if (tokens.peek(0).kind !== 'eof') tokens.take(2);
  }

  /** If a section keyword starts at the head of the stream, its section and token count (as HiGHS matches them). */
  private keywordAhead(): { section: LpSection; length: number } | null {
    const tokens = this.tokens;
    const t0 = tokens.peek(0);
    if (t0.kind !== 'name' || t0.end - t0.start > LONGEST_FIRST_WORD) return null;
    if (!KEYWORD_INITIALS.has(this.src.charCodeAt(t0.start) | 0x20) || isOp(tokens.peek(1), ':')) return null;
    const w0 = this.source(t0).toLowerCase();
    const t1 = tokens.peek(1);
    const t2 = tokens.peek(2);
    if (isOp(t1, '-') && t2.kind === 'name') {
      const section = LP_KEYWORDS.get(`${w0}-${this.source(t2).toLowerCase()}`);
      if (section) return { section, length: 3 };
    }
    if (t1.kind === 'name') {
      const section = LP_KEYWORDS.get(`${w0} ${this.source(t1).toLowerCase()}`);
      if (section) return { section, length: 2 };
    }
    const section = LP_KEYWORDS.get(w0);
    return section ? { section, length: 1 } : null;
  }

  private onName(): void {
    const tokens = this.tokens;
    if (isOp(tokens.peek(1), ':')) {
      // "name:" labels an objective or constraint; "S1 ::" gives an SOS type
      const colons = isOp(tokens.peek(2), ':') ? 3 : 2;
      this.setLabel(this.text(tokens.take(colons)));
      return;
    }
    const keyword = this.keywordAhead();
    if (keyword) {
      const first = tokens.peek(0);
      const last = tokens.peek(keyword.length - 1);
      tokens.take(keyword.length);
      this.section = keyword.section;
      this.sectionTitle = clip(this.src.slice(first.start, last.end));
      this.label = undefined;
      this.inBrackets = false;
    } else {
      tokens.take();
    }
    this.afterComparison = false;
  }

  private setLabel(name: string): void {
    this.label = name;
    this.afterComparison = false;
  }

  private onOperator(t: LpToken): void {
    if (isOp(t, '[')) this.inBrackets = true;
    else if (isOp(t, ']')) this.inBrackets = false;
    this.afterComparison = isOp(t, '<') || isOp(t, '>') || isOp(t, '=');
  }

  /** Signs (HiGHS allows several) and the number they apply to, if any. */
  private onSignedNumber(): void {
    const tokens = this.tokens;
    let negative = false;
    while (isOp(tokens.peek(0), '+') || isOp(tokens.peek(0), '-')) {
      if (isOp(tokens.take(), '-')) negative = !negative;
    }
    if (tokens.peek(0).kind === 'number') {
      const t = tokens.take();
      if (t.number !== 'finite') this.checkNumber(t, negative ? '-' : '');
      if (this.afterComparison && this.section === 'constraints') this.label = undefined; // a right-hand side ends a constraint
    }
    this.afterComparison = false;
  }

  private checkNumber(t: LpToken, sign: string): void {
    const infiniteOk =
      this.section === 'bounds' ||
      this.section === 'other' ||
      this.section === 'none' ||
      (this.section === 'constraints' && this.afterComparison);
    if (t.number === 'infinite' && infiniteOk) return;

    const next = this.tokens.peek(0);
    const beforeName = next.kind === 'name' && !isOp(this.tokens.peek(1), ':') && !this.keywordAhead();
    const literal = `'${sign}${this.text(t)}'`;
    const what = beforeName
      ? `coefficient ${literal} before ${this.text(next)}`
      : `${this.isTerm() ? 'constant term' : 'value'} ${literal}`;
    const problem =
      t.number === 'nan'
        ? `${what} ${this.place()}is not a number`
        : `${what} ${this.place()}is not finite; only bounds and right-hand sides may be infinite`;
    throw invalid(this.file, problem + this.nameHint(t, next), t.line);
  }

  /** True where a number is a term of an expression, not a bound, right-hand side or weight. */
  private isTerm(): boolean {
    return (this.section === 'objective' || this.section === 'constraints') && !this.afterComparison;
  }

  /** Where the number is, followed by a space. */
  private place(): string {
    const quadratic = this.inBrackets ? 'the quadratic part of ' : '';
    const constraint = this.label === undefined ? 'a constraint' : `constraint ${this.label}`;
    switch (this.section) {
      case 'objective':
        return `in ${quadratic}the objective `;
      case 'constraints':
        return this.afterComparison ? `on the right-hand side of ${constraint} ` : `in ${quadratic}${constraint} `;
      case 'none':
        return 'before the first section ';
      default:
        return `in the ${this.sectionTitle} section `;
    }
  }

  /** Explains names such as "infeasible" that HiGHS reads as a number followed by a name. */
  private nameHint(t: LpToken, next: LpToken): string {
    const word = this.text(t);
    if (next.kind !== 'name' || next.start !== t.end || !/^[a-z]/i.test(word)) return '';
    const name = this.text(next);
    return ` (HiGHS reads '${word}${name}' as the number '${word}' followed by the name '${name}'; names must not start with 'inf' or 'nan')`;
  }
}

// ----- MPS -----------------------------------------------------------------
// Free and fixed MPS, split on whitespace. Sections are recognised as HiGHS's free-format
// reader does (HMpsFF::checkFirstWord): NAME, OBJSENSE, QSECTION, QCMATRIX and CSECTION
// may carry arguments; any other section keyword must be alone on its line.

const MPS_SECTIONS_WITH_ARGS = new Set(['NAME', 'OBJSENSE', 'QSECTION', 'QCMATRIX', 'CSECTION']);
const MPS_SECTIONS = new Set([
  ...MPS_SECTIONS_WITH_ARGS,
  ...['ROWS', 'COLUMNS', 'RHS', 'RANGES', 'BOUNDS', 'SOS', 'SETS', 'QUADOBJ', 'QMATRIX', 'INDICATORS', 'ENDATA'],
  ...['DELAYEDROWS', 'MODELCUTS', 'USERCUTS', 'GENCONS', 'PWLOBJ', 'PWLNAM', 'PWLCON'],
]);
const QUADRATIC_SECTIONS = new Set(['QUADOBJ', 'QMATRIX', 'QSECTION', 'QCMATRIX']);
const BOUND_TYPES_WITHOUT_VALUE = new Set(['FR', 'MI', 'PL', 'BV']);
const BOUND_TYPES_WITH_VALUE = new Set(['UP', 'LO', 'FX', 'LI', 'UI']);

/** What is wrong with a data line: a bad value, or a line of the wrong shape; field is 1-based. */
interface LineFault {
  fault: NumberFault | 'shape';
  problem: string;
  field?: number;
}

/** Checks the value at t[i]; on a fault, describes it with what() (built only then). */
function valueAt(t: string[], i: number, mustBeFinite: boolean, what: () => string): LineFault | null {
  const fault = fieldFault(t[i], mustBeFinite);
  return fault ? { fault, problem: `${what()} ${faultWords(fault, t[i])}`, field: i + 1 } : null;
}

const shape = (problem: string, field?: number): LineFault => ({ fault: 'shape', problem, field });

/** Names the row, marking the objective (the first N row). */
function rowLabel(row: string, objective: string | undefined): string {
  return row === objective ? `row ${clip(row)} (the objective)` : `row ${clip(row)}`;
}

/** COLUMNS: "column row value [row value]"; coefficients must be finite. */
function columnsFault(t: string[], objective: string | undefined): LineFault | null {
  if (t.length !== 3 && t.length !== 5) return shape(`expected 'column row value [row value]' but found ${t.length} fields`);
  for (let i = 2; i < t.length; i += 2) {
    const fault = valueAt(t, i, true, () => `coefficient of column ${clip(t[0])} in ${rowLabel(t[i - 1], objective)}`);
    if (fault) return fault;
  }
  return null;
}

/** RHS and RANGES: "[set] row value [row value]"; with 2 or 4 fields there is no set name. */
function rhsFault(t: string[], section: string, objective: string | undefined): LineFault | null {
  if (t.length < 2 || t.length > 5) return shape(`expected '[set] row value [row value]' in ${section} but found ${t.length} fields`);
  for (let i = t.length % 2 === 0 ? 1 : 2; i < t.length; i += 2) {
    const row = t[i - 1];
    // an RHS on the objective row is the objective offset, which must be finite
    const isOffset = section === 'RHS' && row === objective;
    const fault = valueAt(t, i, isOffset, () =>
      section === 'RANGES'
        ? `range of ${rowLabel(row, objective)}`
        : isOffset
          ? `right-hand side of objective row ${clip(row)} (the objective offset)`
          : `right-hand side of row ${clip(row)}`,
    );
    if (fault) return fault;
  }
  return null;
}

/** BOUNDS: "type [set] column [value]"; FR, MI, PL and BV need no value, SC's is optional. */
function boundsFault(t: string[]): LineFault | null {
  const type = t[0].toUpperCase();
  const check = (i: number) => valueAt(t, i, false, () => `${clip(type)} bound of column ${clip(t[i - 1])}`);
  if (BOUND_TYPES_WITH_VALUE.has(type)) {
    if (t.length === 3 || t.length === 4) return check(t.length - 1);
    return shape(`expected '${type} [set] column value' but found ${t.length} fields`);
  }
  if (BOUND_TYPES_WITHOUT_VALUE.has(type) || type === 'SC') {
    if (t.length === 4) return check(3);
    if (t.length === 3 && type === 'SC' && fieldFault(t[2], false) !== 'not-a-number') return check(2);
    if (t.length === 2 || t.length === 3) return null;
    return shape(`expected '${type} [set] column' but found ${t.length} fields`);
  }
  return shape(`unknown bound type '${clip(t[0])}'`, 1);
}

/** QUADOBJ, QMATRIX, QSECTION, QCMATRIX: "column column value"; the value must be finite. */
function quadraticFault(t: string[], section: string): LineFault | null {
  if (t.length !== 3) return shape(`expected 'column column value' in ${section} but found ${t.length} fields`);
  return valueAt(t, 2, true, () => `quadratic coefficient of columns ${clip(t[0])} and ${clip(t[1])}`);
}

/** Sections without fixed numeric positions (SOS, INDICATORS, ...): only NaN is looked for. */
function nanFault(t: string[]): LineFault | null {
  for (let i = 0; i < t.length; i++) {
    if (fieldFault(t[i], false) === 'nan') return valueAt(t, i, false, () => 'value');
  }
  return null;
}

function dataLineFault(section: string, t: string[], objective: string | undefined): LineFault | null {
  if (section === 'COLUMNS') return columnsFault(t, objective);
  if (section === 'RHS' || section === 'RANGES') return rhsFault(t, section, objective);
  if (section === 'BOUNDS') return boundsFault(t);
  if (QUADRATIC_SECTIONS.has(section)) return quadraticFault(t, section);
  if (section === 'NAME' || section === 'OBJSENSE' || section === 'ROWS') return null;
  return nanFault(t);
}

/** Sections whose lines may be fixed-format, with the most whitespace-separated fields a line has there. */
const MAX_FIELDS = new Map([
  ['COLUMNS', 5],
  ['RHS', 5],
  ['RANGES', 5],
  ['BOUNDS', 4],
  ...[...QUADRATIC_SECTIONS].map((q) => [q, 3] as const),
]);

/**
 * The line cut at the fixed-format columns (fields 1-6 at columns 2-3, 5-12, 15-22, 25-36,
 * 40-47, 50-61), for names that contain spaces; tokens start at field 1 in BOUNDS, else field 2.
 */
function fixedFormatTokens(line: string, section: string): { tokens: string[]; firstField: number } {
  const f = [[1, 3], [4, 12], [14, 22], [24, 36], [39, 47], [49, 61]].map(([a, b]) => line.slice(a, b).trim());
  if (section === 'BOUNDS') return { tokens: f[3] === '' ? f.slice(0, 3) : f.slice(0, 4), firstField: 1 };
  // RHS and RANGES then always read as "set row value ...", even with a blank set name
  return { tokens: f[4] === '' && f[5] === '' ? f.slice(1, 4) : f.slice(1, 6), firstField: 2 };
}

/** The fault to report for a data line, or null if it is fine read either free or fixed. */
function mpsLineFault(raw: string, tokens: string[], section: string, objective: string | undefined): LineFault | null {
  const fault = dataLineFault(section, tokens, objective);
  if (!fault) return null;
  // NaN and infinity are wrong however the line is split. Too many fields, or a non-number,
  // may come from fixed-format names with spaces, so then read the fixed columns instead.
  const maxFields = MAX_FIELDS.get(section);
  if (maxFields === undefined) return fault;
  const tooMany = fault.fault === 'shape' && tokens.length > maxFields;
  if (!tooMany && fault.fault !== 'not-a-number') return fault;
  const fixed = fixedFormatTokens(raw, section);
  const fixedFault = dataLineFault(section, fixed.tokens, objective);
  if (!fixedFault) return null;
  if (tooMany && fixedFault.fault !== 'shape' && fixedFault.field !== undefined) {
    // the fixed columns fit the line better, so report that, in fixed-format field numbers
    return { ...fixedFault, field: fixedFault.field + fixed.firstField - 1 };
  }
  return fault;
}

function checkMpsNumbers(text: string, file: string): void {
  let section = '';
  let objective: string | undefined; // the first N row
  let lineNo = 0;
  for (let start = 0; start <= text.length; ) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const raw = text.slice(start, end);
    start = end + 1;
    lineNo++;
    if (raw.startsWith('*')) continue; // comment
    const tokens = raw.trim().split(/\s+/);
    if (tokens[0] === '') continue; // blank

    const head = tokens[0].toUpperCase();
    if (MPS_SECTIONS.has(head) && (tokens.length === 1 || MPS_SECTIONS_WITH_ARGS.has(head))) {
      section = head;
      if (section === 'ENDATA') return; // HiGHS stops reading here
      continue;
    }
    if (section === 'ROWS' && head === 'N' && tokens.length >= 2) objective ??= tokens[1];
    if (section === 'COLUMNS' && tokens[1]?.toUpperCase() === "'MARKER'") continue; // integer markers
    const fault = mpsLineFault(raw, tokens, section, objective);
    if (fault) throw invalid(file, fault.problem, lineNo, fault.field);
  }
}

// ---------------------------------------------------------------------------
// The whole pipeline
// ---------------------------------------------------------------------------

/** A model that passed every check: the text to hand to HiGHS, plus warnings and sizes to show the user. */
export interface PreparedModel {
  name: string;
  format: ModelFormat;
  text: string;
  warnings: string[];
  inputBytes: number;
  decompressedBytes: number;
}

/** The size cap on a file as given; the page checks it before reading a file, the worker again. */
export function checkInputSize(name: string, size: number): void {
  if (size > MAX_INPUT_BYTES) {
    throw invalid(name, `file is ${(size / MIB).toFixed(1)} MiB, over the ${formatLimit(MAX_INPUT_BYTES)} limit`);
  }
}

/** The whole pipeline: size cap → gunzip if needed → decode/BOM → format → looksLikeModel (non-blank only) → checkNumbers. */
export async function prepareModel(input: { name: string; bytes: Uint8Array; format?: ModelFormat }): Promise<PreparedModel> {
  const { name, bytes } = input;
  checkInputSize(name, bytes.length);
  const compressed = isGzip(bytes) || name.toLowerCase().endsWith('.gz');
  const raw = compressed ? await gunzip(bytes, name, MAX_DECOMPRESSED_BYTES) : bytes;
  const { text, warnings } = decodeText(raw, name);
  const format = input.format ?? detectFormat(name, text);

  if (isBlankModel(text, format)) throw invalid(name, 'file is empty (only whitespace or comments)');
  if (!looksLikeModel(text, format)) {
    throw invalid(
      name,
      format === 'lp'
        ? 'no LP model found (no Minimize/Maximize/Subject To/End section); is this an LP file?'
        : 'no MPS model found (no ROWS section); is this an MPS file?',
    );
  }
  checkNumbers(text, format, name);
  return { name, format, text, warnings, inputBytes: bytes.length, decompressedBytes: raw.length };
}
