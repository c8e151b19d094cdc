// The storage failures the app tells the user about, each with a message that says what happened
// and what was (not) changed, so the UI can show it as it is.

/** The schema upgrade failed: the upgrade was rolled back, the older version's data is intact. */
export class StorageUpgradeFailed extends Error {
  override name = 'StorageUpgradeFailed';
  constructor(
    readonly fromVersion: number,
    readonly toVersion: number,
    cause: unknown,
  ) {
    super(
      `Could not upgrade the stored data from version ${fromVersion} to version ${toVersion} ` +
        `(${describe(cause)}). The upgrade was rolled back: the data stored at version ${fromVersion} is intact.`,
      { cause },
    );
  }
}

/** IndexedDB is missing or refused (disabled, private mode, sandboxed page): nothing can be kept. */
export class StorageUnavailable extends Error {
  override name = 'StorageUnavailable';
  constructor(cause?: unknown) {
    super(
      `The browser's storage (IndexedDB) is not available${cause === undefined ? '' : ` (${describe(cause)})`}: ` +
        'nothing can be kept after this page is closed.',
      { cause },
    );
  }
}

/** The stored data was written by a newer version of the app than this page. */
export class StorageTooNew extends Error {
  override name = 'StorageTooNew';
  constructor(
    readonly expectedVersion: number,
    cause?: unknown,
  ) {
    super(
      `The stored data was written by a newer version of the workbench than this page (schema version ${expectedVersion}). ` +
        'Reload the page to get the newer version; nothing was changed.',
      { cause },
    );
  }
}

/** A write failed because the site's storage quota is used up; the transaction was rolled back. */
export class StorageFull extends Error {
  override name = 'StorageFull';
  constructor(what: string, cause?: unknown) {
    super(
      `The browser's storage for this site is full: ${what} could not be saved, and nothing already stored was changed. ` +
        'Delete old benchmarks or runs (export a backup first) to make room.',
      { cause },
    );
  }
}

/** Why this page's connection to the stored data closed under it. */
export type ClosedReason = 'upgraded' | 'deleted' | 'browser';

/** What a closed connection's reason means, in words (the banner and StorageClosed say it the same way). */
export function closedReasonText(why: ClosedReason): string {
  switch (why) {
    case 'upgraded':
      return "another tab upgraded this tab's stored data to a newer version of the app";
    case 'deleted':
      return "another tab deleted this site's stored data (the database)";
    case 'browser':
      return "the browser closed this tab's connection to the stored data (its data was cleared, or storage failed)";
  }
}

/**
 * The page's database connection was closed under it (another tab upgraded or deleted the database, or the
 * browser closed it): nothing can be read or stored until the page is reloaded.
 */
export class StorageClosed extends Error {
  override name = 'StorageClosed';
  constructor(
    readonly reason: ClosedReason,
    cause?: unknown,
  ) {
    super(`Nothing can be stored or read: ${closedReasonText(reason)}. Reload the page to continue.`, { cause });
  }
}

/** A short description of a thrown value, for the messages above. */
function describe(e: unknown): string {
  if (e instanceof Error || e instanceof DOMException) return e.message ? `${e.name}: ${e.message}` : e.name;
  return String(e);
}
