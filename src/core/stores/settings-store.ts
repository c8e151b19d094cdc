// App-wide settings: the interface every implementation (IndexedDB, memory, files) fits. A value is plain data,
// kept as a copy: what a caller changes after a put, or in what a get returned, is not stored.

/** App-wide settings by key; values are plain JSON-like data. */
export interface SettingsStore {
  /** The value stored under a key, or undefined. */
  get(key: string): Promise<unknown>;
  /** Stores (or replaces) the value of a key, durably. */
  put(key: string, value: unknown): Promise<void>;
}
