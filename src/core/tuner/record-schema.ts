// Reading a tuning run that came from outside the code that wrote it (a report, a backup, the database after
// another version): its shape checked field by field with valibot, then what a shape cannot say (ids unique,
// every reference to a candidate, a block or an instance resolves, the race's own invariants), then the race
// resumed and its progress computed once, so a crafted or damaged record is refused with where it is wrong and
// never reaches the race or a view. Every string, list and map is capped (TUNING_RECORD_LIMITS): a record
// cannot make a view lay out a megabyte of text or the race rank a billion runs.
//
// The shape is one factory over the schema of an option value: the app's (boolean, number, string; ±Infinity
// included, as HiGHS's `inf`) for readTuningRecord, the report's encoded one ({"$number": "Infinity"}) for the
// report file, whose published JSON Schema is generated from it.
import * as v from 'valibot';
import type { TimeCall } from '../decision';
import { RUN_STATUSES } from '../model-status';
import { capErrors, formatPath, preview, type JsonPath } from '../report/json-safety';
import {
  BOOL,
  describeIssue,
  FINITE,
  NON_EMPTY,
  NON_NEGATIVE,
  templateSpecSchema,
  TEXT,
  WHOLE,
} from '../report/schema-parts';
import type { AnswerIssue } from './answers';
import { raceProgress, resumeState } from './race';
import {
  BASELINE_ID,
  RACE_FORMAT,
  RACE_VERSION,
  type CandidateOrigin,
  type CandidateStatus,
  type RaceEvent,
  type RaceConfig,
  type RacePhase,
  type RaceState,
} from './race-state';
import { TUNING_FORMAT, TUNING_VERSION, type TuningPhase, type TuningRecord, type TuningState } from './record';
import type { HeldOutRole } from './result';
import type { Dimension } from './space';

/** The caps of a tuning run's fields, far above what a real run holds (the race's defaults make a few hundred runs). */
export const TUNING_RECORD_LIMITS = {
  /** Ids and names (a file name of 255 characters with a ` #2` suffix fits), option names and string values. */
  nameLength: 300,
  /** Messages, reasons, labels and keys of a set of changes. */
  textLength: 2000,
  /** Instances of the template (and so files, model ids, sizes × instance seeds). */
  instances: 10_000,
  /** HiGHS random_seed values. */
  seeds: 1000,
  /** Tuning or held-out blocks (instances × seeds). */
  blocks: 100_000,
  /** Candidates of a race, held-out sets, result rows. */
  candidates: 5000,
  /** Dimensions of the space, values per dimension, options or changes per set. */
  options: 1000,
  /** Work counters per run. */
  counters: 100,
  /** Events and anytime points of a race. */
  events: 100_000,
  /** Runs: recorded by the race (over every candidate), held-out jobs and results, jobs in flight. */
  results: 1_000_000,
  /** Notes of a result. */
  notes: 1000,
  /** Elites per iteration: iteration 2 tries every subset of them (2^16 at most). */
  elites: 16,
  /** New candidates per sampling iteration, and iterations. */
  samples: 10_000,
} as const;

/** HiGHS's largest random_seed. */
const MAX_RANDOM_SEED = 2147483647;

const L = TUNING_RECORD_LIMITS;
const long = (n: number) => `expected at most ${n} characters`;
const many = (n: number) => `expected at most ${n} items`;
const entries = (n: number) => `expected at most ${n} entries`;

