// What `npm run bench -- benchmark` drives in the built app, exposed only under the `?bench` debug
// parameter as `globalThis.__workbenchBench`: a benchmark through the real BenchmarkRunner, the same
// jobs through the pool alone (the baseline of the overhead figure), summaries through the app's
// summarizer, and a report's export and re-import, each timed in the page; and for
// `npm run bench -- regressions`, baselines of a benchmark and checks against them (core's baselineFrom,
// checkAgainstBaseline through the summary worker), and a backup restored through the storage panel's path; and
// core's decision rule, so a bench judges its own ratios by the app's code (`npm run bench -- pool`).
import type { BenchmarkData, BenchmarkDefinition, BenchmarkModel, BenchmarkRun } from '../core/benchmark';
import { planBenchmark } from '../core/benchmark-plan';
import { backupCounts, type BackupStoreName } from '../core/backup';
import { decideTime, pairedShift, unpairedShift } from '../core/decision';
import { defaultBenchmark } from '../core/default-benchmark';
import { parseLibrary } from '../core/library';
import { baselineFrom, type Baseline, type RegressionCheck, type RegressionVerdict } from '../core/regression';
import { benchmarkRunOf, failedBenchmarkRun } from '../core/benchmark-run';
import { REPORT_SCHEMA, REPORT_VERSION, parseReport, serializeReport, type Report } from '../core/report';
import { summarize, type BenchmarkSummary, type SummaryInput } from '../core/stats';
import type { PoolResult, SubmitOptions } from '../solver/pool-types';
import { APP_INFO } from '../state/app-info';
import { resolveModels } from '../state/benchmark-models';
import { BenchmarkRunner } from '../state/benchmark-runner.svelte';
import { environment } from '../state/benchmark-session';
import type { AppServices } from '../state/ports';
import { shownError } from '../state/shown-error';
import { monitoringBenchHooks, type MonitoringBenchHooks } from './monitoring-bench-hooks';
import { tunerBenchHooks, type TunerBenchHooks } from './tuner-bench-hooks';
import { tuningBenchHooks, type TuningBenchHooks } from './tuning-bench-hooks';
import { StorageState } from '../state/storage-state.svelte';
import { backupCodecOf, summarizerOf } from '../state/summarizer';

/** A benchmark run through the app, as the bench reads it. */
export interface BenchOutcome extends BenchmarkData {
  state: string;
  error: string | null;
  /** From start() to its end: resolving, warm-up (if configured), the runs and their writes. */
  wallMs: number;
}

/** The same jobs through the pool alone: wall time and each job's run. */
export interface PoolOutcome {
  wallMs: number;
  runs: BenchmarkRun[];
}

/** One template × option set of one rerun checked against the reference benchmark's baseline of the same. */
export interface OwnBaselineRow {
  rerun: number;
  template: string;
  optionSetId: string;
  verdict: RegressionVerdict;
  label: string | null;
  /** The model verdicts, for the bench's tallies. */
  models: { name: string; verdict: RegressionVerdict; label: string | null }[];
  reasons: string[];
}

/** A backup restored through the storage panel's path: read + validated (summary worker), then restored. */
export interface RestoreOutcome {
  ok: boolean;
  error: string | null;
  /** choose(): the file's text parsed and validated in the summary worker, the backup cloned back. */
  readMs: number;
  /** confirm(): restoreAll in one transaction, until it is on disk. */
  restoreMs: number;
  counts: Record<BackupStoreName, number> | null;
}

/** Core's decision rule as the benches call it in the page: benches are plain .mjs and cannot import core's TypeScript. */
export interface DecisionHooks {
  decideTime: typeof decideTime;
  pairedShift: typeof pairedShift;
  unpairedShift: typeof unpairedShift;
}

