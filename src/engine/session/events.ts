/**
 * Scenario events: firing one when its time or threshold comes, and the consequence when its
 * response window closes unanswered.
 */
import { evaluateCondition } from './conditions.ts';
import { conditionEnv, say } from './context.ts';
import { recordMissedEvent } from './decisions.ts';
import { addVitals, applyEffects } from './effects.ts';
import type { EventDef } from './indexScenario.ts';
import type { SessionContext, Signals } from './types.ts';

/** Whether an event's trigger is met at minute `m` with these signals (its `when` aside). */
export function isTriggered(event: EventDef, m: number, vitals: Signals): boolean {
  const t = event.trigger;
  if ('atMinute' in t) return t.atMinute <= m;
  const v = vitals[t.vital];
  return (t.above !== undefined && v > t.above) || (t.below !== undefined && v < t.below);
}

function fire(d: SessionContext, event: EventDef): void {
  d.fired = [...d.fired, event.id];
  say(d, {
    speaker: event.speaker ?? 'narrator',
    text: event.text,
    ...(event.affect ? { affect: event.affect } : {}),
  });
  d.cues = [...d.cues, event.alarm ? 'alarm' : 'event'];
  if (event.audio) d.cues = [...d.cues, event.audio];
  if (event.respond && d.minute !== null) {
    d.open = [
      ...d.open,
      { eventId: event.id, firedAt: d.minute, deadline: d.minute + event.respond.withinMinutes },
    ];
  }
  if (event.vitals) addVitals(d, event.vitals);
}

/** Fires every event due now whose `when` holds; a timed event whose `when` is false lapses. */
export function fireDueEvents(d: SessionContext): void {
  const m = d.minute!;
  const fired = new Set(d.fired);
  for (const event of d.index.events.values()) {
    if (fired.has(event.id)) continue;
    const due = isTriggered(event, m, d.vitals);
    if (due && evaluateCondition(event.when, conditionEnv(d))) fire(d, event);
    else if ('atMinute' in event.trigger && due) d.fired = [...d.fired, event.id];
  }
}

/** Closes an open event unanswered: a scored miss with its consequence. */
export function missEvent(d: SessionContext, eventId: string): void {
  const missed = d.index.events.get(eventId)!.respond!.missed;
  recordMissedEvent(d, eventId);
  d.open = d.open.filter((o) => o.eventId !== eventId);
  say(d, { speaker: 'system', text: missed.text });
  applyEffects(d, missed.effects);
}
