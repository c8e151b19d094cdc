// Issue 17 figures (`npm run bench -- decide [--quick] [--only=aa,strategy,planted]`), on real solves in one
// Chromium run against the built app, through the same Decide runner as the run view (src/state/decide-runner.ts,
// reached under `?bench` as __workbenchBench.tuning.decide) on a pool of 2 warm workers:
//   aa-called-share: of 100 A/A decisions (both sides HiGHS defaults) on small library models, the share called
//     faster or slower (goal ≤ 0.05; the rule's guarantee is ≤ α = 0.05 however long it runs). Budget 100
//     solves (50 pairs) or 30 s each; the shares of equivalent and undecided beside it;
//   decide-runs-25fv47-simplex4-median: solves Decide needs for 25fv47 with simplex_strategy=4 against the
//     default (about 1.45× slower), over 5 decisions, with their verdicts and ratios;
//   decide-runs-planted-10pct-median: the same for 25fv47 defaults against itself with the candidate's measured
//     times multiplied by 1.10 (a planted 10 % difference on real solve-time noise).
// Wall times are reported, never asserted.
import { serveApp, launch, median, figure, appPage, poolOf, QUICK, part } from './browser.mjs';

const AA_DECISIONS = QUICK ? 20 : 100;
const AA_MODELS = ['afiro.mps', 'blending.mps', 'adlittle.mps', 'flugpl.mps', 'israel.mps', 'scrs8.mps', 'e226.mps'];
const AA_BUDGET = { maxRuns: 100, maxSeconds: 30 };
const MEDIUM_DECISIONS = QUICK ? 2 : 5;
const MEDIUM_BUDGET = { maxRuns: 400, maxSeconds: 300 };

export default async function main() {
  const app = await serveApp();
  const browser = await launch();
  try {
    const { page } = await appPage(browser, app.url);
    await poolOf(page, 2);
    const decide = (file, ref, cand, settings, plant) =>
      page.evaluate(
        ([f, r, c, s, p]) => globalThis.__workbenchBench.tuning.decide(f, r, c, s, p),
        [file, ref, cand, settings, plant],
      );
    if (part('aa')) await aa(decide);
    if (part('strategy'))
      await medium(decide, 'decide-runs-25fv47-simplex4', '25fv47.mps', {}, { simplex_strategy: 4 }, 1);
    if (part('planted')) await medium(decide, 'decide-runs-planted-10pct', '25fv47.mps', {}, {}, 1.1);
  } finally {
    await browser.close();
    await app.close();
  }
}

/** A/A decisions, rotating over small library models. */
async function aa(decide) {
  const tally = { faster: 0, slower: 0, equivalent: 0, undecided: 0 };
  const runs = [];
  const t0 = performance.now();
  for (let i = 0; i < AA_DECISIONS; i++) {
    const file = AA_MODELS[i % AA_MODELS.length];
    const o = await decide(file, {}, {}, AA_BUDGET, 1);
    if (o.error) throw new Error(`A/A decision ${i} on ${file}: ${o.error}`);
    tally[o.verdict]++;
    runs.push(o.runs);
    if (o.verdict === 'faster' || o.verdict === 'slower')
      console.log(`  A/A ${file}: called ${o.verdict} (×${o.ratio.toFixed(3)}) after ${o.runs} solves`);
  }
  figure('aa-decisions', AA_DECISIONS);
  figure('aa-called-share', (tally.faster + tally.slower) / AA_DECISIONS);
  figure('aa-equivalent-share', tally.equivalent / AA_DECISIONS);
  figure('aa-undecided-share', tally.undecided / AA_DECISIONS);
  figure('aa-runs-median', median(runs));
  figure('aa-wall-s', (performance.now() - t0) / 1000);
}

/** Repeated decisions of one comparison on a medium model: the runs each needed. */
async function medium(decide, name, file, ref, cand, plant) {
  const runs = [];
  const verdicts = [];
  const ratios = [];
  for (let i = 0; i < MEDIUM_DECISIONS; i++) {
    const o = await decide(file, ref, cand, MEDIUM_BUDGET, plant);
    if (o.error) throw new Error(`${name} decision ${i}: ${o.error}`);
    runs.push(o.runs);
    verdicts.push(o.verdict);
    ratios.push(o.ratio);
    console.log(
      `  ${name}: ${o.verdict} ×${o.ratio.toFixed(3)} (95 % ${o.interval ? o.interval.map((x) => x.toFixed(3)).join('–') : 'unbounded'}) after ${o.runs} solves, ${(o.elapsedMs / 1000).toFixed(1)} s`,
    );
  }
  figure(`${name}-median`, median(runs));
  figure(`${name}-range`, `${Math.min(...runs)}–${Math.max(...runs)}`);
  figure(`${name}-verdicts`, verdicts.join(','));
  figure(`${name}-ratio-median`, median(ratios));
}
