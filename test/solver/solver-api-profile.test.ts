import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { direct, overComlink, fixture, req, type TestApi } from './harness';
import { timedLineKeeper, PROFILE_MAX_LINES } from '../../workers/solver-api';

const enc = (s: string) => new TextEncoder().encode(s);

// Minimise x + y + z with y ≤ 1 (cap_1), x ≤ 10 (cap_2), x + y ≥ 3 and y + z ≥ 2 (demand), x − z = 1 (balance).
// With balance x = z + 1, so the objective is 1 + y + 2z: y = 1, z = 1, x = 2 gives 4.
// Without cap: y = 2, z = 0, x = 1 gives 3. Without demand: y = z = 0, x = 1 gives 1.
// Without balance: y = 1, x = 2, z = 1 still gives 4 (y = 0 would need x = 3, z = 2: 5).
// MPS, since HiGHS's LP reader aborts on a `[` in a name (LP keeps brackets for quadratic terms).
const GROUPED_MPS = `NAME grouped
ROWS
 N  obj
 L  cap_1
 L  cap_2
 G  demand[1]
 G  demand[2]
 E  balance(1)
COLUMNS
    x  obj  1  cap_2  1
    x  demand[1]  1  balance(1)  1
    y  obj  1  cap_1  1
    y  demand[1]  1  demand[2]  1
    z  obj  1  demand[2]  1
    z  balance(1)  -1
RHS
    RHS  cap_1  1  cap_2  10
    RHS  demand[1]  3  demand[2]  2
    RHS  balance(1)  1
ENDATA
`;
const grouped = () => enc(GROUPED_MPS);

