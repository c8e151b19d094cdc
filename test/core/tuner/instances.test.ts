import { describe, expect, it } from 'vitest';
import { defaultSeeds, makeBlocks, splitInstances } from '../../../src/core/tuner';

const ids = (n: number) => Array.from({ length: n }, (_, i) => `m${String(i).padStart(2, '0')}`);

describe('splitting instances into tuning and held-out', () => {
  it.each([
    { n: 1, tuning: 1, heldOut: 0 },
    { n: 2, tuning: 1, heldOut: 1 },
    { n: 3, tuning: 2, heldOut: 1 },
    { n: 4, tuning: 3, heldOut: 1 },
    { n: 5, tuning: 3, heldOut: 2 },
    { n: 6, tuning: 4, heldOut: 2 },
    { n: 9, tuning: 6, heldOut: 3 },
    { n: 15, tuning: 10, heldOut: 5 },
    { n: 100, tuning: 67, heldOut: 33 },
  ])('$n instances: $tuning to tune on, $heldOut held out (2 : 1, at least one each)', ({ n, tuning, heldOut }) => {
    const s = splitInstances(ids(n), 7);
    expect(s.tuning).toHaveLength(tuning);
    expect(s.heldOut).toHaveLength(heldOut);
    expect([...s.tuning, ...s.heldOut].sort()).toEqual(ids(n));
    expect(s.note === null).toBe(n > 1);
  });

  it('one instance: nothing held out, and says so', () => {
    expect(splitInstances(['only'], 1).note).toMatch(/nothing is held out/);
  });

  it('is deterministic and does not depend on the listing order', () => {
    const a = splitInstances(ids(12), 3);
    expect(splitInstances(ids(12), 3)).toEqual(a);
    expect(splitInstances([...ids(12)].reverse(), 3)).toEqual(a);
  });

  it('another seed holds out other instances', () => {
    const held = new Set([1, 2, 3, 4, 5, 6].map((seed) => splitInstances(ids(12), seed).heldOut.join()));
    expect(held.size).toBeGreaterThan(1);
  });

  it('honours another share', () => {
    expect(splitInstances(ids(10), 1, 0.5).heldOut).toHaveLength(5);
  });

  it.each([
    { list: [], share: 1 / 3, error: /no instance/ },
    { list: ['a', 'a'], share: 1 / 3, error: /listed twice/ },
    { list: ['a', 'b'], share: 1, error: /share/ },
    { list: ['a', 'b'], share: 0, error: /share/ },
  ])('refuses $list with share $share', ({ list, share, error }) => {
    expect(() => splitInstances(list, 1, share)).toThrow(error);
  });
});

describe('blocks: instance × random_seed in a seeded order', () => {
  const blocks = makeBlocks(ids(5), defaultSeeds(3), 11);

  it('holds every (instance, seed) once', () => {
    expect(blocks).toHaveLength(15);
    expect(new Set(blocks.map((b) => `${b.instance}/${b.seed}`)).size).toBe(15);
  });

  it('goes in rounds: every instance once per round', () => {
    for (let r = 0; r < 3; r++) expect(new Set(blocks.slice(r * 5, r * 5 + 5).map((b) => b.instance)).size).toBe(5);
  });

  it('is deterministic, order-free, and shuffled by its seed', () => {
    expect(makeBlocks(ids(5), defaultSeeds(3), 11)).toEqual(blocks);
    expect(makeBlocks([...ids(5)].reverse(), defaultSeeds(3), 11)).toEqual(blocks);
    const orders = new Set([1, 2, 3, 4].map((s) => JSON.stringify(makeBlocks(ids(5), defaultSeeds(3), s))));
    expect(orders.size).toBe(4);
  });

  it.each([
    { seeds: [], error: /no random_seed/ },
    { seeds: [1, 1], error: /listed twice/ },
    { seeds: [-1], error: /whole number/ },
    { seeds: [1.5], error: /whole number/ },
  ])('refuses seeds $seeds', ({ seeds, error }) => expect(() => makeBlocks(['a'], seeds, 1)).toThrow(error));

  it('default seeds are 0..n−1', () => {
    expect(defaultSeeds(3)).toEqual([0, 1, 2]);
    expect(() => defaultSeeds(0)).toThrow(RangeError);
  });
});
