// The circuit breaker: a model (by fingerprint) that keeps crashing workers is held back for a
// cooldown, then one trial run decides. Pure: every call takes `now`, so tests need no fake timers.
import type { OpenCircuit, PoolConfig } from './pool-types';

/** Whether a job may run: 'closed' (run), 'trial' (run as the half-open circuit's one trial) or 'open' (do not run). */
export type Admission =
  { verdict: 'closed' } | { verdict: 'trial' } | { verdict: 'open'; crashes: number; until: number };

interface Circuit {
  name: string;
  crashes: number;
  openUntil: number;
  halfOpenTrial: boolean;
}

/** Per-model crash counts and open circuits, so one bad model cannot keep killing workers. */
export class CircuitBreaker {
  private readonly circuits = new Map<string, Circuit>();

  /** Reads the threshold and cooldown from `config` at each call, so a changed config applies at once. */
  constructor(private readonly config: Pick<PoolConfig, 'breakerThreshold' | 'breakerCooldownMs'>) {}

  /** Decides whether a job of this model may run now; a cooldown that is over lets one trial through. */
  admit(fingerprint: string, now: number): Admission {
    const c = this.circuits.get(fingerprint);
    if (!c || c.crashes < this.config.breakerThreshold) return { verdict: 'closed' };
    if (c.openUntil > now || c.halfOpenTrial)
      return { verdict: 'open', crashes: c.crashes, until: Math.max(c.openUntil, now) };
    c.halfOpenTrial = true;
    return { verdict: 'trial' };
  }

  /** Counts a crash caused by this model; at the threshold its circuit opens for the cooldown. */
  recordCrash(fingerprint: string, name: string, now: number): void {
    const c = this.circuits.get(fingerprint) ?? { name, crashes: 0, openUntil: 0, halfOpenTrial: false };
    c.crashes++;
    c.halfOpenTrial = false;
    if (c.crashes >= this.config.breakerThreshold) c.openUntil = now + this.config.breakerCooldownMs;
    this.circuits.set(fingerprint, c);
  }

  /** Forgets the model's crashes after a run that succeeded (closes its circuit). */
  recordSuccess(fingerprint: string): void {
    this.circuits.delete(fingerprint);
  }

  /** A trial that ended without a verdict (cancelled, model error) lets the next job try. */
  trialEnded(fingerprint: string): void {
    const c = this.circuits.get(fingerprint);
    if (c) c.halfOpenTrial = false;
  }

  /** Is the model's circuit open now (so a retry would be pointless)? */
  isOpen(fingerprint: string, now: number): boolean {
    const c = this.circuits.get(fingerprint);
    return !!c && c.openUntil > now;
  }

  /** The circuits open now, for the pool snapshot. */
  open(now: number): OpenCircuit[] {
    return [...this.circuits.entries()]
      .filter(([, c]) => c.openUntil > now)
      .map(([fingerprint, c]) => ({ fingerprint, name: c.name, until: c.openUntil, crashes: c.crashes }));
  }
}
