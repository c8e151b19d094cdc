// A set the tuner found, put into the blessing flow of #/parameters with the tuning run as its evidence: its
// options (over the baseline's) checked against the loaded runtime's descriptions, and its held-out runs as the
// measurement — speedup and interval from the one decision rule, each side's shifted geometric mean and solved
// count, and whether it changed an answer — so promotion applies the same refusals as a validated candidate.
import type { OptionDescriptor, OptionValues } from '../options-schema';
import { decideTime } from '../decision';
import { validateCandidate, type ValidationResult } from '../parameters';
import { DEFAULT_SHIFT_MS, shiftedGeometricMean } from '../stats/sgm';
import { compareAnswers } from './answers';
import { BASELINE_ID } from './race-state';
import type { TuningRecord } from './record';
import { heldJobId, heldOutRuns, timedHeldOut } from './result';
import { SYMMETRY_DIMENSION, jobSettings } from './space';
import type { Changes } from './types';

/** The evidence id a blessed set promoted from a tuning run carries. */
export const tuningEvidenceId = (id: string) => `tuning:${id}`;

/** The template a tuning run's sets are blessed for: a generator's id, 'library', or the files template's id. */
export function blessedTemplateOf(record: TuningRecord): string {
  const t = record.settings.template;
  return t.kind === 'generator' ? t.generator : t.kind === 'library' ? 'library' : t.id;
}

/** The HiGHS options of a set: the baseline's options with the set's changes over them. */
export function tunedOptions(record: TuningRecord, changes: Changes): OptionValues {
  const base = record.settings.baseline.kind === 'blessed' ? record.settings.baseline.options : {};
  return { ...base, ...jobSettings(changes).options };
}

/** A held-out set of a finished tuning run as a ValidationResult (see the top of this file); null when unknown. */
export function tuningValidation(
  record: TuningRecord,
  setId: string,
  descriptors: readonly OptionDescriptor[],
): ValidationResult | null {
  const held = record.heldOut;
  const set = held?.plan.sets.find((s) => s.id === setId);
  if (!held || !set || set.id === BASELINE_ID || record.phase !== 'done') return null;
  const options = tunedOptions(record, set.changes);
  const check = validateCandidate(descriptors, options);
  const errors = [...check.errors];
  if (SYMMETRY_DIMENSION in set.changes)
    errors.push({
      option: SYMMETRY_DIMENSION,
      message: `${SYMMETRY_DIMENSION} is the generator's switch, not a HiGHS option: a blessed set cannot carry it`,
    });
  const runs = heldOutRuns(held.plan, held.results);
  const summary = (id: string) => {
    let solved = 0;
    held.plan.blocks.forEach((_, i) => {
      const r = runs.get(heldJobId(id, i));
      if (r && !r.noTime && !r.error) solved++;
    });
    const times = timedHeldOut(held.plan, runs, id).map((r) => r.timeMs);
    return { sgmTimeMs: shiftedGeometricMean(times, DEFAULT_SHIFT_MS), solved, problems: held.plan.blocks.length };
  };
  let disagreements = 0;
  held.plan.blocks.forEach((_, i) => {
    const base = runs.get(heldJobId(BASELINE_ID, i));
    const run = runs.get(heldJobId(set.id, i));
    if (!run || (base && compareAnswers(base, run, record.race.config.objectiveTolerance))) disagreements++;
  });
  const time = decideTime(timedHeldOut(held.plan, runs, BASELINE_ID), timedHeldOut(held.plan, runs, set.id), {
    sameOptions: false,
    sameSolver: true,
  });
  const speedup =
    time.ratio !== null && time.ratio > 0 && time.ci95
      ? { ratio: 1 / time.ratio, ci95: [1 / time.ci95[1], 1 / time.ci95[0]] as [number, number] }
      : null;
  const mine = summary(set.id);
  const baseline = record.settings.baseline;
  return {
    template: blessedTemplateOf(record),
    options: check.options,
    valid: errors.length === 0 && check.valid,
    errors,
    warnings: check.warnings,
    reference: baseline.kind === 'blessed' ? { kind: 'blessed', setId: baseline.setId } : { kind: 'defaults' },
    speedup,
    estimatedSolveMs: mine.sgmTimeMs,
    correctness: { ok: disagreements === 0, disagreements },
    baseline: mine,
    referenceBaseline: summary(BASELINE_ID),
    workRatio: null,
    time,
    benchmarkId: tuningEvidenceId(record.id),
    solverVersion: record.solver.version,
    validatedAt: record.updatedAt,
  };
}
