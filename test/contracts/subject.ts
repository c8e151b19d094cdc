// What a contract suite runs against: one implementation of a store, fresh for each case, and where the
// implementation can hold records the app cannot read (IndexedDB, files), a way to store one past every check.
import type { RecordKey } from '../../src/core/backup';
import { describe, it } from 'vitest';

/** One fresh store of an implementation. */
export interface Subject<S, D = never> {
  store: S;
  /** Writes records straight into the storage, past every check (a hand edit, an older version's bug); absent: it cannot hold one. */
  damage?: D;
}

/** Makes a fresh subject for each case. */
export type MakeSubject<S, D = never> = () => Subject<S, D> | Promise<Subject<S, D>>;

/** Gives the damage writer of a subject that has one (a case about damaged records runs only where it can). */
export function damageOf<D>(subject: Subject<unknown, D>): D {
  if (subject.damage === undefined) throw new Error('this implementation cannot hold damaged records');
  return subject.damage;
}

/** Writes one value as a stored record, past every check; returns the key the store lists it by. */
export type WriteRaw = (value: object) => Promise<RecordKey>;

/** Raw writes of the benchmark stores: a benchmark's description, one run of a benchmark. */
export interface BenchmarkDamage {
  benchmark: WriteRaw;
  run(benchmarkId: string, value: object): Promise<RecordKey>;
}

/**
 * `it` where a case applies to the implementation, and nothing at all where it does not (memory cannot hold a
 * damaged record): the case is not declared there, rather than declared and skipped.
 */
export function onlyWhen(applies: boolean): (name: string, fn: () => Promise<void> | void, timeout?: number) => void {
  return applies ? it : () => {};
}

/** `describe` (with `.each`) where a group of cases applies, and nothing where it does not (see onlyWhen). */
export function describeWhen(applies: boolean): Pick<typeof describe, 'each'> {
  return applies ? describe : { each: (() => () => {}) as unknown as typeof describe.each };
}
