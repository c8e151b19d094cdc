// The built-in model library as the app serves it: public/models/ (manifest and files) fetched
// from the page's base URL.
import type { ModelSource } from '../state/ports';

/** A ModelSource that fetches `${base}models/…`; rejects with the HTTP status on a failed fetch. */
export function fetchModelSource(base: string, fetchFn: typeof fetch = fetch): ModelSource {
  const get = async (file: string): Promise<Response> => {
    const res = await fetchFn(`${base}models/${encodeURIComponent(file)}`);
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    return res;
  };
  return {
    manifest: async () => (await get('instances.json')).json(),
    model: async (file) => new Uint8Array(await (await get(file)).arrayBuffer()),
  };
}
