// Checks the numbers in LP text. The tokenizer mirrors HiGHS's LP reader
// (highs/io/filereaderlp/reader.cpp): single-character operators, strtod numbers at a token
// start (so "infeasible" reads as inf + "easible"), names running up to the next delimiter,
// "\" comments and ";" ending the line.

import { clip, invalid } from './errors';
import { numberKind, scanNumber, type NumberKind } from './numbers';

/** Rejects NaN anywhere in LP text, infinite coefficients, and Fortran D exponents that HiGHS's LP reader misreads; throws at the first problem with its line. */
export function checkLpNumbers(text: string, file: string): void {
  new LpChecker(text, file).run();
}

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
  ...['binary', 'binaries', 'bin', 'general', 'generals', 'gen', 'integer', 'integers'].map(
    (k) => [k, 'other'] as const,
  ),
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

  /** If a section keyword starts `at` tokens ahead, its section and token count (as HiGHS matches them). */
  private keywordAhead(at = 0): { section: LpSection; length: number } | null {
    const tokens = this.tokens;
    const t0 = tokens.peek(at);
    if (t0.kind !== 'name' || t0.end - t0.start > LONGEST_FIRST_WORD) return null;
    if (!KEYWORD_INITIALS.has(this.src.charCodeAt(t0.start) | 0x20) || isOp(tokens.peek(at + 1), ':')) return null;
    const w0 = this.source(t0).toLowerCase();
    const t1 = tokens.peek(at + 1);
    const t2 = tokens.peek(at + 2);
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
      else this.checkFortranExponent(t, negative ? '-' : '');
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

  /**
   * Rejects a Fortran exponent such as 1.0D3 or 2.5d-2: strtod stops at the D, so HiGHS reads a
   * number times a variable "D3" (or "d", then a sign and a constant), and aborts where a value
   * belongs. "2d1 + x" stays allowed, as the term 2 d1; but not with a sign after the D, before
   * another term with no operator between ("1.0D3 x"), nor as a right-hand side or bound.
   */
  private checkFortranExponent(t: LpToken, sign: string): void {
    const tokens = this.tokens;
    const d = tokens.peek(0);
    if (d.kind !== 'name' || d.start !== t.end || !/^[dD]\d*$/.test(this.source(d))) return;
    const mantissa = this.source(t);
    if (!/^(?:\d+\.?\d*|\.\d+)$/.test(mantissa)) return;
    let last = d; // the literal's last token
    let length = 1; // its tokens after the mantissa
    if (d.end - d.start === 1) {
      const s = tokens.peek(1);
      const n = tokens.peek(2);
      const signed = (isOp(s, '+') || isOp(s, '-')) && s.start === d.end && n.kind === 'number' && n.start === s.end;
      if (!signed || !/^\d+$/.test(this.source(n))) return;
      last = n;
      length = 3;
    }
    const after = tokens.peek(length);
    const nameAfter = after.kind === 'name' && !isOp(tokens.peek(length + 1), ':') && !this.keywordAhead(length);
    if (length === 1 && this.isTerm() && !nameAfter && after.kind !== 'number') return;

    const literal = `'${sign}${clip(this.src.slice(t.start, last.end))}'`;
    const what = nameAfter
      ? `coefficient ${literal} before ${this.text(after)}`
      : `${this.isTerm() ? 'number' : 'value'} ${literal}`;
    const exponent = this.src.slice(d.start + 1, last.end);
    throw invalid(
      this.file,
      `${what} ${this.place()}has a Fortran D exponent, which HiGHS's LP reader does not read ` +
        `(it reads the number '${clip(mantissa)}' followed by the name '${this.text(d)}'); write '${sign}${clip(mantissa)}e${clip(exponent)}'`,
      t.line,
    );
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
