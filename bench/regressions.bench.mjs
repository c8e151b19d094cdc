// Issue 8 figures (`npm run bench -- regressions [--quick]`), measured in one Chromium run against the
// built app (`?bench` exposes src/app/bench-hooks.ts as __workbenchBench):
//   false-regressions: the #/benchmark editor's Quick start benchmark run once through the app, a baseline
//     of every template × option set taken from it (core baselineFrom), the same benchmark rerun RERUNS
//     times and each rerun checked against those baselines (core checkAgainstBaseline in the summary
//     worker, as #/regressions checks): how many template verdicts are `regressed` or `wrong` (goal 0);
//     beside it each verdict's count and how many carried the noise label;
//   planted-regressions-caught: (1) per template, a "new solver version 1.5× slower": the Quick start with 3
//     repetitions (6 runs per model and set), its defaults baseline marked as made on another solver version
//     (so the counters do not decide, core/decision's rule does) and a rerun's times multiplied by 1.5:
//     caught when the template's verdict is `regressed`; (2) per template, a rerun with one run's objective
//     (and MIP dual bound) moved far beyond the tolerance: caught when the verdict is `wrong` (goal all);
//     beside it, the Quick start's own presolve-off set against its defaults baseline (other options: time
//     decides; 2 runs per model are too few for the rule, so `inconclusive` is the honest verdict);
//   restore-10000-ms / restore-10000-longtasks: a backup holding a synthetic benchmark of 10,000 runs,
//     restored as the storage panel does (StorageState.choose: read and validate in the summary worker;
//     confirm: restoreAll in one transaction, until it is on disk): wall ms (median of RESTORES restores,
//     read + restore) and the page's main-thread tasks over 50 ms during all of them (goal 0);
//     longtasks-idle-control: the same page idle for as long.
// Wall times are reported, never asserted.
import {
  serveApp,
  launch,
  median,
  figure,
  appPage,
  poolOf,
  runApp,
  startLongTasks,
  stopLongTasks,
  QUICK,
} from './browser.mjs';
import { SETS, syntheticBenchmark } from './synthetic.mjs';

const RERUNS = 5;
const RESTORES = QUICK ? 1 : 3;
const RESTORE_RUNS = 10_000;

const check = (page, baseline, data, optionSetId) =>
  page.evaluate(([b, d, o]) => globalThis.__workbenchBench.checkRegression(b, d, o), [baseline, data, optionSetId]);

const kinds = (data) => Object.fromEntries(data.models.map((m) => [m.id, m]));

async function regressionFigures(page) {
  await poolOf(page, 2);
  const def = await page.evaluate(() => globalThis.__workbenchBench.defaultDefinition(2));
  const reference = await runApp(page, def);
  const reruns = [];
  for (let i = 0; i < RERUNS; i++) reruns.push(await runApp(page, def));
  const failed = [reference, ...reruns].flatMap((b) => b.runs).filter((r) => r.error !== null).length;
  console.log(
    `  Quick start: ${def.templates.map((t) => t.id).join(' + ')}, ${reference.models.length} models × ${def.optionSets.length} option sets × seeds ${def.config.seeds.join(',')} = ${reference.runs.length} runs, run ${1 + RERUNS} times (${failed} failed runs); wall ${[reference, ...reruns].map((b) => b.wallMs.toFixed(0)).join(', ')} ms`,
  );

  // False regressions: each rerun against its own baselines.
  const rows = await page.evaluate(
    ([ref, rr]) => globalThis.__workbenchBench.checkAgainstOwnBaseline(ref, rr),
    [reference, reruns],
  );
  const tally = {};
  let noise = 0;
  let modelNoise = 0;
  for (const r of rows) {
    tally[r.verdict] = (tally[r.verdict] ?? 0) + 1;
    if (r.label) noise++;
    modelNoise += r.models.filter((m) => m.label).length;
    if (r.verdict === 'regressed' || r.verdict === 'wrong' || r.verdict === 'inconclusive')
      console.log(`  rerun ${r.rerun} ${r.template}/${r.optionSetId}: ${r.verdict} — ${r.reasons.join(' | ')}`);
  }
  const falseRegressions = (tally.regressed ?? 0) + (tally.wrong ?? 0);
  console.log(
    `  own baseline: ${rows.length} checks (${RERUNS} reruns × ${rows.length / RERUNS} template × option set baselines), ${rows.reduce((n, r) => n + r.models.length, 0)} model verdicts, ${modelNoise} of them labelled "likely machine noise"`,
  );
  figure('false-regressions', falseRegressions);
  for (const v of ['regressed', 'wrong', 'inconclusive', 'improved', 'unchanged'])
    figure(`false-regressions-verdict-${v}`, tally[v] ?? 0);
  figure('false-regressions-noise-labelled', noise);

  // Planted regressions.
  const baselines = await page.evaluate((d) => globalThis.__workbenchBench.baselinesOf(d), reference);
  const defaultsBaseline = (t) => baselines.find((b) => b.template === t && b.optionSet.name === SETS[0].name);
  const templates = [...new Set(reference.models.map((m) => m.template))];
  const caught = [];
  for (const t of templates) {
    const other = await check(page, defaultsBaseline(t), reruns[0], 'no-presolve');
    console.log(
      `  presolve off against the defaults, ${t}: ${other.verdict} (${other.models.map((m) => `${m.modelName} ${m.verdict}: ${m.time?.decision.label ?? ''}`).join(', ')})`,
    );
  }
  // A slower solver version: 3 repetitions so each model has 6 runs a side, times ×1.5, counters unchanged.
  const def3 = { ...def, id: `${def.id}-reps3`, config: { ...def.config, repetitions: 3 } };
  const ref3 = await runApp(page, def3);
  const rerun3 = await runApp(page, def3);
  const base3 = await page.evaluate((d) => globalThis.__workbenchBench.baselinesOf(d), ref3);
  for (const t of templates) {
    const baseline = structuredClone(base3.find((b) => b.template === t && b.optionSet.name === SETS[0].name));
    baseline.solver.version = `${baseline.solver.version}-previous`;
    const slower = structuredClone(rerun3);
    for (const r of slower.runs) r.timeMs *= 1.5;
    const slow = await check(page, baseline, slower, SETS[0].id);
    console.log(
      `  planted 1.5× slower solver version, ${t}: ${slow.verdict} (${slow.models.map((m) => `${m.modelName} ${m.verdict} ×${m.time?.ratio?.toFixed(2)}`).join(', ')})`,
    );
    caught.push({ what: `1.5× slower version on ${t}`, ok: slow.verdict === 'regressed' });
  }
  const byId = kinds(reference);
  for (const t of templates) {
    const data = structuredClone(reruns[1]);
    const i = data.runs.findIndex(
      (r) =>
        r.optionSetId === SETS[0].id &&
        byId[r.modelId].template === t &&
        r.status === 'optimal' &&
        r.objective !== null,
    );
    const r = data.runs[i];
    const before = r.objective;
    r.objective = before + Math.max(1, Math.abs(before) * 0.1);
    if (r.mipDualBound !== null) r.mipDualBound = r.objective;
    const wrong = await check(page, defaultsBaseline(t), data, SETS[0].id);
    console.log(
      `  planted objective change, ${t}: ${byId[r.modelId].name} seed ${r.seed} ${before} → ${r.objective}: ${wrong.verdict} — ${wrong.reasons.slice(0, 2).join(' | ')}`,
    );
    caught.push({ what: `objective changed on ${t}`, ok: wrong.verdict === 'wrong' });
  }
  const missed = caught.filter((c) => !c.ok).map((c) => c.what);
  if (missed.length) console.log(`  missed: ${missed.join(', ')}`);
  figure('planted-regressions-caught', `${caught.length - missed.length}/${caught.length}`);
}

