// The route table of the app shell and the parsing of a location hash into a route. Pure, so the
// table and the parsing rules are unit-tested; the views themselves are loaded in views.ts.

/** The names of the app's hash routes, in navigation order . */
export const ROUTE_NAMES = ['run', 'benchmark', 'tune', 'reports', 'parameters', 'regressions', 'health'] as const;

/** One route name, so views, links and tests agree on the spelling. */
export type RouteName = (typeof ROUTE_NAMES)[number];

/** What the navigation shows for a route. */
export interface RouteInfo {
  name: RouteName;
  /** The hash that opens it, e.g. '#/run'. */
  hash: `#/${RouteName}`;
  /** The navigation label. */
  label: string;
}

const LABELS: Record<RouteName, string> = {
  run: 'Run',
  benchmark: 'Benchmark',
  tune: 'Tune',
  reports: 'Reports',
  parameters: 'Parameters',
  regressions: 'Regressions',
  health: 'Health',
};

/** The route table the navigation renders, one entry per route name. */
export const ROUTES: readonly RouteInfo[] = ROUTE_NAMES.map((name) => ({
  name,
  hash: `#/${name}`,
  label: LABELS[name],
}));

/** Where the app goes when the hash is empty. */
export const DEFAULT_ROUTE: RouteName = 'run';

/** What a hash means: a route, a redirect (empty hash → the default route), or nothing known. */
export type RouteMatch =
  | { kind: 'route'; route: RouteInfo }
  | { kind: 'redirect'; to: `#/${RouteName}` }
  | { kind: 'not-found'; hash: string };

const isRouteName = (s: string): s is RouteName => (ROUTE_NAMES as readonly string[]).includes(s);

/**
 * Parses `location.hash`. '', '#' and '#/' redirect to the default route; '#/name' and '#/name/'
 * open a route; anything else (unknown names, deeper paths, other spellings) is not found.
 */
export function parseHash(hash: string): RouteMatch {
  const path = hash.startsWith('#') ? hash.slice(1) : hash;
  if (path === '' || path === '/') return { kind: 'redirect', to: `#/${DEFAULT_ROUTE}` };
  const m = /^\/([a-z]+)\/?$/.exec(path);
  if (m && isRouteName(m[1])) return { kind: 'route', route: ROUTES.find((r) => r.name === m[1])! };
  return { kind: 'not-found', hash };
}
