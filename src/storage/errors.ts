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

/** A short description of a thrown value, for the messages above. */
function describe(e: unknown): string {
  if (e instanceof Error || e instanceof DOMException) return e.message ? `${e.name}: ${e.message}` : e.name;
  return String(e);
}
