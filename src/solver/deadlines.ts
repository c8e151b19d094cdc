// The watchdog's deadlines for one job: while it validates and reads its model (which time_limit
// does not cover) an allowance that grows with the input; from the start of the solve, time_limit + grace.
import { isGzip, MAX_DECOMPRESSED_BYTES } from '../core/model-input';
import type { OptionValues } from './protocol';
import type { PoolConfig } from './pool-types';

const MIB = 2 ** 20;

/** The time a job may take to validate and read its input, so a big model is not cut off before it solves. */
export function readAllowanceMs(
  bytes: Uint8Array,
  config: Pick<PoolConfig, 'readBaseMs' | 'readMsPerMiB' | 'gzipReadFactor'>,
): number {
  const counted = isGzip(bytes)
    ? Math.min(bytes.byteLength * config.gzipReadFactor, MAX_DECOMPRESSED_BYTES)
    : bytes.byteLength;
  return config.readBaseMs + (counted / MIB) * config.readMsPerMiB;
}

/** The time a job may take from the start of its solve: its time_limit (else defaultDeadlineMs) plus grace. */
export function solveDeadlineMs(
  options: OptionValues,
  config: Pick<PoolConfig, 'graceMs' | 'defaultDeadlineMs'>,
): number {
  const tl = options.time_limit;
  const limitMs = typeof tl === 'number' && Number.isFinite(tl) ? tl * 1000 : config.defaultDeadlineMs;
  return limitMs + config.graceMs;
}
