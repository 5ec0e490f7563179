/**
 * The report `run` prints for one played visit: as text, and as the machine-readable JSON.
 */
import type { HeadlessResult, Report, ScenarioV1, Strategy } from '../engine/index.ts';
import { choiceRefusal, standardTitle, visitDoses, visitKind } from '../engine/index.ts';
import {
  describeShown,
  replayNotes,
  shownKey,
  type RefusedChoice,
  type ShownText,
} from './shown-text.ts';
import {
  cuffReadingsBeforeDose,
  describeCuffReadings,
  describeVitals,
  vitalsRows,
} from './vitals-table.ts';

/** The machine-readable report: the same file, choices and seed always give the same text. */
export function toJson(
  result: HeadlessResult,
  seed: number,
  strategy: Strategy | null,
  notes: { shown: Map<string, ShownText>; refused: RefusedChoice[] },
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
      const s = shownOf(d, notes.shown);
      return s ? { ...d, shown: s } : d;
    }),
    refusedChoices: notes.refused,
    attempt: result.attempt,
  };
}

const fmtPoints = (p: Record<string, number>) =>
  Object.entries(p)
    .map(([k, v]) => `${k} ${v > 0 ? '+' : ''}${v}`)
    .join(', ') || 'no points';

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
  if (!dosingVisit) return arrival ?? 'no dose in this visit';
  return arrival ? `${arrival}, before dosing` : 'before dosing';
}

export function describe(
  result: HeadlessResult,
  notes: { shown: Map<string, ShownText>; refused: RefusedChoice[] },
  scenario: ScenarioV1,
): string[] {
  const { shown, refused } = notes;
  const r: Report = result.report;
  const dosingVisit = visitDoses(visitKind(scenario));
  const when = (minute: number | null, clock?: number) => whenText(minute, clock, dosingVisit);
  const lines = [`Scenario ${r.scenarioId}`, ''];
  if (refused.length > 0) {
    lines.push('Refused choices (each changed nothing):');
    for (const c of refused)
      lines.push(`  [${when(c.minute, c.clock)}] ${c.optionId}: ${c.reason}`);
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
      `  ${c.label.padEnd(24)} ${pct}  earned ${c.earned} of ${c.possible} possible at the decisions met (lowest ${c.worst}); scenario range over whole paths ${c.min}..${c.max}`,
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

/**
 * One played visit's report: `lines` (text) and `json` (machine-readable), with the vitals table
 * (`vitals`) when `vitalsEvery` is given.
 */
export function visitOutput(
  scenario: ScenarioV1,
  result: HeadlessResult,
  options: { seed: number; strategy: Strategy | null; vitalsEvery: number | undefined },
): { lines: string[]; json: object } {
  const { seed, strategy, vitalsEvery } = options;
  const notes = replayNotes(scenario, result);
  const vitals = vitalsEvery === undefined ? undefined : vitalsRows(result, vitalsEvery);
  const cuff = vitalsEvery === undefined ? undefined : cuffReadingsBeforeDose(result);
  const lines = describe(result, notes, scenario);
  if (cuff?.length) lines.push('', ...describeCuffReadings(cuff));
  if (vitals) lines.push('', ...describeVitals(vitals, vitalsEvery!));
  return {
    lines,
    json: {
      ...toJson(result, seed, strategy, notes),
      ...(cuff ? { cuffBeforeDose: cuff } : {}),
      ...(vitals ? { vitals } : {}),
    },
  };
}

export function describeError(result: HeadlessResult): string[] {
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
