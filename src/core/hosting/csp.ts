// The app's Content-Security-Policy, in one place: vite.config.ts puts it into the built page (meta tag) and the
// preview server's headers, and public/_headers ships it to hosts that read that file (a test keeps them equal).

/**
 * 'wasm-unsafe-eval' (for the solver) is the one script allowance. worker-src 'self' covers the solver workers and
 * the service worker. connect-src also allows https: and local http: for the alert webhook the user sets (validated
 * the same way in src/core/alerts/webhook.ts: https anywhere, plain http only to this machine).
 */
export const CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self' https: http://localhost:* http://127.0.0.1:*",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

// frame-ancestors works only as a header (a <meta> CSP ignores it, and Chromium logs an error for it), so the
// headers carry the page's CSP plus it; X-Frame-Options says the same to browsers that predate frame-ancestors.
/** The CSP as a response header: the page's CSP, and no site may frame the workbench (clickjacking). */
export const CSP_HEADER = `${CSP}; frame-ancestors 'none'`;

/** The anti-framing headers every server of the built app sends beside the isolation headers. */
export const FRAMING_HEADERS = { 'Content-Security-Policy': CSP_HEADER, 'X-Frame-Options': 'DENY' } as const;
