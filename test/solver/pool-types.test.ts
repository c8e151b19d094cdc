// The pool's defaults: the worker ceiling from the core count, and defaults that fit together.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_POOL_CONFIG, defaultMaxWorkers } from '../../src/solver/pool-types';
import * as pool from '../../src/solver/worker-pool';

afterEach(() => vi.unstubAllGlobals());

describe('pool types and defaults', () => {
  it.each<[string, { hardwareConcurrency?: number } | undefined, number]>([
    ['no navigator (Node 20): assumes 2 cores', undefined, 1],
    ['a navigator without a core count', {}, 1],
    ['1 core: still one worker', { hardwareConcurrency: 1 }, 1],
    ['2 cores', { hardwareConcurrency: 2 }, 1],
    ['8 cores: one left for the page', { hardwareConcurrency: 8 }, 7],
  ])('defaultMaxWorkers with %s → %i', (_label, navigator, expected) => {
    vi.stubGlobal('navigator', navigator);
    expect(defaultMaxWorkers()).toBe(expected);
  });

  it.each<[string, (c: typeof DEFAULT_POOL_CONFIG) => boolean]>([
    ['the floor is at most the ceiling', (c) => c.minWorkers >= 0 && c.minWorkers <= c.maxWorkers],
    ['the retry delay starts below its cap', (c) => c.retryBaseMs > 0 && c.retryBaseMs <= c.retryMaxMs],
    [
      'the read allowance has a base, grows with the input and counts gzip above its size',
      (c) => c.readBaseMs > 0 && c.readMsPerMiB > 0 && c.gzipReadFactor > 1,
    ],
    [
      'a graceful cancel is acknowledged before it winds down',
      (c) => c.cancelAckMs > 0 && c.cancelAckMs <= c.cancelWindDownMs,
    ],
  ])('DEFAULT_POOL_CONFIG: %s', (_label, holds) => {
    expect(holds(DEFAULT_POOL_CONFIG)).toBe(true);
  });

  it('worker-pool.ts re-exports the defaults other code imports from it', () => {
    expect(pool.DEFAULT_POOL_CONFIG).toBe(DEFAULT_POOL_CONFIG);
    expect(pool.defaultMaxWorkers).toBe(defaultMaxWorkers);
    expect(typeof pool.WorkerPool).toBe('function');
  });
});
