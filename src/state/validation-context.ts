// What the #/parameters view's candidate and template validations share: the services, the template's
// blessed sets (their reference), one benchmark runner, the library's files and the clock; and running a
// validation benchmark to its end. Kept apart so the validations can be driven by another owner (the tuner).
import type { BenchmarkDefinition } from '../core/benchmark';
import { parseLibrary } from '../core/library';
import type { BenchmarkRunner } from './benchmark-runner.svelte';
import type { BlessedSetsState } from './blessed-sets-state.svelte';
import type { AppServices } from './ports';

/** The parts a candidate or template validation needs from its owner. */
export interface ValidationContext {
  readonly services: AppServices;
  /** The template, its active set (the reference) and the view's error. */
  readonly blessed: BlessedSetsState;
  /** The runner the validations share (null: no browser database). */
  readonly runner: BenchmarkRunner | null;
  /** The library's model files. */
  library(): Promise<string[]>;
  /** Is a validation (candidate or template) under way? One at a time: they share the runner. */
  busy(): boolean;
  now(): number;
}

/** An epoch time as ISO 8601, as core's blessed sets carry dates. */
export const isoOf = (ms: number): string => new Date(ms).toISOString();

/** The library's model files, read from the manifest on the first call and kept (validations reuse them). */
export function libraryFilesOf(services: Pick<AppServices, 'library'>): () => Promise<string[]> {
  let files: string[] | null = null;
  return async () => {
    if (files === null) files = parseLibrary(await services.library.manifest()).models.map((m) => m.file);
    return files;
  };
}

/**
 * Runs `def` through `runner` to its end, stored as a validation (kept apart from the user's benchmarks in
 * #/reports and #/regressions): the stored benchmark and its runs; throws the runner's error, or how the run ended.
 */
export async function runToEnd(runner: BenchmarkRunner, def: BenchmarkDefinition, what: string) {
  const id = await runner.start(def, { purpose: 'validation' });
  const benchmark = runner.benchmark;
  if (!id || !benchmark || runner.state !== 'finished') {
    throw runner.error
      ? Object.assign(new Error(runner.error.message), { name: runner.error.name })
      : new Error(`the ${what} benchmark ended ${runner.state}`);
  }
  return { id, benchmark, runs: runner.runs };
}
