// The command line's entry (bundled to cli.mjs by ./bundle.ts; bin/highs-workbench.mjs runs it): the process's
// streams and environment, and Ctrl-C / SIGTERM as an abort signal, so a long command stops cleanly and keeps
// what finished (a second Ctrl-C ends the process at once).
import { main } from './cli/main';

/** Runs `highs-workbench` with these arguments in this process; resolves to the exit code. */
export async function run(argv: readonly string[]): Promise<number> {
  const controller = new AbortController();
  const stop = (signal: NodeJS.Signals) => {
    if (controller.signal.aborted) process.exit(130);
    process.stderr.write(`\n${signal}: stopping; what finished is kept (again to quit at once)\n`);
    controller.abort();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  try {
    return await main(argv, {
      stdout: process.stdout,
      stderr: process.stderr,
      env: process.env,
      cwd: process.cwd(),
      signal: controller.signal,
    });
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  }
}
