// One quiet HiGHS runtime for the tests of a file that call HiGHS directly (to show what HiGHS itself
// makes of a text), loaded once on import instead of once per test file's own beforeAll.
import { loadQuietHighs } from '../../workers/load-highs';

/** The shared runtime (top-level await: ready when the importing test file runs). */
export const highs = await loadQuietHighs();

/** HiGHS kHighsModelStatus codes the tests compare with. */
export const STATUS = { empty: 6, optimal: 7, infeasible: 8, unbounded: 10 } as const;

/** UTF-8 bytes of a text, as a file would hold them. */
export const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
