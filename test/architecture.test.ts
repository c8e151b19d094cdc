// The layer rules of DESIGN.md, checked on every import of src/ and workers/: a forbidden import
// fails here with the file, the line and the rule it breaks.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

type Layer = 'core' | 'solver' | 'storage' | 'state' | 'ui' | 'shell' | 'worker' | 'node';

/** The layer a repository path belongs to (null: not governed, e.g. type declarations). */
function layerOf(path: string): Layer | null {
  const p = path.split(sep).join('/');
  if (p.endsWith('.d.ts')) return null;
  if (p.startsWith('src/core/')) return 'core';
  if (p.startsWith('src/solver/')) return 'solver';
  if (p.startsWith('src/storage/')) return 'storage';
  if (p.startsWith('src/state/')) return 'state';
  if (/^src\/(ui|views|components)\//.test(p)) return 'ui';
  if (p.startsWith('src/node/')) return 'node'; // the Node runtime: workers on threads, the command line
  if (p.startsWith('src/')) return 'shell'; // main.ts, App.svelte, app/ (bootstrap, routes)
  if (p.startsWith('workers/')) return 'worker';
  return null;
}

/** What each layer may import: other layers, and npm packages. */
const RULES: Record<Layer, { layers: Layer[]; packages: string[] }> = {
  core: { layers: ['core'], packages: ['valibot'] }, // valibot: the report schema, pure and eval-free
  storage: { layers: ['core', 'storage'], packages: ['idb'] },
  solver: { layers: ['core', 'solver', 'worker'], packages: ['comlink', 'highs'] },
  state: { layers: ['core', 'solver', 'storage', 'state'], packages: ['svelte'] },
  ui: { layers: ['core', 'state', 'ui'], packages: ['svelte', 'chart.js'] },
  // virtual:pwa-register: vite-plugin-pwa's registration module (src/app/service-worker.ts).
  shell: {
    layers: ['core', 'solver', 'storage', 'state', 'ui', 'shell'],
    packages: ['svelte', 'virtual:pwa-register'],
  },
  // workbox-*: the service worker's precache and navigation route (workers/service-worker.ts).
  worker: { layers: ['core', 'worker'], packages: ['comlink', 'highs', 'workbox-precaching', 'workbox-routing'] },
  // The Node runtime builds the browser's services from the layers below it; Node's builtins are `node:` imports.
  node: { layers: ['core', 'solver', 'storage', 'state', 'worker', 'node'], packages: ['comlink', 'highs', 'node:*'] },
};

/** Extra allowances, each a documented exception of DESIGN.md. */
const ALLOWED_FILES: Record<Layer, string[]> = {
  // The worker shares the protocol (types and two flag constants) with the client: it is the contract.
  worker: ['src/solver/protocol.ts'],
  core: [],
  storage: [],
  solver: [],
  state: [],
  ui: [],
  shell: [],
  node: [],
};

/** Packages one file may import beyond its layer's, each a documented exception. */
const ALLOWED_PACKAGES: Record<string, string[]> = {
  // The bundler of the Node entries: a build step (tests, packaging), never part of a bundle.
  'src/node/bundle.ts': ['vite'],
};

/** One import found in a source text. */
interface FoundImport {
  line: number;
  spec: string;
  typeOnly: boolean;
}

/** Finds static imports, re-exports and dynamic import() calls, with their lines. */
function importsOf(source: string): FoundImport[] {
  const found: FoundImport[] = [];
  const re =
    /(?:^|\n)\s*(import|export)\s+(type\s+)?[^'"`;]*?from\s+['"]([^'"]+)['"]|(?:^|\n)\s*import\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;
  for (let m = re.exec(source); m; m = re.exec(source)) {
    const spec = m[3] ?? m[4] ?? m[5];
    const at = m.index + m[0].indexOf(spec);
    found.push({ line: source.slice(0, at).split('\n').length, spec, typeOnly: !!m[2] });
  }
  return found;
}

/** The rule an import breaks, or null. `from` and the result paths are relative to the repository. */
function violation(from: string, spec: string): string | null {
  const layer = layerOf(from);
  if (!layer) return null;
  const rule = RULES[layer];
  if (spec.startsWith('.')) {
    const target = relative(ROOT, resolve(ROOT, dirname(from), spec))
      .split(sep)
      .join('/');
    const targetLayer = layerOf(target.startsWith('src/') || target.startsWith('workers/') ? `${target}/x` : target);
    if (ALLOWED_FILES[layer].some((f) => target === f || `${target}.ts` === f)) return null;
    if (targetLayer === null) return `${layer} imports ${target}, outside the app's layers`;
    return rule.layers.includes(targetLayer) ? null : `${layer} must not import ${targetLayer} (${target})`;
  }
  const pkg = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split(/[/?]/)[0];
  const allowed = [...rule.packages, ...(ALLOWED_PACKAGES[from.split(sep).join('/')] ?? [])];
  if (allowed.includes(pkg) || (pkg.startsWith('node:') && allowed.includes('node:*'))) return null;
  return `${layer} must not import the package '${pkg}'`;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(ROOT, path)).isDirectory()) return sourceFiles(path);
    return /\.(ts|svelte)$/.test(name) ? [path] : [];
  });
}

