/**
 * Which text variant each step and event of a headless run was shown with. The session keeps only
 * the variant of the step in front of the trainee, so the run's event log is replayed (the same
 * events, seed and mode give the same session) and the variant noted as each step is presented
 * and each event with a response fires.
 */
import { initialSnapshot, step, type HeadlessResult, type ScenarioV1 } from '../engine/index.ts';

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

/**
 * The first presentation of every step (when it is shown, not while it waits for its minute), and the firing of every event with a response, whose
 * definition has text `variants` (others always show their `text`). Empty when no step or event
 * has variants.
 */
export function shownTexts(
  scenario: ScenarioV1,
  result: HeadlessResult,
  options: { seed: number; mode: 'assessment' | 'practice' },
): Map<string, ShownText> {
  const shown = new Map<string, ShownText>();
  const steps = new Map(scenario.phases.flatMap((p) => p.steps).map((s) => [s.id, s] as const));
  const events = new Map(scenario.events.map((e) => [e.id, e] as const));
  const hasVariants = [...steps.values(), ...events.values()].some((d) => d.variants?.length);
  if (!hasVariants) return shown;

  const note = (
    key: string,
    def: { text: string; variants?: Variants },
    variant: number | null,
  ) => {
    if (shown.has(key) || !def.variants?.length) return;
    const v = variant === null ? undefined : def.variants[variant];
    shown.set(key, v ? { variant, when: v.when, text: v.text } : { variant: null, text: def.text });
  };
  let snapshot = initialSnapshot(scenario, options);
  for (const entry of result.snapshot.context.log.toArray()) {
    snapshot = step(snapshot, entry.event);
    const c = snapshot.context;
    // A step waiting for its minute is current but not shown: its variant is chosen when shown.
    if (c.stepId && c.stepShown)
      note(shownKey('step', c.stepId), steps.get(c.stepId)!, c.stepVariant);
    for (const o of c.open) note(shownKey('event', o.eventId), events.get(o.eventId)!, o.variant);
  }
  return shown;
}

/** One line for the text report: which variant was shown and the text itself. */
export function describeShown(s: ShownText): string {
  const which =
    s.variant === null
      ? 'the plain text (no variant held)'
      : `variants[${s.variant}] (when ${JSON.stringify(s.when)})`;
  return `shown: ${which}: ${s.text}`;
}
