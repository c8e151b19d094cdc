// HiGHS's real option descriptors, as the worker builds them (workers/solver-api.ts), from the shared
// test runtime: the parameter tests check against what this solver version really accepts.
import { buildDescriptors, type OptionDescriptor } from '../../../src/core/options-schema';
import { highs } from '../../helpers/highs';

/** The descriptors of the highs package the app ships. */
export const descriptors: OptionDescriptor[] = highs.withModel((m) =>
  buildDescriptors(m.options.names().map((n) => m.options.describe(n))),
);

/** One descriptor by name (throws if this HiGHS has no such option, so a renamed option fails loudly). */
export function descriptor(name: string): OptionDescriptor {
  const d = descriptors.find((x) => x.name === name);
  if (!d) throw new Error(`no option ${name} in this HiGHS`);
  return d;
}
