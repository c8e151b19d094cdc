// How the pool treats a failed job: which errors are the infrastructure's (worth a retry), which
// leave the worker unusable, which count against the model's circuit, and when and how soon to retry.
import type { PoolConfig } from './pool-types';

/** Errors that say the infrastructure failed (a crash, out of memory), not the model: worth a retry. */
const INFRASTRUCTURE = new Set(['WorkerCrashed']);
/** Errors after which the worker must be replaced. */
const WORKER_FATAL = new Set(['WorkerCrashed', 'SolverAborted', 'Timeout', 'Cancelled']);
/** Errors that count against a model's circuit. */
const CRASHES = new Set(['WorkerCrashed', 'SolverAborted']);

/** Is this error the infrastructure's fault, so a fresh worker may well succeed? */
export function isInfrastructureFailure(name: string): boolean {
  return INFRASTRUCTURE.has(name);
}

/** Must the worker be replaced after this error (it died, aborted, hung or was stopped)? */
export function isFatalToWorker(name: string): boolean {
  return WORKER_FATAL.has(name);
}

/** Does this error count as the model crashing its worker (for the circuit breaker)? */
export function countsAgainstCircuit(name: string): boolean {
  return CRASHES.has(name);
}

/** Why the pool is deciding about a retry: the error and the job's state. */
export interface RetryQuestion {
  name: string;
  /** Runs so far, including the one that just failed. */
  attempts: number;
  maxRetries: number;
  /** The user cancelled the job. */
  cancelled: boolean;
  /** The model's circuit is open. */
  circuitOpen: boolean;
}

/** Retry infrastructure failures only, within maxRetries, never a cancelled job or a model whose circuit is open. */
export function shouldRetry(q: RetryQuestion): boolean {
  return isInfrastructureFailure(q.name) && !q.cancelled && !q.circuitOpen && q.attempts <= q.maxRetries;
}

/** The wait before retry number `attempts`: exponential from retryBaseMs, capped at retryMaxMs. */
export function retryDelayMs(attempts: number, config: Pick<PoolConfig, 'retryBaseMs' | 'retryMaxMs'>): number {
  return Math.min(config.retryMaxMs, config.retryBaseMs * 2 ** (attempts - 1));
}
