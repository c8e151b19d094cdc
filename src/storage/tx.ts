// Writing in one transaction, all or nothing: the requests are queued synchronously and the only
// await is the transaction's completion.

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
