// The user's pool size, remembered in localStorage across reloads.
import type { PoolConfig } from '../solver/pool-types';
import type { PoolSizeStore } from '../state/ports';

/** localStorage key of the user's pool size. */
export const POOL_SIZE_KEY = 'highs-workbench.pool-size';

/** The saved size as pool config; {} when there is none, it is malformed, or storage is unavailable. */
export function readPoolSize(storage: Pick<Storage, 'getItem'> | null): Partial<PoolConfig> {
  try {
    const v = JSON.parse(storage?.getItem(POOL_SIZE_KEY) ?? 'null') as { min?: unknown; max?: unknown } | null;
    if (
      v &&
      typeof v.min === 'number' &&
      typeof v.max === 'number' &&
      Number.isInteger(v.min) &&
      Number.isInteger(v.max) &&
      v.max >= 1 &&
      v.min >= 0 &&
      v.min <= v.max
    ) {
      return { minWorkers: v.min, maxWorkers: v.max };
    }
  } catch {
    /* a bad or unavailable saved size: use the defaults */
  }
  return {};
}

/** Saves sizes to `storage`; when storage is unavailable the size still applies to this page. */
export function poolSizeStore(storage: Pick<Storage, 'setItem'> | null): PoolSizeStore {
  return {
    save(size) {
      try {
        storage?.setItem(POOL_SIZE_KEY, JSON.stringify({ min: size.min, max: size.max }));
      } catch {
        /* storage full or denied */
      }
    },
  };
}
