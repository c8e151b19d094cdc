// The client of the summary worker (workers/summary.worker.ts): benchmark summaries and comparisons
// computed off the page's main thread. One worker, made on the first call and reused; when it
// crashes, every call pending on it rejects at once and the next call makes a new one.
import * as Comlink from 'comlink';
import type { BenchmarkComparison, CompareInput } from '../core/compare';
import type { ParseReportOptions, Report, ReportParseResult } from '../core/report';
import type { Backup, BackupParseResult, ParseBackupOptions } from '../core/backup';
import type { BenchmarkSummary, SummaryInput } from '../core/stats';
import type { Baseline, CandidateInput, CheckParameters, RegressionCheck } from '../core/regression';
import type { SummaryWorkerApi } from '../../workers/summary-api';
import type { WorkerLike } from './worker-handle';

/** The error name of a call that failed because the summary worker died or could not start. */
export const SUMMARY_WORKER_CRASHED = 'SummaryWorkerCrashed';

/** A module worker running workers/summary.worker.ts, bundled by Vite. */
export function createSummaryWorker(): WorkerLike {
  return new Worker(new URL('../../workers/summary.worker.ts', import.meta.url), {
    type: 'module',
    name: 'highs-summary',
  });
}

/** One live summary worker: its remote API and the calls pending on it. */
interface LiveWorker {
  worker: WorkerLike;
  remote: Comlink.Remote<SummaryWorkerApi>;
  pending: Set<(e: Error) => void>;
  detach: () => void;
}

function crashed(message: string): Error {
  const e = new Error(message);
  e.name = SUMMARY_WORKER_CRASHED;
  return e;
}

/** Summaries and comparisons in a worker: the app's Summarizer (src/state/ports.ts). */
export class SummaryClient {
  private live: LiveWorker | null = null;
  private started = 0;

  /** `makeWorker` creates the worker (default: the browser module worker); tests pass an in-process one. */
  constructor(private readonly makeWorker: () => WorkerLike = createSummaryWorker) {}

  /** How many workers this client has started (1 unless one crashed). */
  get workersStarted(): number {
    return this.started;
  }

  /** Summarises a benchmark (core's summarize) in the worker. The input must be plain data (no $state proxy). */
  summarize(input: SummaryInput): Promise<BenchmarkSummary> {
    return this.call((r) => r.summarize(input));
  }

  /** Compares two benchmarks (core's compareBenchmarks) in the worker. The input must be plain data. */
  compare(input: CompareInput): Promise<BenchmarkComparison> {
    return this.call((r) => r.compare(input));
  }

  /** Writes a report's JSON text (core's serializeReport) in the worker. The report must be plain data. */
  serializeReport(report: Report): Promise<string> {
    return this.call((r) => r.serializeReport(report));
  }

  /** Reads a report from its text (core's parseReport) in the worker. */
  parseReport(text: string, opts?: ParseReportOptions): Promise<ReportParseResult> {
    // Comlink.Remote distributes over the result union; the value is the union itself.
    return this.call((r) => r.parseReport(text, opts) as Promise<ReportParseResult>);
  }

  /** Checks a benchmark against a baseline (core's checkAgainstBaseline) in the worker. The input must be plain data. */
  checkRegression(input: {
    baseline: Baseline;
    candidate: CandidateInput;
    params?: Partial<CheckParameters>;
  }): Promise<RegressionCheck> {
    return this.call((r) => r.checkRegression(input));
  }

  /** Writes a backup's JSON text (core's serializeBackup) in the worker. The backup must be plain data. */
  serializeBackup(backup: Backup): Promise<string> {
    return this.call((r) => r.serializeBackup(backup));
  }

  /** Reads a backup from its text (core's parseBackup) in the worker. */
  parseBackup(text: string, opts?: ParseBackupOptions): Promise<BackupParseResult> {
    return this.call((r) => r.parseBackup(text, opts) as Promise<BackupParseResult>);
  }

  /** Ends the worker; calls pending on it reject, a later call starts a new one. */
  dispose(): void {
    this.kill(crashed('the summary worker was stopped before it answered'));
  }

  private worker(): LiveWorker {
    if (this.live) return this.live;
    const worker = this.makeWorker();
    this.started++;
    const live: LiveWorker = {
      worker,
      remote: Comlink.wrap<SummaryWorkerApi>(worker as unknown as Comlink.Endpoint),
      pending: new Set(),
      detach: () => {},
    };
    const onError = (ev: Event): void => {
      const msg = (ev as ErrorEvent).message || 'it failed to load or threw outside a call';
      if (this.live === live) this.kill(crashed(`the summary worker crashed: ${msg}`));
    };
    const onExit = (): void => {
      if (this.live === live) this.kill(crashed('the summary worker exited'));
    };
    worker.addEventListener('error', onError);
    worker.addEventListener('messageerror', onError);
    worker.addEventListener('exit', onExit); // Node's worker_threads and test doubles
    live.detach = () => {
      worker.removeEventListener('error', onError);
      worker.removeEventListener('messageerror', onError);
      worker.removeEventListener('exit', onExit);
    };
    this.live = live;
    return live;
  }

  /** Runs one remote call so that it settles even if the worker dies meanwhile. */
  private call<T>(fn: (r: Comlink.Remote<SummaryWorkerApi>) => Promise<T>): Promise<T> {
    let live: LiveWorker;
    try {
      live = this.worker();
    } catch (e) {
      return Promise.reject(crashed(`the summary worker could not be started: ${(e as Error)?.message ?? e}`));
    }
    return new Promise<T>((resolve, reject) => {
      const fail = (e: Error): void => reject(e);
      live.pending.add(fail);
      fn(live.remote).then(
        (v) => {
          live.pending.delete(fail);
          resolve(v);
        },
        (e: unknown) => {
          live.pending.delete(fail);
          reject(explain(e));
        },
      );
    });
  }

  private kill(reason: Error): void {
    const live = this.live;
    if (!live) return;
    this.live = null;
    live.detach();
    try {
      live.worker.terminate();
    } finally {
      for (const fail of live.pending) fail(reason);
      live.pending.clear();
    }
  }
}

/** An Error for a failed call; an input that cannot be structured-cloned gets a message saying so. */
function explain(e: unknown): Error {
  const err = e instanceof Error ? e : new Error(String(e));
  if (err.name !== 'DataCloneError') return err;
  const clear = new Error(
    `the summary input could not be sent to the summary worker (only plain data crosses: no functions, class instances or $state proxies): ${err.message}`,
  );
  clear.name = 'DataCloneError';
  return clear;
}