/** The bench hooks on `globalThis.__workbenchBench`. */
export interface BenchHooks {
  services: AppServices;
  /** `npm run bench -- health`: pruning and alert delivery (monitoring-bench-hooks.ts). */
  monitoring: MonitoringBenchHooks;
  /** `npm run bench -- tune`: Solve ×N through the tuning state (tuning-bench-hooks.ts). */
  tuning: TuningBenchHooks;
  /** `npm run bench -- tuner`: whole tuning runs and Decide on generated instances (tuner-bench-hooks.ts). */
  tuner: TunerBenchHooks;
  /** The one rule for whether a time difference is real, so a bench's ratio and verdict come from the app's code, not a copy. */
  decision: DecisionHooks;
  runBenchmark(definition: BenchmarkDefinition): Promise<BenchOutcome>;
  runJobsOnPool(definition: BenchmarkDefinition, extra?: Partial<SubmitOptions>): Promise<PoolOutcome>;
  summarize(input: SummaryInput): Promise<{ ms: number; summary: BenchmarkSummary }>;
  summarizeOnMainThread(input: SummaryInput): { ms: number };
  reportRoundTrip(data: BenchmarkData): Promise<{
    summaryMs: number;
    exportMs: number;
    exportMainThreadMs: number;
    importMs: number;
    importMainThreadMs: number;
    /** performance.now() at the start and end of the export and import through the worker. */
    workerPhase: [number, number];
    bytes: number;
  }>;
  /** The #/benchmark editor's Quick start benchmark over the library's files, on `workers` workers. */
  defaultDefinition(workers: number): Promise<BenchmarkDefinition>;
  /** The solver version the pool runs (what a baseline and a check record). */
  solverVersion(): string;
  /** A baseline (core's baselineFrom) of every template × option set of a finished benchmark. */
  baselinesOf(data: BenchmarkData, thresholdPct?: number): Baseline[];
  /** Checks one option set of a benchmark against a baseline, through the summary worker as #/regressions does. */
  checkRegression(baseline: Baseline, data: BenchmarkData, optionSetId: string): Promise<RegressionCheck>;
  /** Each rerun checked against the reference's baselines, template by template and option set by option set. */
  checkAgainstOwnBaseline(reference: BenchmarkData, reruns: BenchmarkData[]): Promise<OwnBaselineRow[]>;
  /** Stores a benchmark (as a finished one) and returns the backup of everything stored as file text. */
  backupTextWith(data: BenchmarkData): Promise<string>;
  /** Restores a backup file's text as the storage panel does (StorageState choose, then confirm). */
  restoreBackup(text: string): Promise<RestoreOutcome>;
}

