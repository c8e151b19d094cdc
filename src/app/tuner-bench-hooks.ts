// What `npm run bench -- tuner` drives in the built app (under `?bench`, as `__workbenchBench.tuner`): whole
// tuning runs through the same TunerSession as #/tune over the app's pool (no store: the runs are not kept),
// answered as a compact summary the bench prints; and one Decide on a generated instance, so the bench shows
// that an option really is faster before it asks the tuner to find it.
import type { OptionValues } from '../core/options-schema';
import type { SequentialSettings, TimeCall } from '../core/decision';
import { generate, type GeneratorId } from '../core/templates';
import {
  raceProgress,
  type CandidateStatus,
  type Changes,
  type Recommendation,
  type TunerSettings,
} from '../core/tuner';
import { runDecide, type DecideOutcome } from '../state/decide-runner';
import type { AppServices } from '../state/ports';
import { TunerSession } from '../state/tuner-session';

/** One result row (the best set with k options changed) with its training and held-out figures side by side. */
export interface TunerBenchRow {
  k: number;
  label: string;
  changes: Changes;
  roles: string[];
  training: { speedup: number; ci95: [number, number] | null; blocks: number } | null;
  heldOut: { speedup: number | null; ci95: [number, number] | null; call: TimeCall; pairs: number };
}

/** One race candidate in a few words (a bench can say what became of a given change). */
export interface TunerBenchCandidate {
  label: string;
  status: CandidateStatus;
  why: string | null;
  blocks: number;
  trainingSpeedup: number | null;
}

/** A finished (or failed) tuning run as the bench reads it. */
export interface TunerBenchSummary {
  state: string;
  error: string | null;
  recommendation: Recommendation | null;
  rows: TunerBenchRow[];
  /** Runs the race recorded (race.runs), and what a full evaluation of its candidates on every tuning block takes. */
  raceRuns: number;
  fullEvaluationRuns: number;
  /** Runs answered for candidates already out (not counted in raceRuns). */
  discardedRuns: number;
  heldOutRuns: number;
  tuningBlocks: number;
  heldOutBlocks: number;
  /** Why the race ended. */
  raceEnd: string | null;
  statuses: Partial<Record<CandidateStatus, number>>;
  candidates: TunerBenchCandidate[];
  /** From create() to the end of run(), ms. */
  wallMs: number;
}

/** A generated instance for Decide: the generator, its size and instance seed. */
export interface GeneratedInstance {
  generator: string;
  size: number;
  instanceSeed: number;
  symmetryBreaking?: boolean;
}

/** The tuner part of the bench hooks. */
export interface TunerBenchHooks {
  /** One tuning run end to end through TunerSession on the app's pool (as #/tune runs it, without the store). */
  run(settings: TunerSettings): Promise<TunerBenchSummary>;
  /** One Decide (reference against candidate options) on a generated instance: the evidence that a change matters. */
  decide(
    instance: GeneratedInstance,
    reference: OptionValues,
    candidate: OptionValues,
    settings: Partial<SequentialSettings>,
  ): Promise<DecideOutcome & { model: string }>;
}

/** The tuner bench hooks over the app's services (tuning runs live in memory only). */
export function tunerBenchHooks(services: AppServices): TunerBenchHooks {
  return {
    async run(settings) {
      const t0 = performance.now();
      const session = await TunerSession.create(
        { solver: services.solver, library: services.library, modelFiles: services.benchmarks },
        settings,
        'bench',
      );
      const record = await session.run();
      const wallMs = performance.now() - t0;
      const progress = raceProgress(record.race);
      const result = record.result;
      const sets = new Map((record.heldOut?.plan.sets ?? []).map((s) => [s.id, s]));
      const statuses: Partial<Record<CandidateStatus, number>> = {};
      for (const c of progress.candidates) statuses[c.status] = (statuses[c.status] ?? 0) + 1;
      return {
        state: record.state,
        error: record.error,
        recommendation: result?.recommendation ?? null,
        rows: (result?.rows ?? []).map((r) => ({
          k: r.k,
          label: r.label,
          changes: r.changes,
          roles: sets.get(r.set)?.roles ?? [],
          training: r.training && { speedup: r.training.speedup, ci95: r.training.ci95, blocks: r.training.blocks },
          heldOut: { speedup: r.heldOut.speedup, ci95: r.heldOut.ci95, call: r.heldOut.call, pairs: r.heldOut.pairs },
        })),
        raceRuns: progress.runs,
        fullEvaluationRuns: progress.fullEvaluationRuns,
        discardedRuns: progress.discardedRuns,
        heldOutRuns: record.heldOut?.results.length ?? 0,
        tuningBlocks: progress.blocksTotal,
        heldOutBlocks: result?.heldOutBlocks ?? 0,
        raceEnd: progress.why,
        statuses,
        candidates: progress.candidates.map((c) => ({
          label: c.label,
          status: c.status,
          why: c.why,
          blocks: c.blocks,
          trainingSpeedup: c.training?.speedup ?? null,
        })),
        wallMs,
      };
    },

    async decide(instance, reference, candidate, settings) {
      const g = generate(instance.generator as GeneratorId, {
        size: instance.size,
        instanceSeed: instance.instanceSeed,
        symmetryBreaking: instance.symmetryBreaking ?? false,
      });
      const model = { name: g.name, bytes: new TextEncoder().encode(g.lp) };
      const workers = Math.max(1, services.solver.snapshot().maxWorkers);
      const outcome = await runDecide(
        {
          solve: (options) => services.solver.submit(model, options, { priority: 'batch', captureLog: false }),
          workers: () => workers,
          now: () => performance.now(),
        },
        reference,
        candidate,
        settings,
        () => {},
        () => false,
      );
      return { ...outcome, model: g.name };
    },
  };
}
