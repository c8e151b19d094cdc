import { describe, expect, it } from 'vitest';
import type { BenchmarkRun } from '../../../src/core/benchmark';
import { decideTime, type TimeDecision } from '../../../src/core/decision';
import {
  activeSet,
  activeSetId,
  blessedSetFromValidation,
  canPromote,
  diffOptionSets,
  emptyHistory,
  eventsOf,
  isRevoked,
  promote,
  revoke,
  rollBack,
  blessedEventReason,
  type BlessedHistory,
  type BlessedSet,
  type HistoryChange,
  type ValidationResult,
  validationTime,
} from '../../../src/core/parameters';
import { run } from '../stats/fixtures';

/** Twelve (model, seed) pairs of reference and candidate runs, the candidate's times scaled by `factor` (jittered). */
function pairs(factor: number, candidateCounters = 1000): BenchmarkRun[] {
  const out: BenchmarkRun[] = [];
  for (let m = 0; m < 3; m++)
    for (let seed = 1; seed <= 4; seed++) {
      const t = 50 * (m + 1) + seed;
      const jitter = 1 + ((m * 4 + seed) % 5) * 0.004;
      const counters = { simplexIterations: 1000 };
      out.push(run({ modelId: `m${m}`, seed, optionSetId: 'reference', timeMs: t, counters }));
      out.push(
        run({
          modelId: `m${m}`,
          seed,
          optionSetId: 'candidate',
          timeMs: t * factor * jitter,
          counters: { simplexIterations: candidateCounters },
        }),
      );
    }
  return out;
}

/** The rule's decision on the pairs (other options: the candidate sets mip_rel_gap). */
const decided = (factor: number, candidateCounters?: number): TimeDecision =>
  validationTime(
    pairs(factor, candidateCounters),
    { reference: { id: 'reference', options: {} }, candidate: { id: 'candidate', options: { mip_rel_gap: 0.001 } } },
    10_000,
  );

const OTHER = { sameOptions: false, sameSolver: true };
const timed = (timeMs: number) => ({ timeMs, model: 'm', seed: 1, counters: null });

const validation = (over: Partial<ValidationResult> = {}): ValidationResult => ({
  template: 'knapsack',
  options: { presolve: 'on', mip_rel_gap: 0.001 },
  valid: true,
  errors: [],
  warnings: [],
  reference: { kind: 'defaults' },
  speedup: { ratio: 1.4, ci95: [1.2, 1.6] },
  estimatedSolveMs: 120,
  correctness: { ok: true, disagreements: 0 },
  baseline: { sgmTimeMs: 120, solved: 10, problems: 10 },
  referenceBaseline: { sgmTimeMs: 168, solved: 10, problems: 10 },
  benchmarkId: 'bench-1',
  solverVersion: '1.15.1',
  validatedAt: '2026-11-02T10:00:00.000Z',
  ...over,
});

const set = (id: string, over: Partial<BlessedSet> = {}): BlessedSet => ({
  id,
  template: 'knapsack',
  name: `set ${id}`,
  options: { presolve: 'on' },
  approvedBy: 'Ada',
  validatedAt: '2026-11-02T10:00:00.000Z',
  promotedAt: '2026-11-02T11:00:00.000Z',
  solverVersion: '1.15.1',
  speedup: { ratio: 1.2, ci95: [1.1, 1.3] },
  estimatedSolveMs: 100,
  evidenceBenchmarkId: `bench-${id}`,
  baseline: { sgmTimeMs: 100, solved: 10, problems: 10 },
  ...over,
});

/** Unwraps a permitted change (fails the test with the reason otherwise). */
function ok(change: HistoryChange): Extract<HistoryChange, { ok: true }> {
  if (!change.ok) throw new Error(`refused: ${change.reason}`);
  return change;
}

/** Deep-freezes a history, so any mutation by the functions under test throws. */
function frozen<T>(x: T): T {
  if (typeof x === 'object' && x !== null) {
    for (const v of Object.values(x)) frozen(v);
    Object.freeze(x);
  }
  return x;
}

