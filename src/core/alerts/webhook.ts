// The webhook channel's pure parts: which URLs are accepted (https; http only for localhost), how the UI shows
// one (never in full: the URL is a secret), the JSON body posted (never the URL), and the retry schedule.
import type { Alert } from './types';

/** The longest webhook URL accepted. */
export const MAX_WEBHOOK_URL_LENGTH = 2000;

// Only the hosts the CSP's connect-src allows over plain http (src/core/hosting/csp.ts); Chromium refuses `http://[::1]:*` as a CSP source.
const LOCAL_HOSTS = ['localhost', '127.0.0.1'];

/** Why a webhook URL is refused, or null when it is acceptable. */
export function validateWebhookUrl(text: string): string | null {
  if (typeof text !== 'string' || text.trim().length === 0) return 'enter the webhook URL';
  if (text.length > MAX_WEBHOOK_URL_LENGTH) return `the URL is longer than ${MAX_WEBHOOK_URL_LENGTH} characters`;
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return 'this is not a valid URL';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'the webhook URL must use https';
  if (url.protocol === 'http:' && !LOCAL_HOSTS.includes(url.hostname))
    return 'the webhook URL must use https (http is allowed only for localhost and 127.0.0.1)';
  if (url.username !== '' || url.password !== '') return 'the URL must not contain a user name or password';
  return null;
}

/** What the UI shows of a webhook URL: its origin and '/…', never the path, query or credentials. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.protocol !== 'https:' && u.protocol !== 'http:') return '(invalid URL)';
    return `${u.protocol}//${u.host}/…`;
  } catch {
    return '(invalid URL)';
  }
}

/** The JSON body posted for an alert: versioned, the alert's facts, never the webhook URL or delivery details. */
export function webhookPayload(alert: Alert, appVersion: string): object {
  const iso = (t: number | null) => (t === null ? null : new Date(t).toISOString());
  return {
    schema: 'highs-workbench/alert',
    version: 1,
    app: { version: appVersion },
    alert: {
      id: alert.id,
      key: alert.key,
      source: alert.source,
      severity: alert.severity,
      template: alert.template,
      title: alert.title,
      message: alert.message,
      details: { ...alert.details },
      state: alert.state,
      raisedAt: iso(alert.raisedAt),
      lastSeenAt: iso(alert.lastSeenAt),
      occurrences: alert.occurrences,
      resolvedAt: iso(alert.resolvedAt),
      resolveNote: alert.resolveNote,
    },
  };
}

/** The waits between delivery attempts: baseMs doubling, capped (maxAttempts 4 → [1000, 2000, 4000]). */
export function backoffDelays(maxAttempts = 4, baseMs = 1000, capMs = 30_000): number[] {
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1) throw new Error('maxAttempts must be a whole number ≥ 1');
  if (!(baseMs >= 0) || !(capMs >= 0)) throw new Error('baseMs and capMs must be ≥ 0');
  return Array.from({ length: maxAttempts - 1 }, (_, i) => Math.min(capMs, baseMs * 2 ** i));
}

/** Whether a failed delivery is worth retrying: a network error (null), 408, 429 or a 5xx; not other statuses. */
export function isRetryable(status: number | null): boolean {
  if (status === null) return true;
  return status === 408 || status === 429 || (status >= 500 && status <= 599);
}
