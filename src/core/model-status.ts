// HiGHS model status codes mapped to stable lower-case names used in runs, reports and the UI.

/** Status names by HiGHS model status code (kHighsModelStatus, kebab-cased): every name a run's status can take. */
export const RUN_STATUSES = [
  'not-set',
  'load-error',
  'model-error',
  'presolve-error',
  'solve-error',
  'postsolve-error',
  'empty',
  'optimal',
  'infeasible',
  'unbounded-or-infeasible',
  'unbounded',
  'objective-bound',
  'objective-target',
  'time-limit',
  'iteration-limit',
  'unknown',
  'solution-limit',
  'interrupted',
] as const;

/** The names a run's status can take. */
export type RunStatus = (typeof RUN_STATUSES)[number];

/** Turns a HiGHS numeric model status into its name; unknown codes become 'unknown'. */
export function statusFromCode(code: number): RunStatus {
  return RUN_STATUSES[code] ?? 'unknown';
}

/** Statuses where the solver stopped early on a limit or request: a solution may exist but is not proven optimal. */
export const STOPPED_EARLY: ReadonlySet<RunStatus> = new Set([
  'time-limit',
  'iteration-limit',
  'solution-limit',
  'objective-bound',
  'objective-target',
  'interrupted',
]);

/** Statuses that mean the solver failed rather than answered. */
export const FAILED: ReadonlySet<RunStatus> = new Set([
  'not-set',
  'load-error',
  'model-error',
  'presolve-error',
  'solve-error',
  'postsolve-error',
  'unknown',
]);

/** Human label for a status, for the UI. */
export function statusLabel(s: RunStatus): string {
  return s.replace(/-/g, ' ');
}
