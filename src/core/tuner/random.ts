// The tuner's randomness as plain numbers: a mulberry32 generator whose whole state is one integer (so a
// race's state stays JSON and a reload resumes the same sequence), a string hash to derive seeds, and a
// seeded shuffle. The step is warmup-model's mulberry32 step: the same seed gives the same numbers.
import { mulberry32Step } from '../warmup-model';

/** One mulberry32 step from a state: the value in [0, 1) and the next state (a resumable generator). */
export const nextRandom = mulberry32Step;

/** A generator over a state held elsewhere (get/set), so the caller's JSON state advances with it. */
export function randomFrom(get: () => number, set: (s: number) => void): () => number {
  return () => {
    const [v, s] = nextRandom(get());
    set(s);
    return v;
  };
}

/** FNV-1a, 32 bits: a stable seed from a name (an instance id, a seed label). */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** A Fisher–Yates shuffle of a copy, driven by `random` (deterministic for a seeded one). */
export function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}