const number = () => v.pipe(v.number(FINITE), v.finite(FINITE));
const nonNegative = () => v.pipe(v.number(FINITE), v.finite(FINITE), v.minValue(0, NON_NEGATIVE));
const whole = () => v.pipe(v.number(WHOLE), v.integer(WHOLE), v.minValue(0, WHOLE));
const count = (min: number, max: number) => {
  const says = `expected a whole number from ${min} to ${max}`;
  return v.pipe(v.number(says), v.integer(says), v.minValue(min, says), v.maxValue(max, says));
};
const countFrom = (min: number) => {
  const says = `expected a whole number ≥ ${min}`;
  return v.pipe(v.number(says), v.integer(says), v.minValue(min, says));
};
/** HiGHS's random_seed. */
const randomSeed = () => count(0, MAX_RANDOM_SEED);
const share = () =>
  v.pipe(
    v.number(FINITE),
    v.finite(FINITE),
    v.gtValue(0, 'expected a number between 0 and 1'),
    v.ltValue(1, 'expected a number between 0 and 1'),
  );
const probability = () =>
  v.pipe(
    v.number(FINITE),
    v.finite(FINITE),
    v.minValue(0, 'expected a number from 0 to 1'),
    v.maxValue(1, 'expected a number from 0 to 1'),
  );
const bool = () => v.boolean(BOOL);
/** An id: a candidate, a set, an instance, a tuning run. */
const id = () => v.pipe(v.string(TEXT), v.minLength(1, NON_EMPTY), v.maxLength(L.nameLength, long(L.nameLength)));
/** A name: of a run, an instance, a solver. */
const name = () => v.pipe(v.string(TEXT), v.maxLength(L.nameLength, long(L.nameLength)));
/** A message, a reason, a label. */
const text = () => v.pipe(v.string(TEXT), v.maxLength(L.textLength, long(L.textLength)));
const list = <T extends v.GenericSchema>(item: T, max: number) =>
  v.pipe(v.array(item, 'expected an array'), v.maxLength(max, many(max)));
const record = <T extends v.ObjectEntries>(fields: T) => v.object(fields, 'expected an object');
const oneOf = <T extends readonly string[]>(options: T) =>
  v.picklist(options, `expected one of ${options.map((o) => JSON.stringify(o)).join(', ')}`);
const pair = () => v.tuple([number(), number()], 'expected [low, high]');
const timestamp = () =>
  v.pipe(v.string(TEXT), v.maxLength(64, long(64)), v.isoTimestamp('expected an ISO 8601 timestamp'));
const sha256 = () =>
  v.pipe(v.string(TEXT), v.regex(/^[0-9a-f]{64}$/, 'expected a SHA-256 in lower-case hex (64 characters)'));
/** A block's index as a key of a candidate's runs or a stage's caps (below the race's block count: checked apart). */
const blockKey = () => v.pipe(v.string(TEXT), v.regex(/^(?:0|[1-9][0-9]{0,5})$/, 'expected a block index'));

const TUNING_STATES = ['running', 'cancelled', 'finished', 'failed'] as const satisfies readonly TuningState[];
const TUNING_PHASES = ['race', 'held-out', 'done'] as const satisfies readonly TuningPhase[];
const CANDIDATE_STATUSES = [
  'alive',
  'eliminated',
  'quarantined',
  'merged',
  'retired',
] as const satisfies readonly CandidateStatus[];
const ORIGINS = ['baseline', 'one-change', 'combination', 'sample'] as const satisfies readonly CandidateOrigin[];
const RACE_PHASES = ['one-change', 'combinations', 'samples', 'confirm'] as const satisfies readonly RacePhase[];
const EVENT_KINDS = [
  'iteration',
  'eliminated',
  'quarantined',
  'merged',
  'retired',
  'done',
] as const satisfies readonly RaceEvent['kind'][];
const ANSWER_ISSUES = ['failed', 'status', 'objective', 'infeasible'] as const satisfies readonly AnswerIssue[];
const HELD_OUT_ROLES = ['baseline', 'best-of-k', 'race-best', 'ablation'] as const satisfies readonly HeldOutRole[];
const TIME_CALLS = [
  'slower',
  'faster',
  'equivalent',
  'noise',
  'unclear',
  'too-few',
] as const satisfies readonly TimeCall[];

