// The one path from a solve's outcome to a stored run (src/state/record-solve.ts), used by the run view's solve,
// the tuning batches and the tuner: judged, recorded (solved or failed) and stored alike.
import { describe, expect, it } from 'vitest';
import type { RunContext, RunRecord } from '../../src/core/run-record';
import { afiroFacts } from '../helpers/solve-facts';
import { recordSolve, type SolveOutcome } from '../../src/state/record-solve';

const CTX: RunContext = {
  createdAt: 1_700_000_000_000,
  modelId: 'a'.repeat(64),
  modelName: 'afiro.mps',
  origin: 'library',
  options: { presolve: 'off' },
  knownObjective: -464.75314285714285,
  expectedStatus: 'optimal',
  highsVersion: '1.15.1',
};

const facts = afiroFacts;

/** A store that gives ids, or refuses (null) when `full`. */
function store(full = false) {
  const kept: RunRecord[] = [];
  const put = async (run: RunRecord) => {
    if (full) return null;
    const stored = { ...run, id: kept.length + 1 };
    kept.push(stored);
    return stored;
  };
  return { kept, put };
}

describe('recordSolve', () => {
  it.each<{ what: string; outcome: SolveOutcome; verdict: string; error: string | null; check: boolean }>([
    {
      what: 'a result matching the known optimum',
      outcome: { result: facts() },
      verdict: 'verified',
      error: null,
      check: true,
    },
    {
      what: 'a result off the known optimum',
      outcome: { result: facts({ objective: -400 }) },
      verdict: 'wrong',
      error: null,
      check: true,
    },
    {
      what: 'a misread file (lines HiGHS ignored)',
      outcome: { result: facts({ misread: ['t.mps: HiGHS ignored line 8 …'] }) },
      verdict: 'suspect',
      error: null,
      check: true,
    },
    {
      what: 'a failure',
      outcome: { error: { name: 'Timeout', message: 'past its deadline' }, elapsedMs: 1234 },
      verdict: 'failed',
      error: 'Timeout',
      check: false,
    },
  ])('$what: judged, recorded and stored', async ({ outcome, verdict, error, check }) => {
    const s = store();
    const r = await recordSolve(CTX, outcome, s.put);
    expect(r.record.verdict).toBe(verdict);
    expect(r.record.error?.name ?? null).toBe(error);
    expect(r.record).toMatchObject({ modelId: CTX.modelId, options: CTX.options, seed: 0, highsVersion: '1.15.1' });
    expect(r.check === null).toBe(!check);
    if (r.check) expect(r.check.verdict).toBe(verdict);
    expect(s.kept).toHaveLength(1);
    expect(r.run).toEqual(s.kept[0]);
  });

  it('a failure keeps its elapsed time and how it was cancelled', async () => {
    const r = await recordSolve(
      CTX,
      { error: { name: 'Cancelled', message: 'by the user' }, elapsedMs: 42, cancelMode: 'terminated' },
      store().put,
    );
    expect(r.record.times.solveMs).toBe(42);
    expect(r.record.cancelMode).toBe('terminated');
  });

  it('a store that cannot keep the run gives run null, the record still built', async () => {
    const r = await recordSolve(CTX, { result: facts() }, store(true).put);
    expect(r.run).toBeNull();
    expect(r.record.verdict).toBe('verified');
  });
});
