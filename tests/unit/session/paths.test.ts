/**
 * Path tests with xstate/graph: walks every state of the session machine reachable through the
 * offered options, event responses, vitals checks and "advance to the next event", for the
 * fixture and for every shipped scenario.
 */
import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { getAdjacencyMap } from 'xstate/graph';
import { sessionMachine, attemptFromContext } from '../../../src/engine/session/machine.ts';
import { availableNow, dischargeRefusal } from '../../../src/engine/session/gates.ts';
import { dueChecks } from '../../../src/engine/session/monitoring.ts';
import { eventOptions, offeredOptions } from '../../../src/engine/session/offers.ts';
import { nextEventMinute, viewSession } from '../../../src/engine/session/view.ts';
import { score, scoreContext } from '../../../src/engine/scoring/score.ts';
import type { SessionEvent } from '../../../src/engine/session/types.ts';
import type { SessionSnapshot } from '../../../src/engine/session/session.ts';
import type { ScenarioV1 } from '../../../src/engine/format/schema.ts';
import { FIXTURE_FILE, loadScenarioFile, shippedScenarioFiles } from './fixtures.ts';

/**
 * The key of a state: what decides its future (not the score or the log). The vitals effects are
 * summarised by whether discharge is allowed (threshold events show in `fired`); keying on their
 * exact sums would multiply the states without new behaviour.
 */
function serializeState(s: SessionSnapshot): string {
  const c = s.context;
  return JSON.stringify([
    s.status,
    s.value,
    c.status,
    c.phase,
    c.stepId,
    c.stepShown,
    c.minute,
    c.facts,
    c.vars,
    c.settings,
    dischargeRefusal(c) === null,
    c.fired,
    c.open.map((o) => o.eventId),
    c.checks,
    c.ending,
  ]);
}

/** The events worth trying: options offered and not refused, event responses, a due check, waiting. */
function eventsFor(s: SessionSnapshot): SessionEvent[] {
  const c = s.context;
  if (s.status !== 'active') return [];
  if (c.status === 'briefing') return [{ type: 'session.begin' }];
  const events: SessionEvent[] = availableNow(c).map((optionId) => ({
    type: 'trainee.choose',
    optionId,
  }));
  for (const open of c.open) {
    for (const o of eventOptions(c, c.index.events.get(open.eventId)!))
      events.push({ type: 'trainee.choose', optionId: o.id });
  }
  if (c.minute !== null) {
    if (dueChecks(c).length > 0) events.push({ type: 'trainee.act', action: 'checkVitals' });
    // Letting time pass is tried when nothing else can be done, to let an open response lapse, or
    // to wait for a gate (e.g. the discharge observation time) that refuses an offered option.
    const next = nextEventMinute(c);
    const idle =
      events.length === 0 || c.open.length > 0 || offeredOptions(c).length > availableNow(c).length;
    if (idle && next !== null && next > c.minute)
      events.push({ type: 'clock.advance', minutes: next - c.minute });
  } else if (events.length === 0 || c.open.length > 0) {
    // Before any dose (and in visits without one) time passes on the arrival clock.
    const wait = viewSession(s).minutesToNextEvent;
    if (wait !== null && wait > 0) events.push({ type: 'clock.advance', minutes: wait });
  }
  return events;
}

function explore(scenario: ScenarioV1) {
  const options = {
    input: { scenario, seed: 1, mode: 'assessment' as const },
    events: eventsFor,
    serializeState: (s: SessionSnapshot) => serializeState(s),
    limit: 200_000,
  };
  const map = getAdjacencyMap(sessionMachine, options);
  return { map, options };
}

const files = [FIXTURE_FILE, ...shippedScenarioFiles()];

describe.each(files.map((f) => [f.split('/').pop()!, f]))('paths through %s', (_name, file) => {
  const scenario = loadScenarioFile(file);
  const { map, options } = explore(scenario);
  const keys = Object.keys(map);

  it('every path ends in the debrief', () => {
    const reverse = new Map<string, string[]>();
    const finals: string[] = [];
    for (const key of keys) {
      const node = map[key as keyof typeof map]!;
      const targets = Object.values(node.transitions);
      if (targets.length === 0) {
        // A state with nothing left to do must be the debrief.
        expect({ key, debrief: node.state.hasTag('debrief') }).toEqual({ key, debrief: true });
        finals.push(key);
      }
      for (const t of targets) {
        const k = serializeState(t.state);
        reverse.set(k, [...(reverse.get(k) ?? []), key]);
      }
    }
    // And from every reachable state the debrief can still be reached (no traps, no endless loops only).
    const reaches = new Set(finals);
    const queue = [...finals];
    while (queue.length > 0) {
      for (const p of reverse.get(queue.pop()!) ?? []) {
        if (reaches.has(p)) continue;
        reaches.add(p);
        queue.push(p);
      }
    }
    expect(keys.filter((k) => !reaches.has(k))).toEqual([]);
  });

  it('every ending is reachable', () => {
    const reached = new Set(
      keys
        .map((k) => map[k as keyof typeof map]!.state.context.ending)
        .filter((e): e is string => e !== null),
    );
    expect([...reached].sort()).toEqual(scenario.endings.map((e) => e.id).sort());
  });

  it("each path's score recomputed from its log equals the live score", () => {
    // Shortest paths (breadth first over the adjacency map) to every debrief state.
    const initial = keys[0]!;
    const parent = new Map<string, { from: string; event: SessionEvent } | null>([[initial, null]]);
    const queue = [initial];
    while (queue.length > 0) {
      const key = queue.shift()!;
      for (const t of Object.values(map[key as keyof typeof map]!.transitions)) {
        const k = serializeState(t.state);
        if (parent.has(k)) continue;
        parent.set(k, { from: key, event: t.event });
        queue.push(k);
      }
    }
    const finals = keys.filter((k) => map[k as keyof typeof map]!.state.status === 'done');
    expect(finals.length).toBeGreaterThan(0);
    for (const final of finals) {
      const events: SessionEvent[] = [];
      for (let link = parent.get(final); link; link = parent.get(link.from))
        events.unshift(link.event);
      // Play the path's events through a running actor (the live runtime)…
      const actor = createActor(sessionMachine, { input: options.input }).start();
      for (const event of events) actor.send(event);
      const live = actor.getSnapshot();
      expect(live.hasTag('debrief')).toBe(true);
      // …then score its log from scratch: the same report.
      expect(score(scenario, attemptFromContext(live.context))).toEqual(scoreContext(live.context));
    }
  }, 120_000);
});
