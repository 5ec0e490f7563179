/**
 * Checks for mistakes that pass the schema and the id checks but break play: an action option
 * without its action (or a response with one), a step whose options can never be offered,
 * an `atMinute` that goes backwards along a path, and ids that cannot be used as keys.
 * Runs on the normalised document (implied `kind` and `next` filled in). Defensive: the document
 * may have schema errors, and nothing here throws on them. Linear in the size of the scenario
 * (times the few values each variable can take).
 */
import { evaluateCondition, type Condition } from './conditions.ts';
import { error, pointer, warning, type Finding } from './diagnostics.ts';
import { FORBIDDEN_KEYS } from './parse.ts';
import { checkPrompts, promptAfterWindow } from './check-prompts.ts';
import { stepExpiries, type ExpiryProblem } from './step-deadlines.ts';
import { objectItems } from './object-items.ts';

type Json = Record<string, unknown>;
type Seg = string | number;

const isObject = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const objects = objectItems;
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const num = (v: unknown): number | undefined =>
  typeof v === 'number' && Number.isFinite(v) ? v : undefined;
const has = (o: Json, k: string) => Object.hasOwn(o, k);

/** Phases where the clock does not run yet, so `atMinute` has no effect. */
const BEFORE_DOSE = new Set(['preparation', 'administration']);

export function authoringFindings(doc: Json): Finding[] {
  const out: Finding[] = [];
  const options = allOptions(doc);
  checkOptionKinds(options, out);
  checkNeverOffered(doc, options, out);
  checkMinutesForward(doc, out);
  checkReservedIds(doc, out);
  checkPromptWindows(doc, out);
  checkStepExpiries(doc, out);
  return out;
}

/**
 * A step's written `expires` must be one the session can follow (step-deadlines.ts): somewhere to
 * go, a deadline, a phase it may leave, and a deadline before the step it leads to is due (else
 * that step's text would be shown after its minute, or never).
 */
function checkStepExpiries(doc: Json, out: Finding[]) {
  for (const p of stepExpiries(doc).problems) {
    const at = (...rest: Seg[]) =>
      pointer('phases', p.phaseIndex, 'steps', p.stepIndex, 'expires', ...rest);
    out.push(expiryFinding(p, at));
  }
}

function expiryFinding(p: ExpiryProblem, at: (...rest: Seg[]) => string): Finding {
  switch (p.kind) {
    case 'noTarget':
      return error(
        'STEP_EXPIRY_NO_TARGET',
        at(),
        `The step "${p.stepId}" can be withdrawn unanswered but says nowhere to go: its options lead to different places (or all end the session).`,
        'Give "expires" a "next" step, "endsPhase": true or an "ending".',
      );
    case 'noDeadline':
      return error(
        'STEP_EXPIRY_NO_DEADLINE',
        at(),
        `The step "${p.stepId}" has "expires" but no deadline: it has no "atMinute" that counts here, or the step it leads to has none later than its own.`,
        'Give "expires" a "withinMinutes".',
      );
    case 'endsPhase':
      return error(
        'STEP_EXPIRY_ENDS_PHASE',
        at('endsPhase'),
        p.phaseId === 'administration'
          ? `The step "${p.stepId}" would end the administration phase when withdrawn, but the dose may not have been given.`
          : `The step "${p.stepId}" would end the ${p.phaseId ?? ''} phase when withdrawn, but no phase comes after it.`,
        'Give "expires" a "next" step or an "ending" instead.',
      );
    case 'unknownStep':
      return error(
        'UNKNOWN_STEP',
        at('next'),
        `There is no step "${p.targetStepId ?? ''}" in this phase.`,
        '"expires.next" names a step of the same phase.',
      );
    case 'afterTarget':
      return error(
        'STEP_DEADLINE_AFTER_NEXT',
        at('withinMinutes'),
        `The step "${p.stepId}" stays offered until minute ${p.deadline}, but the step it leads to ("${p.targetStepId ?? ''}") is due at minute ${p.targetMinute}: that step's text would be shown after its own minute, or withdrawn before it is seen.`,
        `Make "withinMinutes" end before minute ${p.targetMinute} (the default: offered until the minute before), or move the next step later.`,
      );
  }
}

/**
 * A step that prompts a scheduled check (checkPrompts) must be able to appear inside the check's
 * window; otherwise following it is scored as the check missed, and its vitals options would be
 * rewarded for the same act.
 */
