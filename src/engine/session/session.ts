/**
 * Starting and replaying sessions. `step` is XState's pure `transition()`; `replay` feeds a log
 * to an actor that nothing watches, so replaying plays no cues and saves nothing (hosts watch
 * their actor's snapshots: host-effects.ts). (An actor is used because `transition()` builds a throw-away actor on
 * every call, which makes long replays about twice as slow; the snapshots are the same.)
 */
import { createActor, initialTransition, transition, type SnapshotFrom } from 'xstate';
import type { ScenarioV1 } from '../format/schema.ts';
import { sessionMachine, type SessionMachine } from './machine.ts';
import type { CarriedState, Mode, SessionEvent } from './types.ts';

export type SessionSnapshot = SnapshotFrom<SessionMachine>;

/** The parts of an attempt a replay needs. */
export interface ReplayLog {
  seed: number;
  mode: Mode;
  events: readonly SessionEvent[];
  /** In a course: what the earlier visits carried into this one. */
  carried?: CarriedState;
}

/** A started actor for a new session. */
export function createSession(
  scenario: ScenarioV1,
  options: { seed: number; mode: Mode; carried?: CarriedState },
  machine: SessionMachine = sessionMachine,
) {
  return createActor(machine, { input: inputOf(scenario, options) }).start();
}

/**
 * The machine's input for a session started with `options`. A course visit's attempt carries what
 * it was started with (`carried`): every replay of an attempt starts from it, or the choices that
 * depend on it would be refused and the log would end early.
 */
export function inputOf(
  scenario: ScenarioV1,
  options: { seed: number; mode: Mode; carried?: CarriedState },
) {
  return {
    scenario,
    seed: options.seed,
    mode: options.mode,
    ...(options.carried ? { carried: options.carried } : {}),
  };
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

/**
 * Feeds a log to a fresh actor of the plain machine (stopping at the final state), calling
 * `afterEach` with each event's index and the snapshot it produced; returns the last snapshot.
 */
function replayActor(
  scenario: ScenarioV1,
  log: ReplayLog,
  afterEach?: (i: number, snapshot: SessionSnapshot) => void,
): SessionSnapshot {
  const actor = createActor(sessionMachine, { input: inputOf(scenario, log) }).start();
  for (let i = 0; i < log.events.length; i++) {
    if (actor.getSnapshot().status !== 'active') break;
    actor.send(log.events[i]!);
    afterEach?.(i, actor.getSnapshot());
  }
  const snapshot = actor.getSnapshot();
  actor.stop();
  return snapshot;
}

/** Replays a log from the start: the same log always gives the same snapshot. */
export function replay(scenario: ScenarioV1, log: ReplayLog): SessionSnapshot {
  return replayActor(scenario, log);
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
  let cut = 0;
  let before = 0;
  replayActor(scenario, log, (i, snapshot) => {
    const after = snapshot.context.decisions.length;
    if (before <= index && after > index) cut = i;
    before = after;
  });
  return log.events.slice(0, cut);
}
