// Check: the biggest worker WASM heap is far enough below the 2 GiB ceiling (WASM memory only grows).
import type { HealthCheck, CheckOutcome } from '../types';
import { mib, percent, unavailable } from './shared';

/** The WASM heap ceiling of the highs runtime, bytes (2 GiB). */
export const WASM_CEILING_BYTES = 2 ** 31;
/** Heap ÷ ceiling below which the check passes, and below which it is only a warning (at or above: fail). */
export const WASM_WARN_RATIO = 0.5;
export const WASM_FAIL_RATIO = 0.8;

/** WASM memory headroom: the largest heap of any worker against the ceiling. */
export const wasmMemoryHeadroomCheck: HealthCheck = {
  id: 'wasm-memory-headroom',
  name: 'WASM memory headroom',
  severity: 'warning',
  usesSolver: false,
  async run(ctx): Promise<CheckOutcome> {
    if (!ctx.workers) return unavailable('the worker pool probe');
    const workers = ctx.workers();
    if (workers.length === 0) return { status: 'unknown', message: 'no workers are running' };
    const top = workers.reduce((a, b) => (b.wasmMemoryBytes > a.wasmMemoryBytes ? b : a));
    const ratio = top.wasmMemoryBytes / WASM_CEILING_BYTES;
    const status = ratio < WASM_WARN_RATIO ? 'pass' : ratio < WASM_FAIL_RATIO ? 'warning' : 'fail';
    return {
      status,
      message: `largest worker heap ${mib(top.wasmMemoryBytes)} (slot ${top.slot}) is ${percent(ratio)} of the 2 GiB ceiling`,
      details: {
        slot: top.slot,
        workerId: top.workerId,
        wasmMemoryBytes: top.wasmMemoryBytes,
        ceilingBytes: WASM_CEILING_BYTES,
        usedPct: Math.round(ratio * 1000) / 10,
      },
    };
  },
};
