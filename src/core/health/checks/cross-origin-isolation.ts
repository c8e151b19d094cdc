// Check: the page is cross-origin isolated, so a solve can be cancelled gracefully (SharedArrayBuffer flag).
import type { HealthCheck, CheckOutcome } from '../types';

/** The response headers a host must send for cross-origin isolation. */
export const ISOLATION_HEADERS =
  'Cross-Origin-Opener-Policy: same-origin and Cross-Origin-Embedder-Policy: require-corp';

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
        `the host must send ${ISOLATION_HEADERS}`,
      details: {
        crossOriginIsolated: false,
        'Cross-Origin-Opener-Policy': 'same-origin',
        'Cross-Origin-Embedder-Policy': 'require-corp',
      },
    };
  },
};
