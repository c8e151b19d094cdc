// `highs-workbench bench CONFIG --out REPORT [--shard I/N] [--workers N] [--resume] [--state DIR]`: a benchmark
// definition file (the editor's export) run by the app's own runner (BenchmarkDriver) over a pool of Node worker
// threads, its runs streamed to a state directory on disk as they finish (memory stays flat), progress on
// stderr, and the report written when every job of the run (or of its shard) is done. Ctrl-C stops cleanly:
// what finished stays in the state directory and `--resume` runs only what is missing.
import { cpus, release, arch, type as osType } from 'node:os';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { readFile } from 'node:fs/promises';
import type { BenchmarkDefinition } from '../../core/benchmark';
import { parseBenchmarkConfigFile } from '../../core/benchmark-config-file';
import { planBenchmark, shardJobs, jobKey } from '../../core/benchmark-plan';
import { HeadlessInputError, hashOf, parseShard, type ShardManifest } from '../../core/headless';
import { parseLibrary } from '../../core/library';
import { checkInputSize, prepareModel } from '../../core/model-input';
import { REPORT_SCHEMA, REPORT_VERSION, serializeReport, type Report, type ReportEnvironment } from '../../core/report';
import { sha256Hex } from '../../core/run-record';
import { summarize } from '../../core/stats';
import { BenchmarkDriver, type BenchmarkStatus } from '../../state/benchmark-driver';
import { benchmarkDataOf } from '../../state/report-builder';
import type { ModelSource } from '../../state/ports';
import { createNodePool } from '../node-pool';
import { fileBenchmarkStore } from '../stores';
import { readText, writeAtomic, type CliIo } from './io';
import { progressReporter } from './progress';

/** The repository's root (three levels up from here, in the sources and in the bundle's cache directory alike). */
const ROOT = resolve(dirname(new URL(import.meta.url).pathname), '../../..');

/** The built-in model library from the repository's public/models (what the app serves). */
export function diskLibrary(root = ROOT): ModelSource {
  const dir = join(root, 'public/models');
  return {
    manifest: async () => JSON.parse(await readFile(join(dir, 'instances.json'), 'utf8')) as unknown,
    model: async (file) => {
      if (file.includes('/') || file.includes('\\') || file.startsWith('.'))
        throw new Error(`${file}: not a library file name`);
      return new Uint8Array(await readFile(join(dir, file)));
    },
  };
}

/** Where the command line runs, as a report records it: Node's version, the OS and the CPU. */
export function nodeEnvironment(): ReportEnvironment {
  const cpu = cpus();
  return {
    userAgent: `Node.js ${process.version} (${process.platform} ${arch()})`,
    hardwareConcurrency: cpu.length,
    crossOriginIsolated: false,
    runtime: 'node',
    node: process.version,
    os: `${osType()} ${release()} ${arch()}`,
    cpu: cpu[0]?.model.trim() ?? 'unknown',
  };
}

/** Options of `bench`. */
export interface BenchOptions {
  config: string;
  out: string;
  shard?: string;
  workers?: number;
  resume: boolean;
  /** Where the runs are kept while it runs (default `<out>.state`). */
  state?: string;
}

/** The definition of a config file, with a files template's paths read, checked and hashed into model ids. */
async function loadDefinition(
  path: string,
  store: ReturnType<typeof fileBenchmarkStore>,
  library: ModelSource,
): Promise<BenchmarkDefinition> {
  const libraryFiles = parseLibrary(await library.manifest()).models.map((m) => m.file);
  const read = parseBenchmarkConfigFile(await readText(path, 1024 * 1024, 'benchmark configuration'), { libraryFiles });
  if (!read.ok)
    throw new HeadlessInputError(`${path}: not a valid benchmark configuration:\n  ${read.errors.join('\n  ')}`);
  const { definition, paths } = read.config;
  const templates = [];
  for (const [i, t] of definition.templates.entries()) {
    if (t.kind !== 'files' || !paths[t.id]) {
      templates.push(t);
      continue;
    }
    const ids: string[] = [];
    for (const [k, p] of paths[t.id].entries()) {
      const full = isAbsolute(p) ? p : resolve(dirname(path), p);
      const where = `${path}: definition.templates[${i}].paths[${k}] (${p})`;
      let bytes: Uint8Array;
      try {
        bytes = new Uint8Array(await readFile(full));
        checkInputSize(p, bytes.length);
        await prepareModel({ name: p, bytes });
      } catch (e) {
        throw new HeadlessInputError(`${where}: ${e instanceof Error ? e.message : String(e)}`);
      }
      const id = await sha256Hex(bytes);
      const expected = t.modelIds[k];
      if (expected && expected !== id)
        throw new HeadlessInputError(
          `${where}: its bytes hash to ${id.slice(0, 12)}…, the configuration says ${expected.slice(0, 12)}…`,
        );
      await store.putModelFile({ id, name: p.split(/[\\/]/).pop() ?? p, bytes, addedAt: Date.now() });
      ids.push(id);
    }
    templates.push({ ...t, modelIds: ids });
  }
  return { ...definition, templates };
}

