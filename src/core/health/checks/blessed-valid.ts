// Check: every active blessed set still validates against the running solver's option descriptors.
import type { BlessedView, HealthCheck, CheckOutcome } from '../types';
import { reasonOf, unavailable } from './shared';

/** Blessed sets valid: invalid options fail; a set blessed on another solver version is a warning. */
export const blessedValidCheck: HealthCheck = {
  id: 'blessed-valid',
  name: 'Blessed sets validate against the running solver',
  severity: 'warning',
  usesSolver: false,
  async run(ctx): Promise<CheckOutcome> {
    if (!ctx.blessedSets || !ctx.validateOptions) return unavailable('the blessed sets');
    let sets: BlessedView[];
    const invalid: string[] = [];
    try {
      sets = await ctx.blessedSets();
      for (const set of sets) {
        const problems = await ctx.validateOptions(set.options);
        if (problems.length > 0) invalid.push(`${set.template} '${set.name}': ${problems.join('; ')}`);
      }
    } catch (e) {
      return { status: 'unknown', message: `the blessed sets could not be checked: ${reasonOf(e)}` };
    }
    const running = ctx.solverVersion?.() ?? null;
    const otherVersion =
      running === null
        ? []
        : sets.filter((s) => s.solverVersion !== running).map((s) => `${s.template} (${s.solverVersion})`);
    const details = {
      sets: sets.length,
      invalid: invalid.length,
      otherVersion: otherVersion.length,
      solverVersion: running,
    };
    if (invalid.length > 0) {
      return { status: 'fail', message: `invalid options: ${invalid.join(' | ')}`, details };
    }
    if (otherVersion.length > 0) {
      return {
        status: 'warning',
        message: `options valid, but blessed on another solver version than ${running}: ${otherVersion.join(', ')}`,
        details,
      };
    }
    if (sets.length === 0) return { status: 'pass', message: 'no blessed sets', details };
    const on = running === null ? '' : ` on HiGHS ${running}`;
    return { status: 'pass', message: `${sets.length} blessed set${sets.length === 1 ? '' : 's'} valid${on}`, details };
  },
};
