// Writing in one transaction, all or nothing: the requests are queued synchronously and the only
// await is the transaction's completion; or, for many records, queued in chunks with only the chunk's own
// last request awaited between them (the transaction stays active, and no main-thread task queues more
// than one chunk: 10,000 records queued at once take a quarter of a second of the page's thread).

/** The part of an idb transaction used here. */
interface WriteTx {
  abort(): void;
  readonly done: Promise<void>;
}

/**
 * Queues a transaction's writes (synchronously, no awaits), then waits for it to complete. A record
 * that cannot be stored (not cloneable, a bad key) throws while queuing without aborting the
 * transaction by itself: abort it here, so nothing queued before it is written either.
 */
export async function queueWrites(tx: WriteTx, queue: () => void): Promise<void> {
  try {
    queue();
  } catch (e) {
    tx.abort();
    await tx.done.catch(() => {});
    throw e;
  }
  await tx.done;
}

/** How many writes one main-thread task queues at most when a transaction writes many records. */
export const WRITE_CHUNK = 500;

/**
 * Queues `write(item)` for every item, a chunk per task: after each chunk it awaits that chunk's last
 * request (ours, so the transaction stays active) and calls `onChunk` with how many are queued. Rejects
 * when a request fails (its transaction is then aborted by IndexedDB) or when `onChunk` throws.
 */
export async function queueInChunks<T>(
  items: readonly T[],
  write: (item: T) => Promise<unknown>,
  onChunk?: (queued: number) => void,
  chunk = WRITE_CHUNK,
): Promise<void> {
  for (let start = 0; start < items.length; start += chunk) {
    let last: Promise<unknown> = Promise.resolve();
    for (let i = start; i < Math.min(start + chunk, items.length); i++) {
      last = write(items[i]);
      last.catch(() => {}); // a failed request aborts the transaction: its caller sees tx.done reject
    }
    onChunk?.(Math.min(start + chunk, items.length));
    await last;
  }
}

/** How many records one main-thread task checks at most before yielding (10,000 runs take ~100 ms to check on a quiet machine). */
export const CHECK_CHUNK = 1000;

/** Lets the page's other tasks run (a macrotask), between chunks of work on many records. */
export function yieldToPage(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Calls `each` on every item, yielding to the page after every CHECK_CHUNK of them (outside any transaction). */
export async function forEachInChunks<T>(items: readonly T[], each: (item: T, index: number) => void): Promise<void> {
  for (let i = 0; i < items.length; i++) {
    if (i > 0 && i % CHECK_CHUNK === 0) await yieldToPage();
    each(items[i], i);
  }
}
