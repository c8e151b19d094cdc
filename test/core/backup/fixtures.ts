// One complete, typed record of every store (typed with the app's own record types, so a record here is what
// the app writes), and a backup holding them: the backup, storage and state tests build on these.
import type { Alert, AlertRule } from '../../../src/core/alerts/types';
import { BACKUP_SCHEMA, BACKUP_VERSION, type Backup, type BackupRecord } from '../../../src/core/backup';
import type { BenchmarkRun } from '../../../src/core/benchmark';
import type { HealthRun } from '../../../src/core/health/types';
import { failedRunRecord, NO_COUNTERS, type RunRecord } from '../../../src/core/run-record';
import type { StoredBenchmark, StoredBenchmarkConfig, StoredModelFile } from '../../../src/storage/benchmark-types';
import type {
  StoredBaseline,
  StoredBlessedEvent,
  StoredBlessedSet,
  StoredRegressionCheck,
  StoredTemplateSettings,
} from '../../../src/storage/parameter-types';
import { sample, solve } from '../metrics/fixtures';
import { sampleTuningRecord } from '../tuner/record-fixture';

export const SHA = 'a'.repeat(64);
export const APP = { name: 'HiGHS Workbench', version: 'test' };

/** A stored run of the history (a solved LP), with an option HiGHS reads as `inf`. */
export function runRecord(over: Partial<RunRecord> = {}): RunRecord {
  return {
    id: 3,
    createdAt: 10,
    modelId: SHA,
    modelName: 'afiro.mps',
    origin: 'library',
    format: 'mps',
    size: { rows: 27, cols: 32, nnz: 83, integers: 0 },
    options: { time_limit: Infinity, presolve: 'off' },
    seed: 0,
    status: 'optimal',
    runStatus: 'ok',
    error: null,
    objective: -464.7531428571,
    knownObjective: -464.7531428571,
    verdict: 'verified',
    flags: [{ code: 'objective-matches', severity: 'ok', message: 'matches' }],
    mipGap: null,
    mipDualBound: null,
    times: { readMs: 1, solveMs: 2, highsRunMs: 1.5, validateMs: 0.1 },
    counters: { ...NO_COUNTERS, simplexIterations: 20 },
    wasmMemoryBytes: 1 << 20,
    warm: true,
    cancelMode: null,
    highsVersion: '1.15.1',
    ...over,
  };
}

/** A failed run, as the app stores one. */
export function failedRun(createdAt = 11): RunRecord {
  const ctx = {
    createdAt,
    modelId: SHA,
    modelName: 'bad.lp',
    origin: 'file' as const,
    options: {},
    knownObjective: null,
    expectedStatus: null,
    highsVersion: '1.15.1',
  };
  return failedRunRecord(ctx, { name: 'InvalidModel', message: 'could not parse LP' }, 3);
}

/** A benchmark run of model SHA with the `defaults` option set. */
export function benchmarkRun(over: Partial<BenchmarkRun> = {}): BenchmarkRun {
  return {
    modelId: SHA,
    optionSetId: 'defaults',
    seed: 1,
    repetition: 0,
    status: 'optimal',
    objective: 1,
    mipDualBound: null,
    timeMs: 5,
    counters: { ...NO_COUNTERS, simplexIterations: 7 },
    maxBoundViolation: 0,
    maxRowViolation: 0,
    verdict: 'ok',
    error: null,
    ...over,
  };
}

/** A finished benchmark of one model and one option set. */
export function storedBenchmark(over: Partial<StoredBenchmark> = {}): StoredBenchmark {
  return {
    id: 'b1',
    name: 'bench',
    createdAt: 5,
    state: 'finished',
    config: { timeLimitMs: 1000, seeds: [1], repetitions: 1, warmup: false },
    referenceOptionSetId: 'defaults',
    models: [
      {
        id: SHA,
        name: 'afiro.mps',
        template: 'library',
        size: null,
        rows: 27,
        cols: 32,
        nnz: 83,
        integers: 0,
        knownObjective: null,
      },
    ],
    optionSets: [{ id: 'defaults', name: 'HiGHS defaults', options: { time_limit: Infinity } }],
    environment: { userAgent: 'test', hardwareConcurrency: 2, crossOriginIsolated: true },
    solver: { name: 'highs', version: '1.15.1' },
    ...over,
  };
}

const definition = () => ({
  name: 'cfg',
  templates: [{ kind: 'library' as const, id: 'library', name: 'Library', files: ['afiro.mps'] }],
  optionSets: [{ id: 'defaults', name: 'HiGHS defaults', options: {} }],
  referenceOptionSetId: 'defaults',
  config: { timeLimitMs: 1000, seeds: [1], repetitions: 1, warmup: false },
  workers: 1,
});

