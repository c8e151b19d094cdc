// Small helpers the check modules share: one wording for "probe not available" and for percentages and sizes.
import type { CheckOutcome } from '../types';

/** The outcome of a check whose probe the app did not supply (e.g. no IndexedDB): unknown, saying which. */
export function unavailable(what: string): CheckOutcome {
  return { status: 'unknown', message: `${what} is not available` };
}

/** A ratio as a percentage with one decimal ("12.5 %"), the form every check message uses. */
export function percent(ratio: number): string {
  return `${(ratio * 100).toFixed(1)} %`;
}

/** Bytes as MiB with one decimal ("512.0 MiB"). */
export function mib(bytes: number): string {
  return `${(bytes / 2 ** 20).toFixed(1)} MiB`;
}

/** The message of a rejected probe, for a failed outcome. */
export function reasonOf(e: unknown): string {
  return e instanceof Error ? e.message || e.name : String(e);
}
