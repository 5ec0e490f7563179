/**
 * Fills in what an author may leave out, so the engine never has to guess:
 * - an option's `kind` follows from its `action`: "action" with one, "response" without;
 * - a step option with none of `next`, `endsPhase` or `ending` leads to the step that follows
 *   its own in the phase (the last step of a phase has no such default: it is reported).
 * Runs on the parsed document after the schema check and before the semantic checks, which
 * therefore see the filled values. Only adds missing properties; never changes one that is
 * written. Defensive: the document may still have schema errors.
 */

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const objects = (v: unknown): Json[] => (Array.isArray(v) ? v.filter(isObject) : []);
const has = (o: Json, k: string) => Object.hasOwn(o, k);

/** The `kind` an option without one has. */
export const impliedKind = (option: Json): 'action' | 'response' =>
  has(option, 'action') ? 'action' : 'response';

/** Whether a step option says where it leads. */
export const hasTarget = (option: Json): boolean =>
  has(option, 'next') || has(option, 'endsPhase') || has(option, 'ending');

/** Fills the implied `kind` and `next` values in place and returns the document. */
export function normalise<T>(doc: T): T {
  if (!isObject(doc)) return doc;
  for (const phase of objects(doc.phases)) {
    const steps = Array.isArray(phase.steps) ? (phase.steps as unknown[]) : [];
    steps.forEach((step, s) => {
      if (!isObject(step)) return;
      const following = steps[s + 1];
      const nextId = isObject(following) ? following.id : undefined;
      for (const option of objects(step.options)) {
        if (!has(option, 'kind')) option.kind = impliedKind(option);
        if (!hasTarget(option) && typeof nextId === 'string') option.next = nextId;
      }
    });
  }
  for (const event of objects(doc.events)) {
    const respond = event.respond;
    if (!isObject(respond)) continue;
    for (const option of objects(respond.options))
      if (!has(option, 'kind')) option.kind = impliedKind(option);
  }
  return doc;
}
