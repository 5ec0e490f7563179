/**
 * The export formats of the attempt history: a JSON bundle (attempt logs, reports and supervisor
 * comments) that imports back faithfully, and a CSV with one row per decision for spreadsheets.
 * `parseExport` checks a bundle and reports every problem with where it is; it never throws.
 */
import { parse as parseJsonc, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { serializeAttempt, type Attempt } from '../attempt/index.ts';
import type { Report } from '../scoring/score.ts';
import { parseCsv, toCsv, unguard } from './csv.ts';
import { KAP_NAMESPACE, uuidV5 } from './uuid.ts';
import { own } from '../format/own.ts';

export const EXPORT_VERSION = 1;

/** A supervisor's comment on one decision of an attempt (the report's decision index). */
export interface Comment {
  decisionIndex: number;
  text: string;
  /** Who wrote it, as they typed their name; may be empty. */
  author: string;
  /** When it was written (ISO 8601). */
  at: string;
}

/** One attempt of the history, as exported. */
export interface ExportedAttempt {
  attempt: Attempt;
  report: Report;
  comments: Comment[];
  /** When the attempt reached its debrief (ISO 8601), if known. */
  finishedAt?: string;
  /** The scenario's title and version at the time, for readers without the scenario file. */
  scenarioTitle?: string;
  scenarioVersion?: string;
}

export interface ExportBundle {
  exportVersion: 1;
  attempts: ExportedAttempt[];
}

/** A stable id of a finished attempt: the same log always gives the same id. */
export function attemptId(attempt: Attempt): string {
  return uuidV5(`attempt:${serializeAttempt(attempt)}`, KAP_NAMESPACE);
}

export function exportBundle(attempts: ExportedAttempt[]): ExportBundle {
  return { exportVersion: EXPORT_VERSION, attempts };
}

export function exportJson(attempts: ExportedAttempt[]): string {
  return `${JSON.stringify(exportBundle(attempts), null, 2)}\n`;
}

export type ParseExportResult =
  { ok: true; bundle: ExportBundle } | { ok: false; errors: string[] };

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** "line L, column C" of a character offset in text. */
function lineColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return `line ${line}, column ${column}`;
}

function jsonError(text: string): string {
  if (text.trim() === '') return 'The file is empty.';
  const errors: ParseError[] = [];
  parseJsonc(text, errors, { disallowComments: true, allowTrailingComma: false });
  const first = errors[0];
  if (!first) return 'The file is not valid JSON.';
  return `The file is not valid JSON (${lineColumn(text, first.offset)}): ${printParseErrorCode(first.error)}.`;
}

const EVENT_TYPES = new Set([
  'session.begin',
  'trainee.choose',
  'trainee.retry',
  'trainee.act',
  'trainee.setting',
  'clock.advance',
  'session.pause',
  'session.resume',
  'session.leave',
]);

function checkAttempt(value: unknown, at: string, errors: string[]): void {
  if (!isObject(value)) {
    errors.push(`${at}: must be an object (the attempt log)`);
    return;
  }
  if (value.saveVersion !== 1)
    errors.push(`${at}.saveVersion: must be 1 (this build reads save version 1)`);
  if (typeof value.scenarioId !== 'string' || !value.scenarioId)
    errors.push(`${at}.scenarioId: must be a scenario id`);
  if (typeof value.scenarioHash !== 'string') errors.push(`${at}.scenarioHash: must be a string`);
  if (typeof value.seed !== 'number' || !Number.isInteger(value.seed))
    errors.push(`${at}.seed: must be a whole number`);
  if (value.mode !== 'practice' && value.mode !== 'assessment')
    errors.push(`${at}.mode: must be "practice" or "assessment"`);
  if (!Array.isArray(value.events)) {
    errors.push(`${at}.events: must be a list of events`);
    return;
  }
  value.events.forEach((e, i) => {
    const where = `${at}.events[${i}]`;
    if (!isObject(e) || typeof e.type !== 'string')
      errors.push(`${where}: must be an event with a "type"`);
    else if (!EVENT_TYPES.has(e.type))
      errors.push(`${where}.type: unknown event type "${e.type.slice(0, 40)}"`);
    else if (e.type === 'trainee.choose' && typeof e.optionId !== 'string')
      errors.push(`${where}.optionId: must be a string`);
    else if (
      e.type === 'clock.advance' &&
      (typeof e.minutes !== 'number' || !Number.isFinite(e.minutes))
    ) {
      errors.push(`${where}.minutes: must be a number`);
    }
  });
}

