// The run view's state, composed from the services: the library (which model), the options form,
// the solve and the history. Created once per app on the first visit of #/run, so leaving the view
// and coming back keeps the model, the options and the result. The options start from the library's
// active blessed set (library models form the 'library' template) when it has one; reset gives the defaults.
import { formatOptionValue, sameOptionValue, type OptionValues } from '../core/options-schema';
import type { BlessedSet } from '../core/parameters/blessed';
import { HistoryState } from './history-state.svelte';
import { LibraryState } from './library-state.svelte';
import { OptionsState } from './options-state.svelte';
import type { AppServices } from './ports';
import { SolveState } from './solve-state.svelte';
import { TuningState } from './tuning-state.svelte';
import { DecideState } from './decide-state.svelte';
import type { RunRecord } from '../core/run-record';

/** The template the run view's library models belong to (as the benchmark editor and #/parameters name it). */
export const RUN_TEMPLATE = 'library';

/** Whether the options still hold every option of the blessed set (so the note that they came from it is true). */
export function holdsBlessed(changed: OptionValues, blessed: Pick<BlessedSet, 'options'>): boolean {
  return Object.entries(blessed.options).every(([k, v]) => k in changed && sameOptionValue(changed[k], v));
}

/** The run view's state objects, wired together. */
export class RunWorkspace {
  readonly options = new OptionsState();
  readonly history: HistoryState;
  readonly solve: SolveState;
  /** The tuning bench of the chosen model: reference, deltas, Solve ×N, sweep, ablation. */
  readonly tuning: TuningState;
  /** Decide: the pinned reference's options against the form's, A/B until decided. */
  readonly decide: DecideState;
  readonly library: LibraryState;
  private started: Promise<void> | undefined;
  private blessedRead: Promise<BlessedSet | null> | undefined;

  constructor(private readonly services: Pick<AppServices, 'solver' | 'runs' | 'library' | 'parameters' | 'observer'>) {
    this.history = new HistoryState(services.runs);
    // A new pick hides the last solve's error; the result stays until the next solve.
    this.library = new LibraryState(services.library, () => this.solve.dismissError());
    const storeRun = (run: RunRecord): Promise<RunRecord | null> => {
      services.observer?.runRecord(run);
      return this.history.store(run);
    };
    this.solve = new SolveState({
      solver: services.solver,
      options: this.options,
      storeRun: async (run) => {
        const stored = await storeRun(run);
        this.tuning.onSolved(stored ?? run);
        return stored;
      },
      bytesOf: (c) => this.library.bytesOf(c),
    });
    this.tuning = new TuningState({
      solver: services.solver,
      choice: () => this.library.choice,
      bytesOf: (c) => this.library.bytesOf(c),
      options: () => this.options.changedValues,
      applyOption: (name, value) => this.options.set(name, value),
      // A batch's runs are stored one by one and the history re-read once, at the batch's end.
      storeRun: async (run) => {
        services.observer?.runRecord(run);
        return services.runs.add(run);
      },
      afterBatch: () => this.history.refresh(),
    });
    this.decide = new DecideState({
      solver: services.solver,
      choice: () => this.library.choice,
      bytesOf: (c) => this.library.bytesOf(c),
      reference: () => {
        const ref = this.tuning.reference;
        return ref ? { modelId: ref.modelId, modelName: ref.modelName, options: ref.runs[0].options } : null;
      },
      options: () => this.options.changedValues,
    });
  }

  /** Loads the manifest, the history and HiGHS's option descriptors (once; later calls share it). */
  start(): Promise<void> {
    this.started ??= Promise.all([
      this.library.load(),
      this.history.refresh(),
      this.loadOptions(),
      this.blessed(),
    ]).then(() => {});
    return this.started;
  }

  /**
   * The library's active blessed set, read once: the options start from it unless the user already changed
   * some. Null without one (or without the browser database, or when it cannot be read: the defaults stay).
   */
  blessed(): Promise<BlessedSet | null> {
    this.blessedRead ??= this.readBlessed();
    return this.blessedRead;
  }

  private async readBlessed(): Promise<BlessedSet | null> {
    const store = this.services.parameters;
    if (!store) return null;
    try {
      const active = (await store.listBlessed(RUN_TEMPLATE)).find((s) => s.active);
      if (!active) return null;
      // The user changed options before the set was read: theirs stay, and nothing says "from the blessed set".
      if (Object.keys(this.options.inputs).length > 0) return null;
      for (const [k, v] of Object.entries(active.options))
        this.options.set(k, typeof v === 'boolean' ? v : formatOptionValue(v));
      const { active: _a, ...set } = active;
      return set;
    } catch {
      return null;
    }
  }

  /** Solves the picked model. */
  solveChoice(): Promise<void> {
    return this.solve.solve(this.library.choice);
  }

  private async loadOptions(): Promise<void> {
    try {
      this.options.setDescriptors(await this.services.solver.describeOptions());
    } catch (e) {
      this.solve.showError({
        name: 'SolverUnavailable',
        message: `the solver could not start: ${e instanceof Error ? e.message : String(e)}`,
      });
    }
  }
}
