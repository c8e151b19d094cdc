// Integer random draws for the generators, from the mulberry32 PRNG of the warm-up models.
// mulberry32 returns k / 2^32 for an integer k, so `lo + floor(u * span)` with span < 2^21 is exact
// in IEEE doubles: the same instanceSeed gives the same integers on every engine and platform.
import { mulberry32 } from '../warmup-model';

/** Draws integers in inclusive ranges. */
export interface IntRng {
  /** An integer in [lo, hi] (both inclusive; hi − lo < 2^21). */
  int(lo: number, hi: number): number;
}

/**
 * A PRNG for one generator and one instanceSeed (the generator's seed, not HiGHS's `random_seed`).
 * The salt keeps two generators given the same instanceSeed on unrelated streams.
 */
export function intRng(instanceSeed: number, salt: number): IntRng {
  const next = mulberry32(Math.imul((instanceSeed ^ salt) >>> 0, 0x9e3779b1) ^ salt);
  return {
    int(lo: number, hi: number): number {
      return lo + Math.floor(next() * (hi - lo + 1));
    },
  };
}
