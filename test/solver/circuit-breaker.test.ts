// The circuit breaker on its own: sequences of crashes, successes and admissions at given times.
import { describe, expect, it } from 'vitest';
import { CircuitBreaker, type Admission } from '../../src/solver/circuit-breaker';

type Step =
  | ['crash', number]
  | ['success']
  | ['trialEnded']
  | ['admit', number, Admission['verdict']]
  | ['isOpen', number, boolean]
  | ['openCount', number, number];

const config = { breakerThreshold: 3, breakerCooldownMs: 1_000 };

describe('CircuitBreaker (threshold 3, cooldown 1 s)', () => {
  it.each<[string, Step[]]>([
    [
      'an unknown model runs',
      [
        ['admit', 0, 'closed'],
        ['isOpen', 0, false],
        ['openCount', 0, 0],
      ],
    ],
    [
      'below the threshold the model still runs',
      [
        ['crash', 0],
        ['crash', 10],
        ['admit', 20, 'closed'],
        ['isOpen', 20, false],
        ['openCount', 20, 0],
      ],
    ],
    [
      'at the threshold the circuit opens for the cooldown',
      [
        ['crash', 0],
        ['crash', 0],
        ['crash', 100],
        ['admit', 100, 'open'],
        ['admit', 1_099, 'open'],
        ['isOpen', 1_099, true],
        ['openCount', 500, 1],
      ],
    ],
    [
      'after the cooldown exactly one trial goes through',
      [
        ['crash', 0],
        ['crash', 0],
        ['crash', 0],
        ['admit', 1_000, 'trial'],
        ['admit', 1_000, 'open'],
        ['admit', 5_000, 'open'],
        ['isOpen', 1_000, false],
        ['openCount', 1_000, 0],
      ],
    ],
    [
      'a trial that succeeds closes the circuit',
      [
        ['crash', 0],
        ['crash', 0],
        ['crash', 0],
        ['admit', 1_000, 'trial'],
        ['success'],
        ['admit', 1_000, 'closed'],
        ['crash', 1_000],
        ['admit', 1_000, 'closed'],
      ],
    ],
    [
      'a trial that crashes reopens it for another cooldown',
      [
        ['crash', 0],
        ['crash', 0],
        ['crash', 0],
        ['admit', 1_000, 'trial'],
        ['crash', 1_500],
        ['admit', 2_499, 'open'],
        ['isOpen', 2_499, true],
        ['admit', 2_500, 'trial'],
      ],
    ],
    [
      'a trial that ends without a verdict lets the next job try',
      [['crash', 0], ['crash', 0], ['crash', 0], ['admit', 1_000, 'trial'], ['trialEnded'], ['admit', 1_000, 'trial']],
    ],
    [
      'a success before the threshold forgets the crashes',
      [['crash', 0], ['crash', 0], ['success'], ['crash', 0], ['crash', 0], ['admit', 0, 'closed']],
    ],
  ])('%s', (_label, steps) => {
    const b = new CircuitBreaker(config);
    const fp = 'sha-a';
    for (const step of steps) {
      if (step[0] === 'crash') b.recordCrash(fp, 'a.mps', step[1]);
      else if (step[0] === 'success') b.recordSuccess(fp);
      else if (step[0] === 'trialEnded') b.trialEnded(fp);
      else if (step[0] === 'admit') expect([step, b.admit(fp, step[1]).verdict]).toEqual([step, step[2]]);
      else if (step[0] === 'isOpen') expect([step, b.isOpen(fp, step[1])]).toEqual([step, step[2]]);
      else expect([step, b.open(step[1]).length]).toEqual([step, step[2]]);
    }
  });

  it('keeps models apart and lists open circuits with name, crashes and end', () => {
    const b = new CircuitBreaker(config);
    for (let i = 0; i < 3; i++) b.recordCrash('sha-a', 'a.mps', 100);
    b.recordCrash('sha-b', 'b.lp', 100);
    expect(b.admit('sha-b', 200)).toEqual({ verdict: 'closed' });
    expect(b.admit('sha-a', 200)).toEqual({ verdict: 'open', crashes: 3, until: 1_100 });
    expect(b.open(200)).toEqual([{ fingerprint: 'sha-a', name: 'a.mps', until: 1_100, crashes: 3 }]);
  });

  it('reads threshold and cooldown from its config at each call', () => {
    const c = { ...config };
    const b = new CircuitBreaker(c);
    b.recordCrash('sha-a', 'a.mps', 0);
    expect(b.admit('sha-a', 0).verdict).toBe('closed');
    c.breakerThreshold = 1;
    expect(b.admit('sha-a', 0).verdict).toBe('trial'); // over the threshold, never opened: half-open at once
  });
});
