/**
 * `run <file> [--choices <file|comma list>] [--strategy best|worst|random] [--seed N]
 * [--vitals [N]] [--json]`
 * Plays a scenario headlessly through the session machine and prints the report; with --vitals,
 * also the modelled vitals every N minutes (default 5) and at each dose and decision.
 * Exit codes: 0 the run reached the debrief; 1 the choices were invalid (or the run could not
 * finish), or the scenario has errors; 2 usage error or unreadable file.
 */
import { stat } from 'node:fs/promises';
import { MAX_BYTES } from '../../engine/index.ts';
import { playHeadless, type HeadlessResult, type Strategy } from '../../engine/index.ts';
import type { Report } from '../../engine/index.ts';
import { readRegularFile } from '../files.ts';
import { choiceRefusal, standardTitle, visitDoses, visitKind } from '../../engine/index.ts';
import type { ScenarioV1 } from '../../engine/index.ts';
import { describeVitals, vitalsRows } from '../vitals-table.ts';
import { loadScenario, singleFile, takeOption, UsageError, type Io } from '../io.ts';
import { clean } from '../output.ts';
import { describeShown, shownKey, shownTexts, type ShownText } from '../shown-text.ts';

export const RUN_USAGE =
  'run <file> [--choices <file|comma list>] [--strategy best|worst|random] [--seed N] [--vitals [N]] [--json]';
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

  const scenario = await loadScenario(file, io, audioDir);
  if (typeof scenario === 'number') return scenario;

  const result = playHeadless(scenario, {
    seed,
    mode: 'assessment',
    ...(strategy ? { strategy } : {}),
    ...(choices ? { choices } : {}),
  });
  const shown = shownTexts(scenario, result, { seed, mode: 'assessment' });
  const vitals = vitalsEvery === undefined ? undefined : vitalsRows(result, vitalsEvery);
  if (flags.has('--json'))
    io.out(
      JSON.stringify(
        { ...toJson(result, seed, strategy ?? null, shown), ...(vitals ? { vitals } : {}) },
        null,
        2,
      ),
    );
  else {
    for (const line of describe(result, shown, scenario)) io.out(clean(line));
    if (vitals)
      for (const line of ['', ...describeVitals(vitals, vitalsEvery!)]) io.out(clean(line));
  }
  if (result.error) {
    for (const line of describeError(result)) io.err(clean(line));
    return 1;
  }
  return result.view.status === 'debrief' ? 0 : 1;
}

/** The machine-readable report: the same file, choices and seed always give the same text. */
function toJson(
  result: HeadlessResult,
  seed: number,
  strategy: Strategy | null,
  shown: Map<string, ShownText>,
) {
  const r = result.report;
  return {
    scenarioId: r.scenarioId,
    seed,
    strategy,
    reachedDebrief: result.view.status === 'debrief',
    ...(result.error ? { error: result.error } : {}),
    passed: r.passed,
    overall: r.overall,
    passPercent: r.passPercent,
    ending: r.ending,
    competencies: Object.fromEntries(
      Object.values(r.competencies).map((c) => [
        c.id,
        {
          earned: c.earned,
          possible: c.possible,
          worst: c.worst,
          percent: c.percent,
          passPercent: c.passPercent,
          passed: c.passed,
          max: c.max,
          min: c.min,
        },
      ]),
    ),
    criticalErrors: r.criticalErrors,
    alarmResponses: r.alarmResponses,
    decisions: r.decisions.map((d) => {
      const s = shownOf(d, shown);
      return s ? { ...d, shown: s } : d;
    }),
    refusedChoices: refusedChoices(result),
    attempt: result.attempt,
  };
}

const fmtPoints = (p: Record<string, number>) =>
  Object.entries(p)
    .map(([k, v]) => `${k} ${v > 0 ? '+' : ''}${v}`)
    .join(', ') || 'no points';

/**
 * Every choice the session refused, in order, with the reason the player shows. A refused choice
 * changes nothing; with --choices the run goes on with the next choice in the list.
 */
function refusedChoices(result: HeadlessResult) {
  return result.snapshot.context.log.toArray().flatMap((entry) =>
    !entry.accepted && entry.event.type === 'trainee.choose'
      ? [
          {
            optionId: entry.event.optionId,
            minute: entry.minute,
            reason: entry.reason ?? 'Not possible now.',
          },
        ]
      : [],
  );
}

/** The text variant a decision's step or event was shown with, if it has variants. */
function shownOf(d: Report['decisions'][number], shown: Map<string, ShownText>) {
  if (d.kind === 'step' && d.stepId) return shown.get(shownKey('step', d.stepId));
  if ((d.kind === 'event' || d.kind === 'missedEvent') && d.eventId)
    return shown.get(shownKey('event', d.eventId));
  return undefined;
}

