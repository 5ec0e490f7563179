/**
 * The order in which a decision's options are shown: a permutation drawn from the attempt's seed,
 * so the best answer has no fixed position. Pure and deterministic: the same seed, decision and
 * option ids give the same order in the player, after a reload (resume replays the same seed),
 * in a replay and in the debrief, in both modes. Nothing here changes what is offered or scored.
 */
import { hashInts } from '../session/prng.ts';
import type { SessionView, ViewOption } from '../session/view.ts';

/** FNV-1a over UTF-16 code units: a 32-bit number for an id. */
function hashText(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * The sort key of one option (a 32-bit integer). Each option's key depends only on the seed, the
 * decision and its own id, so an option keeps its place relative to the others when a `when`
 * condition adds or removes a sibling.
 */
export function optionOrderKey(seed: number, decisionId: string, optionId: string): number {
  return hashInts(seed, hashText(decisionId), hashText(optionId));
}

/**
 * `options` in the order shown for decision `decisionId` (a step or event id) of the attempt with
 * `seed`. Returns a new array; the input is not changed. Ties (equal 32-bit keys) keep file order.
 */
export function orderOptions<T extends { id: string }>(
  options: readonly T[],
  seed: number,
  decisionId: string,
): T[] {
  return options
    .map((option, i) => ({ option, i, key: optionOrderKey(seed, decisionId, option.id) }))
    .sort((a, b) => a.key - b.key || a.i - b.i)
    .map((entry) => entry.option);
}

/** One choice as the player shows it: its group (an event id, or "step") and its number key. */
export interface ShownChoice {
  option: ViewOption;
  /** The open event's id, or "step" for the current step's options. */
  group: string;
  /** "1"–"9" for the first nine choices shown, else null. */
  key: string | null;
}

/**
 * Every choice the player shows now, in the order shown: open events first (they are urgent, in
 * the order they opened), then the step's options; within each group the seed's order. Keys 1–9
 * follow this order, so pressing one key every time picks a different position's option each time.
 */
export function shownChoices(
  view: Pick<SessionView, 'openEvents' | 'options' | 'step'>,
  seed: number,
): ShownChoice[] {
  const list: { option: ViewOption; group: string }[] = [];
  for (const e of view.openEvents)
    for (const option of orderOptions(e.options, seed, e.id)) list.push({ option, group: e.id });
  const stepId = view.step?.id ?? '';
  for (const option of orderOptions(view.options, seed, stepId))
    list.push({ option, group: 'step' });
  return list.map((entry, i) => ({ ...entry, key: i < 9 ? String(i + 1) : null }));
}
