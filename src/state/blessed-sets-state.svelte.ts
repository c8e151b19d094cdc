// The blessed-set lifecycle of a template in #/parameters: its sets and history as stored, promotion of a
// validated candidate, revocation and rollback (each refused with core's reason), and the view's error.
import {
  activeSetId,
  blessedSetFromValidation,
  canPromote,
  promote,
  revoke,
  rollBack,
  PARAMETER_TEMPLATES,
  type BlessedHistory,
  type BlessedSet,
  type ValidationResult,
} from '../core/parameters';
import type { StoredBlessedEvent, StoredBlessedSet } from '../storage/parameter-types';
import type { AppServices } from './ports';
import { shownError, type ShownError } from './shown-error';
import { isoOf } from './validation-context';

/** The core history of stored sets and events. */
function historyOf(
  template: string,
  sets: readonly StoredBlessedSet[],
  events: readonly StoredBlessedEvent[],
): BlessedHistory {
  return {
    template,
    sets: sets.map(({ active: _a, ...s }) => s),
    events: events.map(({ id: _i, template: _t, ...e }) => e),
  };
}

/** Rune state of a template's blessed sets: what is stored, and the changes an approver makes. */
export class BlessedSetsState {
  template = $state<string>(PARAMETER_TEMPLATES[0].id);
  /** The template's blessed sets, oldest promotion first. */
  sets = $state.raw<StoredBlessedSet[]>([]);
  /** The template's history, oldest first. */
  events = $state.raw<StoredBlessedEvent[]>([]);
  /** Who approves (promotes, revokes, rolls back). */
  approvedBy = $state('');
  /** Why revoking. */
  revokeReason = $state('');
  /** Why rolling back (asked when a rollback is confirmed). */
  rollbackReason = $state('');
  /** Why the last promotion, revocation or rollback was refused, or null. */
  refusal = $state<string | null>(null);
  /** Storage, solver or benchmark failures. */
  error = $state.raw<ShownError | null>(null);

  constructor(
    private readonly services: AppServices,
    private readonly now: () => number = Date.now,
    private readonly newId: () => string = () => crypto.randomUUID(),
  ) {}

  /** The active blessed set of the template, or null (the defaults). */
  readonly active: StoredBlessedSet | null = $derived(this.sets.find((s) => s.active) ?? null);

  /** Reads the template's sets and history again. */
  async refresh(): Promise<void> {
    const store = this.services.parameters;
    if (!store) {
      this.error = { name: 'Unavailable', message: 'blessed sets need the browser database, which is not available' };
      return;
    }
    const template = this.template;
    try {
      const [sets, events] = await Promise.all([store.listBlessed(template), store.history(template)]);
      if (template !== this.template) return;
      this.sets = sets;
      this.events = events;
    } catch (e) {
      this.error = shownError(e);
    }
  }

  /** Why `result` cannot be promoted under `name` now, or null when it can. */
  promoteRefusal(result: ValidationResult | null, name: string): string | null {
    if (!result) return 'validate the candidate first';
    const d = canPromote(result, this.approvedBy);
    if (!d.ok) return d.reason;
    return name.trim() === '' ? 'give the set a name' : null;
  }

  /** Promotes a validated candidate as `name` (refused with the reason: failed validation, no approver, …); returns whether it was stored. */
  async promote(v: ValidationResult | null, name: string): Promise<boolean> {
    const store = this.services.parameters;
    const refusal = this.promoteRefusal(v, name);
    if (refusal !== null || !v || !store) {
      this.refusal = refusal ?? 'blessed sets need the browser database';
      return false;
    }
    const now = isoOf(this.now());
    const built = blessedSetFromValidation(v, { id: this.newId(), name: name.trim() }, this.approvedBy, now);
    if (!built.ok) return this.refuse(built.reason);
    const change = promote(this.history(), this.active, built.set, this.approvedBy, now);
    if (!change.ok) return this.refuse(change.reason);
    return this.persist(() =>
      store.putBlessed({ ...built.set, active: true }, { ...change.event, template: v.template }),
    );
  }

  /** Revokes a set (the template falls back to the defaults when it was the active one). */
  async revoke(setId: string): Promise<boolean> {
    const store = this.services.parameters;
    const set = this.sets.find((s) => s.id === setId);
    if (!store || !set) return this.refuse('no such blessed set');
    const change = revoke(this.history(), setId, this.approvedBy, isoOf(this.now()), this.revokeReason);
    if (!change.ok) return this.refuse(change.reason);
    return this.persist(async () => {
      await store.putBlessed({ ...set, active: false }, { ...change.event, template: set.template });
      this.revokeReason = '';
    });
  }

  /** Makes an earlier (not revoked) set active again, with `rollbackReason` as why (refused without one). */
  async rollBack(setId: string): Promise<boolean> {
    const store = this.services.parameters;
    if (!store) return this.refuse('blessed sets need the browser database');
    const change = rollBack(this.history(), setId, this.approvedBy, isoOf(this.now()), this.rollbackReason);
    if (!change.ok) return this.refuse(change.reason);
    return this.persist(async () => {
      await store.setActive(this.template, setId, { ...change.event, template: this.template });
      this.rollbackReason = '';
    });
  }

  /** Is this set active according to the history (the stored flag agrees)? */
  isActive(setId: string): boolean {
    return activeSetId(this.history().events) === setId;
  }

  /** Runs one write of a promotion, revocation or rollback; then clears the refusal and reloads, or shows why it failed. */
  private async persist(write: () => Promise<void>): Promise<boolean> {
    try {
      await write();
      this.refusal = null;
      await this.refresh();
      return true;
    } catch (e) {
      this.error = shownError(e);
      return false;
    }
  }

  private history(): BlessedHistory {
    return historyOf(this.template, this.sets, this.events);
  }

  private refuse(reason: string): false {
    this.refusal = reason;
    return false;
  }
}

/** The active blessed set of every template (for the benchmark editor), keyed by template; failures give none. */
export async function activeBlessedSets(
  services: Pick<AppServices, 'parameters'>,
): Promise<Record<string, BlessedSet>> {
  const store = services.parameters;
  if (!store) return {};
  const out: Record<string, BlessedSet> = {};
  for (const s of await store.listBlessed()) if (s.active) out[s.template] = s;
  return out;
}
