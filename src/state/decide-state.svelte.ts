// The run view's Decide: the pinned reference's options against the form's options on the chosen model, A/B
// until decided (src/state/decide-runner.ts over the pool), with live progress, cancel and the outcome.
import type { OptionValues } from '../core/options-schema';
import { sha256Hex } from '../core/run-record';
import { DEFAULT_SEQUENTIAL, type SequentialSettings } from '../core/decision';
import type { ModelChoice } from './library-state.svelte';
import type { Solver } from './ports';
import { runDecide, type DecideOutcome, type DecideProgress } from './decide-runner';
import { shownError, type ShownError } from './shown-error';

/** What Decide needs from the run workspace. */
export interface DecideStateDeps {
  solver: Pick<Solver, 'submit' | 'snapshot' | 'cancelBatch'>;
  choice: () => ModelChoice | null;
  bytesOf: (c: ModelChoice) => Promise<Uint8Array>;
  /** The pinned reference: its model's SHA-256 and options (null without one). */
  reference: () => { modelId: string; modelName: string; options: OptionValues } | null;
  /** The option form's values. */
  options: () => OptionValues;
  newId?: () => string;
}

/** Rune state of one Decide at a time. */
export class DecideState {
  /** δ (percent), the run budget and the time budget (seconds), as the user set them. */
  settings = $state<Pick<SequentialSettings, 'deltaPct' | 'maxRuns' | 'maxSeconds'>>({
    deltaPct: DEFAULT_SEQUENTIAL.deltaPct,
    maxRuns: DEFAULT_SEQUENTIAL.maxRuns,
    maxSeconds: DEFAULT_SEQUENTIAL.maxSeconds,
  });
  progress = $state.raw<DecideProgress | null>(null);
  outcome = $state.raw<DecideOutcome | null>(null);
  error = $state.raw<ShownError | null>(null);
  running = $state(false);
  private stopping = false;
  private batchId = '';
  private readonly newId: () => string;

  constructor(private readonly deps: DecideStateDeps) {
    this.newId = deps.newId ?? (() => crypto.randomUUID());
  }

  /** Runs Decide on the chosen model: the reference's options (A) against the form's (B). */
  async start(): Promise<void> {
    const choice = this.deps.choice();
    const reference = this.deps.reference();
    if (this.running || !choice || !reference) return;
    this.error = null;
    this.outcome = null;
    this.progress = null;
    this.stopping = false;
    this.running = true;
    this.batchId = this.newId();
    try {
      const bytes = await this.deps.bytesOf(choice);
      if ((await sha256Hex(bytes)) !== reference.modelId) {
        this.error = {
          name: 'InvalidInput',
          message: `Decide compares options on the pinned model: the reference is ${reference.modelName}, the chosen model is ${choice.name}`,
        };
        return;
      }
      const { random_seed: _a, ...ref } = reference.options;
      const { random_seed: _b, ...cand } = this.deps.options();
      const snapshot = this.deps.solver.snapshot();
      this.outcome = await runDecide(
        {
          solve: (options) =>
            this.deps.solver.submit({ name: choice.name, bytes }, options, {
              priority: 'batch',
              batchId: this.batchId,
              captureLog: false,
            }),
          workers: () => Math.max(1, snapshot.maxWorkers),
          now: () => performance.now(),
        },
        ref,
        cand,
        { ...this.settings },
        (p) => (this.progress = p),
        () => this.stopping,
      );
    } catch (e) {
      this.error = shownError(e);
    } finally {
      this.running = false;
    }
  }

  /** Cancels the running Decide (what it saw so far stays, as undecided). */
  cancel(): void {
    if (!this.running) return;
    this.stopping = true;
    this.deps.solver.cancelBatch(this.batchId);
  }
}
