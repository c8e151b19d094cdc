// A tuning run's progress bar and time left (tuningProgress), and a finished run's set put into the blessing
// flow (tuningValidation): options over the baseline's, held-out figures by the one rule, answers compared.
import { describe, expect, it } from 'vitest';
import {
  BASELINE_ID,
  blessedTemplateOf,
  expectedHeldOutRuns,
  tunedOptions,
  tuningEvidenceId,
  tuningProgress,
  tuningValidation,
  type TuningRecord,
} from '../../../src/core/tuner';
import { DESCRIPTORS } from './fixtures';
import { sampleTuningRecord } from './record-fixture';

/** The sample run as if it were still racing, with `runs` recorded of a budget. */
function racing(runs: number, timeMs: number, budget: TuningRecord['race']['config']['budget']): TuningRecord {
  const r = sampleTuningRecord();
  return {
    ...r,
    state: 'running',
    phase: 'race',
    heldOut: null,
    result: null,
    race: { ...r.race, runs, timeMs, discarded: { runs: 0, timeMs: 0 }, config: { ...r.race.config, budget } },
  };
}

describe('tuningProgress', () => {
  const heldBlocks = (r: TuningRecord) => r.split.heldOut.length * r.settings.seeds.length;

  it.each([
    // runs, solve ms, budget, workers → done, total, unit, eta (race left + expected held-out runs, ÷ workers)
    [0, 0, { runs: 100, timeMs: null }, 2, 0, 100, 'runs', null],
    [50, 5000, { runs: 100, timeMs: null }, 2, 50, 100, 'runs', 'runs'],
    [50, 5000, { runs: 100, timeMs: 20_000 }, 1, 50, 100, 'runs', 'runs'],
    [20, 15_000, { runs: 100, timeMs: 20_000 }, 1, 15, 20, 'seconds', 'time'],
    [20, 4000, { runs: null, timeMs: 60_000 }, 2, 4, 60, 'seconds', 'time'],
  ] as const)(
    '%i runs, %i ms of %j on %i workers: %i of %i %s',
    (runs, ms, budget, workers, done, total, unit, eta) => {
      const r = racing(runs, ms, { ...budget });
      const p = tuningProgress(r, workers);
      expect(p.phase).toBe('race');
      expect([p.done, p.total, p.unit]).toEqual([done, total, unit]);
      expect(p.runs).toBe(runs);
      const perRun = runs > 0 ? ms / runs : 0;
      const held = (expectedHeldOutRuns(r, heldBlocks(r)) * perRun) / workers;
      if (eta === null) expect(p.etaMs).toBeNull();
      else if (eta === 'runs') expect(p.etaMs).toBeCloseTo((((budget.runs ?? 0) - runs) * perRun) / workers + held, 6);
      else expect(p.etaMs).toBeCloseTo((budget.timeMs! - ms) / workers + held, 6);
    },
  );

  it('counts the held-out jobs in their phase, and says done at the end', () => {
    const r = sampleTuningRecord();
    const held = {
      ...r,
      phase: 'held-out' as const,
      heldOut: { ...r.heldOut!, results: r.heldOut!.results.slice(0, 5) },
    };
    const p = tuningProgress(held, 2);
    expect([p.phase, p.done, p.total, p.unit]).toEqual(['held-out', 5, r.heldOut!.plan.jobs.length, 'runs']);
    expect(p.etaMs).toBeGreaterThan(0);
    const end = tuningProgress(r, 2);
    expect([end.phase, end.etaMs, end.runs]).toEqual([
      'done',
      0,
      r.race.runs + r.race.discarded.runs + r.heldOut!.results.length,
    ]);
  });
});

describe('tuningValidation', () => {
  it('gives a finished set its options over the baseline, its held-out speedup and the run as evidence', () => {
    const r = sampleTuningRecord();
    const row = r.result!.rows[0];
    const v = tuningValidation(r, row.set, DESCRIPTORS)!;
    expect(v.template).toBe(blessedTemplateOf(r));
    expect(v.benchmarkId).toBe(tuningEvidenceId(r.id));
    expect(v.options).toEqual(expect.objectContaining(tunedOptions(r, row.changes)));
    expect(v.reference).toEqual({ kind: 'blessed', setId: 's1' });
    expect(v.speedup?.ratio).toBeCloseTo(row.heldOut.speedup!, 12);
    expect(v.speedup?.ci95[0]).toBeCloseTo(row.heldOut.ci95![0], 12);
    expect(v.time?.call).toBe(row.heldOut.call);
    expect(v.correctness.ok).toBe(row.answer === null);
    expect(v.baseline.problems).toBe(r.heldOut!.plan.blocks.length);
    expect(v.referenceBaseline?.problems).toBe(r.heldOut!.plan.blocks.length);
  });

  it('is null for the baseline, an unknown set, or an unfinished run', () => {
    const r = sampleTuningRecord();
    expect(tuningValidation(r, BASELINE_ID, DESCRIPTORS)).toBeNull();
    expect(tuningValidation(r, 'nope', DESCRIPTORS)).toBeNull();
    expect(tuningValidation({ ...r, phase: 'held-out' }, r.result!.rows[0].set, DESCRIPTORS)).toBeNull();
  });

  it('counts a held-out answer that differs from the baseline, and refuses the generator switch as a blessed option', () => {
    const r = sampleTuningRecord();
    const set = r.result!.rows[0].set;
    const results = r.heldOut!.results.map((x) =>
      x.jobId === `h:${set}@0` ? { ...x, objective: (x.objective ?? 1) * 2, dualBound: (x.objective ?? 1) * 2 } : x,
    );
    const v = tuningValidation({ ...r, heldOut: { ...r.heldOut!, results } }, set, DESCRIPTORS)!;
    expect(v.correctness).toEqual({ ok: false, disagreements: 1 });

    const sets = r.heldOut!.plan.sets.map((s) =>
      s.id === set ? { ...s, changes: { ...s.changes, symmetryBreaking: true } } : s,
    );
    const w = tuningValidation(
      { ...r, heldOut: { ...r.heldOut!, plan: { ...r.heldOut!.plan, sets } } },
      set,
      DESCRIPTORS,
    )!;
    expect(w.valid).toBe(false);
    expect(w.errors.map((e) => e.option)).toContain('symmetryBreaking');
    expect(w.options).not.toHaveProperty('symmetryBreaking');
  });

  it('names the template a set is blessed for', () => {
    const r = sampleTuningRecord();
    const t = (template: TuningRecord['settings']['template']) =>
      blessedTemplateOf({ ...r, settings: { ...r.settings, template } });
    expect(t({ kind: 'library', id: 'lib', name: 'L', files: [] })).toBe('library');
    expect(t({ kind: 'files', id: 'mine', name: 'M', modelIds: [] })).toBe('mine');
    expect(
      t({
        kind: 'generator',
        id: 'g1',
        name: 'K',
        generator: 'knapsack',
        sizes: [1],
        instanceSeeds: [1],
        symmetryBreaking: false,
      }),
    ).toBe('knapsack');
  });
});
