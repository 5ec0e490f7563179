/**
 * The analysis panel's content, built generically from whatever the analysis holds: each
 * top-level field is a section, and each value is shown by its shape (a number or text, a list
 * of ids, a table of records, labelled fields). Known sections get the titles `analyze` prints;
 * a section the engine adds later appears under a title made from its field name, with no
 * change to the panel.
 */
import {
  GATE_TITLES,
  gatingOf,
  notScoredText,
  RANGES_APART,
  UNUSED_TERMS,
  type CriticalError,
  type GateId,
  type Scores,
} from '../engine/index.ts';

export type Shown =
  | { kind: 'text'; text: string }
  | { kind: 'list'; items: string[] }
  | { kind: 'table'; columns: string[]; keys: string[]; rows: { key: string; cells: string[] }[] }
  | { kind: 'fields'; fields: { key: string; label: string; value: Shown }[] };

export interface Section {
  key: string;
  title: string;
  /** A line under the title saying how to read the section, where its figures need one. */
  note?: string;
  value: Shown;
}

/** Titles of the sections `analyze` prints, in its words. */
const TITLES: Record<string, string> = {
  totalSteps: 'Steps in all',
  phases: 'Reachability and paths per phase',
  scores:
    'Achievable points (loop-free paths, events as if they fire, monitoring checks on time, gated choices as if their gates open)',
  scoresWithoutGates:
    'Achievable points without a gated choice (no dose: events and checks on the dose clock left out)',
  gatedChoices: 'Gated choices (the session may refuse them; a refused choice records nothing)',
  criticalErrors: 'Reachable critical errors',
  unused: 'Unused content',
  weakerOnlySteps: 'Steps only weaker options lead to (the best path never meets them)',
  cues: 'Position and length cues (choice sets with a single best option)',
  spokenWithoutReaction: 'Spoken options the patient does not react to',
  standards: 'Standards breached per path',
  length: 'Length',
};

/** How to read a section, in the words `analyze` prints where it prints them. */
const NOTES: Record<string, string> = {
  scores: RANGES_APART,
  scoresWithoutGates: RANGES_APART,
  length:
    "The format implies an option's kind from its action, and a next naming the step written after its own; a file may write them out or leave them out (`tidy --write` leaves them out). The figures compare the file as written with both.",
};

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Labels of fields and columns where the field name alone reads poorly. */
const LABELS: Record<string, string> = {
  ...Object.fromEntries(Object.entries(UNUSED_TERMS).map(([k, term]) => [k, capital(term)])),
  id: 'Id',
  reachableSteps: 'Reachable steps',
  reachable: 'Can be entered',
  paths: 'Distinct paths',
  pathsWithoutGates: 'Paths without a gated choice',
  reachableWithoutGates: 'Entered without a gated choice',
  stepsOnlyThroughGates: 'Steps reached only through a gated choice',
  gating: 'Recorded only if a gate opens',
  unreachableSteps: 'Unreachable steps',
  perCompetency: 'Per competency',
  bestFirst: 'Best option written first',
  bestLongest: 'Best option the longest',
  bestPath: 'On the best path',
  worstPath: 'On the worst path',
  breachedBy: 'Breached by',
  cited: 'Options cite standards',
  stepId: 'Step',
  reachedBy: 'Reached by',
  lines: 'Lines in the file',
  linesPerStep: 'Lines per step as written',
  linesPerStepWrittenOut: 'Lines per step with every implied kind and next written out',
  leftOut: 'Implied kinds and nexts the file leaves out now',
  linesPerStepImplied: 'Lines per step with every implied kind and next left out',
  removable: 'Lines `tidy --write` would remove (an implied kind or next written out)',
};

/** Keys of a record shown by a name of their own (the gates by the session's names for them). */
const KEY_NAMES: Record<string, (key: string) => string | undefined> = {
  gatedChoices: (gate) =>
    Object.hasOwn(GATE_TITLES, gate) ? GATE_TITLES[gate as GateId].name : undefined,
};

/** Records keyed by ids, and the heading of their name column when shown as a table. */
const ROW_NAMES: Record<string, string> = { perCompetency: 'Competency', breachedBy: 'Standard' };

/** Records of id → list of ids shown as a table of two columns: the heading of the second. */
const LIST_COLUMNS: Record<string, string> = { breachedBy: 'Options that breach it' };

/** A score range shown in `analyze`'s words: a competency never scored says so, not "0 to 0". */
const scoresView = (withoutGates: boolean) => (s: Scores) => ({
  ...s,
  perCompetency: Object.fromEntries(
    Object.entries(s.perCompetency).map(([id, r]) => [
      id,
      s.notScored.includes(id) ? { min: notScoredText(withoutGates), max: '—' } : r,
    ]),
  ),
});

