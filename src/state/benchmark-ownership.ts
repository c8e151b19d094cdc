// Which stored benchmarks a live runner owns, so a 'running' benchmark that nobody runs any more
// (its page was reloaded or closed) can be told from one that is running now: in this page (a set
// of the ids its runners hold) and, where the browser has Web Locks, in any other tab of the app
// (each runner holds a lock named after its benchmark; a closed page's locks are released).
// https://developer.mozilla.org/docs/Web/API/Web_Locks_API

const LOCK_PREFIX = 'highs-workbench/benchmark/';
const ownedHere = new Set<string>();

/** The page's lock manager, where the browser has one (not in Node). */
function lockManager(): LockManager | undefined {
  return (globalThis as { navigator?: { locks?: LockManager } }).navigator?.locks;
}

/** Marks a benchmark as owned by a live runner until the returned release is called. */
export function claimBenchmark(id: string): () => void {
  ownedHere.add(id);
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  lockManager()
    ?.request(LOCK_PREFIX + id, () => held)
    .catch(() => {});
  return () => {
    ownedHere.delete(id);
    release();
  };
}

/** The ids of the benchmarks a live runner owns now, in this page or (with Web Locks) another tab. */
export async function ownedBenchmarks(): Promise<Set<string>> {
  const owned = new Set(ownedHere);
  const locks = lockManager();
  if (locks) {
    try {
      const { held = [] } = await locks.query();
      for (const l of held) if (l.name?.startsWith(LOCK_PREFIX)) owned.add(l.name.slice(LOCK_PREFIX.length));
    } catch {
      // No lock information: only this page's runners count.
    }
  }
  return owned;
}
