// One tuning run end to end, as a plain module (no runes) that the #/tune state drives and a command line can
// drive too: the template resolved to instances (library files, the user's files, or a generator's sizes ×
// instance seeds, identified by the SHA-256 of their bytes), the space from the loaded runtime's option
// descriptions, the split and blocks, then the race over the pool, the finalists on the held-out blocks, and
// the result. The whole run is one TuningRecord written to the store as it goes (at most once a second, and
// at every phase change), so a cancel keeps what finished and a reload resumes where it stopped.
import type { TemplateSpec } from '../core/benchmark';
import { sha256Hex } from '../core/run-record';
import { generate, type GeneratorId } from '../core/templates';
import {
  Race,
  TUNING_FORMAT,
  TUNING_VERSION,
  buildSpace,
  heldOutPlan,
  makeBlocks,
  runRace,
  splitInstances,
  tunerResult,
  type Evaluate,
  settingsIssues,
  type TunerRunResult,
  type TunerSettings,
  type TuningInstance,
  type TuningRecord,
} from '../core/tuner';
import type { ModelPayload } from '../solver/protocol';
import { resolveModels } from './benchmark-models';
import type { BenchmarkStore, ModelSource, Solver, TunerStore } from './ports';
import { shownError } from './shown-error';
import { poolEvaluator, type InstanceFacts } from './tuner-evaluator';

/** What a tuning session needs: the pool, where models come from, where the run is kept, the clock. */
export interface TunerSessionDeps {
  solver: Pick<Solver, 'submit' | 'describeOptions' | 'snapshot' | 'cancelBatch'>;
  library: ModelSource;
  /** The user's model files (absent: a files template cannot be tuned). */
  modelFiles?: Pick<BenchmarkStore, 'getModelFile'>;
  /** Where the run is written as it goes (absent: it lives in memory only). */
  store?: TunerStore;
  now?: () => number;
  newId?: () => string;
  /** How often the record is written while running, ms (default 1000). */
  saveEveryMs?: number;
  /** How often listeners hear progress while running, ms (default 250). */
  notifyEveryMs?: number;
  /** Hears a failed write (the run goes on; the next write carries what this one missed). */
  onSaveError?: (e: unknown) => void;
  /** Jobs in flight (default: the pool's ceiling). */
  concurrency?: number;
}

/** The models of a tuning run by instance id, and how to build one (a generator's symmetry switch). */
interface Instances {
  list: TuningInstance[];
  facts: Map<string, InstanceFacts>;
  payload(id: string, symmetryBreaking: boolean): Promise<ModelPayload>;
}

/** A named error (InvalidSettings, ModelChanged, SolverChanged), as the views show errors. */
function named(name: string, message: string): Error {
  return Object.assign(new Error(message), { name });
}

/** Waits for the next task (a macrotask), so a long loop leaves the page responsive between its steps. */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Unique, readable instance ids from model names (a repeated name gets `#2`, `#3`…). */
function uniqueIds(names: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return names.map((n) => {
    const k = (seen.get(n) ?? 0) + 1;
    seen.set(n, k);
    return k === 1 ? n : `${n} #${k}`;
  });
}

