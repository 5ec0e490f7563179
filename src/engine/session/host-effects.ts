/**
 * What a host does after the machine has handled an event: the sounds to play and whether to save
 * the attempt. The machine has no side-effect actions (an action per event costs XState about a
 * third of a replay's time); a host watches the actor's snapshots, as XState's documentation does
 * for persistence (`actor.subscribe`), and asks this function what changed between two of them.
 * Replays and headless runs watch nothing, so they play no sounds and save nothing.
 */
import type { Cue, SessionContext } from './types.ts';

/** The side effects due after a snapshot. */
export interface HostEffects {
  /** The cues the last event raised (alarms, scenario events, step audio), in order. */
  cues: readonly Cue[];
  /** Whether an event was logged (accepted or refused): the attempt has changed and is saved. */
  save: boolean;
}

/**
 * The side effects between the context a host last saw (`before`; null for the first snapshot)
 * and the context of the snapshot it now sees (`after`). A snapshot without a new event (the same
 * context) has none. Cues are the last event's: each event starts a fresh list (machine.ts).
 */
export function hostEffects(before: SessionContext | null, after: SessionContext): HostEffects {
  if (before === null || before === after || before.log === after.log)
    return { cues: [], save: false };
  return { cues: after.cues, save: true };
}
