// The library source: the manifest is fetched once, from the moment the source exists (the run view's picker needs it
// first); a failed fetch is not kept, so the next call tries again; model files are fetched under the base URL.
import { describe, expect, it } from 'vitest';
import { fetchModelSource } from '../../src/app/model-source';

/** A fetch that answers from `answers` (a status per call, in order) and records the URLs asked for. */
function fakeFetch(answers: number[]) {
  const urls: string[] = [];
  const fn = (async (url: string) => {
    urls.push(url);
    const status = answers.shift() ?? 200;
    return new Response(status === 200 ? JSON.stringify({ models: [url] }) : 'no', { status });
  }) as unknown as typeof fetch;
  return { fn, urls };
}

describe('fetchModelSource', () => {
  it('starts fetching the manifest at once and fetches it only once', async () => {
    const f = fakeFetch([200]);
    const source = fetchModelSource('/some/path/', f.fn);
    expect(f.urls).toEqual(['/some/path/models/instances.json']);
    expect(await source.manifest()).toEqual({ models: ['/some/path/models/instances.json'] });
    await source.manifest();
    expect(f.urls).toHaveLength(1);
  });

  it('a failed manifest fetch rejects with its status and the next call fetches again', async () => {
    const f = fakeFetch([503, 200]);
    const source = fetchModelSource('./', f.fn);
    await expect(source.manifest()).rejects.toThrow('HTTP 503');
    await expect(source.manifest()).resolves.toEqual({ models: ['./models/instances.json'] });
    expect(f.urls).toHaveLength(2);
  });

  it('fetches model files under the base, their names encoded', async () => {
    const f = fakeFetch([200, 404]);
    const source = fetchModelSource('./', f.fn);
    await expect(source.model('a b#.mps')).rejects.toThrow('HTTP 404');
    expect(f.urls[1]).toBe('./models/a%20b%23.mps');
  });
});
