/**
 * Edits made from the map: adding a step after a selected one, and connecting an option to
 * where it leads (a step of the same phase, the end of the phase, or an ending).
 */
import { Step } from '../../engine/index.ts';
import { allIds } from './id-refs.ts';
import { newValue } from './new-value.ts';
import { impliedNext, valueAt, type Change, type JSONPath } from '../../engine/index.ts';
import type { Schema } from './schema-form.ts';

export type Target = { next: string } | { endsPhase: true } | { ending: string };

const TARGET_KEYS = ['next', 'endsPhase', 'ending'] as const;

/**
 * Where an option leads now, if anywhere. `implied` is the `next` the format implies for an
 * option of its step that names no target (`impliedNext`: the step written after it).
 */
export function targetOf(option: unknown, implied?: string): Target | undefined {
  if (option === null || typeof option !== 'object') return undefined;
  const o = option as Record<string, unknown>;
  if (typeof o.next === 'string') return { next: o.next };
  if (o.endsPhase === true) return { endsPhase: true };
  if (typeof o.ending === 'string') return { ending: o.ending };
  if ('next' in o || 'endsPhase' in o || 'ending' in o) return undefined;
  return implied === undefined ? undefined : { next: implied };
}

/** The `next` implied for options of the step at `/phases/{phase}/steps/{step}` in `doc`. */
export function impliedNextAt(doc: unknown, phase: number, step: number): string | undefined {
  const steps = valueAt(doc, ['phases', phase, 'steps']);
  return Array.isArray(steps) ? impliedNext(steps, step) : undefined;
}

/** The changes that make the option at `optionPath` lead to `target` (and nowhere else). */
export function connectChanges(doc: unknown, optionPath: JSONPath, target: Target): Change[] {
  const option = valueAt(doc, optionPath) as Record<string, unknown> | undefined;
  const changes: Change[] = [];
  for (const key of TARGET_KEYS)
    if (option && key in option && !(key in target))
      changes.push({ kind: 'remove', path: [...optionPath, key] });
  const [key, value] = Object.entries(target)[0] as [string, unknown];
  changes.push({ kind: 'set', path: [...optionPath, key], value });
  return changes;
}

/**
 * Adds a new step right after the step at `/phases/{phase}/steps/{step}`: the selected step's
 * first option now leads to it, and the new step's option leads where that option led (the
 * editor's `keepImpliedNext` keeps its other options leading where they led).
 * Returns the changes and the new step's id.
 */
export function addStepAfterChanges(
  doc: unknown,
  phase: number,
  step: number,
): { changes: Change[]; id: string } {
  const stepsPath: JSONPath = ['phases', phase, 'steps'];
  const taken = allIds(doc);
  const created = newValue(Step as unknown as Schema, 'steps', taken) as {
    id: string;
    options: Record<string, unknown>[];
  };
  const firstOption: JSONPath = [...stepsPath, step, 'options', 0];
  const implied = impliedNextAt(doc, phase, step);
  const oldTarget = targetOf(valueAt(doc, firstOption), implied);
  if (oldTarget && created.options[0]) Object.assign(created.options[0], oldTarget);
  const changes: Change[] = [{ kind: 'insert', path: stepsPath, index: step + 1, value: created }];
  if (valueAt(doc, firstOption) !== undefined)
    changes.push(...connectChanges(doc, firstOption, { next: created.id }));
  return { changes, id: created.id };
}
