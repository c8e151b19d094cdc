// What the views read of a stored benchmark's `purpose` and `startedAt` (src/storage/benchmark-types.ts): its
// purpose (validations stored before the field existed are recognised by the shape #/parameters gives them),
// when it ran and when it was imported.
import type { BenchmarkDefinition, BenchmarkPurpose } from '../core/benchmark';
import type { StoredBenchmark } from '../storage/benchmark-types';

/**
 * Is this the definition of a validation benchmark as #/parameters makes them (core/parameters'
 * validationBenchmark: `validate <template> candidate` with sets `reference` and `candidate`;
 * templateValidationBenchmark: `validate template <template>` with the set `blessed`)? For benchmarks
 * stored before `purpose` existed.
 */
export function looksLikeValidation(def: Pick<BenchmarkDefinition, 'name' | 'optionSets'>): boolean {
  const ids = def.optionSets.map((o) => o.id).join(',');
  return (
    (/^validate \S+ candidate$/.test(def.name) && ids === 'reference,candidate') ||
    (/^validate template \S+$/.test(def.name) && ids === 'blessed')
  );
}

/** What a stored benchmark was run for: its purpose, else 'validation' for one shaped like #/parameters' validations, else null. */
export function purposeOf(b: Pick<StoredBenchmark, 'purpose' | 'definition'>): BenchmarkPurpose | null {
  if (b.purpose) return b.purpose;
  return b.definition && looksLikeValidation(b.definition) ? 'validation' : null;
}

/** When a benchmark ran: epoch ms, and whether that is only an upper bound (an import whose report does not say: its report's date). */
export interface RanAt {
  ms: number;
  /** True when only the report's date is known: it ran before then. */
  before: boolean;
}

/** When a stored benchmark ran: a local one's start; an imported one's start from its report, else its report's date (before). */
export function ranAtOf(b: Pick<StoredBenchmark, 'state' | 'createdAt' | 'startedAt' | 'importedFrom'>): RanAt {
  if (b.state !== 'imported') return { ms: b.createdAt, before: false };
  const started = b.startedAt ? Date.parse(b.startedAt) : NaN;
  if (Number.isFinite(started)) return { ms: started, before: false };
  const report = b.importedFrom ? Date.parse(b.importedFrom.createdAt) : NaN;
  return Number.isFinite(report) ? { ms: report, before: true } : { ms: b.createdAt, before: true };
}

/** When a stored benchmark was imported (epoch ms), or null for a local one. */
export function importedAtOf(b: Pick<StoredBenchmark, 'state' | 'createdAt'>): number | null {
  return b.state === 'imported' ? b.createdAt : null;
}