/** Resolves a template to its instances (see the top of this file). */
async function resolveInstances(template: TemplateSpec, deps: TunerSessionDeps): Promise<Instances> {
  if (template.kind === 'generator') {
    const entries: { id: string; size: number; seed: number; bytes: Uint8Array; known: number | null }[] = [];
    for (const size of template.sizes)
      for (const seed of template.instanceSeeds) {
        // One instance per task: a generator computes its known optimum (min-cost flow, dynamic programming),
        // ~20 ms an instance for a transportation model of 300 customers; 18 at once were a 0.5 s task.
        await nextTask();
        const g = generate(template.generator as GeneratorId, {
          size,
          instanceSeed: seed,
          symmetryBreaking: template.symmetryBreaking,
        });
        entries.push({ id: g.name, size, seed, bytes: new TextEncoder().encode(g.lp), known: g.knownObjective });
      }
    const ids = uniqueIds(entries.map((e) => e.id));
    const list = await Promise.all(
      entries.map(async (e, i) => ({ id: ids[i], name: e.id, sha256: await sha256Hex(e.bytes) })),
    );
    const byId = new Map(entries.map((e, i) => [ids[i], e]));
    const facts = new Map<string, InstanceFacts>(
      entries.map((e, i) => [
        ids[i],
        { name: e.id, origin: 'generated', knownObjective: e.known, expectedStatus: null },
      ]),
    );
    const cache = new Map<string, ModelPayload>();
    return {
      list,
      facts,
      payload: async (id, symmetryBreaking) => {
        const e = byId.get(id);
        if (!e) throw named('InvalidModel', `${id} is not an instance of ${template.name}`);
        const sb = symmetryBreaking || template.symmetryBreaking;
        if (sb === template.symmetryBreaking) return { name: e.id, bytes: e.bytes };
        const key = `${id}|${sb}`;
        let p = cache.get(key);
        if (!p) {
          const g = generate(template.generator as GeneratorId, {
            size: e.size,
            instanceSeed: e.seed,
            symmetryBreaking: sb,
          });
          p = { name: g.name, bytes: new TextEncoder().encode(g.lp) };
          cache.set(key, p);
        }
        return p;
      },
    };
  }
  const store = deps.modelFiles ?? { getModelFile: async () => undefined };
  const models = await resolveModels([template], { library: deps.library, store });
  const ids = uniqueIds(models.map((m) => m.model.name));
  const byId = new Map(models.map((m, i) => [ids[i], m.payload]));
  return {
    list: models.map((m, i) => ({ id: ids[i], name: m.model.name, sha256: m.model.id })),
    facts: new Map(
      models.map((m, i) => [
        ids[i],
        {
          name: m.model.name,
          origin: template.kind === 'library' ? ('library' as const) : ('file' as const),
          knownObjective: m.model.knownObjective,
          expectedStatus: m.expectedStatus,
        },
      ]),
    ),
    payload: async (id) => {
      const p = byId.get(id);
      if (!p) throw named('InvalidModel', `${id} is not an instance of ${template.name}`);
      return p;
    },
  };
}

/** Checks the settings a user gave; throws InvalidSettings naming the (first wrong) field. */
export function checkSettings(s: TunerSettings): void {
  const [first] = settingsIssues(s);
  if (first) throw named('InvalidSettings', first);
}

/** A new tuning run's record: the instances, the space, the split, the race at its start (nothing run yet). */
export async function prepareTuning(
  deps: TunerSessionDeps,
  settings: TunerSettings,
  name: string,
): Promise<TuningRecord> {
  checkSettings(settings);
  const instances = await resolveInstances(settings.template, deps);
  if (instances.list.length === 0)
    throw named('InvalidSettings', `template ${settings.template.name}: no model to tune on`);
  const descriptors = await deps.solver.describeOptions();
  const built = buildSpace(descriptors, { ...settings.space, generator: settings.template.kind === 'generator' });
  if (!built.ok) throw named('InvalidSettings', `space: ${built.errors.join('; ')}`);
  const split = splitInstances(
    instances.list.map((i) => i.id),
    settings.seed,
    settings.heldOutShare,
  );
  const race = Race.start({
    space: built.space,
    blocks: makeBlocks(split.tuning, settings.seeds, settings.seed),
    seed: settings.seed,
    timeLimitMs: settings.timeLimitMs,
    budget: { ...settings.budget },
  });
  const now = new Date((deps.now ?? Date.now)()).toISOString();
  return {
    format: TUNING_FORMAT,
    version: TUNING_VERSION,
    id: (deps.newId ?? (() => crypto.randomUUID()))(),
    name: name.trim() || `${settings.template.name} tuning`,
    createdAt: now,
    updatedAt: now,
    state: 'running',
    phase: 'race',
    error: null,
    settings,
    solver: { name: 'HiGHS', version: deps.solver.snapshot().runtime?.highsVersion ?? '' },
    instances: instances.list,
    split,
    race: race.toJSON(),
    heldOut: null,
    result: null,
    elapsedMs: 0,
  };
}