/** Option values read by `optionValue`: names capped, at most L.options of them. */
function optionValuesSchema<O extends v.GenericSchema>(optionValue: O) {
  return v.pipe(
    v.record(
      v.pipe(v.string(TEXT), v.maxLength(L.nameLength, long(L.nameLength))),
      optionValue,
      'expected an object of option values',
    ),
    v.maxEntries(L.options, entries(L.options)),
  );
}

/** What a user asks of a tuning run (TunerSettings), with option values read by `optionValue`: a record's and a command line's tuner file's. */
export function tunerSettingsSchema<O extends v.GenericSchema>(optionValue: O) {
  const options = () => optionValuesSchema(optionValue);
  return record({
    template: templateSpecSchema({ maxText: L.nameLength, maxItems: L.instances }),
    baseline: v.variant(
      'kind',
      [
        record({ kind: v.literal('defaults') }),
        record({ kind: v.literal('blessed'), setId: id(), name: name(), options: options() }),
      ],
      'expected a baseline with kind "defaults" or "blessed"',
    ),
    space: record({
      only: v.optional(list(id(), L.options)),
      extend: v.optional(
        list(
          record({ name: id(), values: v.optional(list(optionValue, L.options)), optIn: v.optional(bool()) }),
          L.options,
        ),
      ),
      symmetryBreaking: v.optional(bool()),
    }),
    budget: record({ runs: v.nullable(whole()), timeMs: v.nullable(nonNegative()) }),
    seeds: list(randomSeed(), L.seeds),
    timeLimitMs: v.nullable(nonNegative()),
    seed: whole(),
    heldOutShare: share(),
  });
}