function checkPromptWindows(doc: Json, out: Finding[]) {
  for (const p of checkPrompts(doc)) {
    if (!promptAfterWindow(p)) continue;
    const [from, to] = p.window;
    const step = ['phases', p.phaseIndex, 'steps', p.stepIndex] as const;
    out.push(
      error(
        'CHECK_STEP_OUTSIDE_WINDOW',
        pointer(...step, 'atMinute'),
        `The step "${p.stepId}" takes the vitals for the check "${p.checkId}" (due between minute ${from} and ${to}), but it cannot appear before minute ${p.earliest}: following it would always be scored as the check missed.`,
        `Give it an "atMinute" inside the window (${from}–${to}) and make sure no step before it is timed later, or widen the check's "windowMinutes".`,
      ),
    );
    const phase = (doc.phases as Json[])[p.phaseIndex]!;
    const options = ((phase.steps as Json[])[p.stepIndex]!.options ?? []) as Json[];
    for (const o of p.checkOptions) {
      const option = options[o]!;
      const points = isObject(option.points) ? Object.values(option.points) : [];
      const meets = isObject(option.standards) && Array.isArray(option.standards.meets);
      if (!points.some((v) => typeof v === 'number' && v > 0) && !meets) continue;
      out.push(
        error(
          'CHECK_REWARDED_WHEN_MISSED',
          pointer(...step, 'options', o),
          `The option "${str(option.id) ?? ''}" would be rewarded for taking the vitals while the same act counts as the check "${p.checkId}" missed (its window closes at minute ${to}).`,
          "Move the step into the check's window (see CHECK_STEP_OUTSIDE_WINDOW); the engine does not reward a check taken after its window.",
        ),
      );
    }
  }
}

/** Every option with its path: step options, then event responses. */
function allOptions(doc: Json): [Json, Seg[]][] {
  const found: [Json, Seg[]][] = [];
  for (const [phase, p] of objects(doc.phases))
    for (const [step, s] of objects(phase.steps))
      for (const [option, o] of objects(step.options))
        found.push([option, ['phases', p, 'steps', s, 'options', o]]);
  for (const [event, e] of objects(doc.events))
    if (isObject(event.respond))
      for (const [option, o] of objects(event.respond.options))
        found.push([option, ['events', e, 'respond', 'options', o]]);
  return found;
}

function checkOptionKinds(options: [Json, Seg[]][], out: Finding[]) {
  for (const [option, path] of options) {
    const id = str(option.id) ?? '';
    if (option.kind === 'action' && !has(option, 'action')) {
      out.push(
        error(
          'ACTION_MISSING',
          pointer(...path, 'kind'),
          `The option "${id}" is an action but does not say which: it would do nothing in the session (no consent recorded, no vitals taken, no dose given).`,
          'Add its "action" (for example "checkVitals" or "administerDose"); for a plain action with no engine meaning use "other". Or remove "kind" if it is something said.',
        ),
      );
    } else if (option.kind === 'response' && has(option, 'action')) {
      out.push(
        error(
          'RESPONSE_WITH_ACTION',
          pointer(...path, 'action'),
          `The option "${id}" is a response but carries the action "${String(option.action)}", which the session would carry out.`,
          'Remove "kind": an option with an "action" is an action. Or remove the "action" if it is only something said.',
        ),
      );
    }
  }
}

/**
 * The values each variable can ever hold: its initial value and every value an effect sets.
 * A number some effect adds to can hold any value (undefined here).
 */
function possibleValues(
  doc: Json,
  options: [Json, Seg[]][],
): Map<string, (boolean | number)[] | undefined> {
  const values = new Map<string, (boolean | number)[] | undefined>();
  for (const [v] of objects(doc.variables)) {
    const id = str(v.id);
    if (id === undefined) continue;
    const initial = v.initial;
    values.set(
      id,
      typeof initial === 'boolean' || typeof initial === 'number'
        ? [initial]
        : [v.type === 'number' ? 0 : false],
    );
  }
  const effectsOf: Json[] = options.map(([o]) => o);
  for (const [event] of objects(doc.events))
    if (isObject(event.respond) && isObject(event.respond.missed))
      effectsOf.push(event.respond.missed);
  for (const item of effectsOf) {
    const effects = item.effects;
    if (!isObject(effects)) continue;
    if (isObject(effects.set)) {
      for (const [k, value] of Object.entries(effects.set)) {
        const known = values.get(k);
        if (known !== undefined && (typeof value === 'boolean' || typeof value === 'number'))
          if (!known.includes(value)) known.push(value);
      }
    }
    if (isObject(effects.add)) for (const k of Object.keys(effects.add)) values.set(k, undefined);
  }
  return values;
}

interface Outcomes {
  canHold: boolean;
  canFail: boolean;
}
const EITHER: Outcomes = { canHold: true, canFail: true };

/**
 * Whether a condition can ever hold, and ever fail, given the values variables can take.
 * Sound for "never": only variables are tracked exactly; vitals, the clock, protocol facts and
 * settings are assumed able to take any value. Each comparison of a variable is decided by the
 * session's own evaluator, so the rule is written once.
 */
function outcomes(c: unknown, values: Map<string, (boolean | number)[] | undefined>): Outcomes {
  if (!isObject(c)) return EITHER;
  if (Array.isArray(c.all)) {
    const parts = c.all.map((x) => outcomes(x, values));
    return { canHold: parts.every((p) => p.canHold), canFail: parts.some((p) => p.canFail) };
  }
  if (Array.isArray(c.any)) {
    const parts = c.any.map((x) => outcomes(x, values));
    return { canHold: parts.some((p) => p.canHold), canFail: parts.every((p) => p.canFail) };
  }
  if (has(c, 'not')) {
    const inner = outcomes(c.not, values);
    return { canHold: inner.canFail, canFail: inner.canHold };
  }
  const id = str(c.var);
  if (id === undefined) return EITHER;
  const possible = values.get(id);
  if (possible === undefined) return EITHER;
  let canHold = false;
  let canFail = false;
  for (const value of possible) {
    const holds = evaluateCondition(
      c as Condition,
      {
        vars: { [id]: value },
      } as unknown as Parameters<typeof evaluateCondition>[1],
    );
    if (holds) canHold = true;
    else canFail = true;
  }
  return { canHold, canFail };
}