/** The held-out blocks of a run: held-out instances × the seeds, in their own seeded order. */
export function heldOutBlocks(record: TuningRecord) {
  return record.split.heldOut.length === 0
    ? []
    : makeBlocks(record.split.heldOut, record.settings.seeds, record.settings.seed + 1);
}

/** Runs (or resumes) one tuning run; the record it holds is the run's state at every moment. */
export class TunerSession {
  private current: TuningRecord;
  private race: Race | null = null;
  private controller: AbortController | null = null;
  private listeners = new Set<(r: TuningRecord) => void>();
  private lastSave = 0;
  private lastNotify = 0;
  private saving: Promise<void> = Promise.resolve();
  private readonly batchId: string;

  /** A new run from settings: prepared (instances, space, split) and written once before anything runs. */
  static async create(deps: TunerSessionDeps, settings: TunerSettings, name: string): Promise<TunerSession> {
    const record = await prepareTuning(deps, settings, name);
    await deps.store?.put(record);
    return new TunerSession(deps, record);
  }

  constructor(
    private readonly deps: TunerSessionDeps,
    record: TuningRecord,
  ) {
    this.current = record;
    this.batchId = `tuner-${record.id}`;
  }

  /** The run as it stands (the race's state as of the last notification). */
  get record(): TuningRecord {
    return this.current;
  }

