/**
 * kap-scenario: the authoring CLI. A thin shell over the engine's validate, analyze, graph, run,
 * migrate and tidy.
 */
import { pathToFileURL } from 'node:url';
import { analyzeCommand } from './commands/analyze.ts';
import { graphCommand } from './commands/graph.ts';
import { migrateCommand } from './commands/migrate.ts';
import { runCommand } from './commands/run.ts';
import { tidyCommand } from './commands/tidy.ts';
import { validateCommand } from './commands/validate.ts';
import { UsageError, type Io } from './io.ts';

export const USAGE = `Usage: kap-scenario <command> [arguments]

Commands:
  validate <files, directories or globs…> [--json] [--audio-dir <dir>]
      Check scenarios; print file:line:col severity CODE message (hint).
  analyze <file> [--json] [--audio-dir <dir>]
      Steps per phase, reachability, distinct paths, score ranges,
      reachable critical errors and unused content.
  graph <file> [--audio-dir <dir>]
      Print a Mermaid flowchart of the scenario.
  run <file> [--choices <file|comma list>] [--strategy best|worst|random] [--seed N]
      [--vitals [N]] [--json]
      Play a scenario headlessly through the session engine and print the report;
      in --choices, wait:N lets N minutes pass before the next choice; --vitals adds the modelled vitals every N minutes (default 5) and at each
      dose and decision.
  run <course.course.json> [--strategy best|worst|random] [--seed N] [--json]
      Play every visit of a course in order and print each report and the summary.
  migrate <file> [--out <file>]
      Rewrite a scenario in the current format (older formats are read losslessly).
  tidy <files, directories or globs…> [--write]
      List the kind and next values the format implies (kind from action, next
      = the following step in the phase); --write removes them, other lines untouched.

--audio-dir: where audio files must exist (default: the project's public/audio).
Exit codes: 0 no errors, 1 errors found, 2 usage error or unreadable file,
3 internal error (please report it).`;

type Command = (argv: string[], io: Io) => Promise<number>;

export const COMMANDS: Record<string, Command> = {
  validate: validateCommand,
  analyze: analyzeCommand,
  graph: graphCommand,
  run: runCommand,
  migrate: migrateCommand,
  tidy: tidyCommand,
};

const consoleIo: Io = { out: (l) => console.log(l), err: (l) => console.error(l) };

/** Runs the CLI and returns the exit code. Never throws. */
export async function main(argv: string[], io: Io = consoleIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(USAGE);
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS[name];
  if (command === undefined) {
    io.err(`Unknown command "${name}".\n\n${USAGE}`);
    return 2;
  }
  if (rest.includes('--help')) {
    io.out(USAGE);
    return 0;
  }
  try {
    return await command(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`${e.message}\n\n${USAGE}`);
      return 2;
    }
    io.err(`kap-scenario: internal error: ${e instanceof Error ? e.message : String(e)}`);
    return 3;
  }
}

/** Entry point for the bin script and `tsx src/cli/main.ts`. */
export async function runCli(): Promise<void> {
  // Output piped into `head` and closed early is not an error.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  });
  process.exitCode = await main(process.argv.slice(2));
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await runCli();
}
