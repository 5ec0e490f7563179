/**
 * Starting and replaying sessions. `step` is XState's pure `transition()`; `replay` feeds a log
 * to an actor of the plain machine, whose side effects are the no-op defaults, so replaying runs
 * no cues and no saves. (An actor is used because `transition()` builds a throw-away actor on
 * every call, which makes long replays about twice as slow; the snapshots are the same.)
 */
import { createActor, initialTransition, transition, type SnapshotFrom } from 'xstate';
import type { ScenarioV1 } from '../format/schema.ts';
import { sessionMachine, type SessionMachine } from './machine.ts';
import type { Mode, SessionEvent } from './types.ts';

export type SessionSnapshot = SnapshotFrom<SessionMachine>;

/** The parts of an attempt a replay needs. */
export interface ReplayLog {
  seed: number;
  mode: Mode;
  events: readonly SessionEvent[];
}

/** A started actor for a new session (hosts may pass a machine with their own side effects). */
export function createSession(
  scenario: ScenarioV1,
  options: { seed: number; mode: Mode },
  machine: SessionMachine = sessionMachine,
) {
  return createActor(machine, {
    input: { scenario, seed: options.seed, mode: options.mode },
  }).start();
}

/** The snapshot before any event. */
export function initialSnapshot(
  scenario: ScenarioV1,
  options: { seed: number; mode: Mode },
): SessionSnapshot {
  return initialTransition(sessionMachine, { scenario, seed: options.seed, mode: options.mode })[0];
}

/** The snapshot after one more event (pure). */
export function step(snapshot: SessionSnapshot, event: SessionEvent): SessionSnapshot {
  if (snapshot.status !== 'active') return snapshot;
  return transition(sessionMachine, snapshot, event)[0];
}

/** Replays a log from the start: the same log always gives the same snapshot. */
export function replay(scenario: ScenarioV1, log: ReplayLog): SessionSnapshot {
  const actor = createActor(sessionMachine, {
    input: { scenario, seed: log.seed, mode: log.mode },
  }).start();
  for (const event of log.events) {
    if (actor.getSnapshot().status !== 'active') break;
    actor.send(event);
  }
  const snapshot = actor.getSnapshot();
  actor.stop();
  return snapshot;
}

/** The same replay through the pure `transition()` function, one event at a time. */
export function replayPure(scenario: ScenarioV1, log: ReplayLog): SessionSnapshot {
  let snapshot = initialSnapshot(scenario, log);
  for (const event of log.events) snapshot = step(snapshot, event);
  return snapshot;
}

/**
 * The events before the one that produced decision `index` (its last occurrence, if a practice
 * retry replaced it): a practice attempt branched from there meets that decision again.
 */
export function eventsBeforeDecision(
  scenario: ScenarioV1,
  log: ReplayLog,
  index: number,
): SessionEvent[] {
  const actor = createActor(sessionMachine, {
    input: { scenario, seed: log.seed, mode: log.mode },
  }).start();
  let cut = 0;
  let before = 0;
  log.events.forEach((event, i) => {
    actor.send(event);
    const after = actor.getSnapshot().context.decisions.length;
    if (before <= index && after > index) cut = i;
    before = after;
  });
  actor.stop();
  return log.events.slice(0, cut);
}
