// Each route's view, loaded on demand: one dynamic import() per route, so Vite splits every view
// into a chunk of its own that the browser fetches only when the route is first opened.
import type { Component } from 'svelte';
import type { RouteName } from './routes';

/** A loaded view module. */
export interface ViewModule {
  default: Component;
}

/** The loader of each route's view. */
export const VIEW_LOADERS: Record<RouteName, () => Promise<ViewModule>> = {
  run: () => import('../views/RunView.svelte'),
  benchmark: () => import('../views/BenchmarkView.svelte'),
  tune: () => import('../views/TuneView.svelte'),
  reports: () => import('../views/ReportsView.svelte'),
  parameters: () => import('../views/ParametersView.svelte'),
  regressions: () => import('../views/RegressionsView.svelte'),
  health: () => import('../views/HealthView.svelte'),
};
