// The command line run in this process for the tests: main() with its output captured, and a report file read
// back with core's reader (a test fails with the reader's errors when the file is not a valid report).
import { readFileSync } from 'node:fs';
import { parseReport, type Report } from '../../src/core/report';
import type { CliIo } from '../../src/node/cli/io';
import { main } from '../../src/node/cli/main';

/** Runs `highs-workbench args` in this process; its exit code and what it wrote to stdout and stderr. */
export async function runCli(
  args: string[],
  o: { cwd: string; env?: Record<string, string>; signal?: AbortSignal },
): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = {
    stdout: { write: (t: string) => (out += t) },
    stderr: { write: (t: string) => (err += t) },
    env: o.env ?? {},
    cwd: o.cwd,
    signal: o.signal ?? new AbortController().signal,
  };
  const code = await main(args, io);
  return { code, out, err };
}

/** A report file read by core's parseReport; throws its errors when it is not valid. */
export function readReportFile(path: string): Report {
  const r = parseReport(readFileSync(path, 'utf8'));
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.report;
}