async function restoreFigures(browser, url) {
  const { ctx, page } = await appPage(browser, url); // a fresh context: its database holds only this backup
  const data = syntheticBenchmark(RESTORE_RUNS, { id: 'synthetic-restore', faults: false });
  const bytes = await page.evaluate(async (d) => {
    globalThis.__backupText = await globalThis.__workbenchBench.backupTextWith(d);
    return new TextEncoder().encode(globalThis.__backupText).byteLength;
  }, data);
  const outcomes = [];
  const long = [];
  for (let k = 0; k < RESTORES; k++) {
    // Something else stored first, so each restore replaces a changed database.
    await page.evaluate(() => globalThis.__workbenchBench.services.benchmarks.deleteBenchmark('synthetic-restore'));
    await page.waitForTimeout(1000);
    await startLongTasks(page);
    const o = await page.evaluate(() => globalThis.__workbenchBench.restoreBackup(globalThis.__backupText));
    long.push(...(await stopLongTasks(page)));
    if (!o.ok) throw new Error(`the restore failed: ${o.error}`);
    const stored = await page.evaluate(
      async () => (await globalThis.__workbenchBench.services.benchmarks.listRuns('synthetic-restore')).length,
    );
    if (stored !== data.runs.length)
      throw new Error(`${stored} runs stored after the restore, not ${data.runs.length}`);
    outcomes.push(o);
  }
  const total = outcomes.map((o) => o.readMs + o.restoreMs);
  const idleMs = median(total);
  await startLongTasks(page);
  await page.waitForTimeout(idleMs);
  const idle = await stopLongTasks(page);
  const c = outcomes[0].counts;
  console.log(
    `  restore: backup of ${(bytes / 2 ** 20).toFixed(1)} MiB (${c.benchmarkRuns} benchmark runs, ${c.benchmarks} benchmarks, ${c.runs} history runs), restored ${RESTORES}×: read + validate ${outcomes.map((o) => o.readMs.toFixed(0)).join(', ')} ms, restore ${outcomes.map((o) => o.restoreMs.toFixed(0)).join(', ')} ms; long tasks ${long.map((d) => d.toFixed(0)).join(', ') || 'none'}; idle page for as long: ${idle.map((d) => d.toFixed(0)).join(', ') || 'none'}`,
  );
  figure('restore-10000-ms', median(total));
  figure('restore-10000-read-ms', median(outcomes.map((o) => o.readMs)));
  figure('restore-10000-write-ms', median(outcomes.map((o) => o.restoreMs)));
  figure('restore-10000-longtasks', long.length);
  figure('longtasks-idle-control', idle.length);
  await ctx.close();
}

export default async function run() {
  const t0 = performance.now();
  const app = await serveApp();
  const browser = await launch();
  try {
    const { ctx, page } = await appPage(browser, app.url);
    await regressionFigures(page);
    await ctx.close();
    await restoreFigures(browser, app.url);
  } finally {
    await browser.close();
    await app.close();
  }
  console.log(`  (bench took ${((performance.now() - t0) / 1000).toFixed(0)} s${QUICK ? ', --quick' : ''})`);
}
