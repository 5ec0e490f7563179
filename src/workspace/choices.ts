/**
 * A previewed path as the command line's `--choices` list: the option ids chosen, in order,
 * with retried choices left out (a retry replaces the choice before it).
 */
import type { SessionEvent } from '../engine/index.ts';

export function choicesOf(events: readonly SessionEvent[]): string[] {
  const out: string[] = [];
  for (const e of events) {
    if (e.type === 'trainee.choose') out.push(e.optionId);
    else if (e.type === 'trainee.retry') out.pop();
  }
  return out;
}

/**
 * The choices of a session log (the engine's `context.log`): only accepted events count, so a
 * refused choice (or a refused retry) never appears in the exported list.
 */
export function acceptedChoicesOf(
  log: Iterable<{ event: SessionEvent; accepted: boolean }>,
): string[] {
  return choicesOf([...log].filter((l) => l.accepted).map((l) => l.event));
}

/** The command that replays `choices` (they start at the first step of the scenario). */
export function choicesCommand(file: string, choices: readonly string[]): string {
  const name = /^[\w./-]+$/.test(file) ? file : `'${file.replaceAll("'", "'\\''")}'`;
  return `npm run scenario -- run ${name} --choices ${choices.join(',')}`;
}

/** A long list of choices as a report shows it: the first ones, how many more, and any loop. */
export interface ChoicesSummary {
  /** The first choices, at most the limit asked for. */
  shown: string[];
  /** How many choices are not shown. */
  more: number;
  /** The choices the list ends by repeating (one loop), when it ends in a repeat; else empty. */
  loop: string[];
}

/**
 * Summarises `choices` (option ids, in order) for a report: the first `limit`, the count of the
 * rest, and the loop the list ends in, found as the shortest run of at most 12 ids that repeats
 * at least 3 times at its end (a strategy run cut off by the event limit repeats one loop).
 */
export function summariseChoices(choices: readonly string[], limit = 40): ChoicesSummary {
  const shown = choices.slice(0, limit);
  let loop: string[] = [];
  for (let period = 1; period <= 12 && loop.length === 0; period++) {
    if (choices.length < period * 3) break;
    const tail = choices.slice(-period * 3);
    if (tail.every((id, i) => id === tail[i % period])) loop = tail.slice(0, period);
  }
  return { shown, more: choices.length - shown.length, loop };
}