describe.each([
  ['in-thread', direct],
  ['through Comlink over a MessageChannel', overComlink],
])('solver API profile and ablation %s', (_mode, make) => {
  let api: TestApi;
  beforeAll(async () => {
    api = make();
    await api.init();
  });
  afterAll(() => api.close());

  it.each(['flugpl.mps', 'p0548.mps'])(
    'profiles %s: row groups covering every row and nonzero, memory, timed log lines',
    async (file) => {
      const r = await api.solve(req(file, fixture(file), { random_seed: 1 }, { profile: true, captureLog: false }));
      expect(r.status).toBe('optimal');
      const p = r.profile!;
      expect(p).toBeDefined();
      expect(p.rowGroups.groups.length).toBeGreaterThan(0);
      expect(p.rowGroups.groups.reduce((s, g) => s + g.rows, 0)).toBe(r.size.rows);
      expect(p.rowGroups.groups.reduce((s, g) => s + g.nnz, 0)).toBe(r.size.nnz);
      expect(p.memory.beforeReadBytes).toBeGreaterThan(0);
      expect(p.memory.beforeReadBytes).toBeLessThanOrEqual(p.memory.afterReadBytes);
      expect(p.memory.afterReadBytes).toBeLessThanOrEqual(p.memory.afterSolveBytes);
      expect(p.lines.length).toBeGreaterThan(5);
      expect(p.lines.length).toBeLessThanOrEqual(PROFILE_MAX_LINES * 2);
      for (let i = 1; i < p.lines.length; i++) expect(p.lines[i].tMs).toBeGreaterThanOrEqual(p.lines[i - 1].tMs);
      expect(p.lines[0].tMs).toBeGreaterThanOrEqual(0);
      expect(p.lines[p.lines.length - 1].tMs).toBeLessThanOrEqual(p.solveMs);
      expect(p.solveMs).toBe(r.times.solveMs);
      // Presolve's reductions line (rows, columns, nonzeros removed) is among them.
      expect(p.lines.some((l) => /Presolve.*reductions|Reductions/i.test(l.line) && /rows/.test(l.line))).toBe(true);
      // captureLog false still means no log in the result: the lines are the profile's own.
      expect(r.logTail).toEqual([]);
    },
  );

  it('groups named rows by prefix with their counts and nonzeros', async () => {
    const r = await api.solve(req('grouped.mps', grouped(), {}, { profile: true }));
    expect(r.status).toBe('optimal');
    expect(r.objective).toBeCloseTo(4, 9);
    expect(r.profile!.rowGroups).toEqual({
      unnamed: false,
      groups: [
        { prefix: 'demand', rows: 2, nnz: 4 },
        { prefix: 'cap', rows: 2, nnz: 2 },
        { prefix: 'balance', rows: 1, nnz: 2 },
      ],
    });
    expect(r.logTail.length).toBeGreaterThan(0); // the log is still captured by default
    expect(r.droppedRows).toBeUndefined();
  });

  it.each([
    ['cap', 2, 3],
    ['demand', 2, 1],
    ['balance', 1, 4],
  ])('drops the %s group (%i rows) before solving: objective %d', async (group, rows, objective) => {
    const r = await api.solve(req('grouped.mps', grouped(), {}, { dropRowGroup: group }));
    expect(r.droppedRows).toBe(rows);
    expect(r.size.rows).toBe(5 - rows);
    expect(r.status).toBe('optimal');
    expect(r.objective).toBeCloseTo(objective, 9);
    expect(r.profile).toBeUndefined();
  });

  it('profiles the model as read when it also drops a group', async () => {
    const r = await api.solve(req('grouped.mps', grouped(), {}, { dropRowGroup: 'cap', profile: true }));
    expect(r.droppedRows).toBe(2);
    expect(r.size.rows).toBe(3);
    expect(r.profile!.rowGroups.groups.map((g) => g.rows)).toEqual([2, 2, 1]);
  });

  it('fails with a message naming an unknown group', async () => {
    await expect(api.solve(req('grouped.mps', grouped(), {}, { dropRowGroup: 'nosuch' }))).rejects.toMatchObject({
      name: 'InvalidModel',
      message: expect.stringMatching(/grouped\.mps.*"nosuch"/),
    });
  });

  // Whatever core calls generated names, dropping a reported group removes exactly that group's rows.
  it.each([
    ['p0548.mps', () => fixture('p0548.mps')],
    ['flugpl.mps', () => fixture('flugpl.mps')],
    ['unnamed.lp', () => enc('Minimize\n obj: x + y\nSubject To\n x + y >= 1\n x - y <= 3\nEnd\n')],
  ])('drops exactly the rows of each group the profile of %s reports', async (file, bytes) => {
    const full = await api.solve(req(file, bytes(), {}, { profile: true, captureLog: false }));
    for (const g of full.profile!.rowGroups.groups) {
      const r = await api.solve(
        req(file, bytes(), { presolve: 'off', mip_max_nodes: 1 }, { dropRowGroup: g.prefix, captureLog: false }),
      );
      expect(r.droppedRows).toBe(g.rows);
      expect(r.size.rows).toBe(full.size.rows - g.rows);
      expect(r.size.nnz).toBe(full.size.nnz - g.nnz);
    }
  });

  it('has no profile without `profile`', async () => {
    const r = await api.solve(req('flugpl.mps', fixture('flugpl.mps')));
    expect(r.profile).toBeUndefined();
    expect(r.droppedRows).toBeUndefined();
  });
});

describe('timedLineKeeper', () => {
  const line = (i: number, text = `line ${i}`) => ({ tMs: i, line: text });
  it('keeps everything up to the limit', () => {
    const k = timedLineKeeper(10);
    for (let i = 0; i < 10; i++) k.add(line(i));
    expect(k.lines().map((l) => l.tMs)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });
  it('keeps the first and last halves and every phase marker between them, in order', () => {
    const k = timedLineKeeper(10);
    for (let i = 0; i < 1000; i++)
      k.add(
        line(i, i === 300 ? 'Presolve : Reductions: rows 1(-2)' : i === 700 ? 'Solving the presolved LP' : `x ${i}`),
      );
    const kept = k.lines().map((l) => l.tMs);
    expect(kept).toEqual([0, 1, 2, 3, 4, 300, 700, 995, 996, 997, 998, 999]);
  });
});