const files = [...sourceFiles('src'), ...sourceFiles('workers')];

describe('the checker itself', () => {
  it.each([
    ['src/core/a.ts', '../state/x.svelte', 'core must not import state (src/state/x.svelte)'],
    ['src/core/a.ts', 'idb', "core must not import the package 'idb'"],
    ['src/ui/A.svelte', '../solver/protocol', 'ui must not import solver (src/solver/protocol)'],
    ['src/ui/A.svelte', 'comlink', "ui must not import the package 'comlink'"],
    ['src/state/s.svelte.ts', 'highs/runtime?url', "state must not import the package 'highs'"],
    ['workers/w.ts', '../src/storage/db', 'worker must not import storage (src/storage/db)'],
    ['workers/w.ts', '../src/solver/worker-pool', 'worker must not import solver (src/solver/worker-pool)'],
    ['workers/w.ts', '../src/solver/protocol', null],
    ['src/solver/p.ts', '../core/run-record', null],
    ['src/ui/A.svelte', '../core/format', null],
    ['src/main.ts', './app/bootstrap', null],
    ['src/node/pool.ts', '../solver/worker-pool', null],
    ['src/node/pool.ts', '../../workers/load-highs', null],
    ['src/node/pool.ts', 'node:worker_threads', null],
    ['src/node/pool.ts', 'vite', "node must not import the package 'vite'"],
    ['src/node/bundle.ts', 'vite', null],
    ['src/node/pool.ts', '../views/RunView.svelte', 'node must not import ui (src/views/RunView.svelte)'],
    ['src/solver/p.ts', '../node/node-pool', 'solver must not import node (src/node/node-pool)'],
    ['src/state/s.ts', '../node/summary', 'state must not import node (src/node/summary)'],
    ['src/app/bootstrap.ts', '../node/node-pool', 'shell must not import node (src/node/node-pool)'],
    ['src/core/a.ts', 'node:fs', "core must not import the package 'node:fs'"],
    ['workers/w.ts', '../src/node/node-worker', 'worker must not import node (src/node/node-worker)'],
  ])('%s importing %s → %s', (from, spec, expected) => expect(violation(from, spec)).toBe(expected));

  it('finds static, type-only, side-effect and dynamic imports with their lines', () => {
    const src =
      "import a from 'a';\nimport type { B } from \"./b\";\nimport './c.css';\nconst v = () => import('./D.svelte');\nexport { e } from './e';\n";
    expect(importsOf(src)).toEqual([
      { line: 1, spec: 'a', typeOnly: false },
      { line: 2, spec: './b', typeOnly: true },
      { line: 3, spec: './c.css', typeOnly: false },
      { line: 4, spec: './D.svelte', typeOnly: false },
      { line: 5, spec: './e', typeOnly: false },
    ]);
  });
});

describe('layer rules of DESIGN.md', () => {
  it('finds the source files', () => expect(files.length).toBeGreaterThan(30));

  it.each(files)('%s', (file) => {
    const problems = importsOf(readFileSync(join(ROOT, file), 'utf8'))
      .filter((i) => !i.spec.endsWith('.css'))
      .map((i) => ({ ...i, why: violation(file, i.spec) }))
      .filter((i) => i.why)
      .map((i) => `${file}:${i.line}: ${i.why}`);
    expect(problems).toEqual([]);
  });

  it('only src/solver (and src/node, for worker_threads) creates workers', () => {
    const creators = files.filter((f) => /new\s+(Shared)?Worker\s*\(/.test(readFileSync(join(ROOT, f), 'utf8')));
    expect(
      creators.filter((f) => !f.startsWith(`src${sep}solver${sep}`) && !f.startsWith(`src${sep}node${sep}`)),
    ).toEqual([]);
    expect(creators.length).toBeGreaterThan(0);
  });

  it('nothing evaluates strings as code', () => {
    const offenders = files.filter((f) => /\beval\s*\(|new\s+Function\s*\(/.test(readFileSync(join(ROOT, f), 'utf8')));
    expect(offenders).toEqual([]);
  });
});
