// Check: the page is cross-origin isolated, so a solve can be cancelled gracefully (SharedArrayBuffer flag).
import type { HealthCheck, CheckOutcome } from '../types';
import { ISOLATION_HEADERS_TEXT } from '../../hosting/isolation';

/** Cross-origin isolation: without it cancel terminates the worker (a warning, not an outage). */
export const crossOriginIsolationCheck: HealthCheck = {
  id: 'cross-origin-isolation',
  name: 'Cross-origin isolation',
  severity: 'warning',
  usesSolver: false,
  async run(ctx): Promise<CheckOutcome> {
    if (ctx.crossOriginIsolated === undefined) return { status: 'unknown', message: 'isolation is not known' };
    if (ctx.crossOriginIsolated) {
      return {
        status: 'pass',
        message: 'cross-origin isolated: cancel is graceful',
        details: { crossOriginIsolated: true },
      };
    }
    return {
      status: 'warning',
      message:
        'not cross-origin isolated: cancelling a solve terminates its worker (which then restarts and warms up again); ' +
        (ctx.isolationReason ?? `the host must send ${ISOLATION_HEADERS_TEXT}`),
      details: {
        crossOriginIsolated: false,
        'Cross-Origin-Opener-Policy': 'same-origin',
        'Cross-Origin-Embedder-Policy': 'require-corp',
      },
    };
  },
};
