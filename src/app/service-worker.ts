// Registers the service worker (workers/service-worker.ts) from a module, not an inline script (the CSP allows
// none), and feeds its events to the HostingState: offline-ready, a new version waiting (the update prompt), a
// newer version taking over. Also turns a failed load of one of this version's files (a deployment replaced them)
// into the "stale" notice instead of a half-working page. Production builds only: the dev server sends the headers.
import { registerSW } from 'virtual:pwa-register';
import type { HostingState } from '../state/hosting-state.svelte';

/** How often an open page asks the host for a new version (browsers also check on every navigation). */
export const UPDATE_CHECK_MS = 60 * 60 * 1000;

/** Registers the service worker and wires its events into `hosting`. */
export function registerServiceWorker(hosting: HostingState): void {
  // A lazily loaded chunk of this version is gone (a new deployment replaced it): say so, never mix versions.
  // https://vite.dev/guide/build#load-error-handling
  addEventListener('vite:preloadError', () => {
    hosting.stale ??= 'a file of this version is no longer on the server (a new version was deployed)';
  });
  if (!('serviceWorker' in navigator) || !isSecureContext) return;
  hosting.registration = 'pending';
  // Registered after the page's load event (workbox-window's default), so the precache does not compete with
  // the first visit's own loading.
  const update = registerSW({
    onRegisteredSW(_url, registration) {
      hosting.registration = 'registered';
      if (registration) setInterval(() => void registration.update().catch(() => {}), UPDATE_CHECK_MS);
    },
    onRegisterError(error: unknown) {
      hosting.registration = 'failed';
      hosting.registrationError = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    },
    onOfflineReady() {
      hosting.offlineReady = true;
    },
    onNeedRefresh() {
      hosting.updateReady = true;
    },
    onNeedReload() {
      if (hosting.takenOver() === 'reload') location.reload();
    },
  });
  hosting.onActivate(() => update(true));
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    hosting.controlled = true;
  });
}