  /** Hears the record as it changes (throttled while running); returns the unsubscribe. */
  subscribe(fn: (r: TuningRecord) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  /** Is it running now? */
  get running(): boolean {
    return this.controller !== null;
  }

  /** Stops the run: jobs in flight are cancelled, what finished is kept, the run can be resumed. */
  cancel(): void {
    if (!this.controller) return;
    this.controller.abort();
    this.deps.solver.cancelBatch(this.batchId);
  }

  /**
   * Runs the race, then the held-out check, then the result; resumes from whatever phase the record is in.
   * Ends finished, cancelled (cancel()), or failed (an error: the record says why). Never throws.
   */
  async run(): Promise<TuningRecord> {
    if (this.controller) throw new Error('this tuning run is already running');
    const controller = new AbortController();
    this.controller = controller;
    const now = this.deps.now ?? Date.now;
    const started = now();
    const elapsedBefore = this.current.elapsedMs;
    this.update({ state: 'running', error: null });
    try {
      const version = this.deps.solver.snapshot().runtime?.highsVersion ?? '';
      if (this.current.solver.version && version && version !== this.current.solver.version)
        throw named(
          'SolverChanged',
          `this tuning run started with HiGHS ${this.current.solver.version}; the loaded runtime is ${version}: start a new run`,
        );
      const instances = await resolveInstances(this.current.settings.template, this.deps);
      const byId = new Map(instances.list.map((i) => [i.id, i]));
      for (const i of this.current.instances) {
        const now = byId.get(i.id);
        if (!now || now.sha256 !== i.sha256)
          throw named(
            'ModelChanged',
            now
              ? `${i.name} has changed since the run started (SHA-256 ${i.sha256.slice(0, 12)}…, now ${now.sha256.slice(0, 12)}…)`
              : `${i.name} is no longer among the template's models`,
          );
      }
      const evaluate = this.evaluator(instances);
      const concurrency = this.deps.concurrency ?? Math.max(1, this.deps.solver.snapshot().maxWorkers);
      const tick = () => {
        const t = now();
        if (t - this.lastNotify >= (this.deps.notifyEveryMs ?? 250))
          this.update({ elapsedMs: elapsedBefore + t - started });
      };
      if (this.current.phase !== 'done') await this.warmUp(instances, concurrency);
      if (this.current.phase === 'race') {
        const race = Race.resume(this.current.race);
        this.race = race;
        await runRace(race, evaluate, { concurrency, signal: controller.signal, onProgress: tick });
        this.race = null;
        this.update({ race: race.toJSON() });
        if (controller.signal.aborted) return await this.stop('cancelled', elapsedBefore + now() - started);
        const plan = heldOutPlan(this.current.race, heldOutBlocks(this.current));
        this.update({ phase: 'held-out', heldOut: { plan, results: [] } }, true);
      }
      if (this.current.phase === 'held-out' && this.current.heldOut) {
        const { plan } = this.current.heldOut;
        const results: TunerRunResult[] = [...this.current.heldOut.results];
        const done = new Set(results.map((r) => r.jobId));
        const todo = plan.jobs.filter((j) => !done.has(j.id));
        let next = 0;
        const worker = async () => {
          while (next < todo.length && !controller.signal.aborted) {
            const job = todo[next++];
            try {
              results.push(await evaluate(job, controller.signal));
            } catch (e) {
              if (controller.signal.aborted) return;
              throw e;
            }
            const t = now();
            if (t - this.lastNotify >= (this.deps.notifyEveryMs ?? 250))
              this.update({ heldOut: { plan, results: [...results] }, elapsedMs: elapsedBefore + t - started });
          }
        };
        await Promise.all(Array.from({ length: Math.min(concurrency, Math.max(1, todo.length)) }, worker));
        this.update({ heldOut: { plan, results: [...results] } });
        if (controller.signal.aborted) return await this.stop('cancelled', elapsedBefore + now() - started);
        const result = tunerResult(this.current.race, plan, results);
        this.update({ phase: 'done', result }, true);
      }
      return await this.stop('finished', elapsedBefore + now() - started);
    } catch (e) {
      if (this.race) this.update({ race: this.race.toJSON() });
      this.race = null;
      const err = shownError(e);
      if (controller.signal.aborted) return await this.stop('cancelled', elapsedBefore + now() - started);
      return await this.stop('failed', elapsedBefore + now() - started, `${err.name}: ${err.message}`.slice(0, 1000));
    } finally {
      this.controller = null;
    }
  }

  /** Ends the run in `state`, writes it at once, and waits for the write. */
  private async stop(
    state: TuningRecord['state'],
    elapsedMs: number,
    error: string | null = null,
  ): Promise<TuningRecord> {
    this.update({ state, elapsedMs, error }, true);
    await this.saving;
    return this.current;
  }

  /**
   * One untimed solve of the first tuning instance per worker, at every start and resume, so no run measures a
   * cold runtime (the WASM compile and the first allocations cost more than a small model's solve).
   */
  private async warmUp(instances: Instances, workers: number): Promise<void> {
    const first = this.current.race.config.blocks[0];
    if (!first) return;
    const model = await instances.payload(first.instance, false);
    const base = this.current.settings.baseline;
    const options = base.kind === 'blessed' ? { ...base.options } : {};
    const limit = this.current.settings.timeLimitMs;
    await Promise.all(
      Array.from({ length: workers }, () =>
        this.deps.solver
          .submit(model, limit === null ? options : { ...options, time_limit: limit / 1000 }, {
            priority: 'batch',
            batchId: this.batchId,
            captureLog: false,
          })
          .result.catch(() => {}),
      ),
    );
  }

  /** The pool evaluator under the baseline's options (a blessed baseline's options go under every job's). */
  private evaluator(instances: Instances): Evaluate {
    const inner = poolEvaluator({
      solver: this.deps.solver,
      instance: instances.payload,
      batchId: this.batchId,
      known: (id) => instances.facts.get(id),
    });
    const base = this.current.settings.baseline;
    if (base.kind === 'defaults') return inner;
    return (job, signal) => inner({ ...job, options: { ...base.options, ...job.options } }, signal);
  }

  /** Applies a change to the record, tells the listeners, and writes it (throttled unless `now`). */
  private update(patch: Partial<TuningRecord>, now = false): void {
    const clock = this.deps.now ?? Date.now;
    const t = clock();
    const race = this.race && !patch.race ? this.race.toJSON() : undefined;
    this.current = { ...this.current, ...(race ? { race } : {}), ...patch, updatedAt: new Date(t).toISOString() };
    this.lastNotify = t;
    for (const fn of this.listeners) fn(this.current);
    const store = this.deps.store;
    if (!store) return;
    if (!now && t - this.lastSave < (this.deps.saveEveryMs ?? 1000)) return;
    this.lastSave = t;
    const record = this.current;
    // A failed write loses at most a second of runs: the next write carries them.
    this.saving = this.saving.then(() => store.put(record)).catch((e: unknown) => this.deps.onSaveError?.(e));
  }
}
