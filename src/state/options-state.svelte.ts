// The option form's state: HiGHS's descriptors, what the user typed per field, each field's
// validation, and the typed values that differ from the defaults.
import {
  formatOptionValue,
  parseOptionInput,
  type OptionDescriptor,
  type OptionValues,
} from '../core/options-schema';

/** One field of the form. */
export interface OptionField {
  desc: OptionDescriptor;
  /** What the field shows (text for numbers, so 'inf' can be typed; a boolean for checkboxes). */
  input: string | boolean;
  error: string | null;
  changed: boolean;
}

const defaultInput = (d: OptionDescriptor): string | boolean =>
  d.type === 'boolean' ? Boolean(d.default) : formatOptionValue(d.default);

/** Rune state of the options form. */
export class OptionsState {
  descriptors = $state<OptionDescriptor[]>([]);
  inputs = $state<Record<string, string | boolean>>({});
  filter = $state('');

  fields = $derived.by((): OptionField[] =>
    this.descriptors.map((desc) => {
      const input = this.inputs[desc.name] ?? defaultInput(desc);
      const parsed = parseOptionInput(desc, input);
      return {
        desc,
        input,
        error: parsed.ok ? null : parsed.error,
        changed: parsed.ok ? !sameValue(parsed.value, desc.default) : true,
      };
    }),
  );

  /** Typed values that differ from the defaults: what a solve sends and a run stores. */
  changedValues = $derived.by((): OptionValues => {
    const out: OptionValues = {};
    for (const f of this.fields) {
      if (!f.changed || f.error) continue;
      const p = parseOptionInput(f.desc, f.input);
      if (p.ok) out[f.desc.name] = p.value;
    }
    return out;
  });

  errors = $derived(this.fields.filter((f) => f.error).map((f) => f.error!));
  changedCount = $derived(this.fields.filter((f) => f.changed).length);

  setDescriptors(d: OptionDescriptor[]): void {
    this.descriptors = d;
  }

  set(name: string, input: string | boolean): void {
    this.inputs[name] = input;
  }

  reset(name: string): void {
    delete this.inputs[name];
  }

  resetAll(): void {
    this.inputs = {};
  }

  /** Loads a stored option set into the form (unknown names are ignored by the form). */
  load(values: OptionValues): void {
    const next: Record<string, string | boolean> = {};
    for (const [k, v] of Object.entries(values)) next[k] = typeof v === 'boolean' ? v : formatOptionValue(v);
    this.inputs = next;
  }
}

function sameValue(a: unknown, b: unknown): boolean {
  return a === b || Object.is(a, b);
}
