// The solver pool as the UI sees it: a live snapshot (coalesced by the pool to ~10 a second)
// and the size controls, remembered across reloads.
import { defaultMaxWorkers, type PoolSnapshot } from '../solver/worker-pool';
import { solverPool, POOL_SIZE_KEY } from './services';

/** Rune state of the pool panel and the header badge. */
export class PoolState {
  snapshot = $state.raw<PoolSnapshot>(solverPool().snapshot());
  readonly hardwareConcurrency = navigator.hardwareConcurrency ?? 1;
  readonly defaultMax = defaultMaxWorkers();

  constructor() {
    solverPool().subscribe((s) => (this.snapshot = s));
  }

  /** Sets the floor and ceiling (clamped to 0 ≤ min ≤ max, 1 ≤ max ≤ 32) and remembers them. */
  resize(min: number, max: number): void {
    const mx = Math.min(32, Math.max(1, Math.round(max) || 1));
    const mn = Math.min(mx, Math.max(0, Math.round(min) || 0));
    solverPool().resize(mn, mx);
    try {
      localStorage.setItem(POOL_SIZE_KEY, JSON.stringify({ min: mn, max: mx }));
    } catch {
      /* storage unavailable: the size still applies to this page */
    }
  }
}

/** The page's one pool state. */
export const poolState = new PoolState();