/** The shape of a tuning run with option values read by `optionValue` (see the top of this file). */
export function tuningRecordSchema<O extends v.GenericSchema>(optionValue: O) {
  const options = () => optionValuesSchema(optionValue);
  const counters = () =>
    v.pipe(
      v.record(v.pipe(v.string(TEXT), v.maxLength(L.nameLength, long(L.nameLength))), number(), 'expected an object'),
      v.maxEntries(L.counters, entries(L.counters)),
    );
  const block = record({ instance: id(), seed: randomSeed() });
  const status = oneOf(RUN_STATUSES);
  const run = record({
    status,
    timeMs: nonNegative(),
    objective: v.nullable(number()),
    dualBound: v.nullable(number()),
    counters: v.nullable(counters()),
    feasible: v.nullable(bool()),
    error: v.nullable(text()),
    noTime: bool(),
    limitMs: v.nullable(nonNegative()),
  });
  const facts = record({
    status,
    objective: v.nullable(number()),
    dualBound: v.nullable(number()),
    feasible: v.nullable(bool()),
    error: v.nullable(text()),
  });
  const candidate = record({
    id: id(),
    key: text(),
    changes: options(),
    label: text(),
    origin: oneOf(ORIGINS),
    iteration: whole(),
    status: oneOf(CANDIDATE_STATUSES),
    elite: bool(),
    why: v.nullable(text()),
    runs: v.pipe(
      v.record(blockKey(), run, 'expected an object of runs by block'),
      v.maxEntries(L.blocks, entries(L.blocks)),
    ),
    quarantine: v.nullable(
      record({
        block: whole(),
        instance: id(),
        seed: randomSeed(),
        issue: oneOf(ANSWER_ISSUES),
        message: text(),
        baseline: facts,
        candidate: facts,
      }),
    ),
  });
  const config = record({
    space: record({
      dimensions: list(
        record({
          name: id(),
          kind: oneOf(['option', 'generator'] as const),
          // null: a default JSON cannot hold (time_limit's Infinity), as the race's JSON copy of its state writes it.
          default: v.nullable(optionValue),
          values: list(optionValue, L.options),
        }),
        L.options,
      ),
    }),
    blocks: list(block, L.blocks),
    seed: whole(),
    firstBatch: count(2, L.blocks),
    blocksPerStep: count(1, L.blocks),
    alpha: number(),
    capFactor: number(),
    minCapMs: number(),
    timeLimitMs: v.nullable(number()),
    budget: record({ runs: v.nullable(whole()), timeMs: v.nullable(number()) }),
    eliteCount: count(1, L.elites),
    maxChanges: count(1, L.options),
    samplesPerIteration: count(1, L.samples),
    maxIterations: count(1, L.samples),
    objectiveTolerance: number(),
  });
  const race = record({
    format: v.literal(RACE_FORMAT, `expected "${RACE_FORMAT}"`),
    version: v.literal(RACE_VERSION, `expected ${RACE_VERSION}`),
    config,
    rng: count(0, 2 ** 32 - 1),
    nextId: whole(),
    candidates: list(candidate, L.candidates),
    iteration: record({
      number: countFrom(1),
      phase: oneOf(RACE_PHASES),
      members: list(id(), L.candidates),
      blocksDone: whole(),
      leader: id(),
      startRuns: whole(),
      startTimeMs: nonNegative(),
      shareRuns: v.nullable(nonNegative()),
      shareTimeMs: v.nullable(nonNegative()),
      lastTest: v.nullable(
        record({
          blocks: whole(),
          statistic: nonNegative(),
          p: probability(),
          meanRanks: v.pipe(
            v.record(id(), number(), 'expected an object of mean ranks by candidate'),
            v.maxEntries(L.candidates, entries(L.candidates)),
          ),
          best: id(),
        }),
      ),
    }),
    stage: v.nullable(
      record({
        blocks: list(whole(), L.blocks),
        incumbent: id(),
        step: oneOf(['reference', 'rest'] as const),
        caps: v.nullable(
          v.pipe(
            v.record(blockKey(), v.nullable(nonNegative()), 'expected an object of time limits by block'),
            v.maxEntries(L.blocks, entries(L.blocks)),
          ),
        ),
      }),
    ),
    issued: list(record({ id: text(), limitMs: v.nullable(nonNegative()) }), L.results),
    runs: whole(),
    timeMs: nonNegative(),
    discarded: record({ runs: whole(), timeMs: nonNegative() }),
    events: list(
      record({
        kind: oneOf(EVENT_KINDS),
        iteration: whole(),
        runs: whole(),
        candidate: v.nullable(id()),
        message: text(),
      }),
      L.events,
    ),
    anytime: list(
      record({
        runs: whole(),
        timeMs: nonNegative(),
        best: id(),
        label: text(),
        speedup: v.nullable(nonNegative()),
        blocks: whole(),
      }),
      L.events,
    ),
    done: v.nullable(text()),
  });
  const training = record({ speedup: nonNegative(), ci95: v.nullable(pair()), blocks: whole(), cappedBlocks: whole() });
  const plan = record({
    blocks: list(block, L.blocks),
    sets: list(
      record({
        id: id(),
        changes: options(),
        label: text(),
        k: whole(),
        roles: list(oneOf(HELD_OUT_ROLES), HELD_OUT_ROLES.length),
        candidate: v.nullable(id()),
        training: v.nullable(training),
      }),
      L.candidates,
    ),
    jobs: list(
      record({
        id: text(),
        candidate: id(),
        block: whole(),
        instance: id(),
        seed: randomSeed(),
        options: options(),
        symmetryBreaking: bool(),
        timeLimitMs: v.nullable(nonNegative()),
        capped: bool(),
      }),
      L.results,
    ),
    ablationOrder: list(record({ name: id(), value: optionValue }), L.options),
  });
  const runResult = record({
    jobId: text(),
    status,
    timeMs: nonNegative(),
    objective: v.nullable(number()),
    dualBound: v.nullable(number()),
    counters: v.nullable(counters()),
    feasible: v.nullable(bool()),
    error: v.optional(v.nullable(text())),
  });
  const figure = record({
    speedup: v.nullable(nonNegative()),
    ci95: v.nullable(pair()),
    call: oneOf(TIME_CALLS),
    real: v.nullable(bool()),
    label: text(),
    why: text(),
    pairs: whole(),
  });
  const result = record({
    heldOutBlocks: whole(),
    rows: list(
      record({
        k: whole(),
        set: id(),
        changes: options(),
        label: text(),
        heldOut: figure,
        training: v.nullable(training),
        answer: v.nullable(text()),
      }),
      L.candidates,
    ),
    ablation: list(
      record({
        step: whole(),
        name: id(),
        value: optionValue,
        changes: options(),
        label: text(),
        fromBaseline: figure,
        fromPrevious: figure,
        answer: v.nullable(text()),
      }),
      L.options,
    ),
    recommendation: v.variant(
      'kind',
      [
        record({
          kind: v.literal('change'),
          set: id(),
          changes: options(),
          label: text(),
          speedup: nonNegative(),
          ci95: pair(),
          why: text(),
        }),
        record({ kind: v.literal('no-change'), why: text() }),
      ],
      'expected a recommendation with kind "change" or "no-change"',
    ),
    quarantined: list(record({ id: id(), label: text(), why: text() }), L.candidates),
    notes: list(text(), L.notes),
    thresholdPct: number(),
  });
  const settings = tunerSettingsSchema(optionValue);
  return record({
    format: v.literal(TUNING_FORMAT, `expected "${TUNING_FORMAT}"`),
    version: v.literal(TUNING_VERSION, `expected ${TUNING_VERSION}`),
    id: id(),
    name: name(),
    createdAt: timestamp(),
    updatedAt: timestamp(),
    state: oneOf(TUNING_STATES),
    phase: oneOf(TUNING_PHASES),
    error: v.nullable(text()),
    settings,
    solver: record({ name: name(), version: name() }),
    instances: list(record({ id: id(), name: name(), sha256: sha256() }), L.instances),
    split: record({ tuning: list(id(), L.instances), heldOut: list(id(), L.instances), note: v.nullable(text()) }),
    race,
    heldOut: v.nullable(record({ plan, results: list(runResult, L.results) })),
    result: v.nullable(result),
    elapsedMs: nonNegative(),
  });
}