/** One record of every store, typed as the app writes it (the bytes and a NaN included). */
export function everyStore(): Required<Backup['stores']> {
  const modelFile: StoredModelFile = {
    id: SHA,
    name: 'm.lp',
    bytes: new Uint8Array([0, 1, 2, 250, 255]),
    addedAt: 7,
  };
  const config: StoredBenchmarkConfig = { name: 'cfg', savedAt: 1, definition: definition() };
  const blessed: StoredBlessedSet = {
    id: 's1',
    template: 't',
    name: 'no presolve',
    options: { presolve: 'off' },
    approvedBy: 'me',
    validatedAt: '2026-11-23T00:00:00.000Z',
    promotedAt: '2026-11-23T00:00:01.000Z',
    solverVersion: '1.15.1',
    speedup: { ratio: 1.2, ci95: [1.1, 1.3] },
    estimatedSolveMs: 12,
    evidenceBenchmarkId: 'b1',
    baseline: { sgmTimeMs: 10, solved: 2, problems: 2 },
    active: true,
  };
  const event: StoredBlessedEvent = {
    id: 1,
    template: 't',
    kind: 'promoted',
    setId: 's1',
    at: '1970-01-01T00:00:00.002Z',
    by: 'me',
  };
  const baseline: StoredBaseline = {
    id: 'bl',
    template: 't',
    optionSetName: 'HiGHS defaults',
    options: {},
    createdAt: 6,
    benchmarkId: 'b1',
    benchmarkName: 'bench',
    solver: { name: 'highs', version: '1.15.1' },
    environment: { userAgent: 'test', hardwareConcurrency: 2, crossOriginIsolated: true },
    config: { timeLimitMs: 1000, seeds: [1], repetitions: 1, warmup: false },
    models: storedBenchmark().models,
    runs: [benchmarkRun()],
    thresholdPct: 20,
  };
  const check: StoredRegressionCheck = {
    id: 'c1',
    template: 't',
    checkedAt: '2026-11-23T00:00:00.000Z',
    at: '2026-11-22T00:00:00.000Z',
    baselineId: 'bl',
    candidateId: 'b1',
    candidateName: 'bench',
    optionSetId: 'defaults',
    solverVersion: '1.15.1',
    thresholdPct: 20,
    verdict: 'unchanged',
    label: null,
    timeRatio: 1.02,
    ci95: [0.98, 1.05],
    counts: { wrong: 0, regressed: 0, inconclusive: 0, improved: 0, unchanged: 1 },
  };
  const settings: StoredTemplateSettings = { template: 't', thresholdPct: 30 };
  const rule: AlertRule = {
    id: 'r1',
    name: 'slow knapsack',
    condition: 'p95(solve_time_ms{template="knapsack"}) > 500ms over 1h',
    severity: 'warning',
    channels: ['app'],
    cooldownMs: 900_000,
    enabled: true,
    createdAt: 8,
  };
  const alert: Alert = {
    id: 'a1',
    key: 'rule:r1',
    source: 'rule',
    severity: 'warning',
    template: 'knapsack',
    title: 'slow knapsack',
    message: 'p95 600 ms',
    details: { p95: 600, threshold: 500, note: null, fired: true },
    state: 'active',
    raisedAt: 9,
    lastSeenAt: 9,
    occurrences: 1,
    lastSentAt: 9,
    deliveries: [{ channel: 'app', at: 9, state: 'sent', attempts: 1, detail: null }],
    resolvedAt: null,
    resolveNote: null,
  };
  const health: HealthRun = {
    id: 'h1',
    at: 12,
    trigger: 'manual',
    overall: 'healthy',
    results: [
      {
        id: 'solver-loads',
        name: 'Solver loads',
        severity: 'critical',
        status: 'pass',
        message: 'ok',
        details: { ms: 3 },
        at: 12,
        durationMs: 3,
      },
    ],
  };
  return {
    runs: [runRecord(), { ...failedRun(), id: 4 }],
    benchmarks: [storedBenchmark({ definition: definition() })],
    benchmarkRuns: [{ ...benchmarkRun(), id: 1, benchmarkId: 'b1' }],
    modelFiles: [modelFile],
    benchmarkConfigs: [config],
    blessedSets: [blessed],
    blessedEvents: [event],
    baselines: [baseline],
    regressionChecks: [check],
    templateSettings: [settings],
    alertRules: [rule],
    alerts: [alert],
    appSettings: [{ key: 'metrics.retentionDays', value: 7 }],
    healthRuns: [health],
    metrics: [solve({ t: 100, seq: 0.25, objective: null }), sample({ t: 101, seq: 0.5, throughput: NaN })],
    tunerRuns: [sampleTuningRecord()],
  } as unknown as Required<Backup['stores']>;
}

/** A version-2 backup of everyStore() (tests may mutate it). */
export function fullBackup(): Backup {
  return {
    schema: BACKUP_SCHEMA,
    version: BACKUP_VERSION,
    createdAt: '2026-11-23T00:00:00.000Z',
    app: APP,
    stores: everyStore(),
  };
}

/** The records of one store, as a mutable list of plain objects. */
export const recordsOf = (b: Backup, store: keyof Backup['stores']): BackupRecord[] => b.stores[store] ?? [];
