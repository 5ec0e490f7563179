/**
 * Which text variant each step and event of a headless run was shown with, and which choices were
 * refused and when. The session keeps only the variant of the step in front of the trainee and the
 * dose-clock minute of a refusal, so the run's event log is replayed once (the same events and
 * input give the same session) and both are noted as they happen.
 */
import { createSession, type HeadlessResult, type ScenarioV1 } from '../engine/index.ts';

type Variants = ScenarioV1['phases'][number]['steps'][number]['variants'];
type When = NonNullable<Variants>[number]['when'];

/** The text a step or event was shown with: `variant` is the index of the `variants` entry whose `when` held, or null for the plain `text`. */
export interface ShownText {
  variant: number | null;
  when?: When;
  text: string;
}

/** Key of a decision's step or event: `step:<id>` or `event:<id>`. */
export const shownKey = (kind: 'step' | 'event', id: string) => `${kind}:${id}`;

/** A choice the session refused, with the reason the player shows. */
export interface RefusedChoice {
  optionId: string;
  /** Minutes since the dose, or null before it. */
  minute: number | null;
  /** Minutes since arrival. */
  clock: number;
  reason: string;
}

/**
 * What one replay of a run's log shows that its last snapshot no longer holds: the text each step
 * (when it is shown, not while it waits for its minute) and each event with a response was first
 * shown with, for the definitions with text `variants` (others always show their `text`); and
 * every choice the session refused, with its minute on both clocks. The replay starts from the
 * attempt's own input (seed, mode, what a course carried in), so it is the run itself.
 */
export function replayNotes(
  scenario: ScenarioV1,
  result: HeadlessResult,
): { shown: Map<string, ShownText>; refused: RefusedChoice[] } {
  const shown = new Map<string, ShownText>();
  const refused: RefusedChoice[] = [];
  const steps = new Map(scenario.phases.flatMap((p) => p.steps).map((s) => [s.id, s] as const));
  const events = new Map(scenario.events.map((e) => [e.id, e] as const));
  const note = (
    key: string,
    def: { text: string; variants?: Variants },
    variant: number | null,
  ) => {
    if (shown.has(key) || !def.variants?.length) return;
    const v = variant === null ? undefined : def.variants[variant];
    shown.set(key, v ? { variant, when: v.when, text: v.text } : { variant: null, text: def.text });
  };
  const actor = createSession(scenario, result.attempt);
  for (const event of result.attempt.events) {
    actor.send(event);
    const c = actor.getSnapshot().context;
    if (c.stepId && c.stepShown)
      note(shownKey('step', c.stepId), steps.get(c.stepId)!, c.stepVariant);
    for (const o of c.open) note(shownKey('event', o.eventId), events.get(o.eventId)!, o.variant);
    const entry = c.log.at(-1)!;
    if (!entry.accepted && event.type === 'trainee.choose')
      refused.push({
        optionId: event.optionId,
        minute: entry.minute,
        clock: c.clock,
        reason: entry.reason ?? 'Not possible now.',
      });
  }
  actor.stop();
  return { shown, refused };
}

/** One line for the text report: which variant was shown and the text itself. */
export function describeShown(s: ShownText): string {
  const which =
    s.variant === null
      ? 'the plain text (no variant held)'
      : `variants[${s.variant}] (when ${JSON.stringify(s.when)})`;
  return `shown: ${which}: ${s.text}`;
}
