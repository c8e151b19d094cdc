// Cross-origin isolation on any static host: the headers that isolate a page, the service worker's re-wrap of the
// responses it serves (for hosts that cannot set headers, e.g. GitHub Pages), and why a page is or is not isolated.
// Recipe for adding COOP/COEP from a service worker: https://github.com/GoogleChrome/workbox/issues/2963

/** The response headers that make a page cross-origin isolated (SharedArrayBuffer, graceful cancel). */
export const ISOLATION_HEADERS: Readonly<Record<string, string>> = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/** The two headers a host must send, as one phrase for messages. */
export const ISOLATION_HEADERS_TEXT =
  'Cross-Origin-Opener-Policy: same-origin and Cross-Origin-Embedder-Policy: require-corp';

/**
 * The response with the isolation headers added (what a header-setting host would have sent). Opaque and
 * error responses (status 0) cannot be rebuilt and pass through unchanged.
 */
export function withIsolationHeaders(response: Response): Response {
  if (response.status === 0 || response.type === 'opaqueredirect') return response;
  const headers = new Headers(response.headers);
  for (const [name, value] of Object.entries(ISOLATION_HEADERS)) headers.set(name, value);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

/** What the page knows about its isolation and its service worker. */
export interface IsolationFacts {
  crossOriginIsolated: boolean;
  /** https, or http on localhost: service workers need it. */
  secureContext: boolean;
  /** 'serviceWorker' in navigator. */
  serviceWorkerSupported: boolean;
  /** This build registers the service worker (production builds do; the dev server sends the headers itself). */
  serviceWorkerEnabled: boolean;
  /** A service worker controls this page (it served the document). */
  controlled: boolean;
  /** The registration: not yet asked, under way, registered, or refused (with the browser's message). */
  registration: 'none' | 'pending' | 'registered' | 'failed';
  registrationError?: string;
}

/** Why the page is (or is not) isolated, and whether a reload would fix it. */
export interface IsolationDiagnosis {
  isolated: boolean;
  /** Who isolates it, or what stops it. */
  cause:
    | 'headers'
    | 'service-worker'
    | 'reload-needed'
    | 'installing'
    | 'insecure-context'
    | 'no-service-worker'
    | 'registration-failed'
    | 'sw-disabled'
    | 'not-honoured';
  /** One sentence for the user. */
  message: string;
  /** Reloading the page would isolate it. */
  reloadHelps: boolean;
}

/** Explains the page's isolation from its facts (table-tested: each cause is one row). */
export function diagnoseIsolation(f: IsolationFacts): IsolationDiagnosis {
  if (f.crossOriginIsolated) {
    return f.controlled && f.serviceWorkerEnabled
      ? {
          isolated: true,
          cause: 'service-worker',
          message: 'cross-origin isolated by the service worker: cancel is graceful',
          reloadHelps: false,
        }
      : {
          isolated: true,
          cause: 'headers',
          message: "cross-origin isolated by the host's headers: cancel is graceful",
          reloadHelps: false,
        };
  }
  const terminate = 'cancel terminates the worker';
  if (!f.serviceWorkerEnabled)
    return {
      isolated: false,
      cause: 'sw-disabled',
      message: `not isolated: this build has no service worker and the host sends no ${ISOLATION_HEADERS_TEXT}; ${terminate}`,
      reloadHelps: false,
    };
  if (!f.secureContext)
    return {
      isolated: false,
      cause: 'insecure-context',
      message: `not isolated: the page is served over plain http from another machine, where browsers allow no service worker; serve it over https (or send ${ISOLATION_HEADERS_TEXT}); ${terminate}`,
      reloadHelps: false,
    };
  if (!f.serviceWorkerSupported)
    return {
      isolated: false,
      cause: 'no-service-worker',
      message: `not isolated: this browser offers no service worker here (disabled, or a private window), and the host sends no ${ISOLATION_HEADERS_TEXT}; ${terminate}`,
      reloadHelps: false,
    };
  if (f.registration === 'failed')
    return {
      isolated: false,
      cause: 'registration-failed',
      message: `not isolated: the service worker could not be registered (${f.registrationError ?? 'no reason given'}); ${terminate}`,
      reloadHelps: false,
    };
  if (f.controlled)
    return {
      isolated: false,
      cause: 'not-honoured',
      message: `not isolated although the service worker serves the page: the browser did not honour its headers (an embedding page without COEP?); ${terminate}`,
      reloadHelps: false,
    };
  if (f.registration === 'registered')
    return {
      isolated: false,
      cause: 'reload-needed',
      message: `not isolated yet: the service worker is installed and isolates the page from the next load on; reload once (${terminate} until then)`,
      reloadHelps: true,
    };
  return {
    isolated: false,
    cause: 'installing',
    message: `not isolated yet: the service worker is being installed (first visit); ${terminate} until the next load`,
    reloadHelps: false,
  };
}
