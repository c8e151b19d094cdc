// The built-in model library as the app serves it: public/models/ (manifest and files) fetched
// from the page's base URL.
import type { ModelSource } from '../state/ports';

/**
 * A ModelSource that fetches `${base}models/…`; rejects with the HTTP status on a failed fetch. The manifest is
 * fetched once, starting at once (the run view's picker needs it first thing; `bench -- hosted` measures the
 * navigation to a pickable model); a failed fetch is not kept, so the next call tries again.
 */
export function fetchModelSource(base: string, fetchFn: typeof fetch = fetch): ModelSource {
  const get = async (file: string): Promise<Response> => {
    const res = await fetchFn(`${base}models/${encodeURIComponent(file)}`);
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    return res;
  };
  let manifest: Promise<unknown> | null = null;
  const loadManifest = (): Promise<unknown> =>
    (manifest ??= get('instances.json')
      .then((r) => r.json())
      .catch((e: unknown) => {
        manifest = null;
        throw e;
      }));
  loadManifest().catch(() => {}); // a failure shows where the manifest is used
  return {
    manifest: loadManifest,
    model: async (file) => new Uint8Array(await (await get(file)).arrayBuffer()),
  };
}
