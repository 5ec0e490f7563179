/**
 * Fills in what an author may leave out, so the engine never has to guess. The one place that
 * says what an omitted value means (the validator, the session, the CLI, analysis, the map, the
 * workspace preview and editor all read it from here):
 * - an option's `kind` follows from its `action`: "action" with one, "response" without
 *   (`impliedKind`);
 * - a step option with none of `next`, `endsPhase` or `ending` leads to the step that follows
 *   its own in the phase (`impliedNext`; the last step of a phase has no such default: it is
 *   reported).
 * Runs on the parsed document after the schema check and before the semantic checks, which
 * therefore see the filled values. Only adds missing properties; never changes one that is
 * written. Defensive: the document may still have schema errors.
 */

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const has = (o: Json, k: string) => Object.hasOwn(o, k);

/** The `kind` an option without one has. */
export const impliedKind = (option: Json): 'action' | 'response' =>
  has(option, 'action') ? 'action' : 'response';

/** Whether a step option says where it leads. */
export const hasTarget = (option: Json): boolean =>
  has(option, 'next') || has(option, 'endsPhase') || has(option, 'ending');

/**
 * The `next` a step option without a target has: the id of the step written after step
 * `stepIndex` in the same phase's `steps`, or undefined for the phase's last step (or when that
 * step has no string id yet).
 */
export function impliedNext(steps: readonly unknown[], stepIndex: number): string | undefined {
  const following = steps[stepIndex + 1];
  return isObject(following) && typeof following.id === 'string' ? following.id : undefined;
}

/** `items` with each element passed through `fill`; the same array when none changed. */
function mapShared(items: unknown, fill: (item: unknown, index: number) => unknown): unknown {
  if (!Array.isArray(items)) return items;
  let copy: unknown[] | undefined;
  items.forEach((item, i) => {
    const filled = fill(item, i);
    if (filled !== item) (copy ??= [...items])[i] = filled;
  });
  return copy ?? items;
}

/** `object` with `key` set to `value`, or the same object when that changes nothing. */
function withValue(object: Json, key: string, value: unknown): Json {
  return object[key] === value ? object : { ...object, [key]: value };
}

function fillOption(option: unknown, next: string | undefined): unknown {
  if (!isObject(option)) return option;
  let o = option;
  if (!has(o, 'kind')) o = { ...o, kind: impliedKind(o) };
  if (!hasTarget(o) && next !== undefined) o = { ...o, next };
  return o;
}

/** One entry of "phases" with its steps' implied values filled in, as `normalise` fills them. */
export function normalisePhase(phase: unknown): unknown {
  if (!isObject(phase) || !Array.isArray(phase.steps)) return phase;
  const steps = phase.steps as unknown[];
  return withValue(
    phase,
    'steps',
    mapShared(steps, (_step, s) => normaliseStep(steps, s)),
  );
}

/**
 * Step `s` of a phase's `steps` with its options' implied values filled in (the same step when
 * none is missing). Reads the step after it, whose id is the implied `next`.
 */
export function normaliseStep(steps: readonly unknown[], s: number): unknown {
  const step = steps[s];
  if (!isObject(step)) return step;
  const next = impliedNext(steps, s);
  return withValue(
    step,
    'options',
    mapShared(step.options, (o) => fillOption(o, next)),
  );
}

/**
 * The document with the implied `kind` and `next` values filled in. Does not change `doc`:
 * objects that gain a value are copied (with the arrays and objects that hold them); everything
 * else is shared, and a document that writes every value out is returned as it is.
 */
export function normalise<T>(doc: T): T {
  if (!isObject(doc)) return doc;
  let out: Json = doc;
  out = withValue(out, 'phases', mapShared(doc.phases, normalisePhase));
  const events = mapShared(doc.events, (event) => {
    if (!isObject(event) || !isObject(event.respond)) return event;
    const respond = event.respond;
    const options = mapShared(respond.options, (o) => fillOption(o, undefined));
    return withValue(event, 'respond', withValue(respond, 'options', options));
  });
  out = withValue(out, 'events', events);
  return out as T;
}
