import { describe, expect, it } from 'vitest';
import { compareAnswers, type AnswerFacts } from '../../../src/core/tuner';

const run = (over: Partial<AnswerFacts>): AnswerFacts => ({
  status: 'optimal',
  objective: 100,
  dualBound: null,
  feasible: null,
  error: null,
  ...over,
});

describe('a candidate’s answer against the baseline’s on the same block', () => {
  it.each([
    { name: 'same LP optimum', base: {}, cand: { objective: 100 + 1e-5 }, issue: null },
    { name: 'LP optimum moved', base: {}, cand: { objective: 100.01 }, issue: 'objective' },
    {
      name: 'MIP objectives differ within the gap (brackets meet)',
      base: { objective: 100, dualBound: 99.995 },
      cand: { objective: 100.004, dualBound: 99.999 },
      issue: null,
    },
    {
      name: 'MIP objective outside the baseline’s bracket',
      base: { objective: 100, dualBound: 99.99 },
      cand: { objective: 101, dualBound: 100.99 },
      issue: 'objective',
    },
    {
      name: 'maximisation (bound above the objective), within the gap',
      base: { objective: 500, dualBound: 500.04 },
      cand: { objective: 500.03, dualBound: 500.05 },
      issue: null,
    },
    { name: 'status changed', base: {}, cand: { status: 'infeasible', objective: null }, issue: 'status' },
    { name: 'the solver failed', base: {}, cand: { status: 'solve-error', objective: null }, issue: 'failed' },
    { name: 'an error', base: {}, cand: { error: 'RuntimeError: Aborted' }, issue: 'failed' },
    { name: 'infeasible solution', base: { feasible: true }, cand: { feasible: false }, issue: 'infeasible' },
    { name: 'both infeasible solutions', base: { feasible: false }, cand: { feasible: false }, issue: null },
    {
      name: 'candidate stopped on the cap, bracket holds the optimum',
      base: { objective: 100, dualBound: 99.999 },
      cand: { status: 'time-limit', objective: 104, dualBound: 97 },
      issue: null,
    },
    {
      name: 'candidate stopped on the cap, incumbent better than the baseline’s proven bound',
      base: { objective: 100, dualBound: 99.999 },
      cand: { status: 'time-limit', objective: 98, dualBound: 90 },
      issue: 'objective',
    },
    {
      name: 'candidate stopped on the cap without an incumbent',
      base: {},
      cand: { status: 'time-limit', objective: null },
      issue: null,
    },
    {
      name: 'LP stopped early: nothing to compare',
      base: {},
      cand: { status: 'time-limit', objective: 90 },
      issue: null,
    },
    { name: 'baseline failed: nothing to compare', base: { error: 'boom' }, cand: { objective: 5 }, issue: null },
    {
      name: 'both infeasible (same status, no objective)',
      base: { status: 'infeasible', objective: null },
      cand: { status: 'infeasible', objective: null },
      issue: null,
    },
  ] as { name: string; base: Partial<AnswerFacts>; cand: Partial<AnswerFacts>; issue: string | null }[])(
    '$name → $issue',
    ({ base, cand, issue }) => {
      const d = compareAnswers(run(base), run(cand));
      expect(d?.issue ?? null).toBe(issue);
      if (d) expect(d.message).toMatch(/baseline .*; candidate /);
    },
  );
});
