// The option form's state: HiGHS's descriptors, what the user typed per field, each field's
// validation, and the typed values that differ from the defaults.
import {
  changedOptions,
  formatOptionValue,
  parseOptionInput,
  sameOptionValue,
  type OptionDescriptor,
  type OptionValue,
  type OptionValues,
} from '../core/options-schema';

/** One field of the form. */
export interface OptionField {
  desc: OptionDescriptor;
  /** What the field shows (text for numbers, so 'inf' can be typed; a boolean for checkboxes). */
  input: string | boolean;
  /** The typed value, or null while the input is invalid. */
  value: OptionValue | null;
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
        value: parsed.ok ? parsed.value : null,
        error: parsed.ok ? null : parsed.error,
        changed: parsed.ok ? !sameOptionValue(parsed.value, desc.default) : true,
      };
    }),
  );

  /** Typed values that differ from the defaults: what a solve sends and a run stores. */
  changedValues = $derived.by((): OptionValues => {
    const valid: OptionValues = {};
    for (const f of this.fields) if (f.value !== null) valid[f.desc.name] = f.value;
    return changedOptions(this.descriptors, valid);
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
}
