// Racing tuner figures (`npm run bench -- tuner [--quick] [--only=finds,harm,heuristics]`), on real solves in one
// Chromium run against the built app: whole tuning runs through the same TunerSession as #/tune (reached under
// `?bench` as __workbenchBench.tuner.run, no store) on a pool of 2 warm workers, budget 400 race runs, HiGHS
// random_seed 1–3, held-out share 1/3, tuner seeds 1–5 (--quick: 1–2).
//   finds-decide-verdicts: Decide (the run view's sequential A/B, __workbenchBench.tuner.decide) on three
//     instances of the "finds" template, defaults against simplex_dual_edge_weight_strategy=0 (Dantzig pricing;
//     1.14–1.61× faster on every one of 16 transportation instances, 200–500 customers, in Node): goal faster
//     on each;
//   finds-recommended: of the tuning runs on the "finds" template (transportation LPs, 200/300/400 customers ×
//     instance seeds 1–6, default space), those whose recommendation changes simplex_dual_edge_weight_strategy
//     to 0: goal 5 of 5 (presolve=off, 1.2–1.8× faster there too, may come with it: the recommendation is the
//     fewest changes unless more are really faster on the held-out blocks);
//   harm-no-change: of the tuning runs on the "harm" template (0-1 knapsack, 30/40/50 items × instance seeds
//     1–6, the default space without the mip_heuristic_run_* switches, which are faster there; nothing left in
//     it measured more than a few % faster in Node), those that recommend no change: goal ≥ 4 of 5;
//   runs-ratio-<template>-<seed>, runs-ratio-max (finds and harm runs): race runs ÷ the runs a full evaluation
//     of the same candidates on every tuning block takes (raceProgress's fullEvaluationRuns): goal ≤ 0.35;
//   each run's result rows (the best set with 1, 2, 3 changes) with the training speedup (race blocks) beside
//     the held-out speedup, 95 % intervals and the rule's call on the held-out blocks (printed, no goal);
//   long-tasks-over-50ms: main-thread tasks over 50 ms while the finds and harm tuning runs run
//     (PerformanceObserver 'longtask'), each also printed with its run and offset from the run's start: goal 0;
//     the longest beside it;
//   heuristics-*: knapsack with mip_heuristic_run_feasibility_jump=false, faster on every instance (Decide on
//     two), and what one tuning run in the full default space makes of it: its race status and whether it is in
//     the recommendation (goal: raced, recommended). HiGHS's work counters count no heuristic or presolve work, so
//     identical counters are merged only when the times agree too (race.ts MERGE_TIME_BAND); before that rule
//     this change was merged as "does nothing" after 5 blocks.
// Wall times are reported, never asserted.
import { serveApp, launch, figure, appPage, poolOf, QUICK, part, startLongTasks, stopLongTasks } from './browser.mjs';

const TUNER_SEEDS = QUICK ? [1, 2] : [1, 2, 3, 4, 5];
const COMMON = {
  baseline: { kind: 'defaults' },
  budget: { runs: 400, timeMs: null },
  seeds: [1, 2, 3],
  timeLimitMs: 10_000,
  heldOutShare: 1 / 3,
};
const FINDS = {
  ...COMMON,
  template: {
    kind: 'generator',
    id: 'bench-transportation',
    name: 'Transportation 200–400',
    generator: 'transportation',
    sizes: [200, 300, 400],
    instanceSeeds: [1, 2, 3, 4, 5, 6],
    symmetryBreaking: false,
  },
  space: {},
};
/** The change that matters on FINDS, and the instances Decide checks it on. */
const FINDS_OPTION = ['simplex_dual_edge_weight_strategy', 0];
const FINDS_DECIDE = [
  { generator: 'transportation', size: 200, instanceSeed: 1 },
  { generator: 'transportation', size: 300, instanceSeed: 2 },
  { generator: 'transportation', size: 400, instanceSeed: 3 },
];
const KNAPSACK = {
  kind: 'generator',
  id: 'bench-knapsack',
  name: '0-1 knapsack 30–50',
  generator: 'knapsack',
  sizes: [30, 40, 50],
  instanceSeeds: [1, 2, 3, 4, 5, 6],
  symmetryBreaking: false,
};
/** The default space without the heuristic switches (measured faster on these knapsacks; see the header). */
const HARM = {
  ...COMMON,
  template: KNAPSACK,
  space: {
    only: [
      'presolve',
      'simplex_strategy',
      'simplex_scale_strategy',
      'simplex_dual_edge_weight_strategy',
      'simplex_primal_edge_weight_strategy',
      'simplex_crash_strategy',
      'run_crossover',
      'mip_heuristic_effort',
      'mip_detect_symmetry',
      'mip_allow_restart',
      'mip_pscost_minreliable',
      'mip_lp_age_limit',
      'mip_pool_age_limit',
      'mip_pool_soft_limit',
    ],
  },
};
const FJ_OFF = ['mip_heuristic_run_feasibility_jump', false];
const FJ_DECIDE = [
  { generator: 'knapsack', size: 30, instanceSeed: 1 },
  { generator: 'knapsack', size: 50, instanceSeed: 2 },
];
const DECIDE_BUDGET = { maxRuns: 200, maxSeconds: 60 };

