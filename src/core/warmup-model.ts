// Small deterministic models that exercise HiGHS's LP and MIP code paths, so a fresh WASM
// runtime is tiered up (V8 compiles hot functions with its optimizing tier) before timed work.

/** A tiny seeded PRNG (mulberry32): the same seed gives the same model everywhere. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    const [value, next] = mulberry32Step(a);
    a = next;
    return value;
  };
}

/** One mulberry32 step from a state: the value in [0, 1) and the next state (for generators whose state is data, e.g. the tuner's JSON race). */
export function mulberry32Step(state: number): [value: number, next: number] {
  const a = (state + 0x6d2b79f5) >>> 0;
  let t = a;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return [((t ^ (t >>> 14)) >>> 0) / 4294967296, a];
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

/**
 * The warm-up set, cycled until a time budget is spent: general LPs by dual and primal simplex and
 * by IPM, and small knapsack MIPs (which run presolve, cuts, heuristics and branching). Measured in
 * Node: ~1 s of this brings the first solve of 25fv47/bell5 to 1.1–1.2× a warm solve (6×/4× cold).
 */
export function warmupModels(): { name: string; text: string; options: Record<string, string | number | boolean> }[] {
  return [
    { name: 'warmup-lp-dual', text: randomLp(300, 420, 5, 1), options: {} },
    { name: 'warmup-knapsack-a', text: knapsackLp(35, 8, 2, true), options: {} },
    { name: 'warmup-lp-primal', text: randomLp(300, 420, 5, 2), options: { simplex_strategy: 4 } },
    { name: 'warmup-knapsack-b', text: knapsackLp(35, 8, 3, true), options: {} },
    { name: 'warmup-lp-ipm', text: randomLp(150, 200, 5, 3), options: { solver: 'ipm' } },
  ];
}

/**
 * A random sparse LP, feasible and bounded by construction: `m` rows (mixed ≤, ≥, =, ranged),
 * `n` boxed columns, about `perCol` nonzeros a column with mixed signs — closer to real LPs than
 * the transportation model, so dual and primal simplex do real pricing, ratio tests and refactorizations.
 */
export function randomLp(m: number, n: number, perCol: number, seed: number): string {
  const rnd = mulberry32(seed);
  const x0 = Array.from({ length: n }, () => rnd() * 10);
  const rows: { j: number; a: number }[][] = Array.from({ length: m }, () => []);
  for (let j = 0; j < n; j++) {
    for (let k = 0; k < perCol; k++) {
      const i = Math.floor(rnd() * m);
      if (rows[i].some((t) => t.j === j)) continue;
      rows[i].push({ j, a: Math.round((rnd() * 20 - 10) * 100) / 100 || 1 });
    }
  }
  const cost = Array.from({ length: n }, () => Math.round((rnd() * 20 - 8) * 100) / 100);
  const lines = [
    'Minimize',
    ' obj: ' + cost.map((c, j) => `${c >= 0 ? '+' : '-'} ${Math.abs(c)} x${j}`).join(' '),
    'Subject To',
  ];
  rows.forEach((terms, i) => {
    if (terms.length === 0) terms.push({ j: i % n, a: 1 });
    const act = terms.reduce((s, t) => s + t.a * x0[t.j], 0);
    const lhs = terms.map((t) => `${t.a >= 0 ? '+' : '-'} ${Math.abs(t.a)} x${t.j}`).join(' ');
    const kind = i % 4;
    const r = (v: number) => Math.round(v * 1000) / 1000;
    if (kind === 0) lines.push(` r${i}: ${lhs} <= ${r(act + 1 + rnd() * 5)}`);
    else if (kind === 1) lines.push(` r${i}: ${lhs} >= ${r(act - 1 - rnd() * 5)}`);
    else if (kind === 2) lines.push(` r${i}: ${lhs} = ${r(act)}`);
    else lines.push(` r${i}: ${r(act - 2)} <= ${lhs} <= ${r(act + 2)}`);
  });
  lines.push('Bounds');
  for (let j = 0; j < n; j++) lines.push(` -5 <= x${j} <= 20`);
  lines.push('End', '');
  return lines.join('\n');
}
