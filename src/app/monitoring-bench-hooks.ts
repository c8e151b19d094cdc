// What `npm run bench -- health` drives in the built app (under `?bench`, as `__workbenchBench.monitoring`):
// old metric points seeded and pruned through the app's recorder, and real failed solves recorded and
// evaluated by an alert rule whose webhook is the bench's local server.
import type { SystemPoint } from '../core/metrics';
import { failedRunRecord } from '../core/run-record';
import { AlertsState } from '../state/alerts-state.svelte';
import { APP_INFO } from '../state/app-info';
import type { AppServices } from '../state/ports';
import { shownError } from '../state/shown-error';

/** The monitoring part of the bench hooks. */
export interface MonitoringBenchHooks {
  /** Stores n system points `ageDays` old (in batches), as a long-open app would have; resolves to the store's count. */
  seedOldPoints(n: number, ageDays: number): Promise<number>;
  /** The recorder's background prune, timed; and what is left. */
  prune(): Promise<{ deleted: number; ms: number; left: number }>;
  /**
   * n real failed solves (a model HiGHS refuses), each recorded by the app's recorder and followed by an evaluation
   * of a rule `error_rate > 0 over 1h` (app + webhook, the given cooldown); resolves to the alert's counts.
   */
  failures(
    n: number,
    webhookUrl: string,
    cooldownMs: number,
  ): Promise<{ failures: number; alerts: number; occurrences: number; deliveries: string[] }>;
}

/** A broken LP: a syntax error the solver refuses. */
const BROKEN_LP = new TextEncoder().encode('Minimize\n obj: x +\nSubject To\n c1: x >= \nEnd\n');

/** The monitoring bench hooks over the app's services. */
export function monitoringBenchHooks(services: AppServices): MonitoringBenchHooks {
  const need = () => {
    const { metrics, recorder } = services;
    if (!metrics || !recorder) throw new Error('the monitoring bench hooks need the metrics store and the recorder');
    return { metrics, recorder };
  };
  return {
    async seedOldPoints(n, ageDays) {
      const { metrics } = need();
      const t0 = Date.now() - ageDays * 86_400_000;
      for (let i = 0; i < n; i += 5_000) {
        const batch: SystemPoint[] = [];
        for (let j = i; j < Math.min(n, i + 5_000); j++)
          batch.push({
            kind: 'system',
            t: t0 + j,
            seq: Math.random(),
            poolUtilization: 0.5,
            queueDepth: 1,
            running: 1,
            workers: 2,
            throughput: 10,
            workerRestarts: 0,
            jobsCompleted: j,
            jobsFailed: 0,
            workerMemory: [{ slot: 0, workerId: 1, wasmMemoryBytes: 64 * 2 ** 20 }],
            jsHeapBytes: null,
            storageUsedBytes: null,
            storageQuotaBytes: null,
            hardwareConcurrency: 2,
            crossOriginIsolated: true,
            benchmarkRunning: false,
          });
        await metrics.add(batch);
      }
      return metrics.count();
    },

    async prune() {
      const { metrics, recorder } = need();
      const t0 = performance.now();
      const deleted = await recorder.prune();
      return { deleted, ms: performance.now() - t0, left: await metrics.count() };
    },

    async failures(n, webhookUrl, cooldownMs) {
      const { recorder } = need();
      if (!services.alerts) throw new Error('the failures bench needs the alert store');
      const alerts = new AlertsState({
        store: services.alerts,
        settings: services.settings,
        metrics: services.metrics,
        webhook: services.webhook,
        appVersion: APP_INFO.version,
      });
      const problem = await alerts.setWebhook(webhookUrl);
      if (problem) throw new Error(problem);
      const refused = await alerts.saveRule({
        name: 'bench: any error',
        condition: 'error_rate > 0 over 1h',
        severity: 'critical',
        channels: ['app', 'webhook'],
        cooldownMs,
        enabled: true,
      });
      if (refused.length > 0) throw new Error(refused.map((p) => `${p.field}: ${p.message}`).join('; '));
      let failures = 0;
      for (let i = 0; i < n; i++) {
        const t0 = performance.now();
        try {
          await services.solver.submit({ name: 'broken.lp', bytes: BROKEN_LP }, {}, { captureLog: false }).result;
        } catch (e) {
          failures++;
          const ctx = {
            createdAt: Date.now(),
            modelId: 'broken',
            modelName: 'broken.lp',
            origin: 'file' as const,
            options: {},
            knownObjective: null,
            expectedStatus: null,
            highsVersion: '',
          };
          recorder.runRecord(failedRunRecord(ctx, shownError(e), performance.now() - t0));
        }
        await recorder.flush();
        await alerts.evaluate();
      }
      await alerts.deliveries;
      const mine = alerts.alerts.filter((a) => a.source === 'rule');
      return {
        failures,
        alerts: mine.length,
        occurrences: mine.reduce((s, a) => s + a.occurrences, 0),
        deliveries: mine.flatMap((a) => a.deliveries.map((d) => `${d.channel}:${d.state}`)),
      };
    },
  };
}