export default async function main() {
  const t0 = performance.now();
  const app = await serveApp();
  const browser = await launch();
  try {
    const { page } = await appPage(browser, app.url);
    await poolOf(page, 2);
    const decide = (instance, ref, cand) =>
      page.evaluate(
        ([i, r, c, s]) => globalThis.__workbenchBench.tuner.decide(i, r, c, s),
        [instance, ref, cand, DECIDE_BUDGET],
      );
    const tune = (settings) =>
      page.evaluate(async (s) => {
        const start = performance.now();
        const summary = await globalThis.__workbenchBench.tuner.run(s);
        return { ...summary, startedAt: start };
      }, settings);
    /** The long tasks recorded since startLongTasks, each as "duration ms at offset s" from the run's start. */
    const longTaskText = (startedAt) =>
      page.evaluate(
        (t0) =>
          globalThis.__longTaskEntries.map(
            ([at, ms]) => `${Math.round(ms)} ms at ${Math.max(0, (at - t0) / 1000).toFixed(1)} s`,
          ),
        startedAt,
      );
    const ratios = [];
    const longTasks = [];
    const tuned = async (name, settings) => {
      const out = [];
      for (const seed of TUNER_SEEDS) {
        await startLongTasks(page);
        const s = await tune({ ...settings, seed });
        const durations = await stopLongTasks(page);
        longTasks.push(...durations);
        if (durations.length > 0)
          console.log(`  ${name} seed ${seed}: long tasks ${(await longTaskText(s.startedAt)).join(', ')}`);
        if (s.state !== 'finished') throw new Error(`${name} tuning run (seed ${seed}) ended ${s.state}: ${s.error}`);
        const ratio = s.raceRuns / s.fullEvaluationRuns;
        ratios.push(ratio);
        report(name, seed, s, ratio);
        out.push(s);
      }
      return out;
    };

    if (part('finds')) {
      const verdicts = [];
      for (const inst of FINDS_DECIDE) {
        const o = await decide(inst, {}, { [FINDS_OPTION[0]]: FINDS_OPTION[1] });
        if (o.error) throw new Error(`Decide on ${o.model}: ${o.error}`);
        verdicts.push(o.verdict);
        console.log(`  Decide ${o.model}: ${decideText(o)}`);
      }
      figure('finds-decide-verdicts', verdicts.join(','));
      const runs = await tuned('finds', FINDS);
      const hit = runs.filter(
        (s) => s.recommendation?.kind === 'change' && sets(s.recommendation.changes, FINDS_OPTION),
      );
      figure('finds-recommended', `${hit.length} of ${runs.length} (${FINDS_OPTION[0]}=${FINDS_OPTION[1]})`);
    }
    if (part('harm')) {
      const runs = await tuned('harm', HARM);
      const none = runs.filter((s) => s.recommendation?.kind === 'no-change');
      figure('harm-no-change', `${none.length} of ${runs.length}`);
    }
    if (ratios.length > 0) {
      figure('runs-ratio-max', Math.max(...ratios));
      const sorted = [...longTasks].sort((a, b) => b - a);
      figure('long-tasks-over-50ms', longTasks.length);
      figure('long-task-max-ms', sorted[0] ?? 0);
    }
    if (part('heuristics')) await heuristics(decide, tune);
  } finally {
    await browser.close();
    await app.close();
  }
  figure('wall-s', (performance.now() - t0) / 1000);
}

