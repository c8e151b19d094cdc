// The browser side of alert channels: a webhook POST through fetch (CORS, no credentials, no referrer,
// a timeout) and the Notification API. The state layer decides what to send and when (cooldowns,
// retries); these only carry one message.
import type { Notifier, WebhookSender } from '../state/ports';

/** How long one webhook POST may take before it counts as a network failure. */
const WEBHOOK_TIMEOUT_MS = 10_000;

/** Posts JSON with fetch; any network error or timeout comes back as status null. */
export function fetchWebhook(): WebhookSender {
  return {
    async post(url, body) {
      try {
        const res = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body,
          mode: 'cors',
          credentials: 'omit',
          referrerPolicy: 'no-referrer',
          cache: 'no-store',
          signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
        });
        return { status: res.status, detail: `HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}` };
      } catch (e) {
        return { status: null, detail: e instanceof Error ? `${e.name}: ${e.message}` : String(e) };
      }
    },
  };
}

/** The Notification API, or a notifier that says it is unsupported. */
export function browserNotifier(): Notifier {
  const N = (globalThis as { Notification?: typeof Notification }).Notification;
  return {
    permission: () => (N ? N.permission : 'unsupported'),
    request: async () => (N ? await N.requestPermission() : 'unsupported'),
    show(title, body, tag) {
      if (N?.permission === 'granted') new N(title, { body, tag });
    },
  };
}