/**
 * When something happened: "minute N" (since the dose) once dosed; before it, the arrival-clock
 * minute, with "before dosing" only in a visit that gives a drug.
 */
function whenText(minute: number | null, clock: number | undefined, dosingVisit: boolean): string {
  if (minute !== null) return `minute ${minute}`;
  const arrival = clock === undefined ? null : `arrival minute ${clock}`;
  if (!dosingVisit) return arrival ?? 'arrival';
  return arrival ? `${arrival}, before dosing` : 'before dosing';
}

function describe(
  result: HeadlessResult,
  shown: Map<string, ShownText>,
  scenario: ScenarioV1,
): string[] {
  const r: Report = result.report;
  const dosingVisit = visitDoses(visitKind(scenario));
  const when = (minute: number | null, clock?: number) => whenText(minute, clock, dosingVisit);
  const lines = [`Scenario ${r.scenarioId}`, ''];
  const refused = refusedChoices(result);
  if (refused.length > 0) {
    lines.push('Refused choices (each changed nothing):');
    for (const c of refused) lines.push(`  [${when(c.minute)}] ${c.optionId}: ${c.reason}`);
    lines.push('');
  }
  lines.push('Decisions:');
  for (const d of r.decisions) {
    const at = when(d.minute, d.clock);
    const where = d.stepId ?? d.eventId ?? d.checkId ?? '';
    lines.push(
      `  ${String(d.index + 1).padStart(3)}. [${d.phase ?? '-'} · ${at}] ${d.kind} ${where}: ${d.optionText} (${fmtPoints(d.points)})`,
    );
    const s = shownOf(d, shown);
    if (s) lines.push(`       ${describeShown(s)}`);
    if (d.bestOptionId !== d.optionId && d.bestOptionText)
      lines.push(`       best: ${d.bestOptionText} (${fmtPoints(d.bestPoints)})`);
    if (d.critical) lines.push(`       CRITICAL: ${d.critical}`);
    const breaches = d.standards?.breaches ?? [];
    if (breaches.length > 0)
      lines.push(
        `       breaches: ${breaches.map((id) => `${id} (${standardTitle(id)})`).join('; ')}`,
      );
  }
  lines.push('', 'Competencies:');
  for (const c of Object.values(r.competencies)) {
    const pct = c.percent === null ? 'not scored' : `${c.percent}% (pass ${c.passPercent}%)`;
    lines.push(
      `  ${c.label.padEnd(24)} ${pct}  earned ${c.earned} of ${c.possible} possible (lowest ${c.worst}); scenario range ${c.min}..${c.max}`,
    );
  }
  if (r.alarmResponses.length > 0) {
    lines.push('', 'Alarms:');
    for (const a of r.alarmResponses) {
      const answered =
        a.minutes === null
          ? 'no response'
          : `answered after ${a.minutes} min (${when(a.respondedAt, a.respondedClock ?? undefined)})`;
      lines.push(`  ${a.signal} at ${when(a.raisedAt, a.raisedClock)}: ${answered}`);
    }
  }
  lines.push('', r.criticalErrors.length === 0 ? 'Critical errors: none' : 'Critical errors:');
  for (const e of r.criticalErrors) lines.push(`  ${e.optionId ?? e.eventId}: ${e.explanation}`);
  lines.push(
    '',
    `Ending: ${r.ending ? `${r.ending.title} (${r.ending.kind})` : 'none — the run did not reach the debrief'}`,
  );
  lines.push(`Overall: ${r.overall}% (pass ${r.passPercent}%) — ${r.passed ? 'PASSED' : 'FAILED'}`);
  return lines;
}

function describeError(result: HeadlessResult): string[] {
  const error = result.error!;
  const context = result.snapshot.context;
  /** An offered option, and why it would be refused now (as the player says). */
  const option = (o: { id: string; text: string }) => {
    const refusal = choiceRefusal(context, o.id);
    return `  ${o.id}: ${o.text}${refusal ? ` — refused now: ${refusal}` : ''}`;
  };
  const lines = [`run: ${error.message}`];
  if (error.step)
    lines.push(`At step ${error.step.id} (${error.step.speaker}): ${error.step.text}`);
  if (error.options.length > 0) {
    lines.push('Options offered:');
    for (const o of error.options) lines.push(option(o));
  }
  for (const e of error.openEvents) {
    lines.push(`Open event ${e.id} (respond by minute ${e.deadline}):`);
    for (const o of e.options) lines.push(option(o));
  }
  if (error.options.length === 0 && error.openEvents.length === 0)
    lines.push('No options are available here.');
  return lines;
}
