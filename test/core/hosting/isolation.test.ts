import { describe, expect, it } from 'vitest';
import {
  ISOLATION_HEADERS,
  diagnoseIsolation,
  withIsolationHeaders,
  type IsolationDiagnosis,
  type IsolationFacts,
} from '../../../src/core/hosting/isolation';

/** A production page over https, controlled by its service worker and isolated by it. */
const ISOLATED_BY_SW: IsolationFacts = {
  crossOriginIsolated: true,
  secureContext: true,
  serviceWorkerSupported: true,
  serviceWorkerEnabled: true,
  controlled: true,
  registration: 'registered',
};
/** The first visit on a header-less host: not isolated, not controlled. */
const FIRST_VISIT: IsolationFacts = {
  ...ISOLATED_BY_SW,
  crossOriginIsolated: false,
  controlled: false,
  registration: 'none',
};

interface Row {
  name: string;
  facts: IsolationFacts;
  want: Pick<IsolationDiagnosis, 'isolated' | 'cause' | 'reloadHelps'>;
  message: RegExp;
}

const rows: Row[] = [
  {
    name: 'controlled and isolated → the service worker isolates it',
    facts: ISOLATED_BY_SW,
    want: { isolated: true, cause: 'service-worker', reloadHelps: false },
    message: /by the service worker: cancel is graceful/,
  },
  {
    name: 'isolated without a controlling service worker → the host headers do',
    facts: { ...ISOLATED_BY_SW, controlled: false },
    want: { isolated: true, cause: 'headers', reloadHelps: false },
    message: /host's headers/,
  },
  {
    name: 'isolated in a build without a service worker (dev server) → headers',
    facts: { ...ISOLATED_BY_SW, serviceWorkerEnabled: false },
    want: { isolated: true, cause: 'headers', reloadHelps: false },
    message: /host's headers/,
  },
  {
    name: 'first visit, registration under way → installing, a reload does not help yet',
    facts: { ...FIRST_VISIT, registration: 'pending' },
    want: { isolated: false, cause: 'installing', reloadHelps: false },
    message: /being installed \(first visit\)/,
  },
  {
    name: 'first visit, registered → reload once',
    facts: { ...FIRST_VISIT, registration: 'registered' },
    want: { isolated: false, cause: 'reload-needed', reloadHelps: true },
    message: /reload once/,
  },
  {
    name: 'registration refused → its error is the reason',
    facts: { ...FIRST_VISIT, registration: 'failed', registrationError: 'SecurityError: blocked by policy' },
    want: { isolated: false, cause: 'registration-failed', reloadHelps: false },
    message: /could not be registered \(SecurityError: blocked by policy\)/,
  },
  {
    name: 'no service worker in this browser → name both headers',
    facts: { ...FIRST_VISIT, serviceWorkerSupported: false },
    want: { isolated: false, cause: 'no-service-worker', reloadHelps: false },
    message:
      /no service worker.*Cross-Origin-Opener-Policy: same-origin and Cross-Origin-Embedder-Policy: require-corp/,
  },
  {
    name: 'plain http from another machine → https needed (even if the browser has service workers)',
    facts: { ...FIRST_VISIT, secureContext: false },
    want: { isolated: false, cause: 'insecure-context', reloadHelps: false },
    message: /plain http.*https/,
  },
  {
    name: 'a build without a service worker and no headers → neither',
    facts: { ...FIRST_VISIT, serviceWorkerEnabled: false },
    want: { isolated: false, cause: 'sw-disabled', reloadHelps: false },
    message: /no service worker and the host sends no/,
  },
  {
    name: 'controlled but not isolated → the browser did not honour the headers',
    facts: { ...ISOLATED_BY_SW, crossOriginIsolated: false },
    want: { isolated: false, cause: 'not-honoured', reloadHelps: false },
    message: /did not honour/,
  },
];

describe('diagnoseIsolation', () => {
  it.each(rows)('$name', ({ facts, want, message }) => {
    const d = diagnoseIsolation(facts);
    expect({ isolated: d.isolated, cause: d.cause, reloadHelps: d.reloadHelps }).toEqual(want);
    expect(d.message).toMatch(message);
  });

  it('every non-isolated message says what cancel does meanwhile', () => {
    for (const { facts } of rows.filter((r) => !r.want.isolated))
      expect(diagnoseIsolation(facts).message).toMatch(/cancel terminates the worker/);
  });
});

describe('withIsolationHeaders', () => {
  it('adds COOP, COEP and CORP and keeps status, other headers and body', async () => {
    const original = new Response('<!doctype html>', {
      status: 200,
      statusText: 'OK',
      headers: { 'Content-Type': 'text/html', 'Cross-Origin-Embedder-Policy': 'unsafe-none' },
    });
    const r = withIsolationHeaders(original);
    expect(r.status).toBe(200);
    expect(r.statusText).toBe('OK');
    expect(r.headers.get('content-type')).toBe('text/html');
    for (const [name, value] of Object.entries(ISOLATION_HEADERS)) expect(r.headers.get(name)).toBe(value);
    expect(await r.text()).toBe('<!doctype html>');
  });

  it('keeps an error status (a 404 stays a 404)', () => {
    const r = withIsolationHeaders(new Response('missing', { status: 404 }));
    expect(r.status).toBe(404);
    expect(r.headers.get('Cross-Origin-Embedder-Policy')).toBe('require-corp');
  });

  it('passes a network error (status 0) through unchanged: it cannot be rebuilt', () => {
    const error = Response.error();
    expect(withIsolationHeaders(error)).toBe(error);
  });
});
