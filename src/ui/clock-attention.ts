/**
 * What asks the trainee for an answer now, as the engine's view states it, and whether something
 * new has appeared since the last look. A clock running faster than the default speed holds when
 * something new appears (ticker.svelte.ts), as fast-forward does in a simulator: a window of a few
 * simulated minutes would otherwise pass in about a second. Nothing here decides what is open or
 * when it closes; the view says so (`step.until`, `openEvents`, `alarms`).
 */
import type { SessionView } from './engine-bridge.ts';

/** The open demands: the timed step's id (a step with `until`), open events' ids, alarms sounding. */
export interface Demands {
  step: string | null;
  events: readonly string[];
  alarms: readonly string[];
}

/** The demands in `view`: a step only when it has a deadline; alarms as "signal direction". */
export function demandsOf(view: Pick<SessionView, 'step' | 'openEvents' | 'alarms'>): Demands {
  return {
    step: view.step && view.step.until !== undefined ? view.step.id : null,
    events: view.openEvents.map((e) => e.id),
    alarms: view.alarms.map((a) => `${a.signal} ${a.direction}`),
  };
}

/** Whether `after` holds a demand `before` did not: a new timed step, event or alarm. */
export function newDemand(before: Demands, after: Demands): boolean {
  return (
    (after.step !== null && after.step !== before.step) ||
    after.events.some((e) => !before.events.includes(e)) ||
    after.alarms.some((a) => !before.alarms.includes(a))
  );
}
