// The failure policy on its own: how each error name is treated, retry decisions and delays.
import { describe, expect, it } from 'vitest';
import {
  countsAgainstCircuit,
  isFatalToWorker,
  isInfrastructureFailure,
  retryDelayMs,
  shouldRetry,
  type RetryQuestion,
} from '../../src/solver/failure-policy';

describe('failure policy', () => {
  it.each<[string, { infrastructure: boolean; fatal: boolean; circuit: boolean }]>([
    ['WorkerCrashed', { infrastructure: true, fatal: true, circuit: true }],
    ['SolverAborted', { infrastructure: false, fatal: true, circuit: true }],
    ['Timeout', { infrastructure: false, fatal: true, circuit: false }],
    ['Cancelled', { infrastructure: false, fatal: true, circuit: false }],
    ['InvalidModel', { infrastructure: false, fatal: false, circuit: false }],
    ['InvalidOption', { infrastructure: false, fatal: false, circuit: false }],
    ['CircuitOpen', { infrastructure: false, fatal: false, circuit: false }],
    ['Error', { infrastructure: false, fatal: false, circuit: false }],
  ])('%s', (name, expected) => {
    expect({
      infrastructure: isInfrastructureFailure(name),
      fatal: isFatalToWorker(name),
      circuit: countsAgainstCircuit(name),
    }).toEqual(expected);
  });

  const base: RetryQuestion = {
    name: 'WorkerCrashed',
    attempts: 1,
    maxRetries: 2,
    cancelled: false,
    circuitOpen: false,
  };
  it.each<[string, Partial<RetryQuestion>, boolean]>([
    ['a crash on the first attempt', {}, true],
    ['a crash after attempt 2 of 1 + 2 retries (one retry left)', { attempts: 2 }, true],
    ['a crash with the retries used up', { attempts: 3 }, false],
    ['a crash with no retries allowed', { maxRetries: 0 }, false],
    ['a cancelled job', { cancelled: true }, false],
    ['a model whose circuit is open', { circuitOpen: true }, false],
    ['a model error (abort)', { name: 'SolverAborted' }, false],
    ['a timeout', { name: 'Timeout' }, false],
    ['an invalid model', { name: 'InvalidModel' }, false],
  ])('shouldRetry: %s', (_label, q, expected) => {
    expect(shouldRetry({ ...base, ...q })).toBe(expected);
  });

  it.each<[number, number]>([
    [1, 250],
    [2, 500],
    [3, 1_000],
    [4, 2_000],
    [5, 4_000],
    [6, 4_000],
    [20, 4_000],
  ])('retryDelayMs after attempt %i: %i ms (base 250, cap 4000)', (attempts, expected) => {
    expect(retryDelayMs(attempts, { retryBaseMs: 250, retryMaxMs: 4_000 })).toBe(expected);
  });
});
