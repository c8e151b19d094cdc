// The probes the health checks use (core's HealthContext), built from the app's services: the pool,
// the stores, the model library. Each probe uses the real thing (a real solve of afiro, a real write
// and read of the database); a probe whose service is absent is left out, and its check says unknown.
import type { HealthContext, WorkerView } from '../core/health/types';
import { validateCandidate } from '../core/parameters';
import type { AppServices, StorageInfo } from './ports';

/** The sanity model: afiro, an LP every HiGHS solves in milliseconds, with its known optimum. */
export const SANITY_MODEL = { file: 'afiro.mps', knownObjective: -464.75314285714285 } as const;

/** The settings key the storage probe writes and reads back. */
export const STORAGE_PROBE_KEY = 'health.probe';

/** Storage used and quota, bytes, or null when the browser cannot say (the checks, recommendations and samples read it). */
export async function storageEstimateOf(storage: StorageInfo): Promise<{ usage: number; quota: number } | null> {
  const s = await storage.status();
  return s.usage === null || s.quota === null ? null : { usage: s.usage, quota: s.quota };
}

/** Epoch ms of a performance.now() stamp. */
function epochOf(perfMs: number | null, now: number): number | null {
  return perfMs === null ? null : now - (performance.now() - perfMs);
}

/** A HealthContext over the app's services. */
export function healthContextOf(services: AppServices, now: () => number = Date.now): HealthContext {
  const { solver, library, settings, storage, baselines, metrics, parameters } = services;
  const ctx: HealthContext = {
    now,
    crossOriginIsolated: solver.snapshot().crossOriginIsolated,
    isolationReason: services.hosting?.isolation.isolated === false ? services.hosting.isolation.message : undefined,
    solverVersion: () => solver.snapshot().runtime?.highsVersion ?? null,
    loadSolver: async () => {
      await solver.describeOptions(); // resolves once a worker has loaded HiGHS
      return { version: solver.snapshot().runtime?.highsVersion ?? 'unknown' };
    },
    sanitySolve: async () => {
      const bytes = await library.model(SANITY_MODEL.file);
      const r = await solver.submit(
        { name: SANITY_MODEL.file, bytes },
        {},
        { priority: 'interactive', captureLog: false },
      ).result;
      return { status: r.status, objective: r.objective, knownObjective: SANITY_MODEL.knownObjective };
    },
    workers: (): WorkerView[] => {
      const t = now();
      return solver.snapshot().slots.map((s) => ({
        slot: s.slot,
        workerId: s.workerId,
        state: s.state,
        jobId: s.jobId,
        lastProgressAt: epochOf(s.lastProgressAt, t),
        jobStartedAt: epochOf(s.jobStartedAt, t),
        wasmMemoryBytes: s.wasmMemoryBytes,
      }));
    },
  };
  if (settings)
    ctx.storageRoundTrip = async (probe) => {
      await settings.put(STORAGE_PROBE_KEY, probe);
      const read = await settings.get(STORAGE_PROBE_KEY);
      return typeof read === 'string' ? read : undefined;
    };
  if (storage) ctx.storageEstimate = () => storageEstimateOf(storage);
  if (baselines)
    ctx.latestVerdicts = async () => {
      const newest = new Map<string, { template: string; verdict: string; checkedAt: string }>();
      for (const c of await baselines.listChecks()) newest.set(c.template, c); // in the order they were made
      return [...newest.values()].map((c) => ({ template: c.template, verdict: c.verdict, checkedAt: c.checkedAt }));
    };
  if (metrics) ctx.recentSolves = (n) => metrics.recentSolves(n);
  if (parameters) {
    ctx.blessedSets = async () =>
      (await parameters.listBlessed())
        .filter((s) => s.active)
        .map((s) => ({ template: s.template, name: s.name, options: s.options, solverVersion: s.solverVersion }));
    ctx.validateOptions = async (options) => {
      const check = validateCandidate(await solver.describeOptions(), options);
      return check.errors.map((e) => (e.option ? `${e.option}: ${e.message}` : e.message));
    };
  }
  return ctx;
}
