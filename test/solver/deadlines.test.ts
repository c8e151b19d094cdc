// The watchdog deadlines on their own: the read allowance by input size and kind, the solve deadline by time limit.
import { describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import { readAllowanceMs, solveDeadlineMs } from '../../src/solver/deadlines';
import { MAX_DECOMPRESSED_BYTES } from '../../src/core/model-input';
import type { OptionValues } from '../../src/solver/protocol';

const MIB = 2 ** 20;
const read = { readBaseMs: 1_000, readMsPerMiB: 100, gzipReadFactor: 8 };
/** `n` bytes that start like gzip (only the signature is looked at). */
const gz = (n: number) => Object.assign(new Uint8Array(n), { 0: 0x1f, 1: 0x8b });

describe('readAllowanceMs (base 1 s, 100 ms per MiB, gzip counted 8×)', () => {
  it.each<[string, Uint8Array, number]>([
    ['empty input: the base', new Uint8Array(0), 1_000],
    ['1 MiB of text', new Uint8Array(MIB), 1_100],
    ['half a MiB of text', new Uint8Array(MIB / 2), 1_050],
    ['10 MiB of text', new Uint8Array(10 * MIB), 2_000],
    ['1 MiB of gzip: counted as 8 MiB', gz(MIB), 1_800],
    [
      '64 MiB of gzip: counted as at most the decompressed limit',
      gz(64 * MIB),
      1_000 + (MAX_DECOMPRESSED_BYTES / MIB) * 100,
    ],
    ['1 MiB starting with 1f only: not gzip', Object.assign(new Uint8Array(MIB), { 0: 0x1f }), 1_100],
  ])('%s', (_label, bytes, expected) => {
    expect(readAllowanceMs(bytes, read)).toBeCloseTo(expected, 6);
  });

  it('recognises real gzip output', () => {
    const bytes = new Uint8Array(gzipSync(new Uint8Array(MIB)));
    expect(readAllowanceMs(bytes, read)).toBeCloseTo(1_000 + (bytes.byteLength * 8 * 100) / MIB, 6);
  });
});

describe('solveDeadlineMs (grace 500 ms, default deadline 60 s)', () => {
  it.each<[string, OptionValues, number]>([
    ['a time limit: time limit + grace', { time_limit: 2 }, 2_500],
    ['a tiny time limit', { time_limit: 0.05 }, 550],
    ['a zero time limit', { time_limit: 0 }, 500],
    ['no time limit: default deadline + grace', {}, 60_500],
    ['an infinite time limit: default deadline + grace', { time_limit: Infinity }, 60_500],
    ['a time limit that is not a number: default deadline + grace', { time_limit: 'inf' }, 60_500],
    ['other options do not matter', { presolve: 'off', mip_rel_gap: 0.1 }, 60_500],
  ])('%s', (_label, options, expected) => {
    expect(solveDeadlineMs(options, { graceMs: 500, defaultDeadlineMs: 60_000 })).toBeCloseTo(expected, 6);
  });
});
