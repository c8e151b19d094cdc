// Constraint groups by row-name prefix: `cap_3`, `cap[4]` and `cap(5)` are the `cap` group, `flow12`
// the `flow` group. Models written without row names get one group, said plainly. Among named rows, the
// names that start with a digit, `_`, `[` or `(` (and empty names) have no prefix: their group is named for
// what it holds ("(names starting with a digit)"), never "(all rows)", which it is not.
import type { RowGroup, RowGroups } from './types';

/** The group of a row name: the text before its first digit, `_`, `[` or `(` (the whole name when none). */
export function rowGroupPrefix(name: string): string {
  const m = /[0-9_[(]/.exec(name);
  return m ? name.slice(0, m.index) : name;
}

/** Names HiGHS makes up for LP rows written without a name (`HiGHS_R0`, `HiGHS_R12`). */
const GENERATED = /^HiGHS_R[0-9]+$/;

/** The label of the single group of a model without row names. */
export const UNNAMED_GROUP_LABEL = '(all rows: the model has no row names)';

/** What starts a name of the empty-prefix group, in the order a label lists them. */
const STARTS: readonly [RegExp, string][] = [
  [/^[0-9]/, 'a digit'],
  [/^_/, '_'],
  [/^\[/, '['],
  [/^\(/, '('],
];

/** "a digit", "a digit or _", "a digit, _ or [": a list in words. */
function inWords(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

/** The label of the empty-prefix group of named rows, from the names it holds. */
export function emptyPrefixLabel(names: readonly string[]): string {
  const starts = STARTS.filter(([re]) => names.some((n) => re.test(n))).map(([, word]) => word);
  const empty = names.some((n) => n === '');
  if (starts.length === 0) return '(rows without a name)';
  return `(names starting with ${inWords(starts)}${empty ? ', or no name' : ''})`;
}

/**
 * Groups rows by prefix, largest (by nonzeros, then rows, then prefix) first. A model whose rows all have
 * empty or HiGHS-generated names is one group with `unnamed` set (labelled UNNAMED_GROUP_LABEL); among named
 * rows, a name that starts with a digit, `_`, `[` or `(` has the empty prefix, a group of its own labelled for
 * what it holds.
 */
export function groupRows(names: readonly string[], nnzPerRow: readonly number[]): RowGroups {
  const unnamed = names.every((n) => n === '' || GENERATED.test(n));
  const by = new Map<string, RowGroup>();
  const noPrefix: string[] = [];
  names.forEach((name, i) => {
    const prefix = unnamed ? '' : rowGroupPrefix(name);
    const g = by.get(prefix) ?? { prefix, rows: 0, nnz: 0 };
    g.rows++;
    g.nnz += nnzPerRow[i] ?? 0;
    by.set(prefix, g);
    if (prefix === '' && !unnamed) noPrefix.push(name);
  });
  const empty = by.get('');
  if (empty) empty.label = unnamed ? UNNAMED_GROUP_LABEL : emptyPrefixLabel(noPrefix);
  const groups = [...by.values()].sort(
    (a, b) => b.nnz - a.nnz || b.rows - a.rows || (a.prefix < b.prefix ? -1 : a.prefix > b.prefix ? 1 : 0),
  );
  return { groups, unnamed };
}

/** A group's name as shown: its label when it has one (the empty prefix), else its prefix. */
export function groupLabel(group: { prefix: string; label?: string }): string {
  if (group.label) return group.label;
  return group.prefix === '' ? '(no prefix: names starting with a digit, _, [ or (, or no name)' : group.prefix;
}