/** An option value as the app holds it: a boolean, a number (±Infinity too: HiGHS's `inf`; never NaN) or a string. */
const AppOptionValueSchema = v.union(
  [v.boolean(), v.number(), v.pipe(v.string(), v.maxLength(L.nameLength, long(L.nameLength)))],
  'expected a boolean, a number or a string',
);

/** A tuning run's shape as the app holds it (option values decoded); readTuningRecord adds the checks a shape cannot make. */
export const TuningRecordSchema = tuningRecordSchema(AppOptionValueSchema);

/**
 * A TuningRecord as the schema reads it: a dimension's default may be null, where the race's JSON copy of its
 * state (Race.toJSON) wrote an infinite default (time_limit's) as JSON does. Only a view prints a default.
 */
type TuningRecordAsRead = Omit<TuningRecord, 'race'> & {
  race: Omit<RaceState, 'config'> & {
    config: Omit<RaceConfig, 'space'> & {
      space: { dimensions: (Omit<Dimension, 'default'> & { default: Dimension['default'] | null })[] };
    };
  };
};

// What the schema reads is a TuningRecord (but for that default): a field renamed or retyped fails to compile here.
const _readsTuningRecord = (r: v.InferOutput<typeof TuningRecordSchema>): TuningRecordAsRead => r;

/** A tuning run read from outside, or every reason it was refused (each naming the field). */
export type TuningReadResult = { ok: true; record: TuningRecord } | { ok: false; errors: string[] };

/** `seen` remembers the first index of each value; returns the earlier index of a repeated one. */
function firstIndex(seen: Map<string, number>, value: string, index: number): number | undefined {
  const first = seen.get(value);
  if (first === undefined) seen.set(value, index);
  return first;
}

