// A plain static host for the built app, as GitHub Pages is one: serves a build directory under a subpath, sets no
// COOP/COEP/CSP headers at all, answers conditional requests (ETag → 304) as real static hosts do, and counts the
// requests and body bytes it served (the hosted bench's "bytes over the network"). Used by e2e/hosted.spec.ts and
// bench/hosted.bench.mjs.
import { createServer } from 'node:http';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';

const TYPES = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
};

/**
 * Serves `root` (a directory path ending in /) at http://127.0.0.1:<port><prefix>. Returns the base URL, `setRoot`
 * (a new deployment), `served` (requests and body bytes so far, `reset()` to zero them) and `close`.
 */
export async function serveStatic({ root, prefix = '/some/path/' }) {
  let dir = root;
  const served = {
    requests: 0,
    bytes: 0,
    reset: () => Object.assign(served, { requests: 0, bytes: 0 }),
  };
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    served.requests++;
    if (!path.startsWith(prefix)) return void res.writeHead(404).end();
    const rel = normalize(path.slice(prefix.length) || 'index.html');
    const file = join(dir, rel.endsWith('/') ? `${rel}index.html` : rel);
    if (!file.startsWith(dir) || !existsSync(file) || statSync(file).isDirectory())
      return void res.writeHead(404).end();
    const body = readFileSync(file);
    const etag = `"${createHash('sha1').update(body).digest('base64url')}"`;
    const headers = {
      'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
      ETag: etag,
      'Cache-Control': 'no-cache',
    };
    if (req.headers['if-none-match'] === etag) return void res.writeHead(304, headers).end();
    served.bytes += body.length;
    res.writeHead(200, headers).end(body);
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${server.address().port}${prefix}`,
    setRoot: (next) => (dir = next),
    served,
    close: () => new Promise((r) => server.close(() => r())),
  };
}
