// Quota: telling a write that failed because the site's storage is full from any other failure
// (so the user reads a clear message), and what the browser says about storage used, available
// and persistent (navigator.storage).
import { StorageFull } from './errors';

/** Names browsers give a quota failure (Firefox's legacy name included). */
const QUOTA_NAMES = new Set(['QuotaExceededError', 'NS_ERROR_DOM_QUOTA_REACHED']);

/** Something with a `.error`, like an IDBTransaction (raw or idb-wrapped). */
interface HasError {
  readonly error: DOMException | Error | null;
}

/**
 * Whether a failure is the storage quota: a QuotaExceededError itself, one in its `cause` chain, or
 * the AbortError of a request whose transaction was aborted by one (pass the transaction: its
 * `error` holds the reason).
 */
export function isQuotaError(e: unknown, tx?: HasError | null): boolean {
  for (let cur = e, depth = 0; cur && typeof cur === 'object' && depth < 8; depth++) {
    const { name, code } = cur as { name?: unknown; code?: unknown };
    if (typeof name === 'string' && QUOTA_NAMES.has(name)) return true;
    if (code === 22 && cur instanceof DOMException) return true; // legacy QUOTA_EXCEEDED_ERR
    cur = (cur as { cause?: unknown }).cause;
  }
  const txError = tx?.error;
  return !!txError && txError !== e && isQuotaError(txError);
}

/**
 * Runs a write; a quota failure rejects with StorageFull naming `what` (IndexedDB rolled the
 * transaction back, so nothing stored before changed); other failures pass through as they are.
 */
export async function guardQuota<T>(what: string, write: () => Promise<T>, tx?: HasError | null): Promise<T> {
  try {
    return await write();
  } catch (e) {
    if (e instanceof StorageFull) throw e;
    throw isQuotaError(e, tx) ? new StorageFull(what, e) : e;
  }
}

/** What the browser says about this site's storage; null where it does not say. */
export interface StorageStatus {
  /** Bytes used. */
  usage: number | null;
  /** Bytes available to the site in total. */
  quota: number | null;
  /** Whether the browser keeps the data under storage pressure (persistent storage granted). */
  persisted: boolean | null;
}

/** The part of navigator.storage used here (tests pass a fake). */
export type StorageManagerLike = Partial<Pick<StorageManager, 'estimate' | 'persisted' | 'persist'>>;

/** The page's StorageManager, or undefined (older browsers, insecure contexts, Node). */
function pageStorageManager(): StorageManagerLike | undefined {
  return (globalThis as { navigator?: { storage?: StorageManagerLike } }).navigator?.storage;
}

/** Storage used, available, and whether it is persistent, for the app to show. */
export async function storageStatus(
  manager: StorageManagerLike | undefined = pageStorageManager(),
): Promise<StorageStatus> {
  const estimate = await attempt(() => manager?.estimate?.());
  const persisted = await attempt(() => manager?.persisted?.());
  return {
    usage: typeof estimate?.usage === 'number' ? estimate.usage : null,
    quota: typeof estimate?.quota === 'number' ? estimate.quota : null,
    persisted: typeof persisted === 'boolean' ? persisted : null,
  };
}

/** Asks the browser to keep this site's data under storage pressure; returns the status after (persisted: the answer). */
export async function requestPersistence(
  manager: StorageManagerLike | undefined = pageStorageManager(),
): Promise<StorageStatus> {
  const granted = await attempt(() => manager?.persist?.());
  const status = await storageStatus(manager);
  return typeof granted === 'boolean' ? { ...status, persisted: granted } : status;
}

/** The value of a call that may be missing or fail (the StorageManager is optional everywhere). */
async function attempt<T>(call: () => Promise<T> | undefined): Promise<T | undefined> {
  try {
    return await call();
  } catch {
    return undefined;
  }
}
