// The service worker (built by vite-plugin-pwa's injectManifest, registered by src/app/service-worker.ts):
// - precaches one whole build (the app shell, the workers, the HiGHS WASM and the example models) from the
//   manifest the build injects, so the page loads and solves offline after one visit;
// - serves every response it answers with COOP/COEP/CORP added, so the page is cross-origin isolated (graceful
//   cancel) even on hosts that cannot set headers. Recipe: https://github.com/GoogleChrome/workbox/issues/2963
// - waits when a new build is installed until the page asks it to take over (the update prompt): one precache per
//   build, so a page never runs with a mix of old and new files.
/// <reference lib="webworker" />
import { addPlugins, cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import type { PrecacheEntry } from 'workbox-precaching';
import { withIsolationHeaders } from '../src/core/hosting/isolation';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: (string | PrecacheEntry)[] };

addPlugins([{ handlerWillRespond: async ({ response }) => withIsolationHeaders(response) }]);
precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();
// Any navigation in scope (e.g. `?bench`, whose query the precache would not match) gets the precached page.
registerRoute(new NavigationRoute(createHandlerBoundToURL('index.html')));

self.addEventListener('message', (event) => {
  if ((event.data as { type?: string } | null)?.type === 'SKIP_WAITING') void self.skipWaiting();
});