describe('canPromote', () => {
  it('permits a valid, correct, not slower candidate with an approver', () => {
    expect(canPromote(validation(), 'Ada')).toEqual({ ok: true });
    // not measured side by side (no decision): nothing to compare
    expect(canPromote(validation({ speedup: null, time: null }), 'Ada')).toEqual({ ok: true });
  });

  // Only decideTime's `slower` refuses: not the bootstrap interval, not the work counters.
  it.each<[string, () => TimeDecision, TimeDecision['call']]>([
    ['faster by the rule', () => decided(0.7), 'faster'],
    ['within the 5 % threshold', () => decided(1.01), 'equivalent'],
    ['straddling the threshold', () => decided(1.042), 'unclear'],
    ['too few runs (one against one)', () => decideTime([timed(100)], [timed(300)], OTHER), 'too-few'],
    ['more work but less time (work is evidence only)', () => decided(0.7, 3000), 'faster'],
  ])('permits: %s', (_label, time, call) => {
    const t = time();
    expect(t.call).toBe(call);
    // Even beside a bootstrap interval wholly on the slower side: the rule, not the interval, decides.
    expect(canPromote(validation({ time: t, speedup: { ratio: 0.8, ci95: [0.7, 0.9] }, workRatio: 3 }), 'Ada')).toEqual(
      { ok: true },
    );
  });

  it('refuses a candidate the rule calls slower, whatever its work counters, with ratio, interval, n and p', () => {
    for (const counters of [1000, 500, 3000]) {
      const time = decided(1.3, counters);
      expect(time.call).toBe('slower');
      const d = canPromote(validation({ time, workRatio: counters / 1000 }), 'Ada');
      expect(d).toEqual({
        ok: false,
        reason: `it was slower than the defaults (time, candidate ÷ reference): ${time.why}`,
      });
      if (!d.ok)
        expect(d.reason).toMatch(
          /×1\.3\d*, 95 % CI 1\.\d+–1\.\d+, p = 0\.00\d+, 12 pairs: the interval lies above \+5 %$/,
        );
    }
    const blessed = canPromote(validation({ time: decided(1.3), reference: { kind: 'blessed', setId: 'b1' } }), 'Ada');
    expect(blessed.ok).toBe(false);
    if (!blessed.ok) expect(blessed.reason).toMatch(/^it was slower than the current blessed set \(time/);
  });

  it.each<[string, Partial<ValidationResult>, string, RegExp]>([
    [
      'failed validation',
      {
        valid: false,
        errors: [{ option: 'presolv', message: "presolv: no such HiGHS option (did you mean 'presolve'?)" }],
      },
      'Ada',
      /^the option set failed validation: presolv: no such HiGHS option \(did you mean 'presolve'\?\)$/,
    ],
    ['invalid without errors listed', { valid: false }, 'Ada', /^the option set failed validation$/],
    [
      'many errors',
      {
        valid: false,
        errors: ['a', 'b', 'c', 'd', 'e'].map((o) => ({ option: o, message: `${o}: no such HiGHS option` })),
      },
      'Ada',
      /a: no such HiGHS option; b: .*; c: no such HiGHS option and 2 more$/,
    ],
    ['never measured', { benchmarkId: '' }, 'Ada', /has not been measured/],
    ['no problems measured', { baseline: { sgmTimeMs: null, solved: 0, problems: 0 } }, 'Ada', /not been measured/],
    [
      'one disagreement',
      { correctness: { ok: false, disagreements: 1 } },
      'Ada',
      /^correctness: 1 answer disagrees with the reference$/,
    ],
    ['disagreements', { correctness: { ok: true, disagreements: 3 } }, 'Ada', /^correctness: 3 answers disagree/],
    [
      'fewer solved than the reference',
      { baseline: { sgmTimeMs: 90, solved: 8, problems: 10 } },
      'Ada',
      /^it solved 8 of 10 problems, the defaults 10 of 10$/,
    ],
    ['no approver', {}, '', /^type the name of who approves it$/],
    ['blank approver', {}, '   ', /^type the name of who approves it$/],
  ])('refuses: %s', (_label, over, approvedBy, reason) => {
    const d = canPromote(validation(over), approvedBy);
    expect(d.ok).toBe(false);
    if (!d.ok) expect(d.reason).toMatch(reason);
  });
});

describe('validationTime', () => {
  it('pairs the candidate with the reference by (model, seed), candidate ÷ reference', () => {
    const t = decided(0.7);
    expect(t).toMatchObject({ call: 'faster', real: true, method: 'paired', n: { ref: 12, cand: 12, pairs: 12 } });
    expect(t.ratio).toBeGreaterThan(0.69);
    expect(t.ratio).toBeLessThan(0.72);
  });

  it('calls identical work of the same options noise, and of other options not', () => {
    const same = { id: 'candidate', options: { random_seed: 5 } };
    const runs = pairs(1.3);
    const reference = { id: 'reference', options: {} };
    expect(validationTime(runs, { reference, candidate: same }, 10_000).call).toBe('noise');
    expect(validationTime(runs, { reference, candidate: { ...same, options: { presolve: 'off' } } }, 10_000).call).toBe(
      'slower',
    );
  });

  it('charges an unsolved run the time limit', () => {
    const runs = pairs(1).map((r) =>
      r.optionSetId === 'candidate' ? { ...r, status: 'time-limit' as const, objective: null, timeMs: 50 } : r,
    );
    const t = validationTime(
      runs,
      { reference: { id: 'reference', options: {} }, candidate: { id: 'candidate', options: { presolve: 'off' } } },
      10_000,
    );
    expect(t.call).toBe('slower');
    expect(t.ratio).toBeGreaterThan(50);
  });
});

describe('blessedSetFromValidation', () => {
  it('stores the evidence and provenance of a permitted promotion', () => {
    const r = blessedSetFromValidation(validation(), { id: 's1', name: 'fast' }, ' Ada ', '2026-11-03T09:00:00.000Z');
    expect(r).toEqual({
      ok: true,
      set: {
        id: 's1',
        template: 'knapsack',
        name: 'fast',
        options: { presolve: 'on', mip_rel_gap: 0.001 },
        approvedBy: 'Ada',
        validatedAt: '2026-11-02T10:00:00.000Z',
        promotedAt: '2026-11-03T09:00:00.000Z',
        solverVersion: '1.15.1',
        speedup: { ratio: 1.4, ci95: [1.2, 1.6] },
        estimatedSolveMs: 120,
        evidenceBenchmarkId: 'bench-1',
        baseline: { sgmTimeMs: 120, solved: 10, problems: 10 },
      },
    });
  });
  it('refuses a set that failed validation, with the reason', () => {
    const r = blessedSetFromValidation(
      validation({
        valid: false,
        errors: [{ option: 'threads', message: 'threads: not supported in the browser build' }],
      }),
      { id: 's1', name: 'x' },
      'Ada',
      '2026-11-03T09:00:00.000Z',
    );
    expect(r).toEqual({
      ok: false,
      reason: 'the option set failed validation: threads: not supported in the browser build',
    });
  });
  it('copies, so later changes to the validation do not reach the stored set', () => {
    const v = validation();
    const r = blessedSetFromValidation(v, { id: 's1', name: 'x' }, 'Ada', 'now');
    v.options.presolve = 'off';
    v.speedup!.ci95[0] = 0;
    if (!r.ok) throw new Error(r.reason);
    expect(r.set.options.presolve).toBe('on');
    expect(r.set.speedup!.ci95[0]).toBe(1.2);
  });
});

describe('blessedEventReason: sets named, never by id', () => {
  const sets = [
    { id: '2819ea21-0000-4000-8000-000000000000', name: 'gap 1e-3' },
    { id: 's2', name: 'no presolve' },
  ];
  it.each<[string, Parameters<typeof blessedEventReason>[0], string | null]>([
    ['a promotion that replaced a set', { kind: 'promoted', replaces: sets[0].id }, 'replaces “gap 1e-3”'],
    [
      'a promotion stored before `replaces` (its reason held the id)',
      { kind: 'promoted', reason: `replaces ${sets[0].id}` },
      'replaces “gap 1e-3”',
    ],
    ['a replaced set no longer stored', { kind: 'promoted', replaces: 'gone' }, 'replaces a set no longer stored'],
    ['a first promotion', { kind: 'promoted' }, null],
    ['a rollback keeps its typed reason', { kind: 'rolled-back', reason: 'replaces s2' }, 'replaces s2'],
    ['a revocation keeps its typed reason', { kind: 'revoked', reason: 'wrong on 1.16' }, 'wrong on 1.16'],
  ])('%s', (_label, event, text) => {
    expect(blessedEventReason(event, sets)).toBe(text);
  });
});

describe('history: promote, revoke, roll back', () => {
  const T1 = '2026-11-03T09:00:00.000Z';
  const T2 = '2026-11-04T09:00:00.000Z';
  const T3 = '2026-11-05T09:00:00.000Z';
  const T4 = '2026-11-06T09:00:00.000Z';

  it('walks through promotions, a rollback and a revocation, without mutating anything', () => {
    const h0 = frozen(emptyHistory('knapsack'));
    expect(activeSet(h0)).toBeNull();

    const c1 = ok(promote(h0, null, frozen(set('s1')), 'Ada', T1));
    expect(c1.active?.id).toBe('s1');
    expect(c1.event).toEqual({ kind: 'promoted', at: T1, by: 'Ada', setId: 's1' });
    expect(h0.events).toEqual([]);

    const h1 = frozen(c1.history);
    const c2 = ok(promote(h1, c1.active, frozen(set('s2')), ' Grace ', T2));
    expect(c2.active?.id).toBe('s2');
    expect(c2.event).toEqual({ kind: 'promoted', at: T2, by: 'Grace', setId: 's2', replaces: 's1' });
    expect(h1.events).toHaveLength(1);

    const h2 = frozen(c2.history);
    const c3 = ok(rollBack(h2, 's1', 'Ada', T3, 's2 regressed on the new formulation'));
    expect(c3.active?.id).toBe('s1');
    expect(c3.event).toEqual({
      kind: 'rolled-back',
      at: T3,
      by: 'Ada',
      setId: 's1',
      reason: 's2 regressed on the new formulation',
    });
    expect(c3.history.sets.map((s) => s.id)).toEqual(['s1', 's2']);

    const h3 = frozen(c3.history);
    const c4 = ok(revoke(h3, 's1', 'Ada', T4, 'wrong answers on 1.16'));
    expect(c4.active).toBeNull();
    expect(isRevoked(c4.history, 's1')).toBe(true);
    expect(isRevoked(c4.history, 's2')).toBe(false);
    expect(eventsOf(c4.history, 's1').map((e) => e.kind)).toEqual(['promoted', 'rolled-back', 'revoked']);
    expect(c4.history.events.map((e) => `${e.kind} ${e.setId}`)).toEqual([
      'promoted s1',
      'promoted s2',
      'rolled-back s1',
      'revoked s1',
    ]);
    // s2 can still be rolled back to; s1 cannot
    expect(ok(rollBack(c4.history, 's2', 'Ada', T4, 'back to s2')).active?.id).toBe('s2');
    expect(rollBack(c4.history, 's1', 'Ada', T4, 'why not')).toEqual({
      ok: false,
      reason: "set 's1' was revoked; validate and promote it again instead",
    });
  });

  it('revoking a set that is not active leaves the active one', () => {
    const h = ok(
      promote(
        ok(promote(emptyHistory('knapsack'), null, set('s1'), 'Ada', T1)).history,
        set('s1'),
        set('s2'),
        'Ada',
        T2,
      ),
    ).history;
    const c = ok(revoke(h, 's1', 'Ada', T3, 'superseded and wrong'));
    expect(c.active?.id).toBe('s2');
  });

  const h1: BlessedHistory = frozen(ok(promote(emptyHistory('knapsack'), null, set('s1'), 'Ada', T1)).history);

  it.each<[string, () => HistoryChange, RegExp]>([
    ['promote without a name', () => promote(h1, set('s1'), set('s2'), ' ', T2), /^type the name of who does this$/],
    [
      'promote for another template',
      () => promote(h1, set('s1'), set('s2', { template: 'scheduling' }), 'Ada', T2),
      /^the set is for template 'scheduling', not 'knapsack'$/,
    ],
    [
      'promote an id already in the history',
      () => promote(h1, set('s1'), set('s1'), 'Ada', T2),
      /already in the history; roll back to it instead/,
    ],
    [
      'promote over a stale view (someone promoted meanwhile)',
      () => promote(h1, null, set('s2'), 'Ada', T2),
      /^the blessed set changed meanwhile \(now 's1'\); reload and review it first$/,
    ],
    ['revoke an unknown set', () => revoke(h1, 'nope', 'Ada', T2, 'why'), /^no blessed set 'nope' in this history$/],
    ['revoke without a reason', () => revoke(h1, 's1', 'Ada', T2, '  '), /^say why the set is revoked$/],
    ['revoke without a name', () => revoke(h1, 's1', '', T2, 'bad'), /^type the name of who does this$/],
    [
      'roll back to an unknown set',
      () => rollBack(h1, 'nope', 'Ada', T2, 'why'),
      /^no blessed set 'nope' in this history$/,
    ],
    ['roll back to the active set', () => rollBack(h1, 's1', 'Ada', T2, 'why'), /^set 's1' is already the active one$/],
    ['roll back without a name', () => rollBack(h1, 's1', '', T2, 'why'), /^type the name of who does this$/],
    [
      'roll back without a reason',
      () => rollBack(ok(promote(h1, set('s1'), set('s2'), 'Ada', T2)).history, 's1', 'Ada', T3, '  '),
      /^say why you roll back to this set$/,
    ],
  ])('refuses: %s', (_label, step, reason) => {
    const r = step();
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
    expect(h1.events).toHaveLength(1);
  });

  it('refuses to revoke twice', () => {
    const h = ok(revoke(h1, 's1', 'Ada', T2, 'bad')).history;
    expect(revoke(h, 's1', 'Ada', T3, 'again')).toEqual({ ok: false, reason: "set 's1' is already revoked" });
  });

  it.each([
    [[], null],
    [[{ kind: 'promoted', setId: 'a' }], 'a'],
    [
      [
        { kind: 'promoted', setId: 'a' },
        { kind: 'promoted', setId: 'b' },
      ],
      'b',
    ],
    [
      [
        { kind: 'promoted', setId: 'a' },
        { kind: 'promoted', setId: 'b' },
        { kind: 'revoked', setId: 'a' },
      ],
      'b',
    ],
    [
      [
        { kind: 'promoted', setId: 'a' },
        { kind: 'revoked', setId: 'a' },
      ],
      null,
    ],
    [
      [
        { kind: 'promoted', setId: 'a' },
        { kind: 'revoked', setId: 'a' },
        { kind: 'promoted', setId: 'a' },
      ],
      'a',
    ],
    [
      [
        { kind: 'promoted', setId: 'a' },
        { kind: 'promoted', setId: 'b' },
        { kind: 'rolled-back', setId: 'a' },
      ],
      'a',
    ],
  ] as const)('activeSetId(%j) = %s', (events, id) => {
    expect(activeSetId(events.map((e) => ({ ...e, at: T1, by: 'x' })))).toBe(id);
  });
});

describe('diffOptionSets', () => {
  it.each([
    [{}, {}, { added: [], removed: [], changed: [], unchanged: [] }],
    [
      { presolve: 'on', time_limit: Infinity, mip_rel_gap: 0.001, random_seed: 1 },
      { presolve: 'off', time_limit: Infinity, mip_abs_gap: 0.5, random_seed: 1 },
      {
        added: [{ option: 'mip_abs_gap', value: 0.5 }],
        removed: [{ option: 'mip_rel_gap', value: 0.001 }],
        changed: [{ option: 'presolve', from: 'on', to: 'off' }],
        unchanged: ['random_seed', 'time_limit'],
      },
    ],
    [
      { a: 1, b: 0 },
      { a: '1', b: -0 },
      { added: [], removed: [], changed: [{ option: 'a', from: 1, to: '1' }], unchanged: ['b'] },
    ],
  ] as const)('%j → %j', (a, b, diff) => {
    expect(diffOptionSets(a, b)).toEqual(diff);
  });
  it('is the mirror image with the sides swapped', () => {
    const a = { presolve: 'on', mip_rel_gap: 0.001 };
    const b = { presolve: 'off', mip_abs_gap: 0.5 };
    const ab = diffOptionSets(a, b);
    const ba = diffOptionSets(b, a);
    expect(ba.added).toEqual(ab.removed);
    expect(ba.removed).toEqual(ab.added);
    expect(ba.changed).toEqual(ab.changed.map((c) => ({ option: c.option, from: c.to, to: c.from })));
  });
});
