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
