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
import { scoredResult } from './result.ts';

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
  /**
   * Whether `report` was obtained by replaying `attempt` against its scenario when exported
   * (false: the scenario was not available, and `report` is as recorded, not checked), and why not.
   */
  verified?: boolean;
  unverifiedReason?: string;
  /** The trainee's reflection, written at the debrief before the scores (or skipped), if any. */
  reflection?: AttemptReflection;
}

/** What the trainee wrote when the debrief asked them to reflect, or that they skipped it. */
export interface AttemptReflection {
  text: string;
  skipped: boolean;
  /** When it was written (ISO 8601). */
  savedAt: string;
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

/**
 * The JSON export. An attempt that did not reach its debrief (left, or stopped) has no verdict or
 * score anywhere (see attemptResult): its report's `passed` and `overall`, and each competency's
 * `percent` and `passed`, are written as null. A competency the attempt did not score (no points
 * possible: `percent` null, "not scored" in the debrief) has `passed` null too.
 */
export function exportJson(attempts: ExportedAttempt[]): string {
  const bundle = exportBundle(
    attempts.map((a) => ({ ...a, report: unscoredIfUnfinished(a.report) })),
  );
  return `${JSON.stringify(bundle, null, 2)}\n`;
}

/** The report as exported: nulls in place of a verdict and scores when it is not a result. */
function unscoredIfUnfinished(report: Report): Report {
  if (scoredResult(report)) {
    const unscored = Object.values(report.competencies).some((c) => c.percent === null);
    if (!unscored) return report;
    const competencies = Object.fromEntries(
      Object.entries(report.competencies).map(([id, c]) => [
        id,
        c.percent === null ? { ...c, passed: null } : c,
      ]),
    );
    return { ...report, competencies } as unknown as Report;
  }
  const competencies = Object.fromEntries(
    Object.entries(report.competencies).map(([id, c]) => [
      id,
      { ...c, percent: null, passed: null },
    ]),
  );
  // Written as null in the file; read back, the history replays the log and never believes them.
  return { ...report, passed: null, overall: null, competencies } as unknown as Report;
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

/** The JSON parser's error codes in words. */
const JSON_ERRORS: Record<string, string> = {
  InvalidSymbol: 'a character that JSON does not allow here',
  InvalidNumberFormat: 'a number written in a form JSON does not allow',
  PropertyNameExpected: 'a field name in double quotes was expected (is there a comma too many?)',
  ValueExpected: 'a value was expected (is there a comma too many, or a value missing?)',
  ColonExpected: 'a colon was expected after the field name',
  CommaExpected: 'a comma was expected between two items',
  CloseBraceExpected: 'a closing brace "}" was expected',
  CloseBracketExpected: 'a closing bracket "]" was expected',
  EndOfFileExpected: 'the file should end here, but more follows',
  InvalidCommentToken: 'a comment, which JSON does not allow',
  UnexpectedEndOfComment: 'a comment that is never closed',
  UnexpectedEndOfString: 'a text that is never closed with a double quote',
  UnexpectedEndOfNumber: 'a number that is cut short',
  InvalidUnicode: 'a \\u escape that is not a valid character',
  InvalidEscapeCharacter: 'a backslash escape that JSON does not allow',
  InvalidCharacter: 'a character that is not allowed inside a text',
};

function jsonError(text: string): string {
  if (text.trim() === '') return 'The file is empty.';
  const errors: ParseError[] = [];
  parseJsonc(text, errors, { disallowComments: true, allowTrailingComma: false });
  const first = errors[0];
  if (!first) return 'The file is not valid JSON.';
  const code = printParseErrorCode(first.error);
  return `The file is not valid JSON (${lineColumn(text, first.offset)}): ${JSON_ERRORS[code] ?? 'something there is not JSON'}.`;
}

/** Field checks: each returns a problem ("must be …") or null. */
type Check = (v: unknown) => string | null;
const isString: Check = (v) => (typeof v === 'string' ? null : 'must be a string');
const isBoolean: Check = (v) => (typeof v === 'boolean' ? null : 'must be true or false');
const optional =
  (check: Check): Check =>
  (v) =>
    v === undefined ? null : check(v);
const nullable =
  (check: Check): Check =>
  (v) =>
    v === null ? null : check(v);
const oneOf =
  (...values: string[]): Check =>
  (v) =>
    typeof v === 'string' && values.includes(v)
      ? null
      : `must be one of ${values.map((x) => `"${x}"`).join(', ')}`;
/** A finite number (JSON's 1e999 reads as Infinity and is refused), optionally within a range. */
const finite =
  (min = -Number.MAX_VALUE, max = Number.MAX_VALUE): Check =>
  (v) =>
    typeof v !== 'number' || !Number.isFinite(v)
      ? 'must be a finite number'
      : v < min || v > max
        ? `must be from ${min} to ${max}`
        : null;
const isDate: Check = (v) =>
  typeof v === 'string' && !Number.isNaN(Date.parse(v))
    ? null
    : 'must be a date-time such as 2026-03-01T09:30:00.000Z';
const listOf =
  (check: Check): Check =>
  (v) => {
    if (!Array.isArray(v)) return 'must be a list';
    const i = v.findIndex((x) => check(x) !== null);
    return i < 0 ? null : `item ${i} ${check(v[i])}`;
  };
/** An object whose every value passes `check` (points per competency). */
const recordOf =
  (check: Check): Check =>
  (v) => {
    if (!isObject(v)) return 'must be an object';
    for (const [key, value] of Object.entries(v)) {
      const problem = check(value);
      if (problem) return `the value of "${key.slice(0, 40)}" ${problem}`;
    }
    return null;
  };

/** Checks the fields of `value` listed in `fields`, reporting each problem at `at.field`. */
function checkFields(
  value: Json,
  fields: Record<string, Check>,
  at: string,
  errors: string[],
): void {
  for (const [key, check] of Object.entries(fields)) {
    const problem = check(value[key]);
    if (problem) errors.push(`${at}.${key}: ${problem}`);
  }
}

const EVENT_FIELDS: Record<string, Record<string, Check>> = {
  'session.begin': {},
  'trainee.choose': { optionId: isString },
  'trainee.retry': {},
  'trainee.act': { action: isString },
  'trainee.setting': { setting: isString, value: isString },
  'trainee.monitor': { setting: isString },
  'clock.advance': { minutes: finite(0) },
  'session.pause': {},
  'session.resume': {},
  'session.leave': {},
};

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
  if (typeof value.seed !== 'number' || !Number.isSafeInteger(value.seed))
    errors.push(`${at}.seed: must be a whole number`);
  if (value.mode !== 'practice' && value.mode !== 'assessment')
    errors.push(`${at}.mode: must be "practice" or "assessment"`);
  if (value.carried !== undefined && !isObject(value.carried))
    errors.push(`${at}.carried: must be an object (what a course visit was started with)`);
  if (!Array.isArray(value.events)) {
    errors.push(`${at}.events: must be a list of events`);
    return;
  }
  value.events.forEach((e, i) => {
    const where = `${at}.events[${i}]`;
    if (!isObject(e) || typeof e.type !== 'string')
      errors.push(`${where}: must be an event with a "type"`);
    else if (!Object.hasOwn(EVENT_FIELDS, e.type))
      errors.push(`${where}.type: unknown event type "${e.type.slice(0, 40)}"`);
    else checkFields(e, EVENT_FIELDS[e.type]!, where, errors);
  });
}

const COMPETENCY_FIELDS: Record<string, Check> = {
  id: isString,
  label: isString,
  weight: finite(0),
  earned: finite(),
  possible: finite(),
  worst: finite(),
  percent: nullable(finite(0, 100)),
  passPercent: finite(0, 100),
  passed: isBoolean,
  max: finite(),
  min: finite(),
};

const DECISION_FIELDS: Record<string, Check> = {
  phase: nullable(isString),
  kind: oneOf('step', 'event', 'missedEvent', 'check'),
  stepId: optional(isString),
  eventId: optional(isString),
  checkId: optional(isString),
  optionId: nullable(isString),
  optionText: isString,
  bestOptionId: nullable(isString),
  bestOptionText: isString,
  points: recordOf(finite()),
  bestPoints: recordOf(finite()),
  feedback: optional(isString),
  rationale: optional(isString),
  references: optional(listOf(isString)),
  critical: optional(isString),
  minute: nullable(finite()),
  clock: optional(finite()),
  retried: optional(listOf(isString)),
};

const CRITICAL_FIELDS: Record<string, Check> = {
  optionId: optional(isString),
  eventId: optional(isString),
  explanation: isString,
  minute: nullable(finite()),
};

const ALARM_FIELDS: Record<string, Check> = {
  signal: isString,
  raisedAt: nullable(finite()),
  respondedAt: nullable(finite()),
  raisedClock: optional(finite()),
  respondedClock: optional(nullable(finite())),
  minutes: nullable(finite()),
};

const ENDING_FIELDS: Record<string, Check> = {
  id: isString,
  kind: isString,
  title: isString,
  text: isString,
};

/** Every element of a list, checked field by field. */
function checkList(
  value: unknown,
  fields: Record<string, Check>,
  at: string,
  errors: string[],
): void {
  if (!Array.isArray(value)) {
    errors.push(`${at}: must be a list`);
    return;
  }
  value.forEach((item, i) => {
    if (!isObject(item)) errors.push(`${at}[${i}]: must be an object`);
    else checkFields(item, fields, `${at}[${i}]`, errors);
  });
}

function checkReport(value: unknown, at: string, errors: string[]): void {
  if (!isObject(value)) {
    errors.push(`${at}: must be an object (the scored report)`);
    return;
  }
  // An attempt that did not reach its debrief has no verdict or score: they may be null.
  const unscored = (check: Check) => (value.status === 'debrief' ? check : nullable(check));
  checkFields(
    value,
    {
      scenarioId: isString,
      status: oneOf('briefing', 'running', 'debrief', 'left'),
      passed: unscored(isBoolean),
      overall: unscored(finite(0, 100)),
      passPercent: finite(0, 100),
    },
    at,
    errors,
  );
  const competencyFields = { ...COMPETENCY_FIELDS, passed: unscored(isBoolean) };
  if (!isObject(value.competencies)) errors.push(`${at}.competencies: must be an object`);
  else {
    for (const [id, c] of Object.entries(value.competencies)) {
      const where = `${at}.competencies.${id.slice(0, 40)}`;
      if (!isObject(c)) errors.push(`${where}: must be an object`);
      // A competency not scored (percent null) has no verdict either.
      else
        checkFields(
          c,
          c.percent === null
            ? { ...competencyFields, passed: nullable(isBoolean) }
            : competencyFields,
          where,
          errors,
        );
    }
  }
  if (!Array.isArray(value.decisions)) errors.push(`${at}.decisions: must be a list`);
  else {
    value.decisions.forEach((d, i) => {
      const where = `${at}.decisions[${i}]`;
      if (!isObject(d)) return errors.push(`${where}: must be an object (one decision)`);
      if (d.index !== i) errors.push(`${where}.index: must be ${i} (the decision's position)`);
      checkFields(d, DECISION_FIELDS, where, errors);
    });
  }
  checkList(value.criticalErrors, CRITICAL_FIELDS, `${at}.criticalErrors`, errors);
  checkList(value.alarmResponses, ALARM_FIELDS, `${at}.alarmResponses`, errors);
  if (value.ending !== null) {
    if (!isObject(value.ending)) errors.push(`${at}.ending: must be null or an ending`);
    else checkFields(value.ending, ENDING_FIELDS, `${at}.ending`, errors);
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
    checkFields(c, { text: isString, author: isString, at: isDate }, where, errors);
  });
}

