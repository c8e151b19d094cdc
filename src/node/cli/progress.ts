// Progress of a long command on stderr: on a terminal a bar with counts and the time left, redrawn in place at
// most 10 times a second; otherwise (a CI log, a pipe) one JSON line per second and at every change of state,
// which a machine can read and a log keeps short.
import { formatCountdown } from '../../core/eta';
import type { CliIo } from './io';

/** What a progress line shows. */
export interface ProgressFigures {
  state: string;
  done: number;
  total: number;
  failures?: number;
  etaMs: number | null;
  /** A phase in words (e.g. a warm-up), or null. */
  warmup?: string | null;
}

/** A progress reporter: `update` as things change, `done` once at the end. */
export interface ProgressReporter {
  update(p: ProgressFigures): void;
  done(p: ProgressFigures): void;
}

const BAR = 28;

/** The bar line of a terminal: `[#####.....] 120/400 runs, 2 failed, about 1 min left`. */
export function barLine(p: ProgressFigures): string {
  const share = p.total > 0 ? Math.min(1, p.done / p.total) : 0;
  const filled = Math.round(share * BAR);
  const eta =
    p.state === 'running'
      ? p.etaMs === null
        ? ', estimating the time left'
        : `, about ${formatCountdown(p.etaMs)} left`
      : '';
  const failed = p.failures ? `, ${p.failures} failed` : '';
  const phase = p.warmup ? ` (${p.warmup})` : '';
  return `[${'#'.repeat(filled)}${'.'.repeat(BAR - filled)}] ${p.done}/${p.total} runs${failed}${eta}${phase} ${p.state}`;
}

/** The reporter for this process's stderr (see the top of this file). */
export function progressReporter(io: CliIo, command: string, now: () => number = Date.now): ProgressReporter {
  const tty = io.stderr.isTTY === true;
  let last = 0;
  let lastState = '';
  let width = 0;
  const line = (p: ProgressFigures) =>
    JSON.stringify({ command, ...p, failures: p.failures ?? 0, warmup: p.warmup ?? null });
  return {
    update(p) {
      const t = now();
      const changed = p.state !== lastState;
      if (!changed && t - last < (tty ? 100 : 1000)) return;
      last = t;
      lastState = p.state;
      if (tty) {
        const text = barLine(p);
        io.stderr.write(`\r${text}${' '.repeat(Math.max(0, width - text.length))}`);
        width = text.length;
      } else io.stderr.write(`${line(p)}\n`);
    },
    done(p) {
      if (tty) io.stderr.write(`\r${barLine(p)}${' '.repeat(Math.max(0, width - barLine(p).length))}\n`);
      else io.stderr.write(`${line(p)}\n`);
    },
  };
}
