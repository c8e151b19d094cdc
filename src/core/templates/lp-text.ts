// Writes CPLEX LP text with integer coefficients only: every number is printed by String() of a safe
// integer, so the text is exact and the same everywhere (no locale, no float formatting). Long
// expressions wrap onto continuation lines, which the LP format allows, so lines stay short.

/** One term of a linear expression: an integer coefficient and a variable name. */
export type Term = readonly [coef: number, name: string];

/** The widest line the writer produces (CPLEX's own limit is 510 characters). */
const LINE_WIDTH = 100;

/** An integer as LP text; anything else is a bug in a generator. */
export function int(v: number): string {
  if (!Number.isSafeInteger(v)) throw new RangeError(`LP coefficient ${v} is not a safe integer`);
  return String(v);
}

/** Builds an LP text line by line. */
export class LpText {
  private readonly lines: string[] = [];

  /** A comment line (`\ ...`). */
  comment(text: string): this {
    this.lines.push(`\\ ${text}`);
    return this;
  }

  /** A bare line (a section keyword such as `Subject To`). */
  line(text: string): this {
    this.lines.push(text);
    return this;
  }

  /** `name: expr`, the objective row. */
  objective(name: string, terms: readonly Term[]): this {
    this.wrap(` ${name}:`, terms, '');
    return this;
  }

  /** `name: expr sense rhs`, a constraint row. */
  row(name: string, terms: readonly Term[], sense: '<=' | '>=' | '=', rhs: number): this {
    this.wrap(` ${name}:`, terms, ` ${sense} ${int(rhs)}`);
    return this;
  }

  /** Names listed under a section (Binary, General), wrapped. */
  names(names: readonly string[]): this {
    let cur = '';
    for (const n of names) {
      if (cur.length > 0 && cur.length + 1 + n.length > LINE_WIDTH) {
        this.lines.push(cur);
        cur = '';
      }
      cur += ` ${n}`;
    }
    if (cur.length > 0) this.lines.push(cur);
    return this;
  }

  /** The text, ending with `End` and a newline. */
  end(): string {
    this.lines.push('End', '');
    return this.lines.join('\n');
  }

  private wrap(head: string, terms: readonly Term[], tail: string): void {
    if (terms.length === 0) throw new Error(`empty expression in ${head}`);
    let cur = head;
    terms.forEach(([coef, name], k) => {
      const a = Math.abs(coef);
      const mag = a === 1 ? name : `${int(a)} ${name}`;
      const piece = k === 0 ? (coef < 0 ? ` - ${mag}` : ` ${mag}`) : coef < 0 ? ` - ${mag}` : ` + ${mag}`;
      if (cur.length + piece.length > LINE_WIDTH && cur !== head) {
        this.lines.push(cur);
        cur = ' ';
      }
      cur += piece;
    });
    if (cur.length + tail.length > LINE_WIDTH) {
      this.lines.push(cur);
      cur = ' ';
    }
    this.lines.push(cur + tail);
  }
}