function checkNeverOffered(doc: Json, options: [Json, Seg[]][], out: Finding[]) {
  const values = possibleValues(doc, options);
  for (const [phase, p] of objects(doc.phases)) {
    for (const [step, s] of objects(phase.steps)) {
      const options = objects(step.options);
      if (options.length === 0) continue;
      const never = options.every(([o]) => has(o, 'when') && !outcomes(o.when, values).canHold);
      if (!never) continue;
      out.push(
        error(
          'STEP_NEVER_OFFERS',
          pointer('phases', p, 'steps', s, 'options'),
          `No option of the step "${str(step.id) ?? ''}" can ever be offered: each "when" needs a variable value that no effect ever sets. Play would stop at this step.`,
          'Give one option no "when", or set the variable it needs in an earlier option\'s "effects".',
        ),
      );
    }
  }
}

/**
 * Along every path through the phases after dosing, a step's `atMinute` should not be earlier
 * than that of a step before it: the clock has already passed it, so the step would be shown at
 * once, out of the intended order.
 */
function checkMinutesForward(doc: Json, out: Finding[]) {
  /** The latest minute of a step that can come before the next phase's start, and that step. */
  let carry: { minute: number; stepId: string } | undefined;
  for (const [phase, p] of objects(doc.phases)) {
    const timed = !BEFORE_DOSE.has(str(phase.id) ?? '');
    const steps = objects(phase.steps);
    const local = new Map<string, number>();
    steps.forEach(([step], k) => {
      const id = str(step.id);
      if (id !== undefined && !local.has(id)) local.set(id, k);
    });
    // A recheck-clock minute is known only in play (from the rest's end): not compared here.
    const at = steps.map(([step]) =>
      timed && step.from !== 'recheck' ? num(step.atMinute) : undefined,
    );
    /** Per step: the latest minute of a step before it on some path, and which step. */
    const latest: ({ minute: number; stepId: string } | undefined)[] = steps.map(() => undefined);
    const start = local.get(str(phase.start) ?? '');
    if (start === undefined) continue;
    latest[start] = carry;
    const queue = [start];
    const seen = new Uint8Array(steps.length);
    seen[start] = 1;
    const leaving = (k: number) => {
      const own = at[k];
      const before = latest[k];
      return own !== undefined && (before === undefined || own >= before.minute)
        ? { minute: own, stepId: str(steps[k]![0].id) ?? '' }
        : before;
    };
    let exit: { minute: number; stepId: string } | undefined;
    for (let head = 0; head < queue.length; head++) {
      const k = queue[head]!;
      const after = leaving(k);
      for (const [option] of objects(steps[k]![0].options)) {
        if (option.endsPhase === true) {
          if (after !== undefined && (exit === undefined || after.minute > exit.minute))
            exit = after;
          continue;
        }
        const target = local.get(str(option.next) ?? '');
        if (target === undefined) continue;
        const known = latest[target];
        const grows = after !== undefined && (known === undefined || after.minute > known.minute);
        if (grows) latest[target] = after;
        if (grows || !seen[target]) {
          seen[target] = 1;
          queue.push(target);
        }
      }
    }
    steps.forEach(([step, index], k) => {
      const own = at[k];
      const before = latest[k];
      if (own === undefined || before === undefined || before.minute <= own) return;
      out.push(
        warning(
          'AT_MINUTE_BACKWARDS',
          pointer('phases', p, 'steps', index, 'atMinute'),
          `The step "${str(step.id) ?? ''}" is at minute ${own}, but on some path it comes after the step "${before.stepId}" at minute ${before.minute}: the clock has already passed it, so it would be shown at once.`,
          `Give it a minute of at least ${before.minute}, or remove "atMinute".`,
        ),
      );
    });
    carry = exit ?? carry;
  }
}

/**
 * Competency and variable ids become keys (in "points", "set" and "add"); a key named
 * __proto__, constructor or prototype is refused when the file is read, so such an id could
 * never be scored or set.
 */
function checkReservedIds(doc: Json, out: Finding[]) {
  for (const [kind, list] of [
    ['competency', doc.competencies],
    ['variable', doc.variables],
  ] as const) {
    for (const [item, i] of objects(list)) {
      const id = str(item.id);
      if (id === undefined || !FORBIDDEN_KEYS.has(id)) continue;
      out.push(
        error(
          'RESERVED_ID',
          pointer(kind === 'competency' ? 'competencies' : 'variables', i, 'id'),
          `The ${kind} id "${id}" cannot be used: it would be a key in ${kind === 'competency' ? '"points"' : '"set" and "add"'}, and that key is refused for safety.`,
          `Choose another id, for example "${id}-${kind}".`,
        ),
      );
    }
  }
}
