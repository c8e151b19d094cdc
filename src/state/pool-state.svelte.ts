// The solver pool as the UI sees it: a live snapshot (coalesced by the pool to ~10 a second)
// and the size controls, remembered across reloads.
import { defaultMaxWorkers, type PoolSnapshot } from '../solver/pool-types';
import type { PoolSize, PoolSizeStore, Solver } from './ports';

/** The largest pool the panel offers. */
export const MAX_POOL_SIZE = 32;

/** Clamps a requested size to 0 ≤ min ≤ max and 1 ≤ max ≤ MAX_POOL_SIZE (whole numbers). */
export function clampPoolSize(min: number, max: number): PoolSize {
  const mx = Math.min(MAX_POOL_SIZE, Math.max(1, Math.round(max) || 1));
  const mn = Math.min(mx, Math.max(0, Math.round(min) || 0));
  return { min: mn, max: mx };
}

/** Rune state of the pool panel and the header badge. */
export class PoolState {
  snapshot: PoolSnapshot;
  readonly hardwareConcurrency: number;
  readonly defaultMax = defaultMaxWorkers();
  private readonly unsubscribe: () => void;

  constructor(
    private readonly solver: Pick<Solver, 'snapshot' | 'subscribe' | 'resize'>,
    private readonly sizes: PoolSizeStore,
  ) {
    this.hardwareConcurrency =
      (globalThis as { navigator?: { hardwareConcurrency?: number } }).navigator?.hardwareConcurrency ?? 1;
    this.snapshot = $state.raw(solver.snapshot());
    this.unsubscribe = solver.subscribe((s) => (this.snapshot = s));
  }

  /** Sets the floor and ceiling (clamped) and remembers them; returns what was applied. */
  resize(min: number, max: number): PoolSize {
    const size = clampPoolSize(min, max);
    this.solver.resize(size.min, size.max);
    this.sizes.save(size);
    return size;
  }

  /** Stops following the pool. */
  dispose(): void {
    this.unsubscribe();
  }
}
