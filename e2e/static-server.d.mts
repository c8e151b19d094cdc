// Types of e2e/static-server.mjs (plain JS: the hosted bench imports it without a TypeScript step).

/** What the static host served so far. */
export interface Served {
  requests: number;
  bytes: number;
  reset(): void;
}

/** A header-less static host of a build directory under a subpath. */
export interface StaticHost {
  url: string;
  setRoot(root: string): void;
  served: Served;
  close(): Promise<void>;
}

/** Serves `root` (ending in /) at `prefix` (default /some/path/). */
export function serveStatic(options: { root: string; prefix?: string }): Promise<StaticHost>;