function checkReport(value: unknown, at: string, errors: string[]): void {
  if (!isObject(value)) {
    errors.push(`${at}: must be an object (the scored report)`);
    return;
  }
  if (typeof value.scenarioId !== 'string') errors.push(`${at}.scenarioId: must be a string`);
  if (typeof value.passed !== 'boolean') errors.push(`${at}.passed: must be true or false`);
  if (typeof value.overall !== 'number') errors.push(`${at}.overall: must be a number`);
  if (!isObject(value.competencies)) errors.push(`${at}.competencies: must be an object`);
  if (!Array.isArray(value.decisions)) errors.push(`${at}.decisions: must be a list`);
  else {
    value.decisions.forEach((d, i) => {
      if (!isObject(d) || typeof d.index !== 'number' || !isObject(d.points)) {
        errors.push(`${at}.decisions[${i}]: must be a decision with an index and points`);
      }
    });
  }
}

function checkComments(value: unknown, at: string, decisions: number, errors: string[]): void {
  if (!Array.isArray(value)) {
    errors.push(`${at}: must be a list (empty when there are no comments)`);
    return;
  }
  value.forEach((c, i) => {
    const where = `${at}[${i}]`;
    if (!isObject(c)) {
      errors.push(`${where}: must be an object`);
      return;
    }
    if (
      typeof c.decisionIndex !== 'number' ||
      !Number.isInteger(c.decisionIndex) ||
      c.decisionIndex < 0
    ) {
      errors.push(`${where}.decisionIndex: must be a whole number from 0`);
    } else if (c.decisionIndex >= decisions) {
      errors.push(`${where}.decisionIndex: the attempt has no decision ${c.decisionIndex}`);
    }
    if (typeof c.text !== 'string') errors.push(`${where}.text: must be a string`);
    if (typeof c.author !== 'string') errors.push(`${where}.author: must be a string`);
    if (typeof c.at !== 'string') errors.push(`${where}.at: must be a date-time string`);
  });
}

/** Reads an export bundle. Every problem comes back with its location, like `attempts[2].report.passed`. */
export function parseExport(text: string): ParseExportResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, errors: [jsonError(text)] };
  }
  if (!isObject(value))
    return { ok: false, errors: ['The file is not an export: its top level must be an object.'] };
  if (value.exportVersion === undefined || !Array.isArray(value.attempts)) {
    return {
      ok: false,
      errors: [
        'The file is not a KAP Simulator export: it needs "exportVersion" and a list "attempts".',
      ],
    };
  }
  if (value.exportVersion !== EXPORT_VERSION) {
    return {
      ok: false,
      errors: [
        `exportVersion: ${JSON.stringify(value.exportVersion)} is not known; this build reads version ${EXPORT_VERSION}.`,
      ],
    };
  }
  const errors: string[] = [];
  value.attempts.forEach((entry, i) => {
    const at = `attempts[${i}]`;
    if (!isObject(entry)) {
      errors.push(`${at}: must be an object with "attempt", "report" and "comments"`);
      return;
    }
    checkAttempt(entry.attempt, `${at}.attempt`, errors);
    checkReport(entry.report, `${at}.report`, errors);
    const decisions =
      isObject(entry.report) && Array.isArray(entry.report.decisions)
        ? entry.report.decisions.length
        : 0;
    checkComments(entry.comments, `${at}.comments`, decisions, errors);
    for (const key of ['finishedAt', 'scenarioTitle', 'scenarioVersion'] as const) {
      if (entry[key] !== undefined && typeof entry[key] !== 'string')
        errors.push(`${at}.${key}: must be a string`);
    }
    if (
      isObject(entry.attempt) &&
      isObject(entry.report) &&
      typeof entry.report.scenarioId === 'string' &&
      entry.report.scenarioId !== entry.attempt.scenarioId
    ) {
      errors.push(
        `${at}.report.scenarioId: the report is of "${entry.report.scenarioId.slice(0, 80)}", the attempt of another scenario`,
      );
    }
  });
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, bundle: value as unknown as ExportBundle };
}

/** One CSV row: one decision of one attempt. */
export interface DecisionRow {
  scenario: string;
  scenarioVersion: string;
  attempt: string;
  mode: string;
  finishedAt: string;
  decision: number;
  phase: string;
  kind: string;
  step: string;
  optionChosen: string;
  bestOption: string;
  points: Record<string, number>;
  critical: boolean;
  simulatedMinute: number | null;
  comments: string;
}