/** `bench` (see the top of this file): 0 when the report is written, 130 when stopped, 3 on bad input. */
export async function benchCommand(o: BenchOptions, io: CliIo): Promise<number> {
  const shard = o.shard === undefined ? null : parseShard(o.shard);
  const workers = o.workers ?? 1;
  if (!(Number.isSafeInteger(workers) && workers >= 1 && workers <= 64))
    throw new HeadlessInputError(`--workers: a whole number from 1 to 64, got ${o.workers}`);
  const stateDir = o.state ?? `${o.out}.state`;
  const store = fileBenchmarkStore(stateDir);
  const library = diskLibrary();
  const definition = await loadDefinition(o.config, store, library);
  const { workers: _w, ...hashed } = definition;
  const definitionHash = await hashOf(hashed);

  // A resume finds its benchmark in the state directory: the same definition (and shard), not finished.
  let resumeId: string | null = null;
  if (o.resume) {
    const stored = (await store.listBenchmarks()).filter(
      (b) => b.definition !== undefined && b.state !== 'finished' && b.state !== 'imported',
    );
    for (const b of stored)
      if ((await hashOf((({ workers: _x, ...d }) => d)(b.definition!))) === definitionHash) resumeId = b.id;
    if (!resumeId) io.stderr.write(`--resume: nothing to resume in ${stateDir} for this configuration; starting\n`);
  }

  // The benchmark's own warm-up solves every model on every worker: the pool's generic warm-up solve (~1.5 s a
  // worker) would only add to each process's fixed cost, which every shard pays again.
  const pool = createNodePool({ minWorkers: workers, maxWorkers: workers, warmup: !definition.config.warmup });
  const driver = new BenchmarkDriver({ solver: pool, store, library, keepRuns: false });
  const progress = progressReporter(io, 'bench');
  const off = driver.subscribe((e) => {
    if (e.kind === 'status') progress.update(statusLine(e.status));
  });
  const onAbort = () => driver.cancel();
  io.signal.addEventListener('abort', onAbort, { once: true });
  try {
    const opts = shard ? { shard } : {};
    if (resumeId) await driver.resume(resumeId, opts);
    else await driver.start({ ...definition, workers }, opts);
    const status = driver.status;
    progress.done(statusLine(status));
    if (status.state === 'cancelled' || io.signal.aborted) {
      io.stderr.write(`stopped: ${status.storedRuns} runs kept in ${stateDir}; run again with --resume to finish\n`);
      return 130;
    }
    if (status.state !== 'finished' || !status.benchmark)
      throw new Error(
        status.error ? `${status.error.name}: ${status.error.message}` : `the benchmark ended ${status.state}`,
      );
    const b = status.benchmark;
    const runs = await store.listRuns(b.id);
    const data = benchmarkDataOf(b, runs);
    const plan = planBenchmark(b.config, b.models, b.optionSets);
    let manifest: ShardManifest | undefined;
    if (shard)
      manifest = {
        index: shard.index,
        count: shard.count,
        definitionHash,
        planHash: await hashOf(plan.map(jobKey)),
        planJobs: plan.length,
        shardJobs: shardJobs(plan, shard).length,
      };
    const report: Report = {
      schema: REPORT_SCHEMA,
      version: REPORT_VERSION,
      createdAt: new Date().toISOString(),
      app: { name: 'HiGHS Workbench', version: appVersion() },
      solver: { name: b.solver.name, version: b.solver.version },
      environment: nodeEnvironment(),
      benchmarks: [{ ...data, summary: summarize({ ...data }) }],
      ...(manifest ? { shard: manifest } : {}),
    };
    await writeAtomic(o.out, serializeReport(report));
    io.stderr.write(`${runs.length} runs${shard ? ` (shard ${shard.index}/${shard.count})` : ''} → ${o.out}\n`);
    return 0;
  } finally {
    io.signal.removeEventListener('abort', onAbort);
    off();
    pool.dispose();
  }
}

/** The progress figures of a status. */
function statusLine(s: BenchmarkStatus) {
  return {
    state: s.state,
    done: s.done,
    total: s.total,
    failures: s.failures,
    etaMs: s.etaMs,
    warmup: s.warmup ? `warming up: ${s.warmup.done}/${s.warmup.total}` : null,
  };
}

declare const __APP_VERSION__: string | undefined;
/** The app's version (package.json), as the bundle defines it; from package.json when run from the sources. */
function appVersion(): string {
  return typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : 'dev';
}
