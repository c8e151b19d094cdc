// Health checks: the check interface and context, the runner and overall status, the built-in checks,
// recommendations drawn from the metrics, and the exportable report.
export * from './types';
export * from './runner';
export * from './registry';
export * from './recommendations';
export * from './report';
export * from './checks/solver-loads';
export * from './checks/sanity-solve';
export * from './checks/workers-progress';
export * from './checks/storage-readwrite';
export * from './checks/storage-headroom';
export * from './checks/cross-origin-isolation';
export * from './checks/wasm-memory-headroom';
export * from './checks/no-regression';
export * from './checks/recent-error-rate';
export * from './checks/blessed-valid';