/** What a shape cannot say: ids unique, references resolved, the race's invariants (see the top of this file). */
function crossCheck(r: TuningRecord, at: (...path: (string | number)[]) => string): string[] {
  const errors: string[] = [];
  const quote = (s: string) => JSON.stringify(s);
  const instances = new Map<string, number>();
  r.instances.forEach((inst, i) => {
    const dup = firstIndex(instances, inst.id, i);
    if (dup !== undefined)
      errors.push(
        `${at('instances', i, 'id')}: instance id ${quote(inst.id)} is listed twice (also instances[${dup}])`,
      );
  });
  const split = new Map<string, string>();
  for (const part of ['tuning', 'heldOut'] as const)
    r.split[part].forEach((inst, i) => {
      if (!instances.has(inst)) errors.push(`${at('split', part, i)}: no instance ${quote(inst)} in this run`);
      const other = split.get(inst);
      if (other !== undefined) errors.push(`${at('split', part, i)}: instance ${quote(inst)} is also in ${other}`);
      else split.set(inst, `split.${part}[${i}]`);
    });

  const race = r.race;
  const blockCount = race.config.blocks.length;
  race.config.blocks.forEach((b, i) => {
    if (!instances.has(b.instance))
      errors.push(`${at('race', 'config', 'blocks', i, 'instance')}: no instance ${quote(b.instance)} in this run`);
  });
  const candidates = new Map<string, number>();
  let runs = 0;
  race.candidates.forEach((c, ci) => {
    const dup = firstIndex(candidates, c.id, ci);
    if (dup !== undefined)
      errors.push(
        `${at('race', 'candidates', ci, 'id')}: candidate id ${quote(c.id)} is used twice (also candidates[${dup}])`,
      );
    for (const b of Object.keys(c.runs)) {
      runs++;
      if (Number(b) >= blockCount)
        errors.push(`${at('race', 'candidates', ci, 'runs', b)}: the race has ${blockCount} blocks`);
    }
  });
  if (runs > L.results) return [...errors, `${at('race', 'candidates')}: ${runs} runs, more than ${L.results}`];
  if (!candidates.has(BASELINE_ID)) errors.push(`${at('race', 'candidates')}: no candidate ${quote(BASELINE_ID)}`);
  const it = race.iteration;
  const members = new Map<string, number>();
  it.members.forEach((m, i) => {
    if (!candidates.has(m)) errors.push(`${at('race', 'iteration', 'members', i)}: no candidate ${quote(m)}`);
    const dup = firstIndex(members, m, i);
    if (dup !== undefined)
      errors.push(
        `${at('race', 'iteration', 'members', i)}: candidate ${quote(m)} is listed twice (also members[${dup}])`,
      );
  });
  if (!candidates.has(it.leader)) errors.push(`${at('race', 'iteration', 'leader')}: no candidate ${quote(it.leader)}`);
  if (it.blocksDone > blockCount)
    errors.push(`${at('race', 'iteration', 'blocksDone')}: ${it.blocksDone} of ${blockCount} blocks`);
  else
    for (const m of members.keys()) {
      const c = race.candidates[candidates.get(m) ?? -1];
      if (c?.status !== 'alive') continue;
      let gap = 0;
      while (gap < it.blocksDone && c.runs[gap] !== undefined) gap++;
      if (gap < it.blocksDone)
        errors.push(
          `${at('race', 'candidates', candidates.get(m)!, 'runs')}: alive with no run on block ${gap}, before the ${it.blocksDone} blocks done`,
        );
    }
  if (race.stage) {
    const stage = race.stage;
    if (!candidates.has(stage.incumbent))
      errors.push(`${at('race', 'stage', 'incumbent')}: no candidate ${quote(stage.incumbent)}`);
    stage.blocks.forEach((b, i) => {
      if (b !== it.blocksDone + i || b >= blockCount)
        errors.push(
          `${at('race', 'stage', 'blocks', i)}: expected block ${it.blocksDone + i} (the stage runs the blocks after the ${it.blocksDone} done, of ${blockCount}), got ${b}`,
        );
    });
  }

  if (r.heldOut) {
    const { plan } = r.heldOut;
    plan.blocks.forEach((b, i) => {
      if (!instances.has(b.instance))
        errors.push(`${at('heldOut', 'plan', 'blocks', i, 'instance')}: no instance ${quote(b.instance)} in this run`);
    });
    const sets = new Map<string, number>();
    plan.sets.forEach((s, i) => {
      const dup = firstIndex(sets, s.id, i);
      if (dup !== undefined)
        errors.push(
          `${at('heldOut', 'plan', 'sets', i, 'id')}: set id ${quote(s.id)} is used twice (also sets[${dup}])`,
        );
    });
    if (!sets.has(BASELINE_ID)) errors.push(`${at('heldOut', 'plan', 'sets')}: no set ${quote(BASELINE_ID)}`);
    const jobs = new Map<string, number>();
    plan.jobs.forEach((j, i) => {
      const where = (field: string) => at('heldOut', 'plan', 'jobs', i, field);
      const dup = firstIndex(jobs, j.id, i);
      if (dup !== undefined) errors.push(`${where('id')}: job id ${quote(j.id)} is used twice (also jobs[${dup}])`);
      if (!sets.has(j.candidate)) errors.push(`${where('candidate')}: no set ${quote(j.candidate)} in the plan`);
      if (j.block >= plan.blocks.length) errors.push(`${where('block')}: the plan has ${plan.blocks.length} blocks`);
    });
  }
  return errors;
}

