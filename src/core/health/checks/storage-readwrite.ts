// Check: IndexedDB writes, reads back and deletes a probe record (history, baselines and metrics depend on it).
import type { HealthCheck, CheckOutcome } from '../types';
import { reasonOf, unavailable } from './shared';

/** Storage round trip: a probe written must read back unchanged (critical: nothing is kept otherwise). */
export const storageReadWriteCheck: HealthCheck = {
  id: 'storage-readwrite',
  name: 'IndexedDB reads and writes',
  severity: 'critical',
  usesSolver: false,
  async run(ctx): Promise<CheckOutcome> {
    if (!ctx.storageRoundTrip) return unavailable('IndexedDB');
    const probe = `health-probe-${ctx.now()}`;
    let read: string | undefined;
    try {
      read = await ctx.storageRoundTrip(probe);
    } catch (e) {
      return { status: 'fail', message: `the storage round trip failed: ${reasonOf(e)}`, details: { probe } };
    }
    if (read === probe) {
      return { status: 'pass', message: 'a probe record was written, read back and deleted', details: { probe } };
    }
    return {
      status: 'fail',
      message: read === undefined ? 'the probe record was not read back' : 'the probe record read back changed',
      details: { probe, read: read ?? null },
    };
  },
};
