// The pure parts of the app shell, table-driven: hash → route, the route table and its view
// loaders, the debug URL parameters, and the saved pool size.
import { describe, expect, it } from 'vitest';
import { DEFAULT_ROUTE, ROUTES, ROUTE_NAMES, parseHash, type RouteMatch } from '../../src/app/routes';
import { VIEW_LOADERS } from '../../src/app/views';
import { parseDebugParams } from '../../src/app/debug-params';
import { POOL_SIZE_KEY, poolSizeStore, readPoolSize } from '../../src/app/pool-size';

const route = (name: string): RouteMatch => ({ kind: 'route', route: ROUTES.find((r) => r.name === name)! });

describe('parseHash', () => {
  it.each<[string, RouteMatch]>([
    ['', { kind: 'redirect', to: '#/run' }],
    ['#', { kind: 'redirect', to: '#/run' }],
    ['#/', { kind: 'redirect', to: '#/run' }],
    ['#/run', route('run')],
    ['#/run/', route('run')],
    ['#/benchmark', route('benchmark')],
    ['#/reports', route('reports')],
    ['#/parameters', route('parameters')],
    ['#/regressions', route('regressions')],
    ['#/health', route('health')],
    ['#/tune', route('tune')],
    ['#/tuner', { kind: 'not-found', hash: '#/tuner' }],
    ['#/nope', { kind: 'not-found', hash: '#/nope' }],
    ['#/Run', { kind: 'not-found', hash: '#/Run' }],
    ['#run', { kind: 'not-found', hash: '#run' }],
    ['#/run/extra', { kind: 'not-found', hash: '#/run/extra' }],
    ['#/run?x=1', { kind: 'not-found', hash: '#/run?x=1' }],
    ['#/<img src=x>', { kind: 'not-found', hash: '#/<img src=x>' }],
  ])('%j → %o', (hash, expected) => expect(parseHash(hash)).toEqual(expected));
});

describe('the route table', () => {
  it('has one entry per route name, in order, each with its hash, and the default route in it', () => {
    expect(ROUTES.map((r) => r.name)).toEqual([...ROUTE_NAMES]);
    expect(ROUTES.map((r) => r.hash)).toEqual(ROUTE_NAMES.map((n) => `#/${n}`));
    expect(new Set(ROUTES.map((r) => r.label)).size).toBe(ROUTES.length);
    expect(ROUTE_NAMES).toContain(DEFAULT_ROUTE);
  });

  it('has a view loader for every route and none for anything else', () => {
    expect(Object.keys(VIEW_LOADERS).sort()).toEqual([...ROUTE_NAMES].sort());
  });
});

describe('parseDebugParams', () => {
  it.each<[string, ReturnType<typeof parseDebugParams>]>([
    ['', { config: { warmup: true }, faults: [], bench: false, metrics: true, sampleMs: undefined }],
    ['?warmup=off', { config: { warmup: false }, faults: [], bench: false, metrics: true, sampleMs: undefined }],
    ['?warmup=on', { config: { warmup: true }, faults: [], bench: false, metrics: true, sampleMs: undefined }],
    [
      '?chaos=throw-on-solve,exit-on-solve,hang-on-solve',
      {
        config: { warmup: true },
        faults: ['throw-on-solve', 'exit-on-solve', 'hang-on-solve'],
        bench: false,
        metrics: true,
        sampleMs: undefined,
      },
    ],
    [
      '?chaos=nonsense,hang-on-solve',
      { config: { warmup: true }, faults: ['hang-on-solve'], bench: false, metrics: true, sampleMs: undefined },
    ],
    [
      '?retries=0&graceMs=500',
      {
        config: { warmup: true, maxRetries: 0, graceMs: 500 },
        faults: [],
        bench: false,
        metrics: true,
        sampleMs: undefined,
      },
    ],
    [
      '?readMs=300',
      { config: { warmup: true, readBaseMs: 300 }, faults: [], bench: false, metrics: true, sampleMs: undefined },
    ],
    [
      '?maxJobs=0',
      { config: { warmup: true, maxJobsPerWorker: 1 }, faults: [], bench: false, metrics: true, sampleMs: undefined },
    ],
    [
      '?maxJobs=25',
      { config: { warmup: true, maxJobsPerWorker: 25 }, faults: [], bench: false, metrics: true, sampleMs: undefined },
    ],
    [
      '?retries=-1&graceMs=1e3&maxJobs=x',
      { config: { warmup: true }, faults: [], bench: false, metrics: true, sampleMs: undefined },
    ],
    ['?bench', { config: { warmup: true }, faults: [], bench: true, metrics: true, sampleMs: undefined }],
    ['?metrics=off', { config: { warmup: true }, faults: [], bench: false, metrics: false, sampleMs: undefined }],
    ['?sampleMs=500', { config: { warmup: true }, faults: [], bench: false, metrics: true, sampleMs: 500 }],
    ['?sampleMs=5', { config: { warmup: true }, faults: [], bench: false, metrics: true, sampleMs: 100 }],
    ['?sampleMs=-5', { config: { warmup: true }, faults: [], bench: false, metrics: true, sampleMs: undefined }],
  ])('%j', (search, expected) => expect(parseDebugParams(search)).toEqual(expected));
});

describe('the saved pool size', () => {
  const storage = (value: string | null) => ({ getItem: (k: string) => (k === POOL_SIZE_KEY ? value : null) });

  it.each<[string | null, object]>([
    [null, {}],
    ['{"min":1,"max":3}', { minWorkers: 1, maxWorkers: 3 }],
    ['{"min":0,"max":1}', { minWorkers: 0, maxWorkers: 1 }],
    ['{"min":3,"max":2}', {}],
    ['{"min":0,"max":0}', {}],
    ['{"min":1.5,"max":2}', {}],
    ['{"min":"1","max":2}', {}],
    ['not json', {}],
  ])('%j → %o', (saved, expected) => expect(readPoolSize(storage(saved))).toEqual(expected));

  it('is read back as it was saved, and unavailable storage is no error', () => {
    const data = new Map<string, string>();
    const store = {
      getItem: (k: string) => data.get(k) ?? null,
      setItem: (k: string, v: string) => void data.set(k, v),
    };
    poolSizeStore(store).save({ min: 2, max: 4 });
    expect(readPoolSize(store)).toEqual({ minWorkers: 2, maxWorkers: 4 });
    expect(readPoolSize(null)).toEqual({});
    expect(() =>
      poolSizeStore({
        setItem: () => {
          throw new Error('quota');
        },
      }).save({ min: 1, max: 1 }),
    ).not.toThrow();
  });
});