/**
 * Every reason a value is not a tuning run the app can use, each as `path: message` with `prefix` in front of
 * the path (e.g. `tuning[0]` in a report); empty when readTuningRecord would read it.
 */
export function tuningRecordErrors(value: unknown, prefix: JsonPath = []): string[] {
  return readAt(value, prefix).errors;
}

/** A value of any kind for a message, cut short (a string quoted; an object or a BigInt by its kind). */
function shown(x: unknown): string {
  if (x === undefined) return 'nothing';
  if (typeof x === 'string') return JSON.stringify(preview(x));
  if (typeof x === 'number' || typeof x === 'boolean' || x === null) return String(x);
  if (Array.isArray(x)) return 'a list';
  return typeof x === 'object' ? 'an object' : `a ${typeof x}`;
}

/** readTuningRecord with `prefix` in front of every path (see tuningRecordErrors). */
function readAt(value: unknown, prefix: JsonPath): { record: TuningRecord | null; errors: string[] } {
  const at = (...path: (string | number)[]) => formatPath([...prefix, ...path]);
  const refuse = (...errors: string[]) => ({ record: null, errors: capErrors(errors) });
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return refuse(`${at()}: expected a tuning run (an object)`);
  const { format, version } = value as { format?: unknown; version?: unknown };
  if (format !== TUNING_FORMAT) return refuse(`${at('format')}: expected "${TUNING_FORMAT}", got ${shown(format)}`);
  if (version !== TUNING_VERSION)
    return refuse(
      `${at('version')}: tuning-run version ${shown(version)} is not read by this app (it reads ${TUNING_VERSION})`,
    );
  const parsed = v.safeParse(TuningRecordSchema, value);
  if (!parsed.success) return refuse(...parsed.issues.map((issue) => describeIssue(issue, prefix)));
  const record = parsed.output as TuningRecord; // see TuningRecordAsRead
  const errors = crossCheck(record, at);
  if (errors.length > 0) return refuse(...errors);
  try {
    raceProgress(resumeState(record.race));
  } catch (e) {
    return refuse(`${at('race')}: the race cannot be resumed: ${e instanceof Error ? e.message : String(e)}`);
  }
  return { record, errors: [] };
}

/** Checks an unknown value as a TuningRecord (see the top of this file); at most 50 errors, each naming the field. */
export function readTuningRecord(value: unknown): TuningReadResult {
  const { record, errors } = readAt(value, []);
  return record ? { ok: true, record } : { ok: false, errors };
}