/**
 * Every problem of one exported attempt (or history record), each with where it is under `at`;
 * empty when it is well formed.
 */
export function exportedAttemptProblems(entry: unknown, at: string): string[] {
  const errors: string[] = [];
  if (!isObject(entry)) {
    errors.push(`${at}: must be an object with "attempt", "report" and "comments"`);
    return errors;
  }
  checkAttempt(entry.attempt, `${at}.attempt`, errors);
  checkReport(entry.report, `${at}.report`, errors);
  const decisions =
    isObject(entry.report) && Array.isArray(entry.report.decisions)
      ? entry.report.decisions.length
      : 0;
  checkComments(entry.comments, `${at}.comments`, decisions, errors);
  checkFields(
    entry,
    {
      finishedAt: optional(isDate),
      scenarioTitle: optional(isString),
      scenarioVersion: optional(isString),
      verified: optional(isBoolean),
      unverifiedReason: optional(isString),
    },
    at,
    errors,
  );
  if (entry.reflection !== undefined) {
    if (!isObject(entry.reflection))
      errors.push(`${at}.reflection: must be an object with "text", "skipped" and "savedAt"`);
    else
      checkFields(
        entry.reflection,
        { text: isString, skipped: isBoolean, savedAt: isDate },
        `${at}.reflection`,
        errors,
      );
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
  return errors;
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
  value.attempts.forEach((entry, i) =>
    errors.push(...exportedAttemptProblems(entry, `attempts[${i}]`)),
  );
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
  /** The chosen option's text as the trainee read it (for a check: its outcome). */
  optionChosenText: string;
  bestOption: string;
  bestOptionText: string;
  points: Record<string, number>;
  critical: boolean;
  /** Ids of the standards of practice the decision met and breached (docs/standards.md). */
  standardsMet: string[];
  standardsBreached: string[];
  simulatedMinute: number | null;
  comments: string;
  /**
   * "yes" when the row comes from replaying the log of a finished attempt; otherwise why it
   * could not be checked, or that the attempt is unfinished (see verifiedCell).
   */
  verified: string;
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
/** Each option's text beside its id; optional when reading, so older files still import. */
const TEXT_COLUMNS = { option_chosen: 'option_chosen_text', best_option: 'best_option_text' };
/** Space-separated standard ids; optional when reading, so older files still import. */
const STANDARD_COLUMNS = ['standards_met', 'standards_breached'] as const;
const TAIL_COLUMNS = ['critical', 'simulated_minute', 'comments', 'verified'] as const;
const POINTS_PREFIX = 'points_';

/**
 * The `verified` cell of an attempt in every results CSV: "yes" only for a finished attempt
 * (one that reached its debrief) whose report was replayed from its log; otherwise the reason it
 * could not be checked ("Unverified — …"), or, for a replayed attempt that never reached its
 * debrief (the trainee left, or it stopped part-way), that it is unfinished and not a result.
 */
export function verifiedCell(entry: {
  verified?: boolean;
  unverifiedReason?: string;
  report: Pick<Report, 'status'> | null;
}): string {
  if (entry.verified !== true)
    return entry.unverifiedReason ?? 'Unverified — not replayed against its scenario';
  const status = entry.report?.status;
  if (status === 'debrief') return 'yes';
  return status === 'left'
    ? 'Unfinished — left before the debrief; replayed, not a result'
    : 'Unfinished — stopped before the debrief; replayed, not a result';
}

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
      optionChosenText: d.optionText,
      bestOption: d.bestOptionId ?? '',
      bestOptionText: d.bestOptionText,
      points: { ...d.points },
      critical: d.critical !== undefined,
      standardsMet: [...(d.standards?.meets ?? [])],
      standardsBreached: [...(d.standards?.breaches ?? [])],
      simulatedMinute: d.minute,
      comments: entry.comments
        .filter((c) => c.decisionIndex === d.index)
        .map((c) => (c.author ? `${c.author}: ${c.text}` : c.text))
        .join('\n'),
      verified: verifiedCell(entry),
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
    ...FIXED_COLUMNS.flatMap((c) =>
      c in TEXT_COLUMNS ? [c, TEXT_COLUMNS[c as keyof typeof TEXT_COLUMNS]] : [c],
    ),
    ...competencies.map((c) => `${POINTS_PREFIX}${c}`),
    ...STANDARD_COLUMNS,
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
      r.optionChosenText,
      r.bestOption,
      r.bestOptionText,
      ...competencies.map((c) => own(r.points, c) ?? 0),
      r.standardsMet.join(' '),
      r.standardsBreached.join(' '),
      r.critical ? 'yes' : 'no',
      r.simulatedMinute,
      r.comments,
      r.verified,
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
    const idList = (name: string) => (col(name) < 0 ? [] : get(name).split(' ').filter(Boolean));
    const optional = (name: string) => (col(name) < 0 ? '' : get(name));
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
      optionChosenText: optional('option_chosen_text'),
      bestOption: get('best_option'),
      bestOptionText: optional('best_option_text'),
      points,
      critical: get('critical') === 'yes',
      standardsMet: idList('standards_met'),
      standardsBreached: idList('standards_breached'),
      simulatedMinute: num('simulated_minute'),
      comments: get('comments'),
      verified: get('verified'),
    });
  });
  return errors.length ? { ok: false, errors } : { ok: true, rows };
}
