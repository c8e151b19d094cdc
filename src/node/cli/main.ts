// `highs-workbench`: the workbench's benchmarks, checks, merges, comparisons and tuning without a browser, from
// the same core, pool and worker code as the app. Each command reads its arguments with node:util's parseArgs
// (strict: an unknown option is an error), prints `--help`, and exits 0 on success, 1 on a regression, 2 on a
// wrong answer, 3 on bad input (the message names the file and the field).
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { EXIT, HeadlessInputError } from '../../core/headless';
import type { CliIo } from './io';
import { benchCommand } from './bench';
import { checkCommand, compareCommand, mergeCommand } from './report-commands';
import { tuneCommand } from './tune';

/** A command: its usage text and what it does with its parsed arguments. */
interface Command {
  usage: string;
  options: NonNullable<ParseArgsConfig['options']>;
  run(
    values: Record<string, string | boolean | string[] | undefined>,
    positionals: string[],
    io: CliIo,
  ): Promise<number>;
}

/** The commands, in the order --help lists them. */
const COMMANDS: Record<string, Command> = {
  bench: {
    usage: `highs-workbench bench CONFIG --out REPORT [--shard I/N] [--workers N] [--resume] [--state DIR]

  Runs a benchmark configuration (the editor's "Export configuration", or one written by hand: models from the
  library, the generators, or files named relative to CONFIG, hashed and checked as the app does) on N worker
  threads (default 1) and writes the report. --shard I/N runs only shard I of N (a report to merge later). The
  runs are kept in DIR (default REPORT.state) as they finish: Ctrl-C stops and keeps them, --resume runs only
  what is missing. Progress on stderr: a bar on a terminal, JSON lines otherwise.
  Exit: 0 the report is written; 130 stopped; 3 bad input.`,
    options: {
      out: { type: 'string' },
      shard: { type: 'string' },
      workers: { type: 'string' },
      resume: { type: 'boolean' },
      state: { type: 'string' },
    },
    run: (v, p, io) => {
      const [config, ...rest] = p;
      if (!config || rest.length > 0) throw new HeadlessInputError('bench: give one CONFIG file');
      if (typeof v.out !== 'string') throw new HeadlessInputError('bench: --out REPORT is required');
      return benchCommand(
        {
          config,
          out: v.out,
          shard: v.shard as string | undefined,
          workers: v.workers === undefined ? undefined : numberOption('--workers', v.workers as string),
          resume: v.resume === true,
          state: v.state as string | undefined,
        },
        io,
      );
    },
  },
  tune: {
    usage: `highs-workbench tune CONFIG --out RESULT [--workers N] [--resume] [--state DIR]

  The racing tuner of #/tune, headless: CONFIG is a tuner configuration (format "highs-workbench/tuner-config":
  name, settings — template, baseline, space, budget, seeds, time limit, tuner seed, held-out share — and, for a
  files template, "paths" relative to CONFIG). The run is kept in DIR (default RESULT.state) as it goes: Ctrl-C
  stops and keeps it, --resume goes on from it. RESULT is a report carrying the tuning run (import it in
  #/reports; it shows in #/tune). Exit: 0 the result is written; 130 stopped; 3 bad input.`,
    options: {
      out: { type: 'string' },
      workers: { type: 'string' },
      resume: { type: 'boolean' },
      state: { type: 'string' },
    },
    run: (v, p, io) => {
      const [config, ...rest] = p;
      if (!config || rest.length > 0) throw new HeadlessInputError('tune: give one CONFIG file');
      if (typeof v.out !== 'string') throw new HeadlessInputError('tune: --out RESULT is required');
      return tuneCommand(
        {
          config,
          out: v.out,
          workers: v.workers === undefined ? undefined : numberOption('--workers', v.workers as string),
          resume: v.resume === true,
          state: v.state as string | undefined,
        },
        io,
      );
    },
  },
  check: {
    usage: `highs-workbench check REPORT --baseline FILE [--template T] [--option-set S] [--threshold P]
                      [--markdown FILE] [--bmf FILE]

  Checks REPORT against a baseline with the rules of #/regressions. FILE is a report (its benchmarks' runs
  of the option set S, default the reference set, per template) or a backup of the app (its stored
  baselines). Writes a Markdown table to --markdown and, when $GITHUB_STEP_SUMMARY is set, to the job
  summary; Bencher's metric format to --bmf.
  Exit: 0 unchanged, improved or inconclusive; 1 regressed; 2 a wrong answer; 3 bad input.`,
    options: {
      baseline: { type: 'string' },
      template: { type: 'string' },
      'option-set': { type: 'string' },
      threshold: { type: 'string' },
      markdown: { type: 'string' },
      bmf: { type: 'string' },
    },
    run: (v, p, io) => {
      const [report, ...rest] = p;
      if (!report || rest.length > 0) throw new HeadlessInputError('check: give one REPORT');
      if (typeof v.baseline !== 'string') throw new HeadlessInputError('check: --baseline FILE is required');
      return checkCommand(
        {
          report,
          baseline: v.baseline,
          template: v.template as string | undefined,
          optionSet: v['option-set'] as string | undefined,
          thresholdPct: v.threshold === undefined ? undefined : numberOption('--threshold', v.threshold as string),
          markdown: v.markdown as string | undefined,
          bmf: v.bmf as string | undefined,
        },
        io,
      );
    },
  },
  merge: {
    usage: `highs-workbench merge SHARD... --out REPORT

  Merges the reports of the shards of one benchmark (\`bench --shard I/N\`) into one report. Refuses shards of
  other definitions, plans or solver versions, and missing or duplicate shards. Exit 0, or 3 on bad input.`,
    options: { out: { type: 'string' } },
    run: (v, p, io) => {
      if (typeof v.out !== 'string') throw new HeadlessInputError('merge: --out REPORT is required');
      return mergeCommand({ shards: p, out: v.out }, io);
    },
  },
  compare: {
    usage: `highs-workbench compare A B [--markdown FILE]

  The report comparison of #/reports: report B's benchmark against report A's (A is the baseline), matched by
  model SHA-256 and option values; reports from different environments are compared and flagged.`,
    options: { markdown: { type: 'string' } },
    run: (v, p, io) => {
      if (p.length !== 2) throw new HeadlessInputError('compare: give two reports, A and B');
      return compareCommand({ a: p[0], b: p[1], markdown: v.markdown as string | undefined }, io);
    },
  },
};

