// Constraint groups by row-name prefix: `cap_3`, `cap[4]` and `cap(5)` are the `cap` group, `flow12`
// the `flow` group. Models written without row names get one group, said plainly.
import type { RowGroup, RowGroups } from './types';

/** The group of a row name: the text before its first digit, `_`, `[` or `(` (the whole name when none). */
export function rowGroupPrefix(name: string): string {
  const m = /[0-9_[(]/.exec(name);
  return m ? name.slice(0, m.index) : name;
}

/** Names HiGHS makes up for LP rows written without a name (`HiGHS_R0`, `HiGHS_R12`). */
const GENERATED = /^HiGHS_R[0-9]+$/;

/**
 * Groups rows by prefix, largest (by nonzeros, then rows, then prefix) first. A model whose rows all have
 * empty or HiGHS-generated names is one group with `unnamed` set; a name that starts with a digit, `_`, `[` or
 * `(` has the empty prefix, shown as its own group.
 */
export function groupRows(names: readonly string[], nnzPerRow: readonly number[]): RowGroups {
  const unnamed = names.every((n) => n === '' || GENERATED.test(n));
  const by = new Map<string, RowGroup>();
  names.forEach((name, i) => {
    const prefix = unnamed ? '' : rowGroupPrefix(name);
    const g = by.get(prefix) ?? { prefix, rows: 0, nnz: 0 };
    g.rows++;
    g.nnz += nnzPerRow[i] ?? 0;
    by.set(prefix, g);
  });
  const groups = [...by.values()].sort(
    (a, b) => b.nnz - a.nnz || b.rows - a.rows || (a.prefix < b.prefix ? -1 : a.prefix > b.prefix ? 1 : 0),
  );
  return { groups, unnamed };
}
