// Bundles the Node entries (./entries.ts) into self-contained .mjs files with Vite's SSR build: Node 20
// cannot run our extensionless TypeScript imports. Only `highs`, `comlink` and Node's builtins stay
// imports. A build is keyed by a content hash of what it can read (src/, workers/, package.json and
// its lock): each bundle ends with its key, and a bundle whose key is current is not built again.
// Each entry is built into a staging directory and renamed into place (atomic), so a worker starting
// in another process sharing the directory never finds a bundle missing or half written. A build
// tool: it runs from the sources (tests, packaging), never inside a bundle.
import { build } from 'vite';
import { createHash } from 'node:crypto';
import {
  closeSync,
  existsSync,
  fstatSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  readSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NODE_ENTRIES, type NodeEntry } from './entries';

/** The repository's root (this file is src/node/bundle.ts). */
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');

/** What a bundle can be made of: its key hashes every file under these. */
const KEYED_PATHS = ['src', 'workers', 'package.json', 'package-lock.json'];

/** The last line of every bundle, before its key (the last line, so a command line's `#!` can stay first). */
const KEY_PREFIX = '// highs-workbench node bundle ';

/** Packages the bundles import rather than contain, besides Node's builtins. */
const EXTERNAL = ['highs', 'comlink', /^comlink\//, /^node:/];

/** The app's version, as vite.config.ts defines it for the page (src/state/app-info.ts reads __APP_VERSION__). */
function appVersion(): string {
  const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
  return process.env.WORKBENCH_BUILD ? `${version}+${process.env.WORKBENCH_BUILD}` : version;
}

/** A content hash of every file under KEYED_PATHS (in a stable order), the entries and the version. */
function sourceKey(version: string): string {
  const hash = createHash('sha256').update(JSON.stringify({ NODE_ENTRIES, version }));
  const add = (path: string, isDir: boolean): void => {
    if (isDir) {
      const items = readdirSync(join(ROOT, path), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
      for (const d of items) add(`${path}/${d.name}`, d.isDirectory());
      return;
    }
    const bytes = readFileSync(join(ROOT, path));
    hash.update(`${path}\0${bytes.length}\0`).update(bytes);
  };
  for (const path of KEYED_PATHS) {
    const full = join(ROOT, path);
    if (existsSync(full)) add(path, statSync(full).isDirectory());
  }
  return hash.digest('hex');
}

/** The key at the end of a bundle, or null (no bundle, or not one of ours). */
function keyOf(file: string): string | null {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return null;
  }
  try {
    const tail = Buffer.alloc(KEY_PREFIX.length + 64 + 1);
    const start = Math.max(0, fstatSync(fd).size - tail.length);
    const n = readSync(fd, tail, 0, tail.length, start);
    const text = tail.subarray(0, n).toString('utf8');
    return text.startsWith(KEY_PREFIX) ? text.slice(KEY_PREFIX.length).trim() : null;
  } finally {
    closeSync(fd);
  }
}

/** Bundles one entry into `dir` as `${name}.mjs`, the only file there. */
async function bundleOne(name: NodeEntry, dir: string, version: string): Promise<string> {
  await build({
    configFile: false,
    root: ROOT,
    logLevel: 'error',
    publicDir: false,
    define: { __APP_VERSION__: JSON.stringify(version) },
    // Everything but EXTERNAL goes into the bundle (core's valibot included).
    ssr: { noExternal: true },
    build: {
      ssr: join(ROOT, NODE_ENTRIES[name]),
      outDir: dir,
      emptyOutDir: true,
      target: 'node20',
      minify: false,
      rolldownOptions: {
        external: EXTERNAL,
        output: { entryFileNames: `${name}.mjs`, codeSplitting: false },
      },
    },
  });
  const files = readdirSync(dir);
  if (files.length !== 1 || files[0] !== `${name}.mjs`) {
    throw new Error(`bundling ${NODE_ENTRIES[name]} gave ${files.join(', ') || 'nothing'}, not one ${name}.mjs`);
  }
  return join(dir, files[0]);
}

/**
 * Makes `${outDir}/${name}.mjs` for every Node entry whose bundle there is missing or was built from
 * other sources; returns the entries it built (none: all were current).
 */
export async function bundleNodeEntries(outDir: string): Promise<NodeEntry[]> {
  const version = appVersion();
  const key = sourceKey(version);
  const stale = (Object.keys(NODE_ENTRIES) as NodeEntry[]).filter((n) => keyOf(join(outDir, `${n}.mjs`)) !== key);
  if (stale.length === 0) return [];
  mkdirSync(outDir, { recursive: true });
  const staging = mkdtempSync(join(outDir, '.staging-'));
  try {
    for (const name of stale) {
      const built = await bundleOne(name, join(staging, name), version);
      const code = readFileSync(built, 'utf8');
      writeFileSync(join(staging, `${name}.mjs`), `${code}${code.endsWith('\n') ? '' : '\n'}${KEY_PREFIX}${key}\n`);
    }
    for (const name of stale) renameSync(join(staging, `${name}.mjs`), join(outDir, `${name}.mjs`));
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  return stale;
}