/** Adds a command (bench, tune, serve live in their own modules, which need the pool and the stores). */
export function addCommand(name: string, command: Command): void {
  COMMANDS[name] = command;
}

/** A number option, or HeadlessInputError naming it. */
export function numberOption(name: string, text: string): number {
  const n = Number(text);
  if (text.trim() === '' || !Number.isFinite(n))
    throw new HeadlessInputError(`${name}: expected a number, got "${text}"`);
  return n;
}

const USAGE = () => `highs-workbench: HiGHS Workbench's benchmarks without a browser

  highs-workbench COMMAND [options]      (from a clone after npm ci: npx highs-workbench …)

Commands:
${Object.entries(COMMANDS)
  .map(([name, c]) => `  ${name.padEnd(9)}${c.usage.split('\n\n')[1]?.trim().split('\n')[0] ?? ''}`)
  .join('\n')}

  highs-workbench COMMAND --help       the command's options
Exit: 0 ok; 1 regressed; 2 a wrong answer; 3 bad input.
`;

/** Runs the command line; resolves to the exit code. Never throws: bad input is printed and exits 3. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(USAGE());
    return name ? EXIT.ok : EXIT.badInput;
  }
  if (name === '--version') {
    io.stdout.write(`${APP_VERSION}\n`);
    return EXIT.ok;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.stderr.write(`highs-workbench: no command "${name}" (commands: ${Object.keys(COMMANDS).join(', ')}; --help)\n`);
    return EXIT.badInput;
  }
  try {
    const { values, positionals } = parseArgs({
      args: [...args],
      options: { ...command.options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
    if (values.help) {
      io.stdout.write(`${command.usage}\n`);
      return EXIT.ok;
    }
    return await command.run(values, positionals, io);
  } catch (e) {
    const err = e instanceof Error ? e : new Error(String(e));
    const bad = err instanceof HeadlessInputError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    io.stderr.write(`highs-workbench ${name}: ${err.message}\n`);
    if (!bad && err.stack && io.env.HIGHS_WORKBENCH_DEBUG) io.stderr.write(`${err.stack}\n`);
    return bad ? EXIT.badInput : 4;
  }
}

declare const __APP_VERSION__: string | undefined;
/** The app's version (package.json), as the bundle defines it; 'dev' when run from the sources. */
const APP_VERSION = typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : 'dev';
