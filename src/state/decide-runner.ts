// Decide: A/B until decided, as a plain module (no runes) so the run view's state and a command line can both
// drive it. It warms every worker with both option sets, then runs pairs — the reference (A) and the
// candidate (B) with the same random_seed, in the order A B, B A, … (core/decision's pairOrder), both jobs of
// a pair submitted together so they share the machine's conditions — and after every pair asks core/decision's
// always-valid confidence sequence whether the candidate is faster, slower or equivalent within ±δ, until the
// budget (runs and seconds) is spent.
import {
  ConfidenceSequence,
  pairOrder,
  sequentialSettings,
  stateOf,
  type SequentialSettings,
  type SequentialState,
  type SequentialVerdict,
} from '../core/decision';
import type { OptionValues } from '../core/options-schema';
import type { PoolResult } from '../solver/pool-types';

/** What Decide needs from the pool: one solve of the chosen model, and how many workers there are. */
export interface DecideDeps {
  /** Queues one solve of the model with the options, for the reference's side or the candidate's. */
  solve(options: OptionValues, side: 'ref' | 'cand'): { result: Promise<PoolResult>; cancel(): void };
  /** Workers to warm (at least 1). */
  workers(): number;
  /** Milliseconds on a monotonic clock. */
  now(): number;
}

/** Where a Decide run is. */
export interface DecideProgress {
  phase: 'warming' | 'running';
  /** Timed solves done (both sides) and the run budget. */
  runs: number;
  maxRuns: number;
  elapsedMs: number;
  /** At most this long until the budget ends it (it may decide sooner); null before the first pair. */
  etaMs: number | null;
  state: SequentialState;
}

/** How a Decide run ended. */
export interface DecideOutcome {
  verdict: SequentialVerdict;
  /** Candidate ÷ reference: exp(median of the pairs' log ratios); null without a pair. */
  ratio: number | null;
  interval: [number, number] | null;
  pairs: number;
  /** Timed solves (both sides). */
  runs: number;
  elapsedMs: number;
  /** Ended by cancel (the verdict is then undecided, with what was seen so far). */
  cancelled: boolean;
  /** Why it stopped early: a failed solve. */
  error: string | null;
  /** The settings it ran with. */
  settings: SequentialSettings;
}

/** Options of one side of pair i: the side's options with the pair's random_seed. */
const seeded = (options: OptionValues, seed: number): OptionValues => ({ ...options, random_seed: seed });

/** Runs Decide: reference options against candidate options on one model, until decided, spent or cancelled. */
export async function runDecide(
  deps: DecideDeps,
  reference: OptionValues,
  candidate: OptionValues,
  given: Partial<SequentialSettings>,
  onProgress: (p: DecideProgress) => void,
  cancelled: () => boolean,
): Promise<DecideOutcome> {
  const settings = sequentialSettings(given);
  const cs = new ConfidenceSequence(settings.alpha);
  const t0 = deps.now();
  let runs = 0;
  const inFlight = new Set<{ cancel(): void }>();
  const end = (verdict: SequentialVerdict, extra: { cancelled?: boolean; error?: string } = {}): DecideOutcome => {
    const s = stateOf(cs, settings);
    return {
      verdict,
      ratio: s.ratio,
      interval: s.interval,
      pairs: s.pairs,
      runs,
      elapsedMs: deps.now() - t0,
      cancelled: extra.cancelled ?? false,
      error: extra.error ?? null,
      settings,
    };
  };
  const submit = (options: OptionValues, side: 'ref' | 'cand') => {
    const job = deps.solve(options, side);
    inFlight.add(job);
    return job.result.finally(() => inFlight.delete(job));
  };
  const stopAll = () => {
    for (const j of inFlight) j.cancel();
  };

  // Warm-up: each worker solves the model once with each side's options (untimed), so neither side pays for a
  // cold WASM runtime (DESIGN.md: a fresh runtime is 3–10× slower on its first solves).
  onProgress({
    phase: 'warming',
    runs: 0,
    maxRuns: settings.maxRuns,
    elapsedMs: 0,
    etaMs: null,
    state: stateOf(cs, settings),
  });
  const workers = Math.max(1, deps.workers());
  for (const side of ['ref', 'cand'] as const) {
    if (cancelled()) return end('undecided', { cancelled: true });
    const options = side === 'ref' ? reference : candidate;
    const warm = await Promise.allSettled(Array.from({ length: workers }, () => submit(seeded(options, 0), side)));
    const failed = warm.find((w) => w.status === 'rejected');
    if (failed && !cancelled())
      return end('undecided', {
        error: `the warm-up solve failed: ${String((failed as PromiseRejectedResult).reason)}`,
      });
  }

  for (let i = 0; ; i++) {
    if (cancelled()) return end('undecided', { cancelled: true });
    const seed = i + 1;
    const order = pairOrder(i);
    const jobs = order.map((side) => submit(seeded(side === 'ref' ? reference : candidate, seed), side));
    let results: PoolResult[];
    try {
      results = await Promise.all(jobs);
    } catch (e) {
      stopAll();
      if (cancelled()) return end('undecided', { cancelled: true });
      return end('undecided', {
        error: `a solve failed (pair ${i + 1}): ${e instanceof Error ? e.message : String(e)}`,
      });
    }
    runs += 2;
    const byside = { [order[0]]: results[0], [order[1]]: results[1] } as Record<'ref' | 'cand', PoolResult>;
    const a = byside.ref.times.solveMs;
    const b = byside.cand.times.solveMs;
    if (a > 0 && b > 0) cs.push(Math.log(b) - Math.log(a));
    const elapsedMs = deps.now() - t0;
    const state = stateOf(cs, settings, { runs, seconds: elapsedMs / 1000 });
    const perRun = elapsedMs / runs;
    const etaMs = Math.max(0, Math.min((settings.maxRuns - runs) * perRun, settings.maxSeconds * 1000 - elapsedMs));
    onProgress({ phase: 'running', runs, maxRuns: settings.maxRuns, elapsedMs, etaMs, state });
    if (state.verdict) return end(state.verdict);
  }
}