/** Sections whose values are reworded before they are shown, with the words `analyze` prints. */
const VIEWS: Record<string, (value: never) => unknown> = {
  scores: scoresView(false),
  scoresWithoutGates: (s: Scores | null) => s && scoresView(true)(s),
  criticalErrors: (errors: CriticalError[]) =>
    errors.map(({ gates, gated, ...rest }) => ({
      ...rest,
      gating: gatingOf({ gates, gated }) ?? 'no',
    })),
};

/** Fields shown only through another one (a capped path count prints as "≥ n"). */
const FOLDED = new Set(['scenarioId', 'pathsCapped', 'pathsWithoutGatesCapped', 'notScored']);

/** "variablesNeverRead" → "Variables never read". */
export function labelOf(key: string): string {
  if (LABELS[key]) return LABELS[key];
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isPlain = (v: unknown) => v === null || ['string', 'number', 'boolean'].includes(typeof v);

function textOf(v: unknown, key = '', row?: Record<string, unknown>): string {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (typeof v === 'number') {
    const capped = row?.[`${key}Capped`] === true;
    return `${capped ? '≥ ' : ''}${v.toLocaleString('en')}`;
  }
  if (Array.isArray(v)) return v.length === 0 ? 'none' : v.map((x) => textOf(x)).join(', ');
  if (isRecord(v))
    return Object.entries(v)
      .map(([k, x]) => `${k}: ${textOf(x)}`)
      .join('; ');
  return String(v);
}

/** A record whose values are all flat (plain values or lists of them): one table row. */
const flat = (v: unknown): v is Record<string, unknown> =>
  isRecord(v) &&
  Object.values(v).every((x) => isPlain(x) || (Array.isArray(x) && x.every(isPlain)));

function columnsOf(rows: Record<string, unknown>[]): string[] {
  const keys: string[] = [];
  for (const r of rows)
    for (const k of Object.keys(r)) if (!keys.includes(k) && !FOLDED.has(k)) keys.push(k);
  return keys;
}

/** How a value is shown, by its shape. */
export function show(value: unknown, key = ''): Shown {
  if (Array.isArray(value)) {
    if (value.every(isPlain)) return { kind: 'list', items: value.map((x) => textOf(x)) };
    if (value.every(flat)) {
      const keys = columnsOf(value);
      return {
        kind: 'table',
        keys,
        columns: keys.map(labelOf),
        rows: value.map((r, i) => ({
          key: textOf(r[keys[0] ?? ''] ?? i),
          cells: keys.map((k) => textOf(r[k], k, r)),
        })),
      };
    }
    return { kind: 'list', items: value.map((x) => textOf(x)) };
  }
  if (isRecord(value)) {
    const entries = Object.entries(value).filter(([k]) => !FOLDED.has(k));
    if (entries.length === 0) return { kind: 'list', items: [] };
    // A record of id → ids (standard → the options that breach it) is a table of two columns.
    if (key in LIST_COLUMNS && entries.every(([, v]) => Array.isArray(v) && v.every(isPlain)))
      return {
        kind: 'table',
        keys: ['', key],
        columns: [ROW_NAMES[key] ?? 'Name', LIST_COLUMNS[key]!],
        rows: entries.map(([k, v]) => ({ key: k, cells: [k, textOf(v)] })),
      };
    // A record of like records (per competency: {min, max}) is a table keyed by its keys.
    if (
      entries.length > 0 &&
      entries.every(
        ([, v]) => flat(v) && Object.keys(v).length > 0 && !Object.values(v).some(Array.isArray),
      )
    ) {
      const rows = entries.map(([, v]) => v as Record<string, unknown>);
      const keys = columnsOf(rows);
      return {
        kind: 'table',
        keys: ['', ...keys],
        columns: [ROW_NAMES[key] ?? 'Name', ...keys.map(labelOf)],
        rows: entries.map(([k, v]) => ({
          key: k,
          cells: [
            k,
            ...keys.map((c) =>
              textOf((v as Record<string, unknown>)[c], c, v as Record<string, unknown>),
            ),
          ],
        })),
      };
    }
    return {
      kind: 'fields',
      // A record keyed by ids (competencies, standards) shows its keys as written.
      fields: entries.map(([k, v]) => ({
        key: k,
        label: KEY_NAMES[key]?.(k) ?? (key in ROW_NAMES ? k : labelOf(k)),
        value: show(v, k),
      })),
    };
  }
  return { kind: 'text', text: textOf(value) };
}

/** The panel's sections, in the order the analysis lists its fields. */
export function analysisSections(analysis: object): Section[] {
  return Object.entries(analysis)
    .filter(([k]) => !FOLDED.has(k))
    .map(([key, value]) => ({
      key,
      title: TITLES[key] ?? labelOf(key),
      ...(NOTES[key] ? { note: NOTES[key] } : {}),
      value: show(VIEWS[key] ? VIEWS[key](value as never) : value, key),
    }));
}
