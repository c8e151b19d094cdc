// The run view's state, composed from the services: the library (which model), the options form,
// the solve and the history. Created once per app on the first visit of #/run, so leaving the view
// and coming back keeps the model, the options and the result.
import { HistoryState } from './history-state.svelte';
import { LibraryState } from './library-state.svelte';
import { OptionsState } from './options-state.svelte';
import type { AppServices } from './ports';
import { SolveState } from './solve-state.svelte';

/** The run view's state objects, wired together. */
export class RunWorkspace {
  readonly options = new OptionsState();
  readonly history: HistoryState;
  readonly solve: SolveState;
  readonly library: LibraryState;
  private started: Promise<void> | undefined;

  constructor(private readonly services: Pick<AppServices, 'solver' | 'runs' | 'library'>) {
    this.history = new HistoryState(services.runs);
    // A new pick hides the last solve's error; the result stays until the next solve.
    this.library = new LibraryState(services.library, () => this.solve.dismissError());
    this.solve = new SolveState({
      solver: services.solver,
      options: this.options,
      storeRun: (run) => this.history.store(run),
      bytesOf: (c) => this.library.bytesOf(c),
    });
  }

  /** Loads the manifest, the history and HiGHS's option descriptors (once; later calls share it). */
  start(): Promise<void> {
    this.started ??= Promise.all([this.library.load(), this.history.refresh(), this.loadOptions()]).then(() => {});
    return this.started;
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
