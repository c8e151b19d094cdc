// Work that would make one long main-thread task, spread over tasks of their own: the source is read (and
// tracked) in an $effect, the computation runs in a setTimeout task, and its result is reactive state.
// The benchmark charts build their series this way, one chart per task, so a 10,000-run benchmark never
// blocks the page for more than one chart's worth of work.

/** A value computed from a reactive source in a task of its own; null until the first computation ends. */
export function later<S, T>(source: () => S, compute: (s: S) => T): { readonly current: T | null } {
  let value = $state.raw<T | null>(null);
  $effect(() => {
    const s = source();
    const timer = setTimeout(() => {
      value = compute(s);
    }, 0);
    return () => clearTimeout(timer);
  });
  return {
    get current() {
      return value;
    },
  };
}
