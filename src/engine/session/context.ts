/**
 * What every rule reads and writes: the condition environment a context offers, and the
 * transcript. (The context of a new session is built in initial-context.ts.)
 */
import type { ConditionEnv } from './conditions.ts';
import type { SessionContext, TranscriptEntry } from './types.ts';

/** What conditions (`when`) read: variables, signals, the clock, protocol facts, settings and event states. */
export function conditionEnv(ctx: SessionContext): ConditionEnv {
  return {
    vars: ctx.vars,
    vitals: ctx.vitals,
    minute: ctx.minute,
    facts: ctx.facts,
    settings: ctx.settings,
    events: ctx.eventStates ?? {},
  };
}

/** Adds a line to the transcript at the current minute. */
export function say(d: SessionContext, entry: Omit<TranscriptEntry, 'minute'>): void {
  d.transcript = d.transcript.append({ minute: d.minute, ...entry });
}
