// Small deterministic models that exercise HiGHS's LP and MIP code paths, so a fresh WASM
// runtime is tiered up (V8 compiles hot functions with its optimizing tier) before timed work.

/** A tiny seeded PRNG (mulberry32): the same seed gives the same model everywhere. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A multi-dimensional knapsack in CPLEX LP text: `n` variables, `m` capacity rows.
 * As a MIP (integer) it runs presolve, cuts, heuristics and branch-and-bound; as an LP the dual simplex.
 */
export function knapsackLp(n: number, m: number, seed: number, integer: boolean): string {
  const rnd = mulberry32(seed);
  const lines: string[] = ['Maximize', ' obj:'];
  const profit: string[] = [];
  for (let j = 0; j < n; j++) profit.push(`${(1 + Math.floor(rnd() * 50)).toString()} x${j}`);
  lines.push('  ' + profit.join(' + '));
  lines.push('Subject To');
  for (let i = 0; i < m; i++) {
    const terms: string[] = [];
    let total = 0;
    for (let j = 0; j < n; j++) {
      if (rnd() < 0.6) {
        const w = 1 + Math.floor(rnd() * 40);
        total += w;
        terms.push(`${w} x${j}`);
      }
    }
    if (terms.length === 0) terms.push(`1 x${i % n}`);
    lines.push(` c${i}: ${terms.join(' + ')} <= ${Math.max(1, Math.floor(total / 3))}`);
  }
  lines.push('Bounds');
  for (let j = 0; j < n; j++) lines.push(` 0 <= x${j} <= 1`);
  if (integer) {
    lines.push('General');
    for (let j = 0; j < n; j++) lines.push(` x${j}`);
  }
  lines.push('End', '');
  return lines.join('\n');
}

/** A transportation LP (s sources × d sinks) in LP text: a well-conditioned simplex workload. */
export function transportLp(s: number, d: number, seed: number): string {
  const rnd = mulberry32(seed);
  const supply = Array.from({ length: s }, () => 50 + Math.floor(rnd() * 100));
  const total = supply.reduce((a, b) => a + b, 0);
  const demand = Array.from({ length: d }, () => Math.floor((total * 0.9) / d));
  const cost: string[] = [];
  for (let i = 0; i < s; i++)
    for (let j = 0; j < d; j++) cost.push(`${(1 + Math.floor(rnd() * 20)).toString()} t${i}_${j}`);
  const lines = ['Minimize', ' obj: ' + cost.join(' + '), 'Subject To'];
  for (let i = 0; i < s; i++) {
    const row = Array.from({ length: d }, (_, j) => `t${i}_${j}`).join(' + ');
    lines.push(` s${i}: ${row} <= ${supply[i]}`);
  }
  for (let j = 0; j < d; j++) {
    const col = Array.from({ length: s }, (_, i) => `t${i}_${j}`).join(' + ');
    lines.push(` d${j}: ${col} >= ${demand[j]}`);
  }
  lines.push('End', '');
  return lines.join('\n');
}

/** The warm-up set: LP (simplex), MIP (branch and cut) and the same LP by IPM. */
export function warmupModels(): { name: string; text: string; options: Record<string, string | number | boolean> }[] {
  return [
    { name: 'warmup-transport', text: transportLp(30, 40, 1), options: {} },
    { name: 'warmup-knapsack', text: knapsackLp(60, 12, 2, true), options: {} },
    { name: 'warmup-transport-ipm', text: transportLp(15, 20, 3), options: { solver: 'ipm' } },
  ];
}
