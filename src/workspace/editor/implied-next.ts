/**
 * An option that leaves `next` out leads to the step written after its own (`impliedNext`), so
 * inserting, moving, duplicating or deleting a step would silently send some options elsewhere.
 * `keepImpliedNext` writes out, before such an edit, the `next` of each option whose implied
 * target the edit would change: every option still leads where it led (or, when that step is
 * deleted, is reported as leading to an unknown step, as a written `next` would be).
 */
import { impliedNext, valueAt, type Change } from '../../engine/index.ts';

type Loose = Record<string, unknown>;
const isObj = (v: unknown): v is Loose => typeof v === 'object' && v !== null && !Array.isArray(v);
const hasTarget = (o: Loose) => 'next' in o || 'endsPhase' in o || 'ending' in o;

/** The phase index whose step list `change` inserts into, moves within or deletes from. */
function phaseOf(change: Change): number | undefined {
  const [a, p, b, i] = change.path;
  if (a !== 'phases' || typeof p !== 'number' || b !== 'steps') return undefined;
  if (change.kind === 'insert' || change.kind === 'move')
    return change.path.length === 3 ? p : undefined;
  if (change.kind === 'remove' && change.path.length === 4 && typeof i === 'number') return p;
  return undefined;
}

/** `changes`, preceded by the `next` values they would otherwise change. */
export function keepImpliedNext(doc: unknown, changes: readonly Change[]): Change[] {
  /** Per affected phase: the step keys in order after the changes (a key is the original index, or a new object). */
  const orders = new Map<number, unknown[]>();
  for (const change of changes) {
    const p = phaseOf(change);
    if (p === undefined) continue;
    if (!orders.has(p)) {
      const steps = valueAt(doc, ['phases', p, 'steps']);
      orders.set(p, Array.isArray(steps) ? steps.map((_, s) => s) : []);
    }
    const order = orders.get(p)!;
    if (change.kind === 'insert') order.splice(change.index, 0, change.value);
    else if (change.kind === 'move') order.splice(change.to, 0, ...order.splice(change.from, 1));
    else order.splice(change.path[3] as number, 1);
  }
  const written: Change[] = [];
  for (const [p, order] of orders) {
    const steps = valueAt(doc, ['phases', p, 'steps']);
    if (!Array.isArray(steps)) continue;
    const idAt = (key: unknown) => {
      const step = typeof key === 'number' ? steps[key] : key;
      return isObj(step) && typeof step.id === 'string' ? step.id : undefined;
    };
    steps.forEach((step, s) => {
      const before = impliedNext(steps, s);
      const at = order.indexOf(s);
      if (!isObj(step) || before === undefined || at < 0) return;
      if (idAt(order[at + 1]) === before) return;
      (Array.isArray(step.options) ? step.options : []).forEach((o, k) => {
        if (isObj(o) && !hasTarget(o))
          written.push({
            kind: 'set',
            path: ['phases', p, 'steps', s, 'options', k, 'next'],
            value: before,
          });
      });
    });
  }
  return [...written, ...changes];
}
