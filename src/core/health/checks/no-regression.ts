// Check: no template's newest regression verdict is 'regressed' or 'wrong'.
import type { HealthCheck, TemplateVerdict, CheckOutcome } from '../types';
import { reasonOf, unavailable } from './shared';

/** The verdicts that make a template count as currently regressed. */
export const BAD_VERDICTS: readonly string[] = ['regressed', 'wrong'];

/** The newest verdict per template (the probe should already give one each; this makes sure). */
function newestPerTemplate(verdicts: readonly TemplateVerdict[]): TemplateVerdict[] {
  const newest = new Map<string, TemplateVerdict>();
  for (const v of verdicts) {
    const prev = newest.get(v.template);
    if (!prev || Date.parse(v.checkedAt) > Date.parse(prev.checkedAt)) newest.set(v.template, v);
  }
  return [...newest.values()];
}

/** No regression: lists the templates whose newest verdict is bad. */
export const noRegressionCheck: HealthCheck = {
  id: 'no-regression',
  name: 'No template currently regressed',
  severity: 'warning',
  usesSolver: false,
  async run(ctx): Promise<CheckOutcome> {
    if (!ctx.latestVerdicts) return unavailable('the regression history');
    let verdicts: TemplateVerdict[];
    try {
      verdicts = newestPerTemplate(await ctx.latestVerdicts());
    } catch (e) {
      return { status: 'unknown', message: `the regression history could not be read: ${reasonOf(e)}` };
    }
    const bad = verdicts.filter((v) => BAD_VERDICTS.includes(v.verdict));
    const details = { templatesChecked: verdicts.length, regressed: bad.length };
    if (bad.length > 0) {
      const list = bad.map((v) => `${v.template} (${v.verdict})`).join(', ');
      return { status: 'fail', message: `regressed: ${list}`, details: { ...details, templates: list } };
    }
    const n = verdicts.length;
    return { status: 'pass', message: `no template regressed (${n} template${n === 1 ? '' : 's'} checked)`, details };
  },
};
