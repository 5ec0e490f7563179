/** What commands share: output streams, usage errors, option parsing and loading one scenario. */
import { fileURLToPath } from 'node:url';
import { validate, type ScenarioV1 } from '../engine/index.ts';
import { listAudioFiles, readScenarioFile } from './files.ts';
import { isCourseFile } from './commands/validate-course.ts';
import { clean, formatDiagnostic, plural } from './output.ts';

export interface Io {
  out(line: string): void;
  err(line: string): void;
}

/** A mistake in the command line: reported with the usage text, exit code 2. */
export class UsageError extends Error {}

/** The project's public/audio directory. */
export const defaultAudioDir = () => fileURLToPath(new URL('../../public/audio/', import.meta.url));

/** Removes `--name value` from args and returns the value. */
export function takeOption(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const value = args[i + 1];
  if (value === undefined || value.startsWith('--')) throw new UsageError(`${name} needs a value`);
  args.splice(i, 2);
  return value;
}

/** Parses `<file> [flags…]` for commands that take exactly one scenario. */
export function singleFile(
  command: string,
  argv: string[],
  flags: string[],
): { file: string; flags: Set<string>; audioDir: string } {
  argv = [...argv];
  const audioDir = takeOption(argv, '--audio-dir') ?? defaultAudioDir();
  const positional = argv.filter((a) => !a.startsWith('--'));
  const given = argv.filter((a) => a.startsWith('--'));
  const unknown = given.find((f) => !flags.includes(f));
  if (unknown) throw new UsageError(`${command}: unknown option ${unknown}`);
  if (positional.length !== 1) throw new UsageError(`${command}: give exactly one scenario file`);
  return { file: positional[0]!, flags: new Set(given), audioDir };
}

/**
 * Reads and validates one scenario. Prints its diagnostics to stderr when it has errors and
 * returns the exit code to use; otherwise returns the scenario.
 */
export async function loadScenario(
  file: string,
  io: Io,
  audioDir = defaultAudioDir(),
): Promise<ScenarioV1 | number> {
  const read = await readScenarioFile(file);
  if (read.kind === 'unreadable') {
    io.err(`${clean(file)}: cannot read: ${read.reason}`);
    return 2;
  }
  if (read.kind === 'refused') {
    io.err(formatDiagnostic(file, read.diagnostic));
    return 1;
  }
  if (isCourseFile(file, read.text)) {
    io.err(
      `${clean(file)}: this is a course file. \`validate\` checks it with its visits and \`run\` plays it; analyze and graph take one visit's scenario file.`,
    );
    return 2;
  }
  const result = validate(read.text, { knownAudioFiles: await listAudioFiles(audioDir) });
  if (result.scenario) return result.scenario;
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  for (const d of errors) io.err(formatDiagnostic(file, d));
  io.err(
    `${plural(errors.length, 'error')}: fix them before running this command (see \`validate\`).`,
  );
  return 1;
}
