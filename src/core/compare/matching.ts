// Matching the two sides: models by content (SHA-256 id), option sets by their option values (not by id
// or name, which each benchmark chooses freely).
import type { BenchmarkModel, OptionSet } from '../benchmark';
import type { OptionValue, OptionValues } from '../options-schema';
import type { ModelMatch, OptionSetMatch, UnmatchedModel, UnmatchedOptionSet } from './types';

/** One option value as canonical JSON; a non-finite number (time_limit = Infinity) as {"$number": "Infinity"}. */
function valueText(v: OptionValue): string {
  if (typeof v === 'number' && !Number.isFinite(v)) return JSON.stringify({ $number: String(v) });
  // JSON.stringify writes -0 as 0, as sameOptionValue treats them alike.
  return JSON.stringify(v);
}

// The canonical text of a set of option values: a JSON object with its keys sorted, so two sets with the same
// values in any key order get the same text; a number and a string ("1" vs 1) stay apart; {} is the defaults.
/** The canonical text of option values (sorted keys, JSON values): equal exactly when the options are. */
export function optionSetKey(options: OptionValues): string {
  const keys = Object.keys(options).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${valueText(options[k])}`).join(',')}}`;
}

/** The first of each id, in order (a benchmark lists each model and option set once; a repeat counts once). */
export function uniqueById<T extends { id: string }>(items: readonly T[]): T[] {
  const seen = new Set<string>();
  return items.filter((x) => !seen.has(x.id) && (seen.add(x.id), true));
}

/** Models of both sides matched by id (the SHA-256 of the model's bytes), in A's order. */
export function matchModels(
  a: readonly BenchmarkModel[],
  b: readonly BenchmarkModel[],
): { matched: ModelMatch[]; onlyInA: UnmatchedModel[]; onlyInB: UnmatchedModel[] } {
  const ua = uniqueById(a);
  const ub = uniqueById(b);
  const byIdB = new Map(ub.map((m) => [m.id, m]));
  const idsA = new Set(ua.map((m) => m.id));
  const matched: ModelMatch[] = [];
  const onlyInA: UnmatchedModel[] = [];
  for (const m of ua) {
    const other = byIdB.get(m.id);
    if (other) matched.push({ id: m.id, name: m.name, nameB: other.name, isMip: m.integers > 0 || other.integers > 0 });
    else onlyInA.push({ id: m.id, name: m.name });
  }
  const onlyInB = ub.filter((m) => !idsA.has(m.id)).map((m) => ({ id: m.id, name: m.name }));
  return { matched, onlyInA, onlyInB };
}

// The first set of a side with given options is matched with the first of the other side with the same
// options; a later set of the same side with the same options is a duplicate and stays unmatched.
/** Option sets of both sides matched by their option values (key order ignored), in A's order. */
export function matchOptionSets(
  a: readonly OptionSet[],
  b: readonly OptionSet[],
  reference: { a: string; b: string },
): { matched: OptionSetMatch[]; onlyInA: UnmatchedOptionSet[]; onlyInB: UnmatchedOptionSet[] } {
  const firstByKey = (sets: readonly OptionSet[]) => {
    const first = new Map<string, OptionSet>();
    const duplicates: UnmatchedOptionSet[] = [];
    for (const s of uniqueById(sets)) {
      const key = optionSetKey(s.options);
      if (first.has(key)) duplicates.push({ key, id: s.id, name: s.name, reason: 'duplicate-options' });
      else first.set(key, s);
    }
    return { first, duplicates };
  };
  const ka = firstByKey(a);
  const kb = firstByKey(b);
  const matched: OptionSetMatch[] = [];
  const onlyInA: UnmatchedOptionSet[] = [];
  for (const [key, s] of ka.first) {
    const other = kb.first.get(key);
    if (other)
      matched.push({
        key,
        a: { id: s.id, name: s.name, reference: s.id === reference.a },
        b: { id: other.id, name: other.name, reference: other.id === reference.b },
      });
    else onlyInA.push({ key, id: s.id, name: s.name, reason: 'no-match' });
  }
  const onlyInB: UnmatchedOptionSet[] = [];
  for (const [key, s] of kb.first) {
    if (!ka.first.has(key)) onlyInB.push({ key, id: s.id, name: s.name, reason: 'no-match' });
  }
  return { matched, onlyInA: [...onlyInA, ...ka.duplicates], onlyInB: [...onlyInB, ...kb.duplicates] };
}
