// `highs-workbench tune CONFIG --out RESULT [--workers N] [--resume] [--state DIR]`: the racing tuner of #/tune
// headless — the same TunerSession over a pool of Node worker threads, its record written to a state directory
// as it goes (so Ctrl-C keeps what finished and --resume goes on from it), progress on stderr, and the result
// written as a report carrying the tuning run (what #/reports imports and #/tune shows).
import { readFile } from 'node:fs/promises';
import { dirname, isAbsolute, resolve } from 'node:path';
import { HeadlessInputError, hashOf } from '../../core/headless';
import { checkInputSize, prepareModel } from '../../core/model-input';
import { REPORT_SCHEMA, REPORT_VERSION, serializeReport } from '../../core/report';
import { sha256Hex } from '../../core/run-record';
import { parseTunerConfigFile, tuningProgress, type TunerSettings, type TuningRecord } from '../../core/tuner';
import { TunerSession, type TunerSessionDeps } from '../../state/tuner-session';
import { createNodePool } from '../node-pool';
import { nodeStores } from '../stores';
import { diskLibrary, nodeEnvironment } from './bench';
import { readText, writeAtomic, type CliIo } from './io';
import { progressReporter } from './progress';

/** Options of `tune`. */
export interface TuneOptions {
  config: string;
  out: string;
  workers?: number;
  resume: boolean;
  state?: string;
}

const fmt = (x: number) => String(Number(x.toPrecision(3)));

/** The result in a few lines: the recommendation, then the best set per count with held-out and training speedups. */
function resultText(r: TuningRecord): string {
  const res = r.result;
  if (!res) return `${r.name}: ${r.state}${r.error ? ` (${r.error})` : ''}\n`;
  const rec = res.recommendation;
  const lines = [
    rec.kind === 'change' ? `recommended: ${rec.label} — ${rec.why}` : `no change recommended — ${rec.why}`,
  ];
  for (const row of res.rows) {
    const h = row.heldOut;
    const ci = h.ci95 ? ` [${fmt(h.ci95[0])}, ${fmt(h.ci95[1])}]` : '';
    const t = row.training ? `; training ×${fmt(row.training.speedup)}` : '';
    lines.push(
      `  ${row.k} changed: ${row.label}: held-out ×${h.speedup === null ? '?' : fmt(h.speedup)}${ci} (${h.label})${t}${row.answer ? `; answers differ: ${row.answer}` : ''}`,
    );
  }
  for (const q of res.quarantined) lines.push(`  quarantined: ${q.label}: ${q.why}`);
  return lines.join('\n') + '\n';
}

/** `tune` (see the top of this file): 0 when the result is written, 130 when stopped, 3 on bad input. */
export async function tuneCommand(o: TuneOptions, io: CliIo): Promise<number> {
  const workers = o.workers ?? 1;
  if (!(Number.isSafeInteger(workers) && workers >= 1 && workers <= 64))
    throw new HeadlessInputError(`--workers: a whole number from 1 to 64, got ${o.workers}`);
  const read = parseTunerConfigFile(await readText(o.config, 1024 * 1024, 'tuner configuration'));
  if (!read.ok)
    throw new HeadlessInputError(`${o.config}: not a valid tuner configuration:\n  ${read.errors.join('\n  ')}`);
  const stateDir = o.state ?? `${o.out}.state`;
  const stores = nodeStores(stateDir);
  let settings: TunerSettings = read.config.settings;
  if (settings.template.kind === 'files' && read.config.paths) {
    const ids: string[] = [];
    for (const [k, p] of read.config.paths.entries()) {
      const where = `${o.config}: paths[${k}] (${p})`;
      let bytes: Uint8Array;
      try {
        bytes = new Uint8Array(await readFile(isAbsolute(p) ? p : resolve(dirname(o.config), p)));
        checkInputSize(p, bytes.length);
        await prepareModel({ name: p, bytes });
      } catch (e) {
        throw new HeadlessInputError(`${where}: ${e instanceof Error ? e.message : String(e)}`);
      }
      const id = await sha256Hex(bytes);
      await stores.benchmarks.putModelFile({ id, name: p.split(/[\\/]/).pop() ?? p, bytes, addedAt: Date.now() });
      ids.push(id);
    }
    settings = { ...settings, template: { ...settings.template, modelIds: ids } };
  }
  const key = await hashOf(settings);

  // The session warms every worker up on its first tuning instance: no generic warm-up solve besides.
  const pool = createNodePool({ minWorkers: workers, maxWorkers: workers, warmup: false });
  const deps: TunerSessionDeps = {
    solver: pool,
    library: diskLibrary(),
    modelFiles: stores.benchmarks,
    store: stores.tuner,
    concurrency: workers,
    onSaveError: (e) =>
      io.stderr.write(`warning: the run could not be saved (${e instanceof Error ? e.message : String(e)})\n`),
  };
  const progress = progressReporter(io, 'tune');
  try {
    let session: TunerSession | null = null;
    if (o.resume) {
      for (const r of await stores.tuner.list())
        if (r.state !== 'finished' && (await hashOf(r.settings)) === key) {
          session = new TunerSession(deps, r);
          break;
        }
      if (!session) io.stderr.write(`--resume: nothing to resume in ${stateDir} for this configuration; starting\n`);
    }
    session ??= await TunerSession.create(deps, settings, read.config.name).catch((e: unknown) => {
      // The settings the loaded runtime refuses (an unknown option, a model that does not read) are bad input.
      const err = e instanceof Error ? e : new Error(String(e));
      if (/^(InvalidSettings|InvalidModel|ModelChanged)$/.test(err.name))
        throw new HeadlessInputError(`${o.config}: ${err.name}: ${err.message}`);
      throw err;
    });
    const figures = (r: TuningRecord) => {
      const p = tuningProgress(r, workers);
      return {
        state: r.phase === 'race' ? 'racing' : r.phase === 'held-out' ? 'held-out check' : r.state,
        done: p.done,
        total: p.total,
        etaMs: p.etaMs,
      };
    };
    const off = session.subscribe((r) => progress.update(figures(r)));
    const onAbort = () => session!.cancel();
    io.signal.addEventListener('abort', onAbort, { once: true });
    let record: TuningRecord;
    try {
      record = await session.run();
    } finally {
      io.signal.removeEventListener('abort', onAbort);
      off();
    }
    progress.done(figures(record));
    if (record.state === 'cancelled') {
      io.stderr.write(`stopped: ${record.race.runs} race runs kept in ${stateDir}; run again with --resume to go on\n`);
      return 130;
    }
    if (record.state === 'failed') {
      io.stderr.write(`the tuning run failed: ${record.error}\n`);
      return /^(InvalidSettings|ModelChanged|SolverChanged|InvalidModel)/.test(record.error ?? '') ? 3 : 4;
    }
    await writeAtomic(
      o.out,
      serializeReport({
        schema: REPORT_SCHEMA,
        version: REPORT_VERSION,
        createdAt: new Date().toISOString(),
        app: { name: 'HiGHS Workbench', version: typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : 'dev' },
        solver: { ...record.solver },
        environment: nodeEnvironment(),
        benchmarks: [],
        tuning: [record],
      }),
    );
    io.stdout.write(resultText(record));
    io.stderr.write(`tuning run "${record.name}" → ${o.out}\n`);
    return 0;
  } finally {
    pool.dispose();
  }
}

declare const __APP_VERSION__: string | undefined;
