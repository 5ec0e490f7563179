/**
 * Which step prompts which scheduled check, and the earliest minute that step can appear: the one
 * rule behind the validator's CHECK_STEP_OUTSIDE_WINDOW and CHECK_REWARDED_WHEN_MISSED and the
 * engine's late-check rule (session/decisions.ts), so they cannot disagree.
 *
 * A step *prompts* a check when it comes after the dose, has its own `atMinute` (on the dose
 * clock) and an option that takes the vitals (`checkVitals`); the check it prompts is the latest
 * one (on the dose clock) due at or before the earliest minute the step can be presented. That
 * earliest minute is the step's `atMinute`, or later when every path to it passes a step timed
 * later (and integration starts no earlier than the time course's `offsetMinutes`).
 *
 * Defensive: reads a parsed document that may have schema errors, and never throws. Linear in the
 * number of steps and option edges (times the few relaxations a minute can take).
 */

import { objectItems } from './object-items.ts';

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): Json[] => (Array.isArray(v) ? v.filter(isObject) : []);
/** The objects of an array with their own indexes (non-objects skipped, indexes kept). */
const entries = objectItems;
const num = (v: unknown): number | undefined =>
  typeof v === 'number' && Number.isFinite(v) ? v : undefined;
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** Phases played after the dose, whose `atMinute` counts on the dose clock. */
const AFTER_DOSE = new Set(['monitoring', 'guidedConversation', 'integration']);

export interface CheckPrompt {
  /** Where the step is in the document. */
  phaseIndex: number;
  stepIndex: number;
  stepId: string;
  /** The earliest dose-clock minute the step can be presented. */
  earliest: number;
  checkId: string;
  /** The check's window on the dose clock, inclusive. */
  window: [number, number];
  /** The step's options that take the vitals: their indexes in the step's options. */
  checkOptions: number[];
}

/** Every step that prompts a scheduled check, with that check and the step's earliest minute. */
export function checkPrompts(doc: unknown): CheckPrompt[] {
  if (!isObject(doc)) return [];
  if (isObject(doc.visit) && doc.visit.kind !== undefined && doc.visit.kind !== 'dosing') return [];
  const protocol = isObject(doc.protocol) ? doc.protocol : {};
  const checks = list(protocol.monitoring)
    .filter((c) => c.from !== 'arrival')
    .flatMap((c) => {
      const at = num(c.atMinute);
      const id = str(c.id);
      return at === undefined || id === undefined
        ? []
        : [{ id, at, end: at + (num(c.windowMinutes) ?? 0) }];
    })
    .sort((a, b) => a.at - b.at);
  if (checks.length === 0) return [];
  const offset = isObject(protocol.timeCourse) ? num(protocol.timeCourse.offsetMinutes) : undefined;

  const found: CheckPrompt[] = [];
  /** The earliest minute the phase before can hand over to the next (undefined: no bound). */
  let entry = 0;
  for (const [phase, p] of entries(doc.phases)) {
    const id = str(phase.id) ?? '';
    if (!AFTER_DOSE.has(id)) continue;
    const steps = entries(phase.steps).map(([s, i]) => ({ s, i }));
    const local = new Map<string, number>();
    steps.forEach(({ s }, k) => {
      const sid = str(s.id);
      if (sid !== undefined && !local.has(sid)) local.set(sid, k);
    });
    // Dose-clock minutes only: the others cannot be compared with a check's window here.
    const at = steps.map(({ s }) =>
      s.from === 'arrival' || s.from === 'recheck' ? undefined : num(s.atMinute),
    );
    const earliest: (number | undefined)[] = steps.map(() => undefined);
    const start = local.get(str(phase.start) ?? '');
    if (start === undefined) continue;
    const begin = id === 'integration' && offset !== undefined ? Math.max(entry, offset) : entry;
    earliest[start] = Math.max(begin, at[start] ?? begin);
    // Relax along `next` edges: a step is presented no earlier than its own minute and than the
    // earliest of the steps that lead to it.
    const queue = [start];
    let exit: number | undefined;
    for (let head = 0; head < queue.length; head++) {
      const k = queue[head]!;
      const from = earliest[k]!;
      for (const option of list(steps[k]!.s.options)) {
        if (option.endsPhase === true || option.ending !== undefined) {
          if (option.endsPhase === true && (exit === undefined || from < exit)) exit = from;
          continue;
        }
        const target = local.get(str(option.next) ?? '');
        if (target === undefined) continue;
        const reach = Math.max(from, at[target] ?? from);
        if (earliest[target] === undefined || reach < earliest[target]!) {
          earliest[target] = reach;
          queue.push(target);
        }
      }
    }
    steps.forEach(({ s: step, i }, k) => {
      const e = earliest[k];
      const sid = str(step.id);
      if (e === undefined || sid === undefined || at[k] === undefined) return;
      const checkOptions = entries(step.options).flatMap(([o, n]) =>
        o.action === 'checkVitals' ? [n] : [],
      );
      if (checkOptions.length === 0) return;
      const check = checks.filter((c) => c.at <= e).at(-1);
      if (!check) return;
      found.push({
        phaseIndex: p,
        stepIndex: i,
        stepId: sid,
        earliest: e,
        checkId: check.id,
        window: [check.at, check.end],
        checkOptions,
      });
    });
    if (exit !== undefined) entry = exit;
  }
  return found;
}

/** Whether a prompt can only come after its check's window has closed. */
export const promptAfterWindow = (p: CheckPrompt): boolean => p.earliest > p.window[1];