const FIXED_COLUMNS = [
  'scenario',
  'scenario_version',
  'attempt',
  'mode',
  'finished_at',
  'decision',
  'phase',
  'kind',
  'step',
  'option_chosen',
  'best_option',
] as const;
const TAIL_COLUMNS = ['critical', 'simulated_minute', 'comments'] as const;
const POINTS_PREFIX = 'points_';

/** The rows of the decision CSV, in attempt order then decision order. */
export function decisionRows(attempts: ExportedAttempt[]): DecisionRow[] {
  return attempts.flatMap((entry) => {
    const id = attemptId(entry.attempt);
    return entry.report.decisions.map((d) => ({
      scenario: entry.attempt.scenarioId,
      scenarioVersion: entry.scenarioVersion ?? '',
      attempt: id,
      mode: entry.attempt.mode,
      finishedAt: entry.finishedAt ?? '',
      decision: d.index,
      phase: d.phase ?? '',
      kind: d.kind,
      step: d.stepId ?? d.eventId ?? d.checkId ?? '',
      optionChosen: d.optionId ?? '',
      bestOption: d.bestOptionId ?? '',
      points: { ...d.points },
      critical: d.critical !== undefined,
      simulatedMinute: d.minute,
      comments: entry.comments
        .filter((c) => c.decisionIndex === d.index)
        .map((c) => (c.author ? `${c.author}: ${c.text}` : c.text))
        .join('\n'),
    }));
  });
}

/** The decision CSV: one column per competency met in any attempt (points_<competency id>). */
export function exportCsv(attempts: ExportedAttempt[]): string {
  const rows = decisionRows(attempts);
  const competencies = [
    ...new Set(attempts.flatMap((a) => Object.keys(a.report.competencies))),
  ].sort();
  const header = [
    ...FIXED_COLUMNS,
    ...competencies.map((c) => `${POINTS_PREFIX}${c}`),
    ...TAIL_COLUMNS,
  ];
  return toCsv(
    header,
    rows.map((r) => [
      r.scenario,
      r.scenarioVersion,
      r.attempt,
      r.mode,
      r.finishedAt,
      r.decision,
      r.phase,
      r.kind,
      r.step,
      r.optionChosen,
      r.bestOption,
      ...competencies.map((c) => own(r.points, c) ?? 0),
      r.critical ? 'yes' : 'no',
      r.simulatedMinute,
      r.comments,
    ]),
  );
}

export type ParseCsvResult = { ok: true; rows: DecisionRow[] } | { ok: false; errors: string[] };

/** Reads a decision CSV back (for checks and for tools that re-import it). */
export function parseDecisionCsv(text: string): ParseCsvResult {
  let table: string[][];
  try {
    table = parseCsv(text);
  } catch (error) {
    return { ok: false, errors: [error instanceof Error ? error.message : String(error)] };
  }
  const [header, ...body] = table;
  if (!header) return { ok: false, errors: ['The CSV file is empty.'] };
  const missing = [...FIXED_COLUMNS, ...TAIL_COLUMNS].filter((c) => !header.includes(c));
  if (missing.length)
    return { ok: false, errors: [`CSV line 1: missing column(s) ${missing.join(', ')}`] };
  const col = (name: string) => header.indexOf(name);
  const pointColumns = header.filter((h) => h.startsWith(POINTS_PREFIX));
  const errors: string[] = [];
  const rows: DecisionRow[] = [];
  body.forEach((cells, i) => {
    const line = i + 2;
    if (cells.length !== header.length) {
      errors.push(`CSV line ${line}: ${cells.length} cells, the header has ${header.length}`);
      return;
    }
    const get = (name: string) => unguard(cells[col(name)]!);
    const num = (name: string): number | null => {
      const raw = get(name);
      if (raw === '') return null;
      const n = Number(raw);
      if (!Number.isFinite(n))
        errors.push(`CSV line ${line}, column ${name}: "${raw.slice(0, 20)}" is not a number`);
      return n;
    };
    const points: Record<string, number> = {};
    for (const p of pointColumns) points[p.slice(POINTS_PREFIX.length)] = num(p) ?? 0;
    rows.push({
      scenario: get('scenario'),
      scenarioVersion: get('scenario_version'),
      attempt: get('attempt'),
      mode: get('mode'),
      finishedAt: get('finished_at'),
      decision: num('decision') ?? 0,
      phase: get('phase'),
      kind: get('kind'),
      step: get('step'),
      optionChosen: get('option_chosen'),
      bestOption: get('best_option'),
      points,
      critical: get('critical') === 'yes',
      simulatedMinute: num('simulated_minute'),
      comments: get('comments'),
    });
  });
  return errors.length ? { ok: false, errors } : { ok: true, rows };
}