/** Builds the hooks over the app's services (the bootstrap installs them only under `?bench`). */
export function benchHooks(services: AppServices): BenchHooks {
  const store = services.benchmarks;
  const need = () => {
    if (!store) throw new Error('the bench hooks need the benchmark store (IndexedDB)');
    return store;
  };
  return {
    services,
    monitoring: monitoringBenchHooks(services),
    tuning: tuningBenchHooks(services),
    tuner: tunerBenchHooks(services),
    decision: { decideTime, pairedShift, unpairedShift },

    async runBenchmark(definition) {
      const runner = new BenchmarkRunner({
        solver: services.solver,
        store: need(),
        library: services.library,
        observer: services.observer,
      });
      const t0 = performance.now();
      await runner.start(definition);
      const wallMs = performance.now() - t0;
      const b = runner.benchmark;
      return {
        id: b?.id ?? '',
        name: b?.name ?? definition.name,
        config: definition.config,
        referenceOptionSetId: definition.referenceOptionSetId,
        models: (b?.models ?? []) as BenchmarkModel[],
        optionSets: definition.optionSets,
        runs: runner.runs,
        state: runner.state,
        error: runner.error ? `${runner.error.name}: ${runner.error.message}` : null,
        wallMs,
      };
    },

    // The runner's jobs (same models, plan order, options, submit options and window of 2 × workers
    // in flight) without the runner: no warm-up, no store, no rune state. Only the wall time is compared.
    async runJobsOnPool(definition, extra = {}) {
      const { solver } = services;
      const t0 = performance.now();
      const models = await resolveModels(definition.templates, { library: services.library, store: need() });
      const byId = new Map(models.map((m) => [m.model.id, m]));
      // Models with their templates and sets with their scope: a set scoped to templates runs only on those.
      const plan = planBenchmark(
        definition.config,
        models.map((m) => ({ id: m.model.id, template: m.model.template })),
        definition.optionSets,
      );
      const sets = new Map(definition.optionSets.map((o) => [o.id, o.options]));
      const batchId = `bench-pool-${Math.random().toString(36).slice(2)}`;
      const results: (PoolResult | Error)[] = new Array(plan.length);
      let next = 0;
      const lane = async () => {
        while (next < plan.length) {
          const i = next++;
          const job = plan[i];
          const m = byId.get(job.modelId)!;
          const options = {
            ...sets.get(job.optionSetId),
            random_seed: job.seed,
            time_limit: definition.config.timeLimitMs / 1000,
          };
          const pj = solver.submit(m.payload, options, {
            priority: 'batch',
            batchId,
            captureLog: false,
            checkSolution: true,
            fingerprint: m.model.id,
            onProgress: () => {},
            ...extra,
          });
          results[i] = await pj.result.catch((e: unknown) => (e instanceof Error ? e : new Error(String(e))));
        }
      };
      const window = 2 * Math.max(1, Math.floor(definition.workers));
      await Promise.all(Array.from({ length: Math.min(window, plan.length) }, lane));
      const wallMs = performance.now() - t0;
      const runs = plan.map((job, i) => {
        const r = results[i];
        const m = byId.get(job.modelId)!;
        return r instanceof Error
          ? failedBenchmarkRun(job, shownError(r), 0)
          : benchmarkRunOf(job, { knownObjective: m.model.knownObjective, expectedStatus: m.expectedStatus }, r);
      });
      return { wallMs, runs };
    },

    async summarize(input) {
      const t0 = performance.now();
      const summary = await summarizerOf(services).summarize(input);
      return { ms: performance.now() - t0, summary };
    },

    summarizeOnMainThread(input) {
      const t0 = performance.now();
      summarize(input);
      return { ms: performance.now() - t0 };
    },

    async reportRoundTrip(data) {
      const t0 = performance.now();
      const summary = await summarizerOf(services).summarize(data);
      const t1 = performance.now();
      const report: Report = {
        schema: REPORT_SCHEMA,
        version: REPORT_VERSION,
        createdAt: new Date().toISOString(),
        app: { ...APP_INFO },
        solver: { name: 'highs', version: services.solver.snapshot().runtime?.highsVersion ?? '' },
        environment: environment(),
        benchmarks: [{ ...data, summary }],
      };
      // As the app exports and imports: in the summary worker (the page clones the report or text over).
      const text = await summarizerOf(services).serializeReport(report);
      const t2 = performance.now();
      const parsed = await summarizerOf(services).parseReport(text);
      const t3 = performance.now();
      // The same on the main thread, for comparison: each in a task of its own, after a pause.
      await new Promise((r) => setTimeout(r, 200));
      const m0 = performance.now();
      const sameText = serializeReport(report);
      const m1 = performance.now();
      await new Promise((r) => setTimeout(r, 200));
      const m2 = performance.now();
      parseReport(text);
      const m3 = performance.now();
      if (sameText !== text) throw new Error('the worker wrote another report than core on the page');
      if (!parsed.ok) throw new Error(`the exported report did not read back: ${parsed.errors.slice(0, 3).join('; ')}`);
      if (parsed.report.benchmarks[0].runs.length !== data.runs.length) throw new Error('runs lost in the round trip');
      return {
        summaryMs: t1 - t0,
        exportMs: t2 - t1,
        exportMainThreadMs: m1 - m0,
        importMainThreadMs: m3 - m2,
        workerPhase: [t1, t3],
        importMs: t3 - t2,
        bytes: new TextEncoder().encode(text).byteLength,
      };
    },

    async defaultDefinition(workers) {
      const library = parseLibrary(await services.library.manifest());
      return defaultBenchmark(
        library.models.map((m) => m.file),
        workers,
      );
    },

    solverVersion: () => services.solver.snapshot().runtime?.highsVersion ?? '',

    baselinesOf(data, thresholdPct) {
      const meta = {
        createdAt: new Date().toISOString(),
        solver: { name: 'highs', version: this.solverVersion() },
        environment: environment(),
        thresholdPct,
      };
      const templates = [...new Set(data.models.map((m) => m.template))];
      return templates.flatMap((t) =>
        data.optionSets.map((o) => baselineFrom(data, { ...meta, id: `bench-${data.id}-${t}-${o.id}` }, t, o.id)),
      );
    },

    async checkRegression(baseline, data, optionSetId) {
      const input = { baseline, candidate: { data, optionSetId, solverVersion: this.solverVersion() } };
      const s = summarizerOf(services);
      if (!s.checkRegression) throw new Error('the summarizer cannot check regressions');
      return s.checkRegression(input);
    },

    async checkAgainstOwnBaseline(reference, reruns) {
      const baselines = this.baselinesOf(reference);
      const rows: OwnBaselineRow[] = [];
      for (const [i, data] of reruns.entries()) {
        for (const baseline of baselines) {
          const optionSetId = reference.optionSets.find((o) => o.name === baseline.optionSet.name)!.id;
          const check = await this.checkRegression(baseline, data, optionSetId);
          rows.push({
            rerun: i + 1,
            template: check.template,
            optionSetId,
            verdict: check.verdict,
            label: check.label,
            models: check.models.map((m) => ({ name: m.modelName, verdict: m.verdict, label: m.label })),
            reasons: check.reasons,
          });
        }
      }
      return rows;
    },

    async backupTextWith(data) {
      const backup = services.backup;
      if (!backup) throw new Error('the bench hooks need the backup store (IndexedDB)');
      await need().importBenchmarks([
        {
          benchmark: {
            id: data.id,
            name: data.name,
            createdAt: Date.now(),
            state: 'finished',
            config: data.config,
            referenceOptionSetId: data.referenceOptionSetId,
            models: data.models,
            optionSets: data.optionSets,
            environment: environment(),
            solver: { name: 'highs', version: this.solverVersion() },
          },
          runs: data.runs,
        },
      ]);
      return backupCodecOf(services).serializeBackup(await backup.exportBackup());
    },

    async restoreBackup(text) {
      const state = new StorageState(services);
      try {
        const t0 = performance.now();
        const read = await state.choose({ name: 'bench-backup.json', size: text.length, text: async () => text });
        const t1 = performance.now();
        const counts = state.pending ? backupCounts(state.pending.backup) : null;
        const restored = read && (await state.confirm());
        const t2 = performance.now();
        return {
          ok: restored,
          error: state.error ? `${state.error.name}: ${state.error.message}` : null,
          readMs: t1 - t0,
          restoreMs: t2 - t1,
          counts,
        };
      } finally {
        state.dispose();
      }
    },
  };
}
