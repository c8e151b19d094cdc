// Which instances the tuner may learn from and which it must not see until the end, and the blocks it
// races on. The split is seeded and independent of the order the instances are listed in (the ids are
// sorted first), so the same template and seed always hold out the same instances. Blocks are instance ×
// random_seed in a seeded order, taken in rounds (every instance once per round, each with its own shuffled
// seeds), so the first few blocks of a race already span different instances.
import { mulberry32 } from '../warmup-model';
import { shuffled } from './random';
import type { Block } from './types';

/** The default share of instances held out (tuning : held-out = 2 : 1). */
export const DEFAULT_HELD_OUT_SHARE = 1 / 3;

/** The instances to tune on and the ones held out to check the result. */
export interface InstanceSplit {
  tuning: string[];
  heldOut: string[];
  /** Why the split is not the usual one (e.g. one instance: nothing held out), or null. */
  note: string | null;
}

function checkIds(ids: readonly string[]): void {
  if (ids.length === 0) throw new RangeError('the template has no instance to tune on');
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) throw new RangeError(`instance ${id} is listed twice`);
    seen.add(id);
  }
}

/** Splits instances into tuning and held-out sets: seeded, about `heldOutShare` held out, at least one each from 2 on. */
export function splitInstances(
  instances: readonly string[],
  seed: number,
  heldOutShare = DEFAULT_HELD_OUT_SHARE,
): InstanceSplit {
  checkIds(instances);
  if (!(heldOutShare > 0 && heldOutShare < 1))
    throw new RangeError(`the held-out share must lie in (0, 1), got ${heldOutShare}`);
  const n = instances.length;
  if (n === 1)
    return {
      tuning: [...instances],
      heldOut: [],
      note: 'one instance: nothing is held out, so the result cannot be checked on unseen instances',
    };
  const held = Math.min(n - 1, Math.max(1, Math.round(n * heldOutShare)));
  const sorted = [...instances].sort();
  const order = shuffled(sorted, mulberry32(seed));
  const heldSet = new Set(order.slice(0, held));
  return {
    tuning: sorted.filter((id) => !heldSet.has(id)),
    heldOut: sorted.filter((id) => heldSet.has(id)),
    note: null,
  };
}

/** Blocks instance × random_seed in a seeded order, in rounds that cover every instance once each. */
export function makeBlocks(instances: readonly string[], seeds: readonly number[], seed: number): Block[] {
  checkIds(instances);
  if (seeds.length === 0) throw new RangeError('no random_seed to make blocks with');
  if (new Set(seeds).size !== seeds.length) throw new RangeError('a random_seed is listed twice');
  for (const s of seeds)
    if (!(Number.isSafeInteger(s) && s >= 0 && s <= 2147483647))
      throw new RangeError(`random_seed must be a whole number in 0..2147483647, got ${s}`);
  const random = mulberry32(seed);
  const sorted = [...instances].sort();
  const seedOrder = new Map(sorted.map((id) => [id, shuffled(seeds, random)]));
  const blocks: Block[] = [];
  for (let round = 0; round < seeds.length; round++)
    for (const id of shuffled(sorted, random)) blocks.push({ instance: id, seed: seedOrder.get(id)![round] });
  return blocks;
}

/** HiGHS random_seed values 0..count−1: the usual seeds of a tuning run. */
export function defaultSeeds(count: number): number[] {
  if (!(Number.isSafeInteger(count) && count >= 1)) throw new RangeError(`seed count must be ≥ 1, got ${count}`);
  return Array.from({ length: count }, (_, i) => i);
}
