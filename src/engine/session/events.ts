/**
 * Scenario events: firing one when its time or threshold comes, and the consequence when its
 * response window closes unanswered.
 */
import { evaluateCondition } from './conditions.ts';
import { conditionEnv, say } from './context.ts';
import { recordMissedEvent } from './decisions.ts';
import { addVitals, applyEffects } from './changes.ts';
import type { EventDef } from './indexScenario.ts';
import { arrivalMinuteOf } from './timing.ts';
import { chooseVariant, textOf } from './variants.ts';
import { stepMeetsEvent } from './crisis.ts';
import type { SessionContext, Signals } from './types.ts';

/**
 * Whether an event's trigger is met at arrival-clock minute `clock` with these signals (its `when`
 * aside). A dose-clock trigger is never met before the dose. A trigger on blood pressure
 * (`systolic`, `diastolic`) reads the cuff's last reading (`reading`), as the monitor's alarm does
 * (nibp.ts `monitorAlarms`): it is met at the minute of a reading beyond it, never by the modelled
 * pressure between readings, and never before the first reading.
 */
export function isTriggered(
  ctx: Pick<SessionContext, 'doseClock'>,
  event: EventDef,
  clock: number,
  vitals: Signals,
  reading: { systolic: number; diastolic: number } | null,
): boolean {
  const t = event.trigger;
  if ('atMinute' in t) {
    const at = arrivalMinuteOf(ctx, t.atMinute, t.from);
    return at !== null && at <= clock;
  }
  if (t.from !== 'arrival' && ctx.doseClock === null) return false;
  const bp = t.vital === 'systolic' || t.vital === 'diastolic';
  if (bp && reading === null) return false;
  const v = bp ? reading![t.vital as 'systolic' | 'diastolic'] : vitals[t.vital];
  return (t.above !== undefined && v > t.above) || (t.below !== undefined && v < t.below);
}

function fire(d: SessionContext, event: EventDef): void {
  d.fired = [...d.fired, event.id];
  const variant = chooseVariant(event.variants, conditionEnv(d));
  say(d, { speaker: event.speaker ?? 'narrator', ...textOf(event, variant) });
  d.cues = [...d.cues, event.alarm ? 'alarm' : 'event'];
  if (event.audio) d.cues = [...d.cues, event.audio];
  if (event.respond) {
    d.open = [
      ...d.open,
      {
        eventId: event.id,
        firedAt: d.clock,
        deadline: d.clock + event.respond.withinMinutes,
        variant,
      },
    ];
  }
  d.eventStates = { ...d.eventStates, [event.id]: event.respond ? 'open' : 'fired' };
  if (event.vitals) addVitals(d, event.vitals);
  stepMeetsEvent(d, event.id);
}

/** Fires every event due now whose `when` holds; a timed event whose `when` is false lapses. */
export function fireDueEvents(d: SessionContext): void {
  const fired = new Set(d.fired);
  for (const event of d.index.events.values()) {
    if (fired.has(event.id)) continue;
    const due = isTriggered(d, event, d.clock, d.vitals, d.monitor.readings.at(-1) ?? null);
    if (due && evaluateCondition(event.when, conditionEnv(d))) fire(d, event);
    else if ('atMinute' in event.trigger && due) d.fired = [...d.fired, event.id];
  }
}

/** Closes an open event unanswered: a scored miss with its consequence. */
export function missEvent(d: SessionContext, eventId: string): void {
  const missed = d.index.events.get(eventId)!.respond!.missed;
  recordMissedEvent(d, eventId);
  d.open = d.open.filter((o) => o.eventId !== eventId);
  d.eventStates = { ...d.eventStates, [eventId]: 'missed' };
  say(d, { speaker: 'system', text: missed.text });
  applyEffects(d, missed.effects);
  stepMeetsEvent(d, eventId);
}
