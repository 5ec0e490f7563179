/**
 * `run <file> [--choices <file|comma list>] [--strategy best|worst|random] [--seed N]
 * [--vitals [N]] [--json]`
 * Plays a scenario headlessly through the session machine and prints the report; with --vitals,
 * also the modelled vitals every N minutes (default 5) and at each dose and decision.
 * Exit codes: 0 the run reached the debrief; 1 the choices were invalid (or the run could not
 * finish), or the scenario has errors; 2 usage error or unreadable file.
 */
import { stat } from 'node:fs/promises';
import { MAX_BYTES, playHeadless, type Strategy } from '../../engine/index.ts';
import { readRegularFile, readScenarioFile } from '../files.ts';
import { loadScenario, singleFile, takeOption, UsageError, type Io } from '../io.ts';
import { clean } from '../output.ts';
import { describeError, visitOutput } from '../run-report.ts';
import { runCourse } from './run-course.ts';
import { isCourseFile } from './validate-course.ts';

export const RUN_USAGE =
  'run <file> [--choices <file|comma list>] [--strategy best|worst|random] [--seed N] [--vitals [N]] [--json]\n       run <course.course.json> [--strategy best|worst|random] [--seed N] [--vitals [N]] [--json]';
const DEFAULT_VITALS_EVERY = 5;

/** Removes `--vitals [N]` from args: undefined when absent, else the minutes between rows. */
export function takeVitals(args: string[]): number | undefined {
  const i = args.indexOf('--vitals');
  if (i < 0) return undefined;
  const value = args[i + 1];
  if (value !== undefined && !value.startsWith('--') && /^\d+$/.test(value)) {
    args.splice(i, 2);
    const every = Number(value);
    if (every < 1) throw new UsageError('run: --vitals takes a whole number of minutes ≥ 1');
    return every;
  }
  args.splice(i, 1);
  return DEFAULT_VITALS_EVERY;
}

const consoleIo: Io = { out: (l) => console.log(l), err: (l) => console.error(l) };
const STRATEGIES: readonly Strategy[] = ['best', 'worst', 'random'];

/** A comma list, or a file holding a JSON array of option ids or ids separated by commas/new lines. */
async function readChoices(value: string): Promise<string[]> {
  let text = value;
  const exists = await stat(value).then(
    () => true,
    () => false,
  );
  if (exists) {
    const read = await readRegularFile(value, MAX_BYTES);
    if (read.kind === 'unreadable')
      throw new UsageError(`run: cannot read the choices file ${clean(value)}: ${read.reason}`);
    if (read.kind === 'tooLarge')
      throw new UsageError(
        `run: the choices file ${clean(value)} is larger than ${MAX_BYTES} bytes`,
      );
    text = new TextDecoder().decode(read.bytes);
    const trimmed = text.trim();
    if (trimmed.startsWith('[')) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(trimmed);
      } catch {
        throw new UsageError(`run: the choices file ${clean(value)} is not a valid JSON array`);
      }
      if (!Array.isArray(parsed) || !parsed.every((x) => typeof x === 'string')) {
        throw new UsageError(
          `run: the choices file ${clean(value)} must hold an array of option ids`,
        );
      }
      return parsed;
    }
  }
  return text
    .split(/[,\n\r]+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0 && !s.startsWith('#'));
}

export async function runCommand(argv: string[], io: Io = consoleIo): Promise<number> {
  try {
    return await run(argv, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`${e.message}\nUsage: ${RUN_USAGE}`);
      return 2;
    }
    throw e;
  }
}

async function run(argv: string[], io: Io): Promise<number> {
  const args = [...argv];
  const choicesArg = takeOption(args, '--choices');
  const strategyArg = takeOption(args, '--strategy');
  const seedArg = takeOption(args, '--seed');
  const vitalsEvery = takeVitals(args);
  const { file, flags, audioDir } = singleFile('run', args, ['--json']);
  if (strategyArg !== undefined && !STRATEGIES.includes(strategyArg as Strategy)) {
    throw new UsageError(`run: --strategy takes best, worst or random, not "${strategyArg}"`);
  }
  if (seedArg !== undefined && !/^-?\d+$/.test(seedArg))
    throw new UsageError(`run: --seed takes a whole number, not "${seedArg}"`);
  const seed = seedArg === undefined ? 1 : Number(seedArg);
  const choices = choicesArg === undefined ? undefined : await readChoices(choicesArg);
  const strategy = (strategyArg as Strategy | undefined) ?? (choices ? undefined : 'best');

  const read = await readScenarioFile(file);
  if (read.kind === 'text' && isCourseFile(file, read.text)) {
    if (choices) throw new UsageError('run: --choices plays one visit; a course takes --strategy');
    return runCourse(file, read.text, { seed, strategy: strategy ?? 'best', vitalsEvery }, io, {
      json: flags.has('--json'),
      audioDir,
    });
  }
  const scenario = await loadScenario(file, io, audioDir);
  if (typeof scenario === 'number') return scenario;

  const result = playHeadless(scenario, {
    seed,
    mode: 'assessment',
    ...(strategy ? { strategy } : {}),
    ...(choices ? { choices } : {}),
  });
  const played = visitOutput(scenario, result, { seed, strategy: strategy ?? null, vitalsEvery });
  if (flags.has('--json')) io.out(JSON.stringify(played.json, null, 2));
  else for (const line of played.lines) io.out(clean(line));
  if (result.error) {
    for (const line of describeError(result)) io.err(clean(line));
    return 1;
  }
  return result.view.status === 'debrief' ? 0 : 1;
}