/** Does a set of changes set option `name` to `value`? */
const sets = (changes, [name, value]) => Object.hasOwn(changes, name) && changes[name] === value;

const x = (v) => (v === null || v === undefined ? '?' : `×${Number(v.toPrecision(3))}`);
const ci = (c) => (c ? `[${c.map((v) => Number(v.toPrecision(3))).join('–')}]` : '[no interval]');

function decideText(o) {
  // Decide's ratio is candidate ÷ reference; the speedup is its inverse.
  const speed = o.ratio ? x(1 / o.ratio) : '?';
  const interval = o.interval ? ci([1 / o.interval[1], 1 / o.interval[0]]) : '[unbounded]';
  return `${o.verdict}, speedup ${speed} ${interval} after ${o.runs} solves, ${(o.elapsedMs / 1000).toFixed(1)} s`;
}

/** One tuning run's lines: its ratio, its recommendation, and its rows with training beside held-out. */
function report(name, seed, s, ratio) {
  figure(`runs-ratio-${name}-${seed}`, ratio);
  const rec =
    s.recommendation?.kind === 'change'
      ? `${s.recommendation.label} ${x(s.recommendation.speedup)} ${ci(s.recommendation.ci95)}`
      : `no change (${s.recommendation?.why})`;
  console.log(
    `  ${name} seed ${seed}: ${rec}; race ${s.raceRuns} runs of ${s.fullEvaluationRuns} (${s.tuningBlocks} blocks × ${s.fullEvaluationRuns / s.tuningBlocks} candidates), ${s.heldOutRuns} held-out runs on ${s.heldOutBlocks} blocks, ${(s.wallMs / 1000).toFixed(1)} s; race ended: ${s.raceEnd}; candidates ${Object.entries(
      s.statuses,
    )
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
  );
  for (const r of s.rows)
    console.log(
      `    k=${r.k} ${r.label}: training ${x(r.training?.speedup)} ${ci(r.training?.ci95)} on ${r.training?.blocks ?? 0} blocks | held-out ${x(r.heldOut.speedup)} ${ci(r.heldOut.ci95)} ${r.heldOut.call} on ${r.heldOut.pairs} pairs`,
    );
}

/** Heuristics (see the header): Decide on FJ off, then one tuning run in the full space on the same template. */
async function heuristics(decide, tune) {
  const verdicts = [];
  for (const inst of FJ_DECIDE) {
    const o = await decide(inst, {}, { [FJ_OFF[0]]: FJ_OFF[1] });
    if (o.error) throw new Error(`Decide on ${o.model}: ${o.error}`);
    verdicts.push(o.verdict);
    console.log(`  Decide ${o.model}: ${decideText(o)}`);
  }
  figure('heuristics-decide-verdicts', verdicts.join(','));
  const s = await tune({ ...COMMON, template: KNAPSACK, space: {}, seed: 1 });
  if (s.state !== 'finished') throw new Error(`heuristics tuning run ended ${s.state}: ${s.error}`);
  report('heuristics', 1, s, s.raceRuns / s.fullEvaluationRuns);
  const label = `${FJ_OFF[0]}=${FJ_OFF[1]}`;
  const c = s.candidates.find((c) => c.label === label);
  figure(
    'heuristics-fj-off-in-race',
    c ? `${c.status} after ${c.blocks} blocks (training ${x(c.trainingSpeedup)}): ${c.why ?? ''}` : 'not a candidate',
  );
  figure(
    'heuristics-fj-off-recommended',
    s.recommendation?.kind === 'change' && sets(s.recommendation.changes, FJ_OFF) ? 'yes' : 'no',
  );
}
