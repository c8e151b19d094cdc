// The files static hosts read: public/_headers (Netlify, Cloudflare Pages) sends the same isolation headers and CSP
// as the app's own (src/core/hosting), and the GitHub Pages workflow builds with the locked dependencies and deploys
// dist/. The built page's own tags (CSP meta, manifest link) are checked by the e2e tests on the built app.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { CSP, CSP_HEADER, FRAMING_HEADERS } from '../../../src/core/hosting/csp';
import { ISOLATION_HEADERS } from '../../../src/core/hosting/isolation';

const read = (path: string) => readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8');

/** _headers as { path: { header: value } } (Netlify's format: a path line, then indented `Name: value` lines). */
function parseHeadersFile(text: string): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = {};
  let path: string | null = null;
  text.split('\n').forEach((line, i) => {
    if (!line.trim() || line.startsWith('#')) return;
    if (!/^\s/.test(line)) {
      path = line.trim();
      out[path] = {};
      return;
    }
    const m = /^\s+([\w-]+):\s*(.+)$/.exec(line);
    if (!m || path === null) throw new Error(`_headers line ${i + 1}: not "Name: value" under a path: ${line}`);
    out[path][m[1]] = m[2];
  });
  return out;
}

describe('public/_headers', () => {
  const rules = parseHeadersFile(read('public/_headers'));

  it('sends the isolation headers and the CSP for every path', () => {
    expect(rules['/*']).toMatchObject({ ...ISOLATION_HEADERS, ...FRAMING_HEADERS });
    // No site may frame the workbench (issue 18): the header CSP is the page's plus frame-ancestors 'none'.
    expect(rules['/*']['Content-Security-Policy']).toBe(`${CSP}; frame-ancestors 'none'`);
    expect(CSP_HEADER).toContain("frame-ancestors 'none'");
    expect(CSP).not.toContain('frame-ancestors'); // a <meta> CSP ignores it (and Chromium logs an error)
  });

  it('lets the page and the service worker be revalidated on every visit, hashed assets be cached for good', () => {
    expect(rules['/index.html']['Cache-Control']).toBe('no-cache');
    expect(rules['/service-worker.js']['Cache-Control']).toBe('no-cache');
    expect(rules['/assets/*']['Cache-Control']).toMatch(/immutable/);
  });

  it('the parser refuses a header line outside a path (so the checks above read real rules)', () => {
    expect(() => parseHeadersFile('  X-Orphan: 1\n')).toThrow(/line 1/);
  });
});

describe('.github/workflows/pages.yml', () => {
  const yml = read('.github/workflows/pages.yml');

  it('installs exactly the locked dependencies, builds, uploads dist/ and deploys it to Pages', () => {
    const steps = ['npm ci', 'npm run build', 'actions/upload-pages-artifact', 'path: dist', 'actions/deploy-pages'];
    const at = steps.map((s) => yml.indexOf(s));
    expect(
      at.every((i) => i >= 0),
      `missing: ${steps.filter((_, k) => at[k] < 0).join(', ')}`,
    ).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });

  it('has the permissions Pages deployment needs', () => {
    expect(yml).toMatch(/pages: write/);
    expect(yml).toMatch(/id-token: write/);
  });
});
